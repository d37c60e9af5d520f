import type { Ctx } from '../modules/context.ts';
import type { SessionInfo } from '../modules/auth/index.ts';
import type { Config } from '../config.ts';

/** What middleware puts on each request for the routes. */
export interface AppEnv {
  Variables: {
    ctx: Ctx;
    session: SessionInfo | null;
    sessionToken: string | undefined;
    config: Config;
    /** The client reached us over HTTPS (directly or through a trusted proxy): cookies are Secure. */
    secure: boolean;
  };
}
