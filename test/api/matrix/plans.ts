// Plan routes. Each relation's unit issues an unpublished draft plan; lifecycle requests are checked for
// permission before state, so an allowed case may end in 409 without changing the fixture.
import { readFileSync } from 'node:fs';
import assert from 'node:assert/strict';
import { approveInOwnSubtree, editInOwnSubtree, everyone, RELATIONS, readInOwnSubtree, signedIn, type MatrixEnv, type Relation, type RouteCase } from './types.ts';

export async function planCases(env: MatrixEnv): Promise<Record<string, RouteCase>> {
  const seed = readFileSync(new URL('../../fixtures/plans/ke-hoach-tinh-thanh-hoa-thi-hanh-luat-tri-tue-nhan-tao.txt', import.meta.url));
  const { draft } = (await env.sys.post('/api/plans/import', { filename: 'kh.txt', contentBase64: seed.toString('base64') })).body;
  const fx = { draft, planId: {} as Record<Relation, number>, taskId: {} as Record<Relation, number> };
  for (const rel of RELATIONS) {
    const created = await env.sys.post('/api/plans', { unitId: env.unitId[rel], draft });
    assert.equal(created.status, 201);
    fx.planId[rel] = created.body.id;
    fx.taskId[rel] = (await env.sys.get(`/api/plans/${created.body.id}`)).body.taskIds[0].id;
  }
  return {
    // Plans. Lifecycle requests are checked for permission before state, so a case that is allowed may end in
    // 409 (wrong state) without changing the fixture; issuing uses an invalid number so nothing gets published.
    listPlans: { request: (r) => ({ method: 'GET', path: `/api/plans?unitId=${env.unitId[r]}` }), allowed: everyone, anonymous: true },
    // Importing prepares a draft of the unit named (else the actor's own): the edit right on that unit.
    importPlan: {
      request: (r) => ({ method: 'POST', path: '/api/plans/import', body: { filename: 'kh.txt', contentBase64: Buffer.from('KẾ HOẠCH\nThử nghiệm\n').toString('base64'), unitId: env.unitId[r] } }),
      allowed: editInOwnSubtree, anonymous: false,
    },
    lintDraft: { request: () => ({ method: 'POST', path: '/api/plans/lint', body: { draft: fx.draft } }), allowed: signedIn, anonymous: false },
    createPlan: { request: (r) => ({ method: 'POST', path: '/api/plans', body: { unitId: env.unitId[r], draft: fx.draft } }), allowed: editInOwnSubtree, anonymous: false },
    getPlan: { request: (r) => ({ method: 'GET', path: `/api/plans/${fx.planId[r]}` }), allowed: readInOwnSubtree, anonymous: false },
    updatePlan: { request: (r) => ({ method: 'PUT', path: `/api/plans/${fx.planId[r]}`, body: { draft: fx.draft } }), allowed: editInOwnSubtree, anonymous: false },
    submitPlan: { request: (r) => ({ method: 'POST', path: `/api/plans/${fx.planId[r]}/submit` }), allowed: editInOwnSubtree, anonymous: false },
    approvePlan: { request: (r) => ({ method: 'POST', path: `/api/plans/${fx.planId[r]}/approve` }), allowed: approveInOwnSubtree, anonymous: false },
    returnPlan: { request: (r) => ({ method: 'POST', path: `/api/plans/${fx.planId[r]}/return`, body: { reason: 'Kiểm thử phân quyền' } }), allowed: approveInOwnSubtree, anonymous: false },
    issuePlan: { request: (r) => ({ method: 'POST', path: `/api/plans/${fx.planId[r]}/issue`, body: { number: 'x', date: '2026-05-04' } }), allowed: approveInOwnSubtree, anonymous: false },
    amendPlan: { request: (r) => ({ method: 'POST', path: `/api/plans/${fx.planId[r]}/amend` }), allowed: editInOwnSubtree, anonymous: false },
    comparePlan: { request: (r) => ({ method: 'GET', path: `/api/plans/${fx.planId[r]}/compare` }), allowed: readInOwnSubtree, anonymous: false },
    previewCascade: { request: (r) => ({ method: 'GET', path: `/api/plans/${fx.planId[r]}/cascade/preview?unitId=${env.unitId.own}` }), allowed: editInOwnSubtree, anonymous: false },
    cascadePlan: { request: (r) => ({ method: 'POST', path: `/api/plans/${fx.planId[r]}/cascade`, body: { all: true } }), allowed: editInOwnSubtree, anonymous: false },
    resolveParentChange: { request: (r) => ({ method: 'POST', path: `/api/plan-tasks/${fx.taskId[r]}/parent-change`, body: { decision: 'accept' } }), allowed: editInOwnSubtree, anonymous: false },
    getCascadeRules: { request: (r) => ({ method: 'GET', path: `/api/units/${env.unitId[r]}/cascade-rules` }), allowed: readInOwnSubtree, anonymous: false },
    setCascadeRules: { request: (r) => ({ method: 'PUT', path: `/api/units/${env.unitId[r]}/cascade-rules`, body: { rules: [] } }), allowed: editInOwnSubtree, anonymous: false },
    exportPlanJson: { request: (r) => ({ method: 'GET', path: `/api/plans/${fx.planId[r]}/export.json` }), allowed: readInOwnSubtree, anonymous: false },
    exportPlanDocx: { request: (r) => ({ method: 'GET', path: `/api/plans/${fx.planId[r]}/export.docx` }), allowed: readInOwnSubtree, anonymous: false },
    exportPlanXlsx: { request: (r) => ({ method: 'GET', path: `/api/plans/${fx.planId[r]}/export.xlsx` }), allowed: readInOwnSubtree, anonymous: false },
  };
}
