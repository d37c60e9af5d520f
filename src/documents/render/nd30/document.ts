// Page setup and document.
import {
  AlignmentType,
  Document,
  Header,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  TextRun,
  type FileChild,
  type ISectionOptions,
  type IStylesOptions,
} from 'docx';
import JSZip from 'jszip';
import { FONT, PAGE, SIZE, halfPoints } from './format.ts';
import { TIGHT } from './paragraph.ts';

/** Page number: Arabic, centred in the top margin, 14 pt, not on the first page [ND30 I.1 "số trang"]. */
export function pageNumberHeader(): Header {
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: TIGHT,
        children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: halfPoints(SIZE.pageNumber) })],
      }),
    ],
  });
}

export interface SectionOptions {
  /** A4 landscape, for a table too wide for the portrait page [ND30 I.1]. */
  landscape?: boolean;
  /** Pages numbered from 1 again (an annex) [ND30 I.1]. */
  restartPageNumbers?: boolean;
}

/** A4 section with ND30 margins, portrait unless asked; titlePage so the first page shows no number. */
export function nd30Section(children: FileChild[], opts: SectionOptions = {}): ISectionOptions {
  return {
    properties: {
      page: {
        size: {
          width: PAGE.width,
          height: PAGE.height,
          ...(opts.landscape ? { orientation: PageOrientation.LANDSCAPE } : {}),
        },
        margin: { ...PAGE.margin, gutter: 0 },
        ...(opts.restartPageNumbers ? { pageNumbers: { start: 1 } } : {}),
      },
      titlePage: true,
    },
    headers: { default: pageNumberHeader(), first: new Header({ children: [new Paragraph({ children: [] })] }) },
    children,
  };
}

/** Document defaults: Times New Roman 14, black, Vietnamese [ND30 I.1]. */
export function nd30Styles(): IStylesOptions {
  return {
    default: {
      document: {
        run: { font: FONT, size: halfPoints(SIZE.body), color: '000000', language: { value: 'vi-VN' } },
        paragraph: { spacing: TIGHT },
      },
    },
  };
}

export interface DocumentMeta {
  title: string;
  subject?: string;
  description?: string;
}

export const CREATOR = 'Thi Hành';

/** A document whose body is one A4 portrait section, followed by any further sections (an annex). */
export function nd30Document(
  meta: DocumentMeta,
  children: FileChild[],
  moreSections: ISectionOptions[] = [],
): Document {
  return new Document({
    title: meta.title,
    subject: meta.subject ?? '',
    description: meta.description ?? '',
    creator: CREATOR,
    lastModifiedBy: CREATOR,
    styles: nd30Styles(),
    sections: [nd30Section(children), ...moreSections],
  });
}

/**
 * Packs to a DOCX buffer and records the language in the core properties (dc:language), which the docx package
 * does not write.
 */
export async function packDocx(doc: Document, language = 'vi-VN'): Promise<Buffer> {
  const buf = await Packer.toBuffer(doc);
  const zip = await JSZip.loadAsync(buf);
  const core = zip.file('docProps/core.xml');
  if (!core) return buf;
  const xml = await core.async('string');
  if (xml.includes('<dc:language>')) return buf;
  zip.file(
    'docProps/core.xml',
    xml.replace('</cp:coreProperties>', `<dc:language>${language}</dc:language></cp:coreProperties>`),
  );
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
