// The AI-systems register through the API: a ward registers a citizen chatbot, classifies it (assessment
// mandatory), drafts, approves and publishes its AI02; the public register shows it without internal notes; "in
// use" is refused without the approved assessment unless the leader overrides; a serious incident gets its
// deadlines and reaches the focal units; coverage rolls it up.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import JSZip from 'jszip';
import { openWorld, ok, type Cast, type World } from '../support/factories.ts';
import { Client } from '../support/api.ts';

const CAST = {
  ward: ['nss.cv', '16516', ['officer']],
  wardLeader: ['nss.ld', '16516', ['leader']],
  vhxh: ['nss.vhxh', '16516.PVHXH', ['officer']],
  otherWard: ['hacthanh.cv', '14797', ['officer']],
  otherLeader: ['hacthanh.ld', '14797', ['leader']],
  skhcn: ['skhcn.cv', '38.SKHCN', ['officer']],
} satisfies Cast;

let w: World<typeof CAST>;
let useId: number;
let productId: number;

const PRODUCT = {
  name: 'Trợ lý ảo Một cửa',
  provider: 'Công ty Thử nghiệm',
  version: '1.0',
  function: 'Trả lời người dân, kiểm tra sơ bộ hồ sơ.',
};
const USE = {
  purpose: 'Trả lời người dân và sàng lọc sơ bộ hồ sơ trực tuyến.',
  scope: 'Bộ phận Một cửa',
  usersServed: 'Người dân',
  inputData: 'Câu hỏi, hồ sơ',
  personalData: true,
  outputUse: 'Kết quả kiểm tra hồ sơ làm căn cứ tiếp nhận',
  automation: 'partial',
  humanOversight: 'Cán bộ duyệt',
  contract: 'Hợp đồng MẬT-001',
  internalNotes: 'GHI-CHÚ-NỘI-BỘ',
  publicSummary: 'Trợ lý ảo trả lời về thủ tục hành chính.',
};
const ANSWERS = {
  onHighRiskList: false,
  interactsWithPublic: true,
  clearlyAiTool: false,
  rightsImpact: ['decisions'],
  decisionUse: 'direct',
  significantHarm: false,
  humanReviewBeforeEffect: true,
};

before(async () => {
  w = await openWorld(CAST);
});
after(() => w.close());

describe('register, classify, assess, publish', () => {
  test('a ward officer registers a use with a new product; another ward cannot read it', async () => {
    const r = await w.as.ward.post('/api/ai-systems', { unitId: w.unitIds['16516'], product: PRODUCT, ...USE });
    ok(r, 'create', 201);
    useId = r.body.id;
    assert.deepEqual(Object.keys(r.body), ['id']);
    const other = await w.as.otherWard.get(`/api/ai-systems/${useId}`);
    assert.equal(other.status, 404);
    const mine = await w.as.ward.get(`/api/ai-systems/${useId}`);
    ok(mine, 'read');
    assert.equal(mine.body.level, null);
    assert.equal(mine.body.levelLabel, 'Chưa phân loại');
    productId = mine.body.product.id;
    const list = await w.as.otherWard.get('/api/ai-systems');
    assert.ok(!list.body.items.some((x: { id: number }) => x.id === useId));
  });

  test('a form error names the field and keeps nothing half-made', async () => {
    const r = await w.as.ward.post('/api/ai-systems', { unitId: w.unitIds['16516'], ...USE });
    assert.equal(r.status, 422);
    assert.equal(r.body.error.issues[0].path, 'productId');
    const bad = await w.as.ward.post('/api/ai-systems', {
      unitId: w.unitIds['16516'],
      productId,
      ...USE,
      purpose: 'ab',
    });
    assert.equal(bad.status, 400);
    assert.ok(bad.body.error.issues.some((i: { path: string }) => i.path === 'purpose'));
    const dup = await w.as.otherWard.post('/api/ai-systems', { unitId: w.unitIds['14797'], product: PRODUCT, ...USE });
    assert.equal(dup.status, 409);
  });

  test('classification says an assessment is mandatory and why', async () => {
    const incomplete = await w.as.ward.post(`/api/ai-systems/${useId}/classification`, {
      answers: { onHighRiskList: false },
    });
    assert.equal(incomplete.status, 422);
    assert.ok(incomplete.body.error.issues.some((i: { path: string }) => i.path === 'answers.decisionUse'));
    const r = await w.as.ward.post(`/api/ai-systems/${useId}/classification`, { answers: ANSWERS });
    ok(r, 'classify');
    assert.equal(r.body.level, 'medium');
    assert.equal(r.body.impactAssessmentRequired, true);
    assert.ok(r.body.reasons.some((x: { article: string }) => /Điều 20 khoản 1 điểm b/.test(x.article)));
    assert.equal(r.body.questionnaireVersion, '2026.1');
    const q = await w.as.ward.get('/api/ai-systems/questionnaire');
    ok(q, 'questionnaire');
    assert.equal(q.body.questions.length, 7);
  });

  test('"in use" is refused without an approved assessment', async () => {
    const r = await w.as.ward.patch(`/api/ai-systems/${useId}`, { status: 'inUse' });
    assert.equal(r.status, 409);
    assert.equal(r.body.error.code, 'ai_use.assessment_required');
    const override = await w.as.ward.patch(`/api/ai-systems/${useId}`, {
      status: 'inUse',
      overrideReason: 'Cần vận hành ngay để phục vụ người dân.',
    });
    assert.equal(override.status, 403, 'only the leader overrides');
  });

  test('the officer drafts AI02 from the prefilled form; the leader approves and publishes', async () => {
    const view = await w.as.ward.get(`/api/ai-systems/${useId}/impact-assessment`);
    ok(view, 'assessment');
    assert.equal(view.body.current, null);
    assert.equal(view.body.prefill.unitName.includes('Nam Sầm Sơn'), true);
    assert.equal(view.body.sections.length, 7);
    ok(await w.as.ward.put(`/api/ai-systems/${useId}/impact-assessment`, { content: view.body.prefill }), 'save');
    const early = await w.as.wardLeader.post(`/api/ai-systems/${useId}/impact-assessment/approve`);
    assert.equal(early.status, 422);
    assert.ok(early.body.error.issues.some((i: { path: string }) => i.path === 'content.legalBasis'));
    const full = Object.fromEntries(
      view.body.sections.flatMap((s: { fields: Array<{ key: string }> }) =>
        s.fields.map((f) => [f.key, view.body.prefill[f.key] || `Nội dung ${f.key}`]),
      ),
    );
    const saved = await w.as.ward.put(`/api/ai-systems/${useId}/impact-assessment`, { content: full });
    ok(saved, 'save full');
    assert.equal(saved.body.version, 1);
    assert.equal((await w.as.ward.post(`/api/ai-systems/${useId}/impact-assessment/approve`)).status, 403);
    ok(await w.as.wardLeader.post(`/api/ai-systems/${useId}/impact-assessment/approve`), 'approve');
    ok(await w.as.wardLeader.post(`/api/ai-systems/${useId}/impact-assessment/publish`), 'publish');
    const docx = await w.as.ward.get(`/api/ai-systems/${useId}/impact-assessment.docx`);
    ok(docx, 'docx');
    const xml = await (await JSZip.loadAsync(Buffer.from(docx.body))).file('word/document.xml')!.async('string');
    assert.match(xml, /Mẫu AI02/);
    assert.match(xml, /LÃNH ĐẠO CƠ QUAN, ĐƠN VỊ/);
    assert.match(xml, /CAM KẾT/);
    assert.doesNotMatch(xml, /DỰ THẢO/);
  });

  test('the public register shows it without internal notes or contract, as JSON and CSV, with its AI02', async () => {
    const anon = new Client(w.app);
    const r = await anon.get('/api/public/ai-systems');
    ok(r, 'public');
    const item = r.body.items.find((x: { id: number }) => x.id === useId);
    assert.ok(item);
    assert.equal(item.name, PRODUCT.name);
    assert.match(item.unitName, /Nam Sầm Sơn/);
    assert.equal(item.level, 'medium');
    assert.ok(item.assessment.url);
    assert.doesNotMatch(JSON.stringify(r.body), /GHI-CHÚ-NỘI-BỘ|MẬT-001/);
    const csv = await anon.get('/api/public/ai-systems.csv');
    ok(csv, 'csv');
    const text = Buffer.from(csv.body).toString('utf8');
    assert.ok(text.startsWith('\uFEFFid,ten_he_thong'));
    assert.ok(text.includes(PRODUCT.name));
    assert.doesNotMatch(text, /GHI-CHÚ-NỘI-BỘ|MẬT-001/);
    ok(await anon.get(item.assessment.url), 'public AI02');
    assert.equal(
      (await w.as.otherWard.get(`/api/ai-systems/${useId}`)).status,
      404,
      'the internal record stays internal',
    );

    // Searched without accents, filtered by unit subtree and level, a page at a time; one system by its id.
    const ids = async (query: string) =>
      ((await anon.get(`/api/public/ai-systems?${query}`)).body.items as Array<{ id: number }>).map((x) => x.id);
    assert.deepEqual(await ids('q=tro ly ao mot cua'), [useId]);
    assert.deepEqual(await ids('q=nam sam son'), [useId]);
    assert.deepEqual(await ids('q=khong co he thong nay'), []);
    assert.deepEqual(await ids(`unitId=${w.unitIds['16516']}&level=medium`), [useId]);
    assert.deepEqual(await ids('level=high'), []);
    assert.deepEqual(await ids('level=unclassified'), []);
    const page = await anon.get('/api/public/ai-systems?limit=1&offset=0');
    assert.equal(page.body.items.length, 1);
    assert.equal(page.body.total, r.body.total);
    assert.equal((await anon.get('/api/public/ai-systems?level=khac')).status, 400);
    const one = await anon.get(`/api/public/ai-systems/${useId}`);
    ok(one, 'one');
    assert.deepEqual(one.body, item);
    assert.equal((await anon.get('/api/public/ai-systems/999999')).status, 404);
  });

  test('now it may go in use; a change of scope makes the assessment due again', async () => {
    ok(await w.as.ward.patch(`/api/ai-systems/${useId}`, { status: 'inUse' }), 'in use');
    const r = await w.as.ward.patch(`/api/ai-systems/${useId}`, { scope: 'Toàn bộ thủ tục của phường' });
    ok(r, 'scope');
    assert.equal(r.body.assessmentDue, true);
    assert.deepEqual(r.body.changed, ['scope']);
    const d = (await w.as.ward.get(`/api/ai-systems/${useId}`)).body;
    assert.equal(d.assessmentState, 'overdue');
    const v2 = await w.as.ward.put(`/api/ai-systems/${useId}/impact-assessment`, {
      content: {
        ...(await w.as.ward.get(`/api/ai-systems/${useId}/impact-assessment`)).body.current.content,
        impactScope: 'Toàn bộ thủ tục',
      },
    });
    assert.equal(v2.body.version, 2);
    ok(await w.as.wardLeader.post(`/api/ai-systems/${useId}/impact-assessment/approve`), 'approve v2');
    assert.equal((await w.as.ward.get(`/api/ai-systems/${useId}`)).body.assessmentState, 'approved');
  });

  test('another ward registers the same product from its template; its leader overrides with a reason', async () => {
    const products = await w.as.otherWard.get('/api/ai-products?q=tro ly');
    const p = products.body.items.find((x: { id: number }) => x.id === productId);
    assert.equal(p.template.purpose, USE.purpose);
    const r = await w.as.otherWard.post('/api/ai-systems', {
      unitId: w.unitIds['14797'],
      productId,
      purpose: p.template.purpose,
    });
    ok(r, 'from template', 201);
    ok(await w.as.otherWard.post(`/api/ai-systems/${r.body.id}/classification`, { answers: ANSWERS }), 'classify');
    const reason = 'Phục vụ cao điểm cấp đổi giấy tờ; báo cáo đánh giá tác động hoàn thành trong tháng.';
    ok(
      await w.as.otherLeader.patch(`/api/ai-systems/${r.body.id}`, { status: 'inUse', overrideReason: reason }),
      'override',
    );
    const d = (await w.as.otherLeader.get(`/api/ai-systems/${r.body.id}`)).body;
    assert.equal(d.status, 'inUse');
    assert.equal(d.overrideReason, reason);
    assert.equal(d.assessmentState, 'overdue');
    ok(await w.as.otherWard.post(`/api/ai-systems/${r.body.id}/retire`, { reason: 'Thôi không dùng' }), 'retire');
    assert.equal((await w.as.otherWard.patch(`/api/ai-systems/${r.body.id}`, { status: 'inUse' })).status, 409);
  });
});

describe('questionnaire versions', () => {
  test('a use classified under an older version is flagged for review', async () => {
    await w.d.db.updateTable('ai_use').set({ questionnaire_version: '2025.0' }).where('id', '=', useId).execute();
    const item = (await w.as.ward.get('/api/ai-systems')).body.items.find((x: { id: number }) => x.id === useId);
    assert.equal(item.needsReview, true);
    await w.d.db.updateTable('ai_use').set({ questionnaire_version: '2026.1' }).where('id', '=', useId).execute();
    assert.equal((await w.as.ward.get(`/api/ai-systems/${useId}`)).body.needsReview, false);
  });
});

describe('incidents and coverage', () => {
  test('a serious incident gets its deadlines and reaches the focal units at once', async () => {
    const r = await w.as.ward.post(`/api/ai-systems/${useId}/incidents`, {
      occurredAt: '2026-09-04T08:00:00+07:00',
      detectedAt: '2026-09-04T10:00:00+07:00',
      severity: 'serious',
      description: 'Trợ lý ảo trả lời sai điều kiện hưởng trợ cấp cho nhiều người dân.',
    });
    ok(r, 'incident', 201);
    assert.deepEqual(
      r.body.deadlines.map((d: { kind: string }) => d.kind),
      ['preliminaryUrgent', 'preliminary', 'official'],
    );
    assert.equal(r.body.deadlines[0].dueAt, new Date('2026-09-07T10:00:00+07:00').toISOString());
    for (const who of ['skhcn', 'vhxh', 'wardLeader'] as const) {
      const n = await w.as[who].get('/api/notifications');
      assert.ok(
        n.body.items.some((x: { kind: string }) => x.kind === 'ai_incident.serious'),
        `${who} is told`,
      );
    }
    const minor = await w.as.ward.post(`/api/ai-systems/${useId}/incidents`, {
      occurredAt: '2026-09-05T08:00:00+07:00',
      detectedAt: '2026-09-05T07:00:00+07:00',
      severity: 'other',
      description: 'Trả lời chậm trong giờ cao điểm.',
    });
    assert.equal(minor.status, 422);
    assert.equal(minor.body.error.issues[0].path, 'detectedAt');
    const detail = (await w.as.ward.get(`/api/ai-systems/${useId}`)).body;
    const docx = await w.as.ward.get(`/api/ai-incidents/${detail.incidents[0].id}/report.docx`);
    ok(docx, 'incident docx');
  });

  test('coverage shows Nam Sầm Sơn with one use and one approved assessment, across the province', async () => {
    const r = await w.as.skhcn.get('/api/ai-systems/coverage');
    ok(r, 'coverage');
    const row = r.body.rows.find((x: { code: string }) => x.code === '16516');
    assert.equal(row.uses, 1);
    assert.equal(row.assessmentsApproved, 1);
    assert.equal(row.openSeriousIncidents, 1);
    assert.equal(row.lateIncidents, 1, 'detected in September: its official report was due on 28/09');
    assert.ok(r.body.rows.filter((x: { kind: string }) => x.kind === 'ward' || x.kind === 'commune').length === 166);
    assert.ok(r.body.totals.unitsWithoutUses > 150);
    const xlsx = await w.as.skhcn.get('/api/ai-systems/coverage.xlsx');
    ok(xlsx, 'xlsx');
    assert.equal((await w.as.otherWard.get(`/api/ai-systems/coverage?unitId=${w.unitIds['16516']}`)).status, 403);
    const incident = (await w.as.ward.get(`/api/ai-systems/${useId}`)).body.incidents[0];
    assert.equal((await w.as.otherWard.post(`/api/ai-incidents/${incident.id}/close`)).status, 404);
    ok(await w.as.ward.post(`/api/ai-incidents/${incident.id}/close`), 'close');
    assert.equal((await w.as.ward.post(`/api/ai-incidents/${incident.id}/close`)).status, 409);
    const after = (await w.as.skhcn.get('/api/ai-systems/coverage')).body.rows.find(
      (x: { code: string }) => x.code === '16516',
    );
    assert.equal(after.openSeriousIncidents, 0);
    assert.equal(after.lateIncidents, 0);
  });
});
