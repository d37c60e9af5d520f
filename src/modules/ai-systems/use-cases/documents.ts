// The documents of a use, as plain data for the renderers (run in the worker pool): its AI02 (latest version for
// its unit, the published one for everyone) and the report of a serious incident.
import type {
  Ai02Document,
  IncidentReportDocument,
  Issuer,
  SectionData,
} from '../../../documents/render/ai-systems-docx.ts';
import { AI02_SECTIONS, type Ai02Content } from '../../../domain/ai-systems/impact-assessment.ts';
import {
  CONSEQUENCE_LABEL,
  DEADLINE_KIND_LABEL,
  vietnamDay,
  type Consequence,
  type IncidentDeadline,
} from '../../../domain/ai-systems/incidents.ts';
import { RISK_LEVEL_LABEL, SEVERITY_LABEL, UNCLASSIFIED_LABEL } from '../../../domain/ai-systems/model.ts';
import { notFound } from '../../../domain/errors.ts';
import { requireActor, type Ctx } from '../../context.ts';
import { getUnit, getUnitsByIds } from '../../org/index.ts';
import * as store from '../store/index.ts';
import { mustIncident } from './incidents.ts';
import { prefillOf } from './assessment.ts';
import { mustUse } from './read.ts';
import { publishedAssessmentOf } from './public.ts';

async function issuerOf(ctx: Pick<Ctx, 'db'>, unitId: number, unitPath: readonly number[]): Promise<Issuer> {
  const [unit, above] = await Promise.all([getUnit(ctx.db, unitId), getUnitsByIds(ctx.db, [...unitPath])]);
  if (!unit) throw notFound('đơn vị');
  const province = above.find((u) => u.kind === 'province');
  const place =
    unit.kind === 'commune' || unit.kind === 'ward' ? unit.short_name : (province?.short_name ?? unit.short_name);
  return { unitName: unit.name, unitKind: unit.kind, place };
}

function ai02Sections(content: Ai02Content): SectionData[] {
  return AI02_SECTIONS.map((s) => ({
    number: s.number,
    title: s.title,
    fields: s.fields.map((f) => ({ label: f.label, value: content[f.key] ?? '' })),
  }));
}

function ai02Of(u: store.UseRow, a: store.AssessmentRow | undefined, issuer: Issuer): Ai02Document {
  const content = (a?.content as Ai02Content | undefined) ?? prefillOf(u);
  return {
    issuer,
    systemName: u.product_name,
    version: a?.version ?? 0,
    draft: !a || a.status === 'draft',
    date: a?.approved_at ? vietnamDay(a.approved_at) : null,
    sections: ai02Sections(content),
    signerName: a?.approver_name ?? null,
  };
}

/** The latest version (a draft is stamped "DỰ THẢO"); before any draft, the form prefilled from the use. */
export async function impactAssessmentDocument(ctx: Ctx, id: number): Promise<Ai02Document> {
  const u = await mustUse(ctx, id);
  const latest = (await store.listAssessments(ctx.db, id))[0];
  return ai02Of(u, latest, await issuerOf(ctx, u.unit_id, u.unit_path));
}

export async function publicImpactAssessmentDocument(ctx: Pick<Ctx, 'db'>, id: number): Promise<Ai02Document> {
  const { use, assessment } = await publishedAssessmentOf(ctx, id);
  return ai02Of(use, assessment, await issuerOf(ctx, use.unit_id, use.unit_path));
}

const at = (d: Date) => d.toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour12: false });

export async function incidentReportDocument(ctx: Ctx, incidentId: number): Promise<IncidentReportDocument> {
  requireActor(ctx);
  const i = await mustIncident(ctx, incidentId);
  const u = await store.getUse(ctx.db, i.use_id);
  if (!u) throw notFound('hệ thống AI');
  const deadlines = (i.deadlines as IncidentDeadline[])
    .map((d) => `${DEADLINE_KIND_LABEL[d.kind]}: ${at(new Date(d.dueAt))}`)
    .join('\n');
  const sections: SectionData[] = [
    { number: 'I', title: 'Thông tin chung', fields: [{ label: 'Tên tổ chức', value: u.unit_name }] },
    {
      number: 'II',
      title: 'Hệ thống trí tuệ nhân tạo',
      fields: [
        { label: 'Tên hệ thống', value: u.product_name },
        { label: 'Mã định danh hệ thống (AI-ID)', value: u.product_ai_system_id ?? '' },
        { label: 'Mức độ rủi ro', value: u.level ? RISK_LEVEL_LABEL[u.level] : UNCLASSIFIED_LABEL },
        { label: 'Nhà cung cấp, bên triển khai', value: `${u.product_provider}; ${u.unit_name}` },
      ],
    },
    {
      number: 'III',
      title: 'Sự cố',
      fields: [
        { label: 'Mức độ', value: SEVERITY_LABEL[i.severity] },
        { label: 'Thời điểm xảy ra', value: at(i.occurred_at) },
        { label: 'Thời điểm phát hiện', value: at(i.detected_at) },
        { label: 'Mô tả ngắn gọn', value: i.description },
        { label: 'Loại hậu quả', value: (i.consequences as Consequence[]).map((c) => CONSEQUENCE_LABEL[c]).join('; ') },
        { label: 'Người, tổ chức bị ảnh hưởng', value: i.affected },
        { label: 'Thời hạn báo cáo', value: deadlines },
      ],
    },
    {
      number: 'IV',
      title: 'Biện pháp khẩn cấp',
      fields: [
        { label: 'Kỹ thuật', value: '' },
        { label: 'Tổ chức, quản trị', value: '' },
      ],
    },
    { number: 'V', title: 'Đánh giá sơ bộ thiệt hại và phạm vi ảnh hưởng', fields: [{ label: 'Đánh giá', value: '' }] },
    { number: 'VI', title: 'Kiến nghị, đề xuất', fields: [{ label: 'Kiến nghị', value: '' }] },
  ];
  return { issuer: await issuerOf(ctx, i.unit_id, i.unit_path), date: vietnamDay(i.created_at), sections };
}
