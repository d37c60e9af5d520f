// One khó khăn or kiến nghị: who raised it for which task, to whom, its status, the answer — and the answer form
// for the receiving unit.
import { useState } from 'react';
import { Link } from 'react-router';
import { Anchor, Button, Card, Group, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconMessageReply } from '@tabler/icons-react';
import { trackingApi, useTrackingMutation } from '../../api/tracking.ts';
import type { Obstacle } from '../../api/types.ts';
import { formatDateTime, formatDay, OBSTACLE_KIND_LABEL } from '../../format.ts';
import { paths } from '../../paths.ts';
import { docNumber } from '../plans/planFormat.ts';
import { FormError } from '../FieldError.tsx';
import { useApiForm } from '../form.ts';
import { ObstacleStatusBadge } from './TrackingBits.tsx';
import { StatusBadge } from '../StatusBadge.tsx';

export function ObstacleCard({
  o,
  showRoute = true,
  showTask = true,
  headingLevel = 3,
}: {
  o: Obstacle;
  showRoute?: boolean;
  showTask?: boolean;
  headingLevel?: 2 | 3 | 4;
}) {
  const [answering, setAnswering] = useState(false);
  const H = `h${headingLevel}` as const;
  const headingId = `kk-${o.id}-tieu-de`;
  return (
    <Card withBorder radius="md" padding="sm" component="article" id={`kk-${o.id}`} aria-labelledby={headingId}>
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <Group gap={6}>
            <StatusBadge tone={o.kind === 'difficulty' ? 'orange' : 'blue'} size="sm">
              {OBSTACLE_KIND_LABEL[o.kind] ?? o.kindLabel}
            </StatusBadge>
            <ObstacleStatusBadge status={o.status} size="sm" />
          </Group>
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {formatDay(o.raisedOn)}
          </Text>
        </Group>
        <Text
          component={H}
          id={headingId}
          size="sm"
          fw={600}
          m={0}
          style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}
        >
          {o.content}
        </Text>
        {showRoute ? (
          <Text size="xs" c="dimmed">
            {o.unit.name}
            {o.raisedBy ? ` (${o.raisedBy})` : ''} → {o.toUnit.name}
          </Text>
        ) : null}
        {o.task && showTask ? (
          <Text size="xs">
            Nhiệm vụ {o.task.number}
            {o.task.title ? `: ${o.task.title}` : ''}
            {o.plan ? (
              <>
                {' '}
                ·{' '}
                <Anchor component={Link} to={paths.plan(o.plan.id)} size="xs">
                  {o.plan.number ? docNumber(o.plan.number, o.plan.symbol) : 'Kế hoạch'}
                </Anchor>
              </>
            ) : null}
            {o.assignmentId ? (
              <>
                {' '}
                ·{' '}
                <Anchor component={Link} to={paths.assignment(o.assignmentId)} size="xs">
                  Xem nhiệm vụ được giao
                </Anchor>
              </>
            ) : null}
          </Text>
        ) : null}
        {o.answer ? (
          <div className="answer-box">
            <Text size="xs" fw={700}>
              Trả lời của {o.toUnit.name}
              {o.answeredAt ? ` (${formatDateTime(o.answeredAt)}${o.answeredBy ? `, ${o.answeredBy}` : ''})` : ''}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {o.answer}
            </Text>
          </div>
        ) : null}
        {o.can.answer && !answering ? (
          <Group>
            <Button
              size="xs"
              variant={o.answer ? 'default' : 'filled'}
              leftSection={<IconMessageReply size={16} aria-hidden />}
              onClick={() => setAnswering(true)}
            >
              {o.answer ? 'Sửa trả lời' : 'Trả lời'}
            </Button>
          </Group>
        ) : null}
        {answering ? <AnswerForm o={o} onDone={() => setAnswering(false)} /> : null}
      </Stack>
    </Card>
  );
}

function AnswerForm({ o, onDone }: { o: Obstacle; onDone: () => void }) {
  const form = useApiForm({ answer: o.answer ?? '' }, (v) => ({
    answer: v.answer.trim().length < 5 ? 'Nội dung trả lời cần ít nhất 5 ký tự.' : undefined,
  }));
  const mutation = useTrackingMutation((answer: string) => trackingApi.answer(o.id, answer));
  const submit = form.onSubmit(async (v) => {
    await mutation.mutateAsync(v.answer.trim());
    notifications.show({ color: 'green', message: `Đã gửi trả lời cho ${o.unit.name}.` });
    onDone();
  });
  return (
    <form ref={form.formRef} onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="xs">
        <Textarea
          label="Nội dung trả lời"
          description="Đơn vị gửi sẽ nhận được thông báo."
          required
          autosize
          minRows={3}
          value={form.values.answer}
          onChange={(e) => form.setValue('answer', e.currentTarget.value)}
          error={form.error('answer')}
          data-autofocus
          autoFocus
        />
        <FormError error={form.serverError} fields={['answer']} />
        <Group gap="xs" justify="flex-end">
          <Button variant="default" size="xs" onClick={onDone} disabled={form.submitting}>
            Hủy
          </Button>
          <Button type="submit" size="xs" loading={form.submitting}>
            Gửi trả lời
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
