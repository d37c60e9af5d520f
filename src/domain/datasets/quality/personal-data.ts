// Whether a column holds personal data, decided on the column: the share of its non-empty cells that pass a kind's
// cell test, with a lower bar when the header names the kind. Kinds whose cell test alone proves little (9-digit
// old IDs look like sums of money, account numbers like any number, dates like any date) need the header.
import type { ColumnStats, KindCount } from './column.ts';
import type { PersonalDataFinding, PersonalDataKind } from './types.ts';

interface Rule {
  /** Share of non-empty cells needed without a header naming the kind; null: the header is required. */
  alone: number | null;
  /** Share needed when the header names it. */
  named: number;
}

/**
 * The shares, and why:
 * - cccd: a random 12-digit number has a valid province prefix 6% of the time, amounts never (prefixes start with 0).
 * - phone, email: the patterns are specific; half the column is a clear signal.
 * - taxCode: one random 10-digit number in 11 passes the check digit, so without a header most cells must pass.
 * - fullName: place and school names pass the test now and then; half the column is needed, and headers naming
 *   places or organisations rule it out.
 * - birthDate: full dates under a header naming a birth date, giving ages 0–110. A year of birth alone is not
 *   flagged: generalising to the year is the de-identification step for birth dates, and what is left is a
 *   quasi-identifier for the k-anonymity check.
 * - address: a house number then a street, or a numbered lane or hamlet, is rare in other columns.
 */
const RULES: Record<PersonalDataKind, Rule> = {
  cccd: { alone: 0.5, named: 0.2 },
  cmnd: { alone: null, named: 0.3 },
  phone: { alone: 0.5, named: 0.2 },
  email: { alone: 0.5, named: 0.2 },
  taxCode: { alone: 0.8, named: 0.3 },
  bankAccount: { alone: null, named: 0.3 },
  fullName: { alone: 0.5, named: 0.3 },
  birthDate: { alone: null, named: 0.5 },
  address: { alone: 0.4, named: 0.2 },
};

/**
 * Number kinds whose cell tests overlap: a phone column passes the tax-code check digit one time in eleven, any number
 * column passes the account test. The more specific kind wins; CCCD and old ID (12 and 9 digits) may share a column.
 */
const OVERRIDDEN_BY: Partial<Record<PersonalDataKind, PersonalDataKind[]>> = {
  taxCode: ['phone'],
  bankAccount: ['cccd', 'cmnd', 'phone', 'taxCode'],
};
const ORDER: PersonalDataKind[] = [
  'cccd',
  'cmnd',
  'phone',
  'taxCode',
  'bankAccount',
  'email',
  'fullName',
  'birthDate',
  'address',
];

function passes(col: ColumnStats, kind: PersonalDataKind, k: KindCount): boolean {
  if (col.nonEmpty === 0 || k.count === 0) return false;
  if (kind === 'fullName' && col.hints.notAPerson) return false;
  const rule = RULES[kind];
  const share = k.count / col.nonEmpty;
  // A handful of cells proves nothing: at least three must match, or all of a smaller column.
  if (k.count < Math.min(3, col.nonEmpty)) return false;
  if (col.hints[kind]) return share >= rule.named;
  return rule.alone !== null && share >= rule.alone;
}

export function personalFindings(col: ColumnStats): PersonalDataFinding[] {
  const out: PersonalDataFinding[] = [];
  const found = new Set<PersonalDataKind>();
  for (const kind of ORDER) {
    const k = col.personal.get(kind);
    if (!k || OVERRIDDEN_BY[kind]?.some((o) => found.has(o)) || !passes(col, kind, k)) continue;
    out.push({ column: col.name, kind, count: k.count, rows: [...k.rows] });
    found.add(kind);
  }
  return out;
}
