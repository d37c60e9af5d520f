// Dataset routes (the provincial AI database): the catalogue, files and their quality, publishing, access requests
// and the access log, and the public catalogue. Fixtures per relation's unit, made through the API as the system
// administrator: a draft with a hotline file (a phone finding to clear), a file with CCCD numbers (personal data:
// only the owning unit's people download it) and a pool of files to remove; a published open dataset with a clean
// file; a published conditional one with a pending request and an approved one from a province department; and a
// pool of published ones to retract. A draft of a unit one cannot read does not exist (404); a published entry is
// read by any signed-in user, so on it the owning side's acts answer 403 outside the branch. Repeated writes are
// idempotent (publish again, dismiss again) or answer 409 after the first (decide, revoke); removal and retraction
// take a fresh record from a pool on every call (a retracted dataset is no longer published: it would hide).
import assert from 'node:assert/strict';
import { Client, makeUser } from '../../support/api.ts';
import {
  approveInOwnSubtree,
  editInOwnSubtree,
  everyone,
  hiddenOutsideBranch,
  hiddenToSignedIn,
  readInOwnSubtree,
  RELATIONS,
  signedIn,
  UNKNOWN_ID,
  type MatrixEnv,
  type Relation,
  type Req,
  type RouteCase,
  type Who,
} from './types.ts';
import type { Role } from '../../../src/domain/permissions.ts';

const b64 = (s: string) => Buffer.from(s).toString('base64');
const CLEAN_CSV = ['ma_xa,ten_xa,so_ho', '16516,Phường Nam Sầm Sơn,1200', '14797,Phường Hạc Thành,2300'].join('\n');
const HOTLINE_CSV = [
  'ma_xa,ten_xa,duong_day_nong',
  '16516,Phường Nam Sầm Sơn,0912345678',
  '14797,Phường Hạc Thành,0987654321',
  '16519,Xã Quảng Ngọc,0978123456',
].join('\n');
function personalCsv(rows = 10): string {
  const out = ['ma_ho,nganh_nghe,so_cccd_chu_ho'];
  for (let i = 1; i <= rows; i++)
    out.push(`HKD-${i},Bán lẻ,038${i % 2}${String(60 + i).padStart(2, '0')}${String(100000 + i * 7919).slice(-6)}`);
  return out.join('\n');
}

const datasetBody = (unitId: number, title: string, accessClass = 'open') => ({
  unitId,
  title,
  description: 'Bộ dữ liệu để kiểm thử phân quyền.',
  sector: 'doanh-nghiep-thuong-mai',
  accessClass,
  contactEmail: 'kiemthu@thanhhoa.gov.vn',
});
const ORGANISATION = {
  name: 'Công ty kiểm thử phân quyền',
  kind: 'enterprise',
  contactName: 'Người kiểm thử',
  contactEmail: 'kiemthu@congty.vn',
};
const ACCESS_REQUEST = {
  purpose: 'Huấn luyện mô hình để kiểm thử phân quyền.',
  intendedUse: 'Chỉ dùng nội bộ để kiểm thử phân quyền.',
  durationDays: 30,
};
/** Files to remove and datasets to retract: one per call of a relation (five roles and anonymous). */
const POOL = 6;

/** The owning unit's own leaders and officers, and the system administrator: who holds a dataset's personal data. */
const holdsPersonalData = (role: Role, rel: Relation) =>
  role === 'sysadmin' || ((role === 'leader' || role === 'officer') && rel === 'own');
/** Every signed-in caller reads the own draft, then meets a file or request of the sibling's: not in that dataset. */
const hiddenSignedIn = (who: Who) => who !== 'anonymous';
/** Approvers pass the leader's check on their own dataset, then meet the sibling's file or request. */
const hiddenToApprovers = (who: Who) => who === 'sysadmin' || who === 'leader';
/** Editors pass the staff's check on their own draft, then meet the sibling's file. */
const hiddenToAnyEditor = (who: Who) => who === 'sysadmin' || who === 'leader' || who === 'officer';
const nobody = () => false;

export async function datasetCases(env: MatrixEnv): Promise<Record<string, RouteCase>> {
  const { sys, unitId } = env;
  const ok = (r: { status: number; body: unknown }, status = 200) =>
    assert.equal(r.status, status, JSON.stringify(r.body));
  const create = async (rel: Relation, title: string, accessClass = 'open') => {
    const r = await sys.post('/api/datasets', datasetBody(unitId[rel], title, accessClass));
    ok(r, 201);
    return r.body.id as number;
  };
  const upload = async (id: number, filename: string, csv: string) => {
    const r = await sys.post(`/api/datasets/${id}/resources`, { filename, contentBase64: b64(csv) });
    ok(r, 201);
    return r.body.id as number;
  };
  const requester = async (name: string) => {
    await makeUser(env.db, name, '38.STC', ['officer']);
    return new Client(env.app).login(name);
  };
  // A province department outside every relation's unit: a stranger to each dataset's personal data.
  const [askA, askB] = [await requester('ds.requester.a'), await requester('ds.requester.b')];

  const draftId = {} as Record<Relation, number>;
  const hotlineRid = {} as Record<Relation, number>;
  const personalRid = {} as Record<Relation, number>;
  const pool = {} as Record<Relation, number[]>;
  const openId = {} as Record<Relation, number>;
  const cleanRid = {} as Record<Relation, number>;
  const condId = {} as Record<Relation, number>;
  const pendingId = {} as Record<Relation, number>;
  const grantedId = {} as Record<Relation, number>;
  const retractPool = {} as Record<Relation, number[]>;
  for (const rel of RELATIONS) {
    draftId[rel] = await create(rel, `Bản nháp kiểm thử phân quyền (${rel})`);
    hotlineRid[rel] = await upload(draftId[rel], 'duong-day-nong.csv', HOTLINE_CSV);
    personalRid[rel] = await upload(draftId[rel], 'ho-kinh-doanh.csv', personalCsv());
    pool[rel] = [];
    for (let i = 0; i < POOL; i++) pool[rel].push(await upload(draftId[rel], `xoa-${i}.csv`, CLEAN_CSV));

    openId[rel] = await create(rel, `Dữ liệu mở kiểm thử phân quyền (${rel})`);
    cleanRid[rel] = await upload(openId[rel], 'so-ho.csv', CLEAN_CSV);
    ok(await sys.post(`/api/datasets/${openId[rel]}/publish`));

    condId[rel] = await create(rel, `Dữ liệu có điều kiện kiểm thử phân quyền (${rel})`, 'conditional');
    await upload(condId[rel], 'ho-kinh-doanh.csv', personalCsv());
    ok(await sys.post(`/api/datasets/${condId[rel]}/publish`));
    const a = await askA.post(`/api/datasets/${condId[rel]}/access-requests`, ACCESS_REQUEST);
    ok(a, 201);
    pendingId[rel] = a.body.id;
    const b = await askB.post(`/api/datasets/${condId[rel]}/access-requests`, ACCESS_REQUEST);
    ok(b, 201);
    grantedId[rel] = b.body.id;
    ok(await sys.post(`/api/datasets/${condId[rel]}/access-requests/${b.body.id}/decision`, { decision: 'approve' }));

    retractPool[rel] = [];
    for (let i = 0; i < POOL; i++) {
      const id = await create(rel, `Dữ liệu thu hồi kiểm thử phân quyền ${i} (${rel})`, 'conditional');
      await upload(id, 'so-ho.csv', CLEAN_CSV);
      ok(await sys.post(`/api/datasets/${id}/publish`));
      retractPool[rel].push(id);
    }
  }

  // Organisation accounts belong to no unit of the tree: the province's administrators (here only the system
  // administrator: the actor's unit is a ward) see and decide them; their own routes need their key, which no
  // session holds, so every caller without it is turned away (401).
  const register = async (taxCode: string) => {
    const r = await new Client(env.app).post('/api/public/organisations', { ...ORGANISATION, taxCode });
    ok(r, 201);
    return r.body.id as number;
  };
  const [orgId, otherOrgId] = [await register('2807654325'), await register('0100123453')];

  /** Drafts of units outside the branch do not exist for its people; published entries are read by all signed in. */
  const hiddenUnlessPublished = (ids: Record<Relation, number>) =>
    ids === draftId ? { hidden: hiddenOutsideBranch } : {};
  const onDataset = (
    ids: Record<Relation, number>,
    method: Req['method'],
    tail: string,
    allowed: RouteCase['allowed'],
    body?: unknown,
  ): RouteCase => ({
    request: (r) => ({ method, path: `/api/datasets/${ids[r]}${tail}`, ...(body === undefined ? {} : { body }) }),
    allowed,
    ...hiddenUnlessPublished(ids),
    anonymous: false,
    references: 'sibling',
  });
  /**
   * A route on a dataset's file or request (`rid`): the relation's own pair, and as its sibling reference the own
   * unit's dataset naming the sibling's file or request, which answers like an unknown one to whoever passes the
   * check on the dataset.
   */
  const onChild = (
    ids: Record<Relation, number>,
    rids: (r: Relation) => number,
    method: Req['method'],
    tail: string,
    rule: { allowed: RouteCase['allowed']; hiddenOnReference: (who: Who) => boolean },
    body?: unknown,
  ): RouteCase => {
    const at = (id: number, rid: number): Req => ({
      method,
      path: `/api/datasets/${id}/${tail.replace('{rid}', String(rid))}`,
      ...(body === undefined ? {} : { body }),
    });
    return {
      request: (r) => at(ids[r], rids(r)),
      allowed: rule.allowed,
      ...hiddenUnlessPublished(ids),
      anonymous: false,
      references: {
        request: at(ids.own, rids('sibling')),
        unknown: at(ids.own, UNKNOWN_ID),
        allowed: nobody,
        hidden: rule.hiddenOnReference,
      },
    };
  };
  /** Each call of the walk takes the next record of the relation's pool: it changes at most that one. */
  const fresh = (records: Record<Relation, number[]>) => {
    const used = Object.fromEntries(RELATIONS.map((r) => [r, 0])) as Record<Relation, number>;
    return (r: Relation) => records[r][Math.min(used[r]++, POOL - 1)] as number;
  };
  const freshFile = fresh(pool);
  const freshRetract = fresh(retractPool);

  return {
    // A fixed list, not a record: the route asks for no one, so anonymous callers get it too.
    listDatasetSectors: {
      request: () => ({ method: 'GET', path: '/api/datasets/sectors' }),
      allowed: everyone,
      anonymous: true,
      references: 'none',
    },
    // Filtered to the caller's scope; naming a unit outside it is refused (units are not secret).
    listDatasets: {
      request: (r) => ({ method: 'GET', path: `/api/datasets?unitId=${unitId[r]}` }),
      allowed: readInOwnSubtree,
      anonymous: false,
      references: 'sibling',
    },
    // The same title every call: after the first, 409 (the title is taken) — the permission check comes before it.
    createDataset: {
      request: (r) => ({
        method: 'POST',
        path: '/api/datasets',
        body: { ...datasetBody(unitId[r], 'Bộ dữ liệu tạo khi kiểm thử phân quyền'), spatialUnitIds: [unitId[r]] },
      }),
      allowed: editInOwnSubtree,
      anonymous: false,
      references: 'sibling',
    },
    getDataset: onDataset(draftId, 'GET', '', readInOwnSubtree),
    // A published dataset: only the leader changes it (each change a version sent to the national database).
    updateDataset: {
      ...onDataset(openId, 'PUT', '', approveInOwnSubtree),
      request: (r) => ({
        method: 'PUT',
        path: `/api/datasets/${openId[r]}`,
        body: datasetBody(unitId[r], `Dữ liệu mở kiểm thử phân quyền (${r})`),
      }),
    },
    // Already published: publishing again changes nothing.
    publishDataset: onDataset(openId, 'POST', '/publish', approveInOwnSubtree),
    retractDataset: {
      ...onDataset(openId, 'POST', '/retract', approveInOwnSubtree),
      request: (r) => ({
        method: 'POST',
        path: `/api/datasets/${freshRetract(r)}/retract`,
        body: { reason: 'Thu hồi để kiểm thử phân quyền.' },
      }),
    },
    // A draft's files: the owning unit's staff.
    addDatasetResource: onDataset(draftId, 'POST', '/resources', editInOwnSubtree, {
      filename: 'them.csv',
      contentBase64: b64(CLEAN_CSV),
    }),
    // A published dataset's files: its leader only (the officer passes `edit`, then is refused).
    addDatasetResourceVersion: onChild(
      openId,
      (r) => cleanRid[r],
      'POST',
      'resources/{rid}/versions',
      { allowed: approveInOwnSubtree, hiddenOnReference: hiddenToApprovers },
      { filename: 'so-ho-moi.csv', contentBase64: b64(CLEAN_CSV) },
    ),
    removeDatasetResource: {
      ...onChild(draftId, (r) => hotlineRid[r], 'DELETE', 'resources/{rid}', {
        allowed: editInOwnSubtree,
        hiddenOnReference: hiddenToAnyEditor,
      }),
      request: (r) => ({ method: 'DELETE', path: `/api/datasets/${draftId[r]}/resources/${freshFile(r)}` }),
    },
    // Clearing the same finding again changes nothing.
    dismissDatasetFinding: onChild(
      draftId,
      (r) => hotlineRid[r],
      'POST',
      'resources/{rid}/findings/decision',
      { allowed: editInOwnSubtree, hiddenOnReference: hiddenToAnyEditor },
      { column: 'duong_day_nong', kind: 'phone', reason: 'Số đường dây nóng công khai của cơ quan.' },
    ),
    // Masking keeps the column: every call makes one more version from the current one.
    deidentifyDatasetResource: onChild(
      draftId,
      (r) => personalRid[r],
      'POST',
      'resources/{rid}/deidentify',
      { allowed: editInOwnSubtree, hiddenOnReference: hiddenToAnyEditor },
      { steps: [{ column: 'so_cccd_chu_ho', action: 'mask' }] },
    ),
    // Version 1 holds CCCD numbers: the owning unit's own leaders and officers only, not its parent's nor readers.
    downloadOwnDatasetResource: onChild(draftId, (r) => personalRid[r], 'GET', 'resources/{rid}/download?version=1', {
      allowed: holdsPersonalData,
      hiddenOnReference: hiddenSignedIn,
    }),
    // Any signed-in caller asks for a published conditional dataset (its holders are told 409: they have access);
    // a draft of a unit they cannot read does not exist for them.
    requestDatasetAccess: {
      request: (r) => ({ method: 'POST', path: `/api/datasets/${condId[r]}/access-requests`, body: ACCESS_REQUEST }),
      allowed: signedIn,
      anonymous: false,
      references: {
        request: { method: 'POST', path: `/api/datasets/${draftId.sibling}/access-requests`, body: ACCESS_REQUEST },
        unknown: { method: 'POST', path: `/api/datasets/${UNKNOWN_ID}/access-requests`, body: ACCESS_REQUEST },
        allowed: (role) => role === 'sysadmin',
        hidden: hiddenToSignedIn,
      },
    },
    listDatasetAccessRequests: onDataset(condId, 'GET', '/access-requests', approveInOwnSubtree),
    // The first approver approves; the later ones are told it is decided (409).
    decideDatasetAccess: onChild(
      condId,
      (r) => pendingId[r],
      'POST',
      'access-requests/{rid}/decision',
      { allowed: approveInOwnSubtree, hiddenOnReference: hiddenToApprovers },
      { decision: 'approve', durationDays: 10 },
    ),
    revokeDatasetAccess: onChild(
      condId,
      (r) => grantedId[r],
      'POST',
      'access-requests/{rid}/revoke',
      { allowed: approveInOwnSubtree, hiddenOnReference: hiddenToApprovers },
      { reason: 'Thu hồi để kiểm thử phân quyền.' },
    ),
    getDatasetAccessLog: onDataset(condId, 'GET', '/access-log', editInOwnSubtree),

    // Public: published datasets for anyone, signed in or not.
    listPublicDatasets: {
      request: (r) => ({ method: 'GET', path: `/api/public/datasets?unitId=${unitId[r]}&communeId=${unitId[r]}` }),
      allowed: everyone,
      anonymous: true,
      references: 'sibling',
    },
    // A draft is not public, whoever asks (a system administrator too: this is the public side).
    getPublicDataset: {
      request: (r) => ({ method: 'GET', path: `/api/public/datasets/${openId[r]}` }),
      allowed: everyone,
      anonymous: true,
      references: {
        request: { method: 'GET', path: `/api/public/datasets/${draftId.sibling}` },
        unknown: { method: 'GET', path: `/api/public/datasets/${UNKNOWN_ID}` },
        allowed: everyone,
        hidden: () => true,
      },
    },
    // An open file: anyone. Named under another dataset, it does not exist there.
    downloadPublicDatasetResource: {
      request: (r) => ({ method: 'GET', path: `/api/public/datasets/${openId[r]}/resources/${cleanRid[r]}/download` }),
      allowed: everyone,
      anonymous: true,
      references: {
        request: { method: 'GET', path: `/api/public/datasets/${openId.own}/resources/${cleanRid.sibling}/download` },
        unknown: { method: 'GET', path: `/api/public/datasets/${openId.own}/resources/${UNKNOWN_ID}/download` },
        allowed: everyone,
        hidden: () => true,
      },
    },
    getDatasetCatalogDcat: {
      request: () => ({ method: 'GET', path: '/api/public/catalog.jsonld' }),
      allowed: everyone,
      anonymous: true,
      references: 'none',
    },
    getDatasetCatalogCsv: {
      request: () => ({ method: 'GET', path: '/api/public/datasets.csv' }),
      allowed: everyone,
      anonymous: true,
      references: 'none',
    },

    registerDataOrganisation: {
      request: () => ({
        method: 'POST',
        path: '/api/public/organisations',
        body: { ...ORGANISATION, taxCode: '2801234564' },
      }),
      allowed: everyone,
      anonymous: true,
      references: 'none',
    },
    getOwnDataOrganisation: {
      request: () => ({ method: 'GET', path: '/api/public/organisations/me' }),
      allowed: nobody,
      anonymous: false,
      references: 'none',
    },
    replaceDataOrganisationKey: {
      request: () => ({ method: 'POST', path: '/api/public/organisations/me/key' }),
      allowed: nobody,
      anonymous: false,
      references: 'none',
    },
    // A lost key: anyone may ask (the answer does not say whether the tax code has an account) and bring a code.
    requestDataOrganisationKeyRecovery: {
      request: () => ({
        method: 'POST',
        path: '/api/public/organisations/key-recovery',
        body: { taxCode: '2801234564', contactEmail: 'noone@example.vn' },
      }),
      allowed: everyone,
      anonymous: true,
      references: 'none',
    },
    confirmDataOrganisationKeyRecovery: {
      request: () => ({
        method: 'POST',
        path: '/api/public/organisations/key-recovery/confirm',
        body: { code: 'not-a-code-that-was-ever-mailed' },
      }),
      allowed: everyone,
      anonymous: true,
      references: 'none',
    },
    requestDatasetAccessAsOrganisation: {
      request: (r) => ({
        method: 'POST',
        path: `/api/public/datasets/${condId[r]}/access-requests`,
        body: ACCESS_REQUEST,
      }),
      allowed: nobody,
      anonymous: false,
      references: {
        request: {
          method: 'POST',
          path: `/api/public/datasets/${draftId.sibling}/access-requests`,
          body: ACCESS_REQUEST,
        },
        allowed: nobody,
        hidden: nobody,
      },
    },
    listDataOrganisations: {
      request: () => ({ method: 'GET', path: '/api/data-organisations?status=pending' }),
      allowed: (role) => role === 'sysadmin',
      anonymous: false,
      references: 'none',
    },
    decideDataOrganisation: {
      request: () => ({
        method: 'POST',
        path: `/api/data-organisations/${orgId}/decision`,
        body: { decision: 'approve' },
      }),
      allowed: (role) => role === 'sysadmin',
      anonymous: false,
      references: {
        request: {
          method: 'POST',
          path: `/api/data-organisations/${otherOrgId}/decision`,
          body: { decision: 'refuse', reason: 'Kiểm thử phân quyền.' },
        },
        unknown: {
          method: 'POST',
          path: `/api/data-organisations/${UNKNOWN_ID}/decision`,
          body: { decision: 'approve' },
        },
        allowed: (role) => role === 'sysadmin',
        hidden: nobody,
      },
    },
  };
}
