// Mẫu AI02 (decree 142 Đ20.3): the impact assessment report of a state agency's AI system, as data. Seven sections,
// every field the form lists; a field's content is plain text typed by the officer, prefilled from the use record.
import {
  AUTOMATION_LABEL,
  RISK_LEVEL_LABEL,
  UNCLASSIFIED_LABEL,
  type AutomationLevel,
  type RiskLevel,
} from './model.ts';

export interface Ai02Field {
  key: string;
  label: string;
  /** Needed before the leader may approve. */
  required: boolean;
}

export interface Ai02Section {
  number: string;
  title: string;
  fields: readonly Ai02Field[];
}

const f = (key: string, label: string, required = true): Ai02Field => ({ key, label, required });

export const AI02_SECTIONS: readonly Ai02Section[] = [
  {
    number: 'I',
    title: 'Thông tin chung',
    fields: [
      f('unitName', 'Tên cơ quan, đơn vị triển khai'),
      f('systemName', 'Tên hệ thống'),
      f('provider', 'Nhà cung cấp'),
      f('purpose', 'Mục tiêu, phạm vi và chức năng chính'),
      f('legalBasis', 'Căn cứ pháp lý triển khai'),
      f('usersServed', 'Đối tượng phục vụ và quy mô người sử dụng dự kiến'),
      f('riskLevel', 'Mức độ rủi ro'),
      f('startDate', 'Thời gian dự kiến vận hành chính thức'),
      f('aiSystemId', 'Mã hệ thống AI (nếu có)', false),
    ],
  },
  {
    number: 'II',
    title: 'Mô tả hệ thống',
    fields: [
      f('aiRole', 'Vai trò của AI trong nghiệp vụ'),
      f('inputData', 'Dữ liệu đầu vào (nguồn, loại, có dữ liệu cá nhân, nhạy cảm không)'),
      f('output', 'Kết quả đầu ra'),
      f('automation', 'Mức độ tự động hóa'),
      f('humanOversight', 'Cơ chế giám sát, phê duyệt của con người'),
      f('impactScope', 'Phạm vi, mức độ ảnh hưởng'),
    ],
  },
  {
    number: 'III',
    title: 'Đánh giá rủi ro',
    fields: [
      f('riskPrivacy', 'Quyền riêng tư và dữ liệu cá nhân'),
      f('riskBias', 'Thiên lệch, phân biệt đối xử'),
      f('riskAccuracy', 'Độ chính xác, độ tin cậy'),
      f('riskTransparency', 'Minh bạch, giải trình'),
      f('riskSecurity', 'An toàn thông tin, an ninh mạng'),
      f('riskRights', 'Quyền con người, công bằng xã hội, lợi ích công cộng'),
      f('riskOther', 'Rủi ro khác', false),
    ],
  },
  {
    number: 'IV',
    title: 'Biện pháp kiểm soát',
    fields: [
      f('controlTechnical', 'Biện pháp kỹ thuật'),
      f('controlOrganisational', 'Biện pháp tổ chức, quản lý'),
      f('controlAffected', 'Biện pháp bảo vệ quyền lợi người bị ảnh hưởng'),
    ],
  },
  {
    number: 'V',
    title: 'Kế hoạch giám sát sau triển khai',
    fields: [
      f('reviewFrequency', 'Tần suất rà soát'),
      f('incidentHandling', 'Cơ chế phát hiện, báo cáo, xử lý sự cố'),
      f('feedbackChannel', 'Cơ chế tiếp nhận phản ánh, khiếu nại hoặc kiến nghị'),
    ],
  },
  { number: 'VI', title: 'Ý kiến tham vấn', fields: [f('consultation', 'Ý kiến tham vấn', false)] },
  { number: 'VII', title: 'Cam kết', fields: [f('commitment', 'Cam kết')] },
];

export const AI02_FIELD_KEYS: readonly string[] = AI02_SECTIONS.flatMap((s) => s.fields.map((x) => x.key));
export type Ai02Content = Record<string, string>;

export const AI02_COMMITMENT =
  'Cơ quan, đơn vị cam kết tính chính xác, trung thực của nội dung báo cáo; vận hành hệ thống đúng mục đích, phạm vi và mức độ rủi ro đã đánh giá; ' +
  'bảo đảm sự giám sát, can thiệp của con người; tuân thủ Khung đạo đức trí tuệ nhân tạo quốc gia và cập nhật báo cáo khi thay đổi mục đích, chức năng, nguồn dữ liệu chính hoặc phạm vi sử dụng.';

export interface UseForPrefill {
  unitName: string;
  productName: string;
  provider: string;
  productFunction: string;
  purpose: string;
  scope: string;
  usersServed: string;
  level: RiskLevel | null;
  startDate: string | null;
  aiSystemId: string | null;
  outputUse: string;
  inputData: string;
  personalData: boolean;
  sensitiveData: boolean;
  automation: AutomationLevel;
  humanOversight: string;
  feedbackLink: string;
}

const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** What the use record already says, in the form's fields; the officer completes the rest. */
export function prefillAi02(u: UseForPrefill): Ai02Content {
  const data = [
    u.inputData.trim(),
    `Có dữ liệu cá nhân: ${u.personalData ? 'có' : 'không'}; dữ liệu nhạy cảm: ${u.sensitiveData ? 'có' : 'không'}.`,
  ];
  const content: Ai02Content = Object.fromEntries(AI02_FIELD_KEYS.map((k) => [k, '']));
  return {
    ...content,
    unitName: u.unitName,
    systemName: u.productName,
    provider: u.provider,
    purpose: [u.purpose, u.scope && `Phạm vi: ${u.scope}`, u.productFunction && `Chức năng chính: ${u.productFunction}`]
      .filter(Boolean)
      .join('\n'),
    usersServed: u.usersServed,
    riskLevel: u.level ? RISK_LEVEL_LABEL[u.level] : UNCLASSIFIED_LABEL,
    startDate: u.startDate ? dmy(u.startDate) : '',
    aiSystemId: u.aiSystemId ?? '',
    aiRole: u.outputUse,
    inputData: data.filter(Boolean).join('\n'),
    output: u.outputUse,
    automation: AUTOMATION_LABEL[u.automation],
    humanOversight: u.humanOversight,
    impactScope: u.scope,
    feedbackChannel: `Người dân, tổ chức gửi phản ánh, kiến nghị về hệ thống qua trang công khai: ${u.feedbackLink}`,
    commitment: AI02_COMMITMENT,
  };
}

/** Keeps the form's fields only, each trimmed and NFC. */
export function normaliseAi02(content: Record<string, string>): Ai02Content {
  return Object.fromEntries(AI02_FIELD_KEYS.map((k) => [k, (content[k] ?? '').normalize('NFC').trim()]));
}

/** Required fields left empty, as field issues the form shows beside each field. */
export function missingAi02Fields(content: Ai02Content): Array<{ path: string; message: string }> {
  return AI02_SECTIONS.flatMap((s) => s.fields)
    .filter((x) => x.required && !(content[x.key] ?? '').trim())
    .map((x) => ({ path: `content.${x.key}`, message: `Cần nhập "${x.label}".` }));
}
