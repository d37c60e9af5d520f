import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { Button, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import type { PlanDetail, PlanStatus } from '../../api/types.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Section } from '../../components/Section.tsx';
import { PlanStatusBadge } from '../../components/plans/PlanBits.tsx';
import { fold, PLAN_STATUS_LABEL } from '../../components/plans/planFormat.ts';
import { count } from '../../format.ts';
import { paths } from '../../paths.ts';
import { SearchField } from '../../components/FilterFields.tsx';

type ChildFilter = 'all' | PlanStatus;
export function ChildrenSection({ detail }: { detail: PlanDetail }) {
  const { children, plan, can } = detail;
  const [text, setText] = useState('');
  const [status, setStatus] = useState<ChildFilter>('all');
  const [shown, setShown] = useState(20);
  const counts = useMemo(() => {
    const m = new Map<string, number>();
    for (const c of children.visible) m.set(c.status, (m.get(c.status) ?? 0) + 1);
    return m;
  }, [children.visible]);
  const q = fold(text);
  const list = children.visible.filter(
    (c) => (status === 'all' || c.status === status) && (!q || fold(c.unitName).includes(q)),
  );
  const statuses = (Object.keys(PLAN_STATUS_LABEL) as PlanStatus[]).filter((s) => counts.get(s));

  return (
    <Section
      title="Kế hoạch của xã, phường"
      id="cap-duoi"
      extra={
        <Text size="sm" c="dimmed">
          {count(children.total, 'kế hoạch')}
        </Text>
      }
    >
      <Stack gap="sm">
        <Group gap={6}>
          {statuses.map((s) => (
            <PlanStatusBadge key={s} status={s} label={`${PLAN_STATUS_LABEL[s]}: ${counts.get(s)}`} size="sm" />
          ))}
        </Group>
        {children.visible.length > 8 ? (
          <>
            <SearchField
              label="Tìm xã, phường"
              placeholder="Gõ tên, có thể không dấu"
              value={text}
              onChange={(e) => {
                setText(e.currentTarget.value);
                setShown(20);
              }}
            />
            {statuses.length > 1 ? (
              <SegmentedControl
                size="xs"
                value={status}
                onChange={(v) => {
                  setStatus(v as ChildFilter);
                  setShown(20);
                }}
                data={[
                  { value: 'all', label: 'Tất cả' },
                  ...statuses.map((s) => ({ value: s, label: PLAN_STATUS_LABEL[s] })),
                ]}
                aria-label="Lọc theo trạng thái"
                style={{ alignSelf: 'flex-start' }}
              />
            ) : null}
          </>
        ) : null}
        {list.length ? (
          <ul className="tap-list" aria-label="Kế hoạch của xã, phường">
            {list.slice(0, shown).map((c) => (
              <li key={c.id}>
                <Link to={paths.plan(c.id)}>
                  <Group justify="space-between" gap="xs" wrap="nowrap">
                    <Text className="tap-title" c="thBlue.8" fw={500} size="sm">
                      {c.unitName}
                    </Text>
                    <PlanStatusBadge status={c.status} size="sm" />
                  </Group>
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          <EmptyState title="Không có xã, phường nào khớp" />
        )}
        <Group gap="xs">
          {list.length > shown ? (
            <Button variant="default" size="xs" onClick={() => setShown((n) => n + 50)}>
              Xem thêm ({list.length - shown})
            </Button>
          ) : null}
          <Button variant="subtle" size="xs" component={Link} to={paths.planChildren(plan.id)}>
            Mở trong danh sách kế hoạch
          </Button>
          {can.cascade ? (
            <Button variant="subtle" size="xs" component={Link} to={paths.planCascade(plan.id)}>
              Triển khai thêm
            </Button>
          ) : null}
        </Group>
      </Stack>
    </Section>
  );
}
