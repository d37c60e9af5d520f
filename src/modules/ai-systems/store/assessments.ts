// Impact assessments of a use, one row per version.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { Tx } from '../../context.ts';

type Q = Kysely<DB> | Tx;

export const assessmentColumns = [
  'id',
  'use_id',
  'version',
  'status',
  'content',
  'approver_name',
  'approved_at',
  'published_at',
  'updated_at',
] as const;

export async function listAssessments(db: Q, useId: number) {
  return db
    .selectFrom('ai_impact_assessment')
    .select(assessmentColumns)
    .where('use_id', '=', useId)
    .orderBy('version', 'desc')
    .execute();
}

export type AssessmentRow = Awaited<ReturnType<typeof listAssessments>>[number];

export async function getAssessmentVersion(db: Q, useId: number, version: number) {
  return db
    .selectFrom('ai_impact_assessment')
    .select(assessmentColumns)
    .where('use_id', '=', useId)
    .where('version', '=', version)
    .executeTakeFirst();
}

export async function insertAssessment(
  tx: Tx,
  useId: number,
  version: number,
  content: Record<string, string>,
  userId: number,
): Promise<number> {
  const row = await tx
    .insertInto('ai_impact_assessment')
    .values({ use_id: useId, version, content: JSON.stringify(content), created_by: userId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateAssessment(
  tx: Tx,
  id: number,
  patch: {
    content?: Record<string, string>;
    status?: 'approved' | 'published';
    approvedBy?: number;
    approverName?: string;
    approved?: boolean;
    published?: boolean;
  },
): Promise<void> {
  await tx
    .updateTable('ai_impact_assessment')
    .set({
      ...(patch.content ? { content: JSON.stringify(patch.content) } : {}),
      ...(patch.status ? { status: patch.status } : {}),
      ...(patch.approved
        ? {
            approved_by: patch.approvedBy ?? null,
            approver_name: patch.approverName ?? null,
            approved_at: sql<Date>`now()`,
          }
        : {}),
      ...(patch.published ? { published_at: sql<Date>`now()` } : {}),
      updated_at: sql<Date>`now()`,
    })
    .where('id', '=', id)
    .execute();
}
