import type { AppModule } from '../module.ts';

export const module: AppModule = {
  name: 'plans',
  routes: async () => (await import('./routes.ts')).planRoutes,
  todo: async () => (await import('./use-cases/todo.ts')).plansTodo,
  commands: [
    {
      name: 'import',
      help: 'Đọc tệp kế hoạch (.txt, .md, .html, .docx) thành dữ liệu có cấu trúc, kèm kết quả rà soát',
      usage: 'thihanh import TỆP [--json]   (JSON theo schemas/plan.schema.json)',
      load: async () => (await import('./cli-file.ts')).importCommand,
    },
    {
      name: 'lint',
      help: 'Rà soát một tệp kế hoạch hoặc một kế hoạch trong hệ thống; mã thoát khác 0 khi có lỗi',
      usage: 'thihanh lint TỆP|MÃ_KẾ_HOẠCH [--json] [--as TÊN_ĐĂNG_NHẬP]',
      load: async () => (await import('./cli-file.ts')).lintCommand,
    },
    {
      name: 'cascade',
      help: 'Triển khai kế hoạch của tỉnh xuống xã, phường (tạo dự thảo cho từng đơn vị)',
      usage: 'thihanh cascade MÃ_KẾ_HOẠCH (--all | --unit MÃ_XÃ [--unit …]) --as TÊN_ĐĂNG_NHẬP',
      load: async () => (await import('./cli.ts')).cascadeCommand,
    },
    {
      name: 'export',
      help: 'Xuất kế hoạch ra DOCX (thể thức Nghị định 30/2020), XLSX (bảng nhiệm vụ) hoặc JSON',
      usage: 'thihanh export MÃ_KẾ_HOẠCH --format docx|xlsx|json --out TỆP [--as TÊN_ĐĂNG_NHẬP]',
      load: async () => (await import('./cli.ts')).exportCommand,
    },
  ],
};
