// Risk classification as a versioned questionnaire: questions and their effects are data, each effect citing the
// article it comes from and saying when it is our reading rather than the text. The evaluation is one small pure
// function over that data, so a new decree version is a new entry in QUESTIONNAIRES, not new code. Uses classified
// under an older version are flagged for review (the version is stored with the classification).
import type { RiskLevel } from './model.ts';

export type Answer = boolean | string | string[];
export type Answers = Record<string, Answer>;

export interface Question {
  id: string;
  text: string;
  help?: string;
  kind: 'yesNo' | 'choice' | 'multi';
  options?: ReadonlyArray<{ value: string; label: string }>;
}

/** A condition over the answers: one question's answer, or a combination. */
export type Condition =
  | { q: string; is: boolean | string }
  | { q: string; includesAny: readonly string[] }
  | { all: readonly Condition[] }
  | { any: readonly Condition[] }
  | { not: Condition };

export interface Reason {
  article: string;
  text: string;
  /** True when the effect is our reading of the text, not its words. */
  ourReading: boolean;
}

export interface Rule {
  when: Condition;
  level?: RiskLevel;
  impactAssessment?: boolean;
  reason: Reason;
}

export interface Questionnaire {
  version: string;
  /** The instruments it implements. */
  implements: string;
  questions: readonly Question[];
  rules: readonly Rule[];
  /** The reason given when no rule raises the level. */
  lowReason: Reason;
}

const yes = (q: string): Condition => ({ q, is: true });
const no = (q: string): Condition => ({ q, is: false });

const DECREE = 'Nghị định 142/2026/NĐ-CP';
const LAW = 'Luật Trí tuệ nhân tạo 134/2025/QH15';

export const QUESTIONNAIRE_2026_1: Questionnaire = {
  version: '2026.1',
  implements: `${LAW}; ${DECREE}`,
  questions: [
    {
      id: 'onHighRiskList',
      kind: 'yesNo',
      text: 'Hệ thống có thuộc Danh mục hệ thống trí tuệ nhân tạo có rủi ro cao do Thủ tướng Chính phủ ban hành không?',
      help: 'Nhà cung cấp tự phân loại và ghi trong hồ sơ; đối chiếu Danh mục hiện hành (giáo dục, y tế, ngân hàng, giao thông…).',
    },
    {
      id: 'interactsWithPublic',
      kind: 'yesNo',
      text: 'Hệ thống có tương tác trực tiếp với người dân hoặc cung cấp nội dung do hệ thống tạo ra cho công chúng không?',
      help: 'Ví dụ: trợ lý ảo trả lời người dân, tổng đài tự động, nội dung hình ảnh, âm thanh, video do AI tạo ra.',
    },
    {
      id: 'clearlyAiTool',
      kind: 'yesNo',
      text: 'Người sử dụng luôn nhận biết rõ đang làm việc với công cụ AI (công cụ văn phòng, chỉnh sửa kỹ thuật, xử lý nền không tương tác)?',
    },
    {
      id: 'rightsImpact',
      kind: 'multi',
      text: 'Kết quả của hệ thống được dùng vào việc nào sau đây?',
      options: [
        { value: 'decisions', label: 'Làm căn cứ ra quyết định quản lý nhà nước hoặc cung cấp dịch vụ công' },
        { value: 'scoring', label: 'Phân loại, chấm điểm, đánh giá hoặc xếp hạng tổ chức, cá nhân' },
        { value: 'allocation', label: 'Phân bổ ngân sách, nguồn lực công; quyết định mức hưởng, đối tượng thụ hưởng' },
        { value: 'detection', label: 'Phát hiện, lựa chọn, sàng lọc hoặc giám sát tổ chức, cá nhân' },
      ],
    },
    {
      id: 'decisionUse',
      kind: 'choice',
      text: 'Kết quả đầu ra được sử dụng như thế nào đối với quyết định hành chính?',
      options: [
        { value: 'none', label: 'Không liên quan đến quyết định hành chính' },
        { value: 'reference', label: 'Chỉ để tham khảo, không phải căn cứ trực tiếp' },
        { value: 'direct', label: 'Được sử dụng trực tiếp làm căn cứ ra quyết định hành chính' },
      ],
    },
    {
      id: 'significantHarm',
      kind: 'yesNo',
      text: 'Sai sót của hệ thống có thể gây thiệt hại đáng kể đến tính mạng, sức khỏe, tài sản, quyền và lợi ích hợp pháp hoặc lợi ích công cộng không?',
    },
    {
      id: 'humanReviewBeforeEffect',
      kind: 'yesNo',
      text: 'Người có thẩm quyền xem xét độc lập, có thể can thiệp, từ chối hoặc thay đổi kết quả trước khi kết quả có hiệu lực?',
    },
  ],
  rules: [
    {
      when: yes('onHighRiskList'),
      level: 'high',
      reason: {
        article: `Điều 9 khoản 1 điểm a ${LAW}; Điều 6 khoản 3 ${DECREE}`,
        text: 'Hệ thống thuộc Danh mục hệ thống trí tuệ nhân tạo có rủi ro cao: mức rủi ro cao.',
        ourReading: false,
      },
    },
    {
      when: { all: [no('onHighRiskList'), yes('interactsWithPublic'), no('clearlyAiTool')] },
      level: 'medium',
      reason: {
        article: `Điều 9 khoản 1 điểm b ${LAW}; Điều 9 ${DECREE}`,
        text: 'Hệ thống tương tác với người dân hoặc tạo nội dung cho công chúng, người dùng có thể không nhận biết là AI: mức rủi ro trung bình; phải thông báo cho người dùng khi họ tương tác với AI.',
        ourReading: false,
      },
    },
    {
      when: yes('onHighRiskList'),
      impactAssessment: true,
      reason: {
        article: `Điều 20 khoản 1 điểm a ${DECREE}`,
        text: 'Cơ quan nhà nước vận hành hệ thống rủi ro cao phải lập báo cáo đánh giá tác động (Mẫu AI02).',
        ourReading: false,
      },
    },
    {
      when: {
        all: [
          { q: 'rightsImpact', includesAny: ['decisions', 'scoring', 'allocation', 'detection'] },
          { q: 'decisionUse', is: 'direct' },
        ],
      },
      impactAssessment: true,
      reason: {
        article: `Điều 20 khoản 1 điểm b, khoản 7 ${DECREE}`,
        text: 'Kết quả đầu ra được sử dụng trực tiếp làm căn cứ ra quyết định hành chính trong lĩnh vực tác động đến quyền con người, công bằng xã hội, lợi ích công cộng: bắt buộc lập báo cáo đánh giá tác động (Mẫu AI02), được lãnh đạo đơn vị phê duyệt trước khi sử dụng và công khai.',
        ourReading: false,
      },
    },
    {
      when: {
        all: [
          { q: 'decisionUse', is: 'direct' },
          { not: { q: 'rightsImpact', includesAny: ['decisions', 'scoring', 'allocation', 'detection'] } },
        ],
      },
      impactAssessment: true,
      reason: {
        article: `Điều 20 khoản 1 điểm b ${DECREE}`,
        text: 'Kết quả được dùng trực tiếp làm căn cứ quyết định hành chính; một quyết định hành chính là quyết định quản lý nhà nước (khoản 7 điểm a), nên chúng tôi coi việc đánh giá tác động là bắt buộc.',
        ourReading: true,
      },
    },
    {
      when: { all: [no('onHighRiskList'), yes('significantHarm'), no('humanReviewBeforeEffect')] },
      reason: {
        article: `Điều 8 khoản 1, khoản 2; Điều 7 khoản 2 điểm a ${DECREE}`,
        text: 'Hệ thống có dấu hiệu thuộc tiêu chí đưa vào Danh mục rủi ro cao (thiệt hại đáng kể, không có con người duyệt trước khi có hiệu lực). Mức rủi ro vẫn do Danh mục quyết định; Ủy ban nhân dân tỉnh rà soát và có thể đề xuất bổ sung Danh mục.',
        ourReading: true,
      },
    },
  ],
  lowReason: {
    article: `Điều 9 khoản 1 điểm c ${LAW}`,
    text: 'Hệ thống không thuộc Danh mục rủi ro cao và không thuộc trường hợp rủi ro trung bình: mức rủi ro thấp.',
    ourReading: false,
  },
};

/** Every version ever used, newest last: a classification names the version it was made with. */
export const QUESTIONNAIRES: readonly Questionnaire[] = [QUESTIONNAIRE_2026_1];
export const CURRENT_QUESTIONNAIRE: Questionnaire = QUESTIONNAIRES.at(-1)!;

export interface Classification {
  level: RiskLevel;
  impactAssessmentRequired: boolean;
  reasons: Array<{ article: string; text: string; ourReading: boolean }>;
  questionnaireVersion: string;
}

export interface AnswerIssue {
  path: string;
  message: string;
}

/** What is wrong with the answers for this questionnaire (every question answered with one of its values). */
export function answerIssues(q: Questionnaire, answers: Answers): AnswerIssue[] {
  const issues: AnswerIssue[] = [];
  const values = (x: Question) => new Set((x.options ?? []).map((o) => o.value));
  for (const x of q.questions) {
    const a = answers[x.id];
    const path = `answers.${x.id}`;
    if (a === undefined) issues.push({ path, message: 'Chưa trả lời câu hỏi này.' });
    else if (x.kind === 'yesNo' && typeof a !== 'boolean') issues.push({ path, message: 'Trả lời Có hoặc Không.' });
    else if (x.kind === 'choice' && (typeof a !== 'string' || !values(x).has(a)))
      issues.push({ path, message: 'Chọn một phương án.' });
    else if (x.kind === 'multi' && (!Array.isArray(a) || a.some((v) => !values(x).has(v))))
      issues.push({ path, message: 'Phương án không hợp lệ.' });
  }
  for (const id of Object.keys(answers))
    if (!q.questions.some((x) => x.id === id)) issues.push({ path: `answers.${id}`, message: 'Không có câu hỏi này.' });
  return issues;
}

function holds(c: Condition, a: Answers): boolean {
  if ('all' in c) return c.all.every((x) => holds(x, a));
  if ('any' in c) return c.any.some((x) => holds(x, a));
  if ('not' in c) return !holds(c.not, a);
  const v = a[c.q];
  if ('is' in c) return v === c.is;
  return Array.isArray(v) && v.some((x) => c.includesAny.includes(x));
}

const RANK: Record<RiskLevel, number> = { low: 0, medium: 1, high: 2 };

/** The level, whether an impact assessment is mandatory, and why. Answers are assumed checked (answerIssues). */
export function classify(q: Questionnaire, answers: Answers): Classification {
  const matched = q.rules.filter((r) => holds(r.when, answers));
  const level = matched.reduce<RiskLevel>((acc, r) => (r.level && RANK[r.level] > RANK[acc] ? r.level : acc), 'low');
  const reasons = matched.map((r) => ({ ...r.reason }));
  if (!matched.some((r) => r.level)) reasons.unshift({ ...q.lowReason });
  return {
    level,
    impactAssessmentRequired: matched.some((r) => r.impactAssessment),
    reasons,
    questionnaireVersion: q.version,
  };
}
