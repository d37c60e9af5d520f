// Reads unit names as written in documents ("Sở KH&CN", "Phòng Văn hóa - Xã hội phường", "Các sở, ban, ngành tỉnh")
// and resolves them against the organisation register. Pure: built from UnitEntry[], no I/O.
import type { UnitRef } from '../plan/model.ts';
import { normalizeToneMarks } from '../plan/phrases.ts';
import { fold, normalizeText } from '../text.ts';
import type { UnitEntry } from './unit.ts';
import { work } from '../work.ts';

export interface ResolveContext {
  /**
   * Code of the unit the document belongs to ("16516" for a ward plan). Relative names such as
   * "Phòng Văn hóa - Xã hội phường" or "Công an phường" only make sense inside it.
   */
  withinCode?: string;
}

/** How a name was read; lint uses it to word its spelling findings. */
export type MatchHow = 'exact' | 'case' | 'accent' | 'typo' | 'contains' | 'group' | 'ambiguous' | 'none';

export interface UnitMatch {
  ref: UnitRef;
  how: MatchHow;
  /** The register form the text matched (official name, short form or alias), as stored. */
  matched: string | null;
  /** The register entry, when resolved. */
  entry: UnitEntry | null;
}

interface Key {
  entry: UnitEntry;
  /** The register form as written. */
  form: string;
  /** Canonical form used for matching. */
  canon: string;
  /** A relative form ("Công an phường") is only valid inside this unit's subtree. */
  scope: string | null;
}

/**
 * Abbreviations that documents use interchangeably with the full words. Expanding both sides lets
 * "UBND tỉnh" and "Ủy ban nhân dân tỉnh" meet without listing every spelling in the register.
 */
const TOKEN_EXPANSIONS: Record<string, string> = {
  ubnd: 'uy ban nhan dan',
  hdnd: 'hoi dong nhan dan',
  mttq: 'mat tran to quoc',
  ub: 'uy ban',
};

/** Canonical matching form: folded, punctuation-free, abbreviations expanded, tone placement irrelevant. */
export function canonicalName(s: string): string {
  const base = fold(s)
    .replace(/&/g, ' va ')
    .replace(/[.,;:()"“”'‘’\[\]/\\–—-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return base
    .split(' ')
    .map((t) => TOKEN_EXPANSIONS[t] ?? t)
    .join(' ');
}

/** Written abbreviations and their full words, for comparing spellings ("UBND tỉnh" is "Ủy ban nhân dân tỉnh"). */
const WRITTEN_EXPANSIONS: Array<[RegExp, string]> = [
  [/(?<![\p{L}])UBND(?![\p{L}])/gu, 'Ủy ban nhân dân'],
  [/(?<![\p{L}])HĐND(?![\p{L}])/gu, 'Hội đồng nhân dân'],
  [/(?<![\p{L}])MTTQ(?![\p{L}])/gu, 'Mặt trận Tổ quốc'],
];

/** Accent-sensitive comparison form: tone placement ("Hoá"/"Hóa"), dashes, commas and abbreviations do not count. */
function spellingForm(s: string): string {
  let out = normalizeToneMarks(normalizeText(s));
  for (const [re, full] of WRITTEN_EXPANSIONS) out = out.replace(re, full);
  return out.replace(/\s*[-–]\s*/g, ' - ').replace(/[.,;:]/g, ' ').replace(/\s+/g, ' ').trim();
}

/** Words that mark a generic group of units rather than one unit. */
const GROUP_PATTERNS: RegExp[] = [
  /(^| )cac /, // "Các sở, ban, ngành", "UBND các xã, phường", "các tổ dân phố"
  /(^| )nhung /,
  /(^| )toan the /,
  /(co )?lien quan$/, // "… có liên quan"
  /^(so|phong|co quan|don vi|ban|nganh|dia phuong)( (so|phong|co quan|don vi|ban|nganh|dia phuong|to chuc))+( |$)/, // "Sở, ban, ngành tỉnh"
  /^(cac )?(dia phuong|doanh nghiep|to chuc ca nhan|nguoi dan|nhan dan)$/,
];

/** Person titles written before a unit name: "Giám đốc Sở …", "Chủ tịch UBND phường". */
const TITLE_PREFIX = /^(giam doc|pho giam doc|thu truong|chu tich|pho chu tich|truong|chanh van phong|bo truong)\s+/;

/**
 * Levenshtein distance when it is at most `max`, else max + 1. Banded, with an early exit: the typo search runs it
 * against thousands of register names per lookup.
 */
export function boundedDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = new Array<number>(b.length + 1).fill(max + 1);
    cur[0] = i;
    let rowMin = cur[0];
    const from = Math.max(1, i - max);
    const to = Math.min(b.length, i + max);
    for (let j = from; j <= to; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (cur[j]! < rowMin) rowMin = cur[j]!;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return Math.min(prev[b.length]!, max + 1);
}

function maxTypoDistance(length: number): number {
  if (length <= 6) return 0;
  if (length <= 12) return 1;
  if (length <= 24) return 2;
  return 3;
}

/** A recipient's note after its name: "(b/c)", "(để b/c)", "(P/h)", "(để t/h)". */
const RECIPIENT_NOTE = /\s*\((?:để\s+)?\p{L}{1,3}\/\p{L}{1,3}\)$/iu;

/**
 * The name alone, as lists and "Nơi nhận" write it: without a leading dash, a trailing "(để b/c);" note or
 * final punctuation ("- Sở Khoa học và Công nghệ tỉnh (để b/c);" → "Sở Khoa học và Công nghệ tỉnh").
 */
export function cleanWritten(text: string): string {
  return normalizeText(text)
    .replace(/^[-–+•]\s*/u, '')
    .replace(/[\s.;,:]+$/u, '')
    .replace(RECIPIENT_NOTE, '')
    .replace(/^(?:và|cùng|với)\s+/i, '')
    .replace(/[\s.;,:]+$/u, '')
    .trim();
}

function refOf(text: string, entry: UnitEntry | null, confidence: number, group = false): UnitRef {
  return {
    text,
    unitId: entry?.id ?? null,
    unitCode: entry?.code ?? null,
    unitName: entry?.name ?? null,
    confidence: Math.round(Math.max(0, Math.min(1, confidence)) * 100) / 100,
    group,
  };
}

export class UnitDirectory {
  readonly entries: readonly UnitEntry[];
  private readonly byCanon = new Map<string, Key[]>();
  private readonly keys: Key[] = [];
  /** Keys by canonical length: the typo search only looks at lengths within the allowed distance. */
  private readonly byLength = new Map<number, Key[]>();
  private readonly byCode = new Map<string, UnitEntry>();
  private readonly byId = new Map<number, UnitEntry>();
  /** Names that contain separators ("," / "và"), protected when splitting lists. */
  private readonly separatorNames: string[] = [];
  private readonly separatorCanons: string[] = [];
  /** The most words in a register form: no longer suffix of a text can be one. */
  private maxKeyWords = 0;
  /** Each key's words, computed once: suggestions compare every key with the text. */
  private keyWords: Array<Set<string>> | null = null;

  constructor(entries: readonly UnitEntry[]) {
    this.entries = entries;
    for (const e of entries) {
      this.byCode.set(e.code, e);
      this.byId.set(e.id, e);
    }
    for (const e of entries) this.indexEntry(e);
  }

  private indexEntry(e: UnitEntry): void {
    const parent = e.parentId === null ? null : this.byId.get(e.parentId) ?? null;
    const communeParent = parent && (parent.kind === 'commune' || parent.kind === 'ward') ? parent : null;
    this.addKey(e, e.name, null);
    for (const a of e.aliases) this.addKey(e, a, null);
    if ((e.kind === 'office' || e.kind === 'neighbourhood') && communeParent) {
      // "Phòng Văn hóa - Xã hội", "Công an phường", "Tổ dân phố 3": a commune's own units, named without the commune.
      const type = communeParent.kind === 'ward' ? 'phường' : 'xã';
      this.addKey(e, e.shortName, communeParent.code);
      if (!fold(e.shortName).endsWith(fold(type))) this.addKey(e, `${e.shortName} ${type}`, communeParent.code);
    } else if (e.kind === 'commune' || e.kind === 'ward') {
      const type = e.kind === 'ward' ? 'phường' : 'xã';
      this.addKey(e, e.shortName, null);
      this.addKey(e, `UBND ${type}`, e.code);
      this.addKey(e, `Ủy ban nhân dân ${type}`, e.code);
    } else {
      this.addKey(e, e.shortName, null);
      if (e.kind === 'agency') this.addKey(e, `${e.name} tỉnh`, null);
    }
  }

  private addKey(entry: UnitEntry, form: string, scope: string | null): void {
    const canon = canonicalName(form);
    if (!canon) return;
    const list = this.byCanon.get(canon) ?? [];
    if (list.some((k) => k.entry.id === entry.id && k.scope === scope)) return;
    const key: Key = { entry, form, canon, scope };
    this.maxKeyWords = Math.max(this.maxKeyWords, canon.split(' ').length);
    list.push(key);
    this.byCanon.set(canon, list);
    this.keys.push(key);
    const sameLength = this.byLength.get(canon.length) ?? [];
    sameLength.push(key);
    this.byLength.set(canon.length, sameLength);
    // Office full names repeat their short form for every commune: protecting the short form is enough.
    const repeated = (entry.kind === 'office' || entry.kind === 'neighbourhood') && scope === null;
    if (/,| và /.test(form) && !repeated && !this.separatorNames.includes(form)) {
      this.separatorNames.push(form);
      this.separatorCanons.push(canon);
    }
  }

  getByCode(code: string): UnitEntry | undefined {
    return this.byCode.get(code);
  }

  getById(id: number): UnitEntry | undefined {
    return this.byId.get(id);
  }

  /** True when `code` is `ancestorCode` or sits below it ("16516.PVHXH" is within "16516"). */
  static isWithin(code: string, ancestorCode: string): boolean {
    return code === ancestorCode || code.startsWith(`${ancestorCode}.`);
  }

  /** Register names containing "," or "và", which list splitting must not cut. */
  namesWithSeparators(): readonly string[] {
    return this.separatorNames;
  }

  /** True when the text begins with a register name that contains separators. */
  startsWithSeparatorName(text: string): boolean {
    const c = canonicalName(text);
    return this.separatorCanons.some((n) => c === n || c.startsWith(`${n} `));
  }

  private inScope(key: Key, ctx: ResolveContext): boolean {
    if (key.scope === null) return true;
    return ctx.withinCode !== undefined && UnitDirectory.isWithin(ctx.withinCode, key.scope);
  }

  /** Ancestors first are preferred: inside the plan's own unit, then anywhere. */
  /** The commune or ward a unit belongs to (itself for a commune); the unit itself when it is above communes. */
  private home(code: string): string {
    let e = this.byCode.get(code);
    while (e && e.kind !== 'commune' && e.kind !== 'ward' && (e.kind === 'office' || e.kind === 'neighbourhood') && e.parentId !== null) {
      e = this.byId.get(e.parentId);
    }
    return e && (e.kind === 'commune' || e.kind === 'ward') ? e.code : code;
  }

  private contextRank(entry: UnitEntry, ctx: ResolveContext): number {
    if (!ctx.withinCode) return 0;
    if (UnitDirectory.isWithin(entry.code, this.home(ctx.withinCode))) return 2;
    // Units on the path up (the province, its agencies, national bodies) are fine; other communes' offices are not.
    if (entry.kind === 'office' || entry.kind === 'neighbourhood') return -1;
    return 1;
  }

  private pick(keys: Key[], ctx: ResolveContext): Key | 'ambiguous' | null {
    const usable = keys.filter((k) => this.inScope(k, ctx));
    if (usable.length === 0) return keys.length > 0 && keys.every((k) => k.scope !== null) ? 'ambiguous' : null;
    const ids = new Set(usable.map((k) => k.entry.id));
    if (ids.size === 1) return usable[0]!;
    const ranked = [...usable].sort((a, b) => this.contextRank(b.entry, ctx) - this.contextRank(a.entry, ctx));
    const best = this.contextRank(ranked[0]!.entry, ctx);
    const top = ranked.filter((k) => this.contextRank(k.entry, ctx) === best);
    return new Set(top.map((k) => k.entry.id)).size === 1 ? top[0]! : 'ambiguous';
  }

  /** Query variants: as written, then without a trailing "tỉnh (Thanh Hóa)" / "phường X" / person title. */
  private variants(canon: string): Array<{ canon: string; penalty: number }> {
    const out = [{ canon, penalty: 0 }];
    const add = (c: string, penalty: number) => {
      if (c && !out.some((v) => v.canon === c)) out.push({ canon: c, penalty });
    };
    const noTitle = canon.replace(TITLE_PREFIX, '');
    add(noTitle, 0.1);
    for (const c of [canon, noTitle]) {
      add(c.replace(/ tinh( thanh hoa)?$/, ''), 0.02);
      add(c.replace(/ (phuong|xa)$/, ''), 0.02);
    }
    return out;
  }

  /** Resolves a name to the best register unit, or says why it cannot. Never drops the text. */
  match(text: string, ctx: ResolveContext = {}): UnitMatch {
    const written = normalizeText(text);
    const clean = cleanWritten(written);
    const canon = canonicalName(clean);
    if (!canon) return { ref: refOf(written, null, 0), how: 'none', matched: null, entry: null };

    // 1. Exact (canonical) forms, including relative forms valid in context.
    let ambiguous = false;
    for (const v of this.variants(canon)) {
      const keys = this.byCanon.get(v.canon);
      if (!keys) continue;
      const picked = this.pick(keys, ctx);
      if (picked === 'ambiguous') {
        ambiguous = true;
        continue;
      }
      if (!picked) continue;
      const how = this.spellingOf(clean, picked.form, v.penalty > 0);
      const base = how === 'exact' ? 1 : how === 'case' ? 0.97 : 0.9;
      return { ref: refOf(written, picked.entry, base - v.penalty), how, matched: picked.form, entry: picked.entry };
    }

    // 2. Generic groups ("các cơ quan, đơn vị có liên quan") name no single unit.
    if (GROUP_PATTERNS.some((p) => p.test(canon))) {
      return { ref: refOf(written, null, 0.9, true), how: 'group', matched: null, entry: null };
    }
    if (ambiguous) return { ref: refOf(written, null, 0.4), how: 'ambiguous', matched: null, entry: null };

    // 3. Typos: edit distance on the canonical form, bounded by length.
    const typo = this.closestByDistance(canon, ctx);
    if (typo) {
      return { ref: refOf(written, typo.key.entry, 0.9 - 0.05 * typo.distance), how: 'typo', matched: typo.key.form, entry: typo.key.entry };
    }

    // 4. A known name inside a longer phrase ("Giám đốc Sở Khoa học và Công nghệ tỉnh").
    const inner = this.containedKey(canon, ctx);
    if (inner) {
      const ratio = inner.canon.split(' ').length / canon.split(' ').length;
      return { ref: refOf(written, inner.entry, Math.min(0.8, 0.4 + 0.5 * ratio)), how: 'contains', matched: inner.form, entry: inner.entry };
    }
    return { ref: refOf(written, null, 0), how: 'none', matched: null, entry: null };
  }

  resolve(text: string, ctx: ResolveContext = {}): UnitRef {
    return this.match(text, ctx).ref;
  }

  /**
   * How the written name differs from the register form: not at all, only in capitals, or in accents.
   * For variants (a title before, "tỉnh" after) the register form is looked for inside the written text.
   */
  private spellingOf(written: string, form: string, variant: boolean): MatchHow {
    const w = spellingForm(written);
    const f = spellingForm(form);
    if (variant ? w.includes(f) : w === f) return 'exact';
    const wl = w.toLowerCase();
    const fl = f.toLowerCase();
    if (variant ? wl.includes(fl) : wl === fl) return 'case';
    return 'accent';
  }

  private closestByDistance(canon: string, ctx: ResolveContext): { key: Key; distance: number } | null {
    const limit = maxTypoDistance(canon.length);
    if (limit === 0) return null;
    let best: { key: Key; distance: number } | null = null;
    let tie = false;
    const candidates: Key[] = [];
    for (let len = canon.length - limit; len <= canon.length + limit; len++) candidates.push(...(this.byLength.get(len) ?? []));
    for (const key of candidates) {
      if (!this.inScope(key, ctx)) continue;
      if (this.contextRank(key.entry, ctx) < 0) continue;
      const d = boundedDistance(canon, key.canon, limit);
      if (d > limit || d === 0) continue;
      if (!best || d < best.distance) {
        best = { key, distance: d };
        tie = false;
      } else if (d === best.distance && key.entry.id !== best.key.entry.id) {
        tie = true;
      }
    }
    return best && !tie ? best : null;
  }

  /**
   * A register name at the end of a longer phrase ("Giám đốc Sở Khoa học và Công nghệ"). Only at the end: words after
   * a name usually make it another unit ("Ủy ban nhân dân tỉnh Lạng Sơn" is not "UBND tỉnh").
   */
  private containedKey(canon: string, ctx: ResolveContext): Key | null {
    // The name is a word-aligned proper suffix of at least two words and half the text: look each suffix up,
    // longest first, instead of scanning every key (lint resolves every recipient and report line this way).
    const words = canon.split(' ');
    const shortest = Math.max(2, Math.ceil(words.length / 2));
    for (let n = Math.min(words.length - 1, this.maxKeyWords); n >= shortest; n--) {
      work.steps += n;
      const keys = this.byCanon.get(words.slice(words.length - n).join(' '));
      const usable = keys?.find((k) => this.inScope(k, ctx) && this.contextRank(k.entry, ctx) >= 0);
      if (usable) return usable;
    }
    return null;
  }

  /**
   * Closest register units by shared words, for "did you mean" suggestions on unknown names
   * ("Trung tâm cung ứng dịch vụ công phường" → "Trung tâm Phục vụ hành chính công phường Nam Sầm Sơn").
   */
  suggest(text: string, ctx: ResolveContext = {}, limit = 3): Array<{ entry: UnitEntry; score: number }> {
    const words = new Set(canonicalName(cleanWritten(text)).split(' ').filter(Boolean));
    if (words.size === 0) return [];
    const scores = new Map<number, { entry: UnitEntry; score: number }>();
    this.keyWords ??= this.keys.map((k) => new Set(k.canon.split(' ')));
    for (const [k, key] of this.keys.entries()) {
      work.steps++;
      if (ctx.withinCode && this.contextRank(key.entry, ctx) < 0) continue;
      if (key.scope !== null && !this.inScope(key, ctx)) continue;
      const kw = this.keyWords[k]!;
      let shared = 0;
      for (const w of words) if (kw.has(w)) shared++;
      const score = (2 * shared) / (words.size + kw.size) + (this.contextRank(key.entry, ctx) === 2 ? 0.05 : 0);
      const prev = scores.get(key.entry.id);
      if (!prev || prev.score < score) scores.set(key.entry.id, { entry: key.entry, score });
    }
    return [...scores.values()]
      .filter((s) => s.score >= 0.5)
      .sort((a, b) => b.score - a.score)
      .slice(0, limit);
  }

  /** Splits a list of units as written and resolves each one. */
  resolveList(text: string, ctx: ResolveContext = {}): UnitRef[] {
    return splitUnitList(text, this).map((name) => this.resolve(name, ctx));
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Splitting "Sở Tài chính và các cơ quan, tổ chức có liên quan" into units.

/**
 * Generic phrases whose commas do not separate units ("các sở, ban, ngành" is one group), and a few common bodies
 * outside the register whose names contain "và" or commas. Longest first when matched.
 */
const PROTECTED_PHRASES = [
  'cơ quan, tổ chức, đơn vị', 'cơ quan, đơn vị, địa phương', 'cơ quan, đơn vị, tổ chức', 'sở, ban, ngành, đoàn thể',
  'sở, ban, ngành', 'phòng, ban, ngành', 'phòng, ban, đơn vị', 'phòng, ban', 'ban, ngành', 'sở, ngành',
  'xã, phường, thị trấn', 'xã, phường', 'huyện, thị xã, thành phố', 'tỉnh, thành phố',
  'cơ quan, đơn vị', 'cơ quan, tổ chức', 'tổ chức, cá nhân', 'đơn vị, địa phương', 'doanh nghiệp, tổ chức',
  'tổ chức chính trị - xã hội', 'cán bộ, công chức, viên chức',
  'Báo và Phát thanh - Truyền hình', 'Đài Phát thanh và Truyền hình', 'Liên hiệp các Hội Khoa học và Kỹ thuật',
];

/** Words that begin a new unit in a list. Capitalised forms only: lower-case "ban" in "phòng, ban" is not a unit. */
const UNIT_HEADS = [
  'Sở', 'Bộ', 'Ban', 'Phòng', 'Văn phòng', 'Trung tâm', 'Công an', 'Ủy ban', 'Uỷ ban', 'UBND', 'HĐND', 'Hội đồng',
  'Báo', 'Đài', 'Hội', 'Liên đoàn', 'Liên minh', 'Liên hiệp', 'Đoàn', 'Tỉnh đoàn', 'Đảng ủy', 'Đảng uỷ', 'Mặt trận', 'MTTQ',
  'Thanh tra', 'Cục', 'Chi cục', 'Viện', 'Trường', 'Bệnh viện', 'Kho bạc', 'Ngân hàng', 'Thuế', 'Bảo hiểm', 'Tòa án',
  'Chủ tịch', 'Giám đốc', 'Thủ trưởng', 'Quỹ', 'Hợp tác xã', 'Công ty', 'Tổng công ty', 'Tập đoàn', 'Chính phủ',
  'Thủ tướng', 'Quốc hội', 'Tỉnh ủy', 'Tỉnh uỷ', 'Xã', 'Phường', 'Tổ dân phố', 'Thôn', 'Nhân dân', 'Các', 'các', 'Những', 'những',
  'Toàn thể', 'toàn thể',
];

/** One character in, one character out: positions found in the folded text are positions in the original. */
export function foldSameLength(s: string): string {
  let out = '';
  for (const ch of s) {
    const base = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    const c = (base[0] ?? ch).toLowerCase();
    out += c === 'đ' ? 'd' : c.length === 1 ? c : ch;
  }
  return out;
}

function phrasePattern(phrase: string): RegExp {
  const f = foldSameLength(phrase)
    .split(/\s*([,-])\s*|\s+/)
    .filter((p) => p !== undefined && p !== '')
    .map((p) => (p === ',' ? ',?' : p === '-' ? '[-–]' : p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  return new RegExp(`(?<![\\p{L}\\p{N}])${f.join('\\s*')}(?![\\p{L}\\p{N}])`, 'gu');
}

const protectedPatterns = new Map<string, RegExp>();
function cachedPattern(phrase: string): RegExp {
  let p = protectedPatterns.get(phrase);
  if (!p) {
    p = phrasePattern(phrase);
    protectedPatterns.set(phrase, p);
  }
  p.lastIndex = 0;
  return p;
}

function startsWithHead(piece: string, directory: UnitDirectory | null): boolean {
  const t = piece.trim();
  for (const h of UNIT_HEADS) {
    if (t === h || t.startsWith(`${h} `)) return true;
  }
  return directory?.startsWithSeparatorName(t) ?? false;
}

/**
 * Splits a list of units at ";", "," and "và" — except inside register names ("Phòng Kinh tế, Hạ tầng và Đô thị",
 * "Sở Văn hóa, Thể thao và Du lịch") and generic phrases ("các sở, ban, ngành"), and only where the next part starts
 * like a unit ("Sở …", "các …"), so "Báo và Phát thanh - Truyền hình Thanh Hóa" stays whole.
 */
export function splitUnitList(text: string, directory: UnitDirectory | null = null): string[] {
  const src = normalizeText(text).replace(/[.;,\s]+$/u, '');
  if (!src) return [];
  const folded = foldSameLength(src);
  const masked = new Array<boolean>(src.length).fill(false);
  const phrases = [...PROTECTED_PHRASES, ...(directory?.namesWithSeparators() ?? [])].sort((a, b) => b.length - a.length);
  for (const phrase of phrases) {
    const re = cachedPattern(phrase);
    for (const m of folded.matchAll(re)) {
      const start = m.index;
      const end = start + m[0].length;
      if (masked.slice(start, end).some(Boolean)) continue;
      for (let i = start; i < end; i++) masked[i] = true;
    }
  }
  // Separators outside protected spans; parentheses are also protected.
  type Sep = { at: number; len: number; strong: boolean };
  const seps: Sep[] = [];
  let depth = 0;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (ch === '(') depth++;
    if (ch === ')') depth = Math.max(0, depth - 1);
    if (depth > 0 || masked[i]) continue;
    if (ch === ';') seps.push({ at: i, len: 1, strong: true });
    else if (ch === ',') seps.push({ at: i, len: 1, strong: false });
    else if (ch === ' ') {
      const m = /^ (và|cùng) /.exec(src.slice(i, i + 6));
      if (m && !masked.slice(i, i + m[0].length).some(Boolean)) {
        seps.push({ at: i, len: m[0].length - 1, strong: false });
        i += m[0].length - 2;
      }
    }
  }
  // Pieces between separators, each remembering the separator before it so merged pieces read as written.
  const pieces: Array<{ sep: string; text: string; strong: boolean }> = [];
  let from = 0;
  let sep = '';
  let strong = true;
  for (const s of seps) {
    pieces.push({ sep, text: src.slice(from, s.at), strong });
    sep = src.slice(s.at, s.at + s.len);
    strong = s.strong;
    from = s.at + s.len;
  }
  pieces.push({ sep, text: src.slice(from), strong });

  const items: string[] = [];
  // The pieces of the unit being read, joined once at its end: joining at every piece would copy a long list over
  // and over. Spaces are collapsed only when pieces were joined, as before.
  let current: string[] = [];
  const flush = () => {
    const joined = current.length > 1 ? current.join('').replace(/\s+/g, ' ') : current[0] ?? '';
    const t = joined.trim().replace(/^(?:và|cùng|với)\s+/i, '').replace(/[\s.;,:]+$/u, '');
    if (t) items.push(t);
    current = [];
  };
  for (const p of pieces) {
    work.steps++;
    if (current.length === 0 || (current.length === 1 && current[0] === '') || p.strong || startsWithHead(p.text, directory)) {
      flush();
      current = [p.text];
    } else {
      // Not a new unit: "Hạ tầng" continues "Phòng Kinh tế," — keep the separator.
      current.push(p.sep, p.text);
    }
  }
  flush();
  return items;
}
