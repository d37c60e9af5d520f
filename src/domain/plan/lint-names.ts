// Review of the unit names a plan writes: task leads and coordinators, administrative place names in running text,
// and the units it asks to report to against its recipients — all against the unit register. Pure.
import {
  canonicalName,
  cleanWritten,
  type UnitDirectory,
  type ResolveContext,
  type UnitMatch,
} from '../org/resolve.ts';
import { divisionHolder, isDivisionName, uncheckedProvince } from '../org/unverifiable.ts';
import { fold, normalizeText } from '../text.ts';
import type { FindingLocation, PlanDraft, UnitRef } from './model.ts';
import { normalizeToneMarks } from './phrases.ts';
import { type Findings, quote, taskLocation, texts, type LintContext } from './lint-common.ts';

// ---------------------------------------------------------------------------------------------------------------
// Unit names against the register.

export function unitContext(plan: PlanDraft, ctx: LintContext): ResolveContext {
  const code = ctx.issuerCode ?? plan.document.issuer?.unitCode ?? undefined;
  if (code) return { withinCode: code };
  // An issuer the register does not hold ("SỞ TƯ PHÁP" of Đồng Tháp): names are read in the province its place line
  // names, as the import reads them, so that its "Sở Tư pháp" is never Thanh Hóa's.
  const province = plan.document.place ? ctx.directory.provinceNamed(plan.document.place) : null;
  return province ? { withinCode: province.code } : {};
}

/** A name read against the register, with its suggestions when unknown. */
interface UnitVerdict {
  m: UnitMatch;
  suggestions: string[];
}

/** Names repeat across tasks ("Phòng Văn hóa - Xã hội" in most of them): each distinct name is looked up once. */
type UnitMemo = Map<string, UnitVerdict>;

function unitVerdict(text: string, rctx: ResolveContext, directory: UnitDirectory, memo: UnitMemo): UnitVerdict {
  let v = memo.get(text);
  if (!v) {
    const m = directory.match(text, rctx);
    const unknown = m.how !== 'ambiguous' && m.entry === null;
    v = { m, suggestions: unknown ? directory.suggest(text, rctx, 2).map((s) => s.entry.name) : [] };
    memo.set(text, v);
  }
  return v;
}

/**
 * A name the register does not hold: a body of a province whose agencies it does not have, a division of the issuing
 * department or ministry (notes: nothing to correct), or else an unknown unit (a warning, with the closest names).
 */
function notInRegister(
  ref: UnitRef,
  loc: FindingLocation,
  plan: PlanDraft,
  ctx: LintContext,
  out: Findings,
  role: string,
  { m, suggestions }: UnitVerdict,
): void {
  const rctx = unitContext(plan, ctx);
  if (m.elsewhere) {
    const province = rctx.withinCode ? ctx.directory.provinceOf(rctx.withinCode) : null;
    out.add(
      'unit.notRegistered',
      'info',
      loc,
      `${role} ${quote(ref.text)} là cơ quan cấp tỉnh của ${province?.name ?? 'tỉnh ban hành'}; danh mục đơn vị chưa có các cơ quan của ${province?.name ?? 'tỉnh này'} nên chưa đối chiếu được.`,
      null,
    );
    return;
  }
  if (isDivisionName(ref.text)) {
    const issuer = divisionHolder(ctx.directory, {
      unitCode: ctx.issuerCode ?? plan.document.issuer?.unitCode,
      text: plan.document.issuer?.text,
    });
    if (issuer) {
      out.add(
        'unit.internal',
        'info',
        loc,
        `${role} ${quote(ref.text)} không có trong danh mục đơn vị; nếu là phòng, ban hoặc đơn vị thuộc ${issuer} thì không cần sửa (danh mục chỉ có các cơ quan, đơn vị được giao kế hoạch, không có tổ chức bên trong của từng cơ quan).`,
        suggestions.length ? `Nếu là đơn vị khác: có thể là ${suggestions.map(quote).join(' hoặc ')}.` : null,
      );
      return;
    }
  }
  const province = uncheckedProvince(ctx.directory, rctx.withinCode);
  if (province) {
    out.add(
      'unit.notRegistered',
      'info',
      loc,
      `${role} ${quote(ref.text)} chưa đối chiếu được: danh mục đơn vị chưa có các cơ quan, đơn vị của ${province}.`,
      null,
    );
    return;
  }
  out.add(
    'unit.unknown',
    'warning',
    loc,
    `${role} ${quote(ref.text)} không có trong danh mục đơn vị.`,
    suggestions.length
      ? `Kiểm tra lại tên đơn vị; có thể là: ${suggestions.map(quote).join(' hoặc ')}.`
      : 'Kiểm tra lại tên đơn vị hoặc bổ sung đơn vị vào danh mục.',
  );
}

function checkUnitRef(
  ref: UnitRef,
  loc: FindingLocation,
  plan: PlanDraft,
  ctx: LintContext,
  out: Findings,
  role: string,
  memo: UnitMemo,
): void {
  if (ref.group) return;
  const rctx = unitContext(plan, ctx);
  const { m, suggestions } = unitVerdict(ref.text, rctx, ctx.directory, memo);
  if (m.how === 'ambiguous' && m.relative && !rctx.withinCode) {
    // "Phòng Văn hóa - Xã hội" of a commune the register does not know: the missing issuer is the finding.
    out.add(
      'unit.unchecked',
      'info',
      loc,
      `${role} ${quote(ref.text)} là phòng, ban của cơ quan ban hành; chưa xác định được cơ quan ban hành trong danh mục nên chưa đối chiếu được.`,
      null,
    );
    return;
  }
  if (m.how === 'ambiguous') {
    out.add(
      'unit.ambiguous',
      'warning',
      loc,
      `${role} ${quote(ref.text)} là tên dùng chung của nhiều đơn vị; chưa xác định được đơn vị cụ thể.`,
      'Ghi tên đầy đủ kèm tên đơn vị hành chính.',
    );
    return;
  }
  if (m.entry === null) {
    notInRegister(ref, loc, plan, ctx, out, role, { m, suggestions });
    return;
  }
  const official = m.matched ?? m.entry.name;
  if (m.how === 'case') {
    out.add(
      'unit.capitalization',
      'info',
      loc,
      `${role} ${quote(ref.text)} viết hoa chưa đúng tên chính thức ${quote(official)}.`,
      `Viết đúng: ${quote(official)}.`,
    );
  } else if (m.how === 'accent' || m.how === 'typo') {
    out.add(
      'unit.misspelled',
      'warning',
      loc,
      `${role} ${quote(ref.text)} viết sai so với tên trong danh mục ${quote(official)}.`,
      `Sửa thành ${quote(official)}.`,
    );
  }
}

export function checkUnits(plan: PlanDraft, ctx: LintContext, out: Findings): void {
  const memo: UnitMemo = new Map();
  for (const t of plan.tasks) {
    for (const l of t.lead)
      checkUnitRef(l, taskLocation(plan, t, 'lead'), plan, ctx, out, `Nhiệm vụ ${t.number}: cơ quan chủ trì`, memo);
    for (const c of t.coordinators)
      checkUnitRef(
        c,
        taskLocation(plan, t, 'coordinators'),
        plan,
        ctx,
        out,
        `Nhiệm vụ ${t.number}: cơ quan phối hợp`,
        memo,
      );
  }
  if (!ctx.issuerCode) return;
  // A child plan can only assign its own units.
  for (const t of plan.tasks) {
    for (const l of t.lead) {
      if (l.group || !l.unitCode) continue;
      if (!ctx.directory.contains(ctx.issuerCode, l.unitCode)) {
        const issuer = ctx.directory.getByCode(ctx.issuerCode)?.name ?? ctx.issuerCode;
        out.add(
          'task.lead.outsideIssuer',
          'error',
          taskLocation(plan, t, 'lead'),
          `Nhiệm vụ ${t.number}: cơ quan chủ trì ${quote(l.text)} không thuộc ${issuer}, nên không thể giao trong kế hoạch này.`,
          `Giao cho một phòng, đơn vị thuộc ${issuer}; đơn vị ngoài chỉ có thể phối hợp.`,
        );
      }
    }
  }
}

const PLACE_NAME =
  /(?<![\p{L}])(tỉnh|xã|phường|Tỉnh|Xã|Phường|đặc khu)\s+((?:\p{Lu}[\p{Ll}\p{M}]*)(?:\s+\p{Lu}[\p{Ll}\p{M}]*){0,4})/gu;

interface PlaceSlip {
  /** "phường Nam Sâm Sơn" as written. */
  written: string;
  /** "phường Nam Sầm Sơn" as in the register. */
  official: string;
}

type PlaceKind = 'province' | 'commune' | 'ward';

interface PlaceName {
  code: string;
  shortName: string;
  kind: PlaceKind;
  /** Accent-sensitive comparison form (tone placement and spacing do not count). */
  spelling: string;
}

/** Kinds of unit a written word names: "xã Đồng Tiến" is a commune, "phường Đông Tiến" a ward. */
const PLACE_KINDS: Record<string, PlaceKind[]> = {
  tỉnh: ['province'],
  xã: ['commune'],
  phường: ['ward'],
  'đặc khu': ['commune', 'ward'],
};

const placeSpelling = (s: string) => normalizeToneMarks(normalizeText(s));

/** Province, commune and ward names by folded form, built once per register (lint reads every text against it). */
const placeIndexes = new WeakMap<UnitDirectory, Map<string, PlaceName[]>>();
function placeIndex(directory: UnitDirectory): Map<string, PlaceName[]> {
  let index = placeIndexes.get(directory);
  if (index) return index;
  index = new Map();
  for (const e of directory.entries) {
    if (e.kind !== 'province' && e.kind !== 'commune' && e.kind !== 'ward') continue;
    const key = fold(e.shortName);
    index.set(key, [
      ...(index.get(key) ?? []),
      { code: e.code, shortName: e.shortName, kind: e.kind, spelling: placeSpelling(e.shortName) },
    ]);
  }
  placeIndexes.set(directory, index);
  return index;
}

/** Where a plan speaks from: its province when known; the place it names itself when its issuer is not registered. */
interface PlaceScope {
  provinceCode?: string | undefined;
  ownPlace?: string | null;
}

/**
 * Administrative unit names in running text ("phường Nam Sâm Sơn") that match no unit of the register but differ
 * from one only in accents. A name that exists as written is never a slip, even when another unit's name folds to
 * the same letters (15724 "xã Đồng Tiến" and 15853 "phường Đông Tiến" are both right).
 */
function placeSlips(text: string, directory: UnitDirectory, scope: PlaceScope = {}): PlaceSlip[] {
  const index = placeIndex(directory);
  const own = scope.ownPlace ? placeSpelling(scope.ownPlace) : null;
  const out: PlaceSlip[] = [];
  for (const m of text.matchAll(PLACE_NAME)) {
    const kinds = PLACE_KINDS[m[1]!.toLocaleLowerCase('vi')] ?? [];
    const names = m[2]!.split(/\s+/);
    for (let n = names.length; n >= 1; n--) {
      const written = names.slice(0, n).join(' ');
      const all = index.get(fold(written));
      if (!all) continue;
      // Units of the kind written; a name of another kind only when no unit of this kind comes close.
      const sameKind = all.filter((p) => kinds.includes(p.kind));
      const candidates = sameKind.length ? sameKind : all;
      const spelling = placeSpelling(written);
      // The name the document gives itself ("xã Đông Tiến" of another province), or a unit of another province
      // than the document's: the register cannot say it is misspelt.
      const foreign =
        spelling === own ||
        (scope.provinceCode !== undefined &&
          candidates.every((p) => p.kind !== 'province' && !directory.contains(scope.provinceCode!, p.code)));
      if (!foreign && !candidates.some((p) => p.spelling === spelling)) {
        out.push({ written: `${m[1]} ${written}`, official: `${m[1]} ${candidates[0]!.shortName}` });
      }
      break;
    }
  }
  return out;
}

export function correctPlaceNames(text: string, directory: UnitDirectory): string {
  let out = text;
  for (const slip of placeSlips(text, directory)) out = out.replace(slip.written, slip.official);
  return out;
}

export function checkPlaceNames(plan: PlanDraft, ctx: LintContext, out: Findings): void {
  const all = texts(plan);
  const issuer = plan.document.issuer?.text;
  if (issuer) all.push({ text: issuer, location: { field: 'issuer' } });
  const within = unitContext(plan, ctx).withinCode;
  const scope: PlaceScope = {
    provinceCode: within ? ctx.directory.provinceOf(within)?.code : undefined,
    ownPlace: plan.document.issuer?.unitCode ? null : plan.document.place,
  };
  for (const { text, location } of all) {
    for (const slip of placeSlips(text, ctx.directory, scope)) {
      out.add(
        'text.placeName.misspelled',
        'warning',
        location,
        `Tên đơn vị hành chính viết sai: ${quote(slip.written)}; tên đúng là ${quote(slip.official)}.`,
        `Sửa thành ${quote(slip.official)}.`,
      );
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Recipients.

const REPORT_TO =
  /báo cáo\s+(?:về\s+)?((?:Chủ tịch\s+)?(?:Ủy ban nhân dân|Uỷ ban nhân dân|UBND|Sở|Bộ|Thủ tướng)[^.;()]*?)(?=\s+(?:theo quy định|xem xét|để|kết quả|tình hình)|[.;()]|$)/gu;

/** Units the plan reports to (named in its text) should receive it ("Nơi nhận"). */
export function checkRecipients(plan: PlanDraft, ctx: LintContext, out: Findings): void {
  const d = plan.document;
  if (d.recipients.length === 0) return;
  const rctx = unitContext(plan, ctx);
  const issuerCode = ctx.issuerCode ?? d.issuer?.unitCode ?? null;
  // Recipients are compared as units, not as strings: "- Sở Khoa học và Công nghệ tỉnh (để b/c);" is the Sở
  // Khoa học và Công nghệ that the text asks to report to.
  const received = new Set<string>();
  const receivedNames: string[] = [];
  for (const r of d.recipients) {
    const name = cleanWritten(r);
    receivedNames.push(`${canonicalName(name)} `);
    const ref = ctx.directory.resolve(name, rctx);
    if (ref.unitCode) received.add(ref.unitCode);
    else for (const part of ctx.directory.resolveList(name, rctx)) if (part.unitCode) received.add(part.unitCode);
  }
  // A recipient line that starts with the unit's name ("Sở Khoa học và Công nghệ tỉnh Thanh Hóa (b/c)").
  const namedInRecipients = (ref: UnitRef) =>
    [ref.unitName, cleanWritten(ref.text)].some((n) => {
      const c = n ? canonicalName(n) : '';
      return c.includes(' ') && receivedNames.some((r) => r.startsWith(`${c} `));
    });
  const reported = new Set<string>();
  for (const s of plan.sections) {
    if (s.kind !== 'organisation') continue;
    for (const b of s.blocks) {
      // One space between words: the lazy name before the look-ahead would otherwise retry every space of a run.
      for (const m of normalizeText(b.text).matchAll(REPORT_TO)) {
        for (const ref of ctx.directory.resolveList(m[1]!, rctx)) {
          if (!ref.unitCode || ref.group) continue;
          if (issuerCode && ref.unitCode === issuerCode) continue;
          if (received.has(ref.unitCode) || reported.has(ref.unitCode) || namedInRecipients(ref)) continue;
          reported.add(ref.unitCode);
          const loc: FindingLocation = {
            section: s.number,
            field: 'recipients',
            ...(b.line !== undefined ? { line: b.line } : {}),
          };
          out.add(
            'plan.recipients.missingReportee',
            'warning',
            loc,
            `Kế hoạch yêu cầu báo cáo ${quote(ref.text)} nhưng ${quote(ref.unitName ?? ref.text)} không có trong Nơi nhận.`,
            `Bổ sung vào Nơi nhận: "- ${ref.unitName ?? ref.text} (để b/c);".`,
          );
        }
      }
    }
  }
}
