// A dataset resource's quality report: a 100,000-row CSV (names, CCCD numbers, phones, birth dates, amounts,
// commune codes) analysed through the worker pool, beside a bare anchor in the same run: csv-parse streaming the same
// bytes and counting rows, nothing else. Peak memory is the process's resident set (main thread and workers share
// it), sampled every 10 ms while each runs, above what it was just before.
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { closeWorkers, runInWorker } from '../src/workers/pool.ts';
import { citizenCsv } from '../test/fixtures/dataset-csv.ts';
import { rssMb, timeIt, type Bench } from './harness.ts';

const ROWS = 100_000;
const round = (x: number) => Math.round(x * 10) / 10;

/** Runs `fn` while sampling resident memory; returns the highest sample above the level before it started. */
async function peakAbove<T>(fn: () => Promise<T>): Promise<{ value: T; peakMb: number }> {
  const before = rssMb();
  let peak = before;
  const timer = setInterval(() => {
    peak = Math.max(peak, rssMb());
  }, 10);
  try {
    const value = await fn();
    peak = Math.max(peak, rssMb());
    return { value, peakMb: round(peak - before) };
  } finally {
    clearInterval(timer);
  }
}

async function countRows(bytes: Buffer): Promise<number> {
  const parser = parse({ relax_column_count: true, skip_empty_lines: true, bom: true });
  Readable.from([bytes]).pipe(parser);
  let n = 0;
  for await (const _ of parser) n++;
  return n - 1;
}

export const resourceQuality: Bench = {
  name: 'resource-quality',
  description: 'Quality report of a 100,000-row CSV in the worker pool, beside csv-parse counting its rows',
  backends: ['pglite'],
  async run() {
    const bytes = Buffer.from(citizenCsv(ROWS));
    const analyse = () =>
      runInWorker(
        'analyseDatasetResource',
        { filename: 'cong-dan.csv', content: bytes },
        { subject: 'Tệp "cong-dan.csv"' },
      );
    try {
      global.gc?.();
      const anchorPeak = await peakAbove(() => countRows(bytes));
      if (anchorPeak.value !== ROWS) throw new Error(`anchor counted ${anchorPeak.value} rows`);
      const anchor = await timeIt(3, () => countRows(bytes), 1);
      global.gc?.();
      const reportPeak = await peakAbove(analyse);
      if (reportPeak.value.rows !== ROWS) throw new Error(`report counted ${reportPeak.value.rows} rows`);
      const report = await timeIt(3, analyse, 0);
      return {
        rows: ROWS,
        csv_mb: round(bytes.length / 1024 / 1024),
        report_p50_ms: report.p50_ms,
        report_max_ms: report.max_ms,
        anchor_p50_ms: anchor.p50_ms,
        report_over_anchor: round(report.p50_ms / anchor.p50_ms),
        report_peak_rss_above_mb: reportPeak.peakMb,
        anchor_peak_rss_above_mb: anchorPeak.peakMb,
        personal_columns: reportPeak.value.personalData.map((p) => `${p.column}:${p.kind}`).join(' '),
        score: reportPeak.value.score,
        rss_mb: rssMb(),
      };
    } finally {
      await closeWorkers();
    }
  },
};
