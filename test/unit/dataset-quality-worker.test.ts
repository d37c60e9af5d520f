// The dataset quality tasks through the worker pool, as the datasets module calls them: a report, a de-identified
// file, a zip bomb dressed as a workbook (a 4xx, the pool unharmed) and a 100,000-row CSV.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { AppError } from '../../src/domain/errors.ts';
import { closeWorkers, runInWorker } from '../../src/workers/pool.ts';
import { citizenCsv } from '../fixtures/dataset-csv.ts';
import { deflated, stored, writeZip, zeros } from '../support/hostile-zip.ts';

after(closeWorkers);

const utf8 = (s: string) => new TextEncoder().encode(s);

async function workbookParts(): Promise<Record<string, Uint8Array>> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('a').addRow(['x', 'y']);
  return unzipSync(new Uint8Array(await wb.xlsx.writeBuffer()));
}

describe('dataset quality in the worker pool', () => {
  test('a report, and a de-identified CSV with its new report and k-anonymity', async () => {
    const content = utf8(citizenCsv(200));
    const report = await runInWorker(
      'analyseDatasetResource',
      { filename: 'cd.csv', content },
      { subject: 'Tệp "cd.csv"' },
    );
    assert.equal(report.rows, 200);
    assert.deepEqual(
      report.personalData.map((p) => `${p.column}:${p.kind}`),
      ['ho_ten:fullName', 'so_cccd:cccd', 'so_dien_thoai:phone', 'ngay_sinh:birthDate'],
    );
    const out = await runInWorker(
      'deidentifyDatasetResource',
      {
        filename: 'cd.csv',
        content,
        steps: [
          { column: 'ho_ten', action: 'drop' },
          { column: 'so_cccd', action: 'mask' },
          { column: 'so_dien_thoai', action: 'mask' },
          { column: 'ngay_sinh', action: 'generaliseToYear' },
        ],
        quasiIdentifiers: ['ngay_sinh', 'ma_xa'],
      },
      { subject: 'Tệp "cd.csv"' },
    );
    assert.equal(out.filename, 'cd-khu-dinh-danh.csv');
    assert.deepEqual(out.report.personalData, []);
    assert.equal(out.report.rows, 200);
    assert.match(new TextDecoder().decode(out.content).split('\r\n')[1]!, /^1,0\d{2}\*{9},\*{8}\d{2},\d{4},/);
    assert.equal(out.kAnonymity?.smallestGroup, 1);
    assert.ok(out.kAnonymity!.rowsInSmallGroups > 150);
  });

  test('unknown columns come back as the 422 the task threw', async () => {
    await assert.rejects(
      runInWorker(
        'deidentifyDatasetResource',
        { filename: 'a.csv', content: utf8('a,b\n1,2\n'), steps: [{ column: 'c', action: 'drop' }] },
        { subject: 't' },
      ),
      (e: AppError) => e instanceof AppError && e.status === 422 && e.message.includes('"c"'),
    );
  });

  test('a zip bomb in an XLSX is refused before inflating, and a lying one while inflating', async () => {
    const parts = await workbookParts();
    const honest = Object.entries(parts)
      .filter(([n]) => n !== 'xl/worksheets/sheet1.xml')
      .map(([n, d]) => deflated(n, d));
    const bomb = writeZip([...honest, zeros('xl/worksheets/sheet1.xml', 300 * 1024 * 1024)]);
    await assert.rejects(
      runInWorker('analyseDatasetResource', { filename: 'bom.xlsx', content: bomb }, { subject: 'Tệp "bom.xlsx"' }),
      (e: AppError) => e instanceof AppError && e.status === 413 && /^Tệp XLSX bị từ chối: /.test(e.message),
    );
    // Declares a small sheet, inflates to 50 MB: stopped at the declared size.
    const liar = zeros('xl/worksheets/sheet1.xml', 50 * 1024 * 1024);
    const lying = writeZip([...honest, { ...liar, size: 1000 }]);
    await assert.rejects(
      runInWorker('analyseDatasetResource', { filename: 'l.xlsx', content: lying }, { subject: 't' }),
      (e: AppError) => e instanceof AppError && e.status === 422 && /khai báo/.test(e.message),
    );
    const noSheet = writeZip([stored('[Content_Types].xml', utf8('<Types/>'))]);
    await assert.rejects(
      runInWorker('analyseDatasetResource', { filename: 'n.xlsx', content: noSheet }, { subject: 't' }),
      (e: AppError) => e instanceof AppError && e.status === 422,
    );
    // The pool still answers.
    const ok = await runInWorker(
      'analyseDatasetResource',
      { filename: 'a.csv', content: utf8('a\n1\n') },
      { subject: 't' },
    );
    assert.equal(ok.rows, 1);
  });

  test('a 100,000-row CSV', async () => {
    const content = utf8(citizenCsv(100_000));
    const report = await runInWorker('analyseDatasetResource', { filename: 'big.csv', content }, { subject: 't' });
    assert.equal(report.rows, 100_000);
    assert.equal(report.columns, 8);
    assert.equal(report.personalData.find((p) => p.kind === 'cccd')?.count, 100_000);
    assert.equal(report.fields.find((f) => f.name === 'so_tien')?.inferredType, 'integer');
    assert.equal(report.fields.find((f) => f.name === 'ma_xa')?.inferredType, 'integer');
    assert.ok(report.fields.find((f) => f.name === 'ghi_chu')?.distinctCapped);
    assert.equal(report.duplicateRows, 0);
  });
});
