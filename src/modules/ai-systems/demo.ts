// Demo content of the register: a few uses at phường Nam Sầm Sơn and at the province, through the same use cases
// people use. The ward's citizen chatbot carries an approved, published AI02.
import type { Answers } from '../../domain/ai-systems/questionnaire.ts';
import type { UseCreate } from '../../contracts/ai-systems.ts';
import type { Ctx } from '../context.ts';
import { getUnitByCode } from '../org/index.ts';
import {
  approveImpactAssessment,
  publishImpactAssessment,
  saveImpactAssessment,
  getImpactAssessment,
} from './use-cases/assessment.ts';
import { classifyAiUse } from './use-cases/classify.ts';
import { createAiUse } from './use-cases/register.ts';
import { publishAiUse, updateAiUse } from './use-cases/update.ts';

const CHATBOT: Omit<UseCreate, 'unitId'> = {
  product: {
    name: 'Trợ lý ảo Hành chính công',
    provider: 'Công ty Cổ phần Giải pháp Số Sầm Sơn (minh họa)',
    providerContact: 'Thanh Hóa; hotro@vi-du.vn',
    version: '2.1',
    function: 'Trả lời câu hỏi của người dân về thủ tục hành chính; kiểm tra sơ bộ thành phần hồ sơ nộp trực tuyến.',
    modelType: 'Mô hình ngôn ngữ lớn kết hợp tra cứu văn bản',
    trainingData: 'Văn bản quy phạm pháp luật, bộ thủ tục hành chính công bố',
    providerLevel: 'medium',
    aiSystemId: null,
  },
  purpose: 'Trả lời người dân về thủ tục hành chính và sàng lọc sơ bộ hồ sơ trực tuyến trước khi cán bộ tiếp nhận.',
  scope: 'Bộ phận Một cửa phường Nam Sầm Sơn; các thủ tục lĩnh vực hộ tịch, chứng thực.',
  usersServed: 'Người dân, tổ chức có yêu cầu giải quyết thủ tục; khoảng 2.000 lượt mỗi tháng.',
  inputData: 'Câu hỏi của người dân; hồ sơ nộp trực tuyến (họ tên, số định danh, giấy tờ kèm theo).',
  personalData: true,
  sensitiveData: false,
  outputUse:
    'Câu trả lời cho người dân; kết quả kiểm tra hồ sơ đủ hay thiếu làm căn cứ để bộ phận Một cửa tiếp nhận hoặc yêu cầu bổ sung.',
  automation: 'partial',
  humanOversight: 'Cán bộ Một cửa xem kết quả sàng lọc và quyết định tiếp nhận; người dân có thể yêu cầu gặp cán bộ.',
  startDate: '2026-09-01',
  contract: 'Hợp đồng số 12/2026/HĐ-UBND, thuê dịch vụ 12 tháng.',
  internalNotes: 'Đang đàm phán giảm giá gia hạn.',
  publicSummary:
    'Trợ lý ảo trả lời câu hỏi về thủ tục hành chính và kiểm tra sơ bộ hồ sơ nộp trực tuyến; cán bộ quyết định tiếp nhận.',
  status: 'piloting',
};

const CHATBOT_ANSWERS: Answers = {
  onHighRiskList: false,
  interactsWithPublic: true,
  clearlyAiTool: false,
  rightsImpact: ['decisions', 'detection'],
  decisionUse: 'direct',
  significantHarm: false,
  humanReviewBeforeEffect: true,
};

const AI02_TEXT: Record<string, string> = {
  legalBasis:
    'Luật Trí tuệ nhân tạo số 134/2025/QH15; Nghị định 142/2026/NĐ-CP; Kế hoạch số 45/KH-UBND ngày 20/5/2026 của UBND phường.',
  riskPrivacy: 'Hồ sơ có dữ liệu cá nhân cơ bản; chỉ xử lý trên máy chủ của tỉnh, không chuyển cho nhà cung cấp.',
  riskBias: 'Thấp: hệ thống không chấm điểm người dân, chỉ đối chiếu thành phần hồ sơ với danh mục đã công bố.',
  riskAccuracy: 'Có thể trả lời sai khi câu hỏi ngoài phạm vi; thử nghiệm 500 câu hỏi đạt 94% đúng.',
  riskTransparency: 'Giao diện ghi rõ đang trò chuyện với trợ lý ảo; câu trả lời dẫn nguồn văn bản.',
  riskSecurity: 'Kiểm thử an toàn thông tin cấp độ 2 trước khi vận hành.',
  riskRights: 'Không từ chối hồ sơ tự động: mọi kết quả "thiếu hồ sơ" được cán bộ xem lại.',
  controlTechnical: 'Giới hạn phạm vi câu hỏi; ghi nhật ký hội thoại 12 tháng; nút chuyển cho cán bộ.',
  controlOrganisational: 'Phân công cán bộ Một cửa giám sát hằng ngày; Phòng Văn hóa - Xã hội rà soát hằng quý.',
  controlAffected: 'Người dân được yêu cầu cán bộ xem xét lại; phản ánh được trả lời trong 05 ngày làm việc.',
  reviewFrequency: 'Hằng quý và khi thay đổi thủ tục.',
  incidentHandling:
    'Cán bộ phát hiện báo lãnh đạo phường ngay; sự cố nghiêm trọng báo cáo theo Điều 19 Nghị định 142/2026/NĐ-CP.',
  consultation: 'Đã lấy ý kiến Phòng Văn hóa - Xã hội, Công an phường và đại diện người dân tổ dân phố.',
};

async function citizenChatbot(officer: Ctx, leader: Ctx, unitId: number): Promise<void> {
  const { id } = await createAiUse(officer, { ...CHATBOT, unitId });
  await classifyAiUse(officer, id, CHATBOT_ANSWERS);
  const { prefill } = await getImpactAssessment(officer, id);
  await saveImpactAssessment(officer, id, { ...prefill, ...AI02_TEXT });
  await approveImpactAssessment(leader, id);
  await publishImpactAssessment(leader, id);
  await updateAiUse(officer, id, { status: 'inUse' });
}

const BASE = {
  scope: '',
  usersServed: '',
  inputData: '',
  personalData: false,
  sensitiveData: false,
  outputUse: '',
  automation: 'assistive' as const,
  humanOversight: '',
  startDate: null,
  contract: '',
  internalNotes: '',
  publicSummary: '',
  status: 'planned' as const,
};

/** Sở KH&CN drafts for UBND tỉnh (the unit it serves): the province's hotline assistant, in pilot. */
async function provinceHotline(officer: Ctx, unitId: number): Promise<void> {
  const { id } = await createAiUse(officer, {
    ...BASE,
    unitId,
    status: 'piloting',
    product: {
      name: 'Trợ lý ảo Tổng đài 1022',
      provider: 'Trung tâm Phục vụ hành chính công tỉnh (minh họa)',
      providerContact: '',
      version: '1.0',
      function: 'Trả lời tự động cuộc gọi, tin nhắn của người dân, doanh nghiệp.',
      modelType: 'Mô hình ngôn ngữ, nhận dạng giọng nói',
      trainingData: '',
      providerLevel: 'medium',
      aiSystemId: null,
    },
    purpose: 'Trả lời người dân, doanh nghiệp gọi Tổng đài 1022 về thủ tục và phản ánh.',
    outputUse: 'Câu trả lời tham khảo; phản ánh được chuyển cán bộ xử lý.',
    internalNotes: 'Thử nghiệm 6 tháng.',
    publicSummary: 'Trợ lý ảo trả lời cuộc gọi Tổng đài 1022; phản ánh do cán bộ xử lý.',
  });
  await classifyAiUse(officer, id, {
    onHighRiskList: false,
    interactsWithPublic: true,
    clearlyAiTool: false,
    rightsImpact: [],
    decisionUse: 'reference',
    significantHarm: false,
    humanReviewBeforeEffect: true,
  });
}

/** Only into a database without uses; `ctxOf` gives a demo account's context by its user name. */
export async function seedAiSystemsDemo(ctxOf: (username: string) => Promise<Ctx>): Promise<boolean> {
  const wardOfficer = await ctxOf('namsamson.chuyenvien');
  const [ward, skhcn, province] = await Promise.all(
    ['16516', '38.SKHCN', '38'].map((code) => getUnitByCode(wardOfficer.db, code)),
  );
  if (!ward || !skhcn || !province) return false;
  await citizenChatbot(wardOfficer, await ctxOf('namsamson.lanhdao'), ward.id);
  await createAiUse(wardOfficer, {
    ...BASE,
    unitId: ward.id,
    product: {
      name: 'Phân tích hình ảnh camera giao thông',
      provider: 'Công ty TNHH Thị giác Máy (minh họa)',
      providerContact: '',
      version: '1.0',
      function: 'Nhận dạng phương tiện, đếm lưu lượng, phát hiện ùn tắc từ camera.',
      modelType: 'Thị giác máy tính',
      trainingData: '',
      providerLevel: null,
      aiSystemId: null,
    },
    purpose: 'Theo dõi lưu lượng giao thông mùa du lịch trên các tuyến ven biển.',
    scope: 'Các tuyến đường ven biển phường Nam Sầm Sơn.',
  });
  const officer = await ctxOf('skhcn.chuyenvien');
  const summary = await createAiUse(officer, {
    ...BASE,
    unitId: skhcn.id,
    status: 'piloting',
    product: {
      name: 'Công cụ tóm tắt văn bản',
      provider: 'Trung tâm Công nghệ thông tin (minh họa)',
      providerContact: '',
      version: '1.0',
      function: 'Tóm tắt văn bản, gợi ý trích yếu cho chuyên viên.',
      modelType: 'Mô hình ngôn ngữ',
      trainingData: '',
      providerLevel: 'low',
      aiSystemId: null,
    },
    purpose: 'Hỗ trợ chuyên viên tóm tắt văn bản đến.',
    outputUse: 'Bản tóm tắt để chuyên viên tham khảo.',
    publicSummary: 'Công cụ tóm tắt văn bản nội bộ cho chuyên viên.',
  });
  await classifyAiUse(officer, summary.id, {
    onHighRiskList: false,
    interactsWithPublic: false,
    clearlyAiTool: true,
    rightsImpact: [],
    decisionUse: 'none',
    significantHarm: false,
    humanReviewBeforeEffect: true,
  });
  await publishAiUse(await ctxOf('skhcn.lanhdao'), summary.id);
  await provinceHotline(officer, province.id);
  return true;
}
