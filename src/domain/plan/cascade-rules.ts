// What a province's cascade rule table must hold before it is saved (the rules themselves apply in cascade.ts).
import { invalid } from '../errors.ts';
import type { CascadeRule } from './cascade.ts';

/** Each rule names where it applies (a unit code or a phrase) and what it becomes (an office or a text). */
export function checkCascadeRules(rules: CascadeRule[]): void {
  for (const [i, r] of rules.entries()) {
    if (!r.fromCode && !r.fromText) {
      throw invalid('cascade.rule_from', `Dòng ${i + 1}: cần mã đơn vị hoặc cụm từ nguồn.`, [
        { path: `rules.${i}`, message: 'Nhập mã đơn vị (ví dụ 38.SKHCN) hoặc cụm từ.' },
      ]);
    }
    if (!r.toOffice && r.toText === undefined) {
      throw invalid('cascade.rule_to', `Dòng ${i + 1}: cần phòng/đơn vị đích hoặc văn bản thay thế.`, [
        { path: `rules.${i}`, message: 'Chọn phòng đích hoặc nhập văn bản thay thế.' },
      ]);
    }
  }
}
