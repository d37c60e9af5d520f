// User administration: accounts belong to a unit and hold roles there. One use case per file in use-cases/.
export type { UserView } from './use-cases/account-view.ts';
export { getUser, listUsers } from './use-cases/list-users.ts';
export { createUser, insertUser, type CreateUserInput } from './use-cases/create-user.ts';
export { updateUser, type UpdateUserInput } from './use-cases/update-user.ts';
export { resetPassword, setTemporaryPassword } from './use-cases/reset-password.ts';
export { DEMO_ACCOUNTS, DEMO_PASSWORD, ensureDemoAccounts } from './use-cases/demo-accounts.ts';
