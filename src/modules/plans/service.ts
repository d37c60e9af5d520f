// Use cases on plans: import for review, save, edit, lifecycle (draft → submitted → approved → issued → amended),
// checks, parent-change notices, comparison, versions. The cascade to communes is in cascade.ts (re-exported here).
import { AppError, conflict, invalid, notFound } from '../../domain/errors.ts';
import { can, scopeRoots } from '../../domain/permissions.ts';
import type { Finding, PlanDraft, PlanStatus, Task, UnitRef } from '../../domain/plan/model.ts';
import { parseTimeframe } from '../../domain/plan/timeframe.ts';
import { PLAN_STATUS_LABEL } from '../../domain/plan/model.ts';
import { diffSnapshots, snapshotOf, type FieldChange, type TaskSnapshot } from '../../domain/plan/cascade.ts';
import { normalizeText } from '../../domain/text.ts';
import { recordAudit } from '../audit/index.ts';
import { authorize, requireActor, type Ctx, type Tx } from '../context.ts';
import { mustReadPlan, readableParent } from './access.ts';
import { getUnit, unitDirectory, unitEntries, type UnitRow } from '../org/index.ts';
import { searchEntities } from '../search/index.ts';
import * as store from './store/index.ts';
import { computeFindings, refreshChildFindings, refreshFindings, storedFindings } from './findings.ts';
import { createAssignmentsForPlan } from '../tracking/index.ts';
import { ensureRegimeForPlan } from '../reporting/index.ts';
import { shareEntries } from '../../workers/directory.ts';
import { runInWorker } from '../../workers/pool.ts';
import { issuerName } from './issuer.ts';

export { issuerName } from './issuer.ts';
export { cascade, getCascadeRules, previewCascade, setCascadeRules } from './cascade.ts';

/**
 * Approving and issuing are acts of the issuing unit's own leaders (a province plan is approved by the
 * province's leaders, not by the focal Sở), so `approve` is checked on the unit without focal widening.
 */
function authorizeApprove(ctx: Ctx, unit: UnitRow): void {
  authorize(ctx, 'approve', { unitPath: unit.path });
}

// ---------------------------------------------------------------- import, create, read

export async function importForReview(ctx: Ctx, input: { filename: string; content: Buffer; unitId?: number }) {
  const actor = requireActor(ctx);
  // Importing prepares a draft of a unit's plan: the right to edit that unit's drafts (a viewer may not).
  const unit = await getUnit(ctx.db, input.unitId ?? actor.unitId);
  if (!unit) throw notFound('đơn vị');
  authorize(ctx, 'edit', { unitPath: unit.path });
  // The worker builds its own directory from the entries: the main thread never pays for the indexes here.
  const directory = shareEntries(await unitEntries(ctx.db));
  // Reading and checking run in a worker: a hostile or huge file costs that worker, never the server.
  const owned = input.content.byteOffset === 0 && input.content.byteLength === input.content.buffer.byteLength;
  const { draft, sourceText } = await runInWorker('importPlan', { filename: input.filename, content: input.content, directory }, {
    subject: `Tệp "${input.filename}"`, transfer: owned ? [input.content.buffer as ArrayBuffer] : [],
  });
  return { draft, sourceText, suggestedUnitId: draft.document.issuer?.unitId ?? input.unitId ?? null };
}

/**
 * What the server derives itself rather than trusting the client: each task's schedule from its timeframe text,
 * and register units for names typed as free text.
 */
async function normaliseDraft(ctx: Ctx, draft: PlanDraft, issuerCode: string): Promise<PlanDraft> {
  const directory = await unitDirectory(ctx.db);
  const year = draft.document.year ?? (draft.document.date ? Number(draft.document.date.slice(0, 4)) : undefined);
  const resolve = (r: UnitRef): UnitRef => (r.unitId !== null || r.group || !r.text.trim() ? r : directory.resolve(r.text, { withinCode: issuerCode }));
  return {
    ...draft,
    tasks: draft.tasks.map((t) => ({
      ...t,
      lead: t.lead.map(resolve),
      coordinators: t.coordinators.map(resolve),
      timeframe: { text: t.timeframe.text, schedule: parseTimeframe(t.timeframe.text, year ? { year } : {}).schedule },
    })),
  };
}

function checkDraftShape(draft: PlanDraft): void {
  const numbers = new Set<string>();
  for (const t of draft.tasks) {
    if (numbers.has(t.number)) throw invalid('plan.task_duplicate', `Nhiệm vụ số ${t.number} bị trùng.`, [{ path: `tasks`, message: `Số nhiệm vụ ${t.number} xuất hiện hai lần.` }]);
    numbers.add(t.number);
  }
  if (!normalizeText(draft.document.title)) throw invalid('plan.title_missing', 'Kế hoạch chưa có trích yếu.', [{ path: 'document.title', message: 'Nhập trích yếu của kế hoạch.' }]);
}

export async function createPlan(ctx: Ctx, input: { unitId: number; draft: PlanDraft; parentPlanId?: number | null; sourceName?: string | null; sourceText?: string | null }) {
  const actor = requireActor(ctx);
  const unit = await getUnit(ctx.db, input.unitId);
  if (!unit) throw invalid('plan.unit_not_found', 'Đơn vị ban hành không tồn tại.', [{ path: 'unitId', message: 'Chọn đơn vị ban hành.' }]);
  authorize(ctx, 'edit', { unitPath: unit.path });
  checkDraftShape(input.draft);
  if (input.parentPlanId) {
    const { plan: parent } = await mustReadPlan(ctx, input.parentPlanId, 'kế hoạch cấp trên', 'parentPlanId');
    if (parent.status !== 'issued') throw invalid('plan.parent_not_issued', 'Kế hoạch cấp trên chưa ban hành (hoặc đã được sửa đổi): chỉ triển khai kế hoạch đang có hiệu lực.', [{ path: 'parentPlanId', message: 'Chọn kế hoạch cấp trên đã ban hành.' }]);
    const existing = await store.liveChildPlanOf(ctx.db, parent.id, unit.id);
    if (existing) {
      throw conflict('plan.child_exists', `${unit.name} đã có kế hoạch triển khai kế hoạch cấp trên này (mã ${existing.id}): hãy sửa kế hoạch đó hoặc tạo văn bản sửa đổi.`);
    }
  }
  const draft = await normaliseDraft(ctx, input.draft, unit.code);
  const checked = await computeFindings(ctx.db, { parent_plan_id: input.parentPlanId ?? null, status: 'draft' }, unit, draft);
  return ctx.db.transaction().execute(async (tx) => {
    const row = await store.insertPlanWithTasks(tx, unit.id, { ...draft, findings: [] }, {
      parentPlanId: input.parentPlanId, createdBy: actor.userId, sourceName: input.sourceName, sourceText: input.sourceText,
    });
    await store.saveFindings(tx, row.id, checked);
    await recordAudit(tx, ctx, { action: 'plan.create', entityType: 'plan', entityId: row.id, unitId: unit.id, after: { title: row.title, tasks: draft.tasks.length, source: input.sourceName ?? null } });
    return { id: row.id };
  });
}

export async function getPlanDetail(ctx: Ctx, id: number) {
  const { plan, unit } = await mustReadPlan(ctx, id);
  const { draft, tasks } = await store.loadDraft(ctx.db, plan);
  const findings = storedFindings(plan);
  const amendedBy = await store.latestAmendmentOf(ctx.db, plan.id);
  const [parent, children, versions] = await Promise.all([
    readableParent(ctx, plan),
    store.childPlansWithUnits(ctx.db, plan.id),
    store.listPlanVersions(ctx.db, plan.id),
  ]);
  const actor = ctx.actor;
  const editable = plan.status === 'draft';
  const visibleChildren = children.filter((c) => can(actor, 'read', { unitPath: c.path }));
  // Readers from outside the plan's unit (the public, other branches) read it only because it is published: they get
  // the document, not the unit's working notes (review findings, why it was returned, the uploaded file's name,
  // version notes, pending notices from the parent plan).
  const insider = can(actor, 'read', { unitPath: unit.path });
  return {
    plan: {
      id: plan.id, status: plan.status as PlanStatus, statusLabel: PLAN_STATUS_LABEL[plan.status as PlanStatus], version: plan.version,
      unitId: unit.id, unitName: unit.name, unitCode: unit.code, unitKind: unit.kind, issuerName: issuerName(unit),
      parentPlanId: plan.parent_plan_id, amendsPlanId: plan.amends_plan_id, amendedBy: amendedBy ? { id: amendedBy.id, status: amendedBy.status as PlanStatus } : null,
      published: plan.published,
      number: plan.number, symbol: plan.symbol, issuedDate: plan.issued_date, year: plan.year, title: plan.title,
      sourceName: insider ? plan.source_name : null, returnReason: insider ? plan.return_reason : null, updatedAt: plan.updated_at.toISOString(),
    },
    draft: { ...draft, findings: insider ? findings : [] },
    taskIds: tasks.map((t) => ({ id: t.id, number: t.number, parentChange: insider ? t.parent_change as ParentChange | null : null })),
    parent: parent ? { id: parent.id, title: parent.title, number: parent.number, symbol: parent.symbol, issuedDate: parent.issued_date } : null,
    children: { total: children.length, visible: visibleChildren.map((c) => ({ id: c.id, status: c.status as PlanStatus, unitId: c.unit_id, unitName: c.unit_name })) },
    versions: versions.map((v) => ({ ...v, note: insider ? v.note : null, created_at: v.created_at.toISOString() })),
    can: {
      /** Sees the review findings and working notes (see `insider` above). */
      review: insider,
      edit: editable && can(actor, 'edit', { unitPath: unit.path }),
      submit: plan.status === 'draft' && can(actor, 'edit', { unitPath: unit.path }),
      approve: plan.status === 'submitted' && can(actor, 'approve', { unitPath: unit.path }),
      return: (plan.status === 'submitted' || plan.status === 'approved') && can(actor, 'approve', { unitPath: unit.path }),
      issue: plan.status === 'approved' && can(actor, 'approve', { unitPath: unit.path }),
      amend: plan.status === 'issued' && can(actor, 'edit', { unitPath: unit.path }),
      cascade: plan.status === 'issued' && unit.kind === 'province' && can(actor, 'edit', { unitPath: unit.path }),
    },
  };
}

export interface ParentChange {
  at: string;
  parentTaskId: number;
  changes: FieldChange[];
  snapshot: TaskSnapshot;
}

export async function listPlansFor(ctx: Ctx, f: { unitId?: number; status?: string; year?: number; q?: string; parentPlanId?: number; limit: number; offset: number }) {
  if (f.parentPlanId) await mustReadPlan(ctx, f.parentPlanId, 'kế hoạch cấp trên', 'parentPlanId');
  const roots = ctx.actor ? scopeRoots(ctx.actor, 'read') : [];
  let ids: number[] | undefined;
  if (f.q) {
    const hits = await searchEntities(ctx.db, 'plan', f.q, { limit: 200, unitRoots: roots });
    ids = hits.map((h) => h.entityId);
  }
  const { rows, total } = await store.listPlans(ctx.db, { scopeRoots: roots, unitId: f.unitId, status: f.status, year: f.year, ids, parentPlanId: f.parentPlanId, limit: f.limit, offset: f.offset });
  const order = ids ? new Map(ids.map((id, i) => [id, i])) : null;
  if (order) rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  return { total, items: rows.map((r) => ({
    id: r.id, unitId: r.unit_id, unitName: r.unit_name, unitKind: r.unit_kind, parentPlanId: r.parent_plan_id, status: r.status as PlanStatus,
    statusLabel: PLAN_STATUS_LABEL[r.status as PlanStatus], version: r.version, number: r.number, symbol: r.symbol, issuedDate: r.issued_date,
    year: r.year, title: r.title, published: r.published, taskCount: Number(r.task_count ?? 0), childCount: Number(r.child_count ?? 0),
    updatedAt: r.updated_at.toISOString(),
  })) };
}

// ---------------------------------------------------------------- editing

/** Saves an edited draft. Task identity (and children's links) is kept by task number. */
export async function updatePlan(ctx: Ctx, id: number, edited: PlanDraft) {
  requireActor(ctx);
  const { plan, unit } = await mustReadPlan(ctx, id);
  authorize(ctx, 'edit', { unitPath: unit.path });
  if (plan.status !== 'draft') {
    throw conflict('plan.not_editable', plan.status === 'issued'
      ? 'Kế hoạch đã ban hành chỉ được thay đổi bằng văn bản sửa đổi (chọn "Sửa đổi kế hoạch").'
      : `Kế hoạch đang ở trạng thái "${PLAN_STATUS_LABEL[plan.status as PlanStatus]}": trả lại dự thảo trước khi sửa.`);
  }
  checkDraftShape(edited);
  const draft = await normaliseDraft(ctx, edited, unit.code);
  const checked = await computeFindings(ctx.db, plan, unit, draft);
  return ctx.db.transaction().execute(async (tx) => {
    const before = await store.loadDraft(tx, plan);
    const existing = new Map(before.tasks.map((t) => [t.number, t]));
    await store.updatePlanRow(tx, id, { ...store.planValues(unit.id, draft), updated_at: new Date() });
    const keep = new Set(draft.tasks.map((t) => t.number));
    const removed = before.tasks.filter((t) => !keep.has(t.number));
    if (removed.length) {
      if (await store.anyTaskImplements(tx, removed.map((r) => r.id))) throw conflict('plan.task_in_use', 'Không thể xóa nhiệm vụ đã được triển khai xuống kế hoạch cấp dưới.');
      await store.deleteTasks(tx, removed.map((r) => r.id));
    }
    for (const [i, t] of draft.tasks.entries()) {
      const old = existing.get(t.number);
      const values = store.taskValues(id, t, i, { parentTaskId: old?.parent_task_id ?? null, parentSnapshot: (old?.parent_snapshot as TaskSnapshot | null) ?? null });
      if (old) await store.updateTask(tx, old.id, values);
      else await store.insertTasks(tx, [values]);
    }
    await store.reindexPlan(tx, { ...plan, title: draft.document.title }, draft.tasks);
    await store.saveFindings(tx, id, checked);
    await recordAudit(tx, ctx, {
      action: 'plan.update', entityType: 'plan', entityId: id, unitId: unit.id,
      before: { title: plan.title, tasks: before.draft.tasks.map((t) => t.number) }, after: { title: draft.document.title, tasks: draft.tasks.map((t) => t.number) },
    });
    return { id };
  });
}

// ---------------------------------------------------------------- lifecycle

export type Transition = 'submit' | 'approve' | 'return' | 'issue';

export async function transition(ctx: Ctx, id: number, action: Transition, input: { number?: string; date?: string; reason?: string; signerName?: string }) {
  requireActor(ctx);
  const { plan, unit } = await mustReadPlan(ctx, id);
  const from = plan.status;
  const allowed: Record<Transition, string[]> = { submit: ['draft'], approve: ['submitted'], return: ['submitted', 'approved'], issue: ['approved'] };
  if (action === 'submit') authorize(ctx, 'edit', { unitPath: unit.path });
  else authorizeApprove(ctx, unit);
  if (!allowed[action].includes(from)) {
    throw conflict('plan.bad_transition', `Không thể ${ACTION_LABEL[action]} kế hoạch đang ở trạng thái "${PLAN_STATUS_LABEL[from as PlanStatus]}".`);
  }
  const actor = requireActor(ctx);
  const { draft } = await store.loadDraft(ctx.db, plan);
  const patch: Record<string, unknown> = { updated_at: new Date() };
  let to: PlanStatus;
  let checked: store.StoredFindings | null = null;
  if (action === 'submit') {
    checked = await computeFindings(ctx.db, { ...plan, status: 'submitted' }, unit, draft);
    const errors = checked.findings.filter((f) => f.severity === 'error');
    if (errors.length) throw invalid('plan.has_errors', `Kế hoạch còn ${errors.length} lỗi cần sửa trước khi trình: ${errors[0]!.message}`, errors.map((e) => ({ path: e.location.task ? `tasks.${e.location.task}` : e.location.field ?? 'document', message: e.message })));
    to = 'submitted';
    patch.submitted_at = new Date();
    patch.return_reason = null;
  } else if (action === 'approve') {
    to = 'approved';
    patch.approved_by = actor.userId;
    patch.approved_at = new Date();
  } else if (action === 'return') {
    const reason = normalizeText(input.reason ?? '');
    if (reason.length < 5) throw invalid('plan.reason_required', 'Hãy nêu lý do trả lại.', [{ path: 'reason', message: 'Lý do cần ít nhất 5 ký tự.' }]);
    to = 'draft';
    patch.return_reason = reason;
  } else {
    const number = normalizeText(input.number ?? '');
    if (!/^\d{1,6}$/.test(number)) throw invalid('plan.number_invalid', 'Số văn bản phải là số (ví dụ 129).', [{ path: 'number', message: 'Nhập số văn bản do văn thư cấp.' }]);
    if (!input.date || !/^\d{4}-\d{2}-\d{2}$/.test(input.date) || Number.isNaN(Date.parse(input.date))) throw invalid('plan.date_invalid', 'Ngày ban hành không hợp lệ.', [{ path: 'date', message: 'Chọn ngày ban hành.' }]);
    const symbol = draft.document.symbol ?? 'KH-UBND';
    const taken = await store.issuedNumberHolder(ctx.db, { unitId: unit.id, number, symbol, year: Number(input.date.slice(0, 4)), exceptId: id });
    // 409 like the unique index's answer to a request that races past this check (src/db/unique-constraints.ts).
    if (taken) throw new AppError('plan.number_taken', 409, `Số ${number}/${symbol} năm ${input.date.slice(0, 4)} đã được dùng cho một văn bản khác của đơn vị.`, [{ path: 'number', message: 'Số này đã được dùng trong năm: nhập số khác.' }]);
    draft.document = {
      ...draft.document, number, symbol, date: input.date, year: Number(input.date.slice(0, 4)),
      signer: input.signerName ? { ...(draft.document.signer ?? { authority: 'TM', lines: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'], name: null }), name: normalizeText(input.signerName) } : draft.document.signer,
    };
    checked = await computeFindings(ctx.db, { ...plan, status: 'issued' }, unit, draft);
    const errors = checked.findings.filter((f) => f.severity === 'error');
    if (errors.length) throw invalid('plan.has_errors', `Kế hoạch còn ${errors.length} lỗi cần sửa trước khi ban hành: ${errors[0]!.message}`);
    to = 'issued';
    Object.assign(patch, store.planValues(unit.id, draft), { issued_at: new Date(), published: true });
  }
  // Stored findings follow the status (lint asks an issued plan for its number and date).
  const stored = checked ?? await computeFindings(ctx.db, { ...plan, status: to }, unit, draft);
  return ctx.db.transaction().execute(async (tx) => {
    // Guard against a concurrent transition: only move from the state we read.
    const moved = await store.movePlanStatus(tx, id, from, { ...patch, status: to });
    if (!moved) throw conflict('plan.changed', 'Kế hoạch vừa được người khác thay đổi. Hãy tải lại trang.');
    await store.saveFindings(tx, id, stored);
    if (to === 'issued') await onIssued(tx, ctx, { ...plan, ...patch, status: 'issued' } as store.PlanRow, unit, draft, stored.findings);
    await recordAudit(tx, ctx, { action: `plan.${action}`, entityType: 'plan', entityId: id, unitId: unit.id, before: { status: from }, after: { status: to, ...(input.reason ? { reason: input.reason } : {}), ...(action === 'issue' ? { number: input.number, date: input.date } : {}) } });
    return { id, status: to };
  });
}

const ACTION_LABEL: Record<Transition, string> = { submit: 'trình', approve: 'duyệt', return: 'trả lại', issue: 'ban hành' };

/** Issuing keeps a version; issuing an amendment retires the plan it amends and tells child plans what changed. */
async function onIssued(tx: Tx, ctx: Ctx, plan: store.PlanRow, unit: UnitRow, draft: PlanDraft, findings: Finding[]): Promise<void> {
  await store.insertPlanVersion(tx, {
    planId: plan.id, version: plan.version, status: 'issued', draft, findings,
    createdBy: ctx.actor?.userId ?? null, note: plan.amends_plan_id ? 'Sửa đổi, bổ sung' : 'Ban hành',
  });
  await createAssignmentsForPlan(tx, plan.id, plan.amends_plan_id);
  await store.reindexPlan(tx, { ...plan, published: true }, draft.tasks);
  await ensureRegimeForPlan(tx, plan.id);
  if (!plan.amends_plan_id) return;
  const old = await store.getPlan(tx, plan.amends_plan_id);
  if (!old) return;
  await store.updatePlanRow(tx, old.id, { status: 'amended', updated_at: new Date() });
  // Child plans now implement the amendment; each child task compares its parent's new state with what it last accepted.
  await store.repointChildPlans(tx, old.id, plan.id);
  const oldTasks = await store.getTasks(tx, old.id);
  const newTasks = new Map((await store.getTasks(tx, plan.id)).map((t) => [t.number, t]));
  const at = new Date().toISOString();
  for (const ot of oldTasks) {
    const nt = newTasks.get(ot.number);
    const children = await store.tasksImplementing(tx, ot.id);
    if (!children.length) continue;
    if (!nt) {
      // The parent task was removed: children keep their text and are told so.
      for (const c of children) {
        await store.updateTask(tx, c.id, { parent_change: JSON.stringify({ at, parentTaskId: ot.id, removed: true, changes: [], snapshot: c.parent_snapshot }) });
      }
      continue;
    }
    const snapshot = snapshotOf(store.taskFromRow(nt, null, null));
    for (const c of children) {
      const changes = c.parent_snapshot ? diffSnapshots(c.parent_snapshot as TaskSnapshot, snapshot) : [];
      await store.updateTask(tx, c.id, {
        parent_task_id: nt.id,
        parent_change: changes.length ? JSON.stringify({ at, parentTaskId: nt.id, changes, snapshot } satisfies ParentChange) : null,
      });
    }
  }
  // The children now implement the amendment: their findings compare with it.
  await refreshChildFindings(tx, plan.id);
}

/** An issued plan changes only through an amendment: a new draft that, once issued, replaces it. */
export async function amendPlan(ctx: Ctx, id: number) {
  const actor = requireActor(ctx);
  const { plan, unit } = await mustReadPlan(ctx, id);
  authorize(ctx, 'edit', { unitPath: unit.path });
  if (plan.status !== 'issued') throw conflict('plan.not_issued', 'Chỉ sửa đổi được kế hoạch đã ban hành.');
  const pending = await store.pendingAmendmentOf(ctx.db, id);
  if (pending) throw conflict('plan.amendment_exists', `Kế hoạch này đã có một dự thảo sửa đổi đang xử lý (mã ${pending.id}).`);
  const { draft, tasks } = await store.loadDraft(ctx.db, plan);
  const links = new Map(tasks.map((t) => [t.number, { parentTaskId: t.parent_task_id, parentSnapshot: t.parent_snapshot as TaskSnapshot | null }]));
  const amended = { ...draft, document: { ...draft.document, number: null, date: null } };
  const checked = await computeFindings(ctx.db, { parent_plan_id: plan.parent_plan_id, status: 'draft' }, unit, amended);
  return ctx.db.transaction().execute(async (tx) => {
    const row = await store.insertPlanWithTasks(tx, unit.id, amended, { parentPlanId: plan.parent_plan_id, amendsPlanId: plan.id, version: plan.version + 1, createdBy: actor.userId, links });
    await store.saveFindings(tx, row.id, checked);
    await recordAudit(tx, ctx, { action: 'plan.amend', entityType: 'plan', entityId: row.id, unitId: unit.id, after: { amends: plan.id, version: plan.version + 1 } });
    return { id: row.id };
  });
}

// ---------------------------------------------------------------- parent changes and comparison

export async function resolveParentChange(ctx: Ctx, taskId: number, input: { decision: 'accept' | 'dismiss'; reason?: string }) {
  requireActor(ctx);
  const task = await store.getTask(ctx.db, taskId);
  if (!task) throw notFound('nhiệm vụ');
  const { plan, unit } = await mustReadPlan(ctx, task.plan_id, 'nhiệm vụ');
  authorize(ctx, 'edit', { unitPath: unit.path });
  const change = task.parent_change as (ParentChange & { removed?: boolean }) | null;
  if (!change) throw conflict('plan.no_parent_change', 'Nhiệm vụ này không có thay đổi nào từ kế hoạch cấp trên.');
  const reason = normalizeText(input.reason ?? '');
  if (input.decision === 'dismiss' && reason.length < 5) throw invalid('plan.reason_required', 'Hãy nêu lý do không áp dụng thay đổi.', [{ path: 'reason', message: 'Lý do cần ít nhất 5 ký tự.' }]);
  if (input.decision === 'accept' && plan.status !== 'draft' && plan.status !== 'issued') throw conflict('plan.not_editable', 'Kế hoạch đang trình hoặc chờ duyệt: hãy xử lý sau.');
  return ctx.db.transaction().execute(async (tx) => {
    const patch: Record<string, unknown> = { parent_change: null, parent_snapshot: change.snapshot ? JSON.stringify(change.snapshot) : null };
    if (input.decision === 'accept' && !change.removed) {
      // The commune takes the parent's new wording for the fields that changed (units stay the commune's own).
      for (const c of change.changes) {
        if (c.field === 'title') patch.title = c.after;
        if (c.field === 'content') patch.content = c.after;
        if (c.field === 'timeframe') {
          patch.timeframe_text = c.after;
          const schedule = parseTimeframe(String(c.after), plan.year ? { year: plan.year } : {}).schedule;
          patch.schedule = schedule ? JSON.stringify(schedule) : null;
        }
        if (c.field === 'deliverables') patch.deliverables = JSON.stringify(c.after);
      }
    }
    await store.updateTask(tx, taskId, patch);
    if (input.decision === 'accept') await refreshFindings(tx, plan);
    await recordAudit(tx, ctx, { action: `plan.parent_change.${input.decision}`, entityType: 'plan_task', entityId: taskId, unitId: unit.id, before: { changes: change.changes }, after: { decision: input.decision, reason: reason || null } });
    return { id: taskId, decision: input.decision };
  });
}

export async function comparePlans(ctx: Ctx, childId: number) {
  const { plan } = await mustReadPlan(ctx, childId);
  // A parent the caller may not read (someone's draft named before parents had to be issued) is no parent.
  const parent = await readableParent(ctx, plan);
  if (!parent) throw invalid('plan.no_parent', 'Kế hoạch này không triển khai kế hoạch cấp trên nào.');
  const [c, p] = [await store.loadDraft(ctx.db, plan), await store.loadDraft(ctx.db, parent)];
  const childByNumber = new Map(c.draft.tasks.map((t) => [t.parentTask?.number ?? t.number, t]));
  const rows = p.draft.tasks.map((pt) => ({ number: pt.number, parent: pt, child: childByNumber.get(pt.number) ?? null }));
  const extra = c.draft.tasks.filter((t) => !p.draft.tasks.some((pt) => pt.number === (t.parentTask?.number ?? t.number)));
  return { parent: { id: parent.id, title: parent.title, number: parent.number, symbol: parent.symbol }, child: { id: plan.id, title: plan.title }, rows, extra };
}

export async function planForExport(ctx: Ctx, id: number) {
  const { plan, unit } = await mustReadPlan(ctx, id);
  const { draft } = await store.loadDraft(ctx.db, plan);
  const parentUnit = unit.parent_id ? await getUnit(ctx.db, unit.parent_id) : undefined;
  return { plan, unit, draft, parentUnit };
}


