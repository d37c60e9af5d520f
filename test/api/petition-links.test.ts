// Petitions about records of the other registers: the public sends feedback on a published AI system (Mẫu AI02
// §V.3) or a published dataset; it reaches the level that operates the system, its operator is told, handlers find
// the petitions about a record, and link or unlink records they may read.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { ok, openWorld, type World } from '../support/factories.ts';
import { Client } from '../support/api.ts';

const CAST = {
  skhcn: ['skhcn.cv', '38.SKHCN', ['officer']],
  skhcnLeader: ['skhcn.ld', '38.SKHCN', ['leader']],
  ward: ['nss.cv', '16516', ['officer']],
  wardLeader: ['nss.ld', '16516', ['leader']],
  otherWard: ['hacthanh.cv', '14797', ['officer']],
} as const satisfies Record<string, [string, string, Array<'officer' | 'leader'>]>;

let w: World<typeof CAST>;
let useId: number;
let draftUseId: number;
let datasetId: number;
let draftDatasetId: number;

const ANSWERS = {
  onHighRiskList: false,
  interactsWithPublic: false,
  clearlyAiTool: true,
  rightsImpact: [],
  decisionUse: 'none',
  significantHarm: false,
  humanReviewBeforeEffect: true,
};

async function aiUse(published: boolean): Promise<number> {
  const r = await w.as.ward.post('/api/ai-systems', {
    unitId: w.unitIds['16516'],
    purpose: 'Trả lời câu hỏi thường gặp của người dân về thủ tục hành chính.',
    product: {
      name: published ? 'Trợ lý hỏi đáp Nam Sầm Sơn' : 'Trợ lý nháp',
      provider: 'Công ty Kiểm thử',
      function: 'Hỏi đáp',
    },
  });
  ok(r, 'ai use', 201);
  if (published) {
    ok(await w.as.ward.post(`/api/ai-systems/${r.body.id}/classification`, { answers: ANSWERS }), 'classify');
    ok(await w.as.wardLeader.post(`/api/ai-systems/${r.body.id}/publish`), 'publish use');
  }
  return r.body.id;
}

async function dataset(title: string, published: boolean): Promise<number> {
  const r = await w.as.skhcn.post('/api/datasets', {
    unitId: w.unitIds['38.SKHCN'],
    title,
    sector: 'khoa-hoc-cong-nghe',
    accessClass: 'open',
  });
  ok(r, 'dataset', 201);
  if (published) {
    const csv = 'ma_xa,so_diem\n16516,4\n14797,2\n';
    ok(
      await w.as.skhcn.post(`/api/datasets/${r.body.id}/resources`, {
        filename: 'diem.csv',
        contentBase64: Buffer.from(csv).toString('base64'),
      }),
      'file',
      201,
    );
    ok(await w.as.skhcnLeader.post(`/api/datasets/${r.body.id}/publish`), 'publish dataset');
  }
  return r.body.id;
}

before(async () => {
  w = (await openWorld(CAST as never, ['16516', '16516.PVHXH', '14797', '38.SKHCN'])) as World<typeof CAST>;
  useId = await aiUse(true);
  draftUseId = await aiUse(false);
  datasetId = await dataset('Điểm truy cập Internet công cộng', true);
  draftDatasetId = await dataset('Bản nháp dữ liệu', false);
});
after(() => w.close());

const petition = (over: Record<string, unknown> = {}) => ({
  kind: 'feedback',
  subject: 'Trợ lý hỏi đáp trả lời sai thời hạn cấp giấy phép',
  content:
    'Trợ lý hỏi đáp của phường trả lời thời hạn cấp giấy phép kinh doanh là 3 ngày, trong khi quy định là 5 ngày làm việc.',
  sender: { name: 'Lê Văn Bình', email: 'binh.le@example.vn' },
  consent: true,
  ...over,
});

test('feedback on a published AI system goes to the ward that operates it, linked, and its operator is told', async () => {
  const r = await new Client(w.app).post('/api/public/petitions', petition({ aiSystemId: useId }));
  ok(r, 'petition', 201);
  const row = await w.d.db
    .selectFrom('petition')
    .select(['id', 'ai_use_id', 'receiving_unit_id'])
    .where('code', '=', r.body.code)
    .executeTakeFirstOrThrow();
  assert.equal(row.ai_use_id, useId);
  assert.equal(row.receiving_unit_id, w.unitIds['16516.PVHXH'], "the ward's Phòng Văn hóa - Xã hội receives it");
  const list = await w.as.ward.get(`/api/petitions?aiSystemId=${useId}`);
  ok(list, 'list about the system');
  assert.deepEqual(
    list.body.items.map((i: { code: string }) => i.code),
    [r.body.code],
  );
  const detail = await w.as.ward.get(`/api/petitions/${row.id}`);
  assert.deepEqual(detail.body.aiSystem, {
    id: useId,
    name: 'Trợ lý hỏi đáp Nam Sầm Sơn',
    unitName: 'Phường Nam Sầm Sơn',
  });
  const told = await w.d.db
    .selectFrom('notification')
    .select(['unit_id', 'title'])
    .where('kind', 'in', ['petition.received', 'petition.about_record'])
    .where('title', 'like', `%${r.body.code}%`)
    .execute();
  assert.ok(told.length >= 1, JSON.stringify(told));
  assert.equal((await w.as.otherWard.get(`/api/petitions/${row.id}`)).status, 404);
});

test('the public cannot name an unpublished AI system or dataset: 404 on the field', async () => {
  const ai = await new Client(w.app).post('/api/public/petitions', petition({ aiSystemId: draftUseId }));
  assert.equal(ai.status, 404);
  assert.equal(ai.body.error.issues[0].path, 'aiSystemId');
  const ds = await new Client(w.app).post('/api/public/petitions', petition({ datasetId: draftDatasetId }));
  assert.equal(ds.status, 404);
  assert.equal(ds.body.error.issues[0].path, 'datasetId');
  const unknown = await new Client(w.app).post('/api/public/petitions', petition({ aiSystemId: 999_999 }));
  assert.equal(unknown.status, 404);
});

test('a comment on a published dataset goes to Sở KH&CN, linked; handlers link and unlink what they may read', async () => {
  const r = await new Client(w.app).post(
    '/api/public/petitions',
    petition({ subject: 'Đề nghị bổ sung điểm truy cập của xã Quảng Ngọc', datasetId }),
  );
  ok(r, 'petition', 201);
  const id = (
    await w.d.db.selectFrom('petition').select('id').where('code', '=', r.body.code).executeTakeFirstOrThrow()
  ).id;
  const detail = await w.as.skhcn.get(`/api/petitions/${id}`);
  assert.equal(detail.body.dataset.title, 'Điểm truy cập Internet công cộng');
  // Sở KH&CN follows the province: the ward's draft AI system is readable for it, so it may link it.
  ok(await w.as.skhcn.post(`/api/petitions/${id}/records`, { aiSystemId: draftUseId }), 'link');
  const linked = await w.as.skhcn.get(`/api/petitions/${id}`);
  assert.equal(linked.body.aiSystem.id, draftUseId);
  assert.equal(linked.body.dataset.id, datasetId, 'an absent key leaves the other link as it is');
  ok(await w.as.skhcn.post(`/api/petitions/${id}/records`, { datasetId: null }), 'unlink');
  assert.equal((await w.as.skhcn.get(`/api/petitions/${id}`)).body.dataset, null);
  const history = (await w.as.skhcn.get(`/api/petitions/${id}`)).body.history.map((h: { note: string }) => h.note);
  assert.ok(
    history.some((n: string) => /Bỏ liên kết bộ dữ liệu/.test(n)),
    history.join(' | '),
  );
});

test("a ward's handler cannot link Sở KH&CN's draft dataset: 404 on the field, like an unknown id", async () => {
  const r = await new Client(w.app).post('/api/public/petitions', petition({ communeCode: '16516' }));
  ok(r, 'petition', 201);
  const id = (
    await w.d.db.selectFrom('petition').select('id').where('code', '=', r.body.code).executeTakeFirstOrThrow()
  ).id;
  const hidden = await w.as.ward.post(`/api/petitions/${id}/records`, { datasetId: draftDatasetId });
  const unknown = await w.as.ward.post(`/api/petitions/${id}/records`, { datasetId: 999_999 });
  assert.equal(hidden.status, 404);
  assert.deepEqual(hidden.body, unknown.body);
  ok(await w.as.ward.post(`/api/petitions/${id}/records`, { datasetId }), 'a published dataset is readable to all');
});

test("the dashboard's petition figures of a ward's subtree: the ones it received, by topic and handling unit", async () => {
  const year = new Date().getFullYear();
  const r = await w.as.ward.get(`/api/petitions/figures?unitId=${w.unitIds['16516']}&year=${year}`);
  ok(r, 'figures');
  const ward = w.unitIds['16516'] as number;
  const { rows } = await sql<{ id: number }>`SELECT p.id FROM petition p
    JOIN unit ru ON ru.id = p.receiving_unit_id JOIN unit hu ON hu.id = p.handling_unit_id
    WHERE ru.path @> ARRAY[${ward}]::integer[] OR hu.path @> ARRAY[${ward}]::integer[]`.execute(w.d.db);
  assert.equal(r.body.total.received, rows.length);
  assert.ok(r.body.total.received >= 1);
  assert.equal(r.body.total.open, r.body.total.received, 'none answered yet');
  assert.equal(
    r.body.byTopic.reduce((n: number, t: { received: number }) => n + t.received, 0),
    r.body.total.received,
  );
  assert.equal(
    (await w.as.otherWard.get(`/api/petitions/figures?unitId=${w.unitIds['16516']}&year=${year}`)).status,
    404,
  );
});

test('one answer for several similar petitions: all drafted at once, or none when one is not the handler’s', async () => {
  const send = async (n: number, communeCode: string) => {
    const r = await new Client(w.app).post(
      '/api/public/petitions',
      petition({
        communeCode,
        subject: `Hỏi về thời hạn gắn nhãn nội dung AI (${n})`,
        content: `Đề nghị cho biết thời hạn gắn nhãn nội dung do trí tuệ nhân tạo tạo ra đối với cơ sở kinh doanh nhỏ, lần ${n}.`,
        sender: { name: 'Người Gửi Thử', email: `bulk${n}@example.vn` },
      }),
    );
    ok(r, 'petition', 201);
    return (await w.d.db.selectFrom('petition').select('id').where('code', '=', r.body.code).executeTakeFirstOrThrow())
      .id;
  };
  const [a, b, other] = [await send(1, '16516'), await send(2, '16516'), await send(3, '14797')];
  const answer =
    'Thời hạn gắn nhãn nội dung do trí tuệ nhân tạo tạo ra thực hiện theo Điều 11 của Luật và hướng dẫn của Bộ Khoa học và Công nghệ.';
  const mixed = await w.as.ward.post('/api/petitions/answers', { ids: [a, other], answer });
  assert.equal(mixed.status, 404);
  assert.equal(mixed.body.error.issues[0].path, 'ids.1');
  assert.equal((await w.as.ward.get(`/api/petitions/${a}`)).body.answer, null, 'none drafted');
  const r = await w.as.ward.post('/api/petitions/answers', { ids: [a, b], answer });
  ok(r, 'bulk answer');
  for (const id of [a, b]) {
    const p = (await w.as.ward.get(`/api/petitions/${id}`)).body;
    assert.equal(p.status, 'inProgress');
    assert.equal(p.answer, answer);
    assert.equal(p.can.approveAnswer, false, 'an officer does not approve');
  }
  assert.equal((await w.as.ward.post('/api/petitions/answers', { ids: [a, a], answer })).status, 400);
  ok(await w.as.wardLeader.post(`/api/petitions/${a}/approve`, {}), 'the leader approves each');
});
