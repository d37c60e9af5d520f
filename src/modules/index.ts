// The one list of modules. `src/http/app.ts` mounts their routes in this order (which is also the order of the
// OpenAPI document) and `src/cli.ts` offers their commands. A new module adds its folder (copy `org`: index.ts,
// module.ts, routes.ts, service.ts, store.ts, cli.ts) and one line here. The list holds each module's `module.ts`
// (re-exported by its index.ts) rather than its index.ts, so that reading it loads no service.
import type { AppModule } from './module.ts';
import { module as auth } from './auth/module.ts';
import { module as org } from './org/module.ts';
import { module as users } from './users/module.ts';
import { module as audit } from './audit/module.ts';
import { module as plans } from './plans/module.ts';
import { module as tracking } from './tracking/module.ts';
import { module as notifications } from './notifications/module.ts';
import { module as calendar } from './calendar/module.ts';
import { module as reporting } from './reporting/module.ts';
import { module as backup } from './backup/module.ts';
import { module as search } from './search/module.ts';
import { module as mail } from './mail/module.ts';
import { module as todo } from './todo/module.ts';
import { module as petitions } from './petitions/module.ts';
import { module as aiSystems } from './ai-systems/module.ts';
import { module as datasets } from './datasets/module.ts';
import { module as sync } from './sync/module.ts';

export const MODULES: readonly AppModule[] = [
  auth,
  org,
  users,
  audit,
  plans,
  tracking,
  notifications,
  calendar,
  reporting,
  backup,
  search,
  mail,
  petitions,
  aiSystems,
  datasets,
  sync,
  todo,
];
