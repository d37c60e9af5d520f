// Text width, for the rules under the Tiêu ngữ, the issuer and the trích yếu, and for fit checks.

// Advance widths of ASCII 32–126 in 1/2048 em, from Liberation Serif 2.1, which is metric-compatible with Times New Roman.
const ADVANCE = {
  regular: [
    512, 682, 836, 1024, 1024, 1706, 1593, 369, 682, 682, 1024, 1155, 512, 682, 512, 569, 1024, 1024, 1024, 1024, 1024,
    1024, 1024, 1024, 1024, 1024, 569, 569, 1155, 1155, 1155, 909, 1886, 1479, 1366, 1366, 1479, 1251, 1139, 1479, 1479,
    682, 797, 1479, 1251, 1821, 1479, 1479, 1139, 1479, 1366, 1139, 1251, 1479, 1479, 1933, 1479, 1479, 1251, 682, 569,
    682, 961, 1024, 682, 909, 1024, 909, 1024, 909, 682, 1024, 1024, 569, 569, 1024, 569, 1593, 1024, 1024, 1024, 1024,
    682, 797, 569, 1024, 1024, 1479, 1024, 1024, 909, 983, 410, 983, 1108,
  ],
  bold: [
    512, 682, 1137, 1024, 1024, 2048, 1706, 569, 682, 682, 1024, 1167, 512, 682, 512, 569, 1024, 1024, 1024, 1024, 1024,
    1024, 1024, 1024, 1024, 1024, 682, 682, 1167, 1167, 1167, 1024, 1905, 1479, 1366, 1479, 1479, 1366, 1251, 1593,
    1593, 797, 1024, 1593, 1366, 1933, 1479, 1593, 1251, 1593, 1479, 1139, 1366, 1479, 1479, 2048, 1479, 1479, 1366,
    682, 569, 682, 1190, 1024, 682, 1024, 1139, 909, 1139, 909, 682, 1024, 1139, 569, 682, 1139, 569, 1706, 1139, 1024,
    1139, 1139, 909, 797, 682, 1139, 1024, 1479, 1024, 1024, 909, 807, 451, 807, 1065,
  ],
  italic: [
    512, 682, 860, 1024, 1024, 1706, 1593, 438, 682, 682, 1024, 1382, 512, 682, 512, 569, 1024, 1024, 1024, 1024, 1024,
    1024, 1024, 1024, 1024, 1024, 682, 682, 1382, 1382, 1382, 1024, 1884, 1251, 1251, 1366, 1479, 1251, 1251, 1479,
    1479, 682, 909, 1366, 1139, 1706, 1366, 1479, 1251, 1479, 1251, 1024, 1139, 1479, 1251, 1706, 1251, 1139, 1139, 797,
    569, 797, 864, 1024, 682, 1024, 1024, 909, 1024, 909, 569, 1024, 1024, 569, 569, 909, 569, 1479, 1024, 1024, 1024,
    1024, 797, 797, 569, 1024, 909, 1366, 909, 909, 797, 819, 563, 819, 1108,
  ],
} as const;

export type Face = keyof typeof ADVANCE;

/** Width of a single line of text in twips. Vietnamese letters take the width of their base letter; ư, ơ are a bit wider. */
export function textWidthTwips(text: string, sizePt: number, face: Face = 'regular'): number {
  const table = ADVANCE[face];
  let units = 0;
  for (const ch of text.normalize('NFC')) {
    const wide = /[ưƯơ]/u.test(ch) ? 1.1 : 1; // measured 1.04–1.11 × the base letter; Ơ is as wide as O
    const base = ch
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace('đ', 'd')
      .replace('Đ', 'D');
    const code = base.charCodeAt(0);
    units += (code >= 32 && code <= 126 ? table[code - 32]! : 1024) * wide;
  }
  return Math.round((units / 2048) * sizePt * 20);
}

/** Measured widths are exact for Liberation Serif / Times New Roman; keep 2 % for renderers that space differently. */
export function fits(widthTwips: number, availableTwips: number): boolean {
  return widthTwips <= availableTwips * 0.98;
}

/**
 * Breaks a line that does not fit into lines of even length, so a long name does not leave one word alone on its
 * last line ("SỞ KHOA HỌC VÀ CÔNG / NGHỆ" becomes "SỞ KHOA HỌC / VÀ CÔNG NGHỆ").
 */
export function balanceLines(text: string, availableTwips: number, sizePt: number, face: Face = 'regular'): string[] {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const width = (ws: readonly string[]) => textWidthTwips(ws.join(' '), sizePt, face);
  if (words.length < 2 || fits(width(words), availableTwips)) return [text.trim()];
  const fill = (limit: number): string[][] => {
    const lines: string[][] = [[]];
    for (const w of words) {
      const cur = lines[lines.length - 1]!;
      if (cur.length > 0 && width([...cur, w]) > limit) lines.push([w]);
      else cur.push(w);
    }
    return lines;
  };
  const limit = availableTwips * 0.98;
  const count = fill(limit).length;
  // The narrowest limit that still needs no more lines than the column does.
  let lo = width(words) / count;
  let hi = limit;
  for (let i = 0; i < 24; i++) {
    const mid = (lo + hi) / 2;
    if (fill(mid).length <= count) hi = mid;
    else lo = mid;
  }
  return fill(hi).map((l) => l.join(' '));
}
