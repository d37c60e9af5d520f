// Public petition intake: submissions per second through the whole HTTP route (validation, rate counters,
// duplicate check, tracking code, due date, the row, its history line, notification and audit record, committed
// with the database's default durability) beside a bare INSERT of the same row in the same run; then the
// handlers' queue over 20,000 petitions.
import pg from 'pg';
import { sql } from 'kysely';
import { openDatabase, type Database } from '../src/db/connect.ts';
import { createFreshDatabase } from '../src/db/fresh-database.ts';
import { prepareDatabase } from '../src/bootstrap.ts';
import { loadConfig } from '../src/config.ts';
import { getUnitByCode } from '../src/modules/org/index.ts';
import { Client, makeUser, testApp } from '../test/support/api.ts';
import { timeIt, type Bench, type BenchContext } from './harness.ts';

async function open(ctx: BenchContext): Promise<Database & { url: string | null }> {
  if (ctx.backend === 'pglite') return { ...(await openDatabase({})), url: null };
  const fresh = await createFreshDatabase(ctx.databaseUrl!, 'thihanh_bench');
  const database = await openDatabase({ databaseUrl: fresh.url });
  return {
    ...database,
    url: fresh.url,
    close: async () => {
      await database.close();
      await fresh.drop();
    },
  };
}

let n = 0;
const body = () => ({
  kind: 'proposal',
  subject: `Đề xuất hướng dẫn Điều 27 số ${n}`,
  consent: true,
  content: `Đề nghị hướng dẫn cụ thể việc gắn nhãn nội dung do trí tuệ nhân tạo tạo ra theo Điều 27 của Luật (${n}).`,
  sender: { name: 'Người Gửi Đo Hiệu Năng', email: `bench.${n++}@example.vn` },
});

/** Submissions per second: `total` requests, `concurrency` at a time. */
async function rate(total: number, concurrency: number, one: () => Promise<unknown>): Promise<number> {
  let left = total;
  const t = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (left-- > 0) await one();
    }),
  );
  return Math.round(total / ((performance.now() - t) / 1000));
}

const BARE = `INSERT INTO petition (code, kind, subject, content, receiving_unit_id, handling_unit_id, sender_name, sender_email,
  contact_key, content_key, consent_at, received_on, due_date, search_folded) VALUES ($1, 'proposal', $2, $3, $4, $4, $5, $6, $7, $8, now(), $9, $10, $11)`;

export const petitionIntake: Bench = {
  name: 'petition-intake',
  description:
    'Public petitions per second through the route (durable commit) beside a bare INSERT; the queue over 20,000',
  backends: ['pglite', 'postgres'],
  async run(ctx) {
    const database = await open(ctx);
    const pool = database.url ? new pg.Pool({ connectionString: database.url, max: 8 }) : null;
    try {
      await prepareDatabase(database.db, { demo: false });
      const unit = (await getUnitByCode(database.db, '38.SKHCN'))!;
      const defaults = loadConfig({});
      const app = testApp(database.db, ctx.backend, {
        rateLimit: { publicPerMinute: 0, userPerMinute: 0 },
        petitions: { ...defaults.petitions, perAddressPerHour: 0, perHour: 0 },
      });
      // A new address each time: the general per-address limits of /public/* are not what is measured.
      const submit = async () => {
        const r = await new Client(app).post('/api/public/petitions', body());
        if (r.status !== 201) throw new Error(`intake ${r.status} ${JSON.stringify(r.body)}`);
      };
      let k = 0;
      const bare = async () => {
        const i = k++;
        const values = [
          `BN-${i}`,
          `Đề xuất ${i}`,
          'Nội dung đề xuất đủ dài để đo.',
          unit.id,
          'Người Gửi',
          `bare.${i}@example.vn`,
          `e:bare.${i}`,
          `k${i}`,
          '2026-06-01',
          '2026-06-22',
          'de xuat',
        ];
        if (pool) await pool.query(BARE, values);
        else
          await sql
            .raw(BARE.replace(/\$(\d+)/g, (_, d) => `'${String(values[Number(d) - 1]).replace(/'/g, "''")}'`))
            .execute(database.db);
      };
      await rate(50, 1, submit);
      const intake = { sequential_per_s: await rate(300, 1, submit), concurrent8_per_s: await rate(600, 8, submit) };
      const bareInsert = { sequential_per_s: await rate(300, 1, bare), concurrent8_per_s: await rate(600, 8, bare) };
      // The queue: 20,000 petitions across the province's communes, half routed to wards.
      await sql`INSERT INTO petition (code, kind, subject, content, receiving_unit_id, handling_unit_id, content_key, received_on, due_date, status)
        SELECT 'KQ-' || g, 'feedback', 'Phản ánh số ' || g, 'Nội dung', ${unit.id},
          CASE WHEN g % 2 = 0 THEN ${unit.id} ELSE (SELECT id FROM unit WHERE kind IN ('ward','commune') ORDER BY id OFFSET (g % 100) LIMIT 1) END,
          'q' || g, DATE '2026-01-01' + (g % 300), DATE '2026-01-22' + (g % 300), CASE WHEN g % 3 = 0 THEN 'answered' ELSE 'received' END
        FROM generate_series(1, 20000) g`.execute(database.db);
      await makeUser(database.db, 'bench.skhcn', '38.SKHCN', ['officer']);
      const officer = await new Client(app).login('bench.skhcn');
      const queue = await timeIt(
        50,
        async () => {
          const r = await officer.get('/api/petitions?open=true&limit=50');
          if (r.status !== 200) throw new Error(`queue ${r.status}`);
        },
        5,
      );
      const search = await timeIt(30, () => officer.get('/api/petitions?q=phan anh so 1999&limit=50'), 3);
      return { intake, bare_insert: bareInsert, queue_20k_open_page: queue, queue_20k_search: search };
    } finally {
      await pool?.end();
      await database.close();
    }
  },
};
