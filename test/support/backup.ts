// Rewrites a backup file entry by entry (tests of what a restore refuses: a newer schema, a damaged table).
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import tar from 'tar-stream';
import { MANIFEST_NAME, type Manifest } from '../../src/modules/backup/format.ts';
import { readEntries } from '../../src/modules/backup/read.ts';

export async function rewriteManifest(
  src: string,
  dst: string,
  manifest: (m: Manifest) => Manifest,
  body: (name: string, b: Buffer) => Buffer = (_n, b) => b,
): Promise<void> {
  const pack = tar.pack();
  const done = pipeline(pack, createGzip(), createWriteStream(dst));
  for await (const e of readEntries(src)) {
    const out =
      e.name === MANIFEST_NAME
        ? Buffer.from(JSON.stringify(manifest(JSON.parse(e.body.toString('utf8')) as Manifest)))
        : body(e.name, e.body);
    await new Promise<void>((resolve, reject) =>
      pack.entry({ name: e.name, size: out.length }, out, (err) => (err ? reject(err) : resolve())),
    );
  }
  pack.finalize();
  await done;
}
