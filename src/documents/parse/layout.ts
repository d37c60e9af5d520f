// Which layout rules read a document: per header field and per task, so a person can see why a task was read as it
// was ("bảng có dòng nhóm", "nhiệm vụ dạng văn xuôi", "nhóm theo cơ quan", "tiêu đề hai cột một dòng").

/** Every rule the reader knows, with what it means in Vietnamese. */
export const LAYOUT_RULES = {
  'source.docx': 'tệp Word (.docx)',
  'source.html': 'tệp HTML (trang web)',
  'source.md': 'văn bản Markdown',
  'source.txt': 'văn bản thuần (.txt)',
  'text.joinedLines': 'dòng bị ngắt giữa câu được nối lại (văn bản chép từ PDF)',
  'header.lines': 'tiêu đề hai cột, mỗi phần một dòng',
  'header.oneLine': 'tiêu đề hai cột một dòng',
  'header.pipes': 'tiêu đề hai cột ngăn bằng dấu |',
  'header.table': 'tiêu đề trong bảng hai cột',
  'header.parentSplit': 'cơ quan chủ quản tách khỏi cơ quan ban hành',
  'header.typeLine': 'loại văn bản theo dòng tên loại (KẾ HOẠCH, QUYẾT ĐỊNH)',
  'header.typeFromSymbol': 'loại văn bản theo ký hiệu (KH-…, QĐ-…)',
  'header.decision': 'kế hoạch ban hành kèm Quyết định: số, ngày theo Quyết định',
  'header.titleLine': 'trích yếu ngay dưới tên loại văn bản',
  'header.titleUpper': 'trích yếu viết hoa trên nhiều dòng',
  'header.titleFromDecision': 'trích yếu lấy từ “Ban hành Kế hoạch …” của Quyết định',
  'header.annexTitle': 'trích yếu của kế hoạch kèm theo Quyết định',
  'header.issuerFromOpening': 'cơ quan ban hành lấy từ câu mở đầu',
  'header.issuerFromContext': 'cơ quan ban hành theo địa danh, trích yếu hoặc căn cứ',
  'header.provinceFromContext': 'tỉnh của văn bản theo cơ quan chủ quản, địa danh, trích yếu hoặc căn cứ',
  'task.fields': 'nhiệm vụ có nhãn (Chủ trì:, Phối hợp:, Thời gian:, Sản phẩm:)',
  'task.prose': 'nhiệm vụ dạng văn xuôi (“… chủ trì, phối hợp với …, hoàn thành trong …”)',
  'task.proseItems': 'các ý gạch đầu dòng, mỗi ý một nhiệm vụ có cơ quan chủ trì riêng',
  'task.agencyGroup': 'nhóm theo cơ quan (cơ quan ở đầu nhóm chủ trì từng ý)',
  'task.lettered': 'mục a), b) có nhãn riêng là nhiệm vụ con',
  'task.groupHeading': 'nằm dưới mục nhóm đánh số',
  'task.table': 'bảng nhiệm vụ (cột Nội dung, Chủ trì, Phối hợp, Thời gian)',
  'task.tableGroupRows': 'bảng có dòng nhóm',
  'task.annexTable': 'bảng phụ lục ngoài các mục của kế hoạch',
} as const;

export type LayoutRuleCode = keyof typeof LAYOUT_RULES;

export type HeaderField = 'type' | 'number' | 'symbol' | 'date' | 'place' | 'issuer' | 'issuerParent' | 'title';
export const HEADER_FIELDS: readonly HeaderField[] = [
  'type',
  'number',
  'symbol',
  'date',
  'place',
  'issuer',
  'issuerParent',
  'title',
];

export interface LayoutRule {
  code: LayoutRuleCode;
  label: string;
}

/** The import result's account of how the document was read. */
export interface ImportLayout {
  /** Every rule that fired, with how many times (document, header fields and tasks together). */
  rules: Array<LayoutRule & { count: number }>;
  /** Per header field that was read, the rules that read it. */
  header: Array<{ field: HeaderField; rules: LayoutRule[] }>;
  /** Per task, the rules that read it. */
  tasks: Array<{ task: string; rules: LayoutRule[] }>;
}

const rule = (code: LayoutRuleCode): LayoutRule => ({ code, label: LAYOUT_RULES[code] });

/** Collects the rules as the reader applies them; one per parse. */
export class LayoutRecorder {
  private readonly document = new Set<LayoutRuleCode>();
  private readonly header = new Map<HeaderField, Set<LayoutRuleCode>>();
  private readonly tasks = new Map<string, Set<LayoutRuleCode>>();

  doc(code: LayoutRuleCode): void {
    this.document.add(code);
  }

  field(fields: HeaderField | readonly HeaderField[], code: LayoutRuleCode): void {
    for (const f of typeof fields === 'string' ? [fields] : fields) {
      const set = this.header.get(f) ?? new Set();
      set.add(code);
      this.header.set(f, set);
    }
  }

  task(number: string, code: LayoutRuleCode): void {
    const set = this.tasks.get(number) ?? new Set();
    set.add(code);
    this.tasks.set(number, set);
  }

  /** The report, for the fields the header really has and the tasks really read, in their order. */
  report(present: ReadonlySet<HeaderField>, taskNumbers: readonly string[]): ImportLayout {
    const counts = new Map<LayoutRuleCode, number>();
    const bump = (c: LayoutRuleCode) => counts.set(c, (counts.get(c) ?? 0) + 1);
    for (const c of this.document) bump(c);
    const header = HEADER_FIELDS.filter((f) => present.has(f) && this.header.has(f)).map((field) => {
      const codes = [...this.header.get(field)!];
      return { field, rules: codes.map(rule) };
    });
    for (const f of header) for (const r of f.rules) bump(r.code);
    const seen = new Set<string>();
    const tasks = taskNumbers
      .filter((n) => !seen.has(n) && seen.add(n) && this.tasks.has(n))
      .map((task) => ({ task, rules: [...this.tasks.get(task)!].map(rule) }));
    for (const t of tasks) for (const r of t.rules) bump(r.code);
    const order = Object.keys(LAYOUT_RULES) as LayoutRuleCode[];
    const rules = order.filter((c) => counts.has(c)).map((c) => ({ ...rule(c), count: counts.get(c)! }));
    return { rules, header, tasks };
  }
}
