// Use cases of the reporting cycle: regimes and ad hoc requests, unit reports (draft → approved → submitted →
// accepted | returned). The status of a period for the receiving unit, its compiled report and reminder letter are in
// period-status.ts (re-exported here), what both share in period-scope.ts.
import { randomBytes } from 'node:crypto';
import { conflict, invalid } from '../../domain/errors.ts';
import { can, scopeRoots } from '../../domain/permissions.ts';
import { addWorkingDays } from '../../domain/calendar/working-days.ts';
import { addDays, parseIsoDate } from '../../domain/calendar/lunar.ts';
import type { UnitKind } from '../../domain/org/unit.ts';
import { REPORT_STATUS_LABEL, type ReportStatus, type UnitReportContent } from '../../domain/reporting/model.ts';
import { FREQUENCY_LABEL, dueDatesOf, periodFor, nextPeriod, type ReportingPeriod } from '../../domain/reporting/period.ts';
import { LAW_IMPLEMENTATION_INDICATORS } from '../../domain/reporting/indicators.ts';
import { shortDateVi } from '../../domain/reporting/compile.ts';
import { normalizeText } from '../../domain/text.ts';
import { recordAudit } from '../audit/index.ts';
import { loadCalendar } from '../calendar/index.ts';
import { authorize, requireActor, type Ctx } from '../context.ts';
import { mustRegime, mustReport } from './access.ts';
// Not through plans' entry: issuing a plan sets up its reporting regime, so plans' entry loads reporting's, and this
// import would close an import cycle (plans → reporting → plans). Goes with the issue-plan workflow (issue 14, item 3).
import { mustReadPlan } from '../plans/access.ts';
import { notify } from '../notifications/index.ts';
import { getUnit, getUnitsByIds, type UnitRow } from '../org/index.ts';
import { nowFor, todayFor, vnDate } from './clock.ts';
import { adHocKey, DEFAULT_REMINDER_DAYS, dueDateResolver, periodOf, REPORT_OUTLINE } from './regimes.ts';
import * as store from './store/index.ts';
import type { ReportingRegime, ReportRow } from './store/index.ts';
import { periodScope, prefillFor } from './period-scope.ts';

export { compiledReport, documentNames, periodStatus, reminderLetter } from './period-status.ts';

function regimeJson(regime: ReportingRegime, ownerName: string) {
  return {
    id: regime.id, code: regime.code, kind: regime.kind, name: regime.name, content: regime.content, ownerUnitId: regime.ownerUnitId, ownerName,
    planId: regime.planId, recipients: regime.recipients, outline: regime.outline, indicators: regime.indicators, adHocDue: regime.adHocDue, active: regime.active,
    schedule: {
      frequency: regime.schedule.frequency, frequencyLabel: FREQUENCY_LABEL[regime.schedule.frequency] ?? null, dataWindow: regime.schedule.dataWindow,
      dueDate: regime.schedule.dueDate, tiers: regime.schedule.tiers, reminderDays: regime.schedule.reminderDays ?? DEFAULT_REMINDER_DAYS, window: regime.schedule.window ?? null,
    },
    submitters: regime.submitters,
  };
}


// ---------------------------------------------------------------- regimes

export async function listRegimesFor(ctx: Ctx, f: { planId?: number; kind?: string; limit: number; offset: number }) {
  const actor = requireActor(ctx);
  if (f.planId) await mustReadPlan(ctx, f.planId, 'kế hoạch', 'planId');
  const rows = await store.listRegimes(ctx.db, { roots: scopeRoots(actor, 'read'), actorPath: [...actor.unitPath], ...f });
  return rows.map((r) => regimeJson(r, r.ownerName));
}

export async function getRegimeDetail(ctx: Ctx, id: number) {
  const actor = requireActor(ctx);
  const { regime, owner } = await mustRegime(ctx, id);
  const today = todayFor(ctx.db);
  const cal = await loadCalendar(ctx.db);
  const periods: ReportingPeriod[] = [];
  if (regime.kind === 'adHoc') periods.push(periodOf(regime, adHocKey(regime)));
  else {
    let p = periodFor(vnDate(regime.createdAt) < today ? vnDate(regime.createdAt) : today, regime.schedule);
    const last = nextPeriod(periodFor(today, regime.schedule), regime.schedule);
    for (let i = 0; i < 24 && p.dataWindow.from <= last.dataWindow.from; i++, p = nextPeriod(p, regime.schedule)) periods.push(p);
  }
  const lineage = regime.planId ? await store.planLineage(ctx.db, regime.planId) : [];
  const submitters = await store.resolveSubmitters(ctx.db, regime.submitters, lineage);
  const mine = submitters.find((s) => s.id === actor.unitId) ?? null;
  return {
    regime: regimeJson(regime, owner.name),
    today,
    submitterCount: submitters.length,
    myUnitReports: !!mine,
    periods: periods.map((p) => {
      const dueOf = dueDateResolver(regime, p, cal);
      return {
        key: p.key, label: p.label, dataWindow: p.dataWindow,
        dueDates: regime.kind === 'adHoc' ? [{ kinds: [], dueDate: regime.adHocDue }] : dueDatesOf(p, regime.schedule, cal),
        myDueDate: mine ? dueOf(mine.kind) : null,
        current: p.dataWindow.from <= today && today <= p.dataWindow.to,
      };
    }),
    can: { followUp: can(actor, 'read', { unitPath: owner.path }), review: can(actor, 'follow', { unitPath: owner.path }) },
  };
}

export interface AdHocInput {
  ownerUnitId?: number;
  name: string;
  content: string;
  dueDate: string;
  window?: { from: string; to: string };
  submitterUnitIds?: number[];
  submitterKinds?: UnitKind[];
  recipients?: string;
  planId?: number;
  reminderDays?: number[];
}

function checkDate(value: string, path: string, label: string): void {
  try {
    parseIsoDate(value);
  } catch {
    throw invalid('regime.date_invalid', `${label} không hợp lệ.`, [{ path, message: 'Nhập ngày theo dạng YYYY-MM-DD.' }]);
  }
}

/** An ad hoc request (báo cáo đột xuất): its own content and deadline, to chosen units of the owner's scope. */
export async function createAdHocRegime(ctx: Ctx, input: AdHocInput) {
  const actor = requireActor(ctx);
  const owner = await getUnit(ctx.db, input.ownerUnitId ?? actor.unitId);
  if (!owner) throw invalid('regime.owner_not_found', 'Đơn vị yêu cầu báo cáo không tồn tại.', [{ path: 'ownerUnitId', message: 'Chọn đơn vị có trong danh mục.' }]);
  authorize(ctx, 'edit', { unitPath: owner.path });
  const name = normalizeText(input.name);
  const content = normalizeText(input.content);
  if (name.length < 5) throw invalid('regime.name_required', 'Nhập tên báo cáo.', [{ path: 'name', message: 'Tên báo cáo cần ít nhất 5 ký tự.' }]);
  if (content.length < 5) throw invalid('regime.content_required', 'Nhập nội dung yêu cầu báo cáo.', [{ path: 'content', message: 'Nội dung cần ít nhất 5 ký tự.' }]);
  checkDate(input.dueDate, 'dueDate', 'Thời hạn gửi báo cáo');
  const today = todayFor(ctx.db);
  if (input.dueDate < today) throw invalid('regime.due_past', 'Thời hạn gửi báo cáo đã qua.', [{ path: 'dueDate', message: `Chọn ngày từ ${shortDateVi(today)} trở đi.` }]);
  if (input.dueDate > addDays(today, 731)) throw invalid('regime.due_far', 'Thời hạn gửi báo cáo quá xa (tối đa 2 năm).', [{ path: 'dueDate', message: 'Chọn ngày trong vòng 2 năm.' }]);
  const year = Number(input.dueDate.slice(0, 4));
  const window = input.window ?? { from: `${year - 1}-12-15`, to: input.dueDate };
  checkDate(window.from, 'window.from', 'Ngày bắt đầu kỳ số liệu');
  checkDate(window.to, 'window.to', 'Ngày chốt số liệu');
  if (window.from > window.to || window.to > input.dueDate) {
    throw invalid('regime.window_invalid', 'Kỳ số liệu phải kết thúc trước thời hạn gửi báo cáo.', [{ path: 'window', message: 'Ngày chốt số liệu phải sau ngày bắt đầu và không sau thời hạn gửi.' }]);
  }
  if (input.planId) {
    const { plan } = await mustReadPlan(ctx, input.planId, 'kế hoạch', 'planId');
    if (plan.status !== 'issued') throw invalid('regime.plan_invalid', 'Kế hoạch được chọn chưa ban hành.', [{ path: 'planId', message: 'Chọn một kế hoạch đã ban hành.' }]);
  }
  const reminderDays = [...new Set(input.reminderDays ?? DEFAULT_REMINDER_DAYS)].filter((n) => Number.isInteger(n) && n >= 0 && n <= 60).sort((a, b) => b - a);
  // The owner's scope: Sở KH&CN asks the province's units, a ward's office asks the ward's offices.
  const scopeUnitId = owner.focal_for_id ?? owner.id;
  const unitIds = [...new Set(input.submitterUnitIds ?? [])];
  if (unitIds.length) {
    const units = await getUnitsByIds(ctx.db, unitIds);
    const bad = unitIds.filter((id) => {
      const u = units.find((x) => x.id === id);
      return !u || u.status !== 'active' || u.id === owner.id || !u.path.includes(scopeUnitId);
    });
    if (bad.length) throw invalid('regime.submitter_out_of_scope', 'Có đơn vị được chọn không thuộc phạm vi của đơn vị yêu cầu báo cáo.', [{ path: 'submitterUnitIds', message: `Không hợp lệ: ${bad.slice(0, 20).join(', ')}` }]);
  }
  const rule: store.SubmitterRule = { scopeUnitId, kinds: input.submitterKinds ?? [], unitIds, excludeUnitIds: [owner.id] };
  const submitters = await store.resolveSubmitters(ctx.db, rule, []);
  if (!submitters.length) throw invalid('regime.no_submitters', 'Chưa chọn đơn vị phải báo cáo.', [{ path: 'submitterUnitIds', message: 'Chọn ít nhất một đơn vị (hoặc một loại đơn vị) trong phạm vi.' }]);
  const scope = (await getUnit(ctx.db, scopeUnitId))!;
  const local = scope.kind === 'ward' ? 'phường' : scope.kind === 'commune' ? 'xã' : null;
  const recipients = normalizeText(input.recipients ?? '') || (scope.kind === 'province' ? 'Ủy ban nhân dân tỉnh' : local ? `Ủy ban nhân dân ${local} ${scope.short_name}` : scope.name);
  return ctx.db.transaction().execute(async (tx) => {
    const row = { id: await store.insertRegime(tx, {
      code: `DX-${owner.id}-${randomBytes(4).toString('hex')}`, ownerUnitId: owner.id, planId: input.planId ?? null, kind: 'adHoc', name, content,
      schedule: { frequency: 'yearly', dataWindow: { cutoffDay: 14 }, dueDate: { kind: 'dayOfMonth', monthOffset: 0, day: 15, exclusive: true }, tiers: [], reminderDays, window },
      submitters: rule, recipients, outline: REPORT_OUTLINE, indicators: LAW_IMPLEMENTATION_INDICATORS, adHocDue: input.dueDate,
    }) };
    await notify(tx, submitters.map((s) => ({
      unitId: s.id, kind: 'report.requested', title: `Yêu cầu báo cáo: ${name}`,
      body: `${owner.name} đề nghị gửi báo cáo trước ngày ${shortDateVi(addDays(input.dueDate, 1))} (hạn cuối ${shortDateVi(input.dueDate)}). Nội dung: ${content}`,
      link: `/che-do-bao-cao/${row.id}`,
    })));
    await recordAudit(tx, ctx, { action: 'regime.create', entityType: 'reporting_regime', entityId: row.id, unitId: owner.id, after: { kind: 'adHoc', name, dueDate: input.dueDate, submitters: submitters.length } });
    return { id: row.id, periodKey: String(year), submitters: submitters.length };
  });
}

// ---------------------------------------------------------------- unit reports

function reportSummary(r: { id: number; status: ReportStatus; due_date: string; submitted_at: Date | null; late: boolean | null }) {
  return { id: r.id, status: r.status, statusLabel: REPORT_STATUS_LABEL[r.status], dueDate: r.due_date, submittedAt: r.submitted_at?.toISOString() ?? null, late: r.late };
}

export async function listReportsFor(ctx: Ctx, f: { regimeId?: number; period?: string; unitId?: number; status?: ReportStatus; limit: number; offset: number }) {
  const actor = requireActor(ctx);
  if (f.regimeId) await mustRegime(ctx, f.regimeId, 'regimeId');
  const rows = await store.listReports(ctx.db, { roots: scopeRoots(actor, 'read'), regimeId: f.regimeId, periodKey: f.period, unitId: f.unitId, status: f.status, limit: f.limit, offset: f.offset });
  return rows.map((r) => ({
    ...reportSummary(r), regimeId: r.regime_id, regimeName: r.regime_name, periodKey: r.period_key, unitId: r.unit_id, unitName: r.unit_name,
    toUnitId: r.to_unit_id, toUnitName: r.to_unit_name, returnReason: r.return_reason, updatedAt: r.updated_at.toISOString(),
  }));
}

function lockedMessage(period: ReportingPeriod, due: string, owner: UnitRow): string {
  return `Kỳ báo cáo "${period.label}" đã hết hạn gửi báo cáo (hạn cuối ${shortDateVi(due)}): không lập hoặc sửa báo cáo được nữa. Liên hệ ${owner.name} nếu cần gửi bổ sung.`;
}

/** The officer of a submitting unit starts its report for a period, prefilled with what the unit recorded. */
export async function createReport(ctx: Ctx, regimeId: number, key: string, input: { unitId?: number }) {
  const actor = requireActor(ctx);
  const { regime, owner } = await mustRegime(ctx, regimeId);
  const unit = await getUnit(ctx.db, input.unitId ?? actor.unitId);
  if (!unit) throw invalid('report.unit_not_found', 'Đơn vị báo cáo không tồn tại.', [{ path: 'unitId', message: 'Chọn đơn vị có trong danh mục.' }]);
  authorize(ctx, 'edit', { unitPath: unit.path });
  const s = await periodScope(ctx, regime, owner, key);
  if (!regime.active) throw conflict('report.regime_inactive', 'Chế độ báo cáo này đã dừng áp dụng.');
  const me = s.submitters.find((u) => u.id === unit.id);
  if (!me) throw invalid('report.not_expected', `${unit.name} không thuộc đối tượng phải báo cáo theo "${regime.name}".`, [{ path: 'unitId', message: 'Chọn đơn vị thuộc đối tượng báo cáo.' }]);
  const today = todayFor(ctx.db);
  const due = s.dueOf(unit.kind);
  if (today < s.period.dataWindow.from) throw conflict('report.period_not_started', `Kỳ báo cáo "${s.period.label}" chưa bắt đầu (từ ngày ${shortDateVi(s.period.dataWindow.from)}).`);
  if (today > due) throw conflict('report.period_locked', lockedMessage(s.period, due, owner));
  const existing = await store.findReportId(ctx.db, regime.id, s.period.key, unit.id);
  if (existing) throw conflict('report.exists', `${unit.name} đã có báo cáo kỳ "${s.period.label}" (mã ${existing}): mở báo cáo đó để tiếp tục.`);
  const { content, indicatorValues } = await prefillFor(ctx, s, unit);
  return ctx.db.transaction().execute(async (tx) => {
    const id = await store.insertReport(tx, {
      regimeId: regime.id, periodKey: s.period.key, unitId: unit.id, toUnitId: owner.id, dueDate: due, content, indicatorValues, createdBy: actor.userId,
    });
    if (!id) throw conflict('report.exists', `${unit.name} đã có báo cáo kỳ "${s.period.label}".`);
    await recordAudit(tx, ctx, { action: 'report.create', entityType: 'unit_report', entityId: id, unitId: unit.id, after: { regimeId: regime.id, period: s.period.key, tasks: content.tasks.length } });
    return { id, status: 'draft' as const, dueDate: due };
  });
}

export async function getReportDetail(ctx: Ctx, id: number) {
  const actor = requireActor(ctx);
  const { report, unit, toUnit } = await mustReport(ctx, id);
  const regime = (await store.getRegime(ctx.db, report.regime_id))!;
  const period = periodOf(regime, report.period_key);
  const today = todayFor(ctx.db);
  const locked = today > report.due_date && report.status !== 'returned';
  const editable = report.status === 'draft' || report.status === 'returned';
  return {
    report: {
      ...reportSummary(report), regimeId: regime.id, regimeName: regime.name, periodKey: report.period_key, periodLabel: period.label,
      dataWindow: period.dataWindow, unitId: unit.id, unitName: unit.name, toUnitId: toUnit.id, toUnitName: toUnit.name, number: report.number,
      content: report.content as UnitReportContent, indicatorValues: report.indicator_values as Record<string, number>,
      approvedAt: report.approved_at?.toISOString() ?? null, reviewedAt: report.reviewed_at?.toISOString() ?? null, returnReason: report.return_reason,
      createdAt: report.created_at.toISOString(), updatedAt: report.updated_at.toISOString(),
    },
    indicators: regime.indicators,
    locked,
    can: {
      edit: editable && !locked && can(actor, 'edit', { unitPath: unit.path }),
      approve: editable && can(actor, 'approve', { unitPath: unit.path }),
      submit: report.status === 'approved' && can(actor, 'edit', { unitPath: unit.path }),
      accept: report.status === 'submitted' && can(actor, 'follow', { unitPath: toUnit.path }),
      return: (report.status === 'submitted' || report.status === 'accepted') && can(actor, 'follow', { unitPath: toUnit.path }),
    },
  };
}

function checkEditable(report: ReportRow, today: string, owner: UnitRow, period: ReportingPeriod): void {
  if (report.status !== 'draft' && report.status !== 'returned') {
    throw conflict('report.not_editable', report.status === 'approved'
      ? 'Báo cáo đã được lãnh đạo duyệt nên không sửa được; hãy gửi báo cáo, hoặc đề nghị đơn vị nhận trả lại nếu cần sửa.'
      : `Báo cáo đang ở trạng thái "${REPORT_STATUS_LABEL[report.status]}": không sửa được.`);
  }
  // After the due date only returned reports may still change (the receiving unit asked for them).
  if (report.status === 'draft' && today > report.due_date) throw conflict('report.period_locked', lockedMessage(period, report.due_date, owner));
}

export interface ReportPatch {
  narrative?: Partial<UnitReportContent['narrative']>;
  indicatorValues?: Record<string, number>;
  number?: string | null;
}

/** Officers write the narrative sections and indicator values while the report is a draft (or was returned). */
export async function updateReport(ctx: Ctx, id: number, patch: ReportPatch) {
  const { report, unit } = await mustReport(ctx, id);
  authorize(ctx, 'edit', { unitPath: unit.path });
  const regime = (await store.getRegime(ctx.db, report.regime_id))!;
  const owner = (await getUnit(ctx.db, regime.ownerUnitId))!;
  checkEditable(report, todayFor(ctx.db), owner, periodOf(regime, report.period_key));
  const known = new Set(regime.indicators.map((d) => d.code));
  const unknown = Object.keys(patch.indicatorValues ?? {}).filter((k) => !known.has(k));
  if (unknown.length) throw invalid('report.indicator_unknown', `Chỉ tiêu không có trong chế độ báo cáo: ${unknown.slice(0, 5).join(', ')}.`, unknown.slice(0, 5).map((k) => ({ path: `indicatorValues.${k}`, message: 'Chỉ tiêu không tồn tại.' })));
  const content = report.content as UnitReportContent;
  const narrative = { ...content.narrative };
  for (const [k, v] of Object.entries(patch.narrative ?? {})) if (typeof v === 'string' && k in narrative) (narrative as Record<string, string>)[k] = v.normalize('NFC');
  const values = { ...(report.indicator_values as Record<string, number>), ...(patch.indicatorValues ?? {}) };
  const number = patch.number === undefined ? report.number : patch.number === null ? null : normalizeText(patch.number) || null;
  return ctx.db.transaction().execute(async (tx) => {
    const moved = await store.updateReportContent(tx, id, report.status, { content: { ...content, narrative }, indicatorValues: values, number });
    if (!moved) throw conflict('report.changed', 'Báo cáo vừa được người khác thay đổi. Hãy tải lại trang.');
    await recordAudit(tx, ctx, { action: 'report.update', entityType: 'unit_report', entityId: id, unitId: unit.id, after: { sections: Object.keys(patch.narrative ?? {}), indicators: Object.keys(patch.indicatorValues ?? {}) } });
    return { id, status: report.status };
  });
}

/** Refreshes the prefilled facts (tasks, deliverables, obstacles, offices' reports), keeping what people wrote. */
export async function refreshReport(ctx: Ctx, id: number) {
  const { report, unit } = await mustReport(ctx, id);
  authorize(ctx, 'edit', { unitPath: unit.path });
  const regime = (await store.getRegime(ctx.db, report.regime_id))!;
  const owner = (await getUnit(ctx.db, regime.ownerUnitId))!;
  const period = periodOf(regime, report.period_key);
  checkEditable(report, todayFor(ctx.db), owner, period);
  const lineage = regime.planId ? await store.planLineage(ctx.db, regime.planId) : null;
  const old = report.content as UnitReportContent;
  const { content, indicatorValues } = await prefillFor(ctx, { regime, period, lineage }, unit, old.narrative);
  // Typed values stay; values counted from deliverables are recounted.
  const typed = Object.fromEntries(regime.indicators.filter((d) => !d.fromDeliverables).map((d) => [d.code, (report.indicator_values as Record<string, number>)[d.code] ?? indicatorValues[d.code] ?? 0]));
  const values = { ...indicatorValues, ...typed };
  return ctx.db.transaction().execute(async (tx) => {
    const moved = await store.updateReportContent(tx, id, report.status, { content, indicatorValues: values });
    if (!moved) throw conflict('report.changed', 'Báo cáo vừa được người khác thay đổi. Hãy tải lại trang.');
    await recordAudit(tx, ctx, { action: 'report.refresh', entityType: 'unit_report', entityId: id, unitId: unit.id, after: { tasks: content.tasks.length } });
    return { id, status: report.status, tasks: content.tasks.length };
  });
}

export type ReportTransition = 'approve' | 'submit' | 'accept' | 'return';

const TRANSITION_FROM: Record<ReportTransition, ReportStatus[]> = {
  approve: ['draft', 'returned'], submit: ['approved'], accept: ['submitted'], return: ['submitted', 'accepted'],
};
const TRANSITION_TO: Record<ReportTransition, ReportStatus> = { approve: 'approved', submit: 'submitted', accept: 'accepted', return: 'returned' };
const TRANSITION_LABEL: Record<ReportTransition, string> = { approve: 'duyệt', submit: 'gửi', accept: 'tiếp nhận', return: 'trả lại' };

/**
 * approve: a leader of the reporting unit (its own act, no focal widening); submit: an officer or leader of the
 * unit, after approval; accept / return: the receiving unit (a follow-up act, `follow` on it, so the focal Sở's
 * officers may do it; returning gives the unit back its pen, it never takes it).
 */
export async function transitionReport(ctx: Ctx, id: number, action: ReportTransition, input: { reason?: string } = {}) {
  const actor = requireActor(ctx);
  const { report, unit, toUnit } = await mustReport(ctx, id);
  if (action === 'approve') authorize(ctx, 'approve', { unitPath: unit.path });
  else if (action === 'submit') authorize(ctx, 'edit', { unitPath: unit.path });
  else authorize(ctx, 'follow', { unitPath: toUnit.path });
  const from = report.status;
  if (!TRANSITION_FROM[action].includes(from)) {
    throw conflict('report.bad_transition', `Không thể ${TRANSITION_LABEL[action]} báo cáo đang ở trạng thái "${REPORT_STATUS_LABEL[from]}".`);
  }
  const regime = (await store.getRegime(ctx.db, report.regime_id))!;
  const period = periodOf(regime, report.period_key);
  const now = nowFor(ctx.db);
  const today = vnDate(now);
  const to = TRANSITION_TO[action];
  const patch: store.ReportMove = { status: to, updated_at: new Date() };
  let reason: string | null = null;
  if (action === 'approve') Object.assign(patch, { approved_by: actor.userId, approved_at: now });
  if (action === 'submit') Object.assign(patch, { submitted_at: now, late: today > report.due_date });
  if (action === 'accept') Object.assign(patch, { reviewed_by: actor.userId, reviewed_at: now, return_reason: null });
  if (action === 'return') {
    reason = normalizeText(input.reason ?? '');
    if (reason.length < 5) throw invalid('report.reason_required', 'Hãy nêu lý do trả lại báo cáo.', [{ path: 'reason', message: 'Lý do cần ít nhất 5 ký tự.' }]);
    // The unit gets at least 5 working days to send it again.
    const resend = addWorkingDays(today, 5, await loadCalendar(ctx.db));
    Object.assign(patch, { reviewed_by: actor.userId, reviewed_at: now, return_reason: reason, due_date: resend > report.due_date ? resend : report.due_date });
  }
  return ctx.db.transaction().execute(async (tx) => {
    const moved = await store.moveReport(tx, id, from, patch);
    if (!moved) throw conflict('report.changed', 'Báo cáo vừa được người khác thay đổi. Hãy tải lại trang.');
    const link = `/bao-cao/${id}`;
    if (action === 'submit') {
      await notify(tx, {
        unitId: toUnit.id, kind: 'report.submitted', link,
        title: `${unit.name} đã gửi báo cáo ${period.label.toLowerCase()}${moved.late ? ' (quá hạn)' : ''}`,
        body: `${regime.name}. Hạn gửi: ${shortDateVi(report.due_date)}.`,
      });
    } else if (action === 'return') {
      await notify(tx, {
        unitId: unit.id, kind: 'report.returned', link,
        title: `Báo cáo ${period.label.toLowerCase()} bị trả lại`,
        body: `${toUnit.name} trả lại báo cáo: ${reason}. Đề nghị hoàn thiện và gửi lại trước ngày ${shortDateVi(addDays(moved.due_date, 1))}.`,
      });
    } else if (action === 'accept') {
      await notify(tx, { unitId: unit.id, kind: 'report.accepted', link, title: `${toUnit.name} đã tiếp nhận báo cáo ${period.label.toLowerCase()}` });
    }
    await recordAudit(tx, ctx, {
      action: `report.${action}`, entityType: 'unit_report', entityId: id, unitId: unit.id,
      before: { status: from, dueDate: report.due_date }, after: { status: to, ...(reason ? { reason, dueDate: moved.due_date } : {}), ...(action === 'submit' ? { late: moved.late } : {}) },
    });
    return { id, status: to, late: moved.late, dueDate: moved.due_date };
  });
}

