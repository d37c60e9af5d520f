// Plan checks where they cost least: inline for ordinary drafts (a worker round trip costs more than checking a
// plan of a few dozen tasks), in the worker pool for large ones, so a long text never holds the main thread.
import type { LintContext } from '../domain/plan/lint.ts';
import type { Finding, PlanDraft } from '../domain/plan/model.ts';
import { shareDirectory } from './directory.ts';
import { runInWorker } from './pool.ts';

/**
 * Size of a draft's JSON above which its checks run in a worker. The province seed plan (a dozen tasks) is about
 * 13,000 characters and checks in tens of ms; a draft of 100 KB of text (175,000 characters) took 400 ms inline.
 */
export const LINT_IN_WORKER_CHARS = 50_000;

/** The draft's size as sent over the wire, which is what its checks grow with. */
export function draftSize(draft: PlanDraft): number {
  return JSON.stringify(draft).length;
}

/** Runs lintPlan inline or in the pool by the draft's size (and the parent's, which the checks also read). */
export async function checkPlan(draft: PlanDraft, ctx: LintContext): Promise<Finding[]> {
  const size = draftSize(draft) + (ctx.parent ? draftSize(ctx.parent) : 0);
  if (size <= LINT_IN_WORKER_CHARS) {
    const { lintPlan } = await import('../domain/plan/lint.ts');
    return lintPlan(draft, ctx);
  }
  return runInWorker(
    'lintPlan',
    {
      draft,
      parent: ctx.parent,
      issuerCode: ctx.issuerCode,
      status: ctx.status,
      directory: shareDirectory(ctx.directory),
    },
    { subject: 'Việc rà soát kế hoạch' },
  );
}
