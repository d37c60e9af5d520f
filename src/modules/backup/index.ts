// The backup module: whole-database backups (.tar.gz, evidence files included), restore, and the daily schedule.
export { module } from './module.ts';
export { backupCommand, restoreCommand } from './commands.ts';
export { startBackupServices } from './server.ts';
