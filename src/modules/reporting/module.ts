import type { AppModule } from '../module.ts';

export const module: AppModule = {
  name: 'reporting',
  routes: async () => (await import('./routes.ts')).reportingRoutes,
};
