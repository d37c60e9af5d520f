import type { AppModule } from '../module.ts';

export const module: AppModule = {
  name: 'notifications',
  routes: async () => (await import('./routes.ts')).notificationRoutes,
};
