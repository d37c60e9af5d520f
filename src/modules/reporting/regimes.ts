// Reporting regimes (chế độ báo cáo, Nghị định 09/2019): what a regime means for one period (its window, each
// kind of unit's due date), its defaults, and how its documents name their issuer and cite its plan.
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { notFound } from '../../domain/errors.ts';
import type { CalendarConfig } from '../../domain/calendar/holidays.ts';
import type { UnitKind } from '../../domain/org/unit.ts';
import { shortDateVi, type IssuerInfo, type PlanRef } from '../../domain/reporting/compile.ts';
import { archiveLine } from '../../domain/reporting/letters.ts';
import {
  blockOf,
  chosenBlock,
  defaultSigner,
  fallbackSignerLines,
  type DocumentForm,
  type SignerBlock,
} from '../../domain/org/document-settings.ts';
import {
  dueDatesOf,
  periodByKey,
  periodFor,
  regimeDueDate,
  type ReportingPeriod,
} from '../../domain/reporting/period.ts';
import type { Tx } from '../context.ts';
import { documentIdentityOf, getUnit, type DocumentIdentity, type UnitRow } from '../org/index.ts';
// Not through plans' entry: plans' entry loads reporting's (ensureRegimeForPlan), so this import would close an import
// cycle (plans → reporting → plans). Goes with the issue-plan workflow (issue 14, item 3).
import { renderOptions } from '../plans/render-options.ts';
import * as store from './store/index.ts';
import type { ReportingRegime } from './store/index.ts';

type Q = Kysely<DB> | Tx;

export const DEFAULT_REMINDER_DAYS = [7, 3, 1];

/** The outline of a yearly Báo cáo kết quả thực hiện (Mẫu 1.4; research C.2). */
export const REPORT_OUTLINE = [
  'I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO, TRIỂN KHAI THỰC HIỆN',
  'II. KẾT QUẢ THỰC HIỆN',
  'III. ĐÁNH GIÁ CHUNG',
  'IV. PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM THỜI GIAN TỚI',
  'V. ĐỀ XUẤT, KIẾN NGHỊ',
];

export const kindWord = (kind: string) =>
  kind === 'ward' ? 'phường' : kind === 'commune' ? 'xã' : kind === 'province' ? 'tỉnh' : '';

/** How a reporting unit names the issuer of the plan it implements: "Ủy ban nhân dân tỉnh". */
export function issuerPhrase(unit: UnitRow): string {
  const w = kindWord(unit.kind);
  return w ? `Ủy ban nhân dân ${w}` : unit.name;
}

/** The single period of an ad hoc request is named by the year of its due date. */
export const adHocKey = (regime: ReportingRegime) => (regime.adHocDue ?? '').slice(0, 4);

/** The period of a regime named by its key (404 when an ad hoc request has no such period). */
export function periodOf(regime: ReportingRegime, key: string): ReportingPeriod {
  if (regime.kind === 'adHoc') {
    if (!regime.adHocDue || key !== adHocKey(regime))
      throw notFound(`kỳ báo cáo ${key} của yêu cầu báo cáo này (kỳ duy nhất: ${adHocKey(regime)})`);
    const window = regime.schedule.window ?? { from: `${Number(key) - 1}-12-15`, to: regime.adHocDue };
    return {
      key,
      frequency: 'yearly',
      year: Number(key),
      index: 1,
      dataWindow: window,
      label: `Đến ngày ${shortDateVi(window.to)}`,
    };
  }
  return periodByKey(key, regime.schedule);
}

/** The period a date falls in (for periodic regimes), or the ad hoc request's period. */
export function currentPeriod(regime: ReportingRegime, today: string): ReportingPeriod {
  if (regime.kind === 'adHoc') return periodOf(regime, adHocKey(regime));
  return periodFor(today, regime.schedule);
}

/** Due dates of a period by unit kind; a kind without a tier reports on the regime's own date. */
export function dueDateResolver(
  regime: ReportingRegime,
  period: ReportingPeriod,
  cal: CalendarConfig,
): (kind: string) => string {
  if (regime.kind === 'adHoc' && regime.adHocDue) {
    const due = regime.adHocDue;
    return () => due;
  }
  const tiers = dueDatesOf(period, regime.schedule, cal);
  const fallback = regimeDueDate(period, regime.schedule, cal);
  return (kind) => tiers.find((t) => t.kinds.includes(kind as UnitKind))?.dueDate ?? fallback;
}

/** How a document is signed: its form, and the block kept with it when a leader approved it. */
export interface SigningOf {
  form: DocumentForm;
  /** The block kept with the document (null or absent: not approved yet, or approved before blocks were kept). */
  signer?: SignerBlock | null;
  /** The name signed under the register's rule when the unit has no signers (the leader who approved it). */
  fallbackName?: string | null;
}

/**
 * The issuing unit of a document: its names from the register; its symbol, filing line and signer from its document
 * settings (org), which fall back to the register's rule. The signer is the block kept with the document, else the
 * unit's default signer, else the head by title with the name of the leader who approved it or of the unit's leader.
 */
export async function issuerInfoFor(db: Q, unit: UnitRow, signing: SigningOf): Promise<IssuerInfo> {
  const parent = unit.parent_id ? await getUnit(db, unit.parent_id) : undefined;
  const opts = renderOptions(unit, parent, false);
  const local = unit.kind === 'province' || unit.kind === 'commune' || unit.kind === 'ward';
  const displayName = local
    ? `Ủy ban nhân dân ${kindWord(unit.kind)} ${unit.short_name}`
    : unit.name.replace(/\s+(xã|phường)\s+.*$/u, '');
  const identity = await documentIdentityOf(db, unit);
  const block = await signerBlockOf(db, unit, identity, signing);
  return {
    name: opts.issuerName,
    parentName: opts.issuerParentName,
    placeName: opts.placeName,
    displayName,
    abbreviation: identity.abbreviation,
    signerLines: block.lines,
    signerName: block.name,
    draftingDivision: identity.draftingDivision,
    archive: archiveLine(identity.draftingDivision),
  };
}

async function signerBlockOf(db: Q, unit: UnitRow, identity: DocumentIdentity, s: SigningOf): Promise<SignerBlock> {
  if (s.signer) return s.signer;
  const def = defaultSigner(identity.settings);
  if (def) return blockOf(def, unit, s.form);
  const name = s.fallbackName ?? (await store.leaderNameOf(db, unit.id));
  return { lines: fallbackSignerLines(unit), name, signerKey: null, authority: null };
}

/** The block to keep with a document a leader approves now: the signer picked, or the default (422 if unknown). */
export async function signerForApproval(
  db: Q,
  unit: UnitRow,
  form: DocumentForm,
  signerKey: number | undefined,
  approverId: number,
): Promise<{ block: SignerBlock; identity: DocumentIdentity }> {
  const identity = await documentIdentityOf(db, unit);
  const approver = identity.settings.signers.length ? null : await store.userFullName(db, approverId);
  return { block: chosenBlock(identity.settings, unit, form, signerKey, approver), identity };
}

/** How the regime's plan is cited. */
export async function planRefFor(db: Q, planId: number | null): Promise<{ ref: PlanRef; unit: UnitRow } | null> {
  if (!planId) return null;
  const plan = await store.getPlanHeading(db, planId);
  if (!plan) return null;
  const unit = (await getUnit(db, plan.unit_id))!;
  return {
    ref: {
      number: plan.number,
      symbol: plan.symbol,
      date: plan.issued_date,
      title: plan.title,
      issuerPhrase: issuerPhrase(unit),
    },
    unit,
  };
}
