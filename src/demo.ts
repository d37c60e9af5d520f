// Demo content: the real province plan issued as 129/KH-UBND on 04/05/2026 and cascaded to the communes and wards
// but five (so the cascade wizard has someone left to try it on); phường Nam Sầm Sơn's plan issued. Only in demo mode, only into an empty database, through the same use
// cases people use (so every row has its audit record).
import { readFileSync } from 'node:fs';
import type { Kysely } from 'kysely';
import type { DB } from './db/schema.ts';
import { actorFor } from './modules/auth/index.ts';
import { getUnitByCode, unitEntries, updateDocumentSettings } from './modules/org/index.ts';
import { findUserByUsername } from './modules/users/index.ts';
import * as plans from './modules/plans/index.ts';
import { seedAiSystemsDemo } from './modules/ai-systems/index.ts';
import { seedDatasetsDemo } from './modules/datasets/index.ts';
import { spellLawNamesIn } from './domain/plan/laws.ts';

const SEEDS = new URL('../reference-data/seed-plans/', import.meta.url);

async function ctxOf(db: Kysely<DB>, username: string) {
  const u = await findUserByUsername(db, username);
  if (!u) throw new Error(`demo account ${username} missing`);
  return { db, actor: await actorFor(db, u.id), ip: 'demo' };
}

/**
 * Who signs for UBND tỉnh, Sở KH&CN and phường Nam Sầm Sơn (set by the province's unit admin after the plans were
 * issued), so that a leader approving a report or the compiled report picks among them.
 */
async function seedDocumentSettings(db: Kysely<DB>): Promise<void> {
  const admin = await ctxOf(db, 'thanhhoa.quantri');
  const settings = [
    {
      code: '38',
      draftingDivision: 'CNXDKH',
      signers: [
        { title: 'Chủ tịch', name: 'Nguyễn Hoài Anh', authority: 'TM' as const, isDefault: true },
        { title: 'Phó Chủ tịch', name: 'Đầu Thanh Tùng', authority: 'KT' as const, isDefault: false },
      ],
    },
    {
      code: '38.SKHCN',
      draftingDivision: 'VP',
      signers: [
        { title: 'Giám đốc', name: 'Trịnh Văn Hùng', authority: 'none' as const, isDefault: true },
        { title: 'Phó Giám đốc', name: 'Lê Văn Dũng', authority: 'KT' as const, isDefault: false },
      ],
    },
    {
      code: '16516',
      draftingDivision: 'VHXH',
      signers: [
        { title: 'Chủ tịch', name: 'Phạm Xuân Trường', authority: 'TM' as const, isDefault: true },
        { title: 'Phó Chủ tịch', name: 'Lê Thị Thu', authority: 'KT' as const, isDefault: false },
      ],
    },
  ];
  for (const s of settings) {
    const unit = await getUnitByCode(db, s.code);
    if (unit) await updateDocumentSettings(admin, unit.id, { ...s, symbolSuffix: null });
  }
}

/** Communes and wards the demo leaves without a cascaded plan: the last five by official code. */
export const DEMO_UNCASCADED = 5;

/** The province's communes and wards but the last {@link DEMO_UNCASCADED} by code (never phường Nam Sầm Sơn). */
async function demoCascadeTargets(db: Kysely<DB>, provinceId: number): Promise<number[]> {
  const communes = (await unitEntries(db))
    .filter((e) => (e.kind === 'commune' || e.kind === 'ward') && e.parentId === provinceId)
    .sort((a, b) => a.code.localeCompare(b.code));
  const left = communes.filter((c) => c.code !== '16516').slice(-DEMO_UNCASCADED);
  return communes.filter((c) => !left.includes(c)).map((c) => c.id);
}

export async function seedDemoContent(db: Kysely<DB>, baseUrl = 'http://localhost:3000'): Promise<boolean> {
  const province = await getUnitByCode(db, '38');
  const ward = await getUnitByCode(db, '16516');
  if (!province || !ward) return false;
  const officer = await ctxOf(db, 'skhcn.chuyenvien');
  // The officer of Sở KH&CN follows the whole province: any plan there means the content is in place.
  if ((await plans.listPlansFor(officer, { limit: 1, offset: 0 })).total > 0) return false;
  const provinceLeader = await ctxOf(db, 'tinh.lanhdao');
  const wardOfficer = await ctxOf(db, 'namsamson.chuyenvien');
  const wardLeader = await ctxOf(db, 'namsamson.lanhdao');

  const filename = 'ke-hoach-tinh-thanh-hoa-thi-hanh-luat-tri-tue-nhan-tao.txt';
  const content = readFileSync(new URL(filename, SEEDS));
  const imported = await plans.importForReview(officer, { filename, content });
  // The plan as received writes "Luật Trí tuệ Nhân tạo"; the officer takes the checks' suggestion and names the law
  // as it names itself before submitting, so the demo (and every commune plan cascaded from it) shows it right.
  const draft = spellLawNamesIn(imported.draft);
  const { sourceText } = imported;
  const { id } = await plans.createPlan(officer, { unitId: province.id, draft, sourceName: filename, sourceText });
  await plans.transition(officer, id, 'submit', {});
  await plans.transition(provinceLeader, id, 'approve', {});
  await plans.transition(provinceLeader, id, 'issue', {
    number: '129',
    date: '2026-05-04',
    signerName: 'Nguyễn Hoài Anh',
  });
  const { created } = await plans.cascade(officer, id, { unitIds: await demoCascadeTargets(db, province.id) });

  const wardPlan = created.find((c) => c.unitId === ward.id);
  if (!wardPlan) throw new Error('demo: the cascade made no plan for phường Nam Sầm Sơn');
  await plans.transition(wardOfficer, wardPlan.planId, 'submit', {});
  await plans.transition(wardLeader, wardPlan.planId, 'approve', {});
  await plans.transition(wardLeader, wardPlan.planId, 'issue', {
    number: '45',
    date: '2026-05-20',
    signerName: 'Phạm Xuân Trường',
  });
  await seedDocumentSettings(db);
  await (await import('./modules/petitions/index.ts')).seedPetitionDemo(db, {
    skhcn: officer,
    wardOfficer,
    wardLeader,
  });
  await seedAiSystemsDemo((username) => ctxOf(db, username));
  await seedDatasetsDemo((username) => ctxOf(db, username), { baseUrl });
  return true;
}
