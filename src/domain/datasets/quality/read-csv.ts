// CSV as a stream of rows: the bytes are decoded a chunk at a time and fed to csv-parse, whose records are taken
// one by one, so a file of any length costs the memory of one chunk and one row, not of the whole table.
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { decodeChunks, detectEncoding } from './encoding.ts';
import { makeHeader } from './header.ts';
import { refuseResource } from './sniff.ts';
import type { TableSource } from './types.ts';

const DELIMITERS = [',', ';', '\t'] as const;

/** Occurrences of `d` in a line outside double quotes. */
function countOutsideQuotes(line: string, d: string): number {
  let n = 0;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === d && !quoted) n++;
  }
  return n;
}

/**
 * The delimiter: the candidate that splits the most of the first lines into the same number of cells as the header
 * line does (Excel in Vietnamese locale writes `;`, most software `,`, some exports tabs). One column: `,`.
 */
export function detectDelimiter(sample: string): string {
  const lines = sample
    .split(/\r?\n/)
    .slice(0, 30)
    .filter((l) => l.trim() !== '');
  if (lines.length > 1 && sample.length >= 64 * 1024) lines.pop(); // the last line may be cut off
  let best: string = ',';
  let bestScore = 0;
  for (const d of DELIMITERS) {
    const counts = lines.map((l) => countOutsideQuotes(l, d));
    const first = counts[0] ?? 0;
    if (first === 0) continue;
    const agreeing = counts.filter((c) => c === first).length;
    const score = agreeing * 1000 + first;
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

function sampleText(bytes: Uint8Array, encoding: string): string {
  return new TextDecoder(encoding).decode(bytes.subarray(0, 64 * 1024));
}

const isBlank = (row: string[]) => row.every((c) => c.trim() === '');

async function* records(
  filename: string,
  bytes: Uint8Array,
  encoding: string,
  delimiter: string,
): AsyncGenerator<string[]> {
  const parser = parse({
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    bom: true,
  });
  Readable.from(decodeChunks(bytes, encoding)).pipe(parser);
  try {
    for await (const record of parser) yield record as string[];
  } catch (err) {
    const where = (err as { lines?: number }).lines;
    throw refuseResource(
      filename,
      `tệp CSV sai cấu trúc${where ? ` ở dòng ${where}` : ''} (dấu ngoặc kép không đóng?).`,
    );
  }
}

export async function readCsv(filename: string, bytes: Uint8Array): Promise<TableSource> {
  const { encoding, notUtf8 } = detectEncoding(bytes);
  const delimiter = detectDelimiter(sampleText(bytes, encoding));
  const iterator = records(filename, bytes, encoding, delimiter)[Symbol.asyncIterator]();
  let first = await iterator.next();
  while (!first.done && isBlank(first.value)) first = await iterator.next();
  const header = makeHeader(first.done ? [] : first.value);
  const rows: AsyncIterable<string[]> = {
    [Symbol.asyncIterator]: () => iterator,
  };
  return {
    format: 'csv',
    encoding,
    notUtf8,
    header: header.names,
    duplicateHeaders: header.duplicates,
    renamedHeaders: header.renamed,
    rows,
  };
}
