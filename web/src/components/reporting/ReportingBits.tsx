// Small pieces of the reporting pages: report status and submission state badges, the totals of a period.
import { SimpleGrid, Text } from '@mantine/core';
import type { ReportStatus, RollupTotals, SubmissionState } from '../../api/types.ts';
import { formatNumber, formatPercent, REPORT_STATUS_LABEL, SUBMISSION_STATE_LABEL } from '../../format.ts';
import { StatusBadge, type Tone } from '../StatusBadge.tsx';

const REPORT_TONE: Record<ReportStatus, Tone> = {
  draft: 'gray',
  approved: 'blue',
  submitted: 'blue',
  accepted: 'green',
  returned: 'red',
};

export function ReportStatusBadge({ status, size }: { status: ReportStatus | null; size?: 'sm' | 'md' }) {
  if (!status)
    return (
      <StatusBadge tone="gray" size={size}>
        Chưa lập báo cáo
      </StatusBadge>
    );
  return (
    <StatusBadge tone={REPORT_TONE[status] ?? 'gray'} size={size}>
      {REPORT_STATUS_LABEL[status] ?? status}
    </StatusBadge>
  );
}

export const STATE_TONE: Record<SubmissionState, Tone> = {
  onTime: 'green',
  late: 'orange',
  missing: 'red',
  returned: 'red',
  pending: 'gray',
};
/** Chart colours of the submission states (Mantine colour names). */
export const STATE_COLOR: Record<SubmissionState, string> = {
  onTime: 'green.7',
  late: 'orange.6',
  returned: 'red.4',
  missing: 'red.8',
  pending: 'gray.5',
};

export function SubmissionStateBadge({ state, size }: { state: SubmissionState; size?: 'sm' | 'md' }) {
  return (
    <StatusBadge tone={STATE_TONE[state] ?? 'gray'} size={size}>
      {SUBMISSION_STATE_LABEL[state] ?? state}
    </StatusBadge>
  );
}

/** Expected / received / on time / late / returned / missing / pending, as a list of figures. */
export function TotalsList({
  totals,
  label,
  compact = false,
}: {
  totals: RollupTotals;
  label: string;
  compact?: boolean;
}) {
  const items: Array<[string, string, string?]> = [
    ['Phải báo cáo', formatNumber(totals.expected)],
    ['Đã nhận', formatNumber(totals.received), formatPercent(totals.receivedRate)],
    ['Đúng hạn', formatNumber(totals.onTime), formatPercent(totals.onTimeRate)],
    ['Quá hạn', formatNumber(totals.late)],
    ['Bị trả lại', formatNumber(totals.returned)],
    ['Chưa gửi, quá hạn', formatNumber(totals.missing)],
    ['Chưa đến hạn', formatNumber(totals.pending)],
    ['Đã tiếp nhận', formatNumber(totals.accepted)],
  ];
  const shown = compact
    ? items.filter(([k]) => ['Phải báo cáo', 'Đã nhận', 'Đúng hạn', 'Chưa gửi, quá hạn'].includes(k))
    : items;
  return (
    <SimpleGrid component="dl" cols={{ base: 2, xs: 4 }} spacing="xs" verticalSpacing="xs" aria-label={label} m={0}>
      {shown.map(([k, v, sub]) => (
        <div key={k} className="stat">
          <Text component="dt" size="xs" c="dimmed">
            {k}
          </Text>
          <Text component="dd" fw={700} fz="xl" m={0} lh={1.2}>
            {v}
            {sub ? (
              <Text span size="xs" c="dimmed" fw={500}>
                {' '}
                ({sub})
              </Text>
            ) : null}
          </Text>
        </div>
      ))}
    </SimpleGrid>
  );
}
