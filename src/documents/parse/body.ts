// The body of a plan: Roman-numbered sections ("I. MỤC ĐÍCH, YÊU CẦU", "II. NỘI DUNG KẾ HOẠCH" …), the tasks of the
// content section (numbered items or tables), and the closing: "Nơi nhận:" and the signature block.
import type { Block, Section, SectionKind, Signer, SignerAuthority, Task, TaskGroup } from '../../domain/plan/model.ts';
import { fold, normalizeText } from '../../domain/text.ts';
import type { ParseContext } from './context.ts';
import { typeOfLine } from './header.ts';
import { blockOf, readContent, readTable } from './tasks.ts';

export interface BodyResult {
  sections: Section[];
  tasks: Task[];
  groups: TaskGroup[];
  recipients: string[];
  signer: Signer | null;
}

const ROMAN_HEADING = /^([IVXLC]+)\.\s*(\S.*)$/u;
const RECIPIENTS = /^Nơi nhận\s*:?\s*(.*)$/iu;
const SIGNER_PREFIX = /^(TM|KT|Q|TL|TUQ)\.\s*/u;
const SIGNER_ROLE =
  /^(PHÓ\s+)?(CHỦ TỊCH|GIÁM ĐỐC|THỦ TƯỚNG|BỘ TRƯỞNG|TRƯỞNG PHÒNG|TRƯỞNG BAN|CHÁNH VĂN PHÒNG|THỦ TRƯỞNG)(\s.*)?$/u;
const PERSON_NAME = /^(\p{Lu}[\p{Ll}]*)(\s+\p{Lu}[\p{Ll}]*){1,5}$/u;
const SIGNED_MARK = /^\(?\s*(đã ký|đã ký và đóng dấu|ký|chữ ký số)\s*\)?$/iu;
const APPENDIX = /^PHỤ LỤC\b/iu;

export function sectionKind(heading: string): SectionKind {
  const f = fold(heading);
  if (/kinh phi/.test(f)) return 'budget';
  if (/to chuc thuc hien/.test(f)) return 'organisation';
  if (/muc dich|yeu cau/.test(f)) return 'purpose';
  if (/noi dung|nhiem vu|giai phap/.test(f)) return 'content';
  return 'other';
}

function isUpper(s: string): boolean {
  const l = s.replace(/[^\p{L}]/gu, '');
  return l.length >= 2 && l === l.toUpperCase() && l !== l.toLowerCase();
}

function isSignerStart(text: string): boolean {
  return SIGNER_PREFIX.test(text) || (SIGNER_ROLE.test(text) && isUpper(text));
}

interface OpenSection {
  section: Section;
  indexes: number[];
}

/**
 * Reads from ctx.pos to the end. Lines before the first section heading that are not the closing are left for
 * `unplaced`; the caller has already taken the header and the opening.
 */
export function parseBody(ctx: ParseContext): BodyResult {
  const sections: Section[] = [];
  const tasks: Task[] = [];
  const groups: TaskGroup[] = [];
  let recipients: string[] = [];
  let signer: Signer | null = null;
  let open: OpenSection | null = null;
  const opened: OpenSection[] = [];

  while (!ctx.done) {
    const i = ctx.pos;
    const line = ctx.peek()!;
    if (ctx.isTaken(i)) {
      ctx.pos++;
      continue;
    }
    const text = line.text;
    const roman = line.cells ? null : ROMAN_HEADING.exec(text);
    if (roman) {
      ctx.next();
      open = {
        section: {
          kind: sectionKind(roman[2]!),
          number: roman[1]!,
          heading: normalizeText(roman[2]!).replace(/[.:]$/u, ''),
          blocks: [],
        },
        indexes: [],
      };
      opened.push(open);
      continue;
    }
    if (!line.cells && RECIPIENTS.test(text)) {
      recipients = recipients.concat(readRecipients(ctx));
      open = null;
      continue;
    }
    if (!line.cells && isSignerStart(text) && looksLikeClosing(ctx)) {
      // A second signature block (the annexed plan's after the decision's) is read too, so the reader moves on.
      const read = readSigner(ctx);
      signer = signer ?? read;
      open = null;
      continue;
    }
    if (!line.cells && APPENDIX.test(text)) {
      ctx.next();
      open = { section: { kind: 'other', number: '', heading: text, blocks: [] }, indexes: [] };
      opened.push(open);
      continue;
    }
    if (open) {
      open.indexes.push(i);
      ctx.pos++;
      continue;
    }
    if (line.cells) {
      // A table outside any section (an annex after the signature): read it for tasks.
      const orphan: OpenSection = { section: { kind: 'other', number: '', heading: '', blocks: [] }, indexes: [] };
      while (!ctx.done && ctx.peek()!.table === line.table && ctx.peek()!.cells) {
        orphan.indexes.push(ctx.pos);
        ctx.pos++;
      }
      opened.push(orphan);
      continue;
    }
    ctx.leave(i, 'Nằm ngoài các mục của kế hoạch (trước mục I hoặc sau phần ký).');
    ctx.pos++;
  }

  // Sections are read once all their lines are known: numbered items are tasks unless the plan keeps its tasks
  // in a table, and that can come later in the document (an annex).
  const tasksInTables = opened.some((o) => hasTaskTable(ctx, o.indexes));
  for (const o of opened) {
    const result = readSection(ctx, o, tasksInTables);
    tasks.push(...result.tasks);
    groups.push(...result.groups);
    if (o.section.heading !== '' || o.section.blocks.length > 0) sections.push(o.section);
  }
  return { sections, tasks, groups, recipients, signer };
}

/** A quick look at table headers: a task table names its "chủ trì" / "phối hợp" columns. */
function hasTaskTable(ctx: ParseContext, indexes: number[]): boolean {
  const rows = indexes.filter((i) => ctx.lines[i]!.cells !== null);
  const byTable = new Map<number, number[]>();
  for (const i of rows) byTable.set(ctx.lines[i]!.table ?? -1, [...(byTable.get(ctx.lines[i]!.table ?? -1) ?? []), i]);
  return [...byTable.values()].some(
    (t) =>
      t.length > 1 &&
      /chu tri|phoi hop/.test(
        fold(
          t
            .slice(0, 3)
            .map((i) => ctx.lines[i]!.text)
            .join(' '),
        ),
      ),
  );
}

function readSection(
  ctx: ParseContext,
  o: OpenSection,
  tasksInTables: boolean,
): { tasks: Task[]; groups: TaskGroup[] } {
  const tasks: Task[] = [];
  const groups: TaskGroup[] = [];
  const blocks: Block[] = [];
  // Runs of text lines and of table rows, in order.
  let run: number[] = [];
  let runTable: number | null = null;
  const flush = () => {
    if (run.length === 0) return;
    if (runTable !== null) {
      const r = readTable(ctx, run);
      // A table outside the plan's sections, or under "PHỤ LỤC": the annex after the signature.
      if (o.section.number === '' && (o.section.heading === '' || APPENDIX.test(o.section.heading)))
        for (const t of r.tasks) ctx.layout.task(t.number, 'task.annexTable');
      tasks.push(...r.tasks);
      groups.push(...r.groups);
      blocks.push(...r.blocks);
      if (!r.isTaskTable) {
        ctx.finding(
          'import.table.notTasks',
          'info',
          `Bảng tại dòng ${ctx.lines[run[0]!]!.line} không phải bảng nhiệm vụ; nội dung được giữ như đoạn văn.`,
          { section: o.section.number, line: ctx.lines[run[0]!]!.line },
          null,
        );
      }
    } else if (o.section.kind === 'content') {
      const r = readContent(ctx, run, tasksInTables);
      tasks.push(...r.tasks);
      groups.push(...r.groups);
      blocks.push(...r.blocks);
    } else {
      for (const i of run) blocks.push(blockOf(ctx.take(i)));
    }
    run = [];
    runTable = null;
  };
  for (const i of o.indexes) {
    const table = ctx.lines[i]!.cells ? ctx.lines[i]!.table : null;
    if (table !== runTable) flush();
    runTable = table;
    run.push(i);
  }
  flush();
  o.section.blocks = blocks;
  return { tasks, groups };
}

/** The signature block comes at the end or next to "Nơi nhận": not an upper-case line inside a section. */
function looksLikeClosing(ctx: ParseContext): boolean {
  const text = ctx.peek()!.text;
  if (SIGNER_PREFIX.test(text)) return true;
  for (let k = 1; k <= 4; k++) {
    const next = ctx.peek(k);
    if (!next) return true;
    if (PERSON_NAME.test(next.text) && !isUpper(next.text)) return true;
    if (!isUpper(next.text) && !SIGNED_MARK.test(next.text)) return false;
  }
  return false;
}

/** "Nơi nhận" and the signature, in either order, from ctx.pos; stops at anything else. */
export function readClosing(ctx: ParseContext): { recipients: string[]; signer: Signer | null } {
  let recipients: string[] = [];
  let signer: Signer | null = null;
  while (!ctx.done) {
    const line = ctx.peek()!;
    if (line.cells) break;
    if (RECIPIENTS.test(line.text)) recipients = recipients.concat(readRecipients(ctx));
    else if (signer === null && isSignerStart(line.text) && looksLikeClosing(ctx)) signer = readSigner(ctx);
    else break;
  }
  return { recipients, signer };
}

/** "Nơi nhận:" then "- …;" items. */
function readRecipients(ctx: ParseContext): string[] {
  const first = ctx.next();
  const out: string[] = [];
  const clean = (s: string) =>
    normalizeText(s.replace(/^[-+•–*]\s*/u, ''))
      .replace(/\s*[;,]$/u, '')
      .replace(/\.\/?\.?$/u, '')
      .replace(/\.$/u, '');
  const inline = RECIPIENTS.exec(first.text)![1]!;
  if (inline) out.push(clean(inline));
  while (!ctx.done) {
    const line = ctx.peek()!;
    const t = line.text;
    if (line.cells || ROMAN_HEADING.test(t) || isSignerStart(t) || typeOfLine(t)) break;
    const item = /^[-+•–*]\s/u.test(t) || /[;]$/u.test(t) || /^Lưu\s*:/iu.test(t);
    if (!item) break;
    out.push(clean(t));
    ctx.next();
  }
  return out.filter(Boolean);
}

/** "TM. ỦY BAN NHÂN DÂN" / "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH" / name. */
function readSigner(ctx: ParseContext): Signer {
  const lines: string[] = [];
  let name: string | null = null;
  while (!ctx.done) {
    const line = ctx.peek()!;
    const t = line.text;
    if (line.cells) break;
    if (SIGNED_MARK.test(t)) {
      ctx.next();
      continue;
    }
    if (isUpper(t) && (lines.length === 0 || !RECIPIENTS.test(t)) && !ROMAN_HEADING.test(t) && !typeOfLine(t)) {
      lines.push(t);
      ctx.next();
      continue;
    }
    if (lines.length > 0 && PERSON_NAME.test(t)) {
      name = t;
      ctx.next();
    }
    break;
  }
  let authority: SignerAuthority | null = null;
  for (const l of lines) {
    // The innermost prefix is the signer's own authority: "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH" is signed KT.
    const m = SIGNER_PREFIX.exec(l);
    if (m) authority = m[1] as SignerAuthority;
  }
  return { authority, lines, name };
}
