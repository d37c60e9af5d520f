// Mẫu AI02 and the serious-incident report as DOCX, opened with LibreOffice: the ND30 header, the seven sections,
// the leader's signature block, the draft stamp only on a draft.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { convertWithLibreOffice, hasTool, pdfInfo, pdfText } from '../../src/documents/render/docx-inspect.ts';
import {
  renderAi02Docx,
  renderIncidentReportDocx,
  type Ai02Document,
} from '../../src/documents/render/ai-systems-docx.ts';
import { AI02_SECTIONS, prefillAi02 } from '../../src/domain/ai-systems/impact-assessment.ts';
import { QUOC_HIEU } from '../../src/documents/render/nd30.ts';

const content = prefillAi02({
  unitName: 'Phường Nam Sầm Sơn',
  productName: 'Trợ lý ảo Hành chính công',
  provider: 'Công ty Cổ phần Giải pháp Số',
  productFunction: 'Trả lời người dân',
  purpose: 'Trả lời người dân về thủ tục hành chính',
  scope: 'Bộ phận Một cửa',
  usersServed: 'Người dân, khoảng 2.000 lượt mỗi tháng',
  level: 'medium',
  startDate: '2026-09-01',
  aiSystemId: null,
  outputUse: 'Kết quả kiểm tra hồ sơ làm căn cứ tiếp nhận',
  inputData: 'Câu hỏi; hồ sơ trực tuyến',
  personalData: true,
  sensitiveData: false,
  automation: 'partial',
  humanOversight: 'Cán bộ Một cửa duyệt',
  feedbackLink: '/cong-khai/he-thong-ai/1',
});

const document = (draft: boolean): Ai02Document => ({
  issuer: { unitName: 'Phường Nam Sầm Sơn', unitKind: 'ward', place: 'Nam Sầm Sơn' },
  systemName: 'Trợ lý ảo Hành chính công',
  version: 1,
  draft,
  date: draft ? null : '2026-08-20',
  signerName: draft ? null : 'Phạm Xuân Trường',
  sections: AI02_SECTIONS.map((s) => ({
    number: s.number,
    title: s.title,
    fields: s.fields.map((f) => ({ label: f.label, value: content[f.key] || 'Đã đánh giá.' })),
  })),
});

describe('AI systems documents printed with LibreOffice', () => {
  let approved: string;
  let draft: string;
  let incident: string;
  before(async () => {
    if (!((await hasTool('soffice')) && (await hasTool('pdfinfo'))))
      throw new Error('Cần LibreOffice và poppler-utils: apt-get install libreoffice-writer-nogui poppler-utils');
    const [a, d, i] = await Promise.all([
      renderAi02Docx(document(false)).then((b) => convertWithLibreOffice(b, 'pdf')),
      renderAi02Docx(document(true)).then((b) => convertWithLibreOffice(b, 'pdf')),
      renderIncidentReportDocx({
        issuer: { unitName: 'Phường Nam Sầm Sơn', unitKind: 'ward', place: 'Nam Sầm Sơn' },
        date: '2026-09-04',
        sections: [
          {
            number: 'III',
            title: 'Sự cố',
            fields: [{ label: 'Mô tả ngắn gọn', value: 'Trả lời sai điều kiện hưởng trợ cấp.' }],
          },
        ],
      }).then((b) => convertWithLibreOffice(b, 'pdf')),
    ]);
    assert.equal((await pdfInfo(a)).paper, 'A4');
    [approved, draft, incident] = await Promise.all([pdfText(a), pdfText(d), pdfText(i)]);
  });

  it('prints the ND30 header, the title and all seven sections of Mẫu AI02', () => {
    assert.ok(approved.includes(QUOC_HIEU));
    assert.match(approved, /ỦY BAN NHÂN DÂN[\s\S]*PHƯỜNG NAM SẦM SƠN/);
    assert.match(approved, /Nam Sầm Sơn, ngày 20 tháng 8 năm 2026/);
    assert.match(approved, /Mẫu AI02/);
    assert.match(approved, /BÁO CÁO/);
    for (const title of [
      'I. THÔNG TIN CHUNG',
      'II. MÔ TẢ HỆ THỐNG',
      'III. ĐÁNH GIÁ RỦI RO',
      'IV. BIỆN PHÁP KIỂM SOÁT',
      'V. KẾ HOẠCH GIÁM SÁT SAU TRIỂN KHAI',
      'VI. Ý KIẾN THAM VẤN',
      'VII. CAM KẾT',
    ]) {
      assert.ok(approved.includes(title), title);
    }
    assert.match(approved, /Cơ chế tiếp nhận phản ánh, khiếu nại hoặc kiến nghị/);
  });

  it('signs as the decree asks, and stamps only the draft', () => {
    assert.match(approved, /LÃNH ĐẠO CƠ QUAN, ĐƠN VỊ/);
    assert.match(approved, /\(Ký, ghi rõ họ tên, chức vụ và đóng dấu\)/);
    assert.match(approved, /Phạm Xuân Trường/);
    assert.doesNotMatch(approved, /DỰ THẢO/);
    assert.match(draft, /DỰ THẢO/);
  });

  it('prints the incident report', () => {
    assert.match(incident, /Mẫu AI01a/);
    assert.match(incident, /Sự cố nghiêm trọng của hệ thống trí tuệ nhân tạo/i);
    assert.match(incident, /Trả lời sai điều kiện hưởng trợ cấp/);
  });
});
