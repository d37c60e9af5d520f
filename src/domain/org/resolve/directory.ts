// The register as a lookup: exact forms, generic groups, typos and names inside longer phrases, in that order.
import type { UnitRef } from '../../plan/model.ts';
import { fold, normalizeText } from '../../text.ts';
import { work } from '../../work.ts';
import type { UnitEntry } from '../unit.ts';
import { boundedDistance, maxTypoDistance } from './distance.ts';
import { splitUnitList } from './list.ts';
import { canonicalName, cleanWritten, GROUP_PATTERNS, spellingForm, TITLE_PREFIX } from './names.ts';
import type { Key, MatchHow, ResolveContext, UnitMatch } from './types.ts';

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

/** First words that name the kind of body (folded): two names that differ there are never one unit misspelt. */
const BODY_HEADS = new Set([
  'bo',
  'so',
  'phong',
  'cuc',
  'vu',
  'ban',
  'vien',
  'chi',
  'tong',
  'van',
  'trung',
  'thanh',
  'cong',
  'uy',
  'hoi',
]);

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
  /** Provinces by their canonical short name ("nghe an"): "Sở Tư pháp tỉnh Nghệ An" names Nghệ An's. */
  private readonly provinceByName = new Map<string, UnitEntry>();
  /** The province each unit lies in (null above the provinces), computed on first use. */
  private readonly provinceMemo = new Map<number, UnitEntry | null>();

  constructor(entries: readonly UnitEntry[]) {
    this.entries = entries;
    for (const e of entries) {
      this.byCode.set(e.code, e);
      this.byId.set(e.id, e);
    }
    for (const e of entries) {
      this.indexEntry(e);
      if (e.kind === 'province') this.provinceByName.set(canonicalName(e.shortName), e);
    }
  }

  private indexEntry(e: UnitEntry): void {
    const parent = e.parentId === null ? null : (this.byId.get(e.parentId) ?? null);
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
    } else if (e.kind === 'province') {
      // "Ủy ban nhân dân tỉnh" names the province a document belongs to, and no other.
      const type = /^thành phố /iu.test(e.name) ? 'thành phố' : 'tỉnh';
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

  /**
   * True when `code` is `ancestorCode` or lies below it in the tree: "16516" (a ward) is within "38" (its province),
   * though its code does not start with it. Codes not in the register are compared by their prefix.
   */
  contains(ancestorCode: string, code: string): boolean {
    let e = this.byCode.get(code);
    if (!e) return UnitDirectory.isWithin(code, ancestorCode);
    for (let depth = 0; e && depth < 16; depth++) {
      if (e.code === ancestorCode) return true;
      e = e.parentId === null ? undefined : this.byId.get(e.parentId);
    }
    return false;
  }

  /** The province a unit lies in (itself for a province); null for the central level or an unknown code. */
  provinceOf(code: string): UnitEntry | null {
    const start = this.byCode.get(code);
    if (!start) return null;
    const memo = this.provinceMemo.get(start.id);
    if (memo !== undefined) return memo;
    let e: UnitEntry | undefined = start;
    for (let depth = 0; e && e.kind !== 'province' && depth < 16; depth++)
      e = e.parentId === null ? undefined : this.byId.get(e.parentId);
    const province = e?.kind === 'province' ? e : null;
    this.provinceMemo.set(start.id, province);
    return province;
  }

  /** Provinces whose agencies the register holds (Thanh Hóa's; another province's once onboarded). */
  private agencyProvinces: Set<number> | null = null;

  /** Whether the register holds the province's agencies: if not, its bodies' names cannot be checked. */
  hasAgencies(provinceCode: string): boolean {
    if (!this.agencyProvinces) {
      this.agencyProvinces = new Set();
      for (const e of this.entries) {
        const province = e.kind === 'agency' ? this.provinceOf(e.code) : null;
        if (province) this.agencyProvinces.add(province.id);
      }
    }
    const province = this.byCode.get(provinceCode);
    return province !== undefined && this.agencyProvinces.has(province.id);
  }

  /** The province named by its short name as written ("Nghệ An", "Hồ Chí Minh"), if the register has it. */
  provinceNamed(name: string): UnitEntry | null {
    return this.provinceByName.get(canonicalName(name)) ?? null;
  }

  /**
   * A provincial agency of another province than the document's: "Sở Tư pháp" in a plan of Nghệ An is Nghệ An's,
   * never Thanh Hóa's, even when only Thanh Hóa's is in the register.
   */
  private foreign(entry: UnitEntry, ctx: ResolveContext): boolean {
    if (entry.kind !== 'agency' || !ctx.withinCode) return false;
    const own = this.provinceOf(ctx.withinCode);
    return own !== null && this.provinceOf(entry.code)?.id !== own.id;
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
    return ctx.withinCode !== undefined && this.contains(key.scope, ctx.withinCode);
  }

  /** Ancestors first are preferred: inside the plan's own unit, then anywhere. */
  /** The commune or ward a unit belongs to (itself for a commune); the unit itself when it is above communes. */
  private home(code: string): string {
    let e = this.byCode.get(code);
    while (
      e &&
      e.kind !== 'commune' &&
      e.kind !== 'ward' &&
      (e.kind === 'office' || e.kind === 'neighbourhood') &&
      e.parentId !== null
    ) {
      e = this.byId.get(e.parentId);
    }
    return e && (e.kind === 'commune' || e.kind === 'ward') ? e.code : code;
  }

  private contextRank(entry: UnitEntry, ctx: ResolveContext): number {
    if (!ctx.withinCode) return 0;
    if (UnitDirectory.isWithin(entry.code, this.home(ctx.withinCode))) return 2;
    if (this.foreign(entry, ctx)) return -1;
    // Units on the path up (the province, its agencies, national bodies) are fine; other communes' offices are not.
    if (entry.kind === 'office' || entry.kind === 'neighbourhood') return -1;
    return 1;
  }

  private pick(keys: Key[], ctx: ResolveContext): Key | 'ambiguous' | null {
    const inScope = keys.filter((k) => this.inScope(k, ctx));
    const usable = inScope.filter((k) => !this.foreign(k.entry, ctx));
    if (usable.length === 0) return keys.length > 0 && keys.every((k) => k.scope !== null) ? 'ambiguous' : null;
    const ids = new Set(usable.map((k) => k.entry.id));
    if (ids.size === 1) return usable[0]!;
    const ranked = [...usable].sort((a, b) => this.contextRank(b.entry, ctx) - this.contextRank(a.entry, ctx));
    const best = this.contextRank(ranked[0]!.entry, ctx);
    const top = ranked.filter((k) => this.contextRank(k.entry, ctx) === best);
    if (new Set(top.map((k) => k.entry.id)).size === 1) return top[0]!;
    // A unit's own name wins over another unit's customary name ("Chính phủ" is the Government, though older
    // registers also list it as a name of the Prime Minister).
    const official = top.filter(
      (k) => k.canon === canonicalName(k.entry.name) || k.canon === canonicalName(k.entry.shortName),
    );
    return new Set(official.map((k) => k.entry.id)).size === 1 ? official[0]! : 'ambiguous';
  }

  /** Agencies of another province that a name would have matched: the document's own is not in the register. */
  private foreignMatches(keys: Key[], ctx: ResolveContext): UnitEntry | null {
    return keys.find((k) => this.inScope(k, ctx) && this.foreign(k.entry, ctx))?.entry ?? null;
  }

  /** Query variants: as written, then without a trailing "tỉnh (Thanh Hóa)" / "phường X" / person title. */
  private variants(canon: string, ctx: ResolveContext): Array<{ canon: string; penalty: number; ctx: ResolveContext }> {
    const out = [{ canon, penalty: 0, ctx }];
    const add = (c: string, penalty: number, within: ResolveContext = ctx) => {
      if (c && !out.some((v) => v.canon === c)) out.push({ canon: c, penalty, ctx: within });
    };
    const noTitle = canon.replace(TITLE_PREFIX, '');
    add(noTitle, 0.1);
    for (const c of [canon, noTitle]) {
      // "Sở Tư pháp tỉnh Nghệ An": the name is read inside the province it names.
      const named = / (?:tinh|thanh pho) ([a-z ]+)$/.exec(c);
      const province = named ? this.provinceByName.get(named[1]!) : undefined;
      if (named && province) {
        const inside = ctx.withinCode && this.contains(province.code, ctx.withinCode);
        add(c.slice(0, named.index), 0.02, inside ? ctx : { withinCode: province.code });
      }
      add(c.replace(/ tinh$/, ''), 0.02);
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
    let relative = false;
    let elsewhere: UnitEntry | null = null;
    for (const v of this.variants(canon, ctx)) {
      const keys = this.byCanon.get(v.canon);
      if (!keys) continue;
      const picked = this.pick(keys, v.ctx);
      elsewhere ??= picked ? null : this.foreignMatches(keys, v.ctx);
      if (picked === 'ambiguous') {
        ambiguous = true;
        relative ||= keys.every(
          (k) => k.scope !== null && (k.entry.kind === 'office' || k.entry.kind === 'neighbourhood'),
        );
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
    if (ambiguous)
      return {
        ref: refOf(written, null, 0.4),
        how: 'ambiguous',
        matched: null,
        entry: null,
        ...(relative ? { relative } : {}),
      };
    // The document's province has this body, but the register does not hold that province's bodies.
    if (elsewhere) return { ref: refOf(written, null, 0), how: 'none', matched: null, entry: null, elsewhere };

    // 3. Typos: edit distance on the canonical form, bounded by length.
    const typo = this.closestByDistance(canon, ctx);
    if (typo) {
      return {
        ref: refOf(written, typo.key.entry, 0.9 - 0.05 * typo.distance),
        how: 'typo',
        matched: typo.key.form,
        entry: typo.key.entry,
      };
    }

    // 4. A known name inside a longer phrase ("Giám đốc Sở Khoa học và Công nghệ tỉnh").
    const inner = this.containedKey(canon, ctx);
    if (inner) {
      const ratio = inner.canon.split(' ').length / canon.split(' ').length;
      return {
        ref: refOf(written, inner.entry, Math.min(0.8, 0.4 + 0.5 * ratio)),
        how: 'contains',
        matched: inner.form,
        entry: inner.entry,
      };
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
    for (let len = canon.length - limit; len <= canon.length + limit; len++)
      candidates.push(...(this.byLength.get(len) ?? []));
    const head = canon.split(' ', 1)[0]!;
    for (const key of candidates) {
      if (!this.inScope(key, ctx)) continue;
      if (this.contextRank(key.entry, ctx) < 0) continue;
      // "Bộ Tư pháp" is not a typo of "Sở Tư pháp": a different kind of body is a different unit.
      const keyHead = key.canon.split(' ', 1)[0]!;
      if (keyHead !== head && BODY_HEADS.has(head) && BODY_HEADS.has(keyHead)) continue;
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
