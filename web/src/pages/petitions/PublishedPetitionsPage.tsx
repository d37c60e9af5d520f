// Trả lời kiến nghị đã công khai (public): searchable without accents, filtered by topic. No personal data.
import { useState } from 'react';
import { Badge, Button, Chip, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { usePublishedPetitions } from '../../api/petitions.ts';
import { LoadError } from '../../components/FieldError.tsx';
import { usePageTitle } from '../../components/PageTitle.tsx';
import { formatDay, formatNumber } from '../../format.ts';
import { PublicShell } from './PublicShell.tsx';

export function PublishedPetitionsPage() {
  usePageTitle('Trả lời kiến nghị về Luật Trí tuệ nhân tạo');
  const [q, setQ] = useState('');
  const [topic, setTopic] = useState('');
  const [offset, setOffset] = useState(0);
  const [debounced] = useDebouncedValue(q.trim(), 300);
  const { data, error, refetch } = usePublishedPetitions(debounced, topic, offset);

  return (
    <PublicShell>
      <Stack gap="md">
        <Title order={1} fz={{ base: 22, sm: 28 }}>
          Trả lời kiến nghị đã công khai
        </Title>
        <TextInput
          label="Tìm kiếm"
          placeholder="Gõ không dấu cũng được, ví dụ: gan nhan"
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            setOffset(0);
          }}
        />
        {data && data.topics.length > 0 ? (
          <Chip.Group
            value={topic}
            onChange={(t) => {
              setTopic(t as string);
              setOffset(0);
            }}
          >
            <Group gap={6}>
              <Chip value="">Tất cả</Chip>
              {data.topics.map((t) => (
                <Chip key={t.topic} value={t.topic}>
                  {t.label} ({formatNumber(t.count)})
                </Chip>
              ))}
            </Group>
          </Chip.Group>
        ) : null}
        {error ? <LoadError error={error} what="trả lời kiến nghị" onRetry={() => void refetch()} /> : null}
        {data?.items.length === 0 ? <Text c="dimmed">Chưa có trả lời nào phù hợp.</Text> : null}
        {data?.items.map((p) => (
          <Paper key={p.code} withBorder p="md" radius="md" component="article">
            <Stack gap={6}>
              <Group gap="xs">
                <Badge variant="light">{p.topicLabel}</Badge>
                <Text size="sm" c="dimmed">
                  {p.kindLabel} · {p.code}
                </Text>
              </Group>
              <Title order={2} size="h4" style={{ overflowWrap: 'anywhere' }}>
                {p.subject}
              </Title>
              <Text style={{ whiteSpace: 'pre-wrap' }}>{p.answer}</Text>
              <Text size="xs" c="dimmed">
                {p.handlingUnit} · trả lời {p.answeredOn ? formatDay(p.answeredOn) : ''}
              </Text>
            </Stack>
          </Paper>
        ))}
        <Group gap="sm">
          {offset > 0 ? (
            <Button variant="light" onClick={() => setOffset(Math.max(0, offset - 20))}>
              Trang trước
            </Button>
          ) : null}
          {data && data.total > offset + data.items.length ? (
            <Button variant="light" onClick={() => setOffset(offset + 20)}>
              Trang sau
            </Button>
          ) : null}
        </Group>
      </Stack>
    </PublicShell>
  );
}
