// The records tests need, built through the real API on a real database, so that each test builds its own state:
// a world (a fresh database, its users signed in, the ids of the units they name), the province plan issued and
// cascaded, progress updates and obstacles, unit reports in a given state. A stage of records that several tests
// start from is built once per process and frozen; a test that writes gets a copy of its own (`fresh`), tests that
// only read share one copy (`shared`). Either way a test runs the same alone as after the others.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { TestContext } from 'node:test';
import { createTestDatabase, type Frozen, type TestDatabase } from './db.ts';
import { Client, makeUser, testApp, type App } from './api.ts';
import type { Role } from '../../src/domain/permissions.ts';

export const PROVINCE_SEED = 'ke-hoach-tinh-thanh-hoa-thi-hanh-luat-tri-tue-nhan-tao.txt';
const SEEDS = new URL('../fixtures/plans/', import.meta.url);
export const seed = (name: string) => readFileSync(new URL(name, SEEDS));

/** Who signs in: client name → [username, unit code, roles]. */
export type Cast = Record<string, [username: string, unitCode: string, roles: Role[]]>;

export interface World<C extends Cast = Cast> {
  d: TestDatabase;
  app: App;
  /** A signed-in client per name of the cast. */
  as: { [K in keyof C]: Client };
  /** Unit ids by code, for the codes named when the world was opened and those of the cast. */
  unitIds: Record<string, number>;
  close(): Promise<void>;
}

export function ok(r: { status: number; body: unknown }, what: string, status = 200) {
  assert.equal(r.status, status, `${what}: ${JSON.stringify(r.body).slice(0, 300)}`);
}

async function unitIdsOf(d: TestDatabase, codes: string[]): Promise<Record<string, number>> {
  if (codes.length === 0) return {};
  const rows = await d.db.selectFrom('unit').select(['id', 'code']).where('code', 'in', codes).execute();
  return Object.fromEntries(rows.map((u) => [u.code, u.id]));
}

export interface WorldOptions {
  /** Sign the cast in (default true); false for tests of signing in itself. */
  signIn?: boolean;
  app?: Parameters<typeof testApp>[2];
}

/** A fresh database with the cast created and (unless told otherwise) signed in. */
export async function openWorld<C extends Cast>(
  cast: C,
  unitCodes: string[] = [],
  options: WorldOptions = {},
): Promise<World<C>> {
  const d = await createTestDatabase();
  const app = testApp(d.db, d.backend, options.app);
  for (const [username, code, roles] of Object.values(cast)) await makeUser(d.db, username, code, roles);
  const signIn = options.signIn ?? true;
  const entries = await Promise.all(
    Object.entries(cast).map(
      async ([name, [username]]) => [name, signIn ? await new Client(app).login(username) : new Client(app)] as const,
    ),
  );
  const codes = [...new Set([...unitCodes, ...Object.values(cast).map(([, code]) => code)])];
  return {
    d,
    app,
    as: Object.fromEntries(entries) as World<C>['as'],
    unitIds: await unitIdsOf(d, codes),
    close: () => d.close(),
  };
}

type Sessions = Record<string, { ip: string; cookie: string | null; csrf: string | null }>;

const sessionsOf = (w: World): Sessions =>
  Object.fromEntries(Object.entries(w.as).map(([name, c]) => [name, { ip: c.ip, cookie: c.cookie, csrf: c.csrf }]));

/** The same world on a copy of its database: sessions are rows, so the clients stay signed in. */
async function cloneWorld<W extends World>(w: W, sessions: Sessions, frozen: Frozen): Promise<W> {
  const d = await createTestDatabase(frozen);
  const app = testApp(d.db, d.backend);
  const as = Object.fromEntries(
    Object.entries(sessions).map(([name, s]) => {
      const copy = new Client(app, s.ip);
      copy.cookie = s.cookie;
      copy.csrf = s.csrf;
      return [name, copy];
    }),
  );
  return { ...w, d, app, as, close: () => d.close() };
}

export interface Stage<W extends World> {
  /** A copy of its own, for a test that writes; closed when the test ends. */
  fresh(t: TestContext): Promise<W>;
  /** One copy shared by the tests that only read it; closed by `close` (the file's `after`). */
  shared(): Promise<W>;
  close(): Promise<void>;
  /** A copy to build the next stage on (the caller freezes or closes it). */
  copy(): Promise<W>;
}

/** Closes the shared copies of the stages (in the test file's `after`). */
export async function closeStages(...stages: Array<Stage<any>>): Promise<void> {
  for (const s of stages) await s.close();
}

/** A stage of records: built once per process by `build`, frozen, and copied for each test that needs it. */
export function stage<W extends World>(build: () => Promise<W>): Stage<W> {
  let frozen: Promise<{ w: W; sessions: Sessions; frozen: Frozen }> | undefined;
  // PGlite dumps an open database: the built one serves as the first copy, which saves loading a dump.
  let spare: W | undefined;
  let sharedCopy: Promise<W> | undefined;
  const copy = async () => {
    frozen ??= build().then(async (w) => {
      const state = { w: { ...w }, sessions: sessionsOf(w) };
      if (!w.d.dump) return { ...state, frozen: await w.d.freeze() };
      spare = w;
      return { ...state, frozen: { dump: await w.d.dump() } };
    });
    const f = await frozen;
    const w = spare;
    spare = undefined;
    return w ?? cloneWorld(f.w, f.sessions, f.frozen);
  };
  return {
    copy,
    async fresh(t) {
      const w = await copy();
      t.after(() => w.close());
      return w;
    },
    shared() {
      sharedCopy ??= copy();
      return sharedCopy;
    },
    async close() {
      const w = sharedCopy;
      sharedCopy = undefined;
      if (w !== undefined) await (await w).close();
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Plans

/** Imports a seed file and saves it as a draft of the unit. */
export async function createPlanFromSeed(c: Client, unitId: number, file = PROVINCE_SEED): Promise<number> {
  const imp = await c.post('/api/plans/import', { filename: file, contentBase64: seed(file).toString('base64') });
  ok(imp, 'import');
  const created = await c.post('/api/plans', { unitId, draft: imp.body.draft, sourceName: file });
  ok(created, 'create', 201);
  return created.body.id as number;
}

export interface IssueWith {
  officer: Client;
  leader: Client;
  number: string;
  date: string;
  signerName?: string;
}

/** Submit by the officer, approve and issue by the leader. */
export async function issuePlan(planId: number, w: IssueWith): Promise<void> {
  ok(await w.officer.post(`/api/plans/${planId}/submit`), 'submit');
  ok(await w.leader.post(`/api/plans/${planId}/approve`), 'approve');
  const body = { number: w.number, date: w.date, ...(w.signerName ? { signerName: w.signerName } : {}) };
  ok(await w.leader.post(`/api/plans/${planId}/issue`, body), 'issue');
}

/** KH 129/KH-UBND of 04/5/2026 (the province seed) saved by the officer and issued by the leader. */
export async function issueProvincePlan(
  provinceId: number,
  w: Omit<IssueWith, 'number' | 'date'> & Partial<IssueWith>,
): Promise<number> {
  const planId = await createPlanFromSeed(w.officer, provinceId);
  await issuePlan(planId, { number: '129', date: '2026-05-04', ...w });
  return planId;
}

/** Cascades a plan to the given units (or all communes and wards); the child plans by unit id. */
export async function cascade(officer: Client, planId: number, to: number[] | 'all'): Promise<Map<number, number>> {
  const r = await officer.post(`/api/plans/${planId}/cascade`, to === 'all' ? { all: true } : { unitIds: to });
  ok(r, 'cascade', 201);
  return new Map((r.body.created as Array<{ unitId: number; planId: number }>).map((c) => [c.unitId, c.planId]));
}

/** Changes a draft through the API (the same way the web app saves an edit). */
export async function editDraft(c: Client, planId: number, change: (draft: any) => void): Promise<void> {
  const draft = (await c.get(`/api/plans/${planId}`)).body.draft;
  change(draft);
  ok(await c.put(`/api/plans/${planId}`, { draft }), 'edit draft');
}

// ---------------------------------------------------------------------------------------------------------------
// Tracking

/** The assignment of a task (by number) to a unit (by code), as the unit's list shows it. */
export async function findAssignment(c: Client, query: string, taskNumber: string, unitCode: string): Promise<any> {
  const r = await c.get(`/api/assignments?${query}`);
  ok(r, 'assignments');
  const a = (r.body.items as any[]).find((i) => i.task.number === taskNumber && i.unit.code === unitCode);
  assert.ok(a, `assignment ${taskNumber} for ${unitCode}`);
  return a;
}

/** A progress update (with its deliverables, evidence and obstacles if given); its answer. */
export async function recordProgress(c: Client, assignmentId: number, body: Record<string, unknown>): Promise<any> {
  const r = await c.post(`/api/assignments/${assignmentId}/updates`, {
    percent: 0,
    narrative: '',
    occurredOn: '2026-06-01',
    ...body,
  });
  ok(r, 'progress update', 201);
  return r.body;
}

/** An obstacle raised with a progress update; its id. */
export async function raiseObstacle(c: Client, assignmentId: number, update: Record<string, unknown>): Promise<number> {
  const body = await recordProgress(c, assignmentId, update);
  return body.obstacles[0].id as number;
}

// ---------------------------------------------------------------------------------------------------------------
// Reporting

export type ReportState = 'draft' | 'approved' | 'submitted' | 'returned' | 'accepted';

export interface ReportWith {
  officer: Client;
  leader?: Client;
  /** The receiving unit's officer: returns or accepts. */
  receiver?: Client;
  period?: string;
  unitId?: number;
  returnReason?: string;
}

/** A unit report of a regime's period brought to the given state through its workflow; its id. */
export async function unitReport(regimeId: number, state: ReportState, w: ReportWith): Promise<number> {
  const created = await w.officer.post(
    `/api/regimes/${regimeId}/periods/${w.period ?? '2026'}/reports`,
    w.unitId ? { unitId: w.unitId } : {},
  );
  ok(created, 'report', 201);
  const id = created.body.id as number;
  if (state === 'draft') return id;
  ok(await w.leader!.post(`/api/reports/${id}/approve`, { confirmEmpty: true }), 'report approve');
  if (state === 'approved') return id;
  ok(await w.officer.post(`/api/reports/${id}/submit`), 'report submit');
  if (state === 'returned')
    ok(
      await w.receiver!.post(`/api/reports/${id}/return`, { reason: w.returnReason ?? 'Thiếu số liệu' }),
      'report return',
    );
  if (state === 'accepted') ok(await w.receiver!.post(`/api/reports/${id}/accept`), 'report accept');
  return id;
}

/** The regime an issued plan created. */
export async function regimeOfPlan(c: Client, planId: number): Promise<number> {
  const r = await c.get(`/api/regimes?planId=${planId}`);
  ok(r, 'regimes');
  assert.equal(r.body.length, 1, 'one regime per issued plan');
  return r.body[0].id as number;
}
