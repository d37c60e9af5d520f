// A small register of laws and decrees that plans cite, with their numbers and dates, so a law cited with a number
// that is not its own is caught ("Luật Trí tuệ nhân tạo số 143/2025/QH15"). It grows with use; sources in
// reference-data/SOURCES.md. Pure data and a pure check.
import { fold, normalizeText } from '../text.ts';
import { type Findings, type Located, quote, texts } from './lint-common.ts';
import type { PlanDraft } from './model.ts';

export interface LegalDocument {
  name: string;
  /** "134/2025/QH15", "30/2020/NĐ-CP". */
  number: string;
  /** YYYY-MM-DD, the day it was passed or signed. */
  date: string;
}

export const LEGAL_REGISTER: readonly LegalDocument[] = [
  { name: 'Luật Trí tuệ nhân tạo', number: '134/2025/QH15', date: '2025-12-10' },
  { name: 'Luật Dữ liệu', number: '60/2024/QH15', date: '2024-11-30' },
  { name: 'Luật Bảo vệ dữ liệu cá nhân', number: '91/2025/QH15', date: '2025-06-26' },
  { name: 'Luật Công nghiệp công nghệ số', number: '71/2025/QH15', date: '2025-06-14' },
  { name: 'Luật Khoa học, công nghệ và đổi mới sáng tạo', number: '93/2025/QH15', date: '2025-06-27' },
  { name: 'Luật Tổ chức chính quyền địa phương', number: '72/2025/QH15', date: '2025-06-16' },
  { name: 'Luật Tổ chức Chính phủ', number: '63/2025/QH15', date: '2025-02-18' },
  { name: 'Luật Ban hành văn bản quy phạm pháp luật', number: '64/2025/QH15', date: '2025-02-19' },
  { name: 'Luật Giao dịch điện tử', number: '20/2023/QH15', date: '2023-06-22' },
  { name: 'Luật Thực hiện dân chủ ở cơ sở', number: '10/2022/QH15', date: '2022-11-10' },
  { name: 'Luật Phổ biến, giáo dục pháp luật', number: '14/2012/QH13', date: '2012-06-20' },
  { name: 'Nghị định quy định chi tiết Luật Trí tuệ nhân tạo', number: '142/2026/NĐ-CP', date: '2026-04-30' },
  { name: 'Nghị định về công tác văn thư', number: '30/2020/NĐ-CP', date: '2020-03-05' },
  {
    name: 'Nghị định quy định chế độ báo cáo của cơ quan hành chính nhà nước',
    number: '09/2019/NĐ-CP',
    date: '2019-01-24',
  },
];

const LAWS = LEGAL_REGISTER.filter((l) => l.name.startsWith('Luật '));

/** The register's law of that name, however its letters are cased ("Luật Trí tuệ Nhân tạo" → Luật Trí tuệ nhân tạo). */
export function registeredLaw(name: string): LegalDocument | undefined {
  return LAWS.find((l) => sameName(name, l.name));
}

const REGISTERED_LAW_NAMES = new RegExp(
  `(?<!\\p{L})(?:${[...LAWS]
    .sort((a, b) => b.name.length - a.name.length)
    .map((l) => l.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'))
    .join('|')})(?!\\p{L})`,
  'giu',
);

/**
 * A text with the registered laws named as they name themselves: "Luật Trí tuệ Nhân tạo" → "Luật Trí tuệ nhân tạo"
 * (only the case of letters changes; Nghị định 30/2020/NĐ-CP capitalises the first word and proper names only).
 */
export function spellLawNames(text: string): string {
  return text.replace(REGISTERED_LAW_NAMES, (found) => registeredLaw(found)?.name ?? found);
}

/** "Luật Trí tuệ nhân tạo số 143/2025/QH15": a name, then its number. */
const CITED_LAW = /(?<!\p{L})(Luật\s+[^;:()]{2,120}?)\s+số\s*:?\s*(\d+\/\d{4}\/QH\d{1,2})(?!\d)/gu;

function sameName(written: string, name: string): boolean {
  return fold(normalizeText(written)).replace(/[,.]/g, '') === fold(name).replace(/[,.]/g, '');
}

/** A law cited with a number that is not its own (and, when known, the law that number belongs to). */
export function checkLawNumbers(plan: PlanDraft, out: Findings): void {
  const seen: Located[] = texts(plan);
  for (const { text, location } of seen) {
    for (const m of text.matchAll(CITED_LAW)) {
      // The name is the longest tail of the words before "số" that is a registered law's name.
      const words = m[1]!.split(/\s+/);
      let law: LegalDocument | undefined;
      for (let k = 0; k < words.length - 1 && !law; k++) {
        const candidate = words.slice(k).join(' ');
        if (!/^Luật\s/u.test(candidate)) continue;
        law = LAWS.find((l) => sameName(candidate, l.name));
      }
      if (!law || law.number === m[2]) continue;
      const owner = LEGAL_REGISTER.find((l) => l.number === m[2]);
      out.add(
        'law.numberMismatch',
        'error',
        location,
        `${law.name} có số hiệu ${law.number}, văn bản ghi ${quote(m[2]!)}${owner ? ` (là số hiệu của ${owner.name})` : ''}.`,
        `Sửa thành "${law.name} số ${law.number}".`,
      );
    }
  }
}

/** A draft with every registered law named as it names itself (title, basis, sections, groups, tasks). */
export function spellLawNamesIn(plan: PlanDraft): PlanDraft {
  const d = plan.document;
  const opt = (t: string | null) => (t === null ? null : spellLawNames(t));
  return {
    ...plan,
    document: {
      ...d,
      title: spellLawNames(d.title),
      basis: d.basis.map((b) => ({ ...b, title: opt(b.title), text: spellLawNames(b.text) })),
    },
    sections: plan.sections.map((s) => ({
      ...s,
      blocks: s.blocks.map((b) => ({ ...b, text: spellLawNames(b.text) })),
    })),
    groups: plan.groups.map((g) => ({ ...g, title: spellLawNames(g.title) })),
    tasks: plan.tasks.map((t) => ({
      ...t,
      title: spellLawNames(t.title),
      content: opt(t.content),
      deliverables: t.deliverables.map(spellLawNames),
    })),
  };
}
