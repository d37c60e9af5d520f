// The editor's model of a rule: one row per rule with its fields as typed, checked as the server checks them.
import { isApiError } from '../../../api/client.ts';
import type { CascadeRule } from '../../../api/types.ts';
import { fold } from '../planFormat.ts';
import { PLACES, type OfficeCatalog, type Place } from './catalog.ts';

export interface RuleRow {
  key: string;
  fromCode: string | null;
  fromText: string;
  officeXa: string | null;
  officePhuong: string | null;
  toText: string;
  /** toText "": the name is dropped from the commune's plan (distinct from "no replacement text"). */
  drop: boolean;
  textOnly: boolean;
  places: Place[];
  note: string;
}

export type Field = 'row' | 'from' | 'officeXa' | 'officePhuong' | 'to' | 'places' | 'note';
export type RowErrors = Partial<Record<Field, string>>;
export type Patch = Partial<Omit<RuleRow, 'key'>>;

/** The messages a change makes stale: a new office clears "choose an office", any change the row's own message. */
export const AFFECTS: Record<keyof Patch, Field[]> = {
  fromCode: ['from'],
  fromText: ['from'],
  officeXa: ['officeXa', 'to'],
  officePhuong: ['officePhuong', 'to'],
  toText: ['to'],
  drop: ['to'],
  textOnly: [],
  places: ['places'],
  note: ['note'],
};

export const NO_ERRORS: RowErrors = {};

let keySeq = 0;
export const newKey = () => `quy-tac-${++keySeq}`;

export function toRow(r: CascadeRule): RuleRow {
  return {
    key: newKey(),
    fromCode: r.fromCode || null,
    fromText: r.fromText ?? '',
    officeXa: r.toOffice?.['xã'] || null,
    officePhuong: r.toOffice?.['phường'] || null,
    toText: r.toText ?? '',
    drop: r.toText === '',
    textOnly: !!r.textOnly,
    places: [...(r.in ?? [])],
    note: r.note ?? '',
  };
}

export const EMPTY_ROW: Omit<RuleRow, 'key'> = {
  fromCode: null,
  fromText: '',
  officeXa: null,
  officePhuong: null,
  toText: '',
  drop: false,
  textOnly: false,
  places: [],
  note: '',
};

/** The rule as the server stores it: only the fields that say something, in the order of the default table. */
export function toRule(r: RuleRow): CascadeRule {
  const rule: CascadeRule = {};
  if (r.fromCode) rule.fromCode = r.fromCode;
  if (r.fromText.trim()) rule.fromText = r.fromText.trim();
  if (r.officeXa && r.officePhuong) rule.toOffice = { xã: r.officeXa, phường: r.officePhuong };
  if (r.drop) rule.toText = '';
  else if (r.toText.trim()) rule.toText = r.toText.trim();
  if (r.textOnly) rule.textOnly = true;
  if (r.places.length) rule.in = PLACES.map((p) => p.value).filter((p) => r.places.includes(p));
  if (r.note.trim()) rule.note = r.note.trim();
  return rule;
}

/** The server's checks (src/domain/plan/cascade-rules.ts), said next to the field concerned. */
export function validateRow(r: RuleRow): RowErrors {
  const e: RowErrors = {};
  if (!r.fromCode && !r.fromText.trim()) e.from = 'Chọn đơn vị hoặc nhập cụm từ ở kế hoạch tỉnh.';
  const office = !!(r.officeXa || r.officePhuong);
  if (office && !r.officeXa) e.officeXa = 'Chọn cả phòng, đơn vị ở xã (đã chọn ở phường).';
  if (office && !r.officePhuong) e.officePhuong = 'Chọn cả phòng, đơn vị ở phường (đã chọn ở xã).';
  if (!office && !r.drop && !r.toText.trim()) e.to = 'Chọn phòng, đơn vị ở xã và phường, hoặc nhập văn bản thay thế.';
  return e;
}

/** Where a closed rule sends work: the offices at a xã and at a phường, or what replaces the phrase. */
export function rowTargets(r: RuleRow, offices: OfficeCatalog): string {
  if (r.officeXa || r.officePhuong) {
    return `Xã: ${r.officeXa ? offices.name(r.officeXa, 'xã') : '—'} · Phường: ${r.officePhuong ? offices.name(r.officePhuong, 'phường') : '—'}`;
  }
  if (r.drop) return 'Bỏ cụm từ, không ghi ở xã, phường';
  return r.toText.trim() ? `Thay bằng “${r.toText.trim()}”` : '(chưa có phòng, đơn vị hay văn bản thay thế)';
}

/** What the filter looks in, folded (typed without accents, "tai chinh" finds "Sở Tài chính"): source, targets, note. */
export function rowSearchText(r: RuleRow, names: ReadonlyMap<string, string>, offices: OfficeCatalog): string {
  return fold(
    [
      r.fromCode ?? '',
      r.fromCode ? (names.get(r.fromCode) ?? '') : '',
      r.fromText,
      r.officeXa ?? '',
      r.officeXa ? offices.name(r.officeXa, 'xã') : '',
      r.officePhuong ?? '',
      r.officePhuong ? offices.name(r.officePhuong, 'phường') : '',
      r.drop ? '' : r.toText,
      r.note,
    ].join(' | '),
  );
}

/**
 * The server's issues by row ("rules.3.toOffice.xã" → the 4th row's xã office). A bare "rules.3" is the server's
 * own check of the row: its error code tells which side is missing.
 */
export function serverErrors(
  err: unknown,
  keys: readonly string[],
): { byRow: Map<string, RowErrors>; shown: string[] } {
  const byRow = new Map<string, RowErrors>();
  const shown: string[] = [];
  if (!isApiError(err)) return { byRow, shown };
  for (const issue of err.issues) {
    const [root, index, f, sub] = issue.path.split('.');
    const key = root === 'rules' && index !== undefined && /^\d+$/.test(index) ? keys[Number(index)] : undefined;
    if (!key) continue;
    const field: Field =
      f === 'fromCode' || f === 'fromText'
        ? 'from'
        : f === 'toOffice'
          ? sub === 'xã'
            ? 'officeXa'
            : sub === 'phường'
              ? 'officePhuong'
              : 'to'
          : f === 'toText'
            ? 'to'
            : f === 'in'
              ? 'places'
              : f === 'note'
                ? 'note'
                : f === undefined && err.code === 'cascade.rule_from'
                  ? 'from'
                  : f === undefined && err.code === 'cascade.rule_to'
                    ? 'to'
                    : 'row';
    const errors = byRow.get(key) ?? {};
    errors[field] ??= issue.message;
    byRow.set(key, errors);
    shown.push(issue.path);
  }
  return { byRow, shown };
}
