// Public intake: anyone sends a kiến nghị, đề xuất or phản ánh and gets a tracking code and a due date. Abuse is
// held back without a captcha: limits per address and for everyone (counted in the database), a field only robots
// fill in, and a resend of the same content by the same contact within a day merged into the first.
import { AppError, invalid } from '../../../domain/errors.ts';
import { trackingCode } from '../../../domain/petitions/code.ts';
import { dueDateFor } from '../../../domain/petitions/deadline.ts';
import {
  contactKey,
  contentKey,
  DUPLICATE_WINDOW_HOURS,
  isPetitionKind,
  OTHER_CHANNEL_MESSAGE,
} from '../../../domain/petitions/intake.ts';
import { receivingUnitFor } from '../../../domain/petitions/routing.ts';
import type { PetitionSettings } from '../../../domain/petitions/settings.ts';
import { fold, formatDateVi, shorten } from '../../../domain/text.ts';
import { waitText } from '../../../domain/throttle.ts';
import { todayInVietnam } from '../../../domain/tracking/assignment.ts';
import type { PetitionIntake, PetitionReceipt } from '../../../contracts/petitions.ts';
import { recordAudit } from '../../audit/index.ts';
import { countHit } from '../../auth/index.ts';
import { loadCalendar } from '../../calendar/index.ts';
import { notify } from '../../notifications/index.ts';
import { unitEntries } from '../../org/index.ts';
import type { Ctx, Tx } from '../../context.ts';
import { aiUseRef, type AiUseRef } from '../../ai-systems/index.ts';
import { datasetRef, type DatasetRef } from '../../datasets/index.ts';
import type { UnitEntry } from '../../../domain/org/unit.ts';
import { checkAttachments } from '../attachments.ts';
import * as store from '../store.ts';

/** 429: the answer carries Retry-After (set by the route). */
export class IntakeThrottled extends AppError {
  readonly retryAfter: number;
  constructor(seconds: number, everyone: boolean) {
    super(
      'rate_limited',
      429,
      everyone
        ? `Hệ thống đang nhận quá nhiều kiến nghị. Vui lòng gửi lại sau ${waitText(seconds)}.`
        : `Bạn đã gửi nhiều kiến nghị trong thời gian ngắn. Vui lòng gửi lại sau ${waitText(seconds)}.`,
    );
    this.retryAfter = seconds;
  }
}

async function throttle(ctx: Ctx, s: PetitionSettings): Promise<void> {
  if (s.perAddressPerHour > 0) {
    const mine = await countHit(ctx.db, 'petition.address', ctx.ip ?? 'unknown', 3600);
    if (mine.hits > s.perAddressPerHour) throw new IntakeThrottled(mine.resetSeconds, false);
  }
  if (s.perHour > 0) {
    const all = await countHit(ctx.db, 'petition.all', '*', 3600);
    if (all.hits > s.perHour) throw new IntakeThrottled(all.resetSeconds, true);
  }
}

type Earlier = NonNullable<Awaited<ReturnType<typeof store.findDuplicatePetition>>>;

/** The same content from the same contact within a day: a note on the first, and its receipt again. */
async function mergeResend(ctx: Ctx, same: Earlier): Promise<PetitionReceipt> {
  await ctx.db.transaction().execute(async (tx) => {
    await store.insertPetitionEvent(tx, {
      petitionId: same.id,
      kind: 'resent',
      status: 'received',
      note: 'Người gửi gửi lại cùng nội dung; đã gộp vào kiến nghị này.',
    });
    await recordAudit(tx, ctx, {
      action: 'petition.resent',
      entityType: 'petition',
      entityId: same.id,
      unitId: same.handling_unit_id,
    });
  });
  return { code: same.code, receivedOn: same.received_on, dueDate: same.due_date };
}

/** What a robot that filled the hidden field is told: a receipt like any other, for a petition that does not exist. */
function decoy(today: string): PetitionReceipt {
  return {
    code: trackingCode(Number(today.slice(0, 4)), 900_000 + Math.floor(Math.random() * 99_999)),
    receivedOn: today,
    dueDate: today,
  };
}

interface About {
  aiUse: AiUseRef | null;
  dataset: DatasetRef | null;
}

/** The published AI system or dataset the sender names: one the public cannot see answers like an unknown id. */
async function recordsNamed(ctx: Ctx, input: PetitionIntake): Promise<About> {
  const aiUse = input.aiSystemId ? await aiUseRef({ db: ctx.db, actor: null }, input.aiSystemId, 'aiSystemId') : null;
  const dataset = input.datasetId ? await datasetRef({ db: ctx.db, actor: null }, input.datasetId, 'datasetId') : null;
  return { aiUse, dataset };
}

/**
 * Feedback on an AI system goes to the level that operates it when the sender names no commune: the commune or
 * ward on the use's unit's path (its Phòng Văn hóa - Xã hội receives), or the province's receiving unit.
 */
function communeOf(entries: readonly UnitEntry[], path: readonly number[] | undefined): string | undefined {
  if (!path) return undefined;
  return entries.find((e) => path.includes(e.id) && (e.kind === 'commune' || e.kind === 'ward'))?.code;
}

/** The unit that operates the AI system or owns the dataset learns of the petition about it (Mẫu AI02 §V.3). */
async function notifyOperators(tx: Tx, code: string, subject: string, about: About, receiverId: number) {
  const notes = [
    about.aiUse && {
      unitId: about.aiUse.unitId,
      what: `hệ thống AI "${about.aiUse.name}"`,
      link: `/he-thong-ai/${about.aiUse.id}`,
    },
    about.dataset && {
      unitId: about.dataset.unitId,
      what: `bộ dữ liệu "${about.dataset.title}"`,
      link: `/du-lieu/${about.dataset.id}`,
    },
  ].filter((n): n is { unitId: number; what: string; link: string } => !!n && n.unitId !== receiverId);
  for (const n of notes)
    await notify(tx, {
      unitId: n.unitId,
      kind: 'petition.about_record',
      title: `Kiến nghị ${code} về ${n.what}`,
      body: shorten(subject, 200),
      link: n.link,
    });
}

export async function submitPetition(
  ctx: Ctx,
  input: PetitionIntake,
  settings: PetitionSettings,
): Promise<PetitionReceipt> {
  // The records named are checked with the rest of the input, before the intake counts the request.
  const about = await recordsNamed(ctx, input);
  await throttle(ctx, settings);
  const today = todayInVietnam();
  if (input.website?.trim()) return decoy(today);
  const kind = input.kind;
  if (!isPetitionKind(kind))
    throw invalid('petition.other_channel', OTHER_CHANNEL_MESSAGE, [{ path: 'kind', message: OTHER_CHANNEL_MESSAGE }]);
  const entries = await unitEntries(ctx.db);
  const receiver = receivingUnitFor(entries, input.communeCode ?? communeOf(entries, about.aiUse?.unitPath));
  if (!receiver) {
    const message = 'Không tìm thấy xã, phường có mã này.';
    throw invalid('petition.unknown_commune', message, [{ path: 'communeCode', message }]);
  }
  const files = await checkAttachments(input.attachments ?? []);
  const s = input.sender;
  const contact = contactKey(s);
  const content = contentKey(input.subject, input.content);
  const cal = await loadCalendar(ctx.db);
  const since = new Date(Date.now() - DUPLICATE_WINDOW_HOURS * 3_600_000);
  const same = await store.findDuplicatePetition(ctx.db, contact, content, since);
  if (same) return mergeResend(ctx, same);
  const year = Number(today.slice(0, 4));
  const code = trackingCode(year, await store.nextPetitionNumber(ctx.db, year));
  const dueDate = dueDateFor(today, kind, receiver.level, settings, cal);
  return ctx.db.transaction().execute(async (tx) => {
    const id = await store.insertPetition(tx, {
      code,
      kind,
      subject: input.subject,
      content: input.content,
      law_reference: input.lawReference || null,
      receiving_unit_id: receiver.unitId,
      handling_unit_id: receiver.unitId,
      sender_name: s.name,
      sender_organisation: s.organisation || null,
      sender_email: s.email || null,
      sender_phone: s.phone || null,
      sender_address: s.address || null,
      contact_key: contact,
      content_key: content,
      received_on: today,
      due_date: dueDate,
      search_folded: fold(`${input.subject} ${input.lawReference ?? ''}`),
      ai_use_id: about.aiUse?.id ?? null,
      dataset_id: about.dataset?.id ?? null,
    });
    await store.insertPetitionAttachments(tx, id, files);
    await store.insertPetitionEvent(tx, {
      petitionId: id,
      kind: 'received',
      status: 'received',
      note: 'Đã tiếp nhận kiến nghị.',
      public: true,
    });
    await notify(tx, {
      unitId: receiver.unitId,
      kind: 'petition.received',
      title: `Kiến nghị mới ${code}`,
      body: `${shorten(input.subject, 200)} (hạn trả lời ${formatDateVi(dueDate)}).`,
      link: `/kien-nghi/${id}`,
    });
    await notifyOperators(tx, code, input.subject, about, receiver.unitId);
    await recordAudit(tx, ctx, {
      action: 'petition.receive',
      entityType: 'petition',
      entityId: id,
      unitId: receiver.unitId,
      after: { code, kind, dueDate },
    });
    return { code, receivedOn: today, dueDate };
  });
}
