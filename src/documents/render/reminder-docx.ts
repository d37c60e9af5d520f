// Công văn đôn đốc (urging letter) as DOCX, laid out as Mẫu 1.5 of Nghị định 30/2020: no tên loại, "V/v …" under
// the Số, "Kính gửi:" the units (by group, "có tên tại Danh sách kèm theo"), the finding, the one deadline and the
// standard closing; the list of what each unit has not sent follows as an annex ("Danh sách … (Kèm theo Công văn số …)").

import { type Document, type FileChild, type ISectionOptions, LineRuleType, Paragraph, type Table } from 'docx';
import { deadlinePhraseOf } from '../../domain/reporting/letters.ts';
import type { ReminderLetter } from '../../domain/reporting/model.ts';
import {
  CELL_MARGIN,
  HEADER_COLUMNS,
  SIZE,
  TEXT_WIDTH,
  balanceLines,
  bodyParagraphs,
  centredLine,
  fitColumns,
  formatIssueDate,
  formatNumber,
  gridCell,
  gridTable,
  headerTable,
  nd30Section,
  numberingRow,
  type ColumnSpec,
  kinhGuiBlock,
  nd30Document,
  packDocx,
  signatureTable,
  upperVi,
  withFinalStop,
  type BodyItem,
} from './nd30.ts';
import { issuerPhrase } from './plan-docx.ts';
import { copyToWithNhuTren, formatCount, shortDate } from './report-docx.ts';

/** "V/v …" [ND30 II.5b]: the prefix is added when the subject does not carry it. */
export function subjectLine(subject: string): string {
  const s = subject.trim().replace(/[.;]+$/, '');
  return /^V\/v\s/u.test(s) ? s : `V/v ${s.charAt(0).toLocaleLowerCase('vi')}${s.slice(1)}`;
}

/**
 * Lines of the V/v trích yếu in the left header column, broken between words only, so a symbol such as
 * "129/KH-UBND" is never split at its hyphen (renderers break lines after a hyphen).
 */
export function subjectLines(subject: string): string[] {
  return balanceLines(subjectLine(subject), HEADER_COLUMNS[0] - 2 * CELL_MARGIN, SIZE.trichYeuCongVan);
}

/**
 * The deadline in words: "trước ngày 19/12/2026" for an ISO last day of 18/12/2026 (deadlinePhraseOf, the one
 * function the opening also uses), or the deadline as written when it is text ("trước ngày 19/12/2026").
 */
export function deadlinePhrase(newDeadline: string): string {
  const d = newDeadline.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(d)) return deadlinePhraseOf(d);
  if (/^(trước|chậm nhất|trong)\b/u.test(d)) return d;
  return `trước ngày ${shortDate(d)}`;
}

function isCommittee(issuerName: string): boolean {
  return upperVi(issuerName).startsWith('ỦY BAN NHÂN DÂN');
}

const pastDue = (m: ReminderLetter['missing'][number]) => m.state !== 'pending';

/** Body before the request: the basis, and the finding that points to the annexed list. */
export function reminderIntroItems(letter: ReminderLetter): BodyItem[] {
  const late = letter.missing.filter(pastDue).length;
  const notDue = letter.missing.length - late;
  const parts = [
    late ? `${formatCount(late)} cơ quan, đơn vị đã đến hạn nhưng chưa gửi hoặc chưa gửi đầy đủ báo cáo` : null,
    notDue ? `${formatCount(notDue)} cơ quan, đơn vị chưa đến hạn nhưng chưa gửi báo cáo` : null,
  ].filter(Boolean);
  return [
    { kind: 'paragraph', text: withFinalStop(letter.basisText.trim()) },
    {
      kind: 'paragraph',
      text: `Qua theo dõi, tổng hợp, đến nay còn ${parts.join('; ')} (có Danh sách kèm theo).`,
    },
  ];
}

/** "Thủ trưởng các cơ quan, đơn vị[, Chủ tịch Ủy ban nhân dân các xã, phường] có tên nêu trên". */
function addressees(letter: ReminderLetter): string {
  const where = 'có tên tại Danh sách kèm theo';
  const communes = letter.missing.some((m) =>
    /^(Ủy ban nhân dân|UBND)\s+(các\s+)?(xã|phường)\b/u.test(m.unitName.trim()),
  );
  return `Thủ trưởng các cơ quan, đơn vị${communes ? ', Chủ tịch Ủy ban nhân dân các xã, phường' : ''} ${where}`;
}

/** Body after the list: the request with the new deadline, and the standard closing sentence. */
export function reminderRequestItems(letter: ReminderLetter): BodyItem[] {
  const issuer = issuerPhrase(letter.issuerName);
  const who = addressees(letter);
  const deadline = deadlinePhrase(letter.newDeadline);
  if (isCommittee(letter.issuerName)) {
    const head = issuer.replace(/^Ủy ban nhân dân/u, 'Chủ tịch Ủy ban nhân dân');
    return [
      {
        kind: 'paragraph',
        text: `Để bảo đảm thời hạn tổng hợp, báo cáo theo quy định, ${head} yêu cầu ${who} khẩn trương hoàn thiện, gửi báo cáo ${deadline}.`,
      },
      {
        kind: 'paragraph',
        text: `Quá thời hạn nêu trên, cơ quan, đơn vị nào chưa thực hiện thì Thủ trưởng cơ quan, đơn vị đó chịu trách nhiệm trước ${head}.`,
      },
    ];
  }
  return [
    {
      kind: 'paragraph',
      text: `Để kịp thời tổng hợp, báo cáo theo quy định, ${issuer} đề nghị ${who} khẩn trương hoàn thiện, gửi báo cáo về ${issuer} ${deadline}.`,
    },
    {
      kind: 'paragraph',
      text: `Quá thời hạn nêu trên, ${issuer} sẽ tổng hợp, báo cáo Ủy ban nhân dân tỉnh danh sách các cơ quan, đơn vị chưa thực hiện. Đề nghị các cơ quan, đơn vị quan tâm, phối hợp thực hiện.`,
    },
  ];
}

const TABLE_SIZES = [13, 12] as const;
const STATE_LABEL = { missing: 'Chưa gửi (quá hạn)', returned: 'Bị trả lại, chưa gửi lại', pending: 'Chưa đến hạn' };

/** One cell's lines: a single item ends with ".", several are "- …;" lines, the last with ".". */
function itemLines(items: readonly string[]): string[] {
  const clean = items
    .map((s) =>
      s
        .trim()
        .replace(/^[-–+•]\s*/, '')
        .replace(/[;.]+$/, ''),
    )
    .filter(Boolean);
  return clean.length === 1 ? [`${clean[0]}.`] : clean.map((s, j) => `- ${s}${j === clean.length - 1 ? '.' : ';'}`);
}

/** STT | Cơ quan, đơn vị | Hạn gửi | Tình trạng | Nội dung còn thiếu, numbered (1)…(5), at the text width. */
export function missingTable(letter: ReminderLetter): Table {
  const rows = letter.missing.map((m, i) => [
    [String(i + 1)],
    [m.unitName.trim()],
    [m.dueDate ? shortDate(m.dueDate) : '-'],
    [STATE_LABEL[m.state ?? 'missing']],
    itemLines(m.items),
  ]);
  const headers = ['STT', 'Cơ quan, đơn vị', 'Hạn gửi', 'Tình trạng', 'Nội dung còn thiếu'];
  const specs: ColumnSpec[] = headers.map((header, i) => ({
    header,
    values: rows.flatMap((r) => r[i]!),
    weight: [0, 3, 0, 0.6, 5][i]!,
    wrap: i === 1 || i === 3 || i === 4,
    min: [0, 2400, 0, 1300, 2600][i],
  }));
  const { columns: cols, size } = fitColumns(specs, TEXT_WIDTH, TABLE_SIZES) ?? {
    columns: [700, 2900, 1300, 1600, TEXT_WIDTH - 6500],
    size: 12,
  };
  const head = headers.map((h, i) => gridCell(cols[i]!, [h], { size, bold: true, align: 'center' }));
  const align = ['center', 'left', 'center', 'left', 'left'] as const;
  const body = rows.map((r) =>
    r.map((lines, i) => gridCell(cols[i]!, lines, { size, align: align[i], vAlign: 'top' })),
  );
  return gridTable(cols, [head, numberingRow(cols)], body);
}

/** "(Kèm theo Công văn số      /SKHCN-VP ngày    tháng    năm 2026 của Sở Khoa học và Công nghệ)" [ND30 Phụ lục]. */
export function letterAnnexReference(letter: ReminderLetter): string {
  const number = `${formatNumber(letter.number) ?? ' '.repeat(6)}/${letter.symbol}`;
  return `(Kèm theo Công văn số ${number} ${formatIssueDate(letter.date, yearOfLetter(letter))} của ${issuerPhrase(letter.issuerName)})`;
}

/** "DANH SÁCH CÁC CƠ QUAN, ĐƠN VỊ CHƯA GỬI BÁO CÁO …": "chưa gửi" only when every listed unit is past its due date. */
export function letterAnnexTitle(letter: ReminderLetter): string {
  // The plan's number is in the reference line under it; a title broken at "129/KH-" would read badly.
  const what = letter.subject
    .replace(/^V\/v\s+đôn đốc gửi\s+/u, '')
    .replace(/\s*Kế hoạch số \S+/u, '')
    .trim();
  const state = letter.missing.every(pastDue) ? 'chưa gửi' : 'chưa gửi hoặc chưa đến hạn gửi';
  return upperVi(`Danh sách các cơ quan, đơn vị ${state} ${what}`);
}

const yearOfLetter = (letter: ReminderLetter): number | null =>
  letter.date ? Number(letter.date.slice(0, 4)) : (letter.year ?? null);

/** The annexed list on its own pages, numbered from 1 [ND30 I.1; Phụ lục]. */
function letterAnnexSection(letter: ReminderLetter): ISectionOptions {
  return nd30Section(
    [
      centredLine(letterAnnexTitle(letter), { size: 14, bold: true }),
      centredLine(letterAnnexReference(letter), { size: 14, italic: true }, 60),
      new Paragraph({ spacing: { before: 0, after: 120, line: 240, lineRule: LineRuleType.AUTO }, children: [] }),
      missingTable(letter),
    ],
    { restartPageNumbers: true },
  );
}

export function buildReminderLetterDocument(letter: ReminderLetter): Document {
  const subject = subjectLine(letter.subject);
  const header = headerTable({
    parentName: letter.issuerParentName,
    issuerName: letter.issuerName,
    number: letter.number,
    symbol: letter.symbol,
    place: letter.placeName,
    date: letter.date,
    year: yearOfLetter(letter),
    subject,
  });
  const children: FileChild[] = [
    header,
    ...kinhGuiBlock(letter.recipients),
    ...bodyParagraphs(reminderIntroItems(letter)),
    ...bodyParagraphs(reminderRequestItems(letter), { endMarker: true }),
  ];
  const signature = signatureTable({
    recipients: copyToWithNhuTren(letter.copyTo),
    signerLines: letter.signer.lines,
    signerName: letter.signer.name,
  });
  return nd30Document(
    { title: `Công văn ${subject}`, subject },
    [...children, signature],
    letter.missing.length ? [letterAnnexSection(letter)] : [],
  );
}

/** The reminder letter as a DOCX file (Mẫu 1.5). */
export async function renderReminderLetterDocx(letter: ReminderLetter): Promise<Buffer> {
  return packDocx(buildReminderLetterDocument(letter));
}
