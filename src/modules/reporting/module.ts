import type { AppModule } from '../module.ts';

export const module: AppModule = {
  name: 'reporting',
  routes: async () => (await import('./routes.ts')).reportingRoutes,
  todo: async () => (await import('./use-cases/todo.ts')).reportingTodo,
  background: async () => {
    const { startReminderScheduler } = await import('./reminders.ts');
    return ({ db, config }) => startReminderScheduler(db, config);
  },
};
