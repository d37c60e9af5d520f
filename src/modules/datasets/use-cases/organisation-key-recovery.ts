// A lost access key. The organisation gives its tax code and its contact's e-mail; when they name an account (not a
// refused one), a one-time code valid for an hour goes to that address, and the code gets a new key (the old one
// stops at once). The answer to the first step is the same whether or not they matched, so the form tells nobody
// which tax codes have accounts; it is limited per address like every anonymous call.
import type { z } from '@hono/zod-openapi';
import type { Config } from '../../../config.ts';
import type {
  OrganisationKeyRecoveryCodeSchema,
  OrganisationKeyRecoverySchema,
} from '../../../contracts/data-organisations.ts';
import { AppError } from '../../../domain/errors.ts';
import { recordAudit } from '../../audit/index.ts';
import type { Ctx } from '../../context.ts';
import { sendMail } from '../../mail/index.ts';
import * as store from '../store/organisations.ts';
import { newAccessKey, newRecoveryCode, provinceTarget, sha256 } from './organisation-keys.ts';

const CODE_VALID_MINUTES = 60;
const SENT =
  'Nếu mã số thuế và thư điện tử khớp với một tài khoản tổ chức, mã khôi phục đã được gửi tới thư điện tử đó (có hiệu lực 60 phút). Không nhận được thư: liên hệ Sở Khoa học và Công nghệ.';

const NO_MAIL =
  'Hệ thống chưa được cấu hình gửi thư điện tử nên chưa gửi được mã khôi phục: hãy liên hệ Sở Khoa học và Công nghệ để được cấp lại khóa.';

type MailConfig = Pick<Config, 'smtpUrl' | 'mailFrom' | 'publicUrl'>;

export async function requestKeyRecovery(
  ctx: Ctx,
  b: z.infer<typeof OrganisationKeyRecoverySchema>,
  mail?: MailConfig,
): Promise<{ message: string }> {
  // Without a mail server nothing can be sent, whatever the account: said plainly, the same to everyone.
  if (!mail?.smtpUrl) return { message: NO_MAIL };
  const org = await store.organisationForRecovery(ctx.db, b.taxCode, b.contactEmail);
  if (!org) return { message: SENT };
  const { code, hash } = newRecoveryCode();
  await ctx.db
    .transaction()
    .execute((tx) => store.setRecovery(tx, org.id, hash, new Date(Date.now() + CODE_VALID_MINUTES * 60_000)));
  const page = `${mail.publicUrl ?? ''}/cong-khai/du-lieu/to-chuc?khoi-phuc=${encodeURIComponent(code)}`;
  // Not awaited: an answer that waited for the mail server would tell, by its time, that the account exists.
  void sendMail(mail, {
    to: [org.contact_email],
    subject: `Mã khôi phục khóa truy cập của ${org.name}`,
    text:
      `Có yêu cầu cấp lại khóa truy cập cho tài khoản tổ chức "${org.name}" (mã số thuế ${org.tax_code}) trên Cơ sở ` +
      `dữ liệu phục vụ trí tuệ nhân tạo của tỉnh.\n\nMã khôi phục (dùng một lần, trong ${CODE_VALID_MINUTES} phút): ${code}\n` +
      `Mở trang: ${page}\n\nKhi nhận khóa mới, khóa cũ hết hiệu lực. Nếu không phải tổ chức yêu cầu, hãy bỏ qua thư này.`,
  }).catch((e: Error) => console.warn(`Không gửi được mã khôi phục cho tổ chức ${org.id}: ${e.message}`));
  return { message: SENT };
}

export async function confirmKeyRecovery(ctx: Ctx, b: z.infer<typeof OrganisationKeyRecoveryCodeSchema>) {
  const province = await provinceTarget(ctx);
  const k = newAccessKey();
  const org = await ctx.db.transaction().execute(async (tx) => {
    const found = await store.organisationByRecoveryHash(tx, sha256(b.code));
    if (!found)
      throw new AppError(
        'organisation.recovery_invalid',
        400,
        'Mã khôi phục không đúng, đã dùng hoặc đã hết hạn: hãy yêu cầu mã mới.',
        [{ path: 'code', message: 'Mã khôi phục không dùng được.' }],
      );
    await store.replaceKey(tx, found.id, k.hash, k.hint);
    await recordAudit(tx, ctx, {
      action: 'data_organisation.key_recover',
      entityType: 'data_organisation',
      entityId: found.id,
      unitId: province.unitId,
      after: { keyHint: k.hint },
    });
    return found;
  });
  return { id: org.id, name: org.name, status: org.status, accessKey: k.key };
}
