// Rows to answers: what a use, an incident, an assessment version look like to the people who read them.
import type { AiIncident, AiUseListItem } from '../../../contracts/ai-systems.ts';
import { assessmentState, ASSESSMENT_STATE_LABEL } from '../../../domain/ai-systems/coverage.ts';
import { DEADLINE_KIND_LABEL, type Consequence, type IncidentDeadline } from '../../../domain/ai-systems/incidents.ts';
import {
  ASSESSMENT_STATUS_LABEL,
  RISK_LEVEL_LABEL,
  SEVERITY_LABEL,
  UNCLASSIFIED_LABEL,
  USE_STATUS_LABEL,
} from '../../../domain/ai-systems/model.ts';
import { CURRENT_QUESTIONNAIRE } from '../../../domain/ai-systems/questionnaire.ts';
import type { Target } from '../../../domain/permissions.ts';
import type { AssessmentRow, IncidentRow, UseRow } from '../store/index.ts';

export const useTarget = (u: Pick<UseRow, 'unit_path'>): Target => ({ unitPath: u.unit_path });

export function stateOf(u: UseRow) {
  return assessmentState({
    status: u.status,
    impactAssessmentRequired: u.assessment_required,
    hasApprovedAssessment: u.approved_version !== null,
    assessmentDue: u.assessment_due,
  });
}

export function listItem(u: UseRow): AiUseListItem {
  const state = stateOf(u);
  return {
    id: u.id,
    product: { id: u.product_id, name: u.product_name, provider: u.product_provider },
    unit: { id: u.unit_id, name: u.unit_name },
    purpose: u.purpose,
    status: u.status,
    statusLabel: USE_STATUS_LABEL[u.status],
    level: u.level,
    levelLabel: u.level ? RISK_LEVEL_LABEL[u.level] : UNCLASSIFIED_LABEL,
    impactAssessmentRequired: u.assessment_required,
    assessmentState: state,
    assessmentStateLabel: ASSESSMENT_STATE_LABEL[state],
    needsReview: u.questionnaire_version !== null && u.questionnaire_version !== CURRENT_QUESTIONNAIRE.version,
    published: u.published_at !== null,
  };
}

export function deadlineViews(deadlines: unknown): AiIncident['deadlines'] {
  return (deadlines as IncidentDeadline[]).map((d) => ({
    kind: d.kind,
    label: DEADLINE_KIND_LABEL[d.kind],
    dueAt: d.dueAt,
  }));
}

export function incidentView(i: IncidentRow): AiIncident {
  return {
    id: i.id,
    occurredAt: i.occurred_at.toISOString(),
    detectedAt: i.detected_at.toISOString(),
    severity: i.severity,
    severityLabel: SEVERITY_LABEL[i.severity],
    description: i.description,
    affected: i.affected,
    consequences: i.consequences as Consequence[],
    status: i.status,
    deadlines: deadlineViews(i.deadlines),
    createdAt: i.created_at.toISOString(),
  };
}

export function versionView(a: AssessmentRow) {
  return {
    id: a.id,
    version: a.version,
    status: a.status,
    statusLabel: ASSESSMENT_STATUS_LABEL[a.status],
    content: a.content as Record<string, string>,
    approverName: a.approver_name,
    approvedAt: a.approved_at?.toISOString() ?? null,
    publishedAt: a.published_at?.toISOString() ?? null,
    updatedAt: a.updated_at.toISOString(),
  };
}

/** Where the public page of a published use is (the feedback route of Mẫu AI02 §V.3 starts there). */
export const publicLink = (id: number) => `/cong-khai/he-thong-ai/${id}`;
