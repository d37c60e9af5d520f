import type { AppModule } from '../module.ts';

export const module: AppModule = {
  name: 'audit',
  routes: async () => (await import('./routes.ts')).auditRoutes,
};
