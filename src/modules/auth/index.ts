// The auth module: sign-in, sessions, passwords and the throttling of failed sign-ins.
export { module } from './module.ts';
export {
  actorFor,
  LoginThrottled,
  purgeExpired,
  SESSION_COOKIE,
  sessionFromToken,
  toActor,
  type SessionInfo,
  type SessionUser,
} from './service.ts';
export { countHit, deleteSessionsOfUser, type Hit } from './store.ts';
export { hashPassword, passwordProblems, temporaryPassword, verifyPassword } from './passwords.ts';
