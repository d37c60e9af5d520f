// The reporting module's queries, one file per kind of record: regimes, unit reports, the facts a report is
// prefilled from, the dashboards' aggregates and the reminders' log.
export * from './regimes.ts';
export * from './reports.ts';
export * from './facts.ts';
export * from './dashboard.ts';
export * from './reminders.ts';
export * from './public-plans.ts';
export * from './documents.ts';
