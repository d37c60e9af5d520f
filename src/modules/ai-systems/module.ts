import type { AppModule } from '../module.ts';

export const module: AppModule = {
  name: 'ai-systems',
  routes: async () => (await import('./routes.ts')).aiSystemsRoutes,
  todo: async () => (await import('./use-cases/todo.ts')).aiSystemsTodo,
};
