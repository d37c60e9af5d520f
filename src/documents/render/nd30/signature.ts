// Signature (ô 7, 9b).
import { Paragraph, TableRow, type Table } from 'docx';
import { SIGNATURE_COLUMNS, SIZE } from './format.ts';
import { centredLine, run, TIGHT } from './paragraph.ts';
import { layoutCell, layoutTable } from './table.ts';
import { noiNhanLines, upperVi } from './text.ts';
import { textWidthTwips } from './width.ts';

export interface SignatureData {
  /** Nơi nhận items, with or without "- " and ";". */
  recipients: readonly string[];
  /** Quyền hạn, chức vụ lines: ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]. */
  signerLines: readonly string[];
  signerName: string | null;
}

/** Width of "- " at 11 pt. */
const DASH_HANG = textWidthTwips('- ', SIZE.noiNhanItem);

/** Room for the signature and seal between chức vụ and name: 4 empty 14 pt lines (about 2.5 cm) [practice]. */
const SIGNATURE_SPACE_LINES = 4;

/**
 * The borderless signature table [ND30 IV Sơ đồ]: "Nơi nhận:" (12 bold italic) level with the first chức vụ line,
 * items in 11 pt; on the right the authority lines (14 bold upper, centred), space to sign, the name (14 bold).
 */
export function signatureTable(s: SignatureData): Table {
  const [left, right] = SIGNATURE_COLUMNS;
  const firstBefore = 240;
  const leftParas = [
    new Paragraph({
      spacing: { ...TIGHT, before: firstBefore },
      children: [run('Nơi nhận:', { size: SIZE.noiNhanLabel, bold: true, italic: true })],
    }),
    // A wrapped item continues under its text, not under the dash.
    ...noiNhanLines(s.recipients).map(
      (l) =>
        new Paragraph({
          spacing: TIGHT,
          indent: { left: DASH_HANG, hanging: DASH_HANG },
          children: [run(l, { size: SIZE.noiNhanItem })],
        }),
    ),
  ];
  const signerLines = s.signerLines.map((l) => upperVi(l.trim())).filter(Boolean);
  const rightParas = [
    ...signerLines.map((l, i) => centredLine(l, { size: SIZE.signer, bold: true }, i === 0 ? firstBefore : 0)),
    ...Array.from({ length: SIGNATURE_SPACE_LINES }, () => centredLine('', { size: SIZE.signer })),
    centredLine(s.signerName?.trim() ?? '', { size: SIZE.signer, bold: true }),
  ];
  return layoutTable(SIGNATURE_COLUMNS, [
    new TableRow({ cantSplit: true, children: [layoutCell(left, leftParas), layoutCell(right, rightParas)] }),
  ]);
}
