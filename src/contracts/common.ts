// What the contract modules (plans, tracking, reporting) share: the primitives their answers are written with.
// Pure: no node: modules, no database, nothing from src/modules.
import { z } from '@hono/zod-openapi';

/** A union the domain gives as the keys of its label record: the enum stays exhaustive by construction. */
export const keysOf = <K extends string>(labels: Record<K, string>) => Object.keys(labels) as [K, ...K[]];

/** YYYY-MM-DD (a calendar day in Việt Nam). */
export const IsoDay = z.string().openapi({ format: 'date' });
/** An instant, ISO 8601 with time zone. */
export const Instant = z.string().openapi({ format: 'date-time' });
