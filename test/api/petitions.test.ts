// Petitions from the public: intake (codes, due dates on working days, other channels refused, honeypot,
// duplicates, rate limits), follow-up without personal data, handling from Sở KH&CN to a ward, the sender's
// identity kept to the handlers (and audited), deadlines stopped and extended, figures and retention.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { closing, docxParagraphs } from '../support/docx.ts';
import { ok, openWorld, type World } from '../support/factories.ts';
import { Client, testApp } from '../support/api.ts';
import { loadConfig } from '../../src/config.ts';
import { loadCalendar } from '../../src/modules/calendar/index.ts';
import { isWorkingDay } from '../../src/domain/calendar/working-days.ts';
import {
  applyPetitionRetention,
  petitionYearFigures,
  runPetitionReminders,
  seedPetitionDemo,
} from '../../src/modules/petitions/index.ts';
import { createTestDatabase } from '../support/db.ts';
import { actorFor } from '../../src/modules/auth/index.ts';
import { getUnitByCode } from '../../src/modules/org/index.ts';

const CAST = {
  skhcn: ['skhcn.cv', '38.SKHCN', ['officer']],
  skhcnLeader: ['skhcn.ld', '38.SKHCN', ['leader']],
  skhcnViewer: ['skhcn.xem', '38.SKHCN', ['viewer']],
  skhcnAdmin: ['skhcn.qt', '38.SKHCN', ['unitAdmin']],
  province: ['tinh.ld', '38', ['leader']],
  ward: ['nss.cv', '16516', ['officer']],
  wardLeader: ['nss.ld', '16516', ['leader']],
  otherWard: ['hacthanh.cv', '14797', ['officer']],
} as const satisfies Record<string, [string, string, Array<'officer' | 'leader' | 'viewer' | 'unitAdmin'>]>;

let w: World<typeof CAST>;
before(async () => {
  w = (await openWorld(CAST as never, ['16516', '14797', '38.SKHCN'])) as World<typeof CAST>;
});
after(() => w.close());

let n = 0;
const petition = (over: Record<string, unknown> = {}) => ({
  kind: 'proposal',
  subject: `Đề xuất hướng dẫn Điều 27 Luật Trí tuệ nhân tạo (${n++})`,
  content:
    'Đề nghị hướng dẫn cụ thể việc gắn nhãn nội dung do trí tuệ nhân tạo tạo ra theo Điều 27 của Luật, nhất là với doanh nghiệp nhỏ.',
  lawReference: 'Luật Trí tuệ nhân tạo, Điều 27',
  sender: { name: 'Trần Thị Bích Ngọc', email: 'ngoc.tran@example.vn', phone: '0912 345 678' },
  consent: true,
  ...over,
});

/** A petition sent by the public form, with the id the queue knows it by. */
async function sendPetition(over: Record<string, unknown> = {}) {
  const sent = await new Client(w.app).post('/api/public/petitions', petition(over));
  const { id } = await w.d.db
    .selectFrom('petition')
    .select('id')
    .where('code', '=', sent.body.code)
    .executeTakeFirstOrThrow();
  return { sent, id };
}

describe('public intake', () => {
  test('a proposal gets a code read over the phone and a due date on a working day', async () => {
    const r = await new Client(w.app).post('/api/public/petitions', petition());
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.match(r.body.code, /^KN-\d{4}-\d{6}$/);
    const cal = await loadCalendar(w.d.db);
    assert.ok(isWorkingDay(r.body.dueDate, cal), `${r.body.dueDate} is a working day`);
    assert.ok(r.body.dueDate > r.body.receivedOn);
  });

  test('a complaint (khiếu nại) is refused with the channel it belongs to', async () => {
    const r = await new Client(w.app).post('/api/public/petitions', petition({ kind: 'complaint' }));
    assert.equal(r.status, 422);
    assert.equal(r.body.error.code, 'petition.other_channel');
    assert.match(r.body.error.message, /Luật Khiếu nại/);
    assert.match(r.body.error.message, /Luật Tố cáo/);
  });

  test('short content, no way to answer, no consent: 400 naming each field in Vietnamese', async () => {
    const r = await new Client(w.app).post(
      '/api/public/petitions',
      petition({ content: 'Ngắn quá', sender: { name: 'An' }, consent: false }),
    );
    assert.equal(r.status, 400);
    const paths = r.body.error.issues.map((i: { path: string }) => i.path);
    assert.ok(paths.includes('content') && paths.includes('sender.email') && paths.includes('consent'), paths.join());
    assert.match(r.body.error.message, /Nội dung cần ít nhất 30 ký tự/);
    const english = await new Client(w.app).post(
      '/api/public/petitions',
      petition({ content: 'Please explain how the labelling rule applies to small companies in our town.' }),
    );
    assert.equal(english.status, 400);
    assert.match(english.body.error.message, /tiếng Việt/);
  });

  test('the hidden field answers like a receipt but stores nothing; a resend within a day is merged', async () => {
    const before = await w.d.db
      .selectFrom('petition')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const bot = await new Client(w.app).post('/api/public/petitions', petition({ website: 'http://spam.example' }));
    assert.equal(bot.status, 201);
    const body = petition();
    const first = await new Client(w.app).post('/api/public/petitions', body);
    const again = await new Client(w.app).post('/api/public/petitions', {
      ...body,
      content: `  ${body.content.toUpperCase()} `,
    });
    assert.equal(again.status, 201);
    assert.equal(again.body.code, first.body.code);
    const afterwards = await w.d.db
      .selectFrom('petition')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(Number(afterwards.n), Number(before.n) + 1);
  });

  test('per-address and global limits answer 429 with Retry-After', async () => {
    const defaults = loadConfig({});
    const app = testApp(w.d.db, w.d.backend, {
      petitions: { ...defaults.petitions, perAddressPerHour: 2, perHour: 1000 },
    });
    const c = new Client(app);
    for (let i = 0; i < 2; i++) assert.equal((await c.post('/api/public/petitions', petition())).status, 201);
    const r = await c.post('/api/public/petitions', petition());
    assert.equal(r.status, 429);
    assert.ok(Number(r.headers.get('retry-after')) > 0);
    const busy = testApp(w.d.db, w.d.backend, { petitions: { ...defaults.petitions, perHour: 1 } });
    const tooMany = await new Client(busy).post('/api/public/petitions', petition());
    assert.equal(tooMany.status, 429);
    assert.match(tooMany.body.error.message, /quá nhiều kiến nghị/);
  });
});

describe('handling', () => {
  test('Sở KH&CN classifies and routes to Nam Sầm Sơn; the ward drafts, its leader approves; the public sees the answer', async () => {
    const { skhcn, ward, wardLeader } = w.as;
    const sent = await new Client(w.app).post('/api/public/petitions', petition());
    const code = sent.body.code as string;
    const queue = await skhcn.get('/api/petitions?open=true&limit=200');
    assert.equal(queue.status, 200);
    const item = queue.body.items.find((i: { code: string }) => i.code === code);
    assert.equal(item.sender.name, 'Trần Thị Bích Ngọc', 'the receiving unit sees the sender');
    const id = item.id as number;
    assert.equal(
      (
        await skhcn.post(`/api/petitions/${id}/classify`, {
          topic: 'guidance',
          concerns: 'legalDocument',
          article: 'Điều 27',
        })
      ).status,
      200,
    );
    const routed = await skhcn.post(`/api/petitions/${id}/route`, { unitId: w.unitIds['16516'] });
    assert.equal(routed.status, 200, JSON.stringify(routed.body));
    const d = await ward.get(`/api/petitions/${id}`);
    assert.equal(d.body.senderContact.email, 'ngoc.tran@example.vn', 'the handling ward sees the contact');
    assert.equal(d.body.can.draftAnswer, true);
    assert.equal(d.body.can.approveAnswer, false);
    assert.equal(
      (
        await ward.post(`/api/petitions/${id}/answer`, {
          answer: 'Sở Khoa học và Công nghệ sẽ ban hành hướng dẫn gắn nhãn trong quý III.',
        })
      ).status,
      200,
    );
    assert.equal((await ward.post(`/api/petitions/${id}/approve`, {})).status, 403, 'an officer does not approve');
    const approved = await wardLeader.post(`/api/petitions/${id}/approve`, {});
    assert.equal(approved.status, 200, JSON.stringify(approved.body));
    const pub = await new Client(w.app).get(`/api/public/petitions/${code}`);
    assert.equal(pub.status, 200);
    assert.equal(pub.body.status, 'answered');
    assert.match(pub.body.answer, /hướng dẫn gắn nhãn/);
    assert.equal(pub.body.handlingUnit, (await getUnitByCode(w.d.db, '16516'))!.name);
    const list = await new Client(w.app).get('/api/public/petitions?q=gan nhan');
    assert.ok(
      list.body.items.some((i: { code: string }) => i.code === code),
      'found without accents',
    );
    for (const json of [JSON.stringify(pub.body), JSON.stringify(list.body)]) {
      assert.doesNotMatch(json, /Bích Ngọc|ngoc\.tran|0912/);
    }
    const views = await w.d.db
      .selectFrom('audit_log')
      .select('actor_username')
      .where('action', '=', 'petition.sender_view')
      .execute();
    assert.ok(views.some((v) => v.actor_username === 'nss.cv') && views.some((v) => v.actor_username === 'skhcn.cv'));
  });

  test('the identity stays with the holders; another ward does not see the petition at all', async () => {
    const { id } = await sendPetition();
    const viewer = await w.as.skhcnViewer.get(`/api/petitions/${id}`);
    assert.equal(viewer.status, 200);
    assert.equal(viewer.body.sender, null);
    assert.equal(viewer.body.senderContact, null);
    const province = await w.as.province.get(`/api/petitions/${id}`);
    assert.equal(province.status, 200);
    assert.equal(province.body.senderContact, null, 'UBND tỉnh reads, but is not a holder');
    assert.equal((await w.as.otherWard.get(`/api/petitions/${id}`)).status, 404);
    assert.equal((await w.as.ward.get(`/api/petitions/${id}`)).status, 404, 'not routed to the ward yet');
    const routeAway = await w.as.ward.post(`/api/petitions/${id}/route`, { unitId: w.unitIds['14797'] });
    assert.equal(routeAway.status, 404);
  });

  test('asking the sender stops the clock, going on restarts it; one extension with a reason', async () => {
    const { skhcn, skhcnLeader } = w.as;
    const { sent, id } = await sendPetition();
    assert.equal(
      (
        await skhcn.post(`/api/petitions/${id}/request-information`, {
          message: 'Đề nghị nêu rõ loại nội dung cần gắn nhãn.',
        })
      ).status,
      200,
    );
    assert.equal((await skhcn.get(`/api/petitions/${id}`)).body.tier, 'stopped');
    assert.equal(
      (await skhcn.post(`/api/petitions/${id}/answer`, { answer: 'Chưa thể trả lời khi đang chờ bổ sung.' })).status,
      409,
    );
    const resumed = await skhcn.post(`/api/petitions/${id}/resume`, {});
    assert.equal(resumed.body.dueDate, sent.body.dueDate, 'stopped and restarted on the same day: no day lost');
    const ext = await skhcnLeader.post(`/api/petitions/${id}/extend`, {
      reason: 'Cần xin ý kiến Bộ Khoa học và Công nghệ.',
    });
    assert.equal(ext.status, 200);
    assert.ok(ext.body.dueDate > sent.body.dueDate);
    assert.equal(
      (await skhcnLeader.post(`/api/petitions/${id}/extend`, { reason: 'Lần thứ hai thì không được.' })).status,
      409,
    );
    const pub = await new Client(w.app).get(`/api/public/petitions/${sent.body.code}`);
    assert.equal(pub.body.extensionReason, 'Cần xin ý kiến Bộ Khoa học và Công nghệ.');
    assert.equal(pub.body.dueDate, ext.body.dueDate);
  });

  test('a duplicate is merged into another and reads its answer; closing as not in scope', async () => {
    const { skhcn, skhcnLeader } = w.as;
    const a = await new Client(w.app).post(
      '/api/public/petitions',
      petition({ sender: { name: 'Lê Văn Hải', phone: '0987 000 111' } }),
    );
    const b = await new Client(w.app).post(
      '/api/public/petitions',
      petition({ sender: { name: 'Lê Văn Hải', phone: '0987 000 222' } }),
    );
    const id = async (code: string) =>
      (await w.d.db.selectFrom('petition').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
    const merged = await skhcn.post(`/api/petitions/${await id(b.body.code)}/merge`, { intoId: await id(a.body.code) });
    assert.equal(merged.status, 200, JSON.stringify(merged.body));
    assert.equal((await new Client(w.app).get(`/api/public/petitions/${b.body.code}`)).body.mergedInto, a.body.code);
    await skhcn.post(`/api/petitions/${await id(a.body.code)}/answer`, {
      answer: 'Một trả lời chung cho các kiến nghị cùng nội dung về gắn nhãn.',
    });
    assert.equal((await skhcnLeader.post(`/api/petitions/${await id(a.body.code)}/approve`, {})).status, 200);
    const dup = await new Client(w.app).get(`/api/public/petitions/${b.body.code}`);
    assert.match(dup.body.answer, /Một trả lời chung/, "the duplicate's sender reads the one answer");
    const c = await new Client(w.app).post(
      '/api/public/petitions',
      petition({ sender: { name: 'Lê Văn Hải', phone: '0987 000 333' } }),
    );
    const closed = await skhcnLeader.post(`/api/petitions/${await id(c.body.code)}/close`, {
      outcome: 'notInScope',
      reason: 'Nội dung thuộc thẩm quyền của Bộ.',
    });
    assert.equal(closed.status, 200);
  });
});

test('yearly figures by unit and topic, and retention that keeps the anonymised record', async () => {
  const province = (await getUnitByCode(w.d.db, '38'))!;
  const year = Number(new Date().toISOString().slice(0, 4));
  const f = await petitionYearFigures(w.d.db, province.id, year);
  assert.ok(f.total.received >= 5);
  assert.ok(f.total.answeredOnTime >= 1);
  assert.equal(
    f.total.received,
    f.total.answeredOnTime + f.total.answeredLate + f.total.closedOtherwise + f.total.open,
  );
  assert.ok(f.byTopic.some((t) => t.key === 'guidance'));
  const cleared = await applyPetitionRetention(w.d.db, 0);
  assert.ok(cleared >= 1);
  const left = await w.d.db
    .selectFrom('petition')
    .select(['sender_name', 'sender_email', 'subject'])
    .where('closed_on', 'is not', null)
    .execute();
  assert.ok(left.every((p) => p.sender_name === null && p.sender_email === null && p.subject));
});

test('demo content: petitions in several states, through the use cases', async () => {
  const fresh = await createTestDatabase();
  try {
    const as = async (username: string) => {
      const u = await fresh.db
        .selectFrom('app_user')
        .select('id')
        .where('username', '=', username)
        .executeTakeFirstOrThrow();
      return { db: fresh.db, actor: await actorFor(fresh.db, u.id), ip: 'demo' };
    };
    const actors = {
      skhcn: await as('skhcn.chuyenvien'),
      wardOfficer: await as('namsamson.chuyenvien'),
      wardLeader: await as('namsamson.lanhdao'),
    };
    assert.equal(await seedPetitionDemo(fresh.db, actors), true);
    const states = (await fresh.db.selectFrom('petition').select('status').orderBy('id').execute()).map(
      (r) => r.status,
    );
    assert.deepEqual(states, ['answered', 'classified', 'waitingForSender', 'received']);
    assert.equal(await seedPetitionDemo(fresh.db, actors), false, 'only once');
  } finally {
    await fresh.close();
  }
});

test("documents: the công văn trả lời for the holders (audited), the year's figures as XLSX for readers", async () => {
  const { skhcn, skhcnLeader, skhcnViewer } = w.as;
  const { sent, id } = await sendPetition();
  assert.equal((await skhcn.get(`/api/petitions/${id}/answer.docx`)).status, 409, 'no answer yet');
  await skhcn.post(`/api/petitions/${id}/answer`, {
    answer: 'Sở Khoa học và Công nghệ ghi nhận và sẽ hướng dẫn trong quý III.',
  });
  await skhcnLeader.post(`/api/petitions/${id}/approve`, { publish: false });
  const docx = await skhcn.get(`/api/petitions/${id}/answer.docx`);
  assert.equal(docx.status, 200);
  assert.match(docx.headers.get('content-type')!, /wordprocessingml/);
  const JSZip = (await import('jszip')).default;
  const xml = await (await JSZip.loadAsync(Buffer.from(docx.body))).file('word/document.xml')!.async('string');
  assert.match(xml, /Kính gửi/);
  assert.match(xml, new RegExp(sent.body.code));
  assert.equal((await skhcnViewer.get(`/api/petitions/${id}/answer.docx`)).status, 403);
  const sky = await getUnitByCode(w.d.db, '38.SKHCN');
  const xlsx = await skhcn.get(
    `/api/petitions/figures.xlsx?unitId=${sky!.id}&year=${sent.body.receivedOn.slice(0, 4)}`,
  );
  assert.equal(xlsx.status, 200);
  assert.match(xlsx.headers.get('content-type')!, /spreadsheetml/);
  assert.doesNotMatch(Buffer.from(xlsx.body).toString('latin1'), /ngoc\.tran/);
  // Not published: the follow-up shows the state, not the answer.
  const pub = await new Client(w.app).get(`/api/public/petitions/${sent.body.code}`);
  assert.equal(pub.body.status, 'answered');
  assert.equal(pub.body.answer, null);
});

test("the công văn trả lời is signed by the signer the leader picks among the unit's, filed with its division", async () => {
  const { skhcn, skhcnLeader, skhcnAdmin } = w.as;
  const sky = (await getUnitByCode(w.d.db, '38.SKHCN'))!;
  const settingsPath = `/api/units/${sky.id}/document-settings`;
  const settings = (signers: Array<[string, string, string, boolean]>) => ({
    signers: signers.map(([title, name, authority, isDefault]) => ({ title, name, authority, isDefault })),
    draftingDivision: 'QLCN',
    symbolSuffix: null,
  });
  ok(
    await skhcnAdmin.put(
      settingsPath,
      settings([
        ['Giám đốc', 'Lê Văn Dũng', 'none', true],
        ['Phó Giám đốc', 'Phạm Thu Hà', 'KT', false],
      ]),
    ),
    'settings',
  );
  const saved = (await skhcnLeader.get(settingsPath)).body as { signers: Array<{ key: number; name: string }> };
  const deputy = saved.signers.find((s) => s.name === 'Phạm Thu Hà')!.key;
  const { id } = await sendPetition();
  ok(
    await skhcn.post(`/api/petitions/${id}/answer`, { answer: 'Sở Khoa học và Công nghệ sẽ hướng dẫn trong quý III.' }),
    'answer',
  );
  // Before approval the draft shows the unit's default signer.
  assert.deepEqual(closing(await docxParagraphs(skhcn, `/api/petitions/${id}/answer.docx`), 1).block, [
    'GIÁM ĐỐC',
    'Lê Văn Dũng',
  ]);
  // A key that is none of the unit's: 422 naming the field, nothing approved.
  const wrong = await skhcnLeader.post(`/api/petitions/${id}/approve`, { publish: false, signerKey: 999 });
  assert.equal(wrong.status, 422);
  assert.ok(wrong.body.error.issues.some((d: { path: string }) => d.path === 'signerKey'));
  assert.equal((await skhcn.get(`/api/petitions/${id}`)).body.status, 'inProgress');
  ok(await skhcnLeader.post(`/api/petitions/${id}/approve`, { publish: false, signerKey: deputy }), 'approve');
  const signed = closing(await docxParagraphs(skhcn, `/api/petitions/${id}/answer.docx`), 3);
  assert.equal(signed.filing, '- Lưu: VT, QLCN.');
  assert.deepEqual(signed.block, ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', 'Phạm Thu Hà']);
  // The settings change later: the approved answer still prints who signed it.
  ok(await skhcnAdmin.put(settingsPath, settings([['Giám đốc', 'Lê Văn Dũng', 'none', true]])), 'settings changed');
  const again = closing(await docxParagraphs(skhcn, `/api/petitions/${id}/answer.docx`), 3);
  assert.deepEqual(again.block, ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', 'Phạm Thu Hà']);
  ok(await skhcnAdmin.put(settingsPath, { signers: [], draftingDivision: null, symbolSuffix: null }), 'reset');
});

test('reminders: one notification per tier to the handling unit; an unknown task is not linked', async () => {
  const sent = await new Client(w.app).post('/api/public/petitions', petition());
  const { id } = await w.d.db
    .updateTable('petition')
    .set({ due_date: '2026-01-05' })
    .where('code', '=', sent.body.code)
    .returning('id')
    .executeTakeFirstOrThrow();
  assert.ok((await runPetitionReminders(w.d.db, '2026-01-06')) >= 1);
  const notes = await w.d.db
    .selectFrom('notification')
    .select('title')
    .where('link', '=', `/kien-nghi/${id}`)
    .where('kind', '=', 'petition.overdue')
    .execute();
  assert.equal(notes.length, 1);
  assert.equal(await runPetitionReminders(w.d.db, '2026-01-07'), 0, 'same tier: no second reminder');
  assert.ok((await runPetitionReminders(w.d.db, '2026-03-02')) >= 1, 'very overdue: reminded again');
  const very = await w.as.skhcn.get('/api/petitions?tier=veryOverdue&limit=200');
  assert.ok(very.body.items.some((i: { id: number }) => i.id === id));
  assert.ok(very.body.items.every((i: { tier: string }) => i.tier === 'veryOverdue'));
  const soon = await w.as.skhcn.get('/api/petitions?tier=dueSoon&limit=200');
  assert.ok(!soon.body.items.some((i: { id: number }) => i.id === id));
  const unknown = await w.as.skhcn.post(`/api/petitions/${id}/task`, { taskId: 2_147_483_000 });
  assert.equal(unknown.status, 404);
  assert.equal(unknown.body.error.issues[0].path, 'taskId');
  assert.equal((await w.as.skhcn.post(`/api/petitions/${id}/task`, { taskId: null })).status, 200);
});
