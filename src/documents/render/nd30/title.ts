// Title (ô 5a) and Kính gửi (ô 9a).
import { AlignmentType, LineRuleType, Paragraph } from 'docx';
import { SIZE, TEXT_WIDTH } from './format.ts';
import { centredLine, ruleParagraph, run, RULE_FRACTION } from './paragraph.ts';
import { upperVi } from './text.ts';
import { textWidthTwips } from './width.ts';

/** Tên loại (upper, bold) and trích yếu (sentence case, bold) centred, with a rule under them [ND30 II.5a]. */
export function titleBlock(typeName: string, title: string): Paragraph[] {
  const lineWidth = Math.min(textWidthTwips(title, SIZE.trichYeu, 'bold'), TEXT_WIDTH);
  return [
    centredLine(upperVi(typeName), { size: SIZE.tenLoai, bold: true }, 360),
    centredLine(title.trim(), { size: SIZE.trichYeu, bold: true }),
    ruleParagraph(lineWidth * RULE_FRACTION, TEXT_WIDTH, 120),
  ];
}

/**
 * "Kính gửi:" [ND30 II.9a]: one recipient on the same line; several as "- …;" lines (the last ending with "."),
 * the dashes aligned under the colon.
 */
export function kinhGuiBlock(recipients: readonly string[]): Paragraph[] {
  const items = recipients
    .map((s) =>
      s
        .trim()
        .replace(/^[-–]\s*/, '')
        .replace(/[;.,]+$/, '')
        .trim(),
    )
    .filter(Boolean);
  if (items.length === 0) return [];
  const style = { size: SIZE.body };
  const spacing = { before: 120, after: 0, line: 276, lineRule: LineRuleType.AUTO };
  if (items.length === 1) {
    return [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { ...spacing, before: 240 },
        children: [run(`Kính gửi: ${items[0]}.`, style)],
      }),
    ];
  }
  const label = 'Kính gửi:';
  const labelWidth = textWidthTwips('Kính gửi', SIZE.body);
  const lines = items.map((s, i) => `- ${s}${i === items.length - 1 ? '.' : ';'}`);
  const widest = Math.max(...lines.map((l) => textWidthTwips(l, SIZE.body)));
  // Centre the block as a whole, the way the samples place it under the trích yếu.
  const start = Math.max(0, Math.round((TEXT_WIDTH - labelWidth - widest) / 2));
  return [
    new Paragraph({ indent: { left: start }, spacing: { ...spacing, before: 240 }, children: [run(label, style)] }),
    ...lines.map(
      (l) =>
        new Paragraph({
          indent: { left: start + labelWidth },
          spacing: { ...spacing, before: 0 },
          children: [run(l, style)],
        }),
    ),
  ];
}
