import { useState } from 'react';
import { Link } from 'react-router';
import { BarChart } from '@mantine/charts';
import { Anchor, Button, Grid, Stack, Table, Text } from '@mantine/core';
import type { FocalDashboard } from '../../api/types.ts';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { Section } from '../../components/Section.tsx';
import { usePrinting } from '../../components/Print.tsx';
import { fold, planStatusLabel } from '../../components/plans/planFormat.ts';
import { SubmissionStateBadge } from '../../components/reporting/ReportingBits.tsx';
import { count, formatPercent } from '../../format.ts';
import { paths } from '../../paths.ts';
import { SearchField } from '../../components/FilterFields.tsx';

const BUCKETS = [
  {
    key: 'none',
    short: 'Chưa giao',
    label: 'Chưa được giao nhiệm vụ (kế hoạch chưa ban hành)',
    test: (u: Unit) => u.assignments === 0,
  },
  {
    key: 'zero',
    short: '0%',
    label: 'Chưa có tiến độ (0%)',
    test: (u: Unit) => u.assignments > 0 && u.averagePercent === 0,
  },
  {
    key: 'low',
    short: '1–49%',
    label: 'Dưới 50%',
    test: (u: Unit) => u.assignments > 0 && u.averagePercent > 0 && u.averagePercent < 50,
  },
  {
    key: 'mid',
    short: '50–99%',
    label: 'Từ 50% đến dưới 100%',
    test: (u: Unit) => u.assignments > 0 && u.averagePercent >= 50 && u.averagePercent < 100,
  },
  {
    key: 'done',
    short: '100%',
    label: 'Hoàn thành (100%)',
    test: (u: Unit) => u.assignments > 0 && u.averagePercent >= 100,
  },
] as const;

type Unit = FocalDashboard['units'][number];
export function UnitsSection({ d }: { d: FocalDashboard }) {
  const [text, setText] = useState('');
  const [shown, setShown] = useState(20);
  // On paper every unit: there is no "Xem thêm" to press.
  const printing = usePrinting();
  const q = fold(text);
  const withWork = d.units.filter((u) => u.assignments > 0 || u.kind === 'commune' || u.kind === 'ward');
  const list = withWork.filter((u) => !q || fold(`${u.unitName} ${u.code}`).includes(q));
  const buckets = BUCKETS.map((b) => ({
    bucket: b.short,
    label: b.label,
    units: withWork.filter((u) => b.test(u)).length,
  }));
  const summary = `Biểu đồ cột: số đơn vị theo mức tiến độ bình quân. ${buckets.map((b) => `${b.label}: ${b.units}`).join('; ')}.`;
  return (
    <Section
      title="Tiến độ theo xã, phường và sở, ngành"
      id="theo-don-vi"
      extra={
        <Text size="sm" c="dimmed">
          {count(withWork.length, 'đơn vị')}
        </Text>
      }
    >
      <Stack gap="sm">
        <Grid gap="md" align="flex-start">
          <Grid.Col span={{ base: 12, md: 6 }}>
            <figure className="chart-figure">
              <div role="img" aria-label={summary}>
                <BarChart
                  h={220}
                  data={buckets}
                  dataKey="bucket"
                  orientation="vertical"
                  series={[{ name: 'units', label: 'Số đơn vị', color: 'thBlue.6' }]}
                  withTooltip={false}
                  withBarValueLabel
                  yAxisProps={{ width: 72 }}
                  gridAxis="x"
                  barChartProps={{ accessibilityLayer: false }}
                  // Drawn at once: a chart re-laid out for printing would otherwise be caught mid-animation (empty).
                  barProps={{ isAnimationActive: false }}
                />
              </div>
              <figcaption>
                <Text size="xs" c="dimmed">
                  Số đơn vị theo mức tiến độ bình quân
                </Text>
              </figcaption>
            </figure>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Table verticalSpacing={4} captionSide="top">
              <Table.Caption className="sr-only">Số đơn vị theo mức tiến độ bình quân</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Mức tiến độ</Table.Th>
                  <Table.Th scope="col" ta="right">
                    Số đơn vị
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {buckets.map((b) => (
                  <Table.Tr key={b.bucket}>
                    <Table.Th scope="row" fw={400}>
                      {b.label}
                    </Table.Th>
                    <Table.Td ta="right">{b.units}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Grid.Col>
        </Grid>
        <SearchField
          label="Tìm đơn vị"
          placeholder="Tên hoặc mã (gõ không dấu được)"
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            setShown(20);
          }}
          maw={420}
        />
        <Text size="sm" role="status">
          Xếp theo tiến độ bình quân, thấp nhất trước: {count(list.length, 'đơn vị')}
        </Text>
        <ScrollTable minWidth={720} label="Tiến độ theo đơn vị">
          <Table verticalSpacing={6} highlightOnHover>
            <Table.Caption className="sr-only">Tiến độ theo đơn vị</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Đơn vị</Table.Th>
                <Table.Th scope="col">Kế hoạch của đơn vị</Table.Th>
                <Table.Th scope="col" ta="right">
                  Nhiệm vụ đã xong
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  Quá hạn
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  Tiến độ bình quân
                </Table.Th>
                <Table.Th scope="col">Báo cáo</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(printing ? list : list.slice(0, shown)).map((u) => (
                <Table.Tr key={u.unitId}>
                  <Table.Th scope="row" fw={600} miw={180}>
                    <Text size="sm" fw={600}>
                      {u.unitName}
                    </Text>
                  </Table.Th>
                  <Table.Td>
                    {u.plan ? (
                      <Anchor component={Link} to={paths.plan(u.plan.id)} size="sm">
                        {planStatusLabel(u.plan.status)}
                      </Anchor>
                    ) : (
                      <Text size="sm" c="dimmed">
                        —
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">
                    {u.tasksDone}/{u.tasks}
                  </Table.Td>
                  <Table.Td ta="right">{u.overdue}</Table.Td>
                  <Table.Td ta="right">{formatPercent(u.averagePercent)}</Table.Td>
                  <Table.Td>
                    {u.report ? (
                      <SubmissionStateBadge state={u.report.state} size="sm" />
                    ) : (
                      <Text size="sm" c="dimmed">
                        —
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
        {list.length > shown ? (
          <Button
            variant="default"
            size="xs"
            onClick={() => setShown((n) => n + 50)}
            style={{ alignSelf: 'flex-start' }}
          >
            Xem thêm ({list.length - shown})
          </Button>
        ) : null}
      </Stack>
    </Section>
  );
}
