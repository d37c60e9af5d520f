// `thihanh units import FILE.csv --province CODE` as an operator runs it (the real command line, in its own process, on
// a new PGlite directory or a fresh PostgreSQL database): a bad file is refused line by line and writes nothing; a
// real file of Nghệ An is loaded and `thihanh units find` finds its communes at once; the same file again adds nothing.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createFreshDatabase } from '../../src/db/fresh-database.ts';
import { runCli } from '../support/cli.ts';

const NGHE_AN = fileURLToPath(new URL('../fixtures/units/nghe-an-communes.csv', import.meta.url));

let dir: string;
let env: Record<string, string>;
let drop: (() => Promise<void>) | null = null;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'thihanh-units-import-'));
  env = { THIHANH_DATA_DIR: join(dir, 'data'), DATABASE_URL: '', THIHANH_DEMO: '0' };
  if (process.env.DATABASE_URL) {
    const f = await createFreshDatabase(process.env.DATABASE_URL, 'thihanh_unitsimport');
    env.DATABASE_URL = f.url;
    drop = f.drop;
  }
});
after(async () => {
  await drop?.();
  rmSync(dir, { recursive: true, force: true });
});

const cli = (args: string[]) => runCli(args, env);

test('thihanh units import: bad rows by line and column, nothing written; a real province loaded and found at once', async () => {
  const bad = join(dir, 'sai.csv');
  writeFileSync(bad, 'code,name,type\n17179,Quỳnh Lưu,xã\n17935,Nam Đàn,huyện\n');
  const refused = await cli(['units', 'import', bad, '--province', '40']);
  assert.equal(refused.code, 1, refused.out);
  assert.match(refused.out, /Tệp "sai\.csv" có 1 lỗi; chưa nạp đơn vị nào/u);
  assert.match(refused.out, /Dòng 3, cột “type”: loại đơn vị phải là “xã” hoặc “phường”; đang ghi “huyện”\./u);
  const none = await cli(['units', 'find', 'quynh luu', '--json']);
  assert.equal(none.code, 0, none.out);
  assert.ok(!none.out.includes('17179'), 'nothing of the refused file was written');

  const loaded = await cli(['units', 'import', NGHE_AN, '--province', '40']);
  assert.equal(loaded.code, 0, loaded.out);
  assert.match(loaded.out, /Đã nạp vào Tỉnh Nghệ An: 10 xã, phường mới với 90 phòng, ban, đơn vị; 0 dòng đã có sẵn\./u);

  const found = await cli(['units', 'find', 'quynh luu', '--json', '--limit', '1']);
  assert.equal(found.code, 0, found.out);
  const [hit] = JSON.parse(found.out.slice(found.out.indexOf('[')));
  assert.deepEqual([hit.code, hit.name, hit.parentName], ['17179', 'Xã Quỳnh Lưu', 'Tỉnh Nghệ An']);

  const again = await cli(['units', 'import', NGHE_AN, '--province', '40', '--json']);
  assert.equal(again.code, 0, again.out);
  const r = JSON.parse(again.out.slice(again.out.indexOf('{')));
  assert.deepEqual([r.communes, r.offices, r.unchanged], [0, 0, 10]);

  const wrongProvince = await cli(['units', 'import', NGHE_AN, '--province', '99']);
  assert.equal(wrongProvince.code, 2);
  assert.match(wrongProvince.out, /Không có tỉnh, thành phố mã "99"/u);
});
