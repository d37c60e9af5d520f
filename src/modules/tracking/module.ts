import type { AppModule } from '../module.ts';

export const module: AppModule = {
  name: 'tracking',
  routes: async () => (await import('./routes.ts')).trackingRoutes,
  todo: async () => (await import('./use-cases/todo.ts')).trackingTodo,
};
