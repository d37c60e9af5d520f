// Body (ô 6).
import { AlignmentType, LineRuleType, Paragraph } from 'docx';
import { BODY_SPACING, SIZE } from './format.ts';
import { run } from './paragraph.ts';
import { upperVi, withEndMarker } from './text.ts';

/**
 * A body element, as plain data, so that document renderers assemble the body first and the "./." marker goes on
 * the last one.
 * - section: "I. MỤC ĐÍCH, YÊU CẦU" (Roman numeral, upper case, bold) [ND30 II.6đ, non-article documents]
 * - clause: "1. Mục đích" (bold when it is a heading on its own line) or "1. running text"
 * - point: "a) …"; dash: "- …"; paragraph: running text
 */
export type BodyItem =
  | { kind: 'section'; number: string; title: string }
  | { kind: 'clause'; number: string; text: string; heading: boolean }
  | { kind: 'point'; label: string; text: string }
  | { kind: 'dash'; text: string }
  | { kind: 'paragraph'; text: string; italic?: boolean };

export function bodyText(item: BodyItem): string {
  switch (item.kind) {
    case 'section':
      return `${item.number}. ${upperVi(item.title)}`;
    case 'clause':
      return `${item.number}. ${item.text}`;
    case 'point':
      return `${item.label}) ${item.text}`;
    case 'dash':
      return `- ${item.text}`;
    case 'paragraph':
      return item.text;
  }
}

/** Justified, 1 cm first line, 6 pt before, 1.15 lines [ND30 II.6; values in BODY_SPACING]. */
export function bodyParagraph(
  text: string,
  style: { bold?: boolean; italic?: boolean; keepNext?: boolean } = {},
): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: BODY_SPACING.firstLine },
    spacing: {
      before: BODY_SPACING.before,
      after: BODY_SPACING.after,
      line: BODY_SPACING.line,
      lineRule: LineRuleType.AUTO,
    },
    keepNext: style.keepNext ?? false,
    children: [run(text, { size: SIZE.body, bold: style.bold ?? false, italic: style.italic ?? false })],
  });
}

function itemParagraph(item: BodyItem, text: string): Paragraph {
  const heading = item.kind === 'section' || (item.kind === 'clause' && item.heading);
  const italic = item.kind === 'paragraph' && item.italic === true;
  // Headings stay with the paragraph that follows them.
  return bodyParagraph(text, { bold: heading, italic, keepNext: heading });
}

/**
 * Body paragraphs; with `endMarker`, the last one ends with "./." [Mẫu 1.x] and stays on the page of the signature
 * that follows it, so a signature never stands alone on a page.
 */
export function bodyParagraphs(items: readonly BodyItem[], opts: { endMarker?: boolean } = {}): Paragraph[] {
  return items.map((item, i) => {
    const text = bodyText(item);
    if (!(opts.endMarker && i === items.length - 1)) return itemParagraph(item, text);
    const heading = item.kind === 'section' || (item.kind === 'clause' && item.heading);
    return bodyParagraph(withEndMarker(text), {
      bold: heading,
      italic: item.kind === 'paragraph' && item.italic === true,
      keepNext: true,
    });
  });
}
