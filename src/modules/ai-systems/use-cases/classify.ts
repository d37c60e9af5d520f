// Risk classification: the answers to the current questionnaire give the level, whether an impact assessment is
// mandatory, and why; stored with the questionnaire's version so that a new version flags the use for review.
import type { QuestionnaireView } from '../../../contracts/ai-systems.ts';
import { invalid } from '../../../domain/errors.ts';
import {
  answerIssues,
  classify,
  CURRENT_QUESTIONNAIRE,
  type Answers,
  type Classification,
} from '../../../domain/ai-systems/questionnaire.ts';
import { RISK_LEVEL_LABEL } from '../../../domain/ai-systems/model.ts';
import { recordAudit } from '../../audit/index.ts';
import { authorize, requireActor, type Ctx } from '../../context.ts';
import * as store from '../store/index.ts';
import { mustUse } from './read.ts';
import { useTarget } from './views.ts';
import { afterDelivery, deliverAiUse } from './national.ts';

export function getAiQuestionnaire(ctx: Ctx): QuestionnaireView {
  requireActor(ctx);
  const q = CURRENT_QUESTIONNAIRE;
  return {
    version: q.version,
    implements: q.implements,
    questions: q.questions.map((x) => ({ ...x, options: x.options ? [...x.options] : undefined })),
  };
}

export async function classifyAiUse(ctx: Ctx, id: number, answers: Answers): Promise<Classification> {
  const u = await mustUse(ctx, id);
  authorize(ctx, 'edit', useTarget(u));
  const issues = answerIssues(CURRENT_QUESTIONNAIRE, answers);
  if (issues.length) throw invalid('ai_use.answers', 'Cần trả lời đủ các câu hỏi phân loại rủi ro.', issues);
  const result = classify(CURRENT_QUESTIONNAIRE, answers);
  return afterDelivery(
    ctx.db.transaction().execute(async (tx) => {
      await store.updateUse(tx, id, {
        level: result.level,
        assessment_required: result.impactAssessmentRequired,
        questionnaire_version: result.questionnaireVersion,
        classification: JSON.stringify({ answers, reasons: result.reasons }),
        classified_at: new Date(),
      });
      await recordAudit(tx, ctx, {
        action: 'ai_use.classify',
        entityType: 'ai_use',
        entityId: id,
        unitId: u.unit_id,
        before: { level: u.level, impactAssessmentRequired: u.assessment_required },
        after: {
          level: result.level,
          levelLabel: RISK_LEVEL_LABEL[result.level],
          impactAssessmentRequired: result.impactAssessmentRequired,
          version: result.questionnaireVersion,
        },
      });
      await deliverAiUse(tx, id);
      return result;
    }),
  );
}
