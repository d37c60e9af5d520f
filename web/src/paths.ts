// Every address of the web app in one place, so links and routes stay in step.
export const paths = {
  home: '/',
  login: '/dang-nhap',
  changePassword: '/doi-mat-khau',
  units: '/don-vi',
  unit: (id: number | string) => `/don-vi/${id}`,
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
} as const;
