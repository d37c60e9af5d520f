// Vietnamese formatting: dates dd/mm/yyyy (Vietnam time), labels of roles, unit kinds and statuses, collation.
import type { Role, UnitKind } from './api/types.ts';

export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** Vietnamese collation for every sorted list ("Đ" after "D", accents ordered as Vietnamese readers expect). */
export const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

export function sortByVi<T>(items: readonly T[], key: (item: T) => string): T[] {
  return [...items].sort((a, b) => collator.compare(key(a), key(b)));
}

const dateParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});

function parts(value: string | Date): Record<string, string> | null {
  const d = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(d.getTime())) return null;
  return Object.fromEntries(dateParts.formatToParts(d).map((p) => [p.type, p.value]));
}

/** 22/11/2026 */
export function formatDate(value: string | Date | null | undefined): string {
  if (!value) return '';
  const p = parts(value);
  return p ? `${p.day}/${p.month}/${p.year}` : '';
}

/** 22/11/2026 08:05 */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) return '';
  const p = parts(value);
  return p ? `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}` : '';
}

/** A calendar date (no time) as the API wants it: YYYY-MM-DD. */
export function toIsoDate(d: Date): string {
  const y = d.getFullYear();
  const m = String(d.getMonth() + 1).padStart(2, '0');
  const day = String(d.getDate()).padStart(2, '0');
  return `${y}-${m}-${day}`;
}

export const ROLE_LABEL: Record<Role, string> = {
  sysadmin: 'Quản trị hệ thống',
  unitAdmin: 'Quản trị đơn vị',
  leader: 'Lãnh đạo',
  officer: 'Chuyên viên',
  viewer: 'Người xem',
};

export function roleLabel(role: string): string {
  return ROLE_LABEL[role as Role] ?? role;
}

export function rolesLabel(roles: readonly string[]): string {
  return roles.map(roleLabel).join(', ');
}

export const UNIT_KIND_LABEL: Record<UnitKind, string> = {
  central: 'Trung ương',
  national: 'Cơ quan trung ương',
  province: 'Tỉnh',
  agency: 'Sở, ban, ngành',
  commune: 'Xã',
  ward: 'Phường',
  office: 'Phòng, ban, đơn vị',
  neighbourhood: 'Thôn, tổ dân phố',
};

export function unitKindLabel(kind: string): string {
  return UNIT_KIND_LABEL[kind as UnitKind] ?? kind;
}

export const UNIT_STATUS_LABEL: Record<string, string> = {
  active: 'Đang hoạt động',
  merged: 'Đã sáp nhập',
  retired: 'Đã giải thể',
};

export function unitStatusLabel(status: string): string {
  return UNIT_STATUS_LABEL[status] ?? status;
}

export const AUDIT_ACTION_LABEL: Record<string, string> = {
  'auth.login': 'Đăng nhập',
  'auth.logout': 'Đăng xuất',
  'user.create': 'Tạo tài khoản',
  'user.update': 'Sửa tài khoản',
  'user.password_change': 'Đổi mật khẩu',
  'user.password_reset': 'Đặt lại mật khẩu',
  'unit.create': 'Thêm đơn vị',
  'unit.rename': 'Đổi tên đơn vị',
  'unit.merge': 'Sáp nhập đơn vị',
  'unit.retire': 'Giải thể đơn vị',
  'reference.reload': 'Nạp lại dữ liệu tham chiếu',
};

export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABEL[action] ?? action;
}

export const ENTITY_TYPE_LABEL: Record<string, string> = {
  unit: 'Đơn vị',
  user: 'Tài khoản',
  reference: 'Dữ liệu tham chiếu',
};

export function entityTypeLabel(type: string): string {
  return ENTITY_TYPE_LABEL[type] ?? type;
}

/** "1 đơn vị", "12 đơn vị": Vietnamese nouns don't inflect, but numbers read better grouped. */
export function count(n: number, noun: string): string {
  return `${new Intl.NumberFormat('vi-VN').format(n)} ${noun}`;
}

/**
 * Reads a date typed the Vietnamese way — 22/11/2026, 2/3/2026, 22-11-2026, 22.11.2026 (or 2026-11-22) —
 * as YYYY-MM-DD; null when it is not a real calendar date.
 */
export function parseViDate(text: string): string | null {
  const s = text.trim();
  let d: number, m: number, y: number;
  const vi = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (vi) [d, m, y] = [Number(vi[1]), Number(vi[2]), Number(vi[3])];
  else if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
