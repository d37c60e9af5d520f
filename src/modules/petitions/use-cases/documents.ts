// Documents of petitions: the công văn trả lời of one petition (DOCX, Nghị định 30/2020; it names the sender, so
// only the holders get it, and it is audited as a view of the sender), and the year's figures (XLSX, aggregated).
import { AppError, forbidden } from '../../../domain/errors.ts';
import { identityTarget } from '../../../domain/petitions/access.ts';
import { PETITION_KIND_LABEL } from '../../../domain/petitions/model.ts';
import { can } from '../../../domain/permissions.ts';
import {
  archiveLine,
  blockOf,
  defaultSigner,
  fallbackSignerLines,
  type SignerBlock,
  type UnitDocumentSettings,
} from '../../../domain/org/document-settings.ts';
import { todayInVietnam } from '../../../domain/tracking/assignment.ts';
import { renderPetitionAnswerDocx, type PetitionAnswerLetter } from '../../../documents/render/petition-docx.ts';
import { renderPetitionFiguresXlsx } from '../../../documents/render/petition-xlsx.ts';
import { recordAudit } from '../../audit/index.ts';
import { authorize, mustRead, requireActor, type Ctx } from '../../context.ts';
import { documentIdentityOf, getUnit, getUnitsByIds, type UnitRow } from '../../org/index.ts';
import { petitionFor, unitsOf } from '../shared.ts';
import * as store from '../store.ts';
import { petitionYearFigures } from './figures.ts';

const COMMITTEE_KINDS = new Set(['province', 'commune', 'ward']);

/**
 * Who signs the answer: the block chosen when it was approved; before approval (a draft's preview) the handling
 * unit's default signer, or the register's rule with the approving leader's name when the unit keeps no signers.
 */
async function signerOf(ctx: Ctx, p: store.PetitionRow, unit: UnitRow, settings: UnitDocumentSettings) {
  const chosen = p.answer_signer as SignerBlock | null;
  const block = chosen ?? (defaultSigner(settings) ? blockOf(defaultSigner(settings)!, unit, 'named') : null);
  return {
    signerLines: block?.lines ?? fallbackSignerLines(unit),
    signerName: block?.name ?? (await store.getAnswerApproverName(ctx.db, p.id)),
  };
}

async function letterOf(ctx: Ctx, p: store.PetitionRow): Promise<PetitionAnswerLetter> {
  const committee = COMMITTEE_KINDS.has(p.handling_kind);
  // The handling unit, its parent and its province, all on its path: one read.
  const path = new Map((await getUnitsByIds(ctx.db, [...p.handling_path])).map((u) => [u.id, u]));
  const unit = path.get(p.handling_unit_id)!;
  const parent = p.handling_path.length > 1 ? path.get(p.handling_path.at(-2)!) : undefined;
  const province = p.handling_path.length > 1 ? path.get(p.handling_path[1]!) : undefined;
  const identity = await documentIdentityOf(ctx.db, unit);
  const parentName = committee
    ? null
    : parent && COMMITTEE_KINDS.has(parent.kind)
      ? `Ủy ban nhân dân ${parent.name}`
      : (parent?.name ?? null);
  return {
    issuerParentName: parentName,
    issuerName: committee ? `Ủy ban nhân dân ${p.handling_name}` : p.handling_name,
    placeName: (province?.name ?? '').replace(/^Tỉnh\s+/u, ''),
    date: p.closed_on ?? todayInVietnam(),
    number: null,
    symbol: null,
    code: p.code,
    kindLabel: PETITION_KIND_LABEL[p.kind],
    subject: p.subject,
    receivedOn: p.received_on,
    recipient: p.sender_organisation ?? (p.sender_name ? `Ông/Bà ${p.sender_name}` : 'Người gửi kiến nghị'),
    answer: p.answer ?? '',
    ...(await signerOf(ctx, p, unit, identity.settings)),
    filingLine: archiveLine(identity.draftingDivision),
  };
}

export async function petitionAnswerDocx(ctx: Ctx, id: number): Promise<{ content: Buffer; filename: string }> {
  const p = await petitionFor(ctx, id);
  if (!can(ctx.actor, 'readPersonalData', identityTarget(unitsOf(p))))
    throw forbidden('Chỉ đơn vị tiếp nhận và đơn vị xử lý tải được công văn trả lời.');
  if (!p.answer) throw new AppError('petition.no_answer', 409, `Kiến nghị ${p.code} chưa có nội dung trả lời.`);
  const letter = await letterOf(ctx, p);
  await ctx.db.transaction().execute((tx) =>
    recordAudit(tx, ctx, {
      action: 'petition.sender_view',
      entityType: 'petition',
      entityId: p.id,
      unitId: p.handling_unit_id,
      after: { petitionIds: [p.id], document: 'answer.docx' },
    }),
  );
  return { content: await renderPetitionAnswerDocx(letter), filename: `cong-van-tra-loi-${p.code}.docx` };
}

/** The same figures as JSON, for the focal dashboard. */
export async function petitionFiguresJson(ctx: Ctx, unitId: number, year: number) {
  requireActor(ctx);
  const unit = mustRead(ctx, 'đơn vị', await getUnit(ctx.db, unitId), (u) => ({ unitPath: u.path }), 'unitId');
  authorize(ctx, 'read', { unitPath: unit.path });
  return { unit: { id: unit.id, name: unit.name }, year, ...(await petitionYearFigures(ctx.db, unit.id, year)) };
}

export async function petitionFiguresXlsx(
  ctx: Ctx,
  unitId: number,
  year: number,
): Promise<{ content: Buffer; filename: string }> {
  requireActor(ctx);
  const unit = mustRead(ctx, 'đơn vị', await getUnit(ctx.db, unitId), (u) => ({ unitPath: u.path }), 'unitId');
  authorize(ctx, 'read', { unitPath: unit.path });
  const f = await petitionYearFigures(ctx.db, unit.id, year);
  return {
    content: await renderPetitionFiguresXlsx({ year, unitName: unit.name, ...f }),
    filename: `kien-nghi-${year}-${unit.code}.xlsx`,
  };
}
