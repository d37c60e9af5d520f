// The pure rules of the AI-systems register: the questionnaire's levels and reasons, the AI02 structure, use
// statuses, incident deadlines on the working-day calendar, coverage arithmetic.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  answerIssues,
  classify,
  CURRENT_QUESTIONNAIRE,
  QUESTIONNAIRES,
  type Answers,
} from '../../src/domain/ai-systems/questionnaire.ts';
import {
  AI02_FIELD_KEYS,
  AI02_SECTIONS,
  missingAi02Fields,
  normaliseAi02,
  prefillAi02,
} from '../../src/domain/ai-systems/impact-assessment.ts';
import { canMove, changedReassessmentFields, inUseBlocker } from '../../src/domain/ai-systems/model.ts';
import { incidentDeadlines, vietnamDay } from '../../src/domain/ai-systems/incidents.ts';
import { assessmentState, computeCoverage } from '../../src/domain/ai-systems/coverage.ts';
import { DEFAULT_CALENDAR_CONFIG } from '../../src/domain/calendar/holidays.ts';

const base: Answers = {
  onHighRiskList: false,
  interactsWithPublic: false,
  clearlyAiTool: true,
  rightsImpact: [],
  decisionUse: 'none',
  significantHarm: false,
  humanReviewBeforeEffect: true,
};

describe('risk questionnaire', () => {
  test('is versioned data: every rule cites an article, the current version is the last one', () => {
    assert.equal(CURRENT_QUESTIONNAIRE, QUESTIONNAIRES.at(-1));
    for (const r of CURRENT_QUESTIONNAIRE.rules) assert.match(r.reason.article, /Điều \d+/);
    assert.ok(
      CURRENT_QUESTIONNAIRE.rules.some((r) => r.reason.ourReading),
      'our readings are marked',
    );
  });

  test('an office tool that decides nothing is low risk and needs no assessment', () => {
    const c = classify(CURRENT_QUESTIONNAIRE, base);
    assert.equal(c.level, 'low');
    assert.equal(c.impactAssessmentRequired, false);
    assert.match(c.reasons[0]!.article, /Điều 9 khoản 1 điểm c/);
    assert.equal(c.questionnaireVersion, CURRENT_QUESTIONNAIRE.version);
  });

  test('a citizen chatbot that pre-screens applications is medium risk with a mandatory assessment (Đ20.1.b)', () => {
    const c = classify(CURRENT_QUESTIONNAIRE, {
      ...base,
      interactsWithPublic: true,
      clearlyAiTool: false,
      rightsImpact: ['decisions'],
      decisionUse: 'direct',
    });
    assert.equal(c.level, 'medium');
    assert.equal(c.impactAssessmentRequired, true);
    assert.ok(c.reasons.some((r) => /Điều 20 khoản 1 điểm b/.test(r.article) && !r.ourReading));
    assert.ok(c.reasons.some((r) => /Điều 9 khoản 1 điểm b/.test(r.article)));
  });

  test('output used only as reference needs no assessment; the list decides "high"', () => {
    assert.equal(
      classify(CURRENT_QUESTIONNAIRE, { ...base, rightsImpact: ['scoring'], decisionUse: 'reference' })
        .impactAssessmentRequired,
      false,
    );
    const high = classify(CURRENT_QUESTIONNAIRE, { ...base, onHighRiskList: true });
    assert.equal(high.level, 'high');
    assert.equal(high.impactAssessmentRequired, true);
    const harm = classify(CURRENT_QUESTIONNAIRE, { ...base, significantHarm: true, humanReviewBeforeEffect: false });
    assert.equal(harm.level, 'low', 'Đ8 criteria alone do not make a system high-risk');
    assert.ok(harm.reasons.some((r) => r.ourReading && /Điều 8/.test(r.article)));
  });

  test('answers are checked question by question', () => {
    const issues = answerIssues(CURRENT_QUESTIONNAIRE, { onHighRiskList: 'có', decisionUse: 'maybe', extra: true });
    const paths = issues.map((i) => i.path);
    assert.ok(paths.includes('answers.onHighRiskList'));
    assert.ok(paths.includes('answers.decisionUse'));
    assert.ok(paths.includes('answers.interactsWithPublic'));
    assert.ok(paths.includes('answers.extra'));
    assert.deepEqual(answerIssues(CURRENT_QUESTIONNAIRE, base), []);
  });
});

describe('Mẫu AI02', () => {
  test('has the seven sections of the form with their fields', () => {
    assert.deepEqual(
      AI02_SECTIONS.map((s) => s.number),
      ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII'],
    );
    assert.deepEqual(
      AI02_SECTIONS.map((s) => s.fields.length),
      [9, 6, 7, 3, 3, 1, 1],
    );
    assert.equal(new Set(AI02_FIELD_KEYS).size, AI02_FIELD_KEYS.length);
  });

  test('is prefilled from the use record; what is left to write is listed', () => {
    const content = prefillAi02({
      unitName: 'Phường Nam Sầm Sơn',
      productName: 'Trợ lý ảo',
      provider: 'Công ty A',
      productFunction: 'Trả lời',
      purpose: 'Trả lời người dân',
      scope: 'Một cửa',
      usersServed: 'Người dân',
      level: 'medium',
      startDate: '2026-09-01',
      aiSystemId: null,
      outputUse: 'Câu trả lời',
      inputData: 'Câu hỏi',
      personalData: true,
      sensitiveData: false,
      automation: 'partial',
      humanOversight: 'Cán bộ duyệt',
      feedbackLink: '/cong-khai/he-thong-ai/1',
    });
    assert.equal(content.riskLevel, 'Rủi ro trung bình');
    assert.equal(content.startDate, '01/09/2026');
    assert.match(content.inputData!, /dữ liệu cá nhân: có/i);
    assert.match(content.feedbackChannel!, /cong-khai\/he-thong-ai\/1/);
    const missing = missingAi02Fields(normaliseAi02(content)).map((m) => m.path);
    assert.ok(missing.includes('content.legalBasis'));
    assert.ok(missing.includes('content.riskPrivacy'));
    assert.ok(!missing.includes('content.unitName'));
    assert.ok(!missing.includes('content.aiSystemId'), 'optional');
  });
});

describe('use statuses', () => {
  test('moves and the "in use" rule', () => {
    assert.ok(canMove('planned', 'inUse'));
    assert.ok(!canMove('retired', 'planned'));
    assert.ok(!canMove('inUse', 'planned'));
    const u = {
      level: 'medium' as const,
      impactAssessmentRequired: true,
      hasApprovedAssessment: false,
      assessmentDue: false,
    };
    assert.equal(inUseBlocker(u), 'assessment');
    assert.equal(inUseBlocker({ ...u, hasApprovedAssessment: true }), null);
    assert.equal(inUseBlocker({ ...u, hasApprovedAssessment: true, assessmentDue: true }), 'assessment');
    assert.equal(inUseBlocker({ ...u, level: null, impactAssessmentRequired: null }), 'unclassified');
    assert.equal(inUseBlocker({ ...u, impactAssessmentRequired: false }), null);
  });

  test('a change of purpose, function, main data or scope is what makes an assessment due again', () => {
    const before = { purpose: 'A', outputUse: 'B', inputData: 'C', scope: 'D' };
    assert.deepEqual(changedReassessmentFields(before, { purpose: 'A ', scope: 'E' }), ['scope']);
    assert.deepEqual(changedReassessmentFields(before, {}), []);
  });
});

describe('incident deadlines', () => {
  test('72 hours, 5 working days over a weekend, official report 15 days after', () => {
    // Detected on Friday 4/9/2026, 10:00 in Việt Nam (2/9 National Day and 1/9 are days off that year).
    const detected = new Date('2026-09-04T10:00:00+07:00');
    const d = incidentDeadlines('serious', detected, DEFAULT_CALENDAR_CONFIG);
    assert.deepEqual(
      d.map((x) => x.kind),
      ['preliminaryUrgent', 'preliminary', 'official'],
    );
    assert.equal(d[0]!.dueAt, new Date('2026-09-07T10:00:00+07:00').toISOString());
    assert.equal(vietnamDay(new Date(d[1]!.dueAt)), '2026-09-11', 'Mon 7 … Fri 11');
    assert.equal(vietnamDay(new Date(d[2]!.dueAt)), '2026-09-28', '26/9 is a Saturday: moved to Monday');
    assert.deepEqual(incidentDeadlines('other', detected, DEFAULT_CALENDAR_CONFIG), []);
  });

  test('the Vietnamese day of an instant late in the UTC day', () => {
    assert.equal(vietnamDay(new Date('2026-09-04T18:30:00Z')), '2026-09-05');
  });
});

describe('coverage', () => {
  test('rolls uses up to their unit, skips retired ones, counts who registered nothing', () => {
    const units = [
      { id: 1, name: 'Tỉnh', code: '38', kind: 'province' },
      { id: 2, name: 'Nam Sầm Sơn', code: '16516', kind: 'ward' },
      { id: 3, name: 'Hạc Thành', code: '14797', kind: 'ward' },
    ];
    const use = (coveredUnitId: number, over: object = {}) => ({
      coveredUnitId,
      status: 'inUse' as const,
      level: 'medium' as const,
      state: 'approved' as const,
      openIncidents: 0,
      openSeriousIncidents: 0,
      lateIncidents: 0,
      ...over,
    });
    const c = computeCoverage(units, [
      use(2),
      use(2, { status: 'retired' }),
      use(1, { level: null, state: 'unclassified', openIncidents: 1, openSeriousIncidents: 1, lateIncidents: 1 }),
    ]);
    assert.equal(c.rows[1]!.uses, 1);
    assert.equal(c.rows[1]!.assessmentsApproved, 1);
    assert.equal(c.rows[0]!.levels.unclassified, 1);
    assert.equal(c.totals.uses, 2);
    assert.equal(c.totals.unitsWithoutUses, 1);
    assert.equal(c.totals.openSeriousIncidents, 1);
    assert.equal(c.totals.lateIncidents, 1);
  });

  test('assessment states', () => {
    const u = {
      status: 'inUse' as const,
      impactAssessmentRequired: true,
      hasApprovedAssessment: false,
      assessmentDue: false,
    };
    assert.equal(assessmentState(u), 'overdue');
    assert.equal(assessmentState({ ...u, status: 'planned' }), 'due');
    assert.equal(assessmentState({ ...u, hasApprovedAssessment: true }), 'approved');
    assert.equal(assessmentState({ ...u, impactAssessmentRequired: null }), 'unclassified');
  });
});
