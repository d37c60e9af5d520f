// Reading a generated DOCX as a clerk does: its paragraphs' text, and the closing (the filing line of Nơi nhận and the
// signature block beside it).
import assert from 'node:assert/strict';
import JSZip from 'jszip';
import { paragraphTexts } from '../../src/documents/render/docx-inspect.ts';
import type { Client } from './api.ts';
import { ok } from './factories.ts';

export async function docxParagraphs(c: Client, path: string): Promise<string[]> {
  const r = await c.get(path);
  ok(r, path);
  const zip = await JSZip.loadAsync(Buffer.from(r.body));
  return paragraphTexts(await zip.file('word/document.xml')!.async('string'));
}

/** The filing line (last item of Nơi nhận) and the signature block beside it: authority lines, then the name. */
export function closing(p: string[], lines: number): { filing: string; block: string[] } {
  const at = p.findIndex((x) => x.startsWith('- Lưu: VT'));
  assert.ok(at >= 0, `a filing line in ${JSON.stringify(p.slice(-30))}`);
  return {
    filing: p[at]!,
    block: p
      .slice(at + 1)
      .filter(Boolean)
      .slice(0, lines + 1),
  };
}
