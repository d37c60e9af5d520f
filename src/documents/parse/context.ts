// Shared state of one import: the logical lines, which of them the structure has taken, and the findings so far.
// Every line is either taken (marked) or reported in `unplaced` at the end, so nothing disappears silently.
import type { UnitDirectory } from '../../domain/org/resolve.ts';
import type { Finding, FindingLocation, Severity, Unplaced } from '../../domain/plan/model.ts';
import { LayoutRecorder } from './layout.ts';
import type { LogicalLine, SourceFormat } from './lines.ts';

export class ParseContext {
  readonly lines: LogicalLine[];
  readonly directory: UnitDirectory;
  readonly findings: Finding[] = [];
  /** Which layout rules read which field and task (the import result lists them). */
  readonly layout = new LayoutRecorder();
  /** The source format, when known: a pipe-separated header of a text file is not a Word table. */
  readonly format: SourceFormat | null;
  /** Index of the next line to read. */
  pos = 0;
  /** Unit code the document belongs to, once the issuer is known; scopes relative names ("Công an phường"). */
  withinCode: string | undefined;
  /** The issuer resolved to a unit of the register (relative names like "Công an phường" are read inside it). */
  issuerKnown = false;
  /** The issuer as written ("SỞ Y TẾ"): a department's plan names its own divisions, which the register does not list. */
  issuerText: string | undefined;
  /** Year of the plan, for timeframes without a year. */
  year: number | null = null;
  private readonly taken = new Set<number>();
  private readonly notes = new Map<number, string>();

  constructor(lines: LogicalLine[], directory: UnitDirectory, format: SourceFormat | null = null) {
    this.lines = lines;
    this.directory = directory;
    this.format = format;
  }

  get done(): boolean {
    return this.pos >= this.lines.length;
  }

  peek(offset = 0): LogicalLine | undefined {
    return this.lines[this.pos + offset];
  }

  /** Marks a line as placed in the structure. */
  take(index: number): LogicalLine {
    this.taken.add(index);
    return this.lines[index]!;
  }

  /** Takes the current line and moves on. */
  next(): LogicalLine {
    const line = this.take(this.pos);
    this.pos++;
    return line;
  }

  isTaken(index: number): boolean {
    return this.taken.has(index);
  }

  /** Leaves a line out of the structure on purpose, with the reason given to people. */
  leave(index: number, reason: string): void {
    this.notes.set(index, reason);
  }

  finding(
    code: string,
    severity: Severity,
    message: string,
    location: FindingLocation = {},
    fix: string | null = null,
  ): void {
    this.findings.push({ code, severity, location, message, fix });
  }

  /** Lines neither taken nor explained get a generic reason. */
  unplaced(): Unplaced[] {
    const out: Unplaced[] = [];
    this.lines.forEach((l, i) => {
      if (this.taken.has(i)) return;
      out.push({
        line: l.line,
        text: l.text,
        reason: this.notes.get(i) ?? 'Không xác định được vị trí của dòng này trong cấu trúc kế hoạch.',
      });
    });
    return out;
  }
}
