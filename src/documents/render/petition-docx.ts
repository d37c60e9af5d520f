// Công văn trả lời kiến nghị as DOCX, laid out as Mẫu 1.5 of Nghị định 30/2020 (a công văn): "V/v trả lời kiến
// nghị …" under the Số, "Kính gửi:" the sender, what was received and when, the answer, the standard closing.
import type { Document, FileChild } from 'docx';
import {
  bodyParagraphs,
  headerTable,
  kinhGuiBlock,
  nd30Document,
  packDocx,
  signatureTable,
  withFinalStop,
  type BodyItem,
} from './nd30.ts';
import { shortDate } from './report-docx.ts';

export interface PetitionAnswerLetter {
  issuerParentName: string | null;
  issuerName: string;
  placeName: string;
  /** YYYY-MM-DD, or null for an undated draft. */
  date: string | null;
  number: string | null;
  symbol: string | null;
  code: string;
  kindLabel: string;
  subject: string;
  receivedOn: string;
  /** The sender as addressed: "Bà Trần Thị Bích Ngọc", "Công ty TNHH …". */
  recipient: string;
  answer: string;
  signerLines: string[];
  signerName: string | null;
  /** "Lưu: VT, VP": the filing line with the unit's drafting division (its document settings). */
  filingLine?: string;
}

export function petitionAnswerItems(l: PetitionAnswerLetter): BodyItem[] {
  const intro =
    `Ngày ${shortDate(l.receivedOn)}, ${l.issuerName} nhận được ${l.kindLabel.toLowerCase()} của ${l.recipient} ` +
    `(mã tra cứu ${l.code}) về "${l.subject}". Sau khi xem xét, ${l.issuerName} trả lời như sau:`;
  const answer = l.answer
    .split(/\n+/)
    .map((t) => t.trim())
    .filter(Boolean)
    .map((text): BodyItem => ({ kind: 'paragraph', text }));
  return [
    { kind: 'paragraph', text: intro },
    ...answer,
    { kind: 'paragraph', text: withFinalStop(`${l.issuerName} trân trọng trả lời`) },
  ];
}

export function buildPetitionAnswerDocument(l: PetitionAnswerLetter): Document {
  const subject = `V/v trả lời ${l.kindLabel.toLowerCase()} ${l.code}`;
  const children: FileChild[] = [
    headerTable({
      parentName: l.issuerParentName,
      issuerName: l.issuerName,
      number: l.number,
      symbol: l.symbol,
      place: l.placeName,
      date: l.date,
      year: l.date ? Number(l.date.slice(0, 4)) : null,
      subject,
    }),
    ...kinhGuiBlock([l.recipient]),
    ...bodyParagraphs(petitionAnswerItems(l), { endMarker: true }),
    signatureTable({
      recipients: ['Như trên', l.filingLine ?? 'Lưu: VT'],
      signerLines: l.signerLines,
      signerName: l.signerName,
    }),
  ];
  return nd30Document({ title: `Công văn ${subject}`, subject }, children);
}

export async function renderPetitionAnswerDocx(l: PetitionAnswerLetter): Promise<Buffer> {
  return packDocx(buildPetitionAnswerDocument(l));
}
