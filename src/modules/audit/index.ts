// The audit module: every write records who did what to which record, in the same transaction as the write.
export { module } from './module.ts';
export { listAudit, recordAudit, recordAudits, type AuditEntry, type AuditFilter } from './store.ts';
