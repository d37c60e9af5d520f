// A plan exported as an official DOCX and imported back is the same plan: header, tasks, units, timeframes, products.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { importPlan } from '../../src/documents/parse/index.ts';
import { renderPlanDocx } from '../../src/documents/render/plan-docx.ts';
import { cascadePlan, DEFAULT_CASCADE_RULES } from '../../src/domain/plan/cascade.ts';
import type { PlanDraft } from '../../src/domain/plan/model.ts';
import { referenceDirectory } from '../../src/modules/org/reference-data.ts';

const seed = readFileSync(
  new URL('../fixtures/plans/ke-hoach-tinh-thanh-hoa-thi-hanh-luat-tri-tue-nhan-tao.txt', import.meta.url),
);

// A group named inside a list is printed with a lower-case initial ("Sở Tài chính và các cơ quan…"): the case of
// that letter is presentation, not content.
const ref = (r: { unitCode: string | null; text: string }) =>
  r.unitCode ?? r.text.charAt(0).toLocaleLowerCase('vi') + r.text.slice(1);

function essentials(p: PlanDraft) {
  return {
    number: p.document.number,
    symbol: p.document.symbol,
    date: p.document.date,
    title: p.document.title,
    basis: p.document.basis.map((b) => [b.kind, b.number, b.symbol, b.date]),
    signer: p.document.signer?.name ?? null,
    tasks: p.tasks.map((t) => ({
      number: t.number,
      title: t.title,
      content: t.content,
      lead: t.lead.map(ref),
      coordinators: t.coordinators.map(ref),
      timeframe: t.timeframe.text,
      schedule: t.timeframe.schedule,
      deliverables: t.deliverables,
    })),
    groups: p.groups,
  };
}

test('the province plan survives DOCX export and import', async () => {
  const { directory } = referenceDirectory();
  const plan = await importPlan({ filename: 'p.txt', content: seed }, directory);
  const issued: PlanDraft = {
    ...plan,
    document: {
      ...plan.document,
      number: '129',
      date: '2026-05-04',
      signer: { ...plan.document.signer!, name: 'Nguyễn Hoài Anh' },
    },
  };
  const docx = await renderPlanDocx(issued, {
    issuerParentName: null,
    issuerName: 'ỦY BAN NHÂN DÂN TỈNH THANH HÓA',
    placeName: 'Thanh Hóa',
  });
  const back = await importPlan({ filename: 'ke-hoach-129.docx', content: docx }, directory);
  assert.deepEqual(essentials(back), essentials(issued));
  assert.equal(back.document.issuer?.unitCode, '38');
  assert.deepEqual(back.unplaced, []);
});

test('a cascaded ward plan survives DOCX export and import', async () => {
  const { directory, entries } = referenceDirectory();
  const parent = await importPlan({ filename: 'p.txt', content: seed }, directory);
  const ward = entries.find((e) => e.code === '16516')!;
  const child = cascadePlan(
    parent,
    {
      id: 1,
      number: '129',
      symbol: 'KH-UBND',
      date: '2026-05-04',
      issuerName: 'UBND tỉnh Thanh Hóa',
      focalUnitName: 'Sở Khoa học và Công nghệ',
    },
    { commune: ward, offices: entries.filter((e) => e.parentId === ward.id) },
    { rules: DEFAULT_CASCADE_RULES, directory },
  );
  const docx = await renderPlanDocx(child, {
    issuerParentName: null,
    issuerName: 'ỦY BAN NHÂN DÂN PHƯỜNG NAM SẦM SƠN',
    placeName: 'Nam Sầm Sơn',
  });
  const back = await importPlan({ filename: 'ke-hoach-phuong.docx', content: docx }, directory);
  const strip = (p: PlanDraft) => ({
    ...essentials(p),
    tasks: essentials(p).tasks.map((t) => ({ ...t, lead: t.lead })),
  });
  assert.deepEqual(strip(back).tasks, strip(child).tasks);
  assert.equal(back.document.title, child.document.title);
  assert.equal(back.document.basis[0]?.number, '129');
  assert.equal(back.document.issuer?.unitCode, '16516');
});
