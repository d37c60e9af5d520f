import { Link } from 'react-router';
import { Alert, Box, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import type { CascadeResult, UnitWithCount } from '../../api/types.ts';
import { PlanStatusBadge } from '../../components/plans/PlanBits.tsx';
import { formatDuration } from '../../components/plans/planFormat.ts';
import { collator, count } from '../../format.ts';
import { paths } from '../../paths.ts';

export function CascadeDone({
  result,
  byId,
  planId,
}: {
  result: CascadeResult;
  byId: ReadonlyMap<number, UnitWithCount>;
  planId: number;
}) {
  const created = [...result.created].sort((a, b) =>
    collator.compare(byId.get(a.unitId)?.name ?? '', byId.get(b.unitId)?.name ?? ''),
  );
  return (
    <Stack gap="md">
      <Alert
        color={result.created.length ? 'green' : 'gray'}
        variant="light"
        icon={<IconCircleCheck aria-hidden />}
        role="status"
        title={
          result.created.length ? `Đã tạo ${count(result.created.length, 'kế hoạch')}` : 'Không tạo kế hoạch mới nào'
        }
      >
        Thời gian xử lý: {formatDuration(result.ms)}.
        {result.skipped.length ? ` Bỏ qua ${count(result.skipped.length, 'đơn vị')} đã có kế hoạch.` : ''}
      </Alert>
      {created.length ? (
        <Box component="section" aria-labelledby="da-tao">
          <Title order={3} size="h5" id="da-tao" mb={4}>
            Kế hoạch đã tạo (dự thảo)
          </Title>
          <ul className="tap-list" aria-label="Kế hoạch đã tạo" style={{ maxHeight: 420, overflow: 'auto' }}>
            {created.map((c) => (
              <li key={c.planId}>
                <Link to={paths.plan(c.planId)}>
                  <Group justify="space-between" gap="xs" wrap="nowrap">
                    <Text className="tap-title" c="thBlue.8" fw={500} size="sm">
                      {byId.get(c.unitId)?.name ?? `Đơn vị ${c.unitId}`}
                    </Text>
                    <PlanStatusBadge status="draft" size="sm" />
                  </Group>
                </Link>
              </li>
            ))}
          </ul>
        </Box>
      ) : null}
      {result.skipped.length ? (
        <Box component="section" aria-labelledby="bo-qua">
          <Title order={3} size="h5" id="bo-qua" mb={4}>
            Bỏ qua
          </Title>
          <ul className="tap-list">
            {result.skipped.map((s) => (
              <li key={s.unitId} style={{ padding: '6px 2px' }}>
                <Text size="sm">{s.unitName}</Text>
                <Text size="xs" c="dimmed">
                  {s.reason}
                </Text>
              </li>
            ))}
          </ul>
        </Box>
      ) : null}
      <Group gap="sm">
        <Button component={Link} to={paths.plan(planId)}>
          Về kế hoạch của tỉnh
        </Button>
        <Button variant="default" component={Link} to={paths.planChildren(planId)}>
          Danh sách kế hoạch của xã, phường
        </Button>
      </Group>
    </Stack>
  );
}
