// Reporting routes: regimes and ad hoc requests, unit reports and their lifecycle, the receiving unit's status,
// compiled report and reminder letter, the focal dashboard, the public progress.
// Fixtures, made through the API as the system administrator:
// - a request owned by Trung ương that every relation's unit must answer, and each unit's report in it (the
//   submitting side: read, edit, approve, send);
// - per relation, an ad hoc request owned by that unit, with one report sent to it by a unit of its scope (the
//   receiving side: status, documents, accept, return);
// - per relation, a draft plan of that unit (the focal dashboard).
// Lifecycle requests are checked for permission before state, so an allowed case may end in 409.
import { readFileSync } from 'node:fs';
import assert from 'node:assert/strict';
import {
  approveInOwnSubtree, editInOwnSubtree, everyone, readInOwnSubtree, RELATIONS, signedIn, type MatrixEnv, type Relation, type RouteCase,
} from './types.ts';

export async function reportingCases(env: MatrixEnv): Promise<Record<string, RouteCase>> {
  const { sys, unitId, db } = env;
  const ok = (r: { status: number; body: unknown }, status = 200) => assert.equal(r.status, status, JSON.stringify(r.body));
  const idOf = async (code: string) => (await db.selectFrom('unit').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
  const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
  const due = new Date(Date.now() + 7 * 3_600_000 + 30 * 86_400_000).toISOString().slice(0, 10);
  const key = due.slice(0, 4);
  const request = (ownerUnitId: number, submitterUnitIds: number[]) => ({
    ownerUnitId, name: 'Báo cáo kiểm thử phân quyền', content: 'Nội dung báo cáo kiểm thử', dueDate: due, submitterUnitIds,
    window: { from: `${Number(today.slice(0, 4)) - 1}-12-15`, to: due },
  });

  // The submitting side: Trung ương asks all four units.
  const root = await idOf('TW');
  const asked = await sys.post('/api/regimes', request(root, RELATIONS.map((r) => unitId[r])));
  ok(asked, 201);
  const sentBy = {} as Record<Relation, number>;
  for (const rel of RELATIONS) {
    const r = await sys.post(`/api/regimes/${asked.body.id}/periods/${key}/reports`, { unitId: unitId[rel] });
    ok(r, 201);
    sentBy[rel] = r.body.id;
  }

  // The receiving side: each relation's unit asks a unit of its scope and receives its draft report.
  const scopeSubmitter: Record<Relation, string> = { own: '16516.VP', child: '16516.VP', sibling: '14797.VP', parent: '14812' };
  const regimeOf = {} as Record<Relation, number>;
  const receivedBy = {} as Record<Relation, number>;
  for (const rel of RELATIONS) {
    const submitter = await idOf(scopeSubmitter[rel]);
    const r = await sys.post('/api/regimes', request(unitId[rel], [submitter]));
    ok(r, 201);
    regimeOf[rel] = r.body.id;
    const report = await sys.post(`/api/regimes/${r.body.id}/periods/${key}/reports`, { unitId: submitter });
    ok(report, 201);
    receivedBy[rel] = report.body.id;
  }

  // The focal dashboard of each relation's plan.
  const seed = readFileSync(new URL('../../fixtures/plans/ke-hoach-tinh-thanh-hoa-thi-hanh-luat-tri-tue-nhan-tao.txt', import.meta.url));
  const { draft } = (await sys.post('/api/plans/import', { filename: 'kh.txt', contentBase64: seed.toString('base64') })).body;
  const planOf = {} as Record<Relation, number>;
  for (const rel of RELATIONS) {
    const p = await sys.post('/api/plans', { unitId: unitId[rel], draft });
    ok(p, 201);
    planOf[rel] = p.body.id;
  }

  const period = (rel: Relation, tail: string) => `/api/regimes/${regimeOf[rel]}/periods/${key}/${tail}`;
  return {
    listRegimes: { request: () => ({ method: 'GET', path: '/api/regimes' }), allowed: signedIn, anonymous: false },
    createRegime: {
      request: (r) => ({ method: 'POST', path: '/api/regimes', body: { ...request(unitId[r], []), submitterUnitIds: undefined, submitterKinds: ['office'] } }),
      allowed: editInOwnSubtree, anonymous: false,
    },
    // A regime (its rules, not its reports) is readable by every signed-in user: units must see what they owe.
    getRegime: { request: (r) => ({ method: 'GET', path: `/api/regimes/${regimeOf[r]}` }), allowed: signedIn, anonymous: false },
    getPeriodStatus: { request: (r) => ({ method: 'GET', path: period(r, 'status') }), allowed: readInOwnSubtree, anonymous: false },
    getCompiledReport: { request: (r) => ({ method: 'GET', path: period(r, 'compiled') }), allowed: readInOwnSubtree, anonymous: false },
    exportCompiledReportDocx: { request: (r) => ({ method: 'GET', path: period(r, 'compiled.docx') }), allowed: readInOwnSubtree, anonymous: false },
    exportCompiledReportXlsx: { request: (r) => ({ method: 'GET', path: period(r, 'compiled.xlsx') }), allowed: readInOwnSubtree, anonymous: false },
    getReminderLetter: { request: (r) => ({ method: 'GET', path: period(r, 'reminder') }), allowed: readInOwnSubtree, anonymous: false },
    exportReminderLetterDocx: { request: (r) => ({ method: 'GET', path: period(r, 'reminder.docx') }), allowed: readInOwnSubtree, anonymous: false },
    // Each unit already has its report in the request: allowed attempts end in 409.
    createReport: {
      request: (r) => ({ method: 'POST', path: `/api/regimes/${asked.body.id}/periods/${key}/reports`, body: { unitId: unitId[r] } }),
      allowed: editInOwnSubtree, anonymous: false,
    },
    listReports: { request: (r) => ({ method: 'GET', path: `/api/reports?unitId=${unitId[r]}` }), allowed: signedIn, anonymous: false },
    getReport: { request: (r) => ({ method: 'GET', path: `/api/reports/${sentBy[r]}` }), allowed: readInOwnSubtree, anonymous: false },
    updateReport: { request: (r) => ({ method: 'PUT', path: `/api/reports/${sentBy[r]}`, body: { narrative: { results: 'Kiểm thử phân quyền' } } }), allowed: editInOwnSubtree, anonymous: false },
    refreshReport: { request: (r) => ({ method: 'POST', path: `/api/reports/${sentBy[r]}/prefill` }), allowed: editInOwnSubtree, anonymous: false },
    approveReport: { request: (r) => ({ method: 'POST', path: `/api/reports/${sentBy[r]}/approve` }), allowed: approveInOwnSubtree, anonymous: false },
    submitReport: { request: (r) => ({ method: 'POST', path: `/api/reports/${sentBy[r]}/submit` }), allowed: editInOwnSubtree, anonymous: false },
    // Accepting and returning are the receiving unit's follow-up: `edit` on it.
    acceptReport: { request: (r) => ({ method: 'POST', path: `/api/reports/${receivedBy[r]}/accept` }), allowed: editInOwnSubtree, anonymous: false },
    returnReport: { request: (r) => ({ method: 'POST', path: `/api/reports/${receivedBy[r]}/return`, body: { reason: 'Kiểm thử phân quyền' } }), allowed: editInOwnSubtree, anonymous: false },
    getFocalDashboard: { request: (r) => ({ method: 'GET', path: `/api/dashboard/focal?planId=${planOf[r]}` }), allowed: readInOwnSubtree, anonymous: false },
    // The national view of the tree below a unit: the province (parent) or another ward are outside a ward's reach.
    getNationalDashboard: { request: (r) => ({ method: 'GET', path: `/api/dashboard/national?rootUnitId=${env.unitId[r]}` }), allowed: readInOwnSubtree, anonymous: false },
    // Public: only issued plans (these drafts answer 404 to everyone, never 401/403).
    getPublicPlanProgress: { request: (r) => ({ method: 'GET', path: `/api/public/plans/${planOf[r]}/progress` }), allowed: everyone, anonymous: true },
  };
}
