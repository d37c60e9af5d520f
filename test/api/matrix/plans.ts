// Plan routes. Each relation's unit issues an unpublished draft plan; lifecycle requests are checked for
// permission before state, so an allowed case may end in 409 without changing the fixture. Another branch's
// drafts do not exist for a ward (404), named in the path or as a reference.
import { readFileSync } from 'node:fs';
import assert from 'node:assert/strict';
import {
  approveInOwnSubtree,
  editInOwnSubtree,
  editors,
  everyone,
  hiddenOutsideBranch,
  hiddenToEditors,
  hiddenUnlessOwnBranch,
  RELATIONS,
  readInOwnSubtree,
  signedIn,
  UNKNOWN_ID,
  type MatrixEnv,
  type Relation,
  type RouteCase,
} from './types.ts';

export async function planCases(env: MatrixEnv): Promise<Record<string, RouteCase>> {
  const seed = readFileSync(
    new URL('../../fixtures/plans/ke-hoach-tinh-thanh-hoa-thi-hanh-luat-tri-tue-nhan-tao.txt', import.meta.url),
  );
  const { draft } = (
    await env.sys.post('/api/plans/import', { filename: 'kh.txt', contentBase64: seed.toString('base64') })
  ).body;
  const fx = { draft, planId: {} as Record<Relation, number>, taskId: {} as Record<Relation, number> };
  for (const rel of RELATIONS) {
    const created = await env.sys.post('/api/plans', { unitId: env.unitId[rel], draft });
    assert.equal(created.status, 201);
    fx.planId[rel] = created.body.id;
    fx.taskId[rel] = (await env.sys.get(`/api/plans/${created.body.id}`)).body.taskIds[0].id;
  }
  const sibling = env.draftPlanId.sibling;
  return {
    // Plans. Lifecycle requests are checked for permission before state, so a case that is allowed may end in
    // 409 (wrong state) without changing the fixture; issuing uses an invalid number so nothing gets published.
    listPlans: {
      request: (r) => ({ method: 'GET', path: `/api/plans?unitId=${env.unitId[r]}` }),
      allowed: everyone,
      anonymous: true,
      // Children of a sibling's draft: the draft named as a filter does not exist.
      references: {
        request: { method: 'GET', path: `/api/plans?parentPlanId=${sibling}` },
        unknown: { method: 'GET', path: `/api/plans?parentPlanId=${UNKNOWN_ID}` },
        allowed: everyone,
        hidden: (who) => who !== 'sysadmin',
      },
    },
    // Importing prepares a draft of the unit named (else the actor's own): the edit right on that unit.
    importPlan: {
      request: (r) => ({
        method: 'POST',
        path: '/api/plans/import',
        body: {
          filename: 'kh.txt',
          contentBase64: Buffer.from('KẾ HOẠCH\nThử nghiệm\n').toString('base64'),
          unitId: env.unitId[r],
        },
      }),
      allowed: editInOwnSubtree,
      anonymous: false,
      references: 'sibling',
    },
    lintDraft: {
      request: () => ({ method: 'POST', path: '/api/plans/lint', body: { draft: fx.draft } }),
      allowed: signedIn,
      anonymous: false,
      references: 'none',
    },
    createPlan: {
      request: (r) => ({ method: 'POST', path: '/api/plans', body: { unitId: env.unitId[r], draft: fx.draft } }),
      allowed: editInOwnSubtree,
      anonymous: false,
      // The issue's leak: a plan of one's own naming a sibling's unpublished draft as its parent. A system
      // administrator reads the draft, and is told a parent must be issued (422).
      references: {
        request: {
          method: 'POST',
          path: '/api/plans',
          body: { unitId: env.unitId.own, draft: fx.draft, parentPlanId: sibling },
        },
        unknown: {
          method: 'POST',
          path: '/api/plans',
          body: { unitId: env.unitId.own, draft: fx.draft, parentPlanId: UNKNOWN_ID },
        },
        allowed: editors,
        hidden: hiddenToEditors,
      },
    },
    getPlan: {
      request: (r) => ({ method: 'GET', path: `/api/plans/${fx.planId[r]}` }),
      allowed: readInOwnSubtree,
      hidden: hiddenUnlessOwnBranch,
      anonymous: false,
      references: 'sibling',
    },
    updatePlan: {
      request: (r) => ({ method: 'PUT', path: `/api/plans/${fx.planId[r]}`, body: { draft: fx.draft } }),
      allowed: editInOwnSubtree,
      hidden: hiddenOutsideBranch,
      anonymous: false,
      references: 'sibling',
    },
    submitPlan: {
      request: (r) => ({ method: 'POST', path: `/api/plans/${fx.planId[r]}/submit` }),
      allowed: editInOwnSubtree,
      hidden: hiddenOutsideBranch,
      anonymous: false,
      references: 'sibling',
    },
    approvePlan: {
      request: (r) => ({ method: 'POST', path: `/api/plans/${fx.planId[r]}/approve` }),
      allowed: approveInOwnSubtree,
      hidden: hiddenOutsideBranch,
      anonymous: false,
      references: 'sibling',
    },
    returnPlan: {
      request: (r) => ({
        method: 'POST',
        path: `/api/plans/${fx.planId[r]}/return`,
        body: { reason: 'Kiểm thử phân quyền' },
      }),
      allowed: approveInOwnSubtree,
      hidden: hiddenOutsideBranch,
      anonymous: false,
      references: 'sibling',
    },
    issuePlan: {
      request: (r) => ({
        method: 'POST',
        path: `/api/plans/${fx.planId[r]}/issue`,
        body: { number: 'x', date: '2026-05-04' },
      }),
      allowed: approveInOwnSubtree,
      hidden: hiddenOutsideBranch,
      anonymous: false,
      references: 'sibling',
    },
    amendPlan: {
      request: (r) => ({ method: 'POST', path: `/api/plans/${fx.planId[r]}/amend` }),
      allowed: editInOwnSubtree,
      hidden: hiddenOutsideBranch,
      anonymous: false,
      references: 'sibling',
    },
    comparePlan: {
      request: (r) => ({ method: 'GET', path: `/api/plans/${fx.planId[r]}/compare` }),
      allowed: readInOwnSubtree,
      hidden: hiddenUnlessOwnBranch,
      anonymous: false,
      references: 'sibling',
    },
    previewCascade: {
      request: (r) => ({ method: 'GET', path: `/api/plans/${fx.planId[r]}/cascade/preview?unitId=${env.unitId.own}` }),
      allowed: editInOwnSubtree,
      hidden: hiddenOutsideBranch,
      anonymous: false,
      // Units are public: a sibling ward as the target is no secret (the own ward's draft is no province plan: 422).
      references: {
        request: { method: 'GET', path: `/api/plans/${fx.planId.own}/cascade/preview?unitId=${env.unitId.sibling}` },
        allowed: editors,
        hidden: () => false,
      },
    },
    cascadePlan: {
      request: (r) => ({ method: 'POST', path: `/api/plans/${fx.planId[r]}/cascade`, body: { all: true } }),
      allowed: editInOwnSubtree,
      hidden: hiddenOutsideBranch,
      anonymous: false,
      references: {
        request: {
          method: 'POST',
          path: `/api/plans/${fx.planId.own}/cascade`,
          body: { unitIds: [env.unitId.sibling] },
        },
        allowed: editors,
        hidden: () => false,
      },
    },
    resolveParentChange: {
      request: (r) => ({
        method: 'POST',
        path: `/api/plan-tasks/${fx.taskId[r]}/parent-change`,
        body: { decision: 'accept' },
      }),
      allowed: editInOwnSubtree,
      hidden: hiddenOutsideBranch,
      anonymous: false,
      references: 'sibling',
    },
    getCascadeRules: {
      request: (r) => ({ method: 'GET', path: `/api/units/${env.unitId[r]}/cascade-rules` }),
      allowed: readInOwnSubtree,
      anonymous: false,
      references: 'sibling',
    },
    setCascadeRules: {
      request: (r) => ({ method: 'PUT', path: `/api/units/${env.unitId[r]}/cascade-rules`, body: { rules: [] } }),
      allowed: editInOwnSubtree,
      anonymous: false,
      references: 'sibling',
    },
    exportPlanJson: {
      request: (r) => ({ method: 'GET', path: `/api/plans/${fx.planId[r]}/export.json` }),
      allowed: readInOwnSubtree,
      hidden: hiddenUnlessOwnBranch,
      anonymous: false,
      references: 'sibling',
    },
    exportPlanDocx: {
      request: (r) => ({ method: 'GET', path: `/api/plans/${fx.planId[r]}/export.docx` }),
      allowed: readInOwnSubtree,
      hidden: hiddenUnlessOwnBranch,
      anonymous: false,
      references: 'sibling',
    },
    exportPlanXlsx: {
      request: (r) => ({ method: 'GET', path: `/api/plans/${fx.planId[r]}/export.xlsx` }),
      allowed: readInOwnSubtree,
      hidden: hiddenUnlessOwnBranch,
      anonymous: false,
      references: 'sibling',
    },
  };
}
