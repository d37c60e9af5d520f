// Reading a file into a draft for review, and checking a draft not yet saved: nothing is stored.
import type { PlanDraft } from '../../../domain/plan/model.ts';
import { notFound } from '../../../domain/errors.ts';
import { can } from '../../../domain/permissions.ts';
import { authorize, requireActor, type Ctx } from '../../context.ts';
import { getUnit, unitDirectory, unitEntries } from '../../org/index.ts';
import { checkPlan } from '../../../workers/checks.ts';
import { shareEntries } from '../../../workers/directory.ts';
import { runInWorker } from '../../../workers/pool.ts';

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
  const { draft, layout, sourceText } = await runInWorker(
    'importPlan',
    { filename: input.filename, content: input.content, directory },
    {
      subject: `Tệp "${input.filename}"`,
      transfer: owned ? [input.content.buffer as ArrayBuffer] : [],
    },
  );
  // The issuer is suggested as the plan's unit only where the reader may draft: a ministry's or another province's
  // plan read for reference is saved, if at all, under one's own unit.
  const issuerId = draft.document.issuer?.unitId ?? null;
  const issuerUnit = issuerId === null ? undefined : await getUnit(ctx.db, issuerId);
  const ownIssuer = issuerUnit && can(actor, 'edit', { unitPath: issuerUnit.path });
  return { draft, layout, sourceText, suggestedUnitId: ownIssuer ? issuerUnit.id : (input.unitId ?? null) };
}

/** The checks of a draft as the form holds it (any signed-in person may ask). */
export async function lintDraft(ctx: Ctx, input: { draft: PlanDraft; issuerCode?: string }) {
  requireActor(ctx);
  return {
    findings: await checkPlan(input.draft, { directory: await unitDirectory(ctx.db), issuerCode: input.issuerCode }),
  };
}
