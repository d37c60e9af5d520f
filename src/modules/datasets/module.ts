import type { AppModule } from '../module.ts';

export const module: AppModule = {
  name: 'datasets',
  routes: async () => (await import('./routes.ts')).datasetRoutes,
  reportSection: async () => (await import('./report-section.ts')).datasetsReportSection,
};
