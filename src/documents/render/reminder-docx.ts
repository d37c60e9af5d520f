// Công văn đôn đốc (urging letter) as DOCX, laid out as Mẫu 1.5 of Nghị định 30/2020: no tên loại, "V/v …" under
// the Số, "Kính gửi:" the late units, the list of what each has not sent, the new deadline and the standard closing.

import type { Document, FileChild, Table } from 'docx';
import type { ReminderLetter } from '../../domain/reporting/model.ts';
import {
  CELL_MARGIN,
  HEADER_COLUMNS,
  SIZE,
  TEXT_WIDTH,
  balanceLines,
  bodyParagraphs,
  headerTable,
  kinhGuiBlock,
  nd30Document,
  packDocx,
  signatureTable,
  upperVi,
  withFinalStop,
  type BodyItem,
} from './nd30.ts';
import { issuerPhrase } from './plan-docx.ts';
import { copyToWithNhuTren, formatCount, gridCell, gridTable, shortDate } from './report-docx.ts';

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

/** "trước ngày 19/12/2026" from an ISO date, or the deadline as written ("trước ngày 19/12/2026", "19/12/2026"). */
export function deadlinePhrase(newDeadline: string): string {
  const d = newDeadline.trim();
  if (/^(trước|chậm nhất|trong)\b/u.test(d)) return d;
  return `trước ngày ${shortDate(d)}`;
}

function isCommittee(issuerName: string): boolean {
  return upperVi(issuerName).startsWith('ỦY BAN NHÂN DÂN');
}

/** Body before the list: the basis and the finding. */
export function reminderIntroItems(letter: ReminderLetter): BodyItem[] {
  const n = letter.missing.length;
  return [
    { kind: 'paragraph', text: withFinalStop(letter.basisText.trim()) },
    {
      kind: 'paragraph',
      text: `Qua theo dõi, tổng hợp, đến nay còn ${formatCount(n)} cơ quan, đơn vị chưa gửi hoặc chưa gửi đầy đủ báo cáo theo yêu cầu, cụ thể như sau:`,
    },
  ];
}

/** "Thủ trưởng các cơ quan, đơn vị[, Chủ tịch Ủy ban nhân dân các xã, phường] có tên nêu trên". */
function addressees(letter: ReminderLetter): string {
  const communes = letter.missing.some((m) =>
    /^(Ủy ban nhân dân|UBND)\s+(các\s+)?(xã|phường)\b/u.test(m.unitName.trim()),
  );
  return `Thủ trưởng các cơ quan, đơn vị${communes ? ', Chủ tịch Ủy ban nhân dân các xã, phường' : ''} có tên nêu trên`;
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

const TABLE_SIZE = 13;

/** STT | Cơ quan, đơn vị | Nội dung chưa gửi (one "- …" line per missing item). */
export function missingTable(letter: ReminderLetter): Table {
  const cols = [700, 3900, 0];
  cols[2] = TEXT_WIDTH - cols[0]! - cols[1]!;
  const size = TABLE_SIZE;
  const head = ['STT', 'Cơ quan, đơn vị', 'Nội dung chưa gửi'].map((h, i) =>
    gridCell(cols[i]!, [h], { size, bold: true, align: 'center' }),
  );
  const rows = letter.missing.map((m, i) => {
    const items = m.items
      .map((s) =>
        s
          .trim()
          .replace(/^[-–+•]\s*/, '')
          .replace(/[;.]+$/, ''),
      )
      .filter(Boolean);
    return [
      gridCell(cols[0]!, [String(i + 1)], { size, align: 'center', vAlign: 'top' }),
      gridCell(cols[1]!, [m.unitName.trim()], { size, vAlign: 'top' }),
      gridCell(
        cols[2]!,
        items.length === 1 ? [`${items[0]}.`] : items.map((s, j) => `- ${s}${j === items.length - 1 ? '.' : ';'}`),
        { size, vAlign: 'top' },
      ),
    ];
  });
  return gridTable(cols, [head], rows);
}

export function buildReminderLetterDocument(letter: ReminderLetter): Document {
  const date = letter.date;
  const year = date ? Number(date.slice(0, 4)) : null;
  const subject = subjectLine(letter.subject);
  const header = headerTable({
    parentName: letter.issuerParentName,
    issuerName: letter.issuerName,
    number: letter.number,
    symbol: letter.symbol,
    place: letter.placeName,
    date,
    year,
    subject,
  });
  const children: FileChild[] = [
    header,
    ...kinhGuiBlock(letter.recipients),
    ...bodyParagraphs(reminderIntroItems(letter)),
    missingTable(letter),
    ...bodyParagraphs(reminderRequestItems(letter), { endMarker: true }),
  ];
  const signature = signatureTable({
    recipients: copyToWithNhuTren(letter.copyTo),
    signerLines: letter.signer.lines,
    signerName: letter.signer.name,
  });
  return nd30Document({ title: `Công văn ${subject}`, subject }, [...children, signature]);
}

/** The reminder letter as a DOCX file (Mẫu 1.5). */
export async function renderReminderLetterDocx(letter: ReminderLetter): Promise<Buffer> {
  return packDocx(buildReminderLetterDocument(letter));
}
