// National-scale synthetic data for the tracking benchmarks: 34 provinces (Thanh Hóa's real 166 communes plus the
// register's 33 other provinces, each given about 100 synthetic communes), each province with an issued plan of 10 tasks cascaded to every
// commune, assignments, 3 years of progress updates with deliverables, and yearly unit reports.
// Set-based SQL (generate_series), so it runs in seconds on PGlite and PostgreSQL alike.
//   bash scripts/with-node.sh node bench/national-data.ts [--provinces 33] [--communes 100]   (prints counts; in-memory PGlite)
import { sql, type Kysely } from 'kysely';
import type { DB } from '../src/db/schema.ts';
import { recomputePaths } from '../src/modules/org/store.ts';

export interface NationalShape {
  /** Provinces given synthetic communes next to Thanh Hóa: the register's others first, then made-up ones. */
  provinces: number;
  communesPerProvince: number;
  tasksPerPlan: number;
  years: number[];
}

export const NATIONAL: NationalShape = {
  provinces: 33,
  communesPerProvince: 100,
  tasksPerPlan: 10,
  years: [2024, 2025, 2026],
};

export async function generateNational(
  db: Kysely<DB>,
  shape: NationalShape = NATIONAL,
): Promise<Record<string, number>> {
  return db.transaction().execute(async (tx) => {
    const P = shape.provinces;
    const C = shape.communesPerProvince;
    const T = shape.tasksPerPlan;

    // Units: the register's other provinces (then made-up ones past 33), their focal Sở, communes (every 8th a
    // phường), three offices per synthetic commune.
    const real = (
      await sql<{
        code: string;
      }>`SELECT code FROM unit WHERE kind = 'province' AND code <> '38' ORDER BY code LIMIT ${P}`.execute(tx)
    ).rows.map((r) => r.code);
    const extra = Math.max(0, P - real.length);
    await sql`INSERT INTO unit (parent_id, path, kind, code, name, short_name)
      SELECT tw.id, '{}', 'province', 'P' || lpad(p::text, 2, '0'), 'Tỉnh Mô Phỏng ' || p, 'Mô Phỏng ' || p
      FROM generate_series(1, ${extra}::int) p, (SELECT id FROM unit WHERE code = 'TW') tw`.execute(tx);
    const codes = [...real, ...Array.from({ length: extra }, (_, i) => `P${String(i + 1).padStart(2, '0')}`)];
    const chosen = sql`pr.code = ANY(${codes}::text[])`;
    await sql`INSERT INTO unit (parent_id, path, kind, code, name, short_name)
      SELECT pr.id, '{}', 'agency', pr.code || '.SKHCN', 'Sở Khoa học và Công nghệ', 'SKHCN' FROM unit pr WHERE pr.kind = 'province' AND ${chosen}`.execute(
      tx,
    );
    await sql`INSERT INTO unit (parent_id, path, kind, code, name, short_name)
      SELECT pr.id, '{}', CASE WHEN c % 8 = 0 THEN 'ward' ELSE 'commune' END, pr.code || '.' || lpad(c::text, 3, '0'),
        CASE WHEN c % 8 = 0 THEN 'Phường ' ELSE 'Xã ' END || pr.short_name || ' ' || c, pr.short_name || ' ' || c
      FROM unit pr, generate_series(1, ${C}::int) c WHERE pr.kind = 'province' AND ${chosen}`.execute(tx);
    await sql`INSERT INTO unit (parent_id, path, kind, code, name, short_name)
      SELECT cm.id, '{}', 'office', cm.code || '.' || o.code, o.name || ' ' || lower(split_part(cm.name, ' ', 1)) || ' ' || cm.short_name, o.name
      FROM unit cm JOIN unit pr ON pr.id = cm.parent_id AND ${chosen},
        (VALUES ('PVHXH', 'Phòng Văn hóa - Xã hội'), ('PKT', 'Phòng Kinh tế'), ('CA', 'Công an')) o(code, name)
      WHERE cm.kind IN ('commune', 'ward')`.execute(tx);
    await recomputePaths(tx);
    await sql`UPDATE unit f SET focal_for_id = p.id FROM unit p
      WHERE f.focal_for_id IS NULL AND ((f.code = p.code || '.SKHCN' AND p.kind = 'province') OR (f.code = p.code || '.PVHXH' AND p.kind IN ('commune','ward')))`.execute(
      tx,
    );

    // One issued plan per province, and one per commune implementing it.
    const header = (
      title: string,
    ) => sql`jsonb_build_object('type', 'KH', 'number', '1', 'symbol', 'KH-UBND', 'date', '2024-03-01', 'year', 2024,
      'place', null, 'issuer', null, 'issuerParent', null, 'title', ${title}::text, 'basis', '[]'::jsonb, 'signer', null, 'recipients', '[]'::jsonb)`;
    await sql`INSERT INTO plan (unit_id, status, number, symbol, issued_date, year, title, header, sections, groups, published, issued_at)
      SELECT pr.id, 'issued', '1', 'KH-UBND', '2024-03-01', 2024, 'Triển khai thi hành Luật Trí tuệ Nhân tạo trên địa bàn ' || lower(pr.name),
        ${header('Triển khai thi hành Luật Trí tuệ Nhân tạo')}, '[]', '[]', true, now()
      FROM unit pr WHERE pr.kind = 'province' AND (pr.code = '38' OR ${chosen})`.execute(tx);
    await sql`INSERT INTO plan (unit_id, parent_plan_id, status, number, symbol, issued_date, year, title, header, sections, groups, published, issued_at)
      SELECT cm.id, pp.id, 'issued', '2', 'KH-UBND', '2024-04-01', 2024, 'Triển khai thi hành Luật Trí tuệ Nhân tạo trên địa bàn ' || lower(cm.name),
        ${header('Triển khai thi hành Luật Trí tuệ Nhân tạo')}, '[]', '[]', true, now()
      FROM unit cm JOIN plan pp ON pp.unit_id = cm.parent_id AND pp.parent_plan_id IS NULL
      WHERE cm.kind IN ('commune', 'ward') AND NOT EXISTS (SELECT 1 FROM plan x WHERE x.unit_id = cm.id)`.execute(tx);

    // Tasks: province tasks led by the focal Sở; commune tasks led by Phòng Văn hóa - Xã hội, linked to the parent task.
    const lead = (alias: string) =>
      sql.raw(
        `jsonb_build_array(jsonb_build_object('text', ${alias}.name, 'unitId', ${alias}.id, 'unitCode', ${alias}.code, 'unitName', ${alias}.name, 'confidence', 1, 'group', false))`,
      );
    await sql`INSERT INTO plan_task (plan_id, ordinal, number, title, lead, coordinators, timeframe_text, schedule, deliverables, lead_unit_id)
      SELECT p.id, t, t::text, 'Nhiệm vụ ' || t || ' của kế hoạch', ${lead('f')}, '[]', 'Hàng năm',
        '{"kind":"recurring","start":null,"end":null,"recurrence":"yearly","dueDay":{"month":12,"day":15},"dueDates":[]}', '["Báo cáo"]', f.id
      FROM plan p JOIN unit f ON f.focal_for_id = p.unit_id, generate_series(1, ${T}::int) t
      WHERE p.parent_plan_id IS NULL AND NOT EXISTS (SELECT 1 FROM plan_task x WHERE x.plan_id = p.id)`.execute(tx);
    await sql`INSERT INTO plan_task (plan_id, ordinal, number, title, lead, coordinators, timeframe_text, schedule, deliverables, lead_unit_id, parent_task_id)
      SELECT p.id, pt.ordinal, pt.number, pt.title, ${lead('f')}, '[]', pt.timeframe_text, pt.schedule, pt.deliverables, f.id, pt.id
      FROM plan p JOIN unit f ON f.focal_for_id = p.unit_id JOIN plan_task pt ON pt.plan_id = p.parent_plan_id
      WHERE p.parent_plan_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM plan_task x WHERE x.plan_id = p.id)`.execute(tx);

    // Assignments: the lead, and Phòng Kinh tế coordinating every other commune task.
    await sql`INSERT INTO assignment (task_id, plan_id, unit_id, role, percent, completed_on, last_update_at)
      SELECT t.id, t.plan_id, t.lead_unit_id, 'lead', 0, NULL, NULL FROM plan_task t
      WHERE t.lead_unit_id IS NOT NULL ON CONFLICT DO NOTHING`.execute(tx);
    await sql`INSERT INTO assignment (task_id, plan_id, unit_id, role)
      SELECT t.id, t.plan_id, k.id, 'coordinator' FROM plan_task t JOIN plan p ON p.id = t.plan_id JOIN unit k ON k.code = (SELECT code FROM unit WHERE id = p.unit_id) || '.PKT'
      WHERE t.ordinal % 2 = 0 ON CONFLICT DO NOTHING`.execute(tx);

    // Progress: one update per assignment per year, most completed (some late), a deliverable on every third.
    for (const year of shape.years) {
      await sql`INSERT INTO progress_update (assignment_id, unit_id, percent, narrative, completed, occurred_on)
        SELECT a.id, a.unit_id, CASE WHEN (a.id + ${year}::int) % 5 = 0 THEN 60 ELSE 100 END,
          'Đã triển khai nhiệm vụ năm ' || ${year}::int, (a.id + ${year}::int) % 5 <> 0,
          make_date(${year}::int, 1 + ((a.id * 7 + ${year}::int) % 12)::int, 1 + ((a.id * 13) % 27)::int)
        FROM assignment a`.execute(tx);
    }
    await sql`INSERT INTO deliverable_record (update_id, assignment_id, unit_id, kind, title, occurred_on, participants)
      SELECT u.id, u.assignment_id, u.unit_id, (ARRAY['conference','article','training','document'])[1 + (u.id % 4)],
        'Sản phẩm ' || u.id, u.occurred_on, CASE WHEN u.id % 4 IN (0, 2) THEN 20 + (u.id % 200) ELSE NULL END
      FROM progress_update u WHERE u.id % 3 = 0`.execute(tx);
    await sql`UPDATE assignment a SET percent = u.percent, completed_on = CASE WHEN u.completed THEN u.occurred_on END, last_update_at = now()
      FROM (SELECT DISTINCT ON (assignment_id) assignment_id, percent, completed, occurred_on FROM progress_update ORDER BY assignment_id, occurred_on DESC) u
      WHERE u.assignment_id = a.id`.execute(tx);
    await sql`ANALYZE`.execute(tx);

    const counts = await sql<{ t: string; n: number }>`
      SELECT 'provinces' t, count(*)::int n FROM unit WHERE kind = 'province' UNION ALL
      SELECT 'communes', count(*)::int FROM unit WHERE kind IN ('commune','ward') UNION ALL
      SELECT 'plans', count(*)::int FROM plan UNION ALL SELECT 'tasks', count(*)::int FROM plan_task UNION ALL
      SELECT 'assignments', count(*)::int FROM assignment UNION ALL SELECT 'updates', count(*)::int FROM progress_update UNION ALL
      SELECT 'deliverables', count(*)::int FROM deliverable_record`.execute(tx);
    return Object.fromEntries(counts.rows.map((r) => [r.t, Number(r.n)]));
  });
}

if (import.meta.main) {
  const { openDatabase } = await import('../src/db/connect.ts');
  const { prepareDatabase } = await import('../src/bootstrap.ts');
  const arg = (name: string, fallback: number) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? Number(process.argv[i + 1]) : fallback;
  };
  const d = await openDatabase({ databaseUrl: process.env.DATABASE_URL || null });
  await prepareDatabase(d.db, { demo: false });
  const t = performance.now();
  const counts = await generateNational(d.db, {
    ...NATIONAL,
    provinces: arg('provinces', NATIONAL.provinces),
    communesPerProvince: arg('communes', NATIONAL.communesPerProvince),
  });
  console.log(JSON.stringify({ generated: counts, ms: Math.round(performance.now() - t), backend: d.backend }));
  await d.close();
}
