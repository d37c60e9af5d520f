// What the petition use cases share: loading a petition the caller may read, the one way a transition is written
// (the change, its history line, its audit record), and the mail to the sender once it is committed.
import { conflict } from '../../domain/errors.ts';
import { handlingTarget, petitionReaders, type PetitionUnits } from '../../domain/petitions/access.ts';
import {
  ACT_LABEL,
  allowedFrom,
  PETITION_STATUS_LABEL,
  type PetitionAct,
  type PetitionStatus,
} from '../../domain/petitions/model.ts';
import type { Action } from '../../domain/permissions.ts';
import type { Config } from '../../config.ts';
import { recordAudit } from '../audit/index.ts';
import { authorize, mustRead, requireActor, type Ctx, type Tx } from '../context.ts';
import { sendMail } from '../mail/index.ts';
import * as store from './store.ts';

export function unitsOf(p: store.PetitionRow): PetitionUnits {
  return {
    receivingPath: p.receiving_path,
    receivingKind: p.receiving_kind,
    handlingPath: p.handling_path,
    handlingKind: p.handling_kind,
  };
}

/** A petition the caller may read (anything else is "not found"), for an act that needs `action` on its handling unit. */
export async function petitionFor(ctx: Ctx, id: number, action?: Action, field?: string): Promise<store.PetitionRow> {
  requireActor(ctx);
  const p = mustRead(ctx, 'kiến nghị', await store.getPetition(ctx.db, id), (x) => petitionReaders(unitsOf(x)), field);
  if (action) authorize(ctx, action, handlingTarget(unitsOf(p)));
  return p;
}

/** Refuses an act the petition's state does not allow, saying what state it is in. */
export function mustAllow(act: PetitionAct, p: store.PetitionRow): void {
  if (allowedFrom(act, p.status)) return;
  throw conflict(
    'petition.wrong_status',
    `Không thể ${ACT_LABEL[act]} kiến nghị ${p.code} khi ở trạng thái "${PETITION_STATUS_LABEL[p.status]}".`,
  );
}

export interface Transition {
  act: PetitionAct | 'publish' | 'linkTask' | 'linkRecords';
  status: PetitionStatus;
  patch: Parameters<typeof store.updatePetition>[2];
  note?: string;
  /** Listed on the public follow-up page (no personal data in the note). */
  public?: boolean;
}

/** The change, its line in the petition's history and its audit record (inside the caller's transaction). */
export async function writeTransition(tx: Tx, ctx: Ctx, p: store.PetitionRow, t: Transition): Promise<void> {
  await store.updatePetition(tx, p.id, { status: t.status, ...t.patch });
  await store.insertPetitionEvent(tx, {
    petitionId: p.id,
    kind: t.act,
    status: t.status,
    note: t.note ?? '',
    public: t.public ?? false,
    actorUserId: ctx.actor?.userId ?? null,
  });
  const after = Object.fromEntries(
    Object.entries({ status: t.status, ...t.patch }).map(([k, v]) => [k, typeof v === 'string' ? v.slice(0, 500) : v]),
  );
  await recordAudit(tx, ctx, {
    action: `petition.${t.act}`,
    entityType: 'petition',
    entityId: p.id,
    unitId: t.patch.handling_unit_id ?? p.handling_unit_id,
    before: { status: p.status, handlingUnitId: p.handling_unit_id },
    after,
  });
}

/** Tells the sender by e-mail, when one was given and mail is configured; a mail failure never undoes the change. */
export async function mailSender(
  config: Pick<Config, 'smtpUrl' | 'mailFrom'> | undefined,
  p: store.PetitionRow,
  status: PetitionStatus,
  text: string,
) {
  if (!config?.smtpUrl || !p.sender_email) return;
  try {
    await sendMail(config, {
      to: [p.sender_email],
      subject: `Kiến nghị ${p.code}: ${PETITION_STATUS_LABEL[status]}`,
      text:
        `Kiến nghị "${p.subject}" (mã tra cứu ${p.code}) của ông/bà: ${PETITION_STATUS_LABEL[status].toLowerCase()}.\n\n${text}\n\n` +
        `Tra cứu bằng mã ${p.code} tại trang Kiến nghị về Luật Trí tuệ nhân tạo.`,
    });
  } catch (e) {
    console.warn(`Không gửi được thư cho người gửi kiến nghị ${p.code}: ${(e as Error).message}`);
  }
}
