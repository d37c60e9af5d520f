// AI-systems routes: uses at every relation's unit (ward, its office, a sibling ward, the province), made through the
// API as the system administrator, each classified (assessment mandatory) with an incident; a second use per unit to
// retire; the sibling ward's use carries a published AI02, so the public DOCX exists for it only.
import assert from 'node:assert/strict';
import {
  approveInOwnSubtree,
  editInOwnSubtree,
  everyone,
  hiddenOutsideBranch,
  readInOwnSubtree,
  RELATIONS,
  signedIn,
  type MatrixEnv,
  type Relation,
  type RouteCase,
} from './types.ts';

const ANSWERS = {
  onHighRiskList: false,
  interactsWithPublic: true,
  clearlyAiTool: false,
  rightsImpact: ['decisions'],
  decisionUse: 'direct',
  significantHarm: false,
  humanReviewBeforeEffect: true,
};

export async function aiSystemsCases(env: MatrixEnv): Promise<Record<string, RouteCase>> {
  const { sys, unitId } = env;
  const ok = (r: { status: number; body: unknown }, status = 200) =>
    assert.equal(r.status, status, JSON.stringify(r.body));
  const first = await sys.post('/api/ai-systems', {
    unitId: unitId.own,
    purpose: 'Trợ lý ảo để kiểm thử phân quyền',
    product: {
      name: 'Sản phẩm AI kiểm thử phân quyền',
      provider: 'Nhà cung cấp kiểm thử',
      function: 'Trả lời câu hỏi của người dân',
    },
  });
  ok(first, 201);
  const productId = (await sys.get(`/api/ai-systems/${first.body.id}`)).body.product.id as number;
  const useId = {} as Record<Relation, number>;
  const retireId = {} as Record<Relation, number>;
  const incidentId = {} as Record<Relation, number>;
  for (const rel of RELATIONS) {
    const make = async () => {
      const r = await sys.post('/api/ai-systems', {
        unitId: unitId[rel],
        productId,
        purpose: `Sử dụng để kiểm thử phân quyền (${rel})`,
      });
      ok(r, 201);
      return r.body.id as number;
    };
    useId[rel] = rel === 'own' ? first.body.id : await make();
    retireId[rel] = await make();
    ok(await sys.post(`/api/ai-systems/${useId[rel]}/classification`, { answers: ANSWERS }));
    const incident = await sys.post(`/api/ai-systems/${useId[rel]}/incidents`, {
      occurredAt: '2026-06-01T08:00:00+07:00',
      detectedAt: '2026-06-01T09:00:00+07:00',
      severity: 'serious',
      description: 'Sự cố để kiểm thử phân quyền',
    });
    ok(incident, 201);
    incidentId[rel] = incident.body.id;
  }
  const view = (await sys.get(`/api/ai-systems/${useId.sibling}/impact-assessment`)).body;
  const content = Object.fromEntries(
    view.sections.flatMap((s: { fields: Array<{ key: string }> }) =>
      s.fields.map((f) => [f.key, view.prefill[f.key] || 'Nội dung kiểm thử']),
    ),
  );
  ok(await sys.put(`/api/ai-systems/${useId.sibling}/impact-assessment`, { content }));
  ok(await sys.post(`/api/ai-systems/${useId.sibling}/impact-assessment/approve`));
  ok(await sys.post(`/api/ai-systems/${useId.sibling}/impact-assessment/publish`));

  const use = (r: Relation, tail = '') => `/api/ai-systems/${useId[r]}${tail}`;
  const onUse = (
    method: 'GET' | 'POST' | 'PATCH' | 'PUT',
    tail: string,
    allowed: RouteCase['allowed'],
    body?: unknown,
  ): RouteCase => ({
    request: (r) => ({ method, path: use(r, tail), ...(body === undefined ? {} : { body }) }),
    allowed,
    hidden: hiddenOutsideBranch,
    anonymous: false,
    references: 'sibling',
  });

  return {
    listAiProducts: {
      request: () => ({ method: 'GET', path: '/api/ai-products' }),
      allowed: signedIn,
      anonymous: false,
      references: 'none',
    },
    getAiQuestionnaire: {
      request: () => ({ method: 'GET', path: '/api/ai-systems/questionnaire' }),
      allowed: signedIn,
      anonymous: false,
      references: 'none',
    },
    listAiSystems: {
      request: (r) => ({ method: 'GET', path: `/api/ai-systems?unitId=${unitId[r]}` }),
      allowed: readInOwnSubtree,
      anonymous: false,
      references: 'sibling',
    },
    // Products are one shared register (no unit owns one): the unit is the only id that decides.
    createAiSystem: {
      request: (r) => ({
        method: 'POST',
        path: '/api/ai-systems',
        body: { unitId: unitId[r], productId, purpose: 'Đăng ký để kiểm thử phân quyền' },
      }),
      allowed: editInOwnSubtree,
      anonymous: false,
      references: 'sibling',
    },
    getAiSystem: onUse('GET', '', readInOwnSubtree),
    updateAiSystem: onUse('PATCH', '', editInOwnSubtree, { publicSummary: 'Tóm tắt để kiểm thử phân quyền' }),
    retireAiSystem: {
      request: (r) => ({
        method: 'POST',
        path: `/api/ai-systems/${retireId[r]}/retire`,
        body: { reason: 'Kiểm thử phân quyền' },
      }),
      allowed: editInOwnSubtree,
      hidden: hiddenOutsideBranch,
      anonymous: false,
      references: 'sibling',
    },
    publishAiSystem: onUse('POST', '/publish', approveInOwnSubtree),
    classifyAiSystem: onUse('POST', '/classification', editInOwnSubtree, { answers: ANSWERS }),
    getAiImpactAssessment: onUse('GET', '/impact-assessment', readInOwnSubtree),
    saveAiImpactAssessment: onUse('PUT', '/impact-assessment', editInOwnSubtree, {
      content: { legalBasis: 'Kiểm thử phân quyền' },
    }),
    approveAiImpactAssessment: onUse('POST', '/impact-assessment/approve', approveInOwnSubtree),
    publishAiImpactAssessment: onUse('POST', '/impact-assessment/publish', approveInOwnSubtree),
    exportAiImpactAssessmentDocx: onUse('GET', '/impact-assessment.docx', readInOwnSubtree),
    reportAiIncident: onUse('POST', '/incidents', editInOwnSubtree, {
      occurredAt: '2026-06-02T08:00:00+07:00',
      detectedAt: '2026-06-02T09:00:00+07:00',
      severity: 'other',
      description: 'Sự cố để kiểm thử phân quyền',
    }),
    closeAiIncident: {
      request: (r) => ({ method: 'POST', path: `/api/ai-incidents/${incidentId[r]}/close` }),
      allowed: editInOwnSubtree,
      hidden: hiddenOutsideBranch,
      anonymous: false,
      references: 'sibling',
    },
    exportAiIncidentDocx: {
      request: (r) => ({ method: 'GET', path: `/api/ai-incidents/${incidentId[r]}/report.docx` }),
      allowed: readInOwnSubtree,
      hidden: hiddenOutsideBranch,
      anonymous: false,
      references: 'sibling',
    },
    getAiCoverage: {
      request: (r) => ({ method: 'GET', path: `/api/ai-systems/coverage?unitId=${unitId[r]}` }),
      allowed: readInOwnSubtree,
      anonymous: false,
      references: 'sibling',
    },
    exportAiCoverageXlsx: {
      request: (r) => ({ method: 'GET', path: `/api/ai-systems/coverage.xlsx?unitId=${unitId[r]}` }),
      allowed: readInOwnSubtree,
      anonymous: false,
      references: 'sibling',
    },
    listPublicAiSystems: {
      request: (r) => ({ method: 'GET', path: `/api/public/ai-systems?unitId=${unitId[r]}&q=tro ly&level=medium` }),
      allowed: everyone,
      anonymous: true,
      references: 'sibling',
    },
    // Published to the register by the system administrator's call of publishAiSystem above (the first role walked).
    getPublicAiSystem: {
      request: () => ({ method: 'GET', path: `/api/public/ai-systems/${useId.sibling}` }),
      allowed: everyone,
      anonymous: true,
      references: 'sibling',
    },
    exportPublicAiSystemsCsv: {
      request: () => ({ method: 'GET', path: '/api/public/ai-systems.csv' }),
      allowed: everyone,
      anonymous: true,
      references: 'none',
    },
    // Only the sibling ward's use has a published AI02: for everyone else's the public document does not exist.
    exportPublicAiImpactAssessmentDocx: {
      request: (r) => ({ method: 'GET', path: `/api/public/ai-systems/${useId[r]}/impact-assessment.docx` }),
      allowed: everyone,
      anonymous: true,
      hidden: (_who, rel) => rel !== 'sibling',
      references: 'sibling',
    },
  };
}
