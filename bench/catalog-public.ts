// The public catalogue of the provincial AI database with 5,000 published datasets (one file each, spread over the
// province's units and communes): a page of the list, an unaccented search, one dataset, and the whole catalogue
// in DCAT JSON-LD and CSV through the HTTP routes, beside a bare anchor in the same run (the same page read with
// one SQL query and JSON.stringify; every published row read and stringified).
import { sql } from 'kysely';
import { openDatabase, type Database } from '../src/db/connect.ts';
import { createFreshDatabase } from '../src/db/fresh-database.ts';
import { prepareDatabase } from '../src/bootstrap.ts';
import { Client, testApp } from '../test/support/api.ts';
import { rssMb, timeIt, type Bench, type BenchContext } from './harness.ts';

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

const SECTORS = ['y-te', 'giao-duc', 'nong-nghiep-moi-truong', 'dat-dai', 'giao-thong-xay-dung', 'van-hoa-du-lich'];
const CSV = Buffer.from('ma_xa,chi_tieu,gia_tri\n16516,so_ho,1200\n14797,so_ho,980\n');
const QUALITY = JSON.stringify({ format: 'csv', encoding: 'utf-8', rows: 2, columns: 3, score: 96, personalData: [] });

/** 5,000 published datasets, each with one file version, in three INSERT … SELECT statements. */
async function seed(db: Database['db'], total: number): Promise<void> {
  await sql`WITH units AS (SELECT id, name, row_number() OVER (ORDER BY id) - 1 AS k, count(*) OVER () AS n
                           FROM unit WHERE kind IN ('ward','commune','agency'))
    INSERT INTO dataset (unit_id, title, description, sector, keywords, access_class, update_frequency, spatial_unit_ids,
      status, published_at, search_label, contact_name, contact_email, licence)
    SELECT u.id, 'Bộ dữ liệu thống kê số ' || g || ' của ' || u.name,
      'Số liệu tổng hợp hằng năm của đơn vị phục vụ huấn luyện và đánh giá mô hình trí tuệ nhân tạo (' || g || ').',
      (${sql.val(SECTORS)}::text[])[1 + g % ${SECTORS.length}], ARRAY['thống kê', 'năm 2025'],
      CASE WHEN g % 5 = 0 THEN 'conditional' ELSE 'open' END, 'yearly', ARRAY[u.id],
      'published', now() - make_interval(mins => g), f_unaccent(lower('Bộ dữ liệu thống kê số ' || g || ' của ' || u.name)),
      'Đầu mối kỹ thuật', 'dau-moi@thanhhoa.gov.vn', 'Ghi nguồn khi sử dụng'
    FROM generate_series(1, ${total}) g JOIN units u ON u.k = g % u.n`.execute(db);
  await sql`INSERT INTO dataset_resource (dataset_id, title) SELECT id, 'so-lieu.csv' FROM dataset`.execute(db);
  await sql`INSERT INTO dataset_resource_version (resource_id, version, filename, format, mime, size, sha256, content, quality, quality_score)
    SELECT id, 1, 'so-lieu.csv', 'csv', 'text/csv; charset=utf-8', ${CSV.length}, 'x', ${CSV}, ${QUALITY}::jsonb, 96
    FROM dataset_resource`.execute(db);
}

export const catalogPublic: Bench = {
  name: 'catalog-public',
  description: 'Public dataset catalogue with 5,000 datasets: list page, search, DCAT JSON-LD and CSV, beside bare SQL',
  backends: ['pglite', 'postgres'],
  async run(ctx) {
    const database = await open(ctx);
    try {
      await prepareDatabase(database.db, { demo: false });
      await seed(database.db, 5000);
      const app = testApp(database.db, ctx.backend, { rateLimit: { publicPerMinute: 0, userPerMinute: 0 } });
      const anon = new Client(app);
      const get = async (path: string) => {
        const r = await anon.get(path);
        if (r.status !== 200) throw new Error(`${path}: ${r.status}`);
        return r;
      };
      const page = await timeIt(30, () => get('/api/public/datasets?limit=50'), 3);
      const search = await timeIt(30, () => get('/api/public/datasets?q=thong ke so 4321&limit=50'), 3);
      const one = await timeIt(30, () => get('/api/public/datasets/2500'), 3);
      const rssBefore = rssMb();
      let dcatBytes = 0;
      let peak = rssBefore;
      const sample = setInterval(() => {
        peak = Math.max(peak, rssMb());
      }, 10);
      const dcat = await timeIt(
        5,
        async () => {
          const r = await get('/api/public/catalog.jsonld');
          dcatBytes = JSON.stringify(r.body).length;
          if ((r.body['dcat:dataset'] as unknown[]).length !== 5000) throw new Error('DCAT lacks datasets');
        },
        1,
      );
      clearInterval(sample);
      const csv = await timeIt(5, () => get('/api/public/datasets.csv'), 1);
      const barePage = await timeIt(
        30,
        async () =>
          JSON.stringify(
            (
              await sql`SELECT d.*, r.id AS resource_id FROM dataset d JOIN dataset_resource r ON r.dataset_id = d.id
                WHERE d.status = 'published' ORDER BY d.published_at DESC LIMIT 50`.execute(database.db)
            ).rows,
          ),
        3,
      );
      const bareAll = await timeIt(
        5,
        async () =>
          JSON.stringify(
            (
              await sql`SELECT d.*, r.id AS resource_id FROM dataset d JOIN dataset_resource r ON r.dataset_id = d.id
                WHERE d.status = 'published' ORDER BY d.id DESC`.execute(database.db)
            ).rows,
          ),
        1,
      );
      return {
        datasets: 5000,
        list_page_50: page,
        search_unaccented: search,
        one_dataset: one,
        dcat_jsonld_all: {
          ...dcat,
          mb: Math.round(dcatBytes / 1e5) / 10,
          rss_peak_above_mb: Math.round(peak - rssBefore),
        },
        csv_all: csv,
        anchor_bare_page_50: barePage,
        anchor_bare_all_rows: bareAll,
      };
    } finally {
      await database.close();
    }
  },
};
