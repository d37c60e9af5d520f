// Tasks of the content section, written as numbered items with labelled fields ("1. Tổ chức …" / "a) Cơ quan chủ
// trì: …") or as table rows; numbered items that only hold sub-items ("3." over "3.1.", "3.2.") are groups.
import { splitUnitList } from '../../domain/org/resolve.ts';
import { divisionHolder, isDivisionName, uncheckedProvince } from '../../domain/org/unverifiable.ts';
import type { Block, Task, TaskField, TaskGroup, UnitRef } from '../../domain/plan/model.ts';
import { parseTimeframe } from '../../domain/plan/timeframe.ts';
import { formatShareVi, normalizeText } from '../../domain/text.ts';
import type { ParseContext } from './context.ts';
import { numberedHeading, readFields, splitDeliverables, trailingDeliverables, type FieldValue } from './fields.ts';
import type { LogicalLine } from './lines.ts';
import { isAgencyHeading, readProse } from './prose.ts';
import { readTaskTable } from './tables.ts';

/** A task as read, before its units and timeframe are resolved. */
export interface TaskDraft {
  number: string;
  title: string;
  line: number;
  fields: Array<FieldValue & { line: number }>;
  /** Unlabelled paragraphs inside the task. */
  extra: Array<{ text: string; line: number; afterField: TaskField | null }>;
  groupNumber: string | null;
  /** A prose item ("- Sở X chủ trì …"): lead, coordinators, timeframe and title are read from the sentence. */
  prose?: boolean;
  /** The agency heading the item sits under ("1. Sở Tư pháp:" over "a) Chủ trì …"). */
  defaultLead?: string | null;
  /** A row of a task table: its fields come from the columns, not from labelled lines. */
  fromTable?: boolean;
}

export interface ContentResult {
  tasks: Task[];
  groups: TaskGroup[];
  blocks: Block[];
}

/** Blocks for running text: "1. Mục đích" (a heading), "a) Nâng cao …", "- Bám sát …", plain paragraphs. */
export function blockOf(line: LogicalLine): Block {
  const text = line.text;
  const numbered = /^(\d+(?:\.\d+)*)[.)]\s+(.*)$/u.exec(text);
  const lettered = /^([a-zđ])\)\s+(.*)$/u.exec(text);
  const dashed = /^([-+•])\s+(.*)$/u.exec(text);
  const article = /^(Điều\s+\d+)\.?\s*(.*)$/u.exec(text);
  const m = article ?? numbered ?? lettered ?? dashed;
  const label = m ? m[1]! : null;
  const body = m ? normalizeText(m[2]!) : text;
  const words = body.split(/\s+/).length;
  const heading =
    line.heading !== null || (line.bold && words <= 15) || (numbered !== null && words <= 10 && !/[.;:]$/u.test(body));
  return { label, heading, text: body, line: line.line };
}

/** Why a name not in the register is not a mistake (a division of the issuer, a body of a province not held). */
function unverifiable(ctx: ParseContext, text: string): { code: string; message: string } | null {
  const holder = isDivisionName(text)
    ? divisionHolder(ctx.directory, { unitCode: ctx.issuerKnown ? ctx.withinCode : null, text: ctx.issuerText })
    : null;
  if (holder)
    return {
      code: 'import.unit.internal',
      message: `"${text}" không có trong danh mục đơn vị; nếu là phòng, ban hoặc đơn vị thuộc ${holder} thì không cần sửa.`,
    };
  const province = uncheckedProvince(ctx.directory, ctx.withinCode);
  return province
    ? {
        code: 'import.unit.notRegistered',
        message: `"${text}" chưa đối chiếu được: danh mục đơn vị chưa có các cơ quan, đơn vị của ${province}.`,
      }
    : null;
}

function resolveUnits(ctx: ParseContext, text: string, line: number, task: string, field: string): UnitRef[] {
  const refs: UnitRef[] = [];
  for (const name of splitUnitList(text, ctx.directory)) {
    const m = ctx.directory.match(name, { withinCode: ctx.withinCode });
    const ref = m.ref;
    refs.push(ref);
    if (ref.group) continue;
    if (m.how === 'ambiguous' && m.relative && !ctx.issuerKnown) {
      ctx.finding(
        'import.unit.unchecked',
        'info',
        `Nhiệm vụ ${task}: "${ref.text}" là phòng, ban của cơ quan ban hành; cơ quan ban hành chưa có trong danh mục nên chưa đối chiếu được.`,
        { task, line, field },
        null,
      );
    } else if (m.elsewhere) {
      const province = ctx.withinCode ? ctx.directory.provinceOf(ctx.withinCode) : null;
      ctx.finding(
        'import.unit.notRegistered',
        'info',
        `Nhiệm vụ ${task}: "${ref.text}" là cơ quan của ${province?.name ?? 'tỉnh ban hành'}, chưa có trong danh mục đơn vị.`,
        { task, line, field },
        null,
      );
    } else if (m.how === 'ambiguous') {
      ctx.finding(
        'import.unit.ambiguous',
        'warning',
        `Nhiệm vụ ${task}: "${ref.text}" là tên dùng chung của nhiều đơn vị, chưa xác định được đơn vị cụ thể.`,
        { task, line, field },
        'Ghi rõ tên đơn vị hành chính (ví dụ "… phường Nam Sầm Sơn").',
      );
    } else if (ref.unitId === null) {
      const why = unverifiable(ctx, ref.text);
      if (why) ctx.finding(why.code, 'info', `Nhiệm vụ ${task}: ${why.message}`, { task, line, field });
      else
        ctx.finding(
          'import.unit.unresolved',
          'warning',
          `Nhiệm vụ ${task}: không tìm thấy "${ref.text}" trong danh mục đơn vị${ref.confidence > 0 ? ` (tên gần nhất giống ${formatShareVi(ref.confidence)})` : ''}.`,
          { task, line, field },
          'Kiểm tra tên đơn vị hoặc bổ sung đơn vị vào danh mục.',
        );
    } else if (ref.confidence < 0.95) {
      ctx.finding(
        'import.unit.uncertain',
        'info',
        `Nhiệm vụ ${task}: "${ref.text}" được hiểu là "${ref.unitName}" (độ tin cậy ${formatShareVi(ref.confidence)}).`,
        { task, line, field },
        null,
      );
    }
  }
  return refs;
}

// The labelled values of a task draft, one per field.
function collectFields(d: TaskDraft): Map<TaskField, { value: string; line: number; label: string }> {
  const values = new Map<TaskField, { value: string; line: number; label: string }>();
  for (const f of d.fields) {
    const prev = values.get(f.field);
    // The same label twice (a wrapped value, a second "Sản phẩm:") adds to the first.
    values.set(
      f.field,
      prev ? { ...prev, value: `${prev.value}; ${f.value}` } : { value: f.value, line: f.line, label: f.label },
    );
  }
  return values;
}

/**
 * The task's unlabelled paragraphs: its content, or notes when they follow another field (said in a finding). A
 * prose sentence that ends by naming the product gives the task its product.
 */
function unlabelledText(ctx: ParseContext, d: TaskDraft, values: ReturnType<typeof collectFields>) {
  const content: string[] = values.get('content') ? [values.get('content')!.value] : [];
  const notes: string[] = values.get('notes') ? [values.get('notes')!.value] : [];
  for (const x of d.extra) {
    if (x.afterField === null || x.afterField === 'content') {
      // "…; hoàn thành trong Quý IV/2026. Sản phẩm: báo cáo."
      const product = values.has('deliverables') ? null : trailingDeliverables(x.text);
      if (product) values.set('deliverables', { value: product.value, line: x.line, label: product.label });
      content.push(product?.before ?? x.text);
    } else {
      notes.push(x.text);
      ctx.finding(
        'import.task.unlabeledText',
        'info',
        `Nhiệm vụ ${d.number}: đoạn không có nhãn sau mục "${values.get(x.afterField)?.label ?? x.afterField}" được đưa vào ghi chú.`,
        { task: d.number, line: x.line, field: 'notes' },
        null,
      );
    }
  }
  return { content, notes };
}

/** Resolves a task draft into a Task: units against the register, timeframe into a schedule, deliverables split. */
export function buildTask(ctx: ParseContext, d: TaskDraft): Task {
  const values = collectFields(d);
  const { content, notes } = unlabelledText(ctx, d, values);
  let title = d.title;
  if (!values.has('lead') || !values.has('timeframe')) {
    // Prose: "Sở Tư pháp chủ trì, phối hợp với … tổ chức …; hoàn thành trong Quý II/2026." (the label stays empty)
    // The sentence may also have been joined to the task's name ("2. Tổ chức phổ biến Luật Bộ X chủ trì, …").
    const hadLead = values.has('lead');
    const inTitle = !d.prose && content.length === 0 && !hadLead;
    const source = d.prose || inTitle ? d.title : content.join(' ');
    const p = source ? readProse(source) : null;
    const lead = p?.lead ?? d.defaultLead ?? null;
    if (lead && !values.has('lead')) values.set('lead', { value: lead, line: d.line, label: '' });
    if (p?.coordinators && !values.has('coordinators'))
      values.set('coordinators', { value: p.coordinators, line: d.line, label: '' });
    if (p?.timeframe && !values.has('timeframe'))
      values.set('timeframe', { value: p.timeframe, line: d.line, label: '' });
    if ((d.prose || inTitle) && p?.lead && !hadLead) {
      // "Nghị định …: Bộ X chủ trì …" is named before its lead; "- Sở X chủ trì tổ chức …" by its action.
      const named = p.before;
      const at = inTitle ? d.title.indexOf(p.lead) : -1;
      if (inTitle && at > 0) {
        title = d.title.slice(0, at).replace(/[\s:;,.]+$/u, '');
        content.push(d.title.slice(at));
      } else if (named && d.prose) title = named;
      else if (d.prose && p.action) title = p.action[0]!.toLocaleUpperCase('vi') + p.action.slice(1);
    } else if (d.prose && p?.action) title = p.action[0]!.toLocaleUpperCase('vi') + p.action.slice(1);
  }
  const lead = values.get('lead');
  const coordinators = values.get('coordinators');
  const timeframe = values.get('timeframe');
  const deliverables = values.get('deliverables');
  const tf = parseTimeframe(timeframe?.value ?? '', { year: ctx.year });
  if (timeframe && tf.schedule === null) {
    ctx.finding(
      'import.timeframe.unreadable',
      'warning',
      `Nhiệm vụ ${d.number}: chưa đọc được thời gian thực hiện "${tf.text}".`,
      { task: d.number, line: timeframe.line, field: 'timeframe' },
      'Ghi thời gian theo dạng "Trước ngày 30/6/2026", "Quý II/2026", "Hằng năm" hoặc "Năm 2026 và các năm tiếp theo".',
    );
  }
  const labels: Partial<Record<TaskField, string>> = {};
  for (const [field, v] of values) if (v.label) labels[field] = v.label;
  if (!d.fromTable && d.fields.length > 0) ctx.layout.task(d.number, 'task.fields');
  if ([...values.values()].some((v) => v.label === '' && v.line === d.line) && !d.defaultLead)
    ctx.layout.task(d.number, 'task.prose');
  return {
    number: d.number,
    title: title.replace(/[.;:]+$/u, ''),
    content: content.length ? normalizeText(content.join(' ')) : null,
    lead: lead ? resolveUnits(ctx, lead.value, lead.line, d.number, 'lead') : [],
    coordinators: coordinators
      ? resolveUnits(ctx, coordinators.value, coordinators.line, d.number, 'coordinators')
      : [],
    timeframe: tf,
    deliverables: deliverables ? splitDeliverables(deliverables.value) : [],
    notes: notes.length ? normalizeText(notes.join(' ')) : null,
    groupNumber: d.groupNumber,
    parentTask: null,
    line: d.line,
    labels,
  };
}

interface Node {
  number: string;
  title: string;
  line: number;
  /** Index of the line in ctx.lines; -1 for an item split out of a paragraph already taken. */
  index: number;
  fields: TaskDraft['fields'];
  extra: TaskDraft['extra'];
  prose?: boolean;
  defaultLead?: string | null;
}

const ITEM_MARK = /^(?:([-+•–*])|([a-zđ])\))\s+(\S.*)$/u;

/**
 * Items under a heading that are tasks of their own: under an agency ("1. Sở Tư pháp:" / "a) Chủ trì …", the
 * agency leads each), or prose items that each name their lead ("- Sở X chủ trì …"). The heading becomes a group.
 */
function splitItems(nodes: Node[]): Node[] {
  const out: Node[] = [];
  for (const n of nodes) {
    out.push(n);
    if (n.fields.length > 0 || n.extra.length === 0) continue;
    const agency = isAgencyHeading(n.title);
    const marked = n.extra.filter((x) => ITEM_MARK.test(x.text));
    const prose = marked.filter((x) => readProse(x.text)?.lead);
    if (!((agency && marked.length > 0) || prose.length >= 2)) continue;
    n.extra = n.extra.filter((x) => !marked.includes(x));
    marked.forEach((x, k) => {
      const m = ITEM_MARK.exec(x.text)!;
      out.push({
        number: `${n.number}.${m[2] ?? k + 1}`,
        title: normalizeText(m[3]!),
        line: x.line,
        index: -1,
        fields: [],
        extra: [],
        prose: true,
        defaultLead: agency ? normalizeText(n.title).replace(/[:.]$/u, '') : null,
      });
    });
  }
  return out;
}

/**
 * Reads the lines of a content section. Numbered items with fields are tasks; an item with sub-items and no fields
 * is a group; when the plan carries its tasks in a table, numbered items without fields stay running text.
 */
export function readContent(ctx: ParseContext, indexes: number[], tasksInTables: boolean): ContentResult {
  const read = readNodes(ctx, indexes);
  const loose = read.loose;
  const nodes = splitItems(read.nodes);
  const blocks: Block[] = [];
  for (const i of loose) {
    blocks.push(blockOf(ctx.take(i)));
  }
  const { groups, groupNumbers } = takeGroups(ctx, nodes);
  const tasks: Task[] = [];
  for (const n of nodes) {
    if (groupNumbers.has(n.number)) continue;
    if (tasksInTables && n.fields.length === 0) {
      // The tasks are in a table: this numbered paragraph is running text around it.
      blocks.push(
        n.index >= 0 ? blockOf(ctx.take(n.index)) : { label: null, heading: false, text: n.title, line: n.line },
      );
      for (const x of n.extra) blocks.push({ label: null, heading: false, text: x.text, line: x.line });
      continue;
    }
    if (n.index >= 0) ctx.take(n.index);
    const groupNumber = closestGroup(n.number, groupNumbers);
    if (n.prose) ctx.layout.task(n.number, n.defaultLead ? 'task.agencyGroup' : 'task.proseItems');
    else if (/\.[a-zđ]$/u.test(n.number)) ctx.layout.task(n.number, 'task.lettered');
    if (groupNumber !== null) ctx.layout.task(n.number, 'task.groupHeading');
    tasks.push(
      buildTask(ctx, {
        number: n.number,
        title: n.title,
        line: n.line,
        fields: n.fields,
        extra: n.extra,
        groupNumber,
        prose: n.prose,
        defaultLead: n.defaultLead,
      }),
    );
  }
  return { tasks, groups, blocks };
}

/**
 * Numbered items (and lettered sub-tasks with fields of their own) with the field and text lines under them; the
 * lines before the first item are loose text.
 */
function readNodes(ctx: ParseContext, indexes: number[]): { nodes: Node[]; loose: number[] } {
  const nodes: Node[] = [];
  let current: Node | null = null;
  let numbered: Node | null = null;
  let lastField: TaskField | null = null;
  const loose: number[] = [];
  indexes.forEach((i, k) => {
    const line = ctx.lines[i]!;
    const heading = numberedHeading(line.text);
    const fields = readFields(line.text);
    if (heading && !fields) {
      current = { number: heading.number, title: heading.title, line: line.line, index: i, fields: [], extra: [] };
      numbered = current;
      nodes.push(current);
      lastField = null;
      return;
    }
    // "a) Tổ chức hội nghị…" followed by its own fields is a sub-task of the numbered item above ("1.a").
    const lettered = /^([a-zđ])\)\s+(\S.*)$/u.exec(line.text);
    const nextLine = indexes[k + 1] !== undefined ? ctx.lines[indexes[k + 1]!]! : null;
    if (lettered && !fields && numbered && nextLine && readFields(nextLine.text)) {
      current = {
        number: `${numbered.number}.${lettered[1]}`,
        title: normalizeText(lettered[2]!),
        line: line.line,
        index: i,
        fields: [],
        extra: [],
      };
      nodes.push(current);
      lastField = null;
      return;
    }
    const node = current as Node | null;
    if (fields && node) {
      for (const f of fields) node.fields.push({ ...f, line: line.line });
      lastField = fields[fields.length - 1]!.field;
      ctx.take(i);
      return;
    }
    if (node) {
      // "a) …" without a label inside a task: its content, or a note when it follows another field.
      node.extra.push({ text: line.text, line: line.line, afterField: lastField });
      ctx.take(i);
      return;
    }
    loose.push(i);
  });
  return { nodes, loose };
}

/** Items with sub-items and no fields are groups: their lines are taken as group headings. */
function takeGroups(ctx: ParseContext, nodes: readonly Node[]): { groups: TaskGroup[]; groupNumbers: Set<string> } {
  // Every proper prefix of every number, once: asking each node against all others grew with the square of the tasks.
  const parents = new Set<string>();
  for (const n of nodes) {
    const parts = n.number.split('.');
    for (let k = 1; k < parts.length; k++) parents.add(parts.slice(0, k).join('.'));
  }
  const hasChildren = (n: Node) => parents.has(n.number);
  const groups: TaskGroup[] = [];
  const groupNumbers = new Set<string>();
  for (const n of nodes) {
    if (hasChildren(n) && n.fields.length === 0) {
      groups.push({ number: n.number, title: n.title.replace(/[.;:]+$/u, '') });
      groupNumbers.add(n.number);
      if (n.index >= 0) ctx.take(n.index);
    }
  }
  return { groups, groupNumbers };
}

/** The nearest group above a task number ("1.2.3" → "1.2", else "1"), or null. */
function closestGroup(number: string, groupNumbers: ReadonlySet<string>): string | null {
  const parts = number.split('.');
  let groupNumber: string | null = null;
  for (let k = parts.length - 1; k >= 1 && groupNumber === null; k--) {
    const prefix = parts.slice(0, k).join('.');
    if (groupNumbers.has(prefix)) groupNumber = prefix;
  }
  return groupNumber;
}

/**
 * Reads one table. A task table yields tasks and groups; any other table is kept as blocks of cells.
 */
export function readTable(ctx: ParseContext, indexes: number[]): ContentResult & { isTaskTable: boolean } {
  const rows = indexes.map((i) => ctx.lines[i]!);
  const table = readTaskTable(rows);
  if (!table) {
    return {
      isTaskTable: false,
      tasks: [],
      groups: [],
      blocks: indexes.map((i) => {
        const l = ctx.take(i);
        return {
          label: null,
          heading: false,
          text: (l.cells ?? [l.text]).map((c) => c.replace(/\n/g, ' ')).join(' | '),
          line: l.line,
        };
      }),
    };
  }
  for (const r of table.headerRows) ctx.take(indexes[r]!);
  for (const r of table.skipped) {
    ctx.take(indexes[r]!);
  }
  const tasks: Task[] = [];
  const groups: TaskGroup[] = [];
  let group: string | null = null;
  let auto = 0;
  const used = new Set<string>();
  table.items.forEach((item) => {
    ctx.take(indexes[item.row]!);
    if (item.kind === 'group') {
      groups.push({ number: item.number, title: item.title });
      group = item.number;
      auto = 0;
      return;
    }
    auto++;
    let number = item.number ?? (group ? `${group}.${auto}` : String(auto));
    // Numbering that starts again under each group row (I: 1, 2; II: 1, 2) is read within its group.
    if (used.has(number) && group) number = `${group}.${number}`;
    used.add(number);
    const fields: TaskDraft['fields'] = [];
    for (const [field, value] of Object.entries(item.values) as Array<[TaskField, string]>) {
      fields.push({ field, value, label: item.labels[field] ?? field, line: item.line });
    }
    const task = buildTask(ctx, {
      number,
      title: item.title,
      line: item.line,
      fields,
      extra: [],
      groupNumber: group,
      fromTable: true,
    });
    ctx.layout.task(task.number, 'task.table');
    if (group !== null) ctx.layout.task(task.number, 'task.tableGroupRows');
    tasks.push(task);
  });
  return { isTaskTable: true, tasks, groups, blocks: [] };
}
