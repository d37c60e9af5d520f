// A database handle without the schema type, for the code that acts on every table as it finds it: migrations (the
// tables of a migration are not those of the current schema type) and backup/restore (every table, in dependency
// order, including ones a later version adds). The one place where `any` is the honest type.
import type { Kysely, Transaction } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: Kysely's own convention for a schema-less handle
export type UntypedKysely = Kysely<any>;
// biome-ignore lint/suspicious/noExplicitAny: as above, inside a transaction
export type UntypedTransaction = Transaction<any>;
