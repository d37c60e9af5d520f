// The cascade of an issued province plan to its communes and wards: the rule table the province edits, the preview
// of one commune's plan, and the one action that creates a draft for every commune.
import { conflict, invalid, notFound } from '../../domain/errors.ts';
import type { Task } from '../../domain/plan/model.ts';
import { lintPlan } from '../../domain/plan/lint.ts';
import { cascadePlan, DEFAULT_CASCADE_RULES, snapshotOf, type CascadeRule } from '../../domain/plan/cascade.ts';
import type { UnitEntry } from '../../domain/org/unit.ts';
import { recordAudit, recordAudits } from '../audit/index.ts';
import { authorize, requireActor, type Ctx, type Tx } from '../context.ts';
import { mustReadPlan } from './access.ts';
import { communeOfficeChoices, getFocalUnit, getUnit, unitDirectory, unitRegister } from '../org/index.ts';
import { indexEntities } from '../search/index.ts';
import * as store from './store/index.ts';
import { computeFindings } from './findings.ts';
import { issuerName } from './issuer.ts';

// ---------------------------------------------------------------- cascade

async function cascadeRules(ctx: Ctx | { db: Tx }, provinceId: number): Promise<CascadeRule[]> {
  const rules = await store.listCascadeRules(ctx.db, provinceId);
  return rules.length ? rules : DEFAULT_CASCADE_RULES;
}

async function provinceForRules(ctx: Ctx, provinceId: number, action: 'read' | 'edit') {
  requireActor(ctx);
  const unit = await getUnit(ctx.db, provinceId);
  if (!unit) throw notFound('đơn vị');
  authorize(ctx, action, { unitPath: unit.path });
  if (unit.kind !== 'province') throw invalid('cascade.not_province', 'Bảng quy tắc triển khai thuộc về cấp tỉnh.');
  return unit;
}

export async function getCascadeRules(ctx: Ctx, provinceId: number) {
  await provinceForRules(ctx, provinceId, 'read');
  const custom = await store.hasCustomCascadeRules(ctx.db, provinceId);
  return { rules: await cascadeRules(ctx, provinceId), isDefault: !custom, offices: communeOfficeChoices() };
}

export async function setCascadeRules(ctx: Ctx, provinceId: number, rules: CascadeRule[]) {
  await provinceForRules(ctx, provinceId, 'edit');
  for (const [i, r] of rules.entries()) {
    if (!r.fromCode && !r.fromText) throw invalid('cascade.rule_from', `Dòng ${i + 1}: cần mã đơn vị hoặc cụm từ nguồn.`, [{ path: `rules.${i}`, message: 'Nhập mã đơn vị (ví dụ 38.SKHCN) hoặc cụm từ.' }]);
    if (!r.toOffice && r.toText === undefined) throw invalid('cascade.rule_to', `Dòng ${i + 1}: cần phòng/đơn vị đích hoặc văn bản thay thế.`, [{ path: `rules.${i}`, message: 'Chọn phòng đích hoặc nhập văn bản thay thế.' }]);
  }
  return ctx.db.transaction().execute(async (tx) => {
    const before = await cascadeRules({ db: tx }, provinceId);
    await store.replaceCascadeRules(tx, provinceId, rules);
    await recordAudit(tx, ctx, { action: 'cascade.rules', entityType: 'unit', entityId: provinceId, unitId: provinceId, before: { rules: before.length }, after: { rules: rules.length } });
    return { rules };
  });
}

async function cascadeInputs(ctx: Ctx, parentId: number) {
  requireActor(ctx);
  const { plan, unit } = await mustReadPlan(ctx, parentId);
  authorize(ctx, 'edit', { unitPath: unit.path });
  if (unit.kind !== 'province') throw invalid('cascade.not_province', 'Chỉ kế hoạch của tỉnh được triển khai xuống xã, phường.');
  if (plan.status !== 'issued') throw conflict('cascade.not_issued', 'Kế hoạch phải được ban hành (có số, ngày) trước khi triển khai xuống xã, phường.');
  const { draft, tasks } = await store.loadDraft(ctx.db, plan);
  const directory = await unitDirectory(ctx.db);
  const focal = await getFocalUnit(ctx.db, unit.id);
  const info = { id: plan.id, number: plan.number, symbol: plan.symbol, date: plan.issued_date, issuerName: issuerName(unit), focalUnitName: focal?.name ?? 'Sở Khoa học và Công nghệ' };
  return { plan, unit, draft, tasks, directory, info, rules: await cascadeRules(ctx, unit.id) };
}

function communeTarget(directory: Awaited<ReturnType<typeof unitDirectory>>, commune: UnitEntry) {
  return { commune, offices: directory.entries.filter((e) => e.parentId === commune.id) };
}

export async function previewCascade(ctx: Ctx, parentId: number, unitId: number) {
  const input = await cascadeInputs(ctx, parentId);
  const commune = input.directory.getById(unitId);
  if (!commune || (commune.kind !== 'commune' && commune.kind !== 'ward')) throw invalid('cascade.not_commune', 'Hãy chọn một xã hoặc phường.', [{ path: 'unitId', message: 'Chọn xã, phường.' }]);
  const child = cascadePlan(input.draft, input.info, communeTarget(input.directory, commune), { rules: input.rules, directory: input.directory });
  const findings = lintPlan(child, { directory: input.directory, parent: input.draft, issuerCode: commune.code });
  return { draft: { ...child, findings }, rules: input.rules };
}

export async function cascade(ctx: Ctx, parentId: number, sel: { unitIds?: number[]; all?: boolean }) {
  const actor = requireActor(ctx);
  const input = await cascadeInputs(ctx, parentId);
  const communes = input.directory.entries.filter((e) => (e.kind === 'commune' || e.kind === 'ward') && e.parentId === input.unit.id
    && (sel.all || sel.unitIds?.includes(e.id)));
  if (!communes.length) throw invalid('cascade.no_target', 'Chưa chọn xã, phường nào.', [{ path: 'unitIds', message: 'Chọn ít nhất một xã, phường thuộc tỉnh.' }]);
  if (sel.unitIds) {
    const unknown = sel.unitIds.filter((id) => !communes.some((c) => c.id === id));
    if (unknown.length) throw invalid('cascade.not_commune', 'Có đơn vị được chọn không phải xã, phường của tỉnh.', [{ path: 'unitIds', message: unknown.join(', ') }]);
  }
  const existing = await store.unitsWithChildPlan(ctx.db, parentId);
  const targets = communes.filter((c) => !existing.has(c.id));
  const parentTaskIds = new Map(input.tasks.map((t) => [t.number, t.id]));
  const snapshots = new Map(input.draft.tasks.map((t) => [t.number, snapshotOf(t)]));
  const started = performance.now();
  const register = await unitRegister(ctx.db);
  const parents = new Map([[parentId, input.draft]]);
  const drafts = await Promise.all(targets.map(async (c) => {
    const draft = cascadePlan(input.draft, input.info, communeTarget(input.directory, c), { rules: input.rules, directory: input.directory });
    return { commune: c, draft, checked: await computeFindings(ctx.db, { parent_plan_id: parentId, status: 'draft' }, c, draft, { parents, register }) };
  }));
  const created = await ctx.db.transaction().execute(async (tx) => {
    const out: Array<{ unitId: number; planId: number }> = [];
    // Batched writes: one INSERT for the plans, one for all their tasks, one for the search index and the audit.
    for (let i = 0; i < drafts.length; i += 200) {
      const batch = drafts.slice(i, i + 200);
      const rows = await store.insertCascadedPlans(tx, batch.map((b) => ({
        ...store.planValues(b.commune.id, b.draft), parent_plan_id: parentId, created_by: actor.userId, source_name: 'cascade',
        findings: JSON.stringify(b.checked.findings), findings_register: b.checked.register,
      })));
      const taskRows = batch.flatMap((b, j) => b.draft.tasks.map((t: Task, k) => store.taskValues(rows[j]!.id, t, k, {
        parentTaskId: parentTaskIds.get(t.number) ?? null, parentSnapshot: snapshots.get(t.number) ?? null,
      })));
      await store.insertTasksBatched(tx, taskRows);
      const entries = batch.flatMap((b, j) => [b.draft.document.title, ...b.draft.tasks.map((t) => t.title)].map((text, n) => ({ id: rows[j]!.id, unitId: b.commune.id, text, weight: n === 0 ? 1 : 0.6 })));
      await indexEntities(tx, 'plan', batch.map((b, j) => ({ entityId: rows[j]!.id, unitId: b.commune.id, published: false, texts: entries.filter((e) => e.id === rows[j]!.id).map((e) => ({ text: e.text, weight: e.weight, label: e.weight === 1 ? 'title' : 'task' })) })));
      await recordAudits(tx, ctx, rows.map((r) => ({
        action: 'plan.cascade', entityType: 'plan', entityId: r.id, unitId: r.unit_id, after: { parentPlanId: parentId },
      })));
      out.push(...rows.map((r) => ({ unitId: r.unit_id, planId: r.id })));
    }
    return out;
  });
  return { created, skipped: communes.filter((c) => existing.has(c.id)).map((c) => ({ unitId: c.id, unitName: c.name, reason: 'Đã có kế hoạch triển khai' })), ms: Math.round(performance.now() - started) };
}
