// Petitions (kiến nghị, đề xuất, phản ánh) from the public about the AI law: kinds, states and their transitions.
// States are typed open or closed, as FixMyStreet types its report states: a list, a count or a deadline asks only
// "is it still open?", never a list of state names. Pure.

export const PETITION_KIND_LABEL = {
  recommendation: 'Kiến nghị',
  proposal: 'Đề xuất',
  feedback: 'Phản ánh',
} as const;
export type PetitionKind = keyof typeof PETITION_KIND_LABEL;
export const PETITION_KINDS = Object.keys(PETITION_KIND_LABEL) as PetitionKind[];

export const OPEN_STATUS_LABEL = {
  received: 'Đã tiếp nhận',
  classified: 'Đã phân loại',
  inProgress: 'Đang xử lý',
  waitingForSender: 'Chờ người gửi bổ sung thông tin',
} as const;
export const CLOSED_STATUS_LABEL = {
  answered: 'Đã trả lời',
  referred: 'Đã chuyển cơ quan có thẩm quyền khác',
  notInScope: 'Không thuộc phạm vi tiếp nhận',
  withdrawn: 'Người gửi rút lại',
  merged: 'Đã gộp với kiến nghị trùng nội dung',
} as const;
export type OpenStatus = keyof typeof OPEN_STATUS_LABEL;
export type ClosedStatus = keyof typeof CLOSED_STATUS_LABEL;
export type PetitionStatus = OpenStatus | ClosedStatus;
export const PETITION_STATUS_LABEL: Record<PetitionStatus, string> = { ...OPEN_STATUS_LABEL, ...CLOSED_STATUS_LABEL };
export const PETITION_STATUSES = Object.keys(PETITION_STATUS_LABEL) as [PetitionStatus, ...PetitionStatus[]];
export const OPEN_STATUSES = Object.keys(OPEN_STATUS_LABEL) as OpenStatus[];
export const CLOSED_STATUSES = Object.keys(CLOSED_STATUS_LABEL) as ClosedStatus[];

export function isOpen(status: PetitionStatus): status is OpenStatus {
  return status in OPEN_STATUS_LABEL;
}

/** What a petition is about, set when it is classified (the research's B.5 model, NĐ 142 Đ41.3). */
export const CONCERN_LABEL = {
  legalDocument: 'Văn bản quy phạm pháp luật',
  procedure: 'Thủ tục hành chính',
  aiSystem: 'Hệ thống trí tuệ nhân tạo',
  implementation: 'Tổ chức thi hành tại địa phương',
} as const;
export type Concern = keyof typeof CONCERN_LABEL;

/** Topics the answers are grouped by on the public list; answer templates are written per topic. */
export const TOPIC_LABEL = {
  riskClassification: 'Phân loại rủi ro hệ thống AI',
  dataAndPrivacy: 'Dữ liệu và bảo vệ dữ liệu cá nhân',
  sandbox: 'Thử nghiệm có kiểm soát (sandbox)',
  support: 'Chính sách hỗ trợ, ưu đãi',
  publicSector: 'Ứng dụng AI trong cơ quan nhà nước',
  guidance: 'Hướng dẫn thi hành, giải thích quy định',
  other: 'Nội dung khác',
} as const;
export type Topic = keyof typeof TOPIC_LABEL;

/** How a handled petition was closed besides an answer: the acts a leader decides on. */
export const CLOSING_OUTCOMES = ['referred', 'notInScope', 'withdrawn'] as const;
export type ClosingOutcome = (typeof CLOSING_OUTCOMES)[number];

/** The acts of handling, each allowed from some states only. */
export type PetitionAct =
  | 'classify'
  | 'route'
  | 'requestInformation'
  | 'resume'
  | 'merge'
  | 'draftAnswer'
  | 'approveAnswer'
  | 'close'
  | 'extend';

const FROM: Record<PetitionAct, readonly PetitionStatus[]> = {
  classify: ['received', 'classified', 'inProgress'],
  route: ['received', 'classified', 'inProgress'],
  requestInformation: ['received', 'classified', 'inProgress'],
  resume: ['waitingForSender'],
  merge: ['received', 'classified', 'inProgress', 'waitingForSender'],
  draftAnswer: ['received', 'classified', 'inProgress'],
  approveAnswer: ['inProgress'],
  close: ['received', 'classified', 'inProgress', 'waitingForSender'],
  extend: ['received', 'classified', 'inProgress', 'waitingForSender'],
};

export const ACT_LABEL: Record<PetitionAct, string> = {
  classify: 'phân loại',
  route: 'chuyển đơn vị xử lý',
  requestInformation: 'đề nghị bổ sung thông tin',
  resume: 'tiếp tục xử lý',
  merge: 'gộp kiến nghị trùng',
  draftAnswer: 'soạn dự thảo trả lời',
  approveAnswer: 'duyệt và gửi trả lời',
  close: 'kết thúc xử lý',
  extend: 'gia hạn',
};

/** Whether an act may be done in a state; approving also needs a draft answer. */
export function allowedFrom(act: PetitionAct, status: PetitionStatus): boolean {
  return FROM[act].includes(status);
}

/** The state an act leads to (closing and merging name their own). */
export function statusAfter(act: PetitionAct, current: PetitionStatus, outcome?: ClosingOutcome): PetitionStatus {
  switch (act) {
    case 'classify':
      return current === 'received' ? 'classified' : current;
    case 'route':
      return current === 'received' ? 'classified' : current;
    case 'requestInformation':
      return 'waitingForSender';
    case 'resume':
      return 'inProgress';
    case 'merge':
      return 'merged';
    case 'draftAnswer':
      return 'inProgress';
    case 'approveAnswer':
      return 'answered';
    case 'close':
      return outcome ?? 'notInScope';
    case 'extend':
      return current;
  }
}
