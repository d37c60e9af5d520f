// The AI-systems register on national-scale synthetic data (bench/national-data.ts: 34 provinces, about 3,500
// communes) with 5,000 uses of 40 products spread over the communes, wards and agencies: the register list as the
// province's focal officer and as a national sysadmin, a search, one use, the coverage view (JSON and XLSX), the
// public register (JSON and CSV), each through the HTTP routes beside a bare anchor in the same run (the same rows
// read with one plain SQL query and JSON.stringify).
import { sql } from 'kysely';
import { openDatabase, type Database } from '../src/db/connect.ts';
import { createFreshDatabase } from '../src/db/fresh-database.ts';
import { prepareDatabase } from '../src/bootstrap.ts';
import { Client, makeUser, testApp } from '../test/support/api.ts';
import { generateNational } from './national-data.ts';
import { timeIt, type Bench, type BenchContext } from './harness.ts';

async function open(ctx: BenchContext): Promise<Database> {
  if (ctx.backend === 'pglite') return openDatabase({});
  const fresh = await createFreshDatabase(ctx.databaseUrl!, 'thihanh_bench');
  const database = await openDatabase({ databaseUrl: fresh.url });
  return {
    ...database,
    close: async () => {
      await database.close();
      await fresh.drop();
    },
  };
}

const PRODUCTS = [
  'Trợ lý ảo hỏi đáp thủ tục',
  'Camera phân tích giao thông',
  'Bóc tách văn bản OCR',
  'Tóm tắt văn bản',
];
const DEADLINES = `[{"kind":"preliminaryUrgent","dueAt":"2026-01-04T00:00:00.000Z"},{"kind":"preliminary","dueAt":"2026-01-08T16:59:59.999Z"},{"kind":"official","dueAt":"2026-01-16T16:59:59.999Z"}]`;

/**
 * 40 products; 5,000 uses over communes, wards and agencies (by unit id, so every province gets its share);
 * three in five classified (one in five high, assessment required); an approved or published AI02 on half of the
 * classified high ones, published uses (two in five) and an open incident on one use in twenty.
 */
async function seed(db: Database['db'], total: number): Promise<void> {
  await sql`INSERT INTO ai_product (name, provider, version, function, model_type, provider_level)
    SELECT (${sql.val(PRODUCTS)}::text[])[1 + g % ${PRODUCTS.length}] || ' ' || g, 'Công ty Công nghệ số ' || (g % 7),
      '1.' || g, 'Hỗ trợ cán bộ và người dân: ' || lower((${sql.val(PRODUCTS)}::text[])[1 + g % ${PRODUCTS.length}]),
      'Mô hình ngôn ngữ lớn', CASE WHEN g % 3 = 0 THEN 'high' ELSE 'low' END
    FROM generate_series(1, 40) g`.execute(db);
  await sql`WITH units AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k, count(*) OVER () AS n
                           FROM unit WHERE kind IN ('ward','commune','agency')),
      products AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k FROM ai_product)
    INSERT INTO ai_use (product_id, unit_id, purpose, scope, users_served, input_data, personal_data, output_use, automation,
      human_oversight, start_date, status, contract, internal_notes, public_summary, level, assessment_required,
      classification, questionnaire_version, classified_at, published_at, updated_at)
    SELECT p.id, u.id, 'Trả lời câu hỏi của người dân về thủ tục hành chính và sàng lọc hồ sơ (' || g || ')',
      'Toàn đơn vị', 'Người dân, doanh nghiệp', 'Hồ sơ thủ tục hành chính', g % 2 = 0, 'Cán bộ tham khảo khi xử lý hồ sơ',
      (ARRAY['assistive','partial','full'])[1 + g % 3], 'Cán bộ kiểm tra mọi kết quả', DATE '2025-01-01' + (g % 365),
      (ARRAY['planned','piloting','inUse','inUse','retired'])[1 + g % 5], 'Hợp đồng số ' || g, 'Ghi chú nội bộ ' || g,
      'Hệ thống hỗ trợ trả lời câu hỏi về thủ tục hành chính',
      CASE WHEN g % 5 IN (0, 1, 2) THEN (ARRAY['high','medium','low','low','medium'])[1 + (g / 5) % 5] END,
      CASE WHEN g % 5 IN (0, 1, 2) THEN (g / 5) % 5 = 0 END,
      CASE WHEN g % 5 IN (0, 1, 2) THEN '{"answers":{},"reasons":[]}'::jsonb END,
      CASE WHEN g % 5 IN (0, 1, 2) THEN '2026.1' END, CASE WHEN g % 5 IN (0, 1, 2) THEN now() END,
      CASE WHEN g % 5 IN (1, 3) THEN now() - make_interval(hours => g) END, now() - make_interval(mins => g)
    FROM generate_series(1, ${total}) g JOIN units u ON u.k = (g * 7) % u.n JOIN products p ON p.k = g % 40`.execute(
    db,
  );
  await sql`INSERT INTO ai_impact_assessment (use_id, version, status, content, approver_name, approved_at, published_at)
    SELECT id, 1, CASE WHEN published_at IS NOT NULL THEN 'published' ELSE 'approved' END,
      '{"I.1":"Thông tin chung"}'::jsonb, 'Lãnh đạo đơn vị', now(), published_at
    FROM ai_use WHERE level = 'high' AND id % 2 = 0`.execute(db);
  await sql`INSERT INTO ai_incident (use_id, unit_id, occurred_at, detected_at, severity, description, deadlines)
    SELECT id, unit_id, now() - interval '3 days', now() - interval '3 days',
      CASE WHEN id % 40 = 0 THEN 'serious' ELSE 'other' END, 'Trả lời sai thông tin thủ tục', ${DEADLINES}::jsonb
    FROM ai_use WHERE id % 20 = 0`.execute(db);
  await sql`ANALYZE`.execute(db);
}

/** The register's list rows, as the store reads them, in one query (with the total as a window). */
const bareList = (where: ReturnType<typeof sql>) => sql`
  SELECT u.*, p.name AS product_name, p.provider AS product_provider, n.name AS unit_name, count(*) OVER () AS total
  FROM ai_use u JOIN ai_product p ON p.id = u.product_id JOIN unit n ON n.id = u.unit_id
  WHERE ${where} ORDER BY u.updated_at DESC, u.id DESC LIMIT 50`;

/** The published uses as the public register lists them (its page or all of them), with their total. */
const publicSql = (limit: ReturnType<typeof sql>) => sql`
  SELECT u.*, p.name AS product_name, p.provider, p.function, n.name AS unit_name, count(*) OVER () AS total,
    (SELECT max(version) FROM ai_impact_assessment a WHERE a.use_id = u.id AND a.status = 'published') AS published_version
  FROM ai_use u JOIN ai_product p ON p.id = u.product_id JOIN unit n ON n.id = u.unit_id
  WHERE u.published_at IS NOT NULL AND u.status <> 'retired' ORDER BY n.name, p.name, u.id ${limit}`;

export const aiRegister: Bench = {
  name: 'ai-register',
  description:
    'AI-systems register, 5,000 uses over ~3,500 communes: list, search, one use, coverage, public, beside SQL',
  backends: ['pglite', 'postgres'],
  async run(ctx) {
    const database = await open(ctx);
    try {
      const db = database.db;
      await prepareDatabase(db, { demo: false });
      const started = performance.now();
      const counts = await generateNational(db);
      await seed(db, 5000);
      const setupMs = Math.round(performance.now() - started);
      const app = testApp(db, ctx.backend, { rateLimit: { publicPerMinute: 0, userPerMinute: 0 } });
      await makeUser(db, 'bench.ai.focal', '38.SKHCN', ['officer']);
      await makeUser(db, 'bench.ai.admin', 'TW', ['sysadmin']);
      const focal = await new Client(app).login('bench.ai.focal');
      const admin = await new Client(app).login('bench.ai.admin');
      const anon = new Client(app);
      const province = (
        await sql<{ id: number; focal: number }>`SELECT p.id, f.id AS focal FROM unit p
        JOIN unit f ON f.code = '38.SKHCN' WHERE p.code = '38'`.execute(db)
      ).rows[0]!;
      const inProvince = (
        await sql<{ id: number; n: number }>`SELECT max(u.id) AS id, count(*)::int AS n FROM ai_use u
          JOIN unit n ON n.id = u.unit_id WHERE n.path @> ARRAY[${province.id}]::integer[]`.execute(db)
      ).rows[0]!;
      const useId = inProvince.id;

      const get = async (client: Client, path: string) => {
        const r = await client.get(path);
        if (r.status !== 200) throw new Error(`${path}: ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
        return r;
      };
      const bare = async (q: ReturnType<typeof sql>) => JSON.stringify((await q.execute(db)).rows);
      const paths = {
        list: '/api/ai-systems?limit=50',
        search: `/api/ai-systems?limit=50&q=${encodeURIComponent('tro ly ao')}`,
        one: `/api/ai-systems/${useId}`,
        coverage: '/api/ai-systems/coverage',
        coverageXlsx: '/api/ai-systems/coverage.xlsx',
        public: '/api/public/ai-systems',
        publicSearch: `/api/public/ai-systems?q=${encodeURIComponent('tro ly ao')}`,
        publicCsv: '/api/public/ai-systems.csv',
      };
      // One pass with every answer checked against its declared schema (the seed must give valid answers), then
      // timed without the check, as in production.
      const listed = (await get(focal, paths.list)).body;
      const national = (await get(admin, paths.list)).body;
      const found = (await get(admin, paths.search)).body;
      const coverageProvince = (await get(focal, paths.coverage)).body;
      const coverageNational = (await get(admin, paths.coverage)).body;
      const published = (await get(anon, paths.public)).body;
      await get(focal, paths.one);
      delete process.env.THIHANH_CHECK_RESPONSES;
      if (listed.total !== inProvince.n) throw new Error(`province list: ${listed.total} ≠ ${inProvince.n}`);

      const roots = [province.focal, province.id];
      const scoped = sql`n.path && ${sql.val(roots)}::integer[]`;
      const match = sql`(f_unaccent(lower(p.name)) LIKE f_unaccent(${'%tro ly ao%'}) OR f_unaccent(lower(u.purpose)) LIKE f_unaccent(${'%tro ly ao%'}) OR f_unaccent(lower(n.name)) LIKE f_unaccent(${'%tro ly ao%'}))`;
      const coverageSql = (root: number) => sql`
        SELECT coalesce(n.path[array_position(n.path, ${root}::int) + 1], ${root}::int) AS unit_id, count(*) AS uses,
          count(*) FILTER (WHERE u.level = 'high') AS high, count(*) FILTER (WHERE a.use_id IS NOT NULL) AS approved,
          sum(coalesce(i.open, 0)) AS open_incidents
        FROM ai_use u JOIN unit n ON n.id = u.unit_id
        LEFT JOIN (SELECT DISTINCT use_id FROM ai_impact_assessment WHERE status IN ('approved','published')) a ON a.use_id = u.id
        LEFT JOIN (SELECT use_id, count(*) AS open FROM ai_incident WHERE status = 'open' GROUP BY use_id) i ON i.use_id = u.id
        WHERE n.path @> ARRAY[${root}::int] GROUP BY 1`;
      const tw = (await sql<{ id: number }>`SELECT id FROM unit WHERE code = 'TW'`.execute(db)).rows[0]!.id;
      const N = 30;
      const figures = {
        list_province_50: await timeIt(N, () => get(focal, paths.list), 3),
        anchor_list_province_50: await timeIt(N, () => bare(bareList(scoped)), 3),
        list_national_50: await timeIt(N, () => get(admin, paths.list), 3),
        anchor_list_national_50: await timeIt(N, () => bare(bareList(sql`true`)), 3),
        search_national: await timeIt(N, () => get(admin, paths.search), 3),
        search_province: await timeIt(N, () => get(focal, paths.search), 3),
        anchor_search_national: await timeIt(N, () => bare(bareList(match)), 3),
        one_use: await timeIt(N, () => get(focal, paths.one), 3),
        anchor_one_use: await timeIt(
          N,
          () =>
            bare(sql`SELECT u.*, p.*, n.name, n.path,
              (SELECT json_agg(i) FROM ai_incident i WHERE i.use_id = u.id) AS incidents,
              (SELECT json_agg(a) FROM ai_impact_assessment a WHERE a.use_id = u.id) AS assessments
              FROM ai_use u JOIN ai_product p ON p.id = u.product_id JOIN unit n ON n.id = u.unit_id WHERE u.id = ${useId}`),
          3,
        ),
        coverage_province: await timeIt(N, () => get(focal, paths.coverage), 3),
        anchor_coverage_province: await timeIt(N, () => bare(coverageSql(province.id)), 3),
        coverage_national: await timeIt(10, () => get(admin, paths.coverage), 2),
        anchor_coverage_national: await timeIt(10, () => bare(coverageSql(tw)), 2),
        coverage_xlsx_province: await timeIt(10, () => get(focal, paths.coverageXlsx), 2),
        coverage_xlsx_national: await timeIt(5, () => get(admin, paths.coverageXlsx), 1),
        // The public register a page at a time (the web app's first page, 50) and whole (the CSV), each beside the
        // same rows read bare.
        public_page_50: await timeIt(10, () => get(anon, paths.public), 2),
        anchor_public_page_50: await timeIt(10, () => bare(publicSql(sql`LIMIT 50`)), 2),
        public_search: await timeIt(10, () => get(anon, paths.publicSearch), 2),
        public_csv: await timeIt(10, () => get(anon, paths.publicCsv), 2),
        anchor_public_all: await timeIt(10, () => bare(publicSql(sql``)), 2),
      };
      return {
        data: {
          ...counts,
          uses: 5000,
          uses_in_province: inProvince.n,
          uses_found_by_search: found.total,
          national_list_total: national.total,
          coverage_rows_province: coverageProvince.rows?.length ?? null,
          coverage_rows_national: coverageNational.rows?.length ?? null,
          public_items: published.total,
          setup_ms: setupMs,
        },
        ...figures,
      };
    } finally {
      await database.close();
    }
  },
};
