import { Link } from 'react-router';
import { Anchor, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconExternalLink } from '@tabler/icons-react';
import { dashboardDownloads } from '../../api/reporting.ts';
import { usePrinting } from '../../components/Print.tsx';
import type { FocalDashboard } from '../../api/types.ts';
import { Section } from '../../components/Section.tsx';
import { docNumber } from '../../components/plans/planFormat.ts';
import { count, formatDay, formatNumber, formatPercent, reportingYearWindow } from '../../format.ts';
import { paths } from '../../paths.ts';
import { PetitionsSection } from './PetitionsSection.tsx';
import { ReportsSection } from './ReportsSection.tsx';
import { TasksSection } from './TasksSection.tsx';
import { UnitsSection } from './UnitsSection.tsx';
import { DownloadButton } from '../../components/DownloadButton.tsx';

/** One plan's dashboard: the summary, progress by task and by unit, overdue work, reports. */
export function DashboardView({ d }: { d: FocalDashboard }) {
  const printing = usePrinting();
  const total = d.tasks.reduce(
    (a, t) => ({
      assignments: a.assignments + t.assignments,
      doneOnTime: a.doneOnTime + t.doneOnTime,
      doneLate: a.doneLate + t.doneLate,
      inProgress: a.inProgress + t.inProgress,
      overdue: a.overdue + t.overdue,
    }),
    { assignments: 0, doneOnTime: 0, doneLate: 0, inProgress: 0, overdue: 0 },
  );

  return (
    <Stack gap="md">
      <Paper withBorder p="md" radius="md">
        <Title order={2} size="h4" mb={4}>
          <Anchor component={Link} to={paths.plan(d.plan.id)} inherit>
            {docNumber(d.plan.number, d.plan.symbol)}
          </Anchor>{' '}
          – {d.plan.title}
        </Title>
        <Text size="sm" c="dimmed">
          {d.plan.issuerName}
          {d.plan.issuedDate ? ` · ban hành ${formatDay(d.plan.issuedDate)}` : ''} · năm {d.year} (
          {reportingYearWindow(d.year)}) · số liệu đến {formatDay(d.today)}
        </Text>
        <Group gap="xs" mt="xs">
          <DownloadButton href={dashboardDownloads.xlsx(d.plan.id, d.year)}>Tải bảng điều khiển (XLSX)</DownloadButton>
          <Button
            component={Link}
            to={paths.publicPlan(d.plan.id)}
            variant="subtle"
            size="xs"
            leftSection={<IconExternalLink size={16} aria-hidden />}
          >
            Trang công khai
          </Button>
          <Button component={Link} to={`${paths.assignments}?keHoach=${d.plan.id}`} variant="subtle" size="xs">
            Công việc của đơn vị tôi theo kế hoạch này
          </Button>
        </Group>
        <SimpleGrid component="dl" cols={{ base: 2, sm: 5 }} spacing="xs" mt="sm" m={0} aria-label="Tóm tắt tiến độ">
          {(
            [
              ['Nhiệm vụ', formatNumber(d.tasks.length)],
              ['Lượt giao', formatNumber(total.assignments)],
              ['Đã hoàn thành', `${formatNumber(total.doneOnTime + total.doneLate)}`],
              ['Quá hạn chưa xong', formatNumber(total.overdue)],
              ['Báo cáo đã nhận', d.reports ? `${d.reports.totals.received}/${d.reports.totals.expected}` : '—'],
            ] as const
          ).map(([k, v]) => (
            <div key={k} className="stat">
              <Text component="dt" size="xs" c="dimmed">
                {k}
              </Text>
              <Text component="dd" fw={700} fz="xl" m={0}>
                {v}
              </Text>
            </div>
          ))}
        </SimpleGrid>
      </Paper>
      <TasksSection d={d} />

      <UnitsSection d={d} />

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Section
          title="Việc quá hạn"
          id="qua-han"
          extra={
            <Text size="sm" c="dimmed">
              {count(d.overdue.length, 'việc')}
            </Text>
          }
        >
          {d.overdue.length ? (
            <ul className="tap-list" aria-label="Việc quá hạn">
              {(printing ? d.overdue : d.overdue.slice(0, 50)).map((o) => (
                <li key={o.assignmentId}>
                  <Link to={paths.assignment(o.assignmentId)}>
                    <Text className="tap-title" c="thBlue.8" fw={600} size="sm">
                      {o.unitName}
                    </Text>
                    <Text size="xs">
                      Nhiệm vụ {o.taskNumber}
                      {o.taskTitle ? `: ${o.taskTitle}` : ''}
                    </Text>
                    <Text size="xs" c="red.9">
                      Hạn {formatDay(o.dueDate)} · đạt {formatPercent(o.percent)}
                    </Text>
                  </Link>
                </li>
              ))}
            </ul>
          ) : (
            <Text size="sm" c="dimmed">
              Không có việc nào quá hạn.
            </Text>
          )}
        </Section>
        <ReportsSection d={d} />
      </SimpleGrid>
      <PetitionsSection unitId={d.plan.unitId} year={d.year} />
      <Text size="xs" c="dimmed">
        Tính trong {d.ms} mili giây.
      </Text>
    </Stack>
  );
}
