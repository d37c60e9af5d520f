import type { AppModule } from '../module.ts';

export const module: AppModule = {
  name: 'petitions',
  routes: async () => (await import('./routes.ts')).petitionRoutes,
  background: async () => (await import('./background.ts')).startPetitionBackground,
  todo: async () => (await import('./use-cases/todo.ts')).petitionsTodo,
};
