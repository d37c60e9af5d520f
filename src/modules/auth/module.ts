import type { AppModule } from '../module.ts';

export const module: AppModule = {
  name: 'auth',
  routes: async () => (await import('./routes.ts')).authRoutes,
  background: async () => (await import('./background.ts')).purgeSessionsHourly,
};
