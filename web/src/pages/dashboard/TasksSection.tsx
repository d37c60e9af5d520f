import { BarChart } from '@mantine/charts';
import { Stack, Table, Text } from '@mantine/core';
import { TASK_STATUSES, type FocalDashboard } from '../../api/types.ts';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { Section } from '../../components/Section.tsx';
import { TASK_STATUS_COLOR } from '../../components/tracking/TrackingBits.tsx';
import { formatDay, formatPercent, TASK_STATUS_LABEL } from '../../format.ts';

/** Assignments of each task by status: a stacked bar chart and the table it pictures. */
export function TasksSection({ d }: { d: FocalDashboard }) {
  const taskData = d.tasks.map((t) => ({
    task: `NV ${t.number}`,
    doneOnTime: t.doneOnTime,
    doneLate: t.doneLate,
    inProgress: t.inProgress,
    overdue: t.overdue,
  }));
  const series = TASK_STATUSES.map((s) => ({ name: s, label: TASK_STATUS_LABEL[s], color: TASK_STATUS_COLOR[s] }));
  const chartSummary = `Biểu đồ cột chồng: số lượt giao của từng nhiệm vụ theo tình trạng. ${d.tasks.map((t) => `Nhiệm vụ ${t.number}: ${t.doneOnTime + t.doneLate} hoàn thành, ${t.inProgress} đang thực hiện, ${t.overdue} quá hạn`).join('; ')}. Số liệu chi tiết ở bảng dưới.`;

  return (
    <Section title="Tiến độ theo nhiệm vụ" id="theo-nhiem-vu">
      <Stack gap="sm">
        <figure className="chart-figure">
          <div role="img" aria-label={chartSummary}>
            <BarChart
              h={Math.max(220, d.tasks.length * 44 + 60)}
              data={taskData}
              dataKey="task"
              type="stacked"
              orientation="vertical"
              series={series}
              withLegend
              legendProps={{ verticalAlign: 'bottom' }}
              withTooltip={false}
              yAxisProps={{ width: 56 }}
              gridAxis="x"
              barChartProps={{ accessibilityLayer: false }}
              // Drawn at once: a chart re-laid out for printing would otherwise be caught mid-animation (empty).
              barProps={{ isAnimationActive: false }}
            />
          </div>
          <figcaption className="sr-only">
            Số lượt giao theo tình trạng của từng nhiệm vụ; chi tiết ở bảng “Số liệu theo nhiệm vụ”.
          </figcaption>
        </figure>
        <Text size="xs" c="dimmed">
          Lượt giao: một đơn vị chủ trì hoặc phối hợp một nhiệm vụ (nhiệm vụ của kế hoạch xã, phường tính vào nhiệm vụ
          tương ứng của tỉnh).
        </Text>
        <ScrollTable minWidth={900} label="Số liệu theo nhiệm vụ">
          <Table verticalSpacing={6} striped captionSide="top">
            <Table.Caption className="sr-only">Số liệu theo nhiệm vụ</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Nhiệm vụ</Table.Th>
                <Table.Th scope="col">Hạn</Table.Th>
                <Table.Th scope="col" ta="right">
                  Lượt giao
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {TASK_STATUS_LABEL.doneOnTime}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {TASK_STATUS_LABEL.doneLate}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {TASK_STATUS_LABEL.inProgress}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {TASK_STATUS_LABEL.overdue}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  Tiến độ bình quân
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  Đơn vị đã xong
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.tasks.map((t) => (
                <Table.Tr key={t.taskId}>
                  <Table.Th scope="row" fw={400} miw={260} maw={380}>
                    <Text size="sm">
                      <strong>{t.number}.</strong> {t.title}
                    </Text>
                  </Table.Th>
                  <Table.Td>{formatDay(t.dueDate) || '—'}</Table.Td>
                  <Table.Td ta="right">{t.assignments}</Table.Td>
                  <Table.Td ta="right">{t.doneOnTime}</Table.Td>
                  <Table.Td ta="right">{t.doneLate}</Table.Td>
                  <Table.Td ta="right">{t.inProgress}</Table.Td>
                  <Table.Td ta="right">{t.overdue}</Table.Td>
                  <Table.Td ta="right">{formatPercent(t.averagePercent)}</Table.Td>
                  <Table.Td ta="right">
                    {t.unitsDone}/{t.units} ({formatPercent(t.unitsDoneShare)})
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      </Stack>
    </Section>
  );
}
