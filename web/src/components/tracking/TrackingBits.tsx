// Small pieces of the tracking pages: the four-state status badge, a labelled progress bar, a deliverable in words,
// an evidence download link, an obstacle card.
import type { ReactNode } from 'react';
import { Anchor, Group, Progress, Stack, Text } from '@mantine/core';
import { IconDownload, IconExternalLink } from '@tabler/icons-react';
import type { Deliverable, DeliverableKind, EvidenceFile, ObstacleStatus, TaskStatus } from '../../api/types.ts';
import { evidenceUrl } from '../../api/tracking.ts';
import {
  deliverableKindLabel,
  formatDay,
  formatNumber,
  formatPercent,
  formatSize,
  OBSTACLE_STATUS_LABEL,
  TASK_STATUS_LABEL,
} from '../../format.ts';
import { StatusBadge, type Tone } from '../StatusBadge.tsx';

export const TASK_STATUS_TONE: Record<TaskStatus, Tone> = {
  doneOnTime: 'green',
  doneLate: 'orange',
  inProgress: 'blue',
  overdue: 'red',
};

/** Chart colours of the four states (Mantine colour names), in the order of TASK_STATUSES. */
export const TASK_STATUS_COLOR: Record<TaskStatus, string> = {
  doneOnTime: 'green.7',
  doneLate: 'orange.6',
  inProgress: 'thBlue.5',
  overdue: 'red.7',
};

export function TaskStatusBadge({ status, size }: { status: TaskStatus; size?: 'sm' | 'md' }) {
  return (
    <StatusBadge tone={TASK_STATUS_TONE[status] ?? 'gray'} size={size}>
      {TASK_STATUS_LABEL[status] ?? status}
    </StatusBadge>
  );
}

const OBSTACLE_TONE: Record<ObstacleStatus, Tone> = { open: 'orange', answered: 'green', closed: 'gray' };

export function ObstacleStatusBadge({ status, size }: { status: ObstacleStatus; size?: 'sm' | 'md' }) {
  return (
    <StatusBadge tone={OBSTACLE_TONE[status] ?? 'gray'} size={size}>
      {OBSTACLE_STATUS_LABEL[status] ?? status}
    </StatusBadge>
  );
}

/** "40%" with a bar; the bar is decorative, the number is the text. */
export function PercentBar({ value, label = 'Tiến độ' }: { value: number; label?: string }) {
  return (
    <Group gap="xs" wrap="nowrap">
      <Progress
        value={value}
        size="md"
        radius="xl"
        style={{ flex: 1, minWidth: 60 }}
        aria-hidden
        color={value >= 100 ? 'green.7' : 'thBlue.7'}
      />
      <Text size="sm" fw={600} w={44} ta="right">
        <span className="sr-only">{label}: </span>
        {formatPercent(value)}
      </Text>
    </Group>
  );
}

/** The fields that matter for each kind of deliverable (a conference asks its participants, a document its number…). */
export const KIND_FIELDS: Record<
  DeliverableKind,
  { participants?: boolean; documentNumber?: boolean; link?: boolean; titleLabel: string; titleHint: string }
> = {
  conference: {
    participants: true,
    titleLabel: 'Tên hội nghị, hội thảo',
    titleHint: 'Ví dụ: Hội nghị quán triệt Luật Trí tuệ nhân tạo',
  },
  training: {
    participants: true,
    titleLabel: 'Tên lớp tập huấn',
    titleHint: 'Ví dụ: Tập huấn kỹ năng sử dụng trí tuệ nhân tạo cho cán bộ',
  },
  document: {
    documentNumber: true,
    titleLabel: 'Trích yếu văn bản',
    titleHint: 'Ví dụ: Kế hoạch tuyên truyền Luật Trí tuệ nhân tạo',
  },
  plan: { documentNumber: true, titleLabel: 'Tên kế hoạch, chương trình', titleHint: '' },
  report: { documentNumber: true, titleLabel: 'Tên báo cáo', titleHint: '' },
  article: {
    link: true,
    titleLabel: 'Tên tin, bài',
    titleHint: 'Ví dụ: Phường Nam Sầm Sơn phổ biến Luật Trí tuệ nhân tạo',
  },
  dataset: { link: true, titleLabel: 'Tên bộ dữ liệu', titleHint: '' },
  other: { link: true, titleLabel: 'Tên sản phẩm', titleHint: '' },
};

/** One deliverable in words: kind, title, date and the kind's own details. */
export function DeliverableLine({
  d,
}: {
  d: Pick<Deliverable, 'kind' | 'title' | 'occurredOn' | 'participants' | 'documentNumber' | 'link'> & {
    kindLabel?: string;
  };
}) {
  const details: ReactNode[] = [formatDay(d.occurredOn)];
  if (d.participants !== null && d.participants !== undefined)
    details.push(`${formatNumber(d.participants)} người tham dự`);
  if (d.documentNumber) details.push(`số ${d.documentNumber}`);
  return (
    <Stack gap={0}>
      <Text size="sm">
        <Text span fw={600} inherit>
          {d.kindLabel ?? deliverableKindLabel(d.kind)}:
        </Text>{' '}
        {d.title}
      </Text>
      <Text size="xs" c="dimmed">
        {details.join(' · ')}
        {d.link ? (
          <>
            {' · '}
            <Anchor
              href={d.link}
              target="_blank"
              rel="noopener noreferrer"
              size="xs"
              style={{ overflowWrap: 'anywhere' }}
            >
              Mở đường dẫn<span className="sr-only"> (mở trong thẻ mới)</span>{' '}
              <IconExternalLink size={12} aria-hidden />
            </Anchor>
          </>
        ) : null}
      </Text>
    </Stack>
  );
}

export function EvidenceLink({ file }: { file: EvidenceFile }) {
  return (
    <Anchor
      href={evidenceUrl(file.id)}
      download={file.filename}
      size="sm"
      style={{ overflowWrap: 'anywhere', display: 'inline-flex', gap: 4, alignItems: 'center' }}
    >
      <IconDownload size={14} aria-hidden />
      {file.filename}
      <Text span size="xs" c="dimmed">
        ({formatSize(file.size)})
      </Text>
    </Anchor>
  );
}
