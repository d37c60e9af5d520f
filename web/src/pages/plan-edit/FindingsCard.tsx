import { Alert, Anchor, Card, Group, Loader, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { IconCircleCheck } from '@tabler/icons-react';
import type { Finding } from '../../api/types.ts';
import { FindingCounts, FindingList, scrollToElement } from '../../components/plans/FindingList.tsx';
import { formatDateTime } from '../../format.ts';
import { paths } from '../../paths.ts';
import type { TaskForm } from './model.ts';

/** The review of the saved version: shown after each save, with a way to each task it is about. */
export function FindingsCard({
  planId,
  findings,
  savedAt,
  checking,
  tasks,
}: {
  planId: number;
  findings: readonly Finding[];
  savedAt: Date | null;
  checking: boolean;
  tasks: readonly TaskForm[];
}) {
  return (
    <Card withBorder radius="md" component="section" aria-labelledby="ket-qua-luu-tieu-de" id="ket-qua-luu">
      <Group justify="space-between" gap="xs" mb="xs">
        <Title order={2} size="h4" id="ket-qua-luu-tieu-de">
          {savedAt ? 'Đã lưu – kết quả rà soát' : 'Kết quả rà soát (bản đã lưu)'}
        </Title>
        {checking && savedAt ? <Loader size="xs" aria-label="Đang rà soát" /> : <FindingCounts findings={findings} />}
      </Group>
      {savedAt ? (
        <Alert color="green" variant="light" icon={<IconCircleCheck aria-hidden />} mb="sm" role="status">
          Đã lưu lúc {formatDateTime(savedAt)}.{' '}
          <Anchor component={Link} to={paths.plan(planId)} underline="always">
            Xem trang kế hoạch
          </Anchor>
        </Alert>
      ) : null}
      <details
        className="finding-more"
        open={!!savedAt || findings.some((f) => f.severity === 'error') || undefined}
        key={savedAt ? savedAt.getTime() : 0}
      >
        <summary>
          Chi tiết ({findings.length}){' '}
          <Text span size="xs" c="dimmed" fw={400}>
            bấm để mở, đóng
          </Text>
        </summary>
        <FindingList
          foldInfo
          findings={findings}
          onLocate={(f) => {
            const i = tasks.findIndex((t) => t.number === f.location.task);
            if (i >= 0) scrollToElement(`${tasks[i]!.key}-the`);
          }}
          locateLabel={(f) =>
            f.location.task && tasks.some((t) => t.number === f.location.task)
              ? `Đến nhiệm vụ ${f.location.task}`
              : null
          }
        />
      </details>
    </Card>
  );
}
