import type { AppModule } from '../module.ts';

export const module: AppModule = {
  name: 'calendar',
  routes: async () => (await import('./routes.ts')).calendarRoutes,
};
