// The import result lists which layout rule read each header field and each task, in Vietnamese, so a person can see
// why a task was read as it was. Checked on corpus documents of different layouts and on the seeds.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { readPlanFile, type ImportLayout } from '../../src/documents/parse/index.ts';
import { LAYOUT_RULES } from '../../src/documents/parse/layout.ts';
import { readFixture, referenceDirectory } from '../fixtures/plans/reference-directory.ts';

const DOCS = new URL('../fixtures/corpus/docs/', import.meta.url);

async function layoutOf(name: string, content?: string): Promise<ImportLayout> {
  const text = content ?? readFileSync(new URL(name, DOCS), 'utf8');
  return (await readPlanFile({ filename: name, content: text }, referenceDirectory())).layout;
}

const codesOf = (l: ImportLayout, task: string) => l.tasks.find((t) => t.task === task)?.rules.map((r) => r.code) ?? [];
const fieldCodes = (l: ImportLayout, field: string) =>
  l.header.find((h) => h.field === field)?.rules.map((r) => r.code) ?? [];

describe('import: the layout rules that read each field and each task', () => {
  it('an HTML task table with group rows: "bảng có dòng nhóm" on every task, the header read from the table', async () => {
    const l = await layoutOf('06-tinh-phu-tho-luat-bao-ve-du-lieu-ca-nhan.html');
    assert.equal(l.tasks.length, 6);
    for (const t of l.tasks)
      assert.deepEqual(
        t.rules.map((r) => r.code),
        ['task.table', 'task.tableGroupRows'],
        t.task,
      );
    assert.equal(l.tasks[0]!.rules[1]!.label, 'bảng có dòng nhóm');
    assert.deepEqual(fieldCodes(l, 'issuer'), ['header.table']);
    assert.deepEqual(fieldCodes(l, 'date'), ['header.table']);
    assert.ok(l.rules.some((r) => r.code === 'source.html' && r.label === 'tệp HTML (trang web)'));
  });

  it('prose tasks of a Prime Minister\'s decision: "nhiệm vụ dạng văn xuôi", number and date from the decision', async () => {
    const l = await layoutOf('31-thu-tuong-luat-cong-nghiep-cong-nghe-so.txt');
    assert.ok(l.tasks.length >= 5);
    for (const t of l.tasks)
      assert.deepEqual(
        t.rules.map((r) => r.code),
        ['task.prose'],
        t.task,
      );
    assert.match(l.tasks[0]!.rules[0]!.label, /^nhiệm vụ dạng văn xuôi/u);
    assert.deepEqual(fieldCodes(l, 'number'), ['header.lines', 'header.decision']);
    assert.deepEqual(fieldCodes(l, 'title'), ['header.titleLine', 'header.annexTitle']);
  });

  it('tasks grouped under each agency: "nhóm theo cơ quan"; a two-column header on one line', async () => {
    const l = await layoutOf('05-tinh-lao-cai-luat-cong-nghiep-cong-nghe-so.txt');
    assert.ok(l.tasks.length >= 6);
    for (const t of l.tasks) assert.ok(codesOf(l, t.task).includes('task.agencyGroup'), t.task);
    assert.match(l.tasks[0]!.rules.map((r) => r.label).join('; '), /nhóm theo cơ quan/u);
    const issuer = l.header.find((h) => h.field === 'issuer')!;
    assert.deepEqual(issuer.rules, [{ code: 'header.oneLine', label: 'tiêu đề hai cột một dòng' }]);
  });

  it('prose items under a heading, a header with pipes, labelled fields', async () => {
    const items = await layoutOf('13-tinh-khanh-hoa-luat-tri-tue-nhan-tao.md');
    assert.deepEqual(codesOf(items, '1.1'), ['task.proseItems', 'task.groupHeading', 'task.prose']);
    const pipes = await layoutOf('02-tinh-ha-tinh-luat-du-lieu.txt');
    assert.deepEqual(fieldCodes(pipes, 'issuer'), ['header.pipes']);
    const fields = await layoutOf('01-tinh-nghe-an-luat-tri-tue-nhan-tao.txt');
    assert.ok(fields.tasks.every((t) => t.rules.some((r) => r.code === 'task.fields')));
  });

  it('an annex table after the signature, under a decision', async () => {
    const l = await layoutOf('h-04-bo-tu-phap-qd-phu-luc.txt');
    for (const t of l.tasks)
      assert.deepEqual(
        t.rules.map((r) => r.code),
        ['task.table', 'task.annexTable'],
        t.task,
      );
    assert.ok(fieldCodes(l, 'title').includes('header.titleFromDecision'));
  });

  it('the seeds: labelled fields; the ward plan without a header names its issuer from the opening sentence', async () => {
    const province = await layoutOf(
      'kh.txt',
      readFixture('ke-hoach-tinh-thanh-hoa-thi-hanh-luat-tri-tue-nhan-tao.txt'),
    );
    assert.equal(province.tasks.length, 6);
    for (const t of province.tasks) assert.ok(codesOf(province, t.task).includes('task.fields'), t.task);
    const ward = await layoutOf('kh.md', readFixture('ke-hoach-phuong-nam-sam-son-thi-hanh-luat-tri-tue-nhan-tao.md'));
    // "… của UBND tỉnh Thanh Hóa" in its basis places it in Thanh Hóa, where the opening's commune is looked for.
    assert.deepEqual(fieldCodes(ward, 'issuer'), ['header.issuerFromOpening', 'header.provinceFromContext']);
  });

  it('every rule has a Vietnamese label, and every document of the corpus gets a rule for each task', async () => {
    for (const label of Object.values(LAYOUT_RULES))
      assert.match(label, /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/iu, label);
    const { readdirSync } = await import('node:fs');
    for (const f of readdirSync(DOCS).filter((x) => /\.(txt|md|html)$/.test(x))) {
      const text = readFileSync(new URL(f, DOCS), 'utf8');
      const { draft, layout } = await readPlanFile({ filename: f, content: text }, referenceDirectory());
      const read = new Set(layout.tasks.map((t) => t.task));
      assert.deepEqual(
        draft.tasks.filter((t) => !read.has(t.number)).map((t) => t.number),
        [],
        `${f}: tasks without a layout rule`,
      );
    }
  });
});
