// One petition as its handlers see it: content, classification, deadline tier, history, and the sender only for
// the receiving and handling units' officers and leaders (the server decides; each view is in the audit trail).
import { Link, useParams } from 'react-router';
import { Anchor, Badge, Grid, Group, Loader, Paper, Stack, Text, Timeline, Title } from '@mantine/core';
import { usePetition, type PetitionDetail } from '../../api/petitions.ts';
import { LoadError } from '../../components/FieldError.tsx';
import { PageHeader } from '../../components/PageTitle.tsx';
import { formatDateTime, formatDay, formatSize } from '../../format.ts';
import { paths } from '../../paths.ts';
import { PetitionActions } from './PetitionActions.tsx';
import { TIER_COLOR } from './PetitionQueuePage.tsx';

function Facts({ p }: { p: PetitionDetail }) {
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap={6}>
        <Group gap={4}>
          <Badge variant="light">{p.statusLabel}</Badge>
          <Badge variant="light" color={TIER_COLOR[p.tier]}>
            {p.tierLabel}
          </Badge>
        </Group>
        <Text size="sm">
          {p.kindLabel} · mã {p.code} · nhận {formatDay(p.receivedOn)} · hạn {formatDay(p.dueDate)}
          {p.extended ? ' (đã gia hạn)' : ''}
        </Text>
        <Text size="sm">
          Đơn vị tiếp nhận: {p.receivingUnit.name} · đơn vị xử lý: {p.handlingUnit.name}
        </Text>
        {p.lawReference ? (
          <Text size="sm">
            Văn bản, điều khoản: {p.lawReference}
            {p.article ? ` · ${p.article}` : ''}
          </Text>
        ) : null}
        {p.aiSystem ? (
          <Text size="sm" data-testid="petition-ai-system">
            Về hệ thống AI:{' '}
            <Anchor component={Link} to={paths.aiSystem(p.aiSystem.id)}>
              {p.aiSystem.name}
            </Anchor>{' '}
            ({p.aiSystem.unitName})
          </Text>
        ) : null}
        {p.dataset ? (
          <Text size="sm" data-testid="petition-dataset">
            Về bộ dữ liệu:{' '}
            <Anchor component={Link} to={paths.dataset(p.dataset.id)}>
              {p.dataset.title}
            </Anchor>{' '}
            ({p.dataset.unitName})
          </Text>
        ) : null}
        <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{p.content}</Text>
        {p.answer ? (
          <Stack gap={2}>
            <Title order={2} size="h5">
              {p.answerApproved ? 'Trả lời đã duyệt' : 'Dự thảo trả lời'}
            </Title>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{p.answer}</Text>
          </Stack>
        ) : null}
        {p.sender && p.answer ? (
          <Anchor href={`/api/petitions/${p.id}/answer.docx`} size="sm">
            Tải công văn trả lời (DOCX)
          </Anchor>
        ) : null}
        {p.sender ? (
          <Stack gap={2} aria-label="Người gửi">
            <Title order={2} size="h5">
              Người gửi (chỉ người xử lý được xem)
            </Title>
            <Text size="sm">
              {p.sender.name}
              {p.sender.organisation ? ` · ${p.sender.organisation}` : ''}
            </Text>
            {p.senderContact ? (
              <Text size="sm">
                {[p.senderContact.email, p.senderContact.phone, p.senderContact.address].filter(Boolean).join(' · ')}
              </Text>
            ) : null}
            {p.attachments.map((a) => (
              <Text key={a.id} size="sm">
                Tệp: {a.filename} ({formatSize(a.size)})
              </Text>
            ))}
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            Thông tin người gửi chỉ đơn vị tiếp nhận và đơn vị xử lý được xem.
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

export function PetitionPage() {
  const id = Number(useParams().id);
  const { data: p, isLoading, error, refetch } = usePetition(Number.isInteger(id) && id > 0 ? id : null);
  if (isLoading)
    return (
      <Group>
        <Loader size="sm" aria-hidden />
        <Text>Đang tải…</Text>
      </Group>
    );
  if (error || !p) return <LoadError error={error} what="kiến nghị" onRetry={() => void refetch()} />;
  return (
    <Stack gap="md">
      <PageHeader title={p.subject} description={`Kiến nghị ${p.code}`} />
      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <Facts p={p} />
            <Paper withBorder p="md" radius="md">
              <Title order={2} size="h5" mb="xs">
                Quá trình xử lý
              </Title>
              <Timeline bulletSize={14} lineWidth={2}>
                {p.history.map((h, i) => (
                  <Timeline.Item key={i} title={h.statusLabel}>
                    <Text size="sm">{h.note}</Text>
                    <Text size="xs" c="dimmed">
                      {formatDateTime(h.at)}
                      {h.actor ? ` · ${h.actor}` : ''}
                      {h.public ? ' · người gửi thấy' : ''}
                    </Text>
                  </Timeline.Item>
                ))}
              </Timeline>
            </Paper>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <PetitionActions p={p} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
