// A leader of the receiving unit approves the period's compiled report or reminder letter for signing: picks who signs
// (the unit's default signer preselected), kept with the period so that every later export prints the same block.
import type { PeriodDocumentApproval } from '../../../contracts/document-settings.ts';
import type { SignerBlock } from '../../../domain/org/document-settings.ts';
import { can } from '../../../domain/permissions.ts';
import { recordAudit } from '../../audit/index.ts';
import { authorize, requireActor, type Ctx } from '../../context.ts';
import { mustRegime } from '../access.ts';
import { periodOf, signerForApproval } from '../regimes.ts';
import * as store from '../store/index.ts';

const KIND_LABEL: Record<store.PeriodDocumentKind, string> = {
  compiled: 'báo cáo tổng hợp',
  reminder: 'công văn đôn đốc',
};

export async function approvePeriodDocument(
  ctx: Ctx,
  regimeId: number,
  key: string,
  kind: store.PeriodDocumentKind,
  input: { signerKey?: number },
): Promise<PeriodDocumentApproval> {
  const actor = requireActor(ctx);
  const { regime, owner } = await mustRegime(ctx, regimeId);
  authorize(ctx, 'approve', { unitPath: owner.path });
  const period = periodOf(regime, key);
  const form = kind === 'reminder' ? 'letter' : 'named';
  const { block } = await signerForApproval(ctx.db, owner, form, input.signerKey, actor.userId);
  return ctx.db.transaction().execute(async (tx) => {
    const saved = await store.savePeriodDocument(tx, {
      regimeId: regime.id,
      periodKey: period.key,
      kind,
      signer: block,
      userId: actor.system ? null : actor.userId,
    });
    await recordAudit(tx, ctx, {
      action: `report.${kind}_approve`,
      entityType: 'reporting_regime',
      entityId: regime.id,
      unitId: owner.id,
      before: saved.before ? { period: period.key, signer: saved.before.signer } : null,
      after: { period: period.key, document: KIND_LABEL[kind], signer: block },
    });
    return { kind, signer: block, approvedAt: saved.approvedAt.toISOString() };
  });
}

/** What the period's status shows of its documents: who signs each, when approved, and whether one may approve. */
export async function periodDocumentsOf(ctx: Ctx, regimeId: number, key: string, ownerPath: readonly number[]) {
  const [compiled, reminder] = await Promise.all(
    (['compiled', 'reminder'] as const).map(async (kind) => {
      const row = await store.getPeriodDocument(ctx.db, regimeId, key, kind);
      if (!row) return null;
      const approvedBy = row.approved_by ? await store.userFullName(ctx.db, row.approved_by) : null;
      return { signer: row.signer as SignerBlock, approvedAt: row.approved_at.toISOString(), approvedBy };
    }),
  );
  return {
    compiled: compiled ?? null,
    reminder: reminder ?? null,
    canApprove: can(ctx.actor, 'approve', { unitPath: ownerPath }),
  };
}
