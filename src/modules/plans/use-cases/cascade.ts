// The cascade of an issued province plan to its communes and wards: the preview of one commune's plan, and the one
// action that creates a draft for every commune chosen.
import { conflict, invalid } from '../../../domain/errors.ts';
import type { UnitEntry } from '../../../domain/org/unit.ts';
import { cascadePlan, snapshotOf } from '../../../domain/plan/cascade.ts';
import { issuerName } from '../../../domain/plan/issuer.ts';
import { lintPlan } from '../../../domain/plan/lint.ts';
import type { PlanDraft, Task } from '../../../domain/plan/model.ts';
import { recordAudits } from '../../audit/index.ts';
import { authorize, requireActor, type Ctx, type Tx } from '../../context.ts';
import { getFocalUnit, unitDirectory, unitRegister } from '../../org/index.ts';
import { indexEntities } from '../../search/index.ts';
import { mustReadPlan } from '../access.ts';
import { computeFindings, type ParentDrafts } from '../findings.ts';
import * as store from '../store/index.ts';
import { cascadeRules } from './cascade-rules.ts';

type Directory = Awaited<ReturnType<typeof unitDirectory>>;

async function cascadeInputs(ctx: Ctx, parentId: number) {
  requireActor(ctx);
  const { plan, unit } = await mustReadPlan(ctx, parentId);
  authorize(ctx, 'edit', { unitPath: unit.path });
  if (unit.kind !== 'province')
    throw invalid('cascade.not_province', 'Chỉ kế hoạch của tỉnh được triển khai xuống xã, phường.');
  if (plan.status !== 'issued')
    throw conflict(
      'cascade.not_issued',
      'Kế hoạch phải được ban hành (có số, ngày) trước khi triển khai xuống xã, phường.',
    );
  const { draft, tasks } = await store.loadDraft(ctx.db, plan);
  const directory = await unitDirectory(ctx.db);
  const focal = await getFocalUnit(ctx.db, unit.id);
  const info = {
    id: plan.id,
    number: plan.number,
    symbol: plan.symbol,
    date: plan.issued_date,
    issuerName: issuerName(unit),
    focalUnitName: focal?.name ?? 'Sở Khoa học và Công nghệ',
  };
  return { plan, unit, draft, tasks, directory, info, rules: await cascadeRules(ctx.db, unit.id) };
}

type CascadeInputs = Awaited<ReturnType<typeof cascadeInputs>>;

function communeTarget(directory: Directory, commune: UnitEntry) {
  return { commune, offices: directory.entries.filter((e) => e.parentId === commune.id) };
}

function communePlan(input: CascadeInputs, commune: UnitEntry): PlanDraft {
  return cascadePlan(input.draft, input.info, communeTarget(input.directory, commune), {
    rules: input.rules,
    directory: input.directory,
  });
}

export async function previewCascade(ctx: Ctx, parentId: number, unitId: number) {
  const input = await cascadeInputs(ctx, parentId);
  const commune = input.directory.getById(unitId);
  if (!commune || (commune.kind !== 'commune' && commune.kind !== 'ward')) {
    throw invalid('cascade.not_commune', 'Hãy chọn một xã hoặc phường.', [
      { path: 'unitId', message: 'Chọn xã, phường.' },
    ]);
  }
  const child = communePlan(input, commune);
  const findings = lintPlan(child, { directory: input.directory, parent: input.draft, issuerCode: commune.code });
  return { draft: { ...child, findings }, rules: input.rules };
}

/** The province's communes and wards chosen; an id that is not one of them is refused. */
function chosenCommunes(input: CascadeInputs, sel: { unitIds?: number[]; all?: boolean }): UnitEntry[] {
  const communes = input.directory.entries.filter(
    (e) =>
      (e.kind === 'commune' || e.kind === 'ward') &&
      e.parentId === input.unit.id &&
      (sel.all || sel.unitIds?.includes(e.id)),
  );
  if (!communes.length) {
    throw invalid('cascade.no_target', 'Chưa chọn xã, phường nào.', [
      { path: 'unitIds', message: 'Chọn ít nhất một xã, phường thuộc tỉnh.' },
    ]);
  }
  const unknown = (sel.unitIds ?? []).filter((id) => !communes.some((c) => c.id === id));
  if (unknown.length) {
    throw invalid('cascade.not_commune', 'Có đơn vị được chọn không phải xã, phường của tỉnh.', [
      { path: 'unitIds', message: unknown.join(', ') },
    ]);
  }
  return communes;
}

export async function cascade(ctx: Ctx, parentId: number, sel: { unitIds?: number[]; all?: boolean }) {
  requireActor(ctx);
  const input = await cascadeInputs(ctx, parentId);
  const communes = chosenCommunes(input, sel);
  const existing = await store.unitsWithChildPlan(ctx.db, parentId);
  const targets = communes.filter((c) => !existing.has(c.id));
  const started = performance.now();
  const register = await unitRegister(ctx.db);
  const parents: ParentDrafts = new Map([[parentId, input.draft]]);
  const drafts = await Promise.all(
    targets.map(async (c) => {
      const draft = communePlan(input, c);
      return {
        commune: c,
        draft,
        checked: await computeFindings(ctx.db, { parent_plan_id: parentId, status: 'draft' }, c, draft, {
          parents,
          register,
        }),
      };
    }),
  );
  const created = await ctx.db.transaction().execute(async (tx) => {
    const out: Array<{ unitId: number; planId: number }> = [];
    for (let i = 0; i < drafts.length; i += 200)
      out.push(...(await insertCommunePlans(tx, ctx, input, drafts.slice(i, i + 200))));
    return out;
  });
  const skipped = communes
    .filter((c) => existing.has(c.id))
    .map((c) => ({ unitId: c.id, unitName: c.name, reason: 'Đã có kế hoạch triển khai' }));
  return { created, skipped, ms: Math.round(performance.now() - started) };
}

type CommuneDraft = { commune: UnitEntry; draft: PlanDraft; checked: store.StoredFindings };

/** Batched writes: one INSERT for the plans, one for all their tasks, one for the search index and the audit. */
async function insertCommunePlans(tx: Tx, ctx: Ctx, input: CascadeInputs, batch: CommuneDraft[]) {
  const actor = requireActor(ctx);
  const parentId = input.plan.id;
  const parentTaskIds = new Map(input.tasks.map((t) => [t.number, t.id]));
  const snapshots = new Map(input.draft.tasks.map((t) => [t.number, snapshotOf(t)]));
  const rows = await store.insertCascadedPlans(
    tx,
    batch.map((b) => ({
      ...store.planValues(b.commune.id, b.draft),
      parent_plan_id: parentId,
      created_by: actor.userId,
      source_name: 'cascade',
      findings: JSON.stringify(b.checked.findings),
      findings_register: b.checked.register,
    })),
  );
  const taskRows = batch.flatMap((b, j) =>
    b.draft.tasks.map((t: Task, k) =>
      store.taskValues(rows[j]!.id, t, k, {
        parentTaskId: parentTaskIds.get(t.number) ?? null,
        parentSnapshot: snapshots.get(t.number) ?? null,
      }),
    ),
  );
  await store.insertTasksBatched(tx, taskRows);
  await indexEntities(
    tx,
    'plan',
    batch.map((b, j) => ({
      entityId: rows[j]!.id,
      unitId: b.commune.id,
      published: false,
      texts: [
        { text: b.draft.document.title, weight: 1, label: 'title' },
        ...b.draft.tasks.map((t) => ({ text: t.title, weight: 0.6, label: 'task' })),
      ],
    })),
  );
  await recordAudits(
    tx,
    ctx,
    rows.map((r) => ({
      action: 'plan.cascade',
      entityType: 'plan',
      entityId: r.id,
      unitId: r.unit_id,
      after: { parentPlanId: parentId },
    })),
  );
  return rows.map((r) => ({ unitId: r.unit_id, planId: r.id }));
}
