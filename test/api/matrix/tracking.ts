// Tracking routes: assignments, progress updates, evidence, obstacles, notifications, the working-day calendar.
// Fixtures, made through the API as the system administrator: the province seed issued with its task 2 led by the
// province itself (relation parent), cascaded to the actor's ward and to a sibling ward, each issued with task 2
// led by the ward itself (own, sibling) while task 1 stays with the ward's Phòng VH-XH (child). So every relation's
// unit holds an assignment, an evidence file, an obstacle it receives and a notification.
import { readFileSync } from 'node:fs';
import assert from 'node:assert/strict';
import {
  editInOwnSubtree,
  followInOwnSubtree,
  hiddenOutsideBranch,
  hiddenToSignedIn,
  readInOwnSubtree,
  RELATIONS,
  signedIn,
  UNKNOWN_ID,
  type MatrixEnv,
  type Relation,
  type RouteCase,
} from './types.ts';

const PDF = Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64');

export async function trackingCases(env: MatrixEnv): Promise<Record<string, RouteCase>> {
  const { sys, unitId } = env;
  const ok = (r: { status: number; body: unknown }, status = 200) =>
    assert.equal(r.status, status, JSON.stringify(r.body));
  const unitRef = async (id: number) => {
    const u = (await sys.get(`/api/units/${id}`)).body.unit;
    return { text: u.name, unitId: u.id, unitCode: u.code, unitName: u.name, confidence: 1, group: false };
  };
  /** Task 2 led by the issuing unit itself, then submitted, approved and issued. */
  const issueWithTask2LedBy = async (planId: number, issuerId: number, number: string) => {
    const draft = (await sys.get(`/api/plans/${planId}`)).body.draft;
    draft.tasks.find((t: { number: string }) => t.number === '2').lead = [await unitRef(issuerId)];
    ok(await sys.put(`/api/plans/${planId}`, { draft }));
    ok(await sys.post(`/api/plans/${planId}/submit`));
    ok(await sys.post(`/api/plans/${planId}/approve`));
    ok(await sys.post(`/api/plans/${planId}/issue`, { number, date: '2026-05-04' }));
  };

  const seed = readFileSync(
    new URL('../../fixtures/plans/ke-hoach-tinh-thanh-hoa-thi-hanh-luat-tri-tue-nhan-tao.txt', import.meta.url),
  );
  const { draft } = (
    await sys.post('/api/plans/import', { filename: 'kh.txt', contentBase64: seed.toString('base64') })
  ).body;
  const province = await sys.post('/api/plans', { unitId: unitId.parent, draft });
  ok(province, 201);
  await issueWithTask2LedBy(province.body.id, unitId.parent, '901');
  const cascade = await sys.post(`/api/plans/${province.body.id}/cascade`, { unitIds: [unitId.own, unitId.sibling] });
  ok(cascade, 201);
  for (const c of cascade.body.created as Array<{ unitId: number; planId: number }>)
    await issueWithTask2LedBy(c.planId, c.unitId, '902');

  const assignmentId = {} as Record<Relation, number>;
  const all = (await sys.get('/api/assignments?year=2026&limit=2000')).body.items as Array<{
    id: number;
    unit: { id: number };
    task: { number: string };
  }>;
  for (const rel of RELATIONS) {
    // The ward office leads task 1 of the ward plan; the other units lead task 2 of their own plan.
    const a = all.find((x) => x.task.number === (rel === 'child' ? '1' : '2') && x.unit.id === unitId[rel]);
    assert.ok(a, `an assignment at the ${rel} unit`);
    assignmentId[rel] = a.id;
  }

  // Evidence at every relation; obstacles raised so that each relation's unit receives one: a ward writes to its
  // Phòng VH-XH (child, and sibling's office), Sở KH&CN writes to UBND tỉnh (parent). Nothing is routed to a ward
  // itself, so that one is inserted directly.
  const evidenceId = {} as Record<Relation, number>;
  const obstacleId = {} as Record<Relation, number>;
  for (const rel of RELATIONS) {
    const r = await sys.post(`/api/assignments/${assignmentId[rel]}/updates`, {
      percent: 10,
      occurredOn: '2026-06-01',
      evidence: [{ filename: 'minh-chung.pdf', mime: 'application/pdf', contentBase64: PDF }],
      obstacles:
        rel === 'own' || rel === 'sibling' ? [{ kind: 'difficulty', content: 'Khó khăn để kiểm thử phân quyền' }] : [],
    });
    ok(r, 201);
    evidenceId[rel] = r.body.evidence[0].id;
    if (rel === 'own') obstacleId.child = r.body.obstacles[0].id;
    if (rel === 'sibling') obstacleId.sibling = r.body.obstacles[0].id;
  }
  const skhcnId = (await sys.get('/api/units/search?q=38.SKHCN&limit=1')).body[0].id;
  const skhcnTask1 = all.find((a) => a.task.number === '1' && a.unit.id === skhcnId);
  assert.ok(skhcnTask1, 'Sở KH&CN leads task 1 of the province plan');
  const toProvince = await sys.post(`/api/assignments/${skhcnTask1.id}/updates`, {
    percent: 5,
    occurredOn: '2026-06-01',
    obstacles: [{ kind: 'proposal', content: 'Đề xuất để kiểm thử phân quyền' }],
  });
  ok(toProvince, 201);
  assert.equal(toProvince.body.obstacles[0].toUnitId, unitId.parent);
  obstacleId.parent = toProvince.body.obstacles[0].id;
  const direct = await env.db
    .insertInto('obstacle')
    .values({
      unit_id: unitId.child,
      to_unit_id: unitId.own,
      kind: 'proposal',
      content: 'Đề xuất gửi thẳng cho phường (kiểm thử)',
      raised_on: '2026-06-01',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  obstacleId.own = direct.id;

  const notificationId = {} as Record<Relation, number>;
  for (const rel of RELATIONS) {
    const n = await env.db
      .selectFrom('notification')
      .select('id')
      .where('unit_id', '=', unitId[rel])
      .orderBy('id')
      .executeTakeFirst();
    assert.ok(n, `a notification to the ${rel} unit`);
    notificationId[rel] = n.id;
  }

  return {
    listAssignments: {
      request: (r) => ({ method: 'GET', path: `/api/assignments?unitId=${unitId[r]}` }),
      allowed: readInOwnSubtree,
      anonymous: false,
      // The own ward's work on a sibling's draft plan: the plan named does not exist for the ward.
      references: {
        request: { method: 'GET', path: `/api/assignments?unitId=${unitId.own}&planId=${env.draftPlanId.sibling}` },
        unknown: { method: 'GET', path: `/api/assignments?unitId=${unitId.own}&planId=${UNKNOWN_ID}` },
        allowed: (role) => role === 'sysadmin',
        hidden: hiddenToSignedIn,
      },
    },
    getAssignment: {
      request: (r) => ({ method: 'GET', path: `/api/assignments/${assignmentId[r]}` }),
      allowed: readInOwnSubtree,
      hidden: hiddenOutsideBranch,
      anonymous: false,
      references: 'sibling',
    },
    addProgressUpdate: {
      request: (r) => ({
        method: 'POST',
        path: `/api/assignments/${assignmentId[r]}/updates`,
        body: { percent: 20, occurredOn: '2026-06-02', narrative: 'Kiểm thử phân quyền' },
      }),
      allowed: editInOwnSubtree,
      hidden: hiddenOutsideBranch,
      anonymous: false,
      references: 'sibling',
    },
    downloadEvidence: {
      request: (r) => ({ method: 'GET', path: `/api/evidence/${evidenceId[r]}` }),
      allowed: readInOwnSubtree,
      hidden: hiddenOutsideBranch,
      anonymous: false,
      references: 'sibling',
    },
    // Lists are filtered to what the caller may see (inbox: to my unit, the units my unit is focal for, my unit's focal unit).
    listObstacles: {
      request: () => ({ method: 'GET', path: '/api/obstacles?box=inbox' }),
      allowed: signedIn,
      anonymous: false,
      // Filtered by a sibling's draft plan: the plan named does not exist for the ward.
      references: {
        request: {
          method: 'GET',
          path: `/api/obstacles?box=inbox&unitId=${unitId.own}&planId=${env.draftPlanId.sibling}`,
        },
        unknown: { method: 'GET', path: `/api/obstacles?box=inbox&unitId=${unitId.own}&planId=${UNKNOWN_ID}` },
        allowed: (role) => role === 'sysadmin',
        hidden: hiddenToSignedIn,
      },
    },
    // Answering is following up on the receiving unit; an answered obstacle may be answered again (amended).
    // Those raised and received by units out of the ward's reach do not exist for it.
    answerObstacle: {
      request: (r) => ({
        method: 'POST',
        path: `/api/obstacles/${obstacleId[r]}/answer`,
        body: { answer: 'Trả lời để kiểm thử phân quyền' },
      }),
      allowed: followInOwnSubtree,
      hidden: hiddenOutsideBranch,
      anonymous: false,
      references: 'sibling',
    },
    listNotifications: {
      request: () => ({ method: 'GET', path: '/api/notifications' }),
      allowed: signedIn,
      anonymous: false,
      references: 'none',
    },
    // Notifications are addressed, not owned: only those addressed to me, my unit or an office of my unit (the
    // child here is the ward's Phòng Văn hóa - Xã hội), whatever my role; the others do not exist for me.
    markNotificationRead: {
      request: (r) => ({ method: 'POST', path: `/api/notifications/${notificationId[r]}/read` }),
      allowed: (_role, rel) => rel === 'own' || rel === 'child',
      hidden: (who, rel) => who !== 'anonymous' && (rel === 'sibling' || rel === 'parent'),
      anonymous: false,
      references: 'sibling',
    },
    getCalendar: {
      request: () => ({ method: 'GET', path: '/api/calendar/2027' }),
      allowed: signedIn,
      anonymous: false,
      references: 'none',
    },
    // The calendar belongs to no unit: only a system administrator adjusts it ({} keeps the legal defaults).
    setCalendar: {
      request: () => ({ method: 'PUT', path: '/api/calendar', body: {} }),
      allowed: (role) => role === 'sysadmin',
      anonymous: false,
      references: 'none',
    },
  };
}
