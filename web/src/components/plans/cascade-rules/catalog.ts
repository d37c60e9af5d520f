// How a cascade rule reads: the commune offices it may name, and the one-line wording of a saved rule.
import type { ComboboxItem } from '@mantine/core';
import type { CascadeRule } from '../../../api/types.ts';

export type CommuneType = 'xã' | 'phường';
export type Place = NonNullable<CascadeRule['in']>[number];

/** The server's limit (PUT /units/{id}/cascade-rules). */
export const MAX_RULES = 500;

export const PLACES: ReadonlyArray<{ value: Place; label: string }> = [
  { value: 'title', label: 'tên nhiệm vụ' },
  { value: 'content', label: 'nội dung' },
  { value: 'deliverables', label: 'sản phẩm' },
  { value: 'sections', label: 'các mục' },
];
export const PLACE_LABEL = new Map(PLACES.map((p) => [p.value, p.label]));

/**
 * The offices a rule may send work to, by code, as the server's reference register names them for a xã and for a
 * phường (GET …/cascade-rules): offering exactly these codes means every rule saved here resolves to a real office.
 */
export class OfficeCatalog {
  private readonly byType: Record<CommuneType, ReadonlyMap<string, string>>;
  private readonly list: Record<CommuneType, ComboboxItem[]>;
  constructor(offices: Record<CommuneType, ReadonlyArray<{ code: string; name: string }>>) {
    this.byType = {
      xã: new Map(offices['xã'].map((o) => [o.code, o.name])),
      phường: new Map(offices['phường'].map((o) => [o.code, o.name])),
    };
    this.list = {
      xã: offices['xã'].map((o) => ({ value: o.code, label: `${o.name} (${o.code})` })),
      phường: offices['phường'].map((o) => ({ value: o.code, label: `${o.name} (${o.code})` })),
    };
  }

  /** "Phòng Văn hóa - Xã hội xã", "Công an phường"; the code itself when the register has no such office. */
  name(code: string, type: CommuneType): string {
    return this.byType[type].get(code) ?? code;
  }

  /** The choices, plus the current value when it is not among them (a code saved earlier is shown, never lost). */
  items(type: CommuneType, value: string | null): ComboboxItem[] {
    if (!value || this.byType[type].has(value)) return this.list[type];
    const other: CommuneType = type === 'xã' ? 'phường' : 'xã';
    const label = this.byType[other].has(value)
      ? `${this.byType[other].get(value)} (${value}) – không có ở ${type}`
      : `${value} (không có trong danh mục phòng, ban)`;
    return [...this.list[type], { value, label }];
  }
}

// ---------------------------------------------------------------- reading

export function ruleTarget(r: CascadeRule, type: CommuneType, offices: OfficeCatalog): string {
  if (r.toOffice) return offices.name(r.toOffice[type], type);
  if (r.toText === undefined) return '—';
  if (r.toText === '') return '(bỏ, không ghi)';
  return r.toText
    .replaceAll('{loai}', type)
    .replaceAll('{ten}', '[tên]')
    .replaceAll('{thon}', type === 'phường' ? 'tổ dân phố' : 'thôn')
    .replaceAll('{dauMoi}', 'Sở Khoa học và Công nghệ tỉnh');
}

export function ruleScope(r: CascadeRule): string {
  const where = r.in?.length ? ` (${r.in.map((p) => PLACE_LABEL.get(p) ?? p).join(', ')})` : '';
  return r.textOnly ? `Thay chữ${where}` : r.fromCode ? `Đơn vị và chữ${where}` : `Tên đơn vị, nhóm${where}`;
}

/** "Sở Tài chính (38.STC)" by the register's name; a phrase in quotes. */
export function fromLabel(r: Pick<CascadeRule, 'fromCode' | 'fromText'>, names: ReadonlyMap<string, string>): string {
  if (r.fromCode) return `${names.get(r.fromCode) ?? r.fromCode} (${r.fromCode})`;
  return r.fromText ? `“${r.fromText}”` : '(chưa có đơn vị, cụm từ)';
}
