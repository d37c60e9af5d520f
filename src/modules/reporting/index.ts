// The reporting module: reporting regimes of issued plans, units' periodic reports, their compilation, the dashboards
// and the reminders.
export { module } from './module.ts';
export * from './service.ts';
export { runReminders, startReminderScheduler, type ReminderScheduler } from './reminders.ts';
export { setReportingClock, todayFor, vnDate } from './clock.ts';
