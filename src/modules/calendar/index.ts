// The calendar module: public holidays, days off in lieu and make-up working days, adjustable by administrators.
export { module } from './module.ts';
export { calendarOfYear, setCalendarOverrides, validateCalendarOverrides } from './service.ts';
export { loadCalendar } from './store.ts';
