// The users module: accounts, their roles and passwords, and the demo accounts.
export { module } from './module.ts';
export {
  DEMO_ACCOUNTS,
  DEMO_PASSWORD,
  ensureDemoAccounts,
  getUser,
  insertUser,
  listUsers,
  setTemporaryPassword,
  type UserView,
} from './service.ts';
export { CreateUserSchema } from '../../contracts/users.ts';
export {
  countActiveUsersOfUnit,
  countUsers,
  findUserByUsername,
  getUserWithUnit,
  moveUsersToUnit,
  setPasswordHash,
  touchLastLogin,
  type UserWithUnit,
} from './store.ts';
