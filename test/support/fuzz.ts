// Hostile inputs built from the OpenAPI document: a valid-looking example of each request body, then one field at a
// time replaced by something hostile. New routes are fuzzed without editing the tests that use this.

type Schema = Record<string, any>;
export type Doc = { paths: Record<string, Record<string, any>>; components?: { schemas?: Record<string, Schema> } };

export interface Operation {
  method: string;
  path: string;
  operationId: string;
  pathParams: string[];
  query: Array<{ name: string; schema: Schema; required: boolean }>;
  body: Schema | null;
}

export function operationsOf(doc: Doc): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => {
      const params = (op.parameters ?? []) as Array<{ in: string; name: string; schema: Schema; required?: boolean }>;
      return {
        method: method.toUpperCase(),
        path,
        operationId: op.operationId as string,
        pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
        query: params
          .filter((p) => p.in === 'query')
          .map((p) => ({ name: p.name, schema: p.schema, required: p.required === true })),
        body: (op.requestBody?.content?.['application/json']?.schema as Schema | undefined) ?? null,
      };
    }),
  );
}

function resolve(doc: Doc, s: Schema): Schema {
  let out = s;
  while (out.$ref) out = doc.components!.schemas![String(out.$ref).split('/').pop()!]!;
  return out;
}

/** The first type that is not null, of a schema that may be a union. */
function concrete(doc: Doc, schema: Schema): Schema {
  const s = resolve(doc, schema);
  const options = (s.anyOf ?? s.oneOf) as Schema[] | undefined;
  if (options) return concrete(doc, options.find((o) => resolve(doc, o).type !== 'null') ?? options[0]!);
  if (Array.isArray(s.type)) return { ...s, type: s.type.find((t: string) => t !== 'null') };
  return s;
}

// Strings that satisfy the patterns the routes use (dates, period keys, years, file names, phone numbers, codes).
const PATTERN_EXAMPLES = ['2026-06-01', '2026', 'ke-hoach.txt', '0912 345 678', 'mau.thu', 'SGVsbG8=', 'MA1'];

function sampleString(s: Schema): string {
  if (s.format === 'date') return '2026-06-01';
  if (s.format === 'date-time') return '2026-06-01T08:00:00+07:00';
  if (s.format === 'email') return 'mau@example.vn';
  if (s.format === 'uri') return 'https://example.vn/tai-lieu';
  if (s.pattern) {
    const re = new RegExp(String(s.pattern).replace(/\/[a-z]*$/, ''));
    const hit = PATTERN_EXAMPLES.find((e) => re.test(e));
    if (hit) return hit;
  }
  const text = 'Nội dung thử nghiệm ổn định';
  const min = Number(s.minLength ?? 0);
  const max = Number(s.maxLength ?? 1000);
  return (text.length >= min ? text : text.padEnd(min, ' x')).slice(0, Math.max(min, Math.min(max, text.length)));
}

function sampleNumber(s: Schema): number {
  const min = s.minimum ?? (s.exclusiveMinimum !== undefined ? Number(s.exclusiveMinimum) + 1 : 1);
  return Math.min(Math.max(1, Number(min)), Number(s.maximum ?? Number.MAX_SAFE_INTEGER));
}

/**
 * A value of the schema's shape that passes its declared checks (not necessarily the business rules). `lean` leaves
 * arrays empty where they may be: what people send most often, and what gets past the services' own checks.
 */
export function sample(doc: Doc, schema: Schema, lean = false, depth = 0): unknown {
  const s = concrete(doc, schema);
  if (depth > 12) return null;
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  switch (s.type) {
    case 'string':
      return sampleString(s);
    case 'integer':
    case 'number':
      return sampleNumber(s);
    case 'boolean':
      return false;
    case 'null':
      return null;
    case 'array':
      if (s.prefixItems) return (s.prefixItems as Schema[]).map((p) => sample(doc, p, lean, depth + 1));
      if (lean && !s.minItems) return [];
      return s.items && s.maxItems !== 0 ? [sample(doc, s.items, lean, depth + 1)] : [];
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries((s.properties ?? {}) as Record<string, Schema>))
        out[k] = sample(doc, v, lean, depth + 1);
      return out;
    }
    default:
      return {};
  }
}

export type Path = Array<string | number>;

/** Every place of a value a mutation can replace: leaves and containers alike, the root excluded. */
export function placesOf(value: unknown, path: Path = []): Path[] {
  const here = path.length ? [path] : [];
  if (Array.isArray(value)) return [...here, ...value.flatMap((v, i) => placesOf(v, [...path, i]))];
  if (value && typeof value === 'object')
    return [...here, ...Object.entries(value).flatMap(([k, v]) => placesOf(v, [...path, k]))];
  return here;
}

export function replaceAt(value: unknown, path: Path, replacement: unknown): unknown {
  if (!path.length) return replacement;
  const copy: any = Array.isArray(value) ? [...value] : { ...(value as object) };
  copy[path[0]!] = replaceAt(copy[path[0]!], path.slice(1), replacement);
  return copy;
}

export function valueAt(value: unknown, path: Path): unknown {
  return path.reduce<any>((v, k) => v?.[k], value);
}

/** Where a raw JSON fragment (not expressible as a JS value) goes: the marker's quoted string is swapped for it. */
export const RAW = (fragment: string) => `\u2603RAW:${fragment}\u2603`;

export function serialise(value: unknown): string {
  return JSON.stringify(value).replace(/"\u2603RAW:(.*?)\u2603"/g, (_, f: string) => JSON.parse(`"${f}"`));
}

const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;

/** What every place gets, for every actor: a NUL (in a string field; a wrong type carrying one elsewhere). */
export const CORE = 'a\u0000b';

/** Hostile strings: C0 and C1 controls, a direction override, invisible text, stacked marks, broken UTF-16, 100 KB. */
export const HOSTILE_STRINGS = [
  CORE,
  '\u0001\u0008\u001b[31m\u007f\u0085\u009f',
  'Tên \u202Eđảo\u2066',
  '\u200b\u200b\uFEFF',
  `e${'\u0301'.repeat(40)}`,
  'a\ud800b',
  'x'.repeat(100 * 1024),
];

/** What each kind of place gets instead of its value (CORE first): hostile strings, wrong types, out-of-range numbers. */
export function mutationsFor(current: unknown, top: boolean): unknown[] {
  const wrongTypes: unknown[] = [null, [], {}, true, 12345];
  const extra = top ? [RAW(deep(10_000)), RAW('{"__proto__":{"polluted":true}}')] : [];
  if (typeof current === 'string') return [...HOSTILE_STRINGS, ...wrongTypes, ...extra];
  if (typeof current === 'number') {
    return [
      CORE,
      0,
      -1,
      2 ** 31,
      2 ** 63,
      1.5,
      RAW('1e309'),
      RAW('123456789012345678901234567890'),
      'NaN',
      null,
      [],
      {},
      ...extra,
    ];
  }
  if (typeof current === 'boolean') return [CORE, 'true', 0, null, {}, ...extra];
  if (Array.isArray(current)) return [CORE, {}, null, Array.from({ length: 5000 }, () => current[0] ?? 1), ...extra];
  if (current && typeof current === 'object')
    return [CORE, [], 0, null, { 'a\u0000': 1, [`${'k'.repeat(1000)}`]: 'v' }, ...extra];
  return [CORE, ...wrongTypes, ...extra];
}

/**
 * One field at a time: every place gets CORE; of the other (place, mutation) pairs about `budget` are taken, every
 * n-th from `offset`, so that actors with different offsets cover different pairs of a large body (a plan document).
 */
export function bodyMutations(examples: { lean: unknown; full: unknown }, budget: number, offset: number): string[] {
  // A place the lean example has is mutated in it (the rest of the body then passes the services' checks); places
  // inside array items exist only in the full one.
  const leanPlaces = new Set(placesOf(examples.lean).map((p) => JSON.stringify(p)));
  const baseOf = (p: Path) => (leanPlaces.has(JSON.stringify(p)) ? examples.lean : examples.full);
  const places = placesOf(examples.full);
  const others = places.flatMap((p) =>
    mutationsFor(valueAt(examples.full, p), p.length === 1)
      .slice(1)
      .map((m) => [p, m] as const),
  );
  const stride = Math.max(1, Math.ceil(others.length / budget));
  return [
    ...places.map((p) => serialise(replaceAt(baseOf(p), p, CORE))),
    ...others.filter((_, k) => k % stride === offset % stride).map(([p, m]) => serialise(replaceAt(baseOf(p), p, m))),
  ];
}

/** Bodies that are not the schema's at all: broken JSON, deep nesting, a megabyte string, invalid UTF-8 bytes. */
export function rawBodies(example: unknown): Array<string | Uint8Array> {
  const text = JSON.stringify(example ?? {});
  const bytes = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));
  const invalidUtf8 = (s: string) => {
    const at = s.indexOf('":"');
    return at < 0
      ? bytes('{"a":"\xff\xfe\xc3\x28"}')
      : new Uint8Array(
          Buffer.concat([
            Buffer.from(s.slice(0, at + 3)),
            Buffer.from([0xff, 0xc3, 0x28, 0xed, 0xa0, 0x80]),
            Buffer.from(s.slice(at + 3)),
          ]),
        );
  };
  return [
    '',
    '{',
    '{"a":',
    'not json',
    '\u0000',
    '[1,2',
    `${text}}`,
    `${text.slice(0, -1)},}`,
    'null',
    '[]',
    '"x"',
    '1e309',
    deep(10_000),
    `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`,
    JSON.stringify('x'.repeat(1024 * 1024)),
    invalidUtf8(text),
    bytes('\xef\xbb\xbf{}'),
  ];
}

/** Query and path values that are hostile to a parser or a database. */
export const HOSTILE_PARAMS = [
  '%00',
  'a%00b',
  '%C3%28',
  '%FF',
  '%E2%80%AE%1B',
  '%ED%A0%80',
  '%',
  '0',
  '-1',
  '2147483648',
  '9223372036854775808',
  '1e309',
  'NaN',
  'abc',
  'x'.repeat(10_000),
];
