// The compiled report of the province's year gains what the other parts of the work add: the petitions received and
// answered (task 5) and the AI systems the units registered (task 3), as numbered clauses of section II, in the JSON
// and in the DOCX, with figures only (no sender, no internal note).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import JSZip from 'jszip';
import { Client } from '../support/api.ts';
import {
  findAssignment,
  issueProvincePlan,
  ok,
  openWorld,
  recordProgress,
  regimeOfPlan,
} from '../support/factories.ts';

test('the compiled report has a clause on petitions and one on AI systems, in JSON and DOCX', async (t) => {
  const w = await openWorld(
    {
      skhcn: ['skhcn.cv', '38.SKHCN', ['officer']],
      leader: ['tinh.ld', '38', ['leader']],
      ward: ['nss.cv', '16516', ['officer']],
    },
    ['38', '16516'],
  );
  t.after(() => w.close());
  const planId = await issueProvincePlan(w.unitIds['38']!, { officer: w.as.skhcn, leader: w.as.leader });
  const regimeId = await regimeOfPlan(w.as.skhcn, planId);

  const sent = await new Client(w.app).post('/api/public/petitions', {
    kind: 'proposal',
    subject: 'Đề xuất hướng dẫn gắn nhãn nội dung do trí tuệ nhân tạo tạo ra',
    content:
      'Đề nghị hướng dẫn cụ thể việc gắn nhãn nội dung do trí tuệ nhân tạo tạo ra theo Điều 27 của Luật, nhất là với doanh nghiệp nhỏ.',
    sender: { name: 'Trần Thị Bích Ngọc', email: 'ngoc.tran@example.vn' },
    consent: true,
  });
  ok(sent, 'petition', 201);
  ok(
    await w.as.ward.post('/api/ai-systems', {
      unitId: w.unitIds['16516'],
      product: {
        name: 'Trợ lý ảo Một cửa',
        provider: 'Công ty Thử nghiệm',
        version: '1.0',
        function: 'Trả lời người dân.',
      },
      purpose: 'Trả lời người dân về thủ tục hành chính.',
      scope: 'Bộ phận Một cửa',
      usersServed: 'Người dân',
      inputData: 'Câu hỏi',
      personalData: false,
      outputUse: 'Tham khảo',
      automation: 'partial',
      humanOversight: 'Cán bộ theo dõi',
      internalNotes: 'GHI-CHÚ-NỘI-BỘ',
    }),
    'ai use',
    201,
  );

  // Task 4: Sở KH&CN publishes a dataset of the provincial AI database and records it as the task's deliverable.
  const ds = await w.as.skhcn.post('/api/datasets', {
    unitId: w.unitIds['38.SKHCN'],
    title: 'Danh mục điểm truy cập Internet công cộng',
    sector: 'khoa-hoc-cong-nghe',
    accessClass: 'open',
  });
  ok(ds, 'dataset', 201);
  const csv = 'ma_xa,ten_diem,so_may\n16516,Bưu điện văn hóa phường,4\n14797,Nhà văn hóa khu phố,2\n';
  ok(
    await w.as.skhcn.post(`/api/datasets/${ds.body.id}/resources`, {
      filename: 'diem-truy-cap.csv',
      contentBase64: Buffer.from(csv).toString('base64'),
    }),
    'resource',
    201,
  );
  ok(await w.as.leader.post(`/api/datasets/${ds.body.id}/publish`), 'publish');
  const task4 = await findAssignment(w.as.skhcn, `planId=${planId}`, '4', '38.SKHCN');
  const wrongKind = await w.as.skhcn.post(`/api/assignments/${task4.id}/updates`, {
    percent: 10,
    occurredOn: '2026-06-01',
    deliverables: [{ kind: 'document', title: 'Sai loại', occurredOn: '2026-06-01', datasetId: ds.body.id }],
  });
  assert.equal(wrongKind.status, 422);
  const unknown = await w.as.skhcn.post(`/api/assignments/${task4.id}/updates`, {
    percent: 10,
    occurredOn: '2026-06-01',
    deliverables: [{ kind: 'dataset', title: 'Không có', occurredOn: '2026-06-01', datasetId: 999_999 }],
  });
  assert.equal(unknown.status, 404);
  assert.equal(unknown.body.error.issues[0].path, 'deliverables.0.datasetId');
  await recordProgress(w.as.skhcn, task4.id, {
    percent: 20,
    deliverables: [
      {
        kind: 'dataset',
        title: 'Danh mục điểm truy cập Internet công cộng',
        occurredOn: '2026-06-01',
        datasetId: ds.body.id,
      },
    ],
  });
  const detail = await w.as.skhcn.get(`/api/assignments/${task4.id}`);
  const delivered = detail.body.updates.flatMap(
    (u: { deliverables: Array<{ datasetId: number | null }> }) => u.deliverables,
  );
  assert.ok(delivered.some((d: { datasetId: number | null }) => d.datasetId === ds.body.id));

  const r = await w.as.skhcn.get(`/api/regimes/${regimeId}/periods/2026/compiled`);
  ok(r, 'compiled');
  const themes = r.body.themes as Array<{ title: string; lines: string[] }>;
  const petitions = themes.find((x) => /kiến nghị/.test(x.title));
  assert.ok(petitions, JSON.stringify(themes));
  assert.match(petitions.lines[0]!, /tiếp nhận 1 kiến nghị, đề xuất, phản ánh/);
  assert.match(petitions.lines[0]!, /đang xử lý 1/);
  const ai = themes.find((x) => /^Hệ thống trí tuệ nhân tạo/.test(x.title));
  assert.ok(ai, JSON.stringify(themes));
  assert.match(ai.lines[0]!, /Đã đăng ký 1 hệ thống trí tuệ nhân tạo/);
  const data = themes.find((x) => /Cơ sở dữ liệu phục vụ/.test(x.title));
  assert.ok(data, JSON.stringify(themes));
  assert.match(data.lines[0]!, /có 1 bộ dữ liệu đã công bố \(dữ liệu mở 1/);
  assert.ok(
    data.lines.some((l) => /1 bộ dữ liệu được ghi nhận là sản phẩm của nhiệm vụ/.test(l)),
    data.lines.join(' | '),
  );
  assert.ok(
    data.lines.some((l) => /0\/1 bộ đã được tiếp nhận/.test(l)),
    'not yet delivered to the national node',
  );

  const docx = await w.as.skhcn.request('GET', `/api/regimes/${regimeId}/periods/2026/compiled.docx`);
  assert.equal(docx.status, 200);
  const xml = await (await JSZip.loadAsync(Buffer.from(docx.body as ArrayBuffer)))
    .file('word/document.xml')!
    .async('string');
  const text = xml.replace(/<[^>]+>/g, '');
  for (const s of [petitions.title, petitions.lines[0]!, ai.title, ai.lines[0]!]) assert.ok(text.includes(s), s);
  for (const secret of ['Trần Thị Bích Ngọc', 'ngoc.tran@example.vn', 'GHI-CHÚ-NỘI-BỘ'])
    assert.ok(!text.includes(secret), secret);
  // The reporting situation moved down by the clauses; Section I tells what the units did, not a count (issue 9).
  assert.match(text, /[3-9]\. Tình hình gửi báo cáo/);
  assert.ok(!text.includes('đã tổng hợp kết quả từ báo cáo của'));
});
