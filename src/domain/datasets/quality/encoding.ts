// Text-encoding problems a cell can show, and the decoding of uploaded bytes.
// - notUtf8: the bytes are not UTF-8; they are read as windows-1258 (the Vietnamese Windows code page, which
//   also decodes latin1 text the same for the letters both have), so the text is readable, but the file should
//   be saved again as UTF-8.
// - mojibake: UTF-8 bytes that were once read as windows-1252/latin1 and saved again ("Nguyá»…n" for "Nguyễn").
//   Detected by repairing the cell and checking that the repair is valid UTF-8 with Vietnamese letters.
// - nfd: letters written as a base letter and combining marks (macOS, some keyboards); they look the same but do
//   not compare or search equal to the composed form.
// - replacement: U+FFFD, where an earlier conversion already lost characters for good.
import { isUtf8 } from 'node:buffer';

/** The windows-1252 characters of bytes 0x80–0x9F (latin1 has control characters there). */
const CP1252_HIGH: Record<string, number> = {
  '€': 0x80,
  '‚': 0x82,
  ƒ: 0x83,
  '„': 0x84,
  '…': 0x85,
  '†': 0x86,
  '‡': 0x87,
  ˆ: 0x88,
  '‰': 0x89,
  Š: 0x8a,
  '‹': 0x8b,
  Œ: 0x8c,
  Ž: 0x8e,
  '‘': 0x91,
  '’': 0x92,
  '“': 0x93,
  '”': 0x94,
  '•': 0x95,
  '–': 0x96,
  '—': 0x97,
  '˜': 0x98,
  '™': 0x99,
  š: 0x9a,
  '›': 0x9b,
  œ: 0x9c,
  ž: 0x9e,
  Ÿ: 0x9f,
};

/** A lead byte of a 2–4 byte UTF-8 sequence read as latin1, followed by what a continuation byte reads as. */
const MOJIBAKE_HINT =
  /[\u00C2-\u00F4][\u0080-\u00BF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2013-\u2122]/;

/** The text a mojibake cell was meant to be, or null when the cell is not mojibake. */
export function repairMojibake(s: string): string | null {
  if (!MOJIBAKE_HINT.test(s)) return null;
  const bytes = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const b = c <= 0xff ? c : CP1252_HIGH[s[i]!];
    if (b === undefined) return null;
    bytes[i] = b;
  }
  if (!isUtf8(bytes)) return null;
  const repaired = new TextDecoder('utf-8').decode(bytes);
  return repaired !== s ? repaired.normalize('NFC') : null;
}

const COMBINING = /[\u0300-\u036f]/;

export type CellEncodingProblem = 'mojibake' | 'nfd' | 'replacement' | null;

/** The one problem a cell shows (the worst first), or null. */
export function cellEncodingProblem(s: string): CellEncodingProblem {
  if (s.includes('\uFFFD')) return 'replacement';
  // Only text outside ASCII can be either of the others: most cells stop here.
  if (!/[^\x00-\x7F]/.test(s)) return null;
  if (repairMojibake(s) !== null) return 'mojibake';
  if (COMBINING.test(s) && s.normalize('NFC') !== s) return 'nfd';
  return null;
}

export interface Decoding {
  encoding: string;
  notUtf8: boolean;
}

/** Which encoding the bytes are in: UTF-8 (with or without BOM) when they are valid UTF-8, else windows-1258. */
export function detectEncoding(bytes: Uint8Array): Decoding {
  if (isUtf8(bytes)) return { encoding: 'utf-8', notUtf8: false };
  return { encoding: 'windows-1258', notUtf8: true };
}

/**
 * Decodes the bytes a chunk at a time. windows-1258 writes tones as combining marks, so its text is composed (NFC);
 * the last character of a chunk waits for the next one, since its marks may begin there.
 */
export function* decodeChunks(bytes: Uint8Array, encoding: string, chunkBytes = 256 * 1024): Generator<string> {
  const decoder = new TextDecoder(encoding, { ignoreBOM: false });
  const compose = encoding !== 'utf-8';
  let carry = '';
  for (let at = 0; at < bytes.length; at += chunkBytes) {
    const text = decoder.decode(bytes.subarray(at, at + chunkBytes), { stream: true });
    if (!compose) {
      yield text;
      continue;
    }
    const all = carry + text;
    carry = all.slice(-1);
    yield all.slice(0, -1).normalize('NFC');
  }
  const tail = carry + decoder.decode();
  if (tail) yield compose ? tail.normalize('NFC') : tail;
}
