// What the contract modules (plans, tracking, reporting) share: the primitives their answers are written with.
// Pure: no node: modules, no database, nothing from src/modules. Also the primitives every input string is made of.
import { z } from '@hono/zod-openapi';
import { cleanText, refineText, scrubImportedText, type TextRule } from '../domain/input-text.ts';

/** A union the domain gives as the keys of its label record: the enum stays exhaustive by construction. */
export const keysOf = <K extends string>(labels: Record<K, string>) => Object.keys(labels) as [K, ...K[]];

/** YYYY-MM-DD (a calendar day in Việt Nam). */
export const IsoDay = z.string().openapi({ format: 'date' });
/** An instant, ISO 8601 with time zone. */
export const Instant = z.string().openapi({ format: 'date-time' });

// ---------------------------------------------------------------- what people send (src/domain/input-text.ts)
// Every input string is one of these: the value is cleaned first (NFC; invisible characters out of one-line texts),
// then refused with a message naming the field when it holds control characters, direction overrides or stacked
// marks. They stay z.string() (cleaning is an overwrite step), so the OpenAPI document and JSON Schema keep "string".

const text = (rule: TextRule, max: number, min: number, trim = true) => {
  const cleaned = z.string().overwrite((v) => cleanText(v, rule));
  const s = (trim ? cleaned.trim() : cleaned).superRefine(refineText(rule));
  return (min > 0 ? s.min(min) : s).max(max);
};

/** A unit's or a person's name: one line, whitespace collapsed, zero-width characters removed, at least one letter. */
export const Name = (max = 200, min = 2) => text('name', max, min);
/** Any other one-line text: a reason, a title, a number as written, a file name. */
export const ShortText = (max: number, min = 0) => text('line', max, min);
/**
 * Text with paragraphs (tabs and line breaks kept, CR LF read as LF): narratives, content, answers. Trimmed, except
 * where its lines are counted (a plan's source text, which findings point into by line number).
 */
export const LongText = (max: number, min = 0, trim = true) => text('long', max, min, trim);
/** What is typed in a search box (?q=). */
export const SearchQuery = (max = 200, min = 1) => text('query', max, min);
/** A code ("38.SKHCN", "PVHXH", a document number): one word, no spaces. */
export const Code = (max: number, min = 0) => text('line', max, min).regex(/^\S*$/, 'Mã không được chứa khoảng trắng.');
/**
 * A file's name as the person's computer gives it. A file is not a form: stray control characters and direction
 * overrides are dropped rather than refused (the evidence service then also removes folders and reserved characters).
 */
export const FileName = (max: number) =>
  z
    .string()
    .overwrite((v) => cleanText(scrubImportedText(v), 'line'))
    .min(1)
    .max(max);
/** A file's content as base64 (as FileReader and Buffer write it). */
export const Base64 = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .regex(/^[A-Za-z0-9+/=_\s-]*$/, 'Nội dung tệp phải được mã hóa base64.');

// ---------------------------------------------------------------- numbers and days people send
// One definition each, so every route refuses the same way and the web app validates with the same rules.

const INT4_MAX = 2_147_483_647;
/** A record's id in a body (a PostgreSQL integer key). */
export const Id = z.number().int().positive().max(INT4_MAX);
/** A record's id in a query string or a path (?unitId=12): coerced from text, then the same rule. */
export const QueryId = z.coerce.number().int().positive().max(INT4_MAX);
/** A calendar day as people send it: YYYY-MM-DD. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải theo dạng YYYY-MM-DD.')
  .openapi({ format: 'date' });
/** A calendar year the product plans for. */
export const Year = z.number().int().min(1900, 'Năm phải từ 1900 đến 2199.').max(2199, 'Năm phải từ 1900 đến 2199.');
/** A year in a query string (?year=2026). */
export const QueryYear = z.coerce
  .number()
  .int()
  .min(1900, 'Năm phải từ 1900 đến 2199.')
  .max(2199, 'Năm phải từ 1900 đến 2199.');
/** How many items a list answer may carry (?limit=): `Limit(500, 50)` allows 1–500, 50 when absent. */
export const Limit = (max = 200, fallback = 50) => z.coerce.number().int().min(1).max(max).default(fallback);
/** Where a list page starts (?offset=). */
export const Offset = z.coerce.number().int().min(0).max(1_000_000).default(0);
