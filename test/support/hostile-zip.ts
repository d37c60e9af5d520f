// Builds hostile DOCX archives for tests: a real DOCX (made with the `docx` library, opened with fflate) with one
// part replaced by a bomb. The zip container is written here because the bombs need what no zip writer offers:
// deflate data made elsewhere (zlib's run-length strategy makes 300 MB of zeros in a fraction of a second, at
// about 1,000:1), declared sizes that lie, and 100,000 entries (fflate's zipSync takes a minute for those).
import { crc32, constants, deflateRawSync } from 'node:zlib';
import { unzipSync } from 'fflate';
import { Document, Packer, Paragraph, TextRun } from 'docx';

export interface ZipEntry {
  name: string;
  /** Stored bytes (method 0) or raw deflate data (method 8). */
  data: Uint8Array;
  method: 0 | 8;
  /** Inflated size as declared in the headers (may lie). */
  size: number;
  crc: number;
}

export function stored(name: string, data: Uint8Array): ZipEntry {
  return { name, data, method: 0, size: data.length, crc: crc32(data) };
}

export function deflated(name: string, data: Uint8Array): ZipEntry {
  return { name, data: deflateRawSync(data), method: 8, size: data.length, crc: crc32(data) };
}

/** A part that inflates to `bytes` zeros, deflated at about 1,000:1. */
export function zeros(name: string, bytes: number): ZipEntry {
  const chunk = Buffer.alloc(1024 * 1024);
  let crc = 0;
  for (let left = bytes; left > 0; left -= chunk.length)
    crc = crc32(left >= chunk.length ? chunk : chunk.subarray(0, left), crc);
  const data = deflateRawSync(Buffer.alloc(bytes), { level: 9, strategy: constants.Z_RLE });
  return { name, data, method: 8, size: bytes, crc };
}

/** Local headers, data, central directory and its end record, as every zip reader expects them. */
export function writeZip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30 + name.length);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // names in UTF-8
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    name.copy(local, 30);
    const central = Buffer.alloc(46 + name.length);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(e.method, 10);
    central.writeUInt32LE(e.crc >>> 0, 16);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    name.copy(central, 46);
    locals.push(local, Buffer.from(e.data.buffer, e.data.byteOffset, e.data.byteLength));
    centrals.push(central);
    offset += local.length + e.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  // 16-bit counts, as writers without ZIP64 leave them: 100,000 entries read as 34,464.
  end.writeUInt16LE(entries.length & 0xffff, 8);
  end.writeUInt16LE(entries.length & 0xffff, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The parts of a real DOCX holding the given paragraphs. */
export async function docxParts(paragraphs: string[]): Promise<ZipEntry[]> {
  const doc = new Document({
    sections: [{ children: paragraphs.map((p) => new Paragraph({ children: [new TextRun(p)] })) }],
  });
  const parts = unzipSync(new Uint8Array(await Packer.toBuffer(doc)));
  return Object.entries(parts).map(([name, data]) => deflated(name, data));
}

/** A real DOCX with parts replaced or added. */
export async function docxWith(paragraphs: string[], replace: ZipEntry[]): Promise<Buffer> {
  const parts = (await docxParts(paragraphs)).filter((p) => !replace.some((r) => r.name === p.name));
  return writeZip([...parts, ...replace]);
}

/** The same entry with another inflated size written in its headers. */
export function declaring(e: ZipEntry, size: number): ZipEntry {
  return { ...e, size };
}
