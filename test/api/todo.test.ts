// "Việc cần làm" (GET /api/me/todo): each person sees what waits for them, from every module, and nothing of units
// out of their reach. Built through the real API: the province plan issued and cascaded to phường Nam Sầm Sơn, the
// ward's plan issued with a task due 30/6/2026, a difficulty raised to the province, the ward's report sent.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  cascade,
  closeStages,
  createPlanFromSeed,
  editDraft,
  issuePlan,
  issueProvincePlan,
  ok,
  openWorld,
  raiseObstacle,
  findAssignment,
  regimeOfPlan,
  stage,
  unitReport,
  type Cast,
  type World,
} from '../support/factories.ts';

const CAST = {
  skhcn: ['skhcn.cv', '38.SKHCN', ['officer']],
  leader: ['tinh.ld', '38', ['leader']],
  ward: ['nss.cv', '16516', ['officer']],
  wardLeader: ['nss.ld', '16516', ['leader']],
  otherWard: ['hacthanh.cv', '14797', ['officer']],
} satisfies Cast;

type TodoWorld = World<typeof CAST> & {
  provincePlanId: number;
  wardPlanId: number;
  obstacleId: number;
  reportId: number;
};

const working = stage(async () => {
  const w = (await openWorld(CAST, ['38', '16516', '14797'])) as TodoWorld;
  w.provincePlanId = await issueProvincePlan(w.unitIds['38']!, { officer: w.as.skhcn, leader: w.as.leader });
  w.wardPlanId = (await cascade(w.as.skhcn, w.provincePlanId, [w.unitIds['16516']!])).get(w.unitIds['16516']!)!;
  await editDraft(w.as.ward, w.wardPlanId, (draft) => {
    draft.tasks.find((t: any) => t.number === '3.2').timeframe = {
      text: 'Trước ngày 30/6/2026',
      schedule: {
        kind: 'deadline',
        start: null,
        end: '2026-06-30',
        recurrence: null,
        dueDay: null,
        dueDates: ['2026-06-30'],
      },
    };
  });
  await issuePlan(w.wardPlanId, { officer: w.as.ward, leader: w.as.wardLeader, number: '05', date: '2026-05-20' });
  const task1 = await findAssignment(w.as.ward, `unitId=${w.unitIds['16516']}&year=2026`, '1', '16516.PVHXH');
  w.obstacleId = await raiseObstacle(w.as.ward, task1.id, {
    percent: 10,
    narrative: 'Đang chuẩn bị hội nghị quán triệt.',
    obstacles: [
      {
        kind: 'difficulty',
        content: 'Chưa có tài liệu hướng dẫn thi hành Luật Trí tuệ nhân tạo bằng tiếng Việt dễ hiểu.',
      },
    ],
  });
  const regimeId = await regimeOfPlan(w.as.skhcn, w.provincePlanId);
  w.reportId = await unitReport(regimeId, 'submitted', { officer: w.as.ward, leader: w.as.wardLeader });
  return w;
});
after(() => closeStages(working));

const todoOf = async (c: World['as'][string]) => {
  const r = await c.get('/api/me/todo');
  ok(r, 'todo');
  return r.body as {
    today: string;
    items: Array<{
      kind: string;
      title: string;
      link: string;
      urgency: string;
      unitName?: string | null;
      dueDate: string | null;
    }>;
  };
};

describe('việc cần làm', () => {
  test('the focal officer: the difficulty to answer, the report to review, the communes still without a plan', async () => {
    const w = await working.shared();
    const { items } = await todoOf(w.as.skhcn);
    const obstacle = items.find((i) => i.kind === 'obstacle.answer');
    assert.ok(obstacle, JSON.stringify(items));
    assert.equal(obstacle.link, `/kho-khan?hop=den#kk-${w.obstacleId}`);
    assert.match(obstacle.unitName ?? '', /Nam Sầm Sơn/);
    const review = items.find((i) => i.kind === 'report.review');
    assert.ok(review && review.link === `/bao-cao/${w.reportId}`, JSON.stringify(items));
    const toCascade = items.find((i) => i.kind === 'plan.cascade');
    assert.ok(toCascade, JSON.stringify(items));
    assert.match(toCascade.title, /còn 165 xã, phường chưa có kế hoạch/);
    assert.equal(toCascade.link, `/ke-hoach/${w.provincePlanId}/trien-khai`);
  });

  test("the ward officer: the ward's late task, nothing the province must do", async () => {
    const w = await working.shared();
    const { items, today } = await todoOf(w.as.ward);
    const late = items.filter((i) => i.kind === 'assignment.overdue');
    if (today > '2026-06-30') {
      assert.ok(
        late.some((i) => /^Nhiệm vụ 3\.2:/.test(i.title) && i.dueDate === '2026-06-30' && i.urgency === 'late'),
        JSON.stringify(items),
      );
    }
    assert.ok(late.every((i) => i.urgency === 'late'));
    for (const kind of ['obstacle.answer', 'report.review', 'plan.cascade', 'report.submit']) {
      assert.ok(!items.some((i) => i.kind === kind), `${kind} is not the ward's: ${JSON.stringify(items)}`);
    }
    // Late first.
    const urgencies = items.map((i) => ['late', 'soon', 'later', 'none'].indexOf(i.urgency));
    assert.deepEqual(
      urgencies,
      [...urgencies].sort((a, b) => a - b),
    );
  });

  test("another ward sees its own report to write and nothing of Nam Sầm Sơn's", async () => {
    const w = await working.shared();
    const { items } = await todoOf(w.as.otherWard);
    assert.ok(
      !items.some((i) => (i.unitName ?? '').includes('Nam Sầm Sơn') || i.link.includes(`/bao-cao/${w.reportId}`)),
      JSON.stringify(items),
    );
    const report = items.find((i) => i.kind === 'report.submit');
    assert.ok(report, JSON.stringify(items));
    assert.match(report.link, /^\/che-do-bao-cao\/\d+$/);
  });

  test("a plan submitted for approval waits in the leader's list, not in the officer's", async (t) => {
    const w = await working.fresh(t);
    const draftId = await createPlanFromSeed(w.as.skhcn, w.unitIds['38']!);
    ok(await w.as.skhcn.post(`/api/plans/${draftId}/submit`), 'submit');
    const leader = await todoOf(w.as.leader);
    assert.ok(
      leader.items.some((i) => i.kind === 'plan.approve' && i.link === `/ke-hoach/${draftId}`),
      JSON.stringify(leader.items),
    );
    const officer = await todoOf(w.as.skhcn);
    assert.ok(!officer.items.some((i) => i.kind === 'plan.approve'));
    ok(
      await w.as.leader.post(`/api/plans/${draftId}/return`, { reason: 'Bổ sung nguồn kinh phí cho nhiệm vụ 4.' }),
      'return',
    );
    const returned = await todoOf(w.as.skhcn);
    assert.ok(
      returned.items.some((i) => i.kind === 'plan.submit' && /Bổ sung nguồn kinh phí/.test(i.title)),
      JSON.stringify(returned.items),
    );
  });

  test('nobody signed in has no to-do', async () => {
    const w = await working.shared();
    const anon = new (w.as.ward.constructor as any)(w.app);
    assert.equal((await anon.get('/api/me/todo')).status, 401);
  });
});
