// A province loads its own communes and offices (or its departments) from a CSV in the columns of reference-data/:
// every row checked, all or nothing in one transaction with its audit record, the same file again changes nothing,
// and the new units are found by the search at once.
import type { UnitImportResult } from '../../../contracts/org.ts';
import { invalid } from '../../../domain/errors.ts';
import type { CommuneOfficeRow, ReferenceUnit } from '../../../domain/org/reference.ts';
import { issueText, type ParsedUnitCsv, type UnitCsvIssue, unitsFromCsv } from '../../../domain/org/unit-import.ts';
import { fold } from '../../../domain/text.ts';
import { recordAudit } from '../../audit/index.ts';
import { authorize, type Ctx, type Tx } from '../../context.ts';
// Not through plans' entry: plans uses org's entry, and org reaching back through it would close an import cycle
// (org → plans → org). Goes when checks on stored findings stop depending on the unit register (issue 14, item 3).
import { refreshStaleFindings } from '../../plans/findings.ts';
import { runInWorker } from '../../../workers/pool.ts';
import { readCsv } from '../reference-data.ts';
import * as store from '../store.ts';
import { mustGet } from './unit-view.ts';

/** At most this many problems are listed: a wrong file has one on every row. */
const MAX_ISSUES = 50;

function refuse(issues: UnitCsvIssue[], filename: string): never {
  const listed = issues.slice(0, MAX_ISSUES);
  const more = issues.length > listed.length ? ` (liệt kê ${listed.length} lỗi đầu)` : '';
  throw invalid(
    'unit.import_invalid',
    `Tệp "${filename}" có ${issues.length} lỗi${more}; chưa nạp đơn vị nào. Sửa các dòng dưới đây rồi nạp lại.`,
    listed.map((i) => ({ path: `csv.${i.line}${i.column ? `.${i.column}` : ''}`, message: issueText(i) })),
  );
}

async function province(ctx: Ctx, provinceId: number): Promise<store.UnitRow> {
  const p = await mustGet(ctx, provinceId);
  authorize(ctx, 'manageUnits', { unitPath: p.path });
  if (p.kind !== 'province' || p.status !== 'active')
    throw invalid(
      'unit.import_not_province',
      `Chỉ nạp xã, phường, sở, ngành vào một tỉnh, thành phố; ${p.name} không phải.`,
      [{ path: 'provinceId', message: 'Chọn một tỉnh, thành phố.' }],
    );
  return p;
}

/** The web upload: the file is read in the worker pool (a hostile file costs a worker, never the server). */
export async function importUnitsUpload(ctx: Ctx, provinceId: number, file: { filename: string; content: Buffer }) {
  await province(ctx, provinceId);
  const owned = file.content.byteOffset === 0 && file.content.byteLength === file.content.buffer.byteLength;
  const parsed = await runInWorker(
    'parseUnitCsv',
    { content: file.content },
    { subject: `Tệp "${file.filename}"`, transfer: owned ? [file.content.buffer as ArrayBuffer] : [] },
  );
  return importUnitsParsed(ctx, provinceId, file.filename, parsed);
}

/**
 * Rows checked against the register: a code is new, or it is the same unit again (same province, kind and name),
 * never another unit's; a new commune's name is free in its province.
 */
function checkAgainstRegister(
  p: store.UnitRow,
  units: ReferenceUnit[],
  parsed: ParsedUnitCsv,
  existing: Awaited<ReturnType<typeof store.unitsByCodes>>,
  siblings: Awaited<ReturnType<typeof store.childrenOfKinds>>,
): { fresh: ReferenceUnit[]; unchanged: number; issues: UnitCsvIssue[] } {
  const byCode = new Map(existing.map((e) => [e.code, e]));
  const siblingByName = new Map(siblings.map((s) => [`${s.kind} ${fold(s.name)}`, s]));
  const column = parsed.format === 'communes' ? 'code' : 'short_code';
  const rowLine = (u: ReferenceUnit) => parsed.lines[parsed.format === 'communes' ? u.code : u.shortName] ?? 1;
  const issues: UnitCsvIssue[] = [];
  const fresh: ReferenceUnit[] = [];
  let unchanged = 0;
  for (const u of units) {
    const e = byCode.get(u.code);
    const top = u.parentCode === p.code;
    if (!e) {
      const taken = top ? siblingByName.get(`${u.kind} ${fold(u.name)}`) : undefined;
      if (taken)
        issues.push({ line: rowLine(u), column: 'name', message: `${p.name} đã có ${taken.name} (mã ${taken.code}).` });
      else fresh.push(u);
    } else if (top && (e.kind !== u.kind || e.parent_id !== p.id || fold(e.name) !== fold(u.name))) {
      issues.push({
        line: rowLine(u),
        column,
        message: `mã ${u.code} đã là của ${e.name}${e.parent_id === p.id ? '' : ' ở đơn vị khác'}; trong tệp là “${u.name}”. Đổi tên đơn vị ở trang đơn vị, không nạp lại.`,
      });
    } else if (top) unchanged++;
  }
  return { fresh, unchanged, issues };
}

/** Checks and writes what a parsed file adds under the province, all or nothing, with one audit record. */
export async function importUnitsParsed(
  ctx: Ctx,
  provinceId: number,
  filename: string,
  parsed: ParsedUnitCsv,
): Promise<UnitImportResult> {
  const p = await province(ctx, provinceId);
  if (parsed.issues.length) refuse(parsed.issues, filename);
  const units = unitsFromCsv(parsed, p.code, readCsv<CommuneOfficeRow>('commune-offices.csv'));
  return ctx.db.transaction().execute(async (tx: Tx) => {
    // Imports into one province queue on its row: two uploads at once cannot both find a code free.
    await store.lockUnit(tx, p.id);
    const existing = await store.unitsByCodes(
      tx,
      units.map((u) => u.code),
    );
    const siblings = await store.childrenOfKinds(tx, p.id, ['commune', 'ward', 'agency']);
    const { fresh, unchanged, issues } = checkAgainstRegister(p, units, parsed, existing, siblings);
    if (issues.length) refuse(issues, filename);
    const added = fresh.length ? await store.insertImportedUnits(tx, fresh) : { inserted: 0, aliasesAdded: 0, ids: [] };
    const count = (kinds: string[]) => fresh.filter((u) => kinds.includes(u.kind)).length;
    const result: UnitImportResult = {
      format: parsed.format,
      rows: parsed.rows,
      communes: count(['commune', 'ward']),
      offices: count(['office']),
      agencies: count(['agency']),
      unchanged,
      aliasesAdded: added.aliasesAdded,
    };
    await recordAudit(tx, ctx, {
      action: 'unit.import',
      entityType: 'unit',
      entityId: p.id,
      unitId: p.id,
      after: { filename, ...result },
    });
    if (added.inserted) await refreshStaleFindings(tx); // open plans name units: their findings follow the register
    return result;
  });
}
