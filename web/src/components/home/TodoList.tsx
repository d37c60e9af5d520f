// The home page starts from "what do I have to do": every item that waits for the person, grouped as the work is
// (plans, work, reports…), what is late first. Each item is a link to where it is done.
import { Link } from 'react-router';
import { Alert, Anchor, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconAlertCircle, IconChecks } from '@tabler/icons-react';
import { TODO_GROUP_LABEL, TODO_GROUPS } from '../../../../src/domain/todo.ts';
import { useMyTodo, type TodoEntry } from '../../api/todo.ts';
import { formatDay } from '../../format.ts';
import { EmptyState } from '../EmptyState.tsx';
import { StatusBadge, type Tone } from '../StatusBadge.tsx';

const URGENCY: Record<TodoEntry['urgency'], { tone: Tone; text: (due: string) => string } | null> = {
  late: { tone: 'red', text: (due) => `Quá hạn (${due})` },
  soon: { tone: 'orange', text: (due) => `Hạn ${due}` },
  later: { tone: 'gray', text: (due) => `Hạn ${due}` },
  none: null,
};

function TodoRow({ item }: { item: TodoEntry }) {
  const urgency = URGENCY[item.urgency];
  return (
    <Group
      justify="space-between"
      wrap="wrap"
      gap="xs"
      py={6}
      style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}
    >
      <Stack gap={0} style={{ minWidth: 0, flex: '1 1 16rem' }}>
        <Text size="xs" c="dimmed">
          {item.label}
        </Text>
        <Anchor component={Link} to={item.link} fw={500} style={{ overflowWrap: 'anywhere' }}>
          {item.title}
        </Anchor>
        {item.unitName ? (
          <Text size="sm" c="dimmed">
            {item.unitName}
          </Text>
        ) : null}
      </Stack>
      {urgency && item.dueDate ? (
        <StatusBadge tone={urgency.tone}>{urgency.text(formatDay(item.dueDate))}</StatusBadge>
      ) : null}
    </Group>
  );
}

export function TodoList() {
  const todo = useMyTodo();
  if (todo.isPending) return <Loader size="sm" aria-label="Đang tải việc cần làm" />;
  if (todo.isError) {
    return (
      <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />}>
        Chưa tải được việc cần làm: {todo.error.message}
      </Alert>
    );
  }
  const { items, counts } = todo.data;
  if (items.length === 0) {
    return (
      <EmptyState
        icon={<IconChecks size={26} stroke={1.6} />}
        title="Không có việc nào đang chờ bạn."
        description="Khi có báo cáo cần duyệt, nhiệm vụ sắp đến hạn hay khó khăn cần trả lời, việc đó sẽ hiện ở đây."
      />
    );
  }
  return (
    <Stack gap="md">
      <Text size="sm">
        {counts.total} việc{counts.late ? `, trong đó ${counts.late} việc quá hạn` : ''}
        {counts.soon ? `, ${counts.soon} việc đến hạn trong 7 ngày` : ''}.
      </Text>
      {TODO_GROUPS.map((group) => {
        const inGroup = items.filter((i) => i.group === group);
        if (inGroup.length === 0) return null;
        return (
          <Card key={group} withBorder padding="md" radius="md">
            <Title order={3} size="h5" mb={4}>
              {TODO_GROUP_LABEL[group]} ({inGroup.length})
            </Title>
            {inGroup.map((item) => (
              <TodoRow key={`${item.kind}:${item.link}`} item={item} />
            ))}
          </Card>
        );
      })}
    </Stack>
  );
}
