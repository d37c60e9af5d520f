// Every address of the web app in one place, so links and routes stay in step.
export const paths = {
  home: '/',
  login: '/dang-nhap',
  changePassword: '/doi-mat-khau',
  units: '/don-vi',
  unit: (id: number | string) => `/don-vi/${id}`,
  users: '/tai-khoan',
  audit: '/nhat-ky',
} as const;
