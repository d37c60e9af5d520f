// Who issued the document, read against the register of the whole country: a ministry is the ministry, "ỦY BAN NHÂN
// DÂN TỈNH NGHỆ AN" is Nghệ An, and "SỞ TƯ PHÁP" under "UBND TỈNH ĐỒNG THÁP" is Đồng Tháp's department — never Thanh
// Hóa's. What the header leaves out ("Ủy ban nhân dân tỉnh" with no name) is taken only from what the document says of
// itself (its place line, its title, the plans it implements); otherwise the issuer stays unresolved, with a finding.
import type { UnitMatch } from '../../domain/org/resolve.ts';
import type { UnitEntry } from '../../domain/org/unit.ts';
import type { BasisReference, UnitRef } from '../../domain/plan/model.ts';
import { fold } from '../../domain/text.ts';
import type { ParseContext } from './context.ts';
import type { TopOfDocument } from './header.ts';

export interface OpeningIssuer {
  /** The issuer named in "… ban hành Kế hoạch …", as written, with its line. */
  issuer: { text: string; line: number } | null;
  basis: BasisReference[];
}

/** "Ủy ban nhân dân tỉnh" names no province; "UBND xã" no commune. */
const NAMELESS_ISSUER = /^(uy ban nhan dan|ubnd)\s+(tinh|thanh pho|xa|phuong|dac khu)$/u;
/** Words of a commune-level body in a written issuer. */
const COMMUNE_LEVEL = /(^| )(xa|phuong|dac khu)( |$)/u;

/** The province a document places itself in, and how it says so (for the finding when the issuer is inferred). */
interface ProvinceContext {
  province: UnitEntry;
  /** "dòng địa danh", "cơ quan chủ quản", "trích yếu", "căn cứ" */
  from: string;
}

/** "Thành phố Hồ Chí Minh", "TP. Huế", "Nghệ An" → the province named, when the register has it. */
function provinceOfPlace(ctx: ParseContext, place: string | null): UnitEntry | null {
  if (!place) return null;
  const name = place.replace(/^(?:tỉnh|thành phố|tp\.?)\s+/iu, '');
  return ctx.directory.provinceNamed(name);
}

/** The province a resolved unit lies in, or the province itself. */
function provinceOfRef(ctx: ParseContext, text: string | null): UnitEntry | null {
  // "của UBND tỉnh" names no province: the home province answers to it, but that would be a guess here.
  if (!text || NAMELESS_ISSUER.test(fold(text).trim())) return null;
  const m = ctx.directory.match(text);
  return m.entry ? ctx.directory.provinceOf(m.entry.code) : null;
}

/**
 * Where the document says it belongs, strongest first: the parent body above the issuer ("UBND TỈNH ĐỒNG THÁP"), the
 * place line (for a body above the communes: a commune's place line names the commune), the title ("… trên địa bàn
 * tỉnh Nghệ An"), the plans it implements ("… của UBND tỉnh Thanh Hóa").
 */
function provinceContext(
  ctx: ParseContext,
  top: TopOfDocument,
  plan: TopOfDocument,
  opening: OpeningIssuer,
  communeLevel: boolean,
): ProvinceContext | null {
  const parent = provinceOfRef(ctx, top.issuerParent);
  if (parent) return { province: parent, from: 'cơ quan chủ quản' };
  if (!communeLevel) {
    const place = provinceOfPlace(ctx, plan.place ?? top.place);
    if (place) return { province: place, from: 'dòng địa danh' };
  }
  const title = /trên địa bàn (?:tỉnh|thành phố)\s+([\p{L} ]+?)(?:\s+(?:giai đoạn|năm|đến|từ)\b|[,.;:]|$)/iu.exec(
    plan.title ?? top.title ?? '',
  );
  const titled = title ? ctx.directory.provinceNamed(title[1]!) : null;
  if (titled) return { province: titled, from: 'trích yếu' };
  for (const b of opening.basis) {
    if (b.kind !== 'implements') continue;
    const p = provinceOfRef(ctx, b.issuer);
    if (p) return { province: p, from: 'căn cứ' };
  }
  return null;
}

function unresolved(ref: UnitRef): UnitRef {
  return { ...ref, unitId: null, unitCode: null, unitName: null, confidence: 0 };
}

/**
 * Whether a match of the written issuer stands, given the province the document places itself in. A ministry stands
 * anywhere. A province named in full stands. A department needs its province; a commune must lie in the document's
 * province, or — when the document does not say which — be spelt exactly as the register has it: "XÃ ĐÔNG TIẾN" is
 * not Thanh Hóa's "Xã Đồng Tiến", "PHƯỜNG HỒNG BÀNG" not "Phường Đông Quang".
 */
function stands(ctx: ParseContext, m: UnitMatch, province: UnitEntry | null): boolean {
  const e = m.entry;
  if (!e) return false;
  if (e.kind === 'central' || e.kind === 'national' || e.kind === 'province') return true;
  if (province) return ctx.directory.contains(province.code, e.code);
  if (e.kind === 'agency') return false;
  return m.how === 'exact' || m.how === 'case';
}

/** Reads one written issuer (the header's, or the opening sentence's) in the document's province. */
function readIssuer(
  ctx: ParseContext,
  written: string,
  province: ProvinceContext | null,
  place: string | null,
): UnitRef {
  const nameless = NAMELESS_ISSUER.exec(fold(written).trim());
  if (nameless && nameless[2] !== 'tinh' && nameless[2] !== 'thanh pho') {
    // "Ủy ban nhân dân xã": the commune its place line names ("Đông Tiến, ngày …"), spelt as the register has it and
    // in the document's province when it names one; one such commune, or nobody.
    const kind = nameless[2] === 'phuong' ? 'ward' : 'commune';
    const spelt = place ? place.normalize('NFC') : null;
    const found = ctx.directory.entries.filter(
      (e) =>
        e.kind === kind &&
        spelt !== null &&
        fold(e.shortName) === fold(spelt) &&
        e.shortName.toLocaleLowerCase('vi') === spelt.toLocaleLowerCase('vi') &&
        (!province || ctx.directory.contains(province.province.code, e.code)),
    );
    const m = ctx.directory.match(written);
    const e = found.length === 1 ? found[0]! : null;
    return e
      ? { ...m.ref, unitId: e.id, unitCode: e.code, unitName: e.name, confidence: 0.9, group: false }
      : unresolved(m.ref);
  }
  if (nameless) {
    // "Ủy ban nhân dân tỉnh": the province the document names elsewhere, or nobody.
    const within = province ? { withinCode: province.province.code } : {};
    const m = ctx.directory.match(written, within);
    return m.entry && province && m.entry.kind === 'province' && m.entry.id === province.province.id
      ? m.ref
      : unresolved(m.ref);
  }
  const m = ctx.directory.match(written, province ? { withinCode: province.province.code } : {});
  return stands(ctx, m, province?.province ?? null) ? m.ref : unresolved(m.ref);
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);
}

function sameStart(a: string, b: string): boolean {
  const fa = fold(a);
  const fb = fold(b);
  return fa.startsWith(fb) || fb.startsWith(fa);
}

/**
 * The issuer as written in the header; when the header has none (or only "ỦY BAN NHÂN DÂN"), the one named in the
 * opening sentence, flagged as inferred so a person checks it. Also the document's province, which scopes the names
 * of its tasks' units ("Sở Tư pháp" of a Nghệ An plan is Nghệ An's).
 */
export function resolveIssuer(
  ctx: ParseContext,
  top: TopOfDocument,
  plan: TopOfDocument,
  opening: OpeningIssuer,
): { issuer: UnitRef | null; province: UnitEntry | null } {
  const written = plan.issuer ?? top.issuer ?? top.authority;
  const line = top.lineOf.issuer ?? top.lineOf.type;
  const communeLevel = COMMUNE_LEVEL.test(fold(written ?? opening.issuer?.text ?? ''));
  const province = provinceContext(ctx, top, plan, opening, communeLevel);
  const place = plan.place ?? top.place;
  let ref: UnitRef | null = written ? readIssuer(ctx, written, province, place) : null;
  const inferred = opening.issuer ? readIssuer(ctx, opening.issuer.text, province, place) : null;
  // The opening completes the header only when it says more ("ỦY BAN NHÂN DÂN" + "Ủy ban nhân dân tỉnh Nghệ An"),
  // never when it says less ("ỦY BAN NHÂN DÂN TỈNH NGHỆ AN" against "Ủy ban nhân dân tỉnh").
  const completes =
    ref !== null &&
    ref.unitId === null &&
    inferred?.unitId != null &&
    written !== null &&
    sameStart(opening.issuer!.text, written) &&
    fold(opening.issuer!.text).length > fold(written).length;
  if (opening.issuer && inferred && (!ref || completes)) {
    const fromHeader = ref !== null;
    ctx.layout.field('issuer', 'header.issuerFromOpening');
    ref = { ...inferred, confidence: Math.round(inferred.confidence * (fromHeader ? 0.95 : 0.8) * 100) / 100 };
    ctx.finding(
      'import.header.issuerInferred',
      'info',
      fromHeader
        ? `Phần đầu chỉ ghi "${written}"; cơ quan ban hành được bổ sung từ câu mở đầu: "${opening.issuer.text}".`
        : `Phần đầu không có tên cơ quan ban hành; đã lấy từ câu mở đầu: "${opening.issuer.text}" (cần kiểm tra).`,
      { line: opening.issuer.line, field: 'issuer' },
      fromHeader ? null : 'Bổ sung tên cơ quan ban hành ở phần đầu văn bản.',
    );
  }
  if (ref && ref.unitId !== null && written && ref.text === written && NAMELESS_ISSUER.test(fold(written).trim())) {
    const from = NAMELESS_ISSUER.exec(fold(written).trim())![2]!.startsWith('t') ? province?.from : 'dòng địa danh';
    ctx.layout.field('issuer', 'header.issuerFromContext');
    ctx.finding(
      'import.header.issuerFromContext',
      'info',
      `Phần đầu chỉ ghi "${written}", không nêu tên đơn vị hành chính; đã hiểu là ${ref.unitName} theo ${from ?? 'nội dung văn bản'}.`,
      { line, field: 'issuer' },
      `Ghi đủ tên cơ quan ban hành: "${`Ủy ban nhân dân ${lowerFirst(ref.unitName ?? '')}`.toLocaleUpperCase('vi')}".`,
    );
  }
  if (ref && ref.unitId === null) reportUnresolved(ctx, ref, written, province, line);
  // The province the document names decided where a department or a commune was looked for.
  const below = ref?.unitCode ? ctx.directory.getByCode(ref.unitCode) : null;
  if (province && ref && (!below || (below.kind !== 'province' && below.kind !== 'national')))
    ctx.layout.field('issuer', 'header.provinceFromContext');
  return { issuer: ref, province: province?.province ?? null };
}

function reportUnresolved(
  ctx: ParseContext,
  ref: UnitRef,
  written: string | null,
  province: ProvinceContext | null,
  line: number | undefined,
): void {
  if (written && NAMELESS_ISSUER.test(fold(written).trim()) && ref.text === written) {
    ctx.finding(
      'import.header.issuerNameless',
      'warning',
      `Phần đầu chỉ ghi "${written}", không nêu tên đơn vị hành chính; văn bản cũng không cho biết ở nơi khác (địa danh, trích yếu, căn cứ), nên chưa xác định được cơ quan ban hành.`,
      { line, field: 'issuer' },
      'Ghi đủ tên cơ quan ban hành ở phần đầu văn bản, ví dụ "ỦY BAN NHÂN DÂN TỈNH THANH HÓA".',
    );
    return;
  }
  const where = province ? ` của ${province.province.name}` : '';
  ctx.finding(
    'import.header.issuerUnresolved',
    'warning',
    `Cơ quan ban hành "${ref.text}"${where} không có trong danh mục đơn vị.`,
    { line, field: 'issuer' },
    'Kiểm tra tên cơ quan ban hành; đơn vị của tỉnh, thành phố khác có trong danh mục khi danh mục đơn vị của tỉnh đó được nạp.',
  );
}
