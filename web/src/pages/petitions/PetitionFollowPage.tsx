// Tra cứu kiến nghị (public): a petition's progress by its tracking code; the answer once it is published. The API
// gives no sender's name, contact or attachment, so this page cannot show one.
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Anchor, Badge, Button, Group, Loader, Paper, Stack, Text, TextInput, Timeline, Title } from '@mantine/core';
import { isApiError } from '../../api/client.ts';
import { useFollowPetition } from '../../api/petitions.ts';
import { LoadError } from '../../components/FieldError.tsx';
import { usePageTitle } from '../../components/PageTitle.tsx';
import { formatDateTime, formatDay } from '../../format.ts';
import { paths } from '../../paths.ts';
import { PublicShell } from './PublicShell.tsx';

export function PetitionFollowPage() {
  const { code } = useParams();
  const navigate = useNavigate();
  const [typed, setTyped] = useState(code ?? '');
  useEffect(() => setTyped(code ?? ''), [code]);
  const { data: p, isLoading, error, refetch } = useFollowPetition(code ?? null);
  usePageTitle(code ? `Kiến nghị ${code}` : 'Tra cứu kiến nghị');
  const notFound = isApiError(error) && error.isNotFound;

  return (
    <PublicShell>
      <Stack gap="md">
        <Title order={1} fz={{ base: 22, sm: 28 }}>
          Tra cứu kiến nghị
        </Title>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (typed.trim()) void navigate(paths.publicPetitionFollow(typed.trim().toUpperCase()));
          }}
        >
          <Group align="flex-end" gap="sm">
            <TextInput
              label="Mã tra cứu"
              placeholder="KN-2026-000123"
              value={typed}
              onChange={(e) => setTyped(e.currentTarget.value)}
              style={{ flex: 1 }}
            />
            <Button type="submit">Tra cứu</Button>
          </Group>
        </form>
        {!code ? null : isLoading ? (
          <Group>
            <Loader size="sm" aria-hidden />
            <Text>Đang tải…</Text>
          </Group>
        ) : notFound ? (
          <Text role="alert">Không tìm thấy kiến nghị có mã {code}. Hãy kiểm tra lại mã.</Text>
        ) : error || !p ? (
          <LoadError error={error} what="kiến nghị" onRetry={() => void refetch()} />
        ) : (
          <Paper withBorder p="md" radius="md">
            <Stack gap="sm">
              <Group gap="xs">
                <Badge variant="light" color={p.open ? 'blue' : 'green'}>
                  {p.statusLabel}
                </Badge>
                <Text size="sm" c="dimmed">
                  {p.kindLabel} · {p.code}
                </Text>
              </Group>
              <Title order={2} size="h3" style={{ overflowWrap: 'anywhere' }}>
                {p.subject}
              </Title>
              {p.lawReference ? <Text size="sm">Văn bản, điều khoản: {p.lawReference}</Text> : null}
              <Text size="sm">
                Tiếp nhận {formatDay(p.receivedOn)} · hạn trả lời {formatDay(p.dueDate)}
              </Text>
              {p.extensionReason ? <Text size="sm">Đã gia hạn: {p.extensionReason}</Text> : null}
              <Text size="sm">Đơn vị xử lý: {p.handlingUnit}</Text>
              {p.mergedInto ? <Text size="sm">Đã gộp với kiến nghị {p.mergedInto}.</Text> : null}
              {p.task ? (
                <Text size="sm">
                  Được đưa vào nhiệm vụ {p.task.number} "{p.task.title}" của {p.task.planTitle}
                  {p.task.planId ? (
                    <>
                      {' '}
                      (
                      <Anchor component={Link} to={paths.publicPlan(p.task.planId)}>
                        xem tiến độ
                      </Anchor>
                      )
                    </>
                  ) : null}
                  .
                </Text>
              ) : null}
              {p.answer ? (
                <Stack gap={4}>
                  <Title order={3} size="h4">
                    Trả lời{p.answeredOn ? ` ngày ${formatDay(p.answeredOn)}` : ''}
                  </Title>
                  <Text style={{ whiteSpace: 'pre-wrap' }} data-testid="tra-loi">
                    {p.answer}
                  </Text>
                </Stack>
              ) : null}
              <Title order={3} size="h4">
                Quá trình xử lý
              </Title>
              <Timeline bulletSize={14} lineWidth={2}>
                {p.history.map((h, i) => (
                  <Timeline.Item key={i} title={h.statusLabel}>
                    <Text size="sm">{h.note}</Text>
                    <Text size="xs" c="dimmed">
                      {formatDateTime(h.at)}
                    </Text>
                  </Timeline.Item>
                ))}
              </Timeline>
            </Stack>
          </Paper>
        )}
      </Stack>
    </PublicShell>
  );
}
