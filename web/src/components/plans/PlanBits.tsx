// Small pieces of the plan pages: status badge, unit names (with the uncertain ones marked), the "06 rõ" marks.
import { Fragment } from 'react';
import { Group, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconAlertTriangleFilled, IconCircleCheckFilled, IconCircleXFilled } from '@tabler/icons-react';
import type { Finding, UnitRef } from '../../api/types.ts';
import { StatusBadge } from '../StatusBadge.tsx';
import { formatShare } from '../../format.ts';
import { clarityOf, isUncertainRef, planStatusLabel, planStatusTone } from './planFormat.ts';

export function PlanStatusBadge({ status, label, size }: { status: string; label?: string; size?: 'sm' | 'md' }) {
  return (
    <StatusBadge tone={planStatusTone(status)} size={size}>
      {label ?? planStatusLabel(status)}
    </StatusBadge>
  );
}

/** Unit names of a task, one per line; uncertain ones (not in the register, low confidence) highlighted when asked. */
export function UnitRefList({
  refs,
  highlight = false,
  empty = '—',
}: {
  refs: readonly UnitRef[];
  highlight?: boolean;
  empty?: string;
}) {
  if (!refs.length)
    return (
      <Text size="sm" c="dimmed" component="span">
        {empty}
      </Text>
    );
  return (
    <ul className="ref-list">
      {refs.map((r, i) => {
        const uncertain = highlight && isUncertainRef(r);
        const official = r.unitName && r.unitName !== r.text ? r.unitName : null;
        return (
          <li key={`${r.text}-${i}`} className={uncertain ? 'uncertain' : undefined}>
            <span>{r.text}</span>
            {uncertain ? (
              <Text span size="xs" className="uncertain-note">
                {' '}
                {r.unitId === null
                  ? '(chưa có trong danh mục)'
                  : `(chưa chắc chắn, độ tin cậy ${formatShare(r.confidence)})`}
              </Text>
            ) : null}
            {official && (highlight || uncertain) ? (
              <Text span size="xs" c="dimmed" display="block">
                Trong danh mục: {official}
              </Text>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

const MARK_ICON = {
  ok: <IconCircleCheckFilled size={16} aria-hidden />,
  note: <IconAlertTriangleFilled size={16} aria-hidden />,
  problem: <IconCircleXFilled size={16} aria-hidden />,
};
const MARK_WORD = { ok: 'đạt', note: 'cần lưu ý', problem: 'chưa rõ' };

/** "Rõ người · Rõ việc · Rõ thời gian · Rõ kết quả" for a task: green when fine, red when a finding says otherwise. */
export function ClarityMarks({ findings }: { findings: readonly Finding[] }) {
  const marks = clarityOf(findings);
  return (
    <Group gap={6} wrap="wrap" className="clarity" role="list" aria-label="06 rõ">
      {marks.map((m) => {
        const tip = m.findings.length ? m.findings.map((f) => f.message).join('\n') : `${m.label}: đạt`;
        return (
          <Fragment key={m.key}>
            <Tooltip label={tip} multiline maw={320} withArrow events={{ hover: true, focus: true, touch: true }}>
              <span
                className={`clarity-mark clarity-${m.state}`}
                role="listitem"
                tabIndex={m.findings.length ? 0 : undefined}
              >
                {MARK_ICON[m.state]}
                {m.label}
                <VisuallyHidden>: {MARK_WORD[m.state]}</VisuallyHidden>
              </span>
            </Tooltip>
          </Fragment>
        );
      })}
    </Group>
  );
}

/** A value of a task field as text: lists joined, empties shown as "(trống)". */
function asText(v: unknown): string {
  if (v === null || v === undefined || v === '') return '';
  if (Array.isArray(v)) return v.map(String).join('; ');
  return String(v);
}

/** Before → after of one field: lists item by item (removed struck through, added underlined), texts whole. */
export function ValueDiff({ before, after }: { before: unknown; after: unknown }) {
  if (Array.isArray(before) || Array.isArray(after)) {
    const b = (Array.isArray(before) ? before : []).map(String);
    const a = (Array.isArray(after) ? after : []).map(String);
    const items = [
      ...a.map((x) => ({ text: x, kind: b.includes(x) ? 'same' : 'added' })),
      ...b.filter((x) => !a.includes(x)).map((x) => ({ text: x, kind: 'removed' })),
    ];
    return (
      <ul className="diff-list">
        {items.map((it, i) => (
          <li key={`${it.kind}-${i}`}>
            {it.kind === 'added' ? (
              <ins className="diff-ins">
                <VisuallyHidden>Thêm: </VisuallyHidden>
                {it.text}
              </ins>
            ) : it.kind === 'removed' ? (
              <del className="diff-del">
                <VisuallyHidden>Bỏ: </VisuallyHidden>
                {it.text}
              </del>
            ) : (
              <span>{it.text}</span>
            )}
          </li>
        ))}
      </ul>
    );
  }
  const b = asText(before);
  const a = asText(after);
  return (
    <Text size="sm" component="div" style={{ overflowWrap: 'anywhere' }}>
      <del className="diff-del">
        <VisuallyHidden>Trước: </VisuallyHidden>
        {b || '(trống)'}
      </del>
      {' → '}
      <ins className="diff-ins">
        <VisuallyHidden>Sau: </VisuallyHidden>
        {a || '(trống)'}
      </ins>
    </Text>
  );
}
