// The notifications module: in-app notices to a unit or to one user, written by the other modules' use cases inside
// their transactions and read by the people they are addressed to.
export { module } from './module.ts';
export { listNotificationsFor, markNotificationRead } from './service.ts';
export { notify, type NewNotification } from './store.ts';
