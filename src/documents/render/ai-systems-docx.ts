// Mẫu AI02 (impact assessment report, decree 142 Đ20.3) and the preliminary report of a serious incident (laid out
// after Mẫu AI01a, Đ19) as DOCX, with the Nghị định 30/2020 header and a signature block
// "LÃNH ĐẠO CƠ QUAN, ĐƠN VỊ (Ký, ghi rõ họ tên, chức vụ và đóng dấu)".
import { AlignmentType, Paragraph, TableRow, type FileChild } from 'docx';
import {
  SIGNATURE_COLUMNS,
  SIZE,
  bodyParagraphs,
  centredLine,
  draftStamp,
  headerTable,
  layoutCell,
  layoutTable,
  nd30Document,
  noiNhanLines,
  packDocx,
  run,
  titleBlock,
  upperVi,
  type BodyItem,
} from './nd30.ts';

export interface Issuer {
  /** The unit's name as the register writes it. */
  unitName: string;
  unitKind: string;
  /** Place for the date line ("Thanh Hóa", "Nam Sầm Sơn"). */
  place: string;
}

export interface SectionData {
  number: string;
  title: string;
  fields: ReadonlyArray<{ label: string; value: string }>;
}

export interface Ai02Document {
  issuer: Issuer;
  systemName: string;
  version: number;
  /** Not yet approved: printed with the "DỰ THẢO" stamp. */
  draft: boolean;
  /** YYYY-MM-DD of approval, or null. */
  date: string | null;
  sections: readonly SectionData[];
  signerName: string | null;
}

export interface IncidentReportDocument {
  issuer: Issuer;
  date: string;
  sections: readonly SectionData[];
}

/** "Ủy ban nhân dân phường Nam Sầm Sơn" for a People's Committee; an agency's or office's own name otherwise. */
function issuerName(i: Issuer): string {
  if (!['province', 'commune', 'ward'].includes(i.unitKind)) return i.unitName;
  return /^(Ủy ban|UBND)/iu.test(i.unitName)
    ? i.unitName
    : `Ủy ban nhân dân ${i.unitName.charAt(0).toLocaleLowerCase('vi')}${i.unitName.slice(1)}`;
}

/** Each field a numbered clause; a value of several lines continues as paragraphs under it. */
function sectionItems(sections: readonly SectionData[]): BodyItem[] {
  return sections.flatMap((s) => [
    { kind: 'section', number: s.number, title: s.title } as BodyItem,
    ...s.fields.flatMap((f, i): BodyItem[] => {
      const lines = f.value
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
      if (lines.length <= 1)
        return [
          { kind: 'clause', number: String(i + 1), text: `${f.label}: ${lines[0] ?? '……………………'}`, heading: false },
        ];
      return [
        { kind: 'clause', number: String(i + 1), text: `${f.label}:`, heading: false },
        ...lines.map((l) => ({ kind: 'dash' as const, text: l.replace(/^[-–]\s*/, '') })),
      ];
    }),
  ]);
}

function leaderSignature(signerName: string | null, recipients: string[]) {
  const [left, right] = SIGNATURE_COLUMNS;
  const leftParas = [
    new Paragraph({
      spacing: { before: 240, after: 0 },
      children: [run('Nơi nhận:', { size: SIZE.noiNhanLabel, bold: true, italic: true })],
    }),
    ...noiNhanLines(recipients).map((l) => new Paragraph({ children: [run(l, { size: SIZE.noiNhanItem })] })),
  ];
  const rightParas = [
    centredLine('LÃNH ĐẠO CƠ QUAN, ĐƠN VỊ', { size: SIZE.signer, bold: true }, 240),
    centredLine('(Ký, ghi rõ họ tên, chức vụ và đóng dấu)', { size: 13, italic: true }),
    ...Array.from({ length: 4 }, () => centredLine('', { size: SIZE.signer })),
    centredLine(signerName ?? '', { size: SIZE.signer, bold: true }),
  ];
  return layoutTable(SIGNATURE_COLUMNS, [
    new TableRow({ cantSplit: true, children: [layoutCell(left, leftParas), layoutCell(right, rightParas)] }),
  ]);
}

function formLabel(label: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.RIGHT,
    spacing: { before: 0, after: 120 },
    children: [run(label, { size: 13, bold: true })],
  });
}

export function buildAi02Document(d: Ai02Document) {
  const year = d.date ? Number(d.date.slice(0, 4)) : null;
  const children: FileChild[] = [
    ...(d.draft ? [draftStamp()] : []),
    formLabel('Mẫu AI02'),
    headerTable({
      issuerName: upperVi(issuerName(d.issuer)),
      number: null,
      symbol: 'BC',
      place: d.issuer.place,
      date: d.date,
      year,
    }),
    ...titleBlock('Báo cáo', `Đánh giá tác động việc sử dụng hệ thống trí tuệ nhân tạo ${d.systemName}`),
    ...bodyParagraphs(sectionItems(d.sections), { endMarker: true }),
    leaderSignature(d.signerName, ['Bộ Khoa học và Công nghệ (để báo cáo)', 'Lưu: VT, hồ sơ hệ thống AI']),
  ];
  return nd30Document(
    { title: `Báo cáo đánh giá tác động (Mẫu AI02): ${d.systemName}`, subject: `Phiên bản ${d.version}` },
    children,
  );
}

export async function renderAi02Docx(d: Ai02Document): Promise<Buffer> {
  return packDocx(buildAi02Document(d));
}

export function buildIncidentReportDocument(d: IncidentReportDocument) {
  const children: FileChild[] = [
    formLabel('Mẫu AI01a'),
    headerTable({
      issuerName: upperVi(issuerName(d.issuer)),
      number: null,
      symbol: 'BC',
      place: d.issuer.place,
      date: d.date,
      year: Number(d.date.slice(0, 4)),
    }),
    ...titleBlock('Báo cáo', 'Sự cố nghiêm trọng của hệ thống trí tuệ nhân tạo'),
    ...bodyParagraphs(sectionItems(d.sections), { endMarker: true }),
    leaderSignature(null, ['Bộ Khoa học và Công nghệ', 'Sở Khoa học và Công nghệ', 'Nhà cung cấp hệ thống', 'Lưu: VT']),
  ];
  return nd30Document({ title: 'Báo cáo sự cố nghiêm trọng của hệ thống trí tuệ nhân tạo' }, children);
}

export async function renderIncidentReportDocx(d: IncidentReportDocument): Promise<Buffer> {
  return packDocx(buildIncidentReportDocument(d));
}
