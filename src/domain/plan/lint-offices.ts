// Offices that do not exist for this plan: one this kind of commune does not have (a xã has a Phòng Kinh tế, a
// phường a Phòng Kinh tế, Hạ tầng và Đô thị: Nghị định 150/2025/NĐ-CP), and offices abolished by the 2025
// reorganisation (district offices from 1/7/2025, the merged ministries and sở from 1/3/2025), with the successor.
// Pure.
import { fold } from '../text.ts';
import { type Findings, quote, taskLocation } from './lint-common.ts';
import type { PlanDraft, UnitRef } from './model.ts';

type CommuneKind = 'xa' | 'phuong';

interface Abolished {
  name: string;
  /** From this date on the office no longer exists. */
  since: string;
  successor: string | Record<CommuneKind, string>;
}

const ECONOMY = { xa: 'Phòng Kinh tế', phuong: 'Phòng Kinh tế, Hạ tầng và Đô thị' };

/** Names as written in plans before the reorganisation; the successor is the office that took over the work. */
export const ABOLISHED_OFFICES: readonly Abolished[] = [
  { name: 'Phòng Tài chính - Kế hoạch', since: '2025-07-01', successor: ECONOMY },
  { name: 'Phòng Tài chính Kế hoạch', since: '2025-07-01', successor: ECONOMY },
  { name: 'Phòng Tài nguyên và Môi trường', since: '2025-07-01', successor: ECONOMY },
  { name: 'Phòng Nông nghiệp và Phát triển nông thôn', since: '2025-07-01', successor: ECONOMY },
  { name: 'Phòng Kinh tế và Hạ tầng', since: '2025-07-01', successor: ECONOMY },
  { name: 'Phòng Quản lý đô thị', since: '2025-07-01', successor: 'Phòng Kinh tế, Hạ tầng và Đô thị' },
  { name: 'Phòng Lao động - Thương binh và Xã hội', since: '2025-07-01', successor: 'Phòng Văn hóa - Xã hội' },
  { name: 'Phòng Văn hóa và Thông tin', since: '2025-07-01', successor: 'Phòng Văn hóa - Xã hội' },
  { name: 'Phòng Giáo dục và Đào tạo', since: '2025-07-01', successor: 'Phòng Văn hóa - Xã hội' },
  { name: 'Phòng Y tế', since: '2025-07-01', successor: 'Phòng Văn hóa - Xã hội' },
  { name: 'Phòng Tư pháp', since: '2025-07-01', successor: 'Văn phòng HĐND và UBND' },
  { name: 'Sở Thông tin và Truyền thông', since: '2025-03-01', successor: 'Sở Khoa học và Công nghệ' },
  { name: 'Sở Kế hoạch và Đầu tư', since: '2025-03-01', successor: 'Sở Tài chính' },
  { name: 'Sở Tài nguyên và Môi trường', since: '2025-03-01', successor: 'Sở Nông nghiệp và Môi trường' },
  { name: 'Sở Nông nghiệp và Phát triển nông thôn', since: '2025-03-01', successor: 'Sở Nông nghiệp và Môi trường' },
  { name: 'Sở Giao thông vận tải', since: '2025-03-01', successor: 'Sở Xây dựng' },
  { name: 'Sở Lao động - Thương binh và Xã hội', since: '2025-03-01', successor: 'Sở Nội vụ' },
  { name: 'Bộ Thông tin và Truyền thông', since: '2025-03-01', successor: 'Bộ Khoa học và Công nghệ' },
  { name: 'Bộ Kế hoạch và Đầu tư', since: '2025-03-01', successor: 'Bộ Tài chính' },
  { name: 'Bộ Tài nguyên và Môi trường', since: '2025-03-01', successor: 'Bộ Nông nghiệp và Môi trường' },
  { name: 'Bộ Nông nghiệp và Phát triển nông thôn', since: '2025-03-01', successor: 'Bộ Nông nghiệp và Môi trường' },
  { name: 'Bộ Giao thông vận tải', since: '2025-03-01', successor: 'Bộ Xây dựng' },
  { name: 'Bộ Lao động - Thương binh và Xã hội', since: '2025-03-01', successor: 'Bộ Nội vụ' },
];

const key = (s: string) =>
  fold(s)
    .replace(/\s*[-–]\s*/g, ' - ')
    .replace(/\s+/g, ' ')
    .trim();

function communeKind(plan: PlanDraft): CommuneKind | null {
  const f = ` ${fold(`${plan.document.issuer?.text ?? ''} ${plan.document.issuer?.unitName ?? ''}`)} `;
  if (/ phuong /.test(f)) return 'phuong';
  if (/ xa /.test(f)) return 'xa';
  return null;
}

/** The office named alone or with its commune's kind ("Phòng Kinh tế xã"), not another commune's. */
function names(ref: UnitRef, office: string): boolean {
  const t = key(ref.text).replace(/[.,;]+$/u, '');
  const o = key(office);
  return t === o || t === `${o} xa` || t === `${o} phuong`;
}

/** When the plan speaks: its date, else the first day of its year; null when neither is known. */
function planDay(plan: PlanDraft): string | null {
  return plan.document.date ?? (plan.document.year ? `${plan.document.year}-01-01` : null);
}

export function checkOffices(plan: PlanDraft, out: Findings): void {
  const kind = communeKind(plan);
  const day = planDay(plan);
  for (const t of plan.tasks) {
    for (const [field, refs] of [
      ['lead', t.lead],
      ['coordinators', t.coordinators],
    ] as const) {
      const severity = field === 'lead' ? 'error' : 'warning';
      for (const ref of refs) {
        if (ref.group) continue;
        if (kind) {
          const other = kind === 'xa' ? ECONOMY.phuong : ECONOMY.xa;
          if (names(ref, other) && !(kind === 'phuong' && /ha tang/.test(key(ref.text)))) {
            out.add(
              'unit.notInCommuneKind',
              severity,
              taskLocation(plan, t, field),
              `Nhiệm vụ ${t.number}: ${quote(ref.text)} là phòng của ${kind === 'xa' ? 'phường' : 'xã'}; ${kind === 'xa' ? 'xã' : 'phường'} có ${quote(ECONOMY[kind])}.`,
              `Giao cho ${ECONOMY[kind]}.`,
            );
          }
        }
        if (!day) continue;
        const gone = ABOLISHED_OFFICES.find(
          (a) => day >= a.since && (names(ref, a.name) || key(ref.text).startsWith(`${key(a.name)} `)),
        );
        if (!gone) continue;
        const successor =
          typeof gone.successor === 'string'
            ? gone.successor
            : kind
              ? gone.successor[kind]
              : `${gone.successor.xa} (xã) hoặc ${gone.successor.phuong} (phường)`;
        out.add(
          'unit.abolished',
          severity,
          taskLocation(plan, t, field),
          `Nhiệm vụ ${t.number}: ${quote(ref.text)} không còn từ ngày ${gone.since.split('-').reverse().join('/')} (sắp xếp tổ chức bộ máy năm 2025); nhiệm vụ nay thuộc ${successor}.`,
          `Giao cho ${successor}.`,
        );
      }
    }
  }
}
