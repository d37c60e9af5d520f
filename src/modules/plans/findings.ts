// Review findings of a saved plan: computed at the writes that can change them and stored with the plan, so reading
// a plan (its page, the public pages, lists) returns them as stored and never runs the checks.
//
// What makes stored findings stale, and the write that recomputes them:
// - the plan's own text: create, update, amend, cascade, accepting a parent's change — computed at that write;
// - its status: lint requires number and date of an issued plan, so every transition stores them again;
// - its parent plan (a child's findings compare with it): a parent is issued and changes only by an amendment, whose
//   issue re-points the children to it and recomputes theirs (service.ts, onIssued);
// - the unit register (names are checked against it): findings record the signature of the register they were
//   checked against; a register write (unit added, renamed, merged, retired, reference data reloaded) recomputes
//   the open plans (draft, submitted, approved) checked against an older one. An issued plan keeps the findings it
//   was issued with, also in its version: its text changes only by an amendment, which is checked afresh.
// Rows written before findings were stored get theirs once, at `prepare`, before the server opens.
//
// `computeFindings` is the one function every save path calls; large drafts are checked in the worker pool.
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { checkPlan } from '../../workers/checks.ts';
import type { Finding, PlanDraft } from '../../domain/plan/model.ts';
import type { Tx } from '../context.ts';
// Not through org's entry: org's service refreshes stored findings after a reference reload, so org's entry loads this
// file, and importing org's entry here would close an import cycle (org → plans → org; issue 14, item 3).
import { unitRegister } from '../org/directory.ts';
import { getUnit } from '../org/store.ts';
import * as store from './store/index.ts';

type Q = Kysely<DB> | Tx;

/** Parent drafts by plan id: a province plan is read once for all its children (lint caches its wording). */
export type ParentDrafts = Map<number, PlanDraft | undefined>;

async function parentDraftOf(db: Q, parentId: number | null, parents?: ParentDrafts): Promise<PlanDraft | undefined> {
  if (!parentId) return undefined;
  if (parents?.has(parentId)) return parents.get(parentId);
  const parent = await store.getPlan(db, parentId);
  // Only a published parent is compared with: findings must not quote an unpublished one.
  const draft = parent?.published ? (await store.loadDraft(db, parent)).draft : undefined;
  parents?.set(parentId, draft);
  return draft;
}

/** The checks of a plan as it is about to be stored (its status after the write, its parent, today's register). */
export async function computeFindings(
  db: Q,
  plan: { parent_plan_id: number | null; status: string },
  unit: { code: string },
  draft: PlanDraft,
  opts: { parents?: ParentDrafts; register?: Awaited<ReturnType<typeof unitRegister>> } = {},
): Promise<store.StoredFindings> {
  const { directory, signature } = opts.register ?? (await unitRegister(db));
  const parent = await parentDraftOf(db, plan.parent_plan_id, opts.parents);
  // Large drafts are checked in the worker pool: a long text never holds the main thread.
  return {
    findings: await checkPlan(draft, { directory, parent, issuerCode: unit.code, status: plan.status }),
    register: signature,
  };
}

/** The findings as stored; a row not yet computed (only between migration and `prepare`) has none to show. */
export function storedFindings(plan: store.PlanRow): Finding[] {
  return (plan.findings as Finding[] | null) ?? [];
}

/** Recomputes and stores the findings of one plan as it now is in the database. */
export async function refreshFindings(db: Q, plan: store.PlanRow, parents?: ParentDrafts): Promise<void> {
  const unit = await getUnit(db, plan.unit_id);
  if (!unit) return;
  const { draft } = await store.loadDraft(db, plan);
  await store.saveFindings(db, plan.id, await computeFindings(db, plan, unit, draft, { parents }));
}

/** Children of a plan, after it changed under them (an amendment issued in its place). */
export async function refreshChildFindings(db: Q, parentId: number): Promise<number> {
  const parents: ParentDrafts = new Map();
  const children = await store.childPlans(db, parentId);
  for (const child of children) await refreshFindings(db, child, parents);
  return children.length;
}

/**
 * Plans never checked, and open plans checked against an older register: at `prepare` (the one-off backfill) and
 * after every write to the register. Returns how many were recomputed.
 */
export async function refreshStaleFindings(db: Q): Promise<number> {
  const { signature } = await unitRegister(db);
  const stale = await store.plansWithStaleFindings(db, signature);
  const parents: ParentDrafts = new Map();
  for (const plan of stale) await refreshFindings(db, plan, parents);
  return stale.length;
}
