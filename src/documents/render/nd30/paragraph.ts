// Runs and paragraphs: the Times New Roman run, centred lines and rules every block is made of.
import { AlignmentType, BorderStyle, LineRuleType, Paragraph, TextRun } from 'docx';
import { FONT, halfPoints } from './format.ts';

export interface RunStyle {
  size: number; // pt
  bold?: boolean;
  italic?: boolean;
}

/** A Times New Roman run. Font and size are written on every run so the text keeps its format when pasted elsewhere. */
export function run(text: string, style: RunStyle): TextRun {
  return new TextRun({
    text,
    font: FONT,
    size: halfPoints(style.size),
    bold: style.bold ?? false,
    italics: style.italic ?? false,
  });
}

/** Header and signature blocks use single spacing with nothing before or after [Mẫu]. */
export const TIGHT = { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO } as const;

export function centredLine(text: string, style: RunStyle, spacingBefore = 0): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { ...TIGHT, before: spacingBefore },
    children: [run(text, style)],
  });
}

/**
 * A solid rule of the given length, centred in the available width: an empty, 2 pt high paragraph with a bottom border
 * and indents, as research A.10 advises (never underscores).
 */
export function ruleParagraph(lengthTwips: number, availableTwips: number, spacingAfter = 0): Paragraph {
  const length = Math.max(200, Math.min(lengthTwips, availableTwips));
  const side = Math.max(0, Math.floor((availableTwips - length) / 2));
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { before: 0, after: spacingAfter, line: 60, lineRule: LineRuleType.EXACT },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    run: { font: FONT, size: 2 },
    children: [],
  });
}

/** The issuer and trích yếu rules are 1/3 to 1/2 of their text line [ND30 II.2, II.5]; we take the middle, 2/5. */
export const RULE_FRACTION = 0.4;
