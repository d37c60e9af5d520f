// Answer templates per topic: the opening a handler starts a draft from (then writes the substance). Pure.
import type { Topic } from './model.ts';

const CLOSING = 'Trong quá trình thực hiện, nếu còn vướng mắc, đề nghị ông/bà tiếp tục phản ánh để được hướng dẫn.';

export const ANSWER_TEMPLATES: Record<Topic, string> = {
  riskClassification:
    'Về việc phân loại rủi ro hệ thống trí tuệ nhân tạo, theo quy định của Luật Trí tuệ nhân tạo và Nghị định 142/2026/NĐ-CP, ' +
    'nhà cung cấp tự phân loại và thông báo kết quả qua Cổng thông tin điện tử một cửa về trí tuệ nhân tạo. [Nội dung trả lời cụ thể]\n' +
    CLOSING,
  dataAndPrivacy:
    'Về dữ liệu và bảo vệ dữ liệu cá nhân khi phát triển, sử dụng hệ thống trí tuệ nhân tạo, việc xử lý dữ liệu cá nhân thực hiện ' +
    'theo Luật Bảo vệ dữ liệu cá nhân. [Nội dung trả lời cụ thể]\n' +
    CLOSING,
  sandbox:
    'Về cơ chế thử nghiệm có kiểm soát, hồ sơ, trình tự đề nghị tham gia thực hiện theo Nghị định 142/2026/NĐ-CP. [Nội dung trả lời cụ thể]\n' +
    CLOSING,
  support: 'Về chính sách hỗ trợ, ưu đãi đối với hoạt động trí tuệ nhân tạo, [Nội dung trả lời cụ thể]\n' + CLOSING,
  publicSector:
    'Về việc ứng dụng trí tuệ nhân tạo trong cơ quan nhà nước trên địa bàn, [Nội dung trả lời cụ thể]\n' + CLOSING,
  guidance: 'Về nội dung ông/bà đề nghị hướng dẫn, [Nội dung trả lời cụ thể]\n' + CLOSING,
  other: '[Nội dung trả lời cụ thể]\n' + CLOSING,
};
