// Scores the importer field by field on the whole corpus (test/fixtures/corpus/docs: each document beside its
// expected reading) and holds it to the committed baseline: a change may raise a score, never lower one.
// CORPUS_BASELINE=write rewrites the baseline after an improvement; CORPUS_DETAIL=1 prints every miss.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { importPlan } from '../../src/documents/parse/index.ts';
import { lintPlan } from '../../src/domain/plan/lint.ts';
import type { Finding, PlanDraft, Task } from '../../src/domain/plan/model.ts';
import { fold } from '../../src/domain/text.ts';
import { referenceDirectory } from '../fixtures/plans/reference-directory.ts';

const CORPUS = new URL('../fixtures/corpus/', import.meta.url);
const DOCS = new URL('docs/', CORPUS);
const BASELINE = new URL('baseline.json', CORPUS);

interface ExpectedTask {
  title: string;
  lead: string[];
  coordinators: string[];
  timeframe: { text: string; kind: string; end: string | null };
  deliverables?: string[];
}

interface Expected {
  layout: string[];
  document: Record<
    'type' | 'number' | 'symbol' | 'date' | 'place' | 'issuer' | 'issuerParent' | 'title',
    string | null
  > & {
    basis: string[];
  };
  tasks: ExpectedTask[];
}

interface DocxBlock {
  p?: string;
  bold?: boolean;
  table?: string[][];
  groupRows?: number[];
}

/** A .docx built from its recipe with real Word tables (the header, the task table, the signature block). */
async function buildDocx(recipe: { blocks: DocxBlock[] }): Promise<Buffer> {
  const para = (text: string, bold = false) =>
    new Paragraph({ alignment: bold ? AlignmentType.CENTER : undefined, children: [new TextRun({ text, bold })] });
  const children = recipe.blocks.map((b) => {
    if (b.table) {
      const width = Math.max(...b.table.map((r) => r.length));
      return new Table({
        rows: b.table.map((row, i) => {
          if (b.groupRows?.includes(i)) {
            return new TableRow({
              children: [
                new TableCell({ children: [para(row[0]!, true)] }),
                new TableCell({ columnSpan: width - 1, children: [para(row[1]!, true)] }),
              ],
            });
          }
          return new TableRow({
            children: row.map((c) => new TableCell({ children: c.split('\n').map((x) => para(x, i === 0)) })),
          });
        }),
      });
    }
    return para(b.p ?? '', b.bold);
  });
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

interface Doc {
  name: string;
  expected: Expected;
  plan: PlanDraft;
  errors: Finding[];
}

async function loadCorpus(): Promise<Doc[]> {
  const files = readdirSync(DOCS).sort();
  const docs: Doc[] = [];
  for (const f of files.filter((x) => x.endsWith('.expected.json'))) {
    const base = f.replace(/\.expected\.json$/, '');
    const source = files.find((x) => x !== f && x.startsWith(`${base}.`))!;
    const text = readFileSync(new URL(source, DOCS), 'utf8');
    const input = source.endsWith('.docx.json')
      ? { filename: `${base}.docx`, content: await buildDocx(JSON.parse(text)) }
      : { filename: source, content: text };
    const plan = await importPlan(input, referenceDirectory());
    const errors = lintPlan(plan, { directory: referenceDirectory() }).filter((x) => x.severity === 'error');
    docs.push({ name: base, expected: JSON.parse(readFileSync(new URL(f, DOCS), 'utf8')), plan, errors });
  }
  return docs;
}

// ---------------------------------------------------------------------------------------------------------------
// Scoring

class Count {
  tp = 0;
  fp = 0;
  fn = 0;
  correct = 0;
  total = 0;
  /** One scalar: right when equal (both null counts as right). */
  scalar(expected: string | null, got: string | null, same: (a: string, b: string) => boolean): boolean {
    this.total++;
    const ok = expected === null ? got === null : got !== null && same(expected, got);
    if (ok) this.correct++;
    if (got !== null && ok) this.tp++;
    if (got !== null && !ok) this.fp++;
    if (expected !== null && !ok) this.fn++;
    return ok;
  }
  /** Two lists compared as sets of normalised keys. */
  sets(expected: string[], got: string[]): boolean {
    const e = new Set(expected);
    const g = new Set(got);
    let hit = 0;
    for (const x of g) if (e.has(x)) hit++;
    this.tp += hit;
    this.fp += g.size - hit;
    this.fn += e.size - hit;
    this.total++;
    const ok = hit === e.size && hit === g.size;
    if (ok) this.correct++;
    return ok;
  }
  get precision(): number {
    return this.tp + this.fp === 0 ? 1 : this.tp / (this.tp + this.fp);
  }
  get recall(): number {
    return this.tp + this.fn === 0 ? 1 : this.tp / (this.tp + this.fn);
  }
  get accuracy(): number {
    return this.total === 0 ? 1 : this.correct / this.total;
  }
}

const norm = (s: string) =>
  fold(s)
    .replace(/[“”"'()]/g, '')
    .replace(/[.,;:]+$/u, '')
    .replace(/\s+/g, ' ')
    .trim();
const sameText = (a: string, b: string) => norm(a) === norm(b);
/** "Ủy ban nhân dân" and "UBND" name the same thing; "các" before a group is style. */
const unitKey = (s: string) =>
  norm(s)
    .replace(/^cac /, '')
    .replace(/\buy ban nhan dan\b/g, 'ubnd')
    .replace(/\bhoi dong nhan dan\b/g, 'hdnd');
/** "57-NQ/TW" and "57/NQ/TW" are one reference however the number and symbol were split. */
const refNorm = (s: string) => s.replace(/\s+/g, '').toUpperCase().replace(/Đ/g, 'D').replace(/-/g, '/');
const refKey = (number: string | null, symbol: string | null) =>
  number && symbol ? refNorm(`${number}/${symbol}`) : null;

function words(s: string): Set<string> {
  return new Set(
    norm(s)
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length > 1),
  );
}

function overlap(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return a.size === 0 || b.size === 0 ? 0 : n / Math.min(a.size, b.size);
}

/** Pairs expected and imported tasks by the words of their titles (best first, each used once). */
function matchTasks(expected: ExpectedTask[], got: Task[]): Array<[ExpectedTask, Task]> {
  const pairs: Array<[number, number, number]> = [];
  expected.forEach((e, i) => {
    const we = words(e.title);
    got.forEach((g, j) => {
      const score = overlap(we, words(`${g.title} ${g.content ?? ''}`));
      if (score >= 0.7) pairs.push([score, i, j]);
    });
  });
  pairs.sort((a, b) => b[0] - a[0]);
  const usedE = new Set<number>();
  const usedG = new Set<number>();
  const out: Array<[ExpectedTask, Task]> = [];
  for (const [, i, j] of pairs) {
    if (usedE.has(i) || usedG.has(j)) continue;
    usedE.add(i);
    usedG.add(j);
    out.push([expected[i]!, got[j]!]);
  }
  return out;
}

const HEADER_FIELDS = ['type', 'number', 'symbol', 'date', 'place', 'issuer', 'issuerParent', 'title'] as const;

interface Scores {
  [metric: string]: number;
}

function score(docs: Doc[], detail: string[]): Scores {
  const header = Object.fromEntries(HEADER_FIELDS.map((f) => [f, new Count()])) as Record<
    (typeof HEADER_FIELDS)[number],
    Count
  >;
  const headerAll = new Count();
  const basis = new Count();
  const found = new Count();
  const lead = new Count();
  const coordinators = new Count();
  const timeframe = new Count();
  const deliverables = new Count();
  let errors = 0;
  for (const doc of docs) {
    const e = doc.expected.document;
    const d = doc.plan.document;
    const got: Record<(typeof HEADER_FIELDS)[number], string | null> = {
      type: d.type,
      number: d.number,
      symbol: d.symbol,
      date: d.date,
      place: d.place,
      issuer: d.issuer?.text ?? null,
      issuerParent: d.issuerParent,
      title: d.title || null,
    };
    for (const f of HEADER_FIELDS) {
      const same =
        f === 'issuer' || f === 'issuerParent' ? (a: string, b: string) => unitKey(a) === unitKey(b) : sameText;
      const ok = header[f].scalar(e[f], got[f], same);
      headerAll.scalar(e[f], got[f], same);
      if (!ok) detail.push(`${doc.name}: ${f} expected ${JSON.stringify(e[f])} got ${JSON.stringify(got[f])}`);
    }
    const gotBasis = d.basis.map((b) => refKey(b.number, b.symbol)).filter((x): x is string => x !== null);
    const expBasis = e.basis.map(refNorm);
    if (!basis.sets(expBasis, gotBasis))
      detail.push(`${doc.name}: basis expected ${expBasis.join(', ')} got ${gotBasis.join(', ')}`);

    const pairs = matchTasks(doc.expected.tasks, doc.plan.tasks);
    found.tp += pairs.length;
    found.fn += doc.expected.tasks.length - pairs.length;
    found.fp += doc.plan.tasks.length - pairs.length;
    found.total += doc.expected.tasks.length;
    found.correct += pairs.length;
    if (pairs.length !== doc.expected.tasks.length || pairs.length !== doc.plan.tasks.length) {
      detail.push(
        `${doc.name}: tasks expected ${doc.expected.tasks.length}, imported ${doc.plan.tasks.length}, matched ${pairs.length}`,
      );
    }
    for (const [et, gt] of pairs) {
      const at = `${doc.name} task "${et.title.slice(0, 40)}"`;
      if (
        !lead.sets(
          et.lead.map(unitKey),
          gt.lead.map((u) => unitKey(u.text)),
        )
      ) {
        detail.push(`${at}: lead ${JSON.stringify(et.lead)} got ${JSON.stringify(gt.lead.map((u) => u.text))}`);
      }
      if (
        !coordinators.sets(
          et.coordinators.map(unitKey),
          gt.coordinators.map((u) => unitKey(u.text)),
        )
      ) {
        detail.push(
          `${at}: coordinators ${JSON.stringify(et.coordinators)} got ${JSON.stringify(gt.coordinators.map((u) => u.text))}`,
        );
      }
      const s = gt.timeframe.schedule;
      const tfOk = s !== null && s.kind === et.timeframe.kind && s.end === et.timeframe.end;
      timeframe.scalar('ok', tfOk ? 'ok' : s === null ? null : 'wrong', (a, b) => a === b);
      if (!tfOk)
        detail.push(
          `${at}: timeframe ${JSON.stringify(et.timeframe)} got ${JSON.stringify(gt.timeframe.text)} ${JSON.stringify(s)}`,
        );
      if (et.deliverables && !deliverables.sets(et.deliverables.map(norm), gt.deliverables.map(norm))) {
        detail.push(`${at}: deliverables ${JSON.stringify(et.deliverables)} got ${JSON.stringify(gt.deliverables)}`);
      }
    }
    errors += doc.errors.length;
    for (const f of doc.errors) detail.push(`${doc.name}: error finding ${f.code}: ${f.message}`);
  }
  const out: Scores = {};
  const r3 = (x: number) => Math.round(x * 1000) / 1000;
  for (const f of HEADER_FIELDS) {
    out[`header.${f}.precision`] = r3(header[f].precision);
    out[`header.${f}.recall`] = r3(header[f].recall);
  }
  out['header.fieldsRight'] = r3(headerAll.accuracy);
  out['basis.precision'] = r3(basis.precision);
  out['basis.recall'] = r3(basis.recall);
  out['tasks.found'] = r3(found.recall);
  out['tasks.precision'] = r3(found.precision);
  out['tasks.falseShare'] = r3(found.fp / Math.max(1, found.total));
  out['tasks.lead'] = r3(lead.accuracy);
  out['tasks.coordinators.precision'] = r3(coordinators.precision);
  out['tasks.coordinators.recall'] = r3(coordinators.recall);
  out['tasks.timeframe'] = r3(timeframe.accuracy);
  out['tasks.deliverables.precision'] = r3(deliverables.precision);
  out['tasks.deliverables.recall'] = r3(deliverables.recall);
  out['lint.errorsOnCorrectDocuments'] = errors;
  return out;
}

/** Metrics where lower is better. */
const LOWER_IS_BETTER = new Set(['tasks.falseShare', 'lint.errorsOnCorrectDocuments']);

describe('import: corpus scores', () => {
  let docs: Doc[];
  before(async () => {
    docs = await loadCorpus();
  });

  it('has at least 40 documents, each with its expected reading', () => {
    assert.ok(docs.length >= 40, `${docs.length} documents`);
  });

  it('scores no lower than the committed baseline', () => {
    const detail: string[] = [];
    const scores = score(docs, detail);
    const tasks = docs.reduce((n, d) => n + d.expected.tasks.length, 0);
    console.log(`corpus: ${docs.length} documents, ${tasks} tasks`);
    for (const [k, v] of Object.entries(scores)) console.log(`  ${k.padEnd(36)} ${v}`);
    if (process.env.CORPUS_DETAIL) for (const l of detail) console.log(`  - ${l}`);
    if (process.env.CORPUS_BASELINE === 'write') {
      writeFileSync(BASELINE, `${JSON.stringify(scores, null, 2)}\n`);
      return;
    }
    const baseline = JSON.parse(readFileSync(BASELINE, 'utf8')) as Scores;
    const worse: string[] = [];
    for (const [k, b] of Object.entries(baseline)) {
      const v = scores[k];
      if (v === undefined) worse.push(`${k}: missing`);
      else if (LOWER_IS_BETTER.has(k) ? v > b + 1e-9 : v < b - 1e-9) worse.push(`${k}: ${v} against ${b}`);
    }
    assert.deepEqual(worse, [], 'scores below the baseline');
  });
});
