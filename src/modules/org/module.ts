import type { AppModule } from '../module.ts';

export const module: AppModule = {
  name: 'org',
  routes: async () => (await import('./routes.ts')).orgRoutes,
  commands: [
    {
      name: 'reference reload',
      help: 'Nạp lại dữ liệu tham chiếu (đơn vị hành chính, sở, ngành, phòng cấp xã)',
      usage: 'thihanh reference reload',
      load: async () => (await import('./cli.ts')).referenceReload,
    },
    {
      name: 'units find',
      help: 'Tìm đơn vị theo tên (có dấu hoặc không dấu), tên cũ hoặc mã',
      usage: 'thihanh units find "nam sam son" [--limit N] [--json]',
      load: async () => (await import('./cli.ts')).unitsFind,
    },
    {
      name: 'units import',
      help: 'Nạp xã, phường (kèm phòng, ban) hoặc sở, ngành của một tỉnh từ tệp CSV theo cột của reference-data/',
      usage: 'thihanh units import TỆP.csv --province MÃ_TỈNH [--json]',
      load: async () => (await import('./cli-import.ts')).unitsImport,
    },
  ],
};
