import type { AppModule } from '../module.ts';

export const module: AppModule = {
  name: 'sync',
  routes: async () => (await import('./routes.ts')).syncRoutes,
  background: async () => (await import('./background.ts')).startSyncBackground,
};
