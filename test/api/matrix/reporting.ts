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
  approveInOwnSubtree,
  editInOwnSubtree,
  editors,
  everyone,
  followInOwnSubtree,
  hiddenOutsideBranch,
  hiddenToEditors,
  hiddenToSignedIn,
  readInOwnSubtree,
  RELATIONS,
  signedIn,
  UNKNOWN_ID,
  type MatrixEnv,
  type Relation,
  type RouteCase,
  type Who,
} from './types.ts';

export async function reportingCases(env: MatrixEnv): Promise<Record<string, RouteCase>> {
  const { sys, unitId, db } = env;
  const ok = (r: { status: number; body: unknown }, status = 200) =>
    assert.equal(r.status, status, JSON.stringify(r.body));
  const idOf = async (code: string) =>
    (await db.selectFrom('unit').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
  const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
  const due = new Date(Date.now() + 7 * 3_600_000 + 30 * 86_400_000).toISOString().slice(0, 10);
  const key = due.slice(0, 4);
  const request = (ownerUnitId: number, submitterUnitIds: number[]) => ({
    ownerUnitId,
    name: 'Báo cáo kiểm thử phân quyền',
    content: 'Nội dung báo cáo kiểm thử',
    dueDate: due,
    submitterUnitIds,
    window: { from: `${Number(today.slice(0, 4)) - 1}-12-15`, to: due },
  });

  // The submitting side: Trung ương asks all four units.
  const root = await idOf('TW');
  const asked = await sys.post(
    '/api/regimes',
    request(
      root,
      RELATIONS.map((r) => unitId[r]),
    ),
  );
  ok(asked, 201);
  const sentBy = {} as Record<Relation, number>;
  for (const rel of RELATIONS) {
    const r = await sys.post(`/api/regimes/${asked.body.id}/periods/${key}/reports`, { unitId: unitId[rel] });
    ok(r, 201);
    sentBy[rel] = r.body.id;
  }

  // The receiving side: each relation's unit asks a unit of its scope and receives its draft report.
  const scopeSubmitter: Record<Relation, string> = {
    own: '16516.VP',
    child: '16516.VP',
    sibling: '14797.VP',
    parent: '14812',
  };
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
  const seed = readFileSync(
    new URL('../../fixtures/plans/ke-hoach-tinh-thanh-hoa-thi-hanh-luat-tri-tue-nhan-tao.txt', import.meta.url),
  );
  const { draft } = (
    await sys.post('/api/plans/import', { filename: 'kh.txt', contentBase64: seed.toString('base64') })
  ).body;
  const planOf = {} as Record<Relation, number>;
  for (const rel of RELATIONS) {
    const p = await sys.post('/api/plans', { unitId: unitId[rel], draft });
    ok(p, 201);
    planOf[rel] = p.body.id;
  }

  const period = (rel: Relation, tail: string) => `/api/regimes/${regimeOf[rel]}/periods/${key}/${tail}`;
  // Another ward's request does not exist for a ward. The province's request (parent) is addressed to its whole
  // scope, the ward included: its rules are readable, its follow-up (status, documents) belongs to the province.
  const hiddenSiblingRegime = (who: Who, rel: Relation) =>
    who !== 'sysadmin' && who !== 'anonymous' && rel === 'sibling';
  const siblingDraft = env.draftPlanId.sibling;
  return {
    listRegimes: {
      request: () => ({ method: 'GET', path: '/api/regimes' }),
      allowed: signedIn,
      anonymous: false,
      references: {
        request: { method: 'GET', path: `/api/regimes?planId=${siblingDraft}` },
        unknown: { method: 'GET', path: `/api/regimes?planId=${UNKNOWN_ID}` },
        allowed: signedIn,
        hidden: hiddenToSignedIn,
      },
    },
    createRegime: {
      request: (r) => ({
        method: 'POST',
        path: '/api/regimes',
        body: { ...request(unitId[r], []), submitterUnitIds: undefined, submitterKinds: ['office'] },
      }),
      allowed: editInOwnSubtree,
      anonymous: false,
      // A request of one's own about a sibling's draft plan: the plan does not exist for the ward; a system
      // administrator is told it is not issued (422).
      references: {
        request: {
          method: 'POST',
          path: '/api/regimes',
          body: {
            ...request(unitId.own, []),
            submitterUnitIds: undefined,
            submitterKinds: ['office'],
            planId: siblingDraft,
          },
        },
        unknown: {
          method: 'POST',
          path: '/api/regimes',
          body: {
            ...request(unitId.own, []),
            submitterUnitIds: undefined,
            submitterKinds: ['office'],
            planId: UNKNOWN_ID,
          },
        },
        allowed: editors,
        hidden: hiddenToEditors,
      },
    },
    // A regime is readable by its owner's scope and by the units of its own scope (they must see what they owe).
    getRegime: {
      request: (r) => ({ method: 'GET', path: `/api/regimes/${regimeOf[r]}` }),
      allowed: signedIn,
      hidden: hiddenSiblingRegime,
      anonymous: false,
      references: 'sibling',
    },
    getPeriodStatus: {
      request: (r) => ({ method: 'GET', path: period(r, 'status') }),
      allowed: readInOwnSubtree,
      hidden: hiddenSiblingRegime,
      anonymous: false,
      references: 'sibling',
    },
    // The same table as a spreadsheet: the same rule as the JSON route it mirrors.
    exportPeriodStatusXlsx: {
      request: (r) => ({ method: 'GET', path: period(r, 'status.xlsx') }),
      allowed: readInOwnSubtree,
      hidden: hiddenSiblingRegime,
      anonymous: false,
      references: 'sibling',
    },
    getCompiledReport: {
      request: (r) => ({ method: 'GET', path: period(r, 'compiled') }),
      allowed: readInOwnSubtree,
      hidden: hiddenSiblingRegime,
      anonymous: false,
      references: 'sibling',
    },
    exportCompiledReportDocx: {
      request: (r) => ({ method: 'GET', path: period(r, 'compiled.docx') }),
      allowed: readInOwnSubtree,
      hidden: hiddenSiblingRegime,
      anonymous: false,
      references: 'sibling',
    },
    exportCompiledReportXlsx: {
      request: (r) => ({ method: 'GET', path: period(r, 'compiled.xlsx') }),
      allowed: readInOwnSubtree,
      hidden: hiddenSiblingRegime,
      anonymous: false,
      references: 'sibling',
    },
    getReminderLetter: {
      request: (r) => ({ method: 'GET', path: period(r, 'reminder') }),
      allowed: readInOwnSubtree,
      hidden: hiddenSiblingRegime,
      anonymous: false,
      references: 'sibling',
    },
    exportReminderLetterDocx: {
      request: (r) => ({ method: 'GET', path: period(r, 'reminder.docx') }),
      allowed: readInOwnSubtree,
      hidden: hiddenSiblingRegime,
      anonymous: false,
      references: 'sibling',
    },
    // Approving the period's documents for signing (the register's signer: these units keep no settings).
    approveCompiledReport: {
      request: (r) => ({ method: 'POST', path: period(r, 'compiled/approve'), body: {} }),
      allowed: approveInOwnSubtree,
      hidden: hiddenSiblingRegime,
      anonymous: false,
      references: 'sibling',
    },
    approveReminderLetter: {
      request: (r) => ({ method: 'POST', path: period(r, 'reminder/approve'), body: {} }),
      allowed: approveInOwnSubtree,
      hidden: hiddenSiblingRegime,
      anonymous: false,
      references: 'sibling',
    },
    // Each unit already has its report in the request: allowed attempts end in 409.
    createReport: {
      request: (r) => ({
        method: 'POST',
        path: `/api/regimes/${asked.body.id}/periods/${key}/reports`,
        body: { unitId: unitId[r] },
      }),
      allowed: editInOwnSubtree,
      anonymous: false,
      // The own ward's report in the sibling's request: the request does not exist for the ward; a system
      // administrator is told the ward is not asked (422).
      references: {
        request: {
          method: 'POST',
          path: `/api/regimes/${regimeOf.sibling}/periods/${key}/reports`,
          body: { unitId: unitId.own },
        },
        unknown: {
          method: 'POST',
          path: `/api/regimes/${UNKNOWN_ID}/periods/${key}/reports`,
          body: { unitId: unitId.own },
        },
        allowed: signedIn,
        hidden: hiddenToSignedIn,
      },
    },
    listReports: {
      request: (r) => ({ method: 'GET', path: `/api/reports?unitId=${unitId[r]}` }),
      allowed: signedIn,
      anonymous: false,
      references: {
        request: { method: 'GET', path: `/api/reports?regimeId=${regimeOf.sibling}` },
        unknown: { method: 'GET', path: `/api/reports?regimeId=${UNKNOWN_ID}` },
        allowed: signedIn,
        hidden: hiddenToSignedIn,
      },
    },
    getReport: {
      request: (r) => ({ method: 'GET', path: `/api/reports/${sentBy[r]}` }),
      allowed: readInOwnSubtree,
      hidden: hiddenOutsideBranch,
      anonymous: false,
      references: 'sibling',
    },
    // The unit's Báo cáo as a file: whoever reads the report, 404 for the others.
    exportReportDocx: {
      request: (r) => ({ method: 'GET', path: `/api/reports/${sentBy[r]}/export.docx` }),
      allowed: readInOwnSubtree,
      hidden: hiddenOutsideBranch,
      anonymous: false,
      references: 'sibling',
    },
    exportReportXlsx: {
      request: (r) => ({ method: 'GET', path: `/api/reports/${sentBy[r]}/export.xlsx` }),
      allowed: readInOwnSubtree,
      hidden: hiddenOutsideBranch,
      anonymous: false,
      references: 'sibling',
    },
    updateReport: {
      request: (r) => ({
        method: 'PUT',
        path: `/api/reports/${sentBy[r]}`,
        body: { narrative: { results: 'Kiểm thử phân quyền' } },
      }),
      allowed: editInOwnSubtree,
      hidden: hiddenOutsideBranch,
      anonymous: false,
      references: 'sibling',
    },
    refreshReport: {
      request: (r) => ({ method: 'POST', path: `/api/reports/${sentBy[r]}/prefill` }),
      allowed: editInOwnSubtree,
      hidden: hiddenOutsideBranch,
      anonymous: false,
      references: 'sibling',
    },
    approveReport: {
      // Confirmed: the reports under test have sections left empty (answered 409 report.empty_sections otherwise).
      request: (r) => ({ method: 'POST', path: `/api/reports/${sentBy[r]}/approve`, body: { confirmEmpty: true } }),
      allowed: approveInOwnSubtree,
      hidden: hiddenOutsideBranch,
      anonymous: false,
      references: 'sibling',
    },
    submitReport: {
      request: (r) => ({ method: 'POST', path: `/api/reports/${sentBy[r]}/submit` }),
      allowed: editInOwnSubtree,
      hidden: hiddenOutsideBranch,
      anonymous: false,
      references: 'sibling',
    },
    // Accepting and returning are the receiving unit's follow-up: `follow` on it.
    acceptReport: {
      request: (r) => ({ method: 'POST', path: `/api/reports/${receivedBy[r]}/accept` }),
      allowed: followInOwnSubtree,
      hidden: hiddenOutsideBranch,
      anonymous: false,
      references: 'sibling',
    },
    returnReport: {
      request: (r) => ({
        method: 'POST',
        path: `/api/reports/${receivedBy[r]}/return`,
        body: { reason: 'Kiểm thử phân quyền' },
      }),
      allowed: followInOwnSubtree,
      hidden: hiddenOutsideBranch,
      anonymous: false,
      references: 'sibling',
    },
    getFocalDashboard: {
      request: (r) => ({ method: 'GET', path: `/api/dashboard/focal?planId=${planOf[r]}` }),
      allowed: readInOwnSubtree,
      hidden: hiddenOutsideBranch,
      anonymous: false,
      references: 'sibling',
    },
    exportFocalDashboardXlsx: {
      request: (r) => ({ method: 'GET', path: `/api/dashboard/focal.xlsx?planId=${planOf[r]}` }),
      allowed: readInOwnSubtree,
      hidden: hiddenOutsideBranch,
      anonymous: false,
      references: 'sibling',
    },
    // The national view of the tree below a unit: the province (parent) or another ward are outside a ward's reach.
    getNationalDashboard: {
      request: (r) => ({ method: 'GET', path: `/api/dashboard/national?rootUnitId=${env.unitId[r]}` }),
      allowed: readInOwnSubtree,
      anonymous: false,
      references: 'sibling',
    },
    // Public: only issued plans (these drafts answer 404 to everyone, never 401/403).
    getPublicPlanProgress: {
      request: (r) => ({ method: 'GET', path: `/api/public/plans/${planOf[r]}/progress` }),
      allowed: everyone,
      hidden: () => true,
      anonymous: true,
      references: 'sibling',
    },
    // Public: the index of issued plans. Its issuer filter names a unit, and units are public: any unit's id, the
    // sibling ward's included, gives that unit's issued plans (none for these units), never a 404.
    listPublicPlans: {
      request: (r) => ({ method: 'GET', path: `/api/public/plans?limit=5&unitId=${env.unitId[r]}` }),
      allowed: everyone,
      anonymous: true,
      references: 'sibling',
    },
  };
}
