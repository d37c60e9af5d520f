import { sql } from 'kysely';
import { prepareDatabase } from '../src/bootstrap.ts';
import { openDatabase } from '../src/db/connect.ts';
import { rankedHits } from '../src/modules/search/index.ts';
const database = await openDatabase({});
await prepareDatabase(database.db, { demo: true, demoContent: true });
const db = database.db;
for (const q of ['nam sam son', 'quang vinh', '16516', 'thanh hoa']) {
  const hits = rankedHits('unit', q, { limit: 20, publishedOnly: true })!;
  const c = hits.compile(db);
  for (let i = 0; i < 3; i++) {
    const r = await sql.raw(`EXPLAIN (ANALYZE, BUFFERS) ${c.sql.replace(/\$(\d+)/g, (_, n) => `'${String(c.parameters[Number(n) - 1]).replace(/'/g, "''")}'`)}`).execute(db);
    if (i === 2) console.log(q, '\n', (r.rows as Array<Record<string, string>>).map((x) => Object.values(x)[0]).join('\n'));
  }
  const t = performance.now();
  for (let i = 0; i < 50; i++) await hits.execute(db);
  console.log(q, 'avg ms', ((performance.now() - t) / 50).toFixed(2));
}
const t = performance.now();
for (let i = 0; i < 50; i++) await sql`SELECT count(*) FROM search_candidates('%nam sam son%', 'nam sam son', 20)`.execute(db);
console.log('candidates avg ms', ((performance.now() - t) / 50).toFixed(2));
const t2 = performance.now();
for (let i = 0; i < 50; i++) await sql`SELECT * FROM unit WHERE id = 100`.execute(db);
console.log('unit by id avg ms', ((performance.now() - t2) / 50).toFixed(2));
await database.close();
