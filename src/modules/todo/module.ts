import type { AppModule } from '../module.ts';

export const module: AppModule = {
  name: 'todo',
  routes: async () => (await import('./routes.ts')).todoRoutes,
};
