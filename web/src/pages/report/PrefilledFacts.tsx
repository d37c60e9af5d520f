import { Link } from 'react-router';
import { Anchor, Group, Text, Title } from '@mantine/core';
import type { ReportDetail } from '../../api/types.ts';
import { Section } from '../../components/Section.tsx';
import { ReportStatusBadge } from '../../components/reporting/ReportingBits.tsx';
import { DeliverableLine, TaskStatusBadge } from '../../components/tracking/TrackingBits.tsx';
import { ASSIGNMENT_ROLE_LABEL, count, formatDay, formatPercent, OBSTACLE_KIND_LABEL } from '../../format.ts';
import { paths } from '../../paths.ts';

/** What the report was prefilled with: the tasks with their status and deliverables, obstacles, the offices' reports. */
export function PrefilledFacts({ c }: { c: ReportDetail['report']['content'] }) {
  return (
    <Section
      title="Số liệu điền sẵn"
      id="so-lieu"
      extra={
        <Text size="sm" c="dimmed">
          {count(c.tasks.length, 'nhiệm vụ')}
        </Text>
      }
    >
      <Text size="xs" c="dimmed" mb="sm">
        Từ tiến độ, sản phẩm và khó khăn đơn vị đã ghi nhận trong kỳ (từ {formatDay(c.window.from)} đến{' '}
        {formatDay(c.window.to)}).
      </Text>
      {c.tasks.length ? (
        <ol className="fact-list">
          {c.tasks.map((t, i) => (
            <li key={`${t.taskNumber}-${i}`}>
              <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                {t.taskNumber}. {t.taskTitle}
              </Text>
              <Group gap={6} mt={2}>
                <TaskStatusBadge status={t.status} size="sm" />
                <Text size="xs" c="dimmed">
                  {ASSIGNMENT_ROLE_LABEL[t.role]} · {formatPercent(t.percent)}
                  {t.deadline ? ` · hạn ${formatDay(t.deadline)}` : ''}
                  {t.parentTaskNumber ? ` · thực hiện nhiệm vụ ${t.parentTaskNumber} của kế hoạch cấp trên` : ''}
                </Text>
              </Group>
              {t.results.length ? (
                <ul className="plain-list">
                  {t.results.map((x, j) => (
                    <li key={j}>
                      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                        {x}
                      </Text>
                    </li>
                  ))}
                </ul>
              ) : null}
              {t.deliverables.length ? (
                <ul className="plain-list">
                  {t.deliverables.map((x, j) => (
                    <li key={j}>
                      <DeliverableLine d={x} />
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
      ) : (
        <Text size="sm" c="dimmed">
          Không có nhiệm vụ nào trong kỳ.
        </Text>
      )}

      <Title order={3} size="h5" mt="md" mb={6}>
        Khó khăn, kiến nghị đã nêu
      </Title>
      {c.obstacles.length ? (
        <ul className="plain-list">
          {c.obstacles.map((o, i) => (
            <li key={i}>
              <Text size="sm">
                <Text span fw={600} inherit>
                  {OBSTACLE_KIND_LABEL[o.kind]} ({formatDay(o.raisedOn)}):
                </Text>{' '}
                {o.content}
              </Text>
              {o.answer ? (
                <Text size="xs" c="dimmed">
                  Đã trả lời: {o.answer}
                </Text>
              ) : (
                <Text size="xs" c="dimmed">
                  Chưa được trả lời
                </Text>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <Text size="sm" c="dimmed">
          Không có.
        </Text>
      )}

      {c.children?.length ? (
        <>
          <Title order={3} size="h5" mt="md" mb={6}>
            Báo cáo của các phòng, ban
          </Title>
          <ul className="plain-list">
            {c.children.map((ch) => (
              <li key={ch.reportId}>
                <Group gap="xs">
                  <Anchor component={Link} to={paths.report(ch.reportId)} size="sm">
                    {ch.unitName}
                  </Anchor>
                  <ReportStatusBadge status={ch.status} size="sm" />
                  {ch.submittedOn ? (
                    <Text size="xs" c="dimmed">
                      gửi {formatDay(ch.submittedOn)}
                    </Text>
                  ) : null}
                </Group>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Section>
  );
}
