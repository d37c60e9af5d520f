import type { Ctx } from '../modules/context.ts';
import type { SessionInfo } from '../modules/auth/service.ts';
import type { Config } from '../config.ts';

/** What middleware puts on each request for the routes. */
export interface AppEnv {
  Variables: {
    ctx: Ctx;
    session: SessionInfo | null;
    sessionToken: string | undefined;
    config: Config;
  };
}
