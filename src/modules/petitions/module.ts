import type { AppModule } from '../module.ts';

export const module: AppModule = {
  name: 'petitions',
  routes: async () => (await import('./routes.ts')).petitionRoutes,
  background: async () => (await import('./background.ts')).startPetitionBackground,
  reportSection: async () => (await import('./report-section.ts')).petitionsReportSection,
  todo: async () => (await import('./use-cases/todo.ts')).petitionsTodo,
};
