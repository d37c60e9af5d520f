// Each unit keeps who signs its documents and how, the drafting division of its filing line and the abbreviation of
// its symbols (GET/PUT /api/units/{id}/document-settings); the leader who approves or issues a document picks the
// signer, kept with the document; a unit's reports are numbered per unit and year on approval. On the seeds: phường
// Nam Sầm Sơn, UBND tỉnh Thanh Hóa and Sở KH&CN, with the real plan KH 129 cascaded to the ward.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { setReportingClock } from '../../src/modules/reporting/clock.ts';
import { closing, docxParagraphs } from '../support/docx.ts';
import {
  cascade,
  closeStages,
  createPlanFromSeed,
  issuePlan,
  issueProvincePlan,
  ok,
  openWorld,
  regimeOfPlan,
  stage,
  unitReport,
} from '../support/factories.ts';

const world = stage(async () => {
  const w = await openWorld(
    {
      sys: ['ht.quantri', '38', ['sysadmin']],
      provinceAdmin: ['tinh.qt', '38', ['unitAdmin']],
      leader: ['tinh.ld', '38', ['leader']],
      skhcn: ['skhcn.cv', '38.SKHCN', ['officer']],
      skhcnLeader: ['skhcn.ld', '38.SKHCN', ['leader']],
      wardAdmin: ['nss.qt', '16516', ['unitAdmin']],
      ward: ['nss.cv', '16516', ['officer']],
      wardLeader: ['nss.ld', '16516', ['leader']],
      otherAdmin: ['ht.qt', '14797', ['unitAdmin']],
    },
    ['38', '16516', '38.SKHCN'],
  );
  const names: Record<string, string> = { 'skhcn.ld': 'Trịnh Văn Hùng', 'nss.ld': 'Phạm Xuân Trường' };
  for (const [username, full_name] of Object.entries(names))
    await w.d.db.updateTable('app_user').set({ full_name }).where('username', '=', username).execute();
  setReportingClock(w.d.db, '2026-12-10T03:00:00Z');
  const planId = await issueProvincePlan(w.unitIds['38']!, { officer: w.as.skhcn, leader: w.as.leader });
  const regimeId = await regimeOfPlan(w.as.skhcn, planId);
  const wardPlanId = (await cascade(w.as.skhcn, planId, [w.unitIds['16516']!])).get(w.unitIds['16516']!)!;
  await issuePlan(wardPlanId, { officer: w.as.ward, leader: w.as.wardLeader, number: '45', date: '2026-05-20' });
  return Object.assign(w, { planId, regimeId });
});
after(() => closeStages(world));

const WARD_SETTINGS = {
  signers: [
    { title: 'Chủ tịch', name: 'Nguyễn Thị Bình', authority: 'TM', isDefault: true },
    { title: 'Phó Chủ tịch', name: 'Trần Quốc Cường', authority: 'KT', isDefault: false },
  ],
  draftingDivision: 'vp',
  symbolSuffix: null,
};
const SKHCN_SETTINGS = {
  signers: [
    { title: 'Giám đốc', name: 'Lê Văn Dũng', authority: 'none', isDefault: false },
    { title: 'Phó Giám đốc', name: 'Phạm Thu Hà', authority: 'KT', isDefault: true },
  ],
  draftingDivision: 'QLCN',
  symbolSuffix: null,
};

describe('the settings', () => {
  test('unit admins of the ward or above save them; leaders read them; others are refused in Vietnamese', async (t) => {
    const w = await world.fresh(t);
    const ward = w.unitIds['16516']!;
    const path = `/api/units/${ward}/document-settings`;

    const empty = await w.as.wardAdmin.get(path);
    ok(empty, 'read, nothing set');
    assert.deepEqual(empty.body.signers, []);
    assert.deepEqual(empty.body.fallback, {
      draftingDivision: 'PVHXH',
      symbolSuffix: 'UBND',
      signerLines: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'],
    });

    const saved = await w.as.wardAdmin.put(path, WARD_SETTINGS);
    ok(saved, 'save');
    assert.equal(saved.body.draftingDivision, 'VP', 'stored upper case');
    assert.deepEqual(
      saved.body.signers.map((s: any) => [s.key, s.title, s.name, s.isDefault, s.lines]),
      [
        [1, 'CHỦ TỊCH', 'Nguyễn Thị Bình', true, ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH']],
        [2, 'PHÓ CHỦ TỊCH', 'Trần Quốc Cường', false, ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH']],
      ],
    );
    const audit = await w.d.db
      .selectFrom('audit_log')
      .select(['actor_username', 'after'])
      .where('action', '=', 'unit.document_settings')
      .where('entity_id', '=', String(ward))
      .execute();
    assert.equal(audit.length, 1);
    assert.equal(audit[0]!.actor_username, 'nss.qt');

    // Keys stay with their entries: the Phó Chủ tịch moved first and made the default keeps key 2.
    const reordered = await w.as.provinceAdmin.put(path, {
      ...WARD_SETTINGS,
      signers: [
        { key: 2, title: 'Phó Chủ tịch', name: 'Trần Quốc Cường', authority: 'KT', isDefault: true },
        { key: 1, title: 'Chủ tịch', name: 'Nguyễn Thị Bình', authority: 'TM', isDefault: false },
        { title: 'Phó Chủ tịch', name: 'Lê Thị Thu', authority: 'KT', isDefault: false },
      ],
    });
    ok(reordered, 'the province admin saves the ward settings');
    assert.deepEqual(
      reordered.body.signers.map((s: any) => [s.key, s.name, s.isDefault]),
      [
        [2, 'Trần Quốc Cường', true],
        [1, 'Nguyễn Thị Bình', false],
        [3, 'Lê Thị Thu', false],
      ],
    );

    // Refused, each with a Vietnamese message naming the field; nothing typed is changed.
    const kt = await w.as.wardAdmin.put(path, {
      ...WARD_SETTINGS,
      signers: [{ title: 'Chủ tịch', name: 'Nguyễn Thị Bình', authority: 'KT', isDefault: true }],
    });
    assert.equal(kt.status, 422);
    assert.deepEqual(kt.body.error.issues[0].path, 'signers.0.title');
    assert.match(kt.body.error.issues[0].message, /cấp phó: chức vụ bắt đầu bằng "Phó"/);
    const twoDefaults = await w.as.wardAdmin.put(path, {
      ...WARD_SETTINGS,
      signers: WARD_SETTINGS.signers.map((s) => ({ ...s, isDefault: true })),
    });
    assert.equal(twoDefaults.status, 422);
    assert.deepEqual(
      twoDefaults.body.error.issues.map((i: any) => i.path),
      ['signers.0.isDefault', 'signers.1.isDefault'],
    );
    const division = await w.as.wardAdmin.put(path, { ...WARD_SETTINGS, draftingDivision: 'Văn phòng' });
    assert.equal(division.status, 400);
    assert.equal(division.body.error.issues[0].path, 'draftingDivision');
    assert.match(division.body.error.issues[0].message, /chỉ gồm chữ cái và chữ số viết liền/);
    const noName = await w.as.wardAdmin.put(path, {
      ...WARD_SETTINGS,
      signers: [{ title: 'Chủ tịch', name: '', authority: 'TM', isDefault: true }],
    });
    assert.equal(noName.status, 400);
    assert.equal(noName.body.error.issues[0].path, 'signers.0.name');
    assert.equal((await w.as.wardAdmin.get(path)).body.signers.length, 3, 'the refused saves changed nothing');

    // The ward's leader reads them to pick a signer, and may not change them; a sibling's admin may do neither.
    const asLeader = await w.as.wardLeader.get(path);
    ok(asLeader, 'the leader reads');
    assert.equal(asLeader.body.can.edit, false);
    assert.equal((await w.as.wardLeader.put(path, WARD_SETTINGS)).status, 403);
    assert.equal((await w.as.ward.get(path)).status, 403);
    const sibling = await w.as.otherAdmin.put(path, WARD_SETTINGS);
    assert.equal(sibling.status, 403);
    assert.match(sibling.body.error.message, /quản trị của đơn vị hoặc đơn vị cấp trên/);
    assert.equal(
      (await w.as.wardAdmin.put(`/api/units/${w.unitIds['38']}/document-settings`, WARD_SETTINGS)).status,
      403,
    );
    assert.equal((await w.as.wardAdmin.get('/api/units/2147483000/document-settings')).status, 404);
  });
});

describe('documents sign with the signer picked on approval', () => {
  test('the province issues a plan signed by its Phó Chủ tịch, filed with its division', async (t) => {
    const w = await world.fresh(t);
    const province = w.unitIds['38']!;
    const settings = await w.as.provinceAdmin.put(`/api/units/${province}/document-settings`, {
      signers: [
        { title: 'Chủ tịch', name: 'Lê Minh Quang', authority: 'TM', isDefault: false },
        { title: 'Phó Chủ tịch', name: 'Hoàng Văn An', authority: 'KT', isDefault: true },
      ],
      draftingDivision: 'KTTC',
      symbolSuffix: null,
    });
    ok(settings, 'province settings');
    const planId = await createPlanFromSeed(w.as.skhcn, province);
    // A key that is none of the province's: 422 naming it, the plan stays approved.
    ok(await w.as.skhcn.post(`/api/plans/${planId}/submit`), 'submit');
    ok(await w.as.leader.post(`/api/plans/${planId}/approve`), 'approve');
    const unknown = await w.as.leader.post(`/api/plans/${planId}/issue`, {
      number: '130',
      date: '2026-06-01',
      signerKey: 9,
    });
    assert.equal(unknown.status, 422);
    assert.equal(unknown.body.error.issues[0].path, 'signerKey');
    ok(await w.as.leader.post(`/api/plans/${planId}/issue`, { number: '130', date: '2026-06-01' }), 'issue (default)');
    const p = await docxParagraphs(w.as.leader, `/api/plans/${planId}/export.docx`);
    const c = closing(p, 3);
    assert.equal(c.filing, '- Lưu: VT, KTTC.');
    assert.deepEqual(c.block, ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Hoàng Văn An']);
    assert.ok(p.includes('Số: 130/KH-UBND'));
  });

  test('the ward approves its report with its Phó Chủ tịch: numbered, signed, filed; re-exports print the same', async (t) => {
    const w = await world.fresh(t);
    const ward = w.unitIds['16516']!;
    ok(await w.as.wardAdmin.put(`/api/units/${ward}/document-settings`, WARD_SETTINGS), 'ward settings');
    const reportId = await unitReport(w.regimeId, 'draft', { officer: w.as.ward, unitId: ward });
    // The leader picks the Phó Chủ tịch (key 2), not the default Chủ tịch.
    const approved = await w.as.wardLeader.post(`/api/reports/${reportId}/approve`, {
      confirmEmpty: true,
      signerKey: 2,
    });
    ok(approved, 'approve');
    assert.equal(approved.body.number, '01');
    assert.equal(approved.body.symbol, 'BC-UBND');
    const detail = await w.as.ward.get(`/api/reports/${reportId}`);
    assert.equal(detail.body.report.number, '01');
    assert.equal(detail.body.report.symbol, 'BC-UBND');
    assert.equal(detail.body.report.signer.name, 'Trần Quốc Cường');
    // The lists show the number too: the ward's own, and the province's list of what it received.
    for (const reader of [w.as.ward, w.as.leader]) {
      const listed = await reader.get(`/api/reports?regimeId=${w.regimeId}&limit=200`);
      ok(listed, 'list');
      const item = (listed.body as Array<{ id: number; number: string | null; symbol: string | null }>).find(
        (r) => r.id === reportId,
      );
      assert.deepEqual([item?.number, item?.symbol], ['01', 'BC-UBND']);
    }

    const docx = await w.as.ward.get(`/api/reports/${reportId}/export.docx`);
    assert.match(docx.headers.get('content-disposition')!, /filename="bao-cao-so-01-bc-ubnd-ket-qua-thuc-hien/);
    const p = await docxParagraphs(w.as.ward, `/api/reports/${reportId}/export.docx`);
    assert.ok(p.includes('Số: 01/BC-UBND'));
    const c = closing(p, 3);
    assert.equal(c.filing, '- Lưu: VT, VP.');
    assert.deepEqual(c.block, ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Trần Quốc Cường']);

    // The settings change later (the Phó Chủ tịch leaves): the approved report still prints who signed it.
    ok(
      await w.as.wardAdmin.put(`/api/units/${ward}/document-settings`, {
        ...WARD_SETTINGS,
        signers: [WARD_SETTINGS.signers[0]],
      }),
      'settings changed',
    );
    const again = closing(await docxParagraphs(w.as.ward, `/api/reports/${reportId}/export.docx`), 3);
    assert.deepEqual(again.block, c.block);
  });

  test('Sở KH&CN approves its compiled report and reminder letter with the signer its leader picks', async (t) => {
    const w = await world.fresh(t);
    const skhcn = w.unitIds['38.SKHCN']!;
    const base = `/api/regimes/${w.regimeId}/periods/2026`;
    ok(await w.as.sys.put(`/api/units/${skhcn}/document-settings`, SKHCN_SETTINGS), 'Sở settings');

    // Before approval the exports show the default signer (Phó Giám đốc, KT.).
    const draft = await w.as.skhcn.get(`${base}/compiled`);
    assert.deepEqual(draft.body.signer, { lines: ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'], name: 'Phạm Thu Hà' });
    assert.equal(draft.body.copyTo.at(-1), 'Lưu: VT, QLCN');
    const status0 = await w.as.skhcnLeader.get(`${base}/status`);
    assert.equal(status0.body.documents.compiled, null);
    assert.equal(status0.body.documents.canApprove, true);

    // The officer may not approve; the leader picks the Giám đốc.
    assert.equal((await w.as.skhcn.post(`${base}/compiled/approve`, { signerKey: 1 })).status, 403);
    const approved = await w.as.skhcnLeader.post(`${base}/compiled/approve`, { signerKey: 1 });
    ok(approved, 'approve compiled');
    assert.deepEqual(approved.body.signer.lines, ['GIÁM ĐỐC']);
    const cp = await docxParagraphs(w.as.skhcn, `${base}/compiled.docx`);
    const c = closing(cp, 1);
    assert.equal(c.filing, '- Lưu: VT, QLCN.');
    assert.deepEqual(c.block, ['GIÁM ĐỐC', 'Lê Văn Dũng']);
    assert.ok(
      cp.some((x) => /^Số: +\/BC-SKHCN$/.test(x)),
      'the văn thư numbers the compiled report',
    );

    // The reminder letter (a công văn): approved with the default, its symbol names the drafting division.
    ok(await w.as.skhcnLeader.post(`${base}/reminder/approve`, {}), 'approve reminder');
    const letter = await w.as.skhcn.get(`${base}/reminder`);
    assert.equal(letter.body.symbol, 'SKHCN-QLCN');
    const lp = await docxParagraphs(w.as.skhcn, `${base}/reminder.docx`);
    const l = closing(lp, 2);
    assert.equal(l.filing, '- Lưu: VT, QLCN.');
    assert.deepEqual(l.block, ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', 'Phạm Thu Hà']);

    // Kept: a new default in the settings does not change the approved documents.
    ok(
      await w.as.sys.put(`/api/units/${skhcn}/document-settings`, {
        ...SKHCN_SETTINGS,
        signers: [{ ...SKHCN_SETTINGS.signers[0]!, isDefault: true }],
      }),
      'new default',
    );
    assert.deepEqual(closing(await docxParagraphs(w.as.skhcn, `${base}/compiled.docx`), 1).block, c.block);
    assert.deepEqual(closing(await docxParagraphs(w.as.skhcn, `${base}/reminder.docx`), 2).block, l.block);
    const status = await w.as.skhcn.get(`${base}/status`);
    assert.equal(status.body.documents.compiled.approvedBy, 'Trịnh Văn Hùng');
    assert.equal(status.body.documents.canApprove, false, 'an officer sees who signs, not the button');
  });

  test('without settings: the register rule signs with the approving leader, files with the focal division', async (t) => {
    const w = await world.fresh(t);
    const ward = w.unitIds['16516']!;
    const reportId = await unitReport(w.regimeId, 'draft', { officer: w.as.ward, unitId: ward });
    const pickNone = await w.as.wardLeader.post(`/api/reports/${reportId}/approve`, {
      confirmEmpty: true,
      signerKey: 1,
    });
    assert.equal(pickNone.status, 422);
    assert.match(pickNone.body.error.message, /chưa thiết lập người ký/);
    ok(await w.as.wardLeader.post(`/api/reports/${reportId}/approve`, { confirmEmpty: true }), 'approve');
    const p = await docxParagraphs(w.as.ward, `/api/reports/${reportId}/export.docx`);
    assert.ok(p.includes('Số: 01/BC-UBND'), 'numbered all the same');
    const c = closing(p, 2);
    assert.equal(c.filing, '- Lưu: VT, PVHXH.');
    assert.deepEqual(c.block, ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', 'Phạm Xuân Trường']);
    const compiled = await w.as.skhcn.get(`/api/regimes/${w.regimeId}/periods/2026/compiled`);
    assert.deepEqual(compiled.body.signer, { lines: ['GIÁM ĐỐC'], name: 'Trịnh Văn Hùng' });
    assert.equal(compiled.body.copyTo.at(-1), 'Lưu: VT, VP');
  });
});

describe('numbers of unit reports', () => {
  test('approvals at the same moment never get the same number; the database holds it', async (t) => {
    const w = await world.fresh(t);
    const ward = w.unitIds['16516']!;
    const skhcn = w.unitIds['38.SKHCN']!;
    // Two ad hoc requests of the Sở to the ward besides the plan's regime: three reports of the ward in 2026.
    const regimes = [w.regimeId];
    for (const name of ['Báo cáo nhanh tình hình ứng dụng AI', 'Báo cáo đột xuất về dữ liệu phục vụ AI']) {
      const r = await w.as.skhcn.post('/api/regimes', {
        ownerUnitId: skhcn,
        name,
        content: 'Tình hình triển khai tại đơn vị',
        dueDate: '2026-12-20',
        submitterUnitIds: [ward],
      });
      ok(r, 'ad hoc request', 201);
      regimes.push(r.body.id);
    }
    const reports = [];
    for (const regimeId of regimes)
      reports.push(await unitReport(regimeId, 'draft', { officer: w.as.ward, unitId: ward }));
    const answers = await Promise.all(
      reports.map((id) => w.as.wardLeader.post(`/api/reports/${id}/approve`, { confirmEmpty: true })),
    );
    for (const a of answers) ok(a, 'approve');
    assert.deepEqual(answers.map((a) => a.body.number).sort(), ['01', '02', '03']);

    // Sent, returned by the Sở and approved again, a report keeps its number.
    const first = answers[0]!.body;
    ok(await w.as.ward.post(`/api/reports/${first.id}/submit`), 'submit');
    ok(await w.as.skhcn.post(`/api/reports/${first.id}/return`, { reason: 'Bổ sung số liệu hội nghị' }), 'return');
    const reapproved = await w.as.wardLeader.post(`/api/reports/${first.id}/approve`, { confirmEmpty: true });
    ok(reapproved, 'approve again');
    assert.equal(reapproved.body.number, first.number);

    const rows = await w.d.db
      .selectFrom('unit_report')
      .select(['id', 'number_seq'])
      .where('unit_id', '=', ward)
      .orderBy('number_seq')
      .execute();
    assert.deepEqual(
      rows.map((r) => r.number_seq),
      [1, 2, 3],
    );
    await assert.rejects(
      w.d.db
        .updateTable('unit_report')
        .set({ number_seq: 1, number_year: 2026 })
        .where('id', '=', rows[1]!.id)
        .execute(),
      (e: any) => String(e.code ?? e.cause?.code) === '23505' || /unit_report_number_idx/.test(String(e.message)),
      'a second report numbered 1 in 2026 is refused by the unique index',
    );
  });
});
