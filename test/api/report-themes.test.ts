// The compiled report of the province's year gains what the other parts of the work add: the petitions received and
// answered (task 5) and the AI systems the units registered (task 3), as numbered clauses of section II, in the JSON
// and in the DOCX, with figures only (no sender, no internal note).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import JSZip from 'jszip';
import { Client } from '../support/api.ts';
import { issueProvincePlan, ok, openWorld, regimeOfPlan } from '../support/factories.ts';

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

  const r = await w.as.skhcn.get(`/api/regimes/${regimeId}/periods/2026/compiled`);
  ok(r, 'compiled');
  const themes = r.body.themes as Array<{ title: string; lines: string[] }>;
  const petitions = themes.find((x) => /kiến nghị/.test(x.title));
  assert.ok(petitions, JSON.stringify(themes));
  assert.match(petitions.lines[0]!, /tiếp nhận 1 kiến nghị, đề xuất, phản ánh/);
  assert.match(petitions.lines[0]!, /đang xử lý 1/);
  const ai = themes.find((x) => /trí tuệ nhân tạo/.test(x.title));
  assert.ok(ai, JSON.stringify(themes));
  assert.match(ai.lines[0]!, /Đã đăng ký 1 hệ thống trí tuệ nhân tạo/);

  const docx = await w.as.skhcn.request('GET', `/api/regimes/${regimeId}/periods/2026/compiled.docx`);
  assert.equal(docx.status, 200);
  const xml = await (await JSZip.loadAsync(Buffer.from(docx.body as ArrayBuffer)))
    .file('word/document.xml')!
    .async('string');
  const text = xml.replace(/<[^>]+>/g, '');
  for (const s of [petitions.title, petitions.lines[0]!, ai.title, ai.lines[0]!]) assert.ok(text.includes(s), s);
  for (const secret of ['Trần Thị Bích Ngọc', 'ngoc.tran@example.vn', 'GHI-CHÚ-NỘI-BỘ'])
    assert.ok(!text.includes(secret), secret);
  // The reporting situation moved down by the two clauses, and the opening points at it.
  assert.match(text, /tại mục II\.(\d+)\)/);
});
