// Petition routes: the public intake, follow-up and list (anyone), the handlers' queue and acts (the receiving and
// handling units' scope). Fixtures: a petition sent through the public intake for each relation, then placed at
// that relation's unit (received and handled there), a second one per relation to merge into, and scratch ones at
// the actor's ward for the walks that would move or close a record.
import assert from 'node:assert/strict';
import {
  approveInOwnSubtree,
  editInOwnSubtree,
  everyone,
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
} from './types.ts';
import { Client } from '../../support/api.ts';

let n = 0;
const body = () => ({
  kind: 'feedback',
  subject: `Phản ánh kiểm thử phân quyền ${n++}`,
  consent: true,
  content: 'Phản ánh để kiểm thử phân quyền: việc hướng dẫn thi hành Luật Trí tuệ nhân tạo tại địa phương còn chậm.',
  sender: { name: 'Người Gửi Kiểm Thử', email: `gui.${n}@example.vn` },
});

export async function petitionCases(env: MatrixEnv): Promise<Record<string, RouteCase>> {
  const { unitId } = env;
  /** A petition received and handled at `unit`. */
  const at = async (unit: number) => {
    const r = await new Client(env.app).post('/api/public/petitions', body());
    assert.equal(r.status, 201, JSON.stringify(r.body));
    const row = await env.db
      .updateTable('petition')
      .set({ receiving_unit_id: unit, handling_unit_id: unit })
      .where('code', '=', r.body.code)
      .returning(['id', 'code'])
      .executeTakeFirstOrThrow();
    return row;
  };
  const petitionId = {} as Record<Relation, number>;
  const intoId = {} as Record<Relation, number>;
  for (const rel of RELATIONS) {
    petitionId[rel] = (await at(unitId[rel])).id;
    intoId[rel] = (await at(unitId[rel])).id;
  }
  const scratchRoute = (await at(unitId.own)).id;
  const scratchMerge = (await at(unitId.own)).id;
  const scratchTask = (await at(unitId.own)).id;
  const siblingTask = await env.db
    .selectFrom('plan_task')
    .select('id')
    .where('plan_id', '=', env.draftPlanId.sibling)
    .executeTakeFirstOrThrow();
  const code = (
    await env.db.selectFrom('petition').select('code').where('id', '=', petitionId.own).executeTakeFirstOrThrow()
  ).code;
  const scratchRecords = (await at(unitId.own)).id;
  // Two petitions of each relation's unit to answer together, and one of the own unit to pair with the sibling's.
  const bulkIds = {} as Record<Relation, number[]>;
  for (const rel of RELATIONS) bulkIds[rel] = [(await at(unitId[rel])).id, (await at(unitId[rel])).id];
  const scratchBulk = (await at(unitId.own)).id;
  // An AI system of the sibling ward, not published: a record the own unit's handlers cannot name.
  const siblingUse = await env.sys.post('/api/ai-systems', {
    unitId: unitId.sibling,
    purpose: 'Sử dụng để kiểm thử liên kết kiến nghị',
    product: { name: 'Sản phẩm kiểm thử liên kết', provider: 'Nhà cung cấp kiểm thử', function: 'Kiểm thử' },
  });
  assert.equal(siblingUse.status, 201, JSON.stringify(siblingUse.body));

  const act = (path: string, payload: (rel: Relation) => unknown, allowed: RouteCase['allowed']): RouteCase => ({
    request: (rel) => ({ method: 'POST', path: `/api/petitions/${petitionId[rel]}/${path}`, body: payload(rel) }),
    allowed,
    hidden: hiddenOutsideBranch,
    anonymous: false,
    references: 'sibling',
  });
  const text = 'Nội dung kiểm thử phân quyền đủ dài để hợp lệ.';

  return {
    // Public: anyone, signed in or not; no id is taken (the follow-up takes a code).
    // The public names only a published AI system: the sibling's unpublished one does not exist, even for a
    // system administrator (the intake reads as the public).
    submitPetition: {
      request: () => ({ method: 'POST', path: '/api/public/petitions', body: body() }),
      allowed: everyone,
      anonymous: true,
      references: {
        request: { method: 'POST', path: '/api/public/petitions', body: { ...body(), aiSystemId: siblingUse.body.id } },
        unknown: { method: 'POST', path: '/api/public/petitions', body: { ...body(), aiSystemId: UNKNOWN_ID } },
        allowed: () => false,
        hidden: () => true,
      },
    },
    followPetition: {
      request: () => ({ method: 'GET', path: `/api/public/petitions/${code}` }),
      allowed: everyone,
      anonymous: true,
      references: 'none',
    },
    listPublishedPetitions: {
      request: () => ({ method: 'GET', path: '/api/public/petitions' }),
      allowed: everyone,
      anonymous: true,
      references: 'none',
    },
    // The queue is filtered to the reader's scope.
    listPetitions: {
      request: () => ({ method: 'GET', path: '/api/petitions' }),
      allowed: signedIn,
      anonymous: false,
      references: {
        request: { method: 'GET', path: `/api/petitions?aiSystemId=${siblingUse.body.id}` },
        unknown: { method: 'GET', path: `/api/petitions?aiSystemId=${UNKNOWN_ID}` },
        allowed: (role) => role === 'sysadmin',
        hidden: hiddenToSignedIn,
      },
    },
    getPetition: {
      request: (rel) => ({ method: 'GET', path: `/api/petitions/${petitionId[rel]}` }),
      allowed: readInOwnSubtree,
      hidden: hiddenOutsideBranch,
      anonymous: false,
      references: 'sibling',
    },
    classifyPetition: act('classify', () => ({ topic: 'guidance', concerns: 'implementation' }), editInOwnSubtree),
    // Routed to its own unit: the record stays where each relation needs it.
    routePetition: {
      ...act('route', (rel) => ({ unitId: unitId[rel] }), editInOwnSubtree),
      references: {
        request: { method: 'POST', path: `/api/petitions/${scratchRoute}/route`, body: { unitId: unitId.sibling } },
        unknown: { method: 'POST', path: `/api/petitions/${scratchRoute}/route`, body: { unitId: UNKNOWN_ID } },
        allowed: (role) => role === 'sysadmin',
        hidden: hiddenToEditors,
      },
    },
    requestPetitionInformation: act('request-information', () => ({ message: text }), editInOwnSubtree),
    resumePetition: act('resume', () => ({}), editInOwnSubtree),
    mergePetition: {
      ...act('merge', (rel) => ({ intoId: intoId[rel] }), editInOwnSubtree),
      references: {
        request: { method: 'POST', path: `/api/petitions/${scratchMerge}/merge`, body: { intoId: intoId.sibling } },
        unknown: { method: 'POST', path: `/api/petitions/${scratchMerge}/merge`, body: { intoId: UNKNOWN_ID } },
        allowed: (role) => role === 'sysadmin',
        hidden: hiddenToEditors,
      },
    },
    draftPetitionAnswer: act('answer', () => ({ answer: text }), editInOwnSubtree),
    // One answer for several petitions: every one must be the caller's to edit; a sibling's in the list is unknown.
    draftPetitionAnswers: {
      request: (rel) => ({ method: 'POST', path: '/api/petitions/answers', body: { ids: bulkIds[rel], answer: text } }),
      allowed: editInOwnSubtree,
      hidden: hiddenOutsideBranch,
      anonymous: false,
      references: {
        request: {
          method: 'POST',
          path: '/api/petitions/answers',
          body: { ids: [scratchBulk, petitionId.sibling], answer: text },
        },
        unknown: {
          method: 'POST',
          path: '/api/petitions/answers',
          body: { ids: [scratchBulk, UNKNOWN_ID], answer: text },
        },
        allowed: (role) => role === 'sysadmin',
        hidden: hiddenToEditors,
      },
    },
    approvePetitionAnswer: act('approve', () => ({}), approveInOwnSubtree),
    closePetition: act('close', () => ({ outcome: 'notInScope', reason: text }), approveInOwnSubtree),
    extendPetitionDeadline: act('extend', () => ({ reason: text }), approveInOwnSubtree),
    publishPetitionAnswer: act('publish', () => ({ published: true }), approveInOwnSubtree),
    // Unlinking names no task; the walk links a task of the sibling ward's draft plan.
    linkPetitionTask: {
      ...act('task', () => ({ taskId: null }), editInOwnSubtree),
      references: {
        request: { method: 'POST', path: `/api/petitions/${scratchTask}/task`, body: { taskId: siblingTask.id } },
        unknown: { method: 'POST', path: `/api/petitions/${scratchTask}/task`, body: { taskId: UNKNOWN_ID } },
        allowed: (role) => role === 'sysadmin',
        hidden: hiddenToEditors,
      },
    },
    // Unlinking names no record; the walk names the sibling ward's unpublished AI system.
    linkPetitionRecords: {
      ...act('records', () => ({ aiSystemId: null, datasetId: null }), editInOwnSubtree),
      references: {
        request: {
          method: 'POST',
          path: `/api/petitions/${scratchRecords}/records`,
          body: { aiSystemId: siblingUse.body.id },
        },
        unknown: { method: 'POST', path: `/api/petitions/${scratchRecords}/records`, body: { aiSystemId: UNKNOWN_ID } },
        allowed: (role) => role === 'sysadmin',
        hidden: hiddenToEditors,
      },
    },
    // The công văn names the sender: the holders' officers and leaders only (here the ward holds its office's).
    downloadPetitionAnswer: {
      request: (rel) => ({ method: 'GET', path: `/api/petitions/${petitionId[rel]}/answer.docx` }),
      allowed: editInOwnSubtree,
      hidden: hiddenOutsideBranch,
      anonymous: false,
      references: 'sibling',
    },
    // Aggregated figures of a unit's subtree: its readers (JSON for the dashboard, XLSX for the file).
    getPetitionFigures: {
      request: (rel) => ({ method: 'GET', path: `/api/petitions/figures?unitId=${unitId[rel]}&year=2026` }),
      allowed: readInOwnSubtree,
      hidden: hiddenOutsideBranch,
      anonymous: false,
      references: 'sibling',
    },
    exportPetitionFigures: {
      request: (rel) => ({ method: 'GET', path: `/api/petitions/figures.xlsx?unitId=${unitId[rel]}&year=2026` }),
      allowed: readInOwnSubtree,
      hidden: hiddenOutsideBranch,
      anonymous: false,
      references: 'sibling',
    },
  };
}
