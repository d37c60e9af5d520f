// The plan checks do work linear in the text: the steps they count (src/domain/work.ts) for 1 MB stay within about
// ten times those for 100 KB, on ordinary text and on texts built to hurt (one huge sentence, many tiny ones, near
// misses of every standard phrase, runs of one letter, words repeated, no spaces at all). Steps, not seconds, so the
// result does not depend on how busy the machine is. The regular expressions of lint are not counted; they get 1 MB
// of adversarial text each, under a timeout that only catastrophic backtracking could reach.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { importPlan } from '../../src/documents/parse/index.ts';
import { splitUnitList } from '../../src/domain/org/resolve.ts';
import { lintPlan } from '../../src/domain/plan/lint.ts';
import type { PlanDraft, Task, UnitRef } from '../../src/domain/plan/model.ts';
import { findPhraseIssues } from '../../src/domain/plan/phrases.ts';
import { resetWork, work } from '../../src/domain/work.ts';
import { readFixture, referenceDirectory } from '../fixtures/plans/reference-directory.ts';

const KB = 1024;
const SMALL = 100 * KB;
const LARGE = 1024 * KB;
/** steps(1 MB) / steps(100 KB) is about 10.24 when linear; a quadratic check gives about 100. */
const MAX_RATIO = 13;

function steps(run: () => unknown): number {
  resetWork();
  run();
  return work.steps;
}

/** Text of `size` characters made by repeating `unit`. */
function fill(unit: string, size: number): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

/** A small deterministic generator, so a failing case can be replayed. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

/** Standard phrases with one word dropped, misspelled or doubled, between ordinary words and punctuation. */
function nearMisses(size: number, seed: number): string {
  const words = [
    'Ủy',
    'ban',
    'nhân',
    'dân',
    'phường',
    'khó',
    'khăn',
    'vướng',
    'mắc',
    'mắt',
    'tổ',
    'chức',
    'thực',
    'hiện',
    'triển',
    'khai',
    'kinh',
    'tế',
    'xã',
    'hội',
    'về',
    'qua',
    'của',
    'đảm',
    'bảo',
    'đúng',
    'tiến',
    'độ',
    'an',
    'toàn',
    'thông',
    'tin',
    'theo',
    'quy',
    'định',
  ];
  const marks = [' ', ' ', ' ', ' ', ', ', '. ', ' - ', '; '];
  const next = random(seed);
  const parts: string[] = [];
  let length = 0;
  while (length < size) {
    const w = words[Math.floor(next() * words.length)]! + marks[Math.floor(next() * marks.length)]!;
    parts.push(w);
    length += w.length;
  }
  return parts.join('').slice(0, size);
}

let seedText = '';
let ward: PlanDraft;
let province: PlanDraft;

before(async () => {
  const directory = referenceDirectory();
  ward = await importPlan(
    { filename: 'w.md', content: readFixture('ke-hoach-phuong-nam-sam-son-thi-hanh-luat-tri-tue-nhan-tao.md') },
    directory,
  );
  province = await importPlan(
    { filename: 'p.txt', content: readFixture('ke-hoach-tinh-thanh-hoa-thi-hanh-luat-tri-tue-nhan-tao.txt') },
    directory,
  );
  seedText = [
    ...ward.sections.flatMap((s) => s.blocks.map((b) => b.text)),
    ...ward.tasks.map((t) => `${t.title}. ${t.content ?? ''}`),
  ].join(' ');
});

const TEXTS: Array<[string, (size: number) => string]> = [
  ['the ward seed, repeated', (n) => fill(`${seedText} `, n)],
  [
    'one huge sentence of phrase words',
    (n) => fill('tổ chức thực hiện kinh tế xã hội khó khăn vướng mắc an toàn thông tin ', n),
  ],
  ['many tiny sentences', (n) => fill('Ủy ban. Tổ chức. Của của. ', n)],
  ['near misses of standard phrases', (n) => nearMisses(n, 42)],
  ['near misses, another draw', (n) => nearMisses(n, 7)],
  ['a run of one letter', (n) => 'a'.repeat(n)],
  ['one letter, spaced', (n) => fill('a ', n)],
  ['a word repeated', (n) => fill('của ', n)],
  ['clashing prepositions', (n) => fill('về qua ', n)],
  ['phrases without spaces', (n) => fill('Ủy-ban-nhân-', n)],
  ['a huge word between phrases', (n) => `khó khăn ${'x'.repeat(n - 40)} vướng mắt kinh tế xã`],
];

describe('phrase matching grows linearly', () => {
  for (const [name, make] of TEXTS) {
    test(name, () => {
      const small = steps(() => findPhraseIssues(make(SMALL)));
      const large = steps(() => findPhraseIssues(make(LARGE)));
      assert.ok(large > 0);
      assert.ok(large <= MAX_RATIO * Math.max(small, 1), `${name}: ${small} steps for 100 KB, ${large} for 1 MB`);
    });
  }
});

function withContent(base: PlanDraft, content: string, coordinators: UnitRef[] = []): PlanDraft {
  const tasks: Task[] = base.tasks.map((t, i) =>
    i === 0 ? { ...t, content, coordinators: [...t.coordinators, ...coordinators] } : t,
  );
  return {
    ...base,
    tasks,
    sections: base.sections.map((s) => ({
      ...s,
      blocks:
        s.kind === 'organisation'
          ? [...s.blocks, { label: null, heading: false, text: content.slice(0, content.length / 4) }]
          : s.blocks,
    })),
  };
}

const ref = (text: string): UnitRef => ({
  text,
  unitId: null,
  unitCode: null,
  unitName: null,
  confidence: 0,
  group: false,
});

describe('the whole review grows linearly', () => {
  for (const [name, make] of TEXTS) {
    test(name, { timeout: 120_000 }, () => {
      const ctx = { directory: referenceDirectory(), parent: province, issuerCode: '16516' };
      const small = steps(() => lintPlan(withContent(ward, make(SMALL)), ctx));
      const large = steps(() => lintPlan(withContent(ward, make(LARGE)), ctx));
      assert.ok(large <= MAX_RATIO * Math.max(small, 1), `${name}: ${small} steps for 100 KB, ${large} for 1 MB`);
    });
  }

  test('many tasks against a parent: coverage is looked up by word, not task by task', { timeout: 120_000 }, () => {
    const ctx = { directory: referenceDirectory(), parent: province, issuerCode: '16516' };
    const many = (n: number): PlanDraft => ({
      ...ward,
      tasks: Array.from({ length: n }, (_, i) => ({
        ...ward.tasks[i % ward.tasks.length]!,
        number: String(i + 1),
        title: `Tổ chức hội nghị số ${i} về trí tuệ nhân tạo`,
        parentTask: null,
      })),
    });
    const small = steps(() => lintPlan(many(500), ctx));
    const large = steps(() => lintPlan(many(5000), ctx));
    assert.ok(large <= MAX_RATIO * small, `${small} steps for 500 tasks, ${large} for 5000`);
  });

  test('unit lists: long lists of names and of unknown names', { timeout: 300_000 }, () => {
    const ctx = { directory: referenceDirectory(), parent: province, issuerCode: '16516' };
    const names = (n: number) =>
      Array.from({ length: n }, (_, i) => ref(i % 2 ? 'Phòng Văn hóa - Xã hội' : `Ban chỉ đạo số ${i}`));
    const small = steps(() => lintPlan(withContent(ward, 'Nội dung.', names(200)), ctx));
    const large = steps(() => lintPlan(withContent(ward, 'Nội dung.', names(2000)), ctx));
    assert.ok(large <= MAX_RATIO * small, `${small} steps for 200 names, ${large} for 2000`);
  });

  test('splitting a list of units without separators that start a unit', () => {
    const small = steps(() => splitUnitList(fill('phối hợp, ', SMALL), referenceDirectory()));
    const large = steps(() => splitUnitList(fill('phối hợp, ', LARGE), referenceDirectory()));
    assert.ok(large > 0 && large <= MAX_RATIO * small, `${small} steps for 100 KB, ${large} for 1 MB`);
    assert.equal(
      splitUnitList(fill('phối hợp, ', LARGE), referenceDirectory()).length,
      1,
      'the list is read as one piece, as before',
    );
  });
});

describe('regular expressions of the review on 1 MB of adversarial text', () => {
  const cases: Array<[string, string]> = [
    ['place names followed by long runs of spaces', fill(`xã ${' '.repeat(5000)}Nam `, LARGE)],
    ['place names of capitalised words', fill('phường Nam Sâm Sơn Nam Sâm Sơn ', LARGE)],
    ['law names that never end', fill('Luật Trí tuệ Nhân tạo và Luật ', LARGE)],
    ['amending laws', fill('Luật sửa đổi, bổ sung một số điều của Luật ', LARGE)],
    ['reports to units over long runs of spaces', fill(`báo cáo Sở Khoa học${' '.repeat(3000)}x`, LARGE)],
    ['reports to units without an end', fill('báo cáo Ủy ban nhân dân tỉnh và ', LARGE)],
    ['terms in one long text', fill('hằng năm hàng năm bảo đảm đảm bảo ', LARGE)],
  ];
  for (const [name, text] of cases) {
    test(name, { timeout: 120_000 }, () => {
      const findings = lintPlan(withContent(ward, text), {
        directory: referenceDirectory(),
        parent: province,
        issuerCode: '16516',
      });
      assert.ok(findings.length > 0);
    });
  }
});
