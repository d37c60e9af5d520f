import type { AppModule } from '../module.ts';

export const module: AppModule = {
  name: 'ai-systems',
  routes: async () => (await import('./routes.ts')).aiSystemsRoutes,
  reportSection: async () => (await import('./report-section.ts')).aiSystemsReportSection,
  todo: async () => (await import('./use-cases/todo.ts')).aiSystemsTodo,
};
