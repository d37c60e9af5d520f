// Every address of the web app in one place, so links and routes stay in step.
export const paths = {
  home: '/',
  login: '/dang-nhap',
  changePassword: '/doi-mat-khau',
  units: '/don-vi',
  unit: (id: number | string) => `/don-vi/${id}`,
  /** Who signs the unit's documents, its filing line and symbol. */
  unitDocuments: (id: number | string) => `/don-vi/${id}/van-ban`,
  users: '/tai-khoan',
  audit: '/nhat-ky',
  plans: '/ke-hoach',
  planImport: '/ke-hoach/nhap',
  plan: (id: number | string) => `/ke-hoach/${id}`,
  planEdit: (id: number | string) => `/ke-hoach/${id}/sua`,
  planCascade: (id: number | string) => `/ke-hoach/${id}/trien-khai`,
  planCompare: (id: number | string) => `/ke-hoach/${id}/so-sanh`,
  /** The list filtered to the plans that implement one plan (its communes' plans). */
  planChildren: (id: number | string) => `/ke-hoach?capTren=${id}`,
  /** Công việc: the assignments of my unit (filters: donVi, keHoach, trangThai, nam). */
  assignments: '/cong-viec',
  assignment: (id: number | string) => `/cong-viec/${id}`,
  assignmentUpdate: (id: number | string) => `/cong-viec/${id}/cap-nhat`,
  /** Khó khăn, kiến nghị: hop=den (inbox) | di (outbox). */
  obstacles: '/kho-khan',
  obstacle: (id: number | string, box: 'inbox' | 'outbox') =>
    `/kho-khan?hop=${box === 'inbox' ? 'den' : 'di'}#kk-${id}`,
  reports: '/bao-cao',
  report: (id: number | string) => `/bao-cao/${id}`,
  regime: (id: number | string) => `/che-do-bao-cao/${id}`,
  periodStatus: (id: number | string, key: string) => `/che-do-bao-cao/${id}/ky/${key}`,
  dashboard: '/bang-dieu-khien',
  dashboardOf: (planId: number | string, year?: number) =>
    `/bang-dieu-khien?keHoach=${planId}${year ? `&nam=${year}` : ''}`,
  notifications: '/thong-bao',
  /** Hệ thống AI: the uses of my unit and below; registering one; one use; its AI02; coverage. */
  aiSystems: '/he-thong-ai',
  aiSystemRegister: '/he-thong-ai/dang-ky',
  aiSystem: (id: number | string) => `/he-thong-ai/${id}`,
  aiAssessment: (id: number | string) => `/he-thong-ai/${id}/danh-gia-tac-dong`,
  aiCoverage: '/he-thong-ai/tinh-hinh',
  /** Public (no sign-in) register of AI systems, and one of them. */
  publicAiSystems: '/cong-khai/he-thong-ai',
  publicAiSystem: (id: number | string) => `/cong-khai/he-thong-ai/${id}`,
  /** Public (no sign-in) front door: the issued plans with their progress, and links to every public page. */
  publicHome: '/cong-khai',
  /** Public: a short note on the law (Luật Trí tuệ nhân tạo số 134/2025/QH15). */
  publicAiLaw: '/cong-khai/luat-tri-tue-nhan-tao',
  /** Public (no sign-in) progress of an issued plan. */
  publicPlan: (id: number | string) => `/cong-khai/ke-hoach/${id}`,
  /** Public (no sign-in): send a petition, follow it by its code, read the published answers. */
  publicPetition: '/cong-khai/kien-nghi',
  publicPetitionFollow: (code?: string) => `/cong-khai/kien-nghi/tra-cuu${code ? `/${encodeURIComponent(code)}` : ''}`,
  publicPetitionAnswers: '/cong-khai/kien-nghi/tra-loi',
  /** Kiến nghị: the handlers' queue and one petition. */
  petitions: '/kien-nghi',
  petition: (id: number | string) => `/kien-nghi/${id}`,
  /** CSDL phục vụ AI: the datasets of my unit and those it follows; adding one; one dataset; editing it. */
  datasets: '/du-lieu',
  datasetNew: '/du-lieu/them',
  dataset: (id: number | string) => `/du-lieu/${id}`,
  datasetEdit: (id: number | string) => `/du-lieu/${id}/sua`,
  /** Public (no sign-in) catalogue of the province's data for AI, and one dataset of it. */
  publicDatasets: '/cong-khai/du-lieu',
  publicDataset: (id: number | string) => `/cong-khai/du-lieu/${id}`,
  /** An outside organisation's account: register, then ask for access and download with its key. */
  publicDataOrganisation: '/cong-khai/du-lieu/to-chuc',
  /** The province administrators' list of organisation accounts. */
  dataOrganisations: '/du-lieu/to-chuc',
} as const;

/**
 * The web address of a link the server puts in notifications and e-mails (/assignments?planId=…&unitId=…,
 * /obstacles?box=inbox#12, /bao-cao/5, /che-do-bao-cao/3). Unknown links are kept as they are.
 */
export function webLink(link: string | null | undefined): string | null {
  if (!link) return null;
  let url: URL;
  try {
    url = new URL(link, 'http://x');
  } catch {
    return null;
  }
  const q = url.searchParams;
  if (url.pathname === '/assignments') {
    const next = new URLSearchParams();
    if (q.get('planId')) next.set('keHoach', q.get('planId')!);
    if (q.get('unitId')) next.set('donVi', q.get('unitId')!);
    const s = next.toString();
    return s ? `${paths.assignments}?${s}` : paths.assignments;
  }
  const assignment = /^\/assignments\/(\d+)$/.exec(url.pathname);
  if (assignment) return paths.assignment(assignment[1]!);
  if (url.pathname === '/obstacles') {
    const id = url.hash.replace(/^#/, '');
    const box = q.get('box') === 'outbox' ? 'di' : 'den';
    return `${paths.obstacles}?hop=${box}${/^\d+$/.test(id) ? `#kk-${id}` : ''}`;
  }
  if (link.startsWith('/')) return `${url.pathname}${url.search}${url.hash}`;
  return null;
}
