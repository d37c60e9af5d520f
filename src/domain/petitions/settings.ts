// What an operator may set about petitions, read from the environment by src/config.ts. Pure.
import type { PetitionKind } from './model.ts';

export type PetitionLevel = 'province' | 'commune';

export interface PetitionSettings {
  /** Working days to answer, per level of the receiving unit and per kind. */
  processingDays: Record<PetitionLevel, Record<PetitionKind, number>>;
  /** Working days one extension adds. */
  extensionDays: number;
  /** Submissions an address may make in an hour, and all addresses together (0: no limit). */
  perAddressPerHour: number;
  perHour: number;
  /** Months after closing when a petition's personal data is deleted. */
  retentionMonths: number;
}

/**
 * ASSUMED figures: the research (reporting-and-petitions.md B.1) could not verify the deadlines of NĐ 20/2008 as
 * amended by NĐ 92/2017; the 15 working days come from a provincial procedure card ("Không quá 15 ngày làm việc
 * kể từ ngày tiếp nhận", unverified). A feedback about implementation is usually quicker to check: 10, also assumed.
 * Set THIHANH_PETITION_DAYS once the text is checked.
 */
export const DEFAULT_PETITION_SETTINGS: PetitionSettings = {
  processingDays: {
    province: { recommendation: 15, proposal: 15, feedback: 10 },
    commune: { recommendation: 15, proposal: 15, feedback: 10 },
  },
  extensionDays: 10,
  perAddressPerHour: 5,
  perHour: 600,
  // Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15 asks for no longer than needed; 5 years is this product's default.
  retentionMonths: 60,
};

function count(name: string, v: string | undefined, fallback: number, max: number): number {
  if (v === undefined || v.trim() === '') return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > max)
    throw new Error(`${name} không hợp lệ: ${v} (số nguyên từ 0 đến ${max}).`);
  return n;
}

/** THIHANH_PETITION_DAYS: JSON like {"province":{"feedback":12}}; missing entries keep the defaults. */
function processingDays(v: string | undefined): PetitionSettings['processingDays'] {
  const base = DEFAULT_PETITION_SETTINGS.processingDays;
  if (!v?.trim()) return base;
  let parsed: unknown;
  try {
    parsed = JSON.parse(v);
  } catch {
    throw new Error('THIHANH_PETITION_DAYS không phải JSON hợp lệ, ví dụ {"province":{"feedback":12}}.');
  }
  const out = { province: { ...base.province }, commune: { ...base.commune } };
  for (const level of ['province', 'commune'] as const) {
    const given = (parsed as Record<string, Record<string, unknown>>)?.[level] ?? {};
    for (const kind of Object.keys(out[level]) as PetitionKind[]) {
      if (given[kind] !== undefined)
        out[level][kind] = count(`THIHANH_PETITION_DAYS.${level}.${kind}`, String(given[kind]), 15, 120);
    }
  }
  return out;
}

export function petitionSettingsFrom(env: Record<string, string | undefined>): PetitionSettings {
  const d = DEFAULT_PETITION_SETTINGS;
  return {
    processingDays: processingDays(env.THIHANH_PETITION_DAYS),
    extensionDays: count('THIHANH_PETITION_EXTENSION_DAYS', env.THIHANH_PETITION_EXTENSION_DAYS, d.extensionDays, 60),
    perAddressPerHour: count(
      'THIHANH_PETITION_PER_ADDRESS',
      env.THIHANH_PETITION_PER_ADDRESS,
      d.perAddressPerHour,
      10_000,
    ),
    perHour: count('THIHANH_PETITION_PER_HOUR', env.THIHANH_PETITION_PER_HOUR, d.perHour, 1_000_000),
    retentionMonths: count(
      'THIHANH_PETITION_RETENTION_MONTHS',
      env.THIHANH_PETITION_RETENTION_MONTHS,
      d.retentionMonths,
      600,
    ),
  };
}
