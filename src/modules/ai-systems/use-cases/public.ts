// The public register: every published use in plain language, never its internal notes or contract; a JSON and a
// CSV export; the published AI02 of each. Each use says how to send feedback about it (Mẫu AI02 §V.3).
import type { PublicAiSystem } from '../../../contracts/ai-systems.ts';
import { notFound } from '../../../domain/errors.ts';
import {
  AUTOMATION_LABEL,
  RISK_LEVEL_LABEL,
  UNCLASSIFIED_LABEL,
  USE_STATUS_LABEL,
} from '../../../domain/ai-systems/model.ts';
import type { Ctx } from '../../context.ts';
import * as store from '../store/index.ts';
import { publicLink } from './views.ts';

function publicView(u: store.UseRow): PublicAiSystem {
  return {
    id: u.id,
    name: u.product_name,
    provider: u.product_provider,
    unitName: u.unit_name,
    level: u.level,
    levelLabel: u.level ? RISK_LEVEL_LABEL[u.level] : UNCLASSIFIED_LABEL,
    status: u.status,
    statusLabel: USE_STATUS_LABEL[u.status],
    summary: u.public_summary || u.product_function,
    purpose: u.purpose,
    automation: AUTOMATION_LABEL[u.automation],
    humanOversight: u.human_oversight,
    startDate: u.start_date,
    assessment:
      u.published_version !== null
        ? {
            version: Number(u.published_version),
            publishedAt: (u.published_at ?? new Date()).toISOString(),
            url: `/api/public/ai-systems/${u.id}/impact-assessment.docx`,
          }
        : null,
    feedback: `Gửi phản ánh, kiến nghị về hệ thống này cho ${u.unit_name} tại ${publicLink(u.id)}.`,
    publishedAt: (u.published_at ?? new Date()).toISOString(),
  };
}

export async function listPublicAiSystems(
  ctx: Pick<Ctx, 'db'>,
  f: store.PublishedFilter = {},
): Promise<{ total: number; items: PublicAiSystem[] }> {
  const { total, rows } = await store.listPublishedUses(ctx.db, f);
  return { total, items: rows.map(publicView) };
}

export async function getPublicAiSystem(ctx: Pick<Ctx, 'db'>, id: number): Promise<PublicAiSystem> {
  const u = await store.getPublishedUse(ctx.db, id);
  if (!u) throw notFound('hệ thống AI');
  return publicView(u);
}

const CSV_COLUMNS: Array<[string, (s: PublicAiSystem) => string]> = [
  ['id', (s) => String(s.id)],
  ['ten_he_thong', (s) => s.name],
  ['nha_cung_cap', (s) => s.provider],
  ['don_vi_van_hanh', (s) => s.unitName],
  ['muc_do_rui_ro', (s) => s.levelLabel],
  ['trang_thai', (s) => s.statusLabel],
  ['tom_tat', (s) => s.summary],
  ['muc_dich', (s) => s.purpose],
  ['muc_do_tu_dong', (s) => s.automation],
  ['giam_sat_cua_con_nguoi', (s) => s.humanOversight],
  ['ngay_bat_dau', (s) => s.startDate ?? ''],
  ['bao_cao_danh_gia_tac_dong', (s) => s.assessment?.url ?? ''],
  ['phan_anh', (s) => s.feedback],
  ['ngay_cong_khai', (s) => s.publishedAt],
];

/** A cell as RFC 4180 wants it, and never read as a formula by a spreadsheet (=, +, -, @ at the start). */
function cell(v: string): string {
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export async function publicAiSystemsCsv(ctx: Pick<Ctx, 'db'>): Promise<string> {
  const { items } = await listPublicAiSystems(ctx, {});
  const lines = [
    CSV_COLUMNS.map(([h]) => h).join(','),
    ...items.map((s) => CSV_COLUMNS.map(([, f]) => cell(f(s))).join(',')),
  ];
  // A BOM so that spreadsheet programs read the Vietnamese letters as UTF-8.
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The published AI02 of a published use: for anyone. Anything else does not exist here. */
export async function publishedAssessmentOf(ctx: Pick<Ctx, 'db'>, id: number) {
  const u = await store.getUse(ctx.db, id);
  if (!u || !u.published_at) throw notFound('hệ thống AI');
  const a = await store.getPublishedAssessment(ctx.db, id);
  if (!a) throw notFound('báo cáo đánh giá tác động đã công khai');
  return { use: u, assessment: a };
}
