// One assignment: the task (from its plan), the unit doing it, its due date and status in the reporting year, the
// history of progress updates with what they produced and their evidence files, the obstacles raised.
import { Link, useParams, useSearchParams } from 'react-router';
import { Anchor, Box, Breadcrumbs, Button, Group, Loader, SimpleGrid, Stack, Text, Timeline } from '@mantine/core';
import { IconCircleCheck, IconPencilPlus, IconProgress } from '@tabler/icons-react';
import { isApiError } from '../api/client.ts';
import { useAssignment } from '../api/tracking.ts';
import type { AssignmentDetail } from '../api/types.ts';
import { EmptyState } from '../components/EmptyState.tsx';
import { LoadError } from '../components/FieldError.tsx';
import { PageHeader, usePageTitle } from '../components/PageTitle.tsx';
import { Section } from '../components/Section.tsx';
import { StatusBadge } from '../components/StatusBadge.tsx';
import { docNumber } from '../components/plans/planFormat.ts';
import { ObstacleCard } from '../components/tracking/ObstacleCard.tsx';
import { DeliverableLine, EvidenceLink, PercentBar, TaskStatusBadge } from '../components/tracking/TrackingBits.tsx';
import { count, formatDateTime, formatDay, formatPercent, reportingYearWindow } from '../format.ts';
import { paths } from '../paths.ts';
import { NotFoundPage } from './NotFoundPage.tsx';
import { InfoRow } from '../components/InfoRow.tsx';

export function AssignmentPage() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const assignmentId = Number(id);
  const valid = Number.isInteger(assignmentId) && assignmentId > 0;
  const year = Number(params.get('nam')) || null;
  const { data, isLoading, error, refetch } = useAssignment(valid ? assignmentId : null, year);
  usePageTitle(data ? `Nhiệm vụ ${data.task.number}` : 'Nhiệm vụ được giao');

  if (!valid || (isApiError(error) && (error.isNotFound || error.status === 400)))
    return <NotFoundPage what="nhiệm vụ được giao" />;
  if (isLoading)
    return (
      <Group p="md">
        <Loader size="sm" aria-hidden />
        <Text>Đang tải nhiệm vụ…</Text>
      </Group>
    );
  if (error || !data) return <LoadError error={error} what="nhiệm vụ được giao" onRetry={() => void refetch()} />;
  return <AssignmentView d={data} />;
}

function AssignmentView({ d }: { d: AssignmentDetail }) {
  const { assignment: a, task, plan } = d;
  const breadcrumbs = (
    <Box component="nav" aria-label="Vị trí">
      <Breadcrumbs separator="›" separatorMargin={6} style={{ flexWrap: 'wrap', rowGap: 4 }}>
        <Anchor component={Link} to={paths.assignments} size="sm">
          Công việc
        </Anchor>
        <Text size="sm" aria-current="page">
          Nhiệm vụ {task.number}
        </Text>
      </Breadcrumbs>
    </Box>
  );
  return (
    <>
      <PageHeader
        above={breadcrumbs}
        title={`${task.number}. ${task.title}`}
        documentTitle={`Nhiệm vụ ${task.number}`}
        description={
          <Group gap="xs" component="span">
            <TaskStatusBadge status={a.status} />
            <Text span size="sm" c="dimmed">
              {a.unit.name} · {a.roleLabel}
            </Text>
          </Group>
        }
        actions={
          d.can.update ? (
            <Button
              component={Link}
              to={paths.assignmentUpdate(a.id)}
              leftSection={<IconPencilPlus size={18} aria-hidden />}
            >
              Cập nhật tiến độ
            </Button>
          ) : null
        }
      />
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <Section title="Tình hình thực hiện" id="tinh-hinh">
            <Stack gap="sm">
              <PercentBar value={a.percent} />
              <dl className="info-list">
                <InfoRow label="Năm báo cáo">
                  {a.year} ({reportingYearWindow(a.year)})
                </InfoRow>
                <InfoRow label="Hạn trong năm">{formatDay(a.dueDate) || 'Không có hạn cụ thể'}</InfoRow>
                <InfoRow label="Tình trạng">{a.statusLabel}</InfoRow>
                <InfoRow label="Hoàn thành ngày">{formatDay(a.completedOn) || 'Chưa hoàn thành'}</InfoRow>
                <InfoRow label="Cập nhật gần nhất">
                  {a.lastUpdateAt ? formatDateTime(a.lastUpdateAt) : 'Chưa cập nhật'}
                </InfoRow>
                <InfoRow label="Đơn vị thực hiện">
                  {a.unit.name} ({a.roleLabel.toLowerCase()})
                </InfoRow>
              </dl>
            </Stack>
          </Section>
          <Section title="Nhiệm vụ trong kế hoạch" id="nhiem-vu">
            <dl className="info-list">
              <InfoRow label="Kế hoạch">
                <Anchor component={Link} to={paths.plan(plan.id)} size="sm">
                  {docNumber(plan.number, plan.symbol)}
                  {plan.issuedDate ? ` ngày ${formatDay(plan.issuedDate)}` : ''}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {plan.title} – {plan.unit.name}
                </Text>
              </InfoRow>
              <InfoRow label="Thời gian">{task.timeframe || '—'}</InfoRow>
              <InfoRow label="Chủ trì">{task.lead.join('; ') || '—'}</InfoRow>
              <InfoRow label="Phối hợp">{task.coordinators.join('; ') || '—'}</InfoRow>
              <InfoRow label="Sản phẩm">{task.deliverables.join('; ') || '—'}</InfoRow>
              {task.content ? <InfoRow label="Nội dung">{task.content}</InfoRow> : null}
            </dl>
          </Section>
        </SimpleGrid>

        <Section
          title="Quá trình thực hiện"
          id="qua-trinh"
          extra={
            <Text size="sm" c="dimmed">
              {count(d.updates.length, 'lần cập nhật')}
            </Text>
          }
        >
          {d.updates.length ? (
            <Timeline
              bulletSize={22}
              lineWidth={2}
              active={d.updates.length}
              color="thBlue.7"
              component="ol"
              className="update-timeline"
            >
              {d.updates.map((u) => (
                <Timeline.Item
                  key={u.id}
                  component="li"
                  bullet={
                    u.completed ? <IconCircleCheck size={14} aria-hidden /> : <IconProgress size={14} aria-hidden />
                  }
                  title={
                    <Group gap="xs" component="span">
                      <Text span fw={700} size="sm">
                        {formatDay(u.occurredOn)} · {formatPercent(u.percent)}
                      </Text>
                      {u.completed ? (
                        <StatusBadge tone="green" size="sm">
                          Hoàn thành
                        </StatusBadge>
                      ) : null}
                    </Group>
                  }
                >
                  <Stack gap={6} mt={4}>
                    {u.narrative ? (
                      <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                        {u.narrative}
                      </Text>
                    ) : null}
                    {u.deliverables.length ? (
                      <div>
                        <Text size="xs" fw={700} c="dimmed">
                          Sản phẩm
                        </Text>
                        <ul className="plain-list">
                          {u.deliverables.map((x) => (
                            <li key={x.id}>
                              <DeliverableLine d={x} />
                            </li>
                          ))}
                        </ul>
                      </div>
                    ) : null}
                    {u.evidence.length ? (
                      <div>
                        <Text size="xs" fw={700} c="dimmed">
                          Minh chứng
                        </Text>
                        <ul className="plain-list">
                          {u.evidence.map((f) => (
                            <li key={f.id}>
                              <EvidenceLink file={f} />
                            </li>
                          ))}
                        </ul>
                      </div>
                    ) : null}
                    <Text size="xs" c="dimmed">
                      {u.author?.name ? `${u.author.name} · ` : ''}ghi lúc {formatDateTime(u.createdAt)}
                    </Text>
                  </Stack>
                </Timeline.Item>
              ))}
            </Timeline>
          ) : (
            <EmptyState
              title="Chưa có lần cập nhật nào"
              description="Ghi kết quả, sản phẩm (hội nghị, văn bản, tin bài…) và minh chứng mỗi khi có tiến triển."
              action={
                d.can.update ? (
                  <Button component={Link} to={paths.assignmentUpdate(a.id)} variant="light">
                    Ghi lần cập nhật đầu tiên
                  </Button>
                ) : undefined
              }
            />
          )}
        </Section>

        <Section
          title="Khó khăn, kiến nghị"
          id="kho-khan"
          extra={
            <Text size="sm" c="dimmed">
              {count(d.obstacles.length, 'mục')}
            </Text>
          }
        >
          {d.obstacles.length ? (
            <Stack gap="sm">
              {d.obstacles.map((o) => (
                <ObstacleCard key={o.id} o={o} showTask={false} />
              ))}
            </Stack>
          ) : (
            <Text size="sm" c="dimmed">
              Chưa có khó khăn, kiến nghị nào. Nêu khó khăn, kiến nghị trong lần cập nhật tiến độ.
            </Text>
          )}
        </Section>
      </Stack>
    </>
  );
}
