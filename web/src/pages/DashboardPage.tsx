// Bảng điều khiển of the focal unit for one plan: progress per task and per commune/ward, overdue work, reports
// received and missing. Every chart has its figures in a table next to it (the chart is a picture of the table).
// Address: ?keHoach={planId}&nam={year}.
import '@mantine/charts/styles.css';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { BarChart, DonutChart } from '@mantine/charts';
import { Anchor, Button, Grid, Group, Loader, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconExternalLink, IconSearch } from '@tabler/icons-react';
import { usePlanOptions } from '../api/plans.ts';
import { useDashboard, useRegimes } from '../api/reporting.ts';
import { TASK_STATUSES, type FocalDashboard, type SubmissionState } from '../api/types.ts';
import { useCurrentUser } from '../auth/SessionContext.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { LoadError } from '../components/FieldError.tsx';
import { PageHeader } from '../components/PageTitle.tsx';
import { ScrollTable } from '../components/ScrollTable.tsx';
import { useSearchParamState } from '../components/searchParams.ts';
import { Section } from '../components/Section.tsx';
import { docNumber, fold, planStatusLabel } from '../components/plans/planFormat.ts';
import { STATE_COLOR, SubmissionStateBadge, TotalsList } from '../components/reporting/ReportingBits.tsx';
import { TASK_STATUS_COLOR } from '../components/tracking/TrackingBits.tsx';
import { count, formatDay, formatNumber, formatPercent, reportingYear, reportingYearWindow, SUBMISSION_STATE_LABEL, TASK_STATUS_LABEL } from '../format.ts';
import { paths } from '../paths.ts';
import { yearChoices } from './AssignmentsPage.tsx';

export function DashboardPage() {
  const user = useCurrentUser();
  const { params, setParam } = useSearchParamState();
  const plans = usePlanOptions('issued');
  const regimes = useRegimes();
  const years = useMemo(yearChoices, []);
  const chosen = Number(params.get('keHoach')) || null;
  const year = Number(params.get('nam')) || null;
  // Without a choice: the plan of the regime my unit receives, else my unit's own issued plan.
  const fallback = useMemo(() => {
    const owned = regimes.data?.find((r) => r.ownerUnitId === user.unitId && r.planId && r.kind === 'periodic');
    if (owned?.planId) return owned.planId;
    return plans.data?.find((p) => p.unitId === user.unitId)?.id ?? null;
  }, [regimes.data, plans.data, user.unitId]);
  const planId = chosen ?? fallback;
  const dash = useDashboard(planId, year);
  const options = useMemo(() => (plans.data ?? []).map((p) => ({ value: String(p.id), label: `${docNumber(p.number, p.symbol)} – ${p.unitName}` })), [plans.data]);
  const shownYear = dash.data?.year ?? year ?? reportingYear();

  return (
    <>
      <PageHeader
        title="Bảng điều khiển"
        description="Tiến độ thực hiện kế hoạch theo nhiệm vụ và theo xã, phường; việc quá hạn; báo cáo đã nhận và còn thiếu."
      />
      <Stack gap="md">
        <Paper withBorder p={{ base: 'sm', sm: 'md' }} radius="md" role="search" aria-label="Chọn kế hoạch, năm">
          <Grid gap="sm" align="flex-end">
            <Grid.Col span={{ base: 12, sm: 8 }}>
              <Select
                label="Kế hoạch"
                placeholder={plans.isLoading ? 'Đang tải…' : 'Chọn kế hoạch đã ban hành'}
                data={options}
                value={planId ? String(planId) : null}
                onChange={(v) => setParam('keHoach', v)}
                searchable
                nothingFoundMessage="Không có kế hoạch nào khớp"
                allowDeselect={false}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <Select label="Năm báo cáo" data={years} value={String(shownYear)} onChange={(v) => setParam('nam', v)} allowDeselect={false} />
            </Grid.Col>
          </Grid>
        </Paper>
        {!planId ? (
          plans.isLoading || regimes.isLoading ? <Group><Loader size="sm" aria-hidden /><Text>Đang tải…</Text></Group>
            : <Paper withBorder radius="md"><EmptyState title="Chọn một kế hoạch đã ban hành" description="Bảng điều khiển cho biết tiến độ của một kế hoạch và các kế hoạch triển khai nó." /></Paper>
        ) : dash.error ? <LoadError error={dash.error} what="bảng điều khiển của kế hoạch này" onRetry={() => void dash.refetch()} />
          : !dash.data ? <Group><Loader size="sm" aria-hidden /><Text>Đang tải…</Text></Group>
            : <DashboardView d={dash.data} />}
      </Stack>
    </>
  );
}

const STATE_ORDER: SubmissionState[] = ['onTime', 'late', 'returned', 'missing', 'pending'];

function DashboardView({ d }: { d: FocalDashboard }) {
  const total = d.tasks.reduce((a, t) => ({
    assignments: a.assignments + t.assignments, doneOnTime: a.doneOnTime + t.doneOnTime, doneLate: a.doneLate + t.doneLate,
    inProgress: a.inProgress + t.inProgress, overdue: a.overdue + t.overdue,
  }), { assignments: 0, doneOnTime: 0, doneLate: 0, inProgress: 0, overdue: 0 });
  const taskData = d.tasks.map((t) => ({ task: `NV ${t.number}`, doneOnTime: t.doneOnTime, doneLate: t.doneLate, inProgress: t.inProgress, overdue: t.overdue }));
  const series = TASK_STATUSES.map((s) => ({ name: s, label: TASK_STATUS_LABEL[s], color: TASK_STATUS_COLOR[s] }));
  const chartSummary = `Biểu đồ cột chồng: số lượt giao của từng nhiệm vụ theo tình trạng. ${d.tasks.map((t) => `Nhiệm vụ ${t.number}: ${t.doneOnTime + t.doneLate} hoàn thành, ${t.inProgress} đang thực hiện, ${t.overdue} quá hạn`).join('; ')}. Số liệu chi tiết ở bảng dưới.`;

  return (
    <Stack gap="md">
      <Paper withBorder p="md" radius="md">
        <Title order={2} size="h4" mb={4}>
          <Anchor component={Link} to={paths.plan(d.plan.id)} inherit>{docNumber(d.plan.number, d.plan.symbol)}</Anchor> – {d.plan.title}
        </Title>
        <Text size="sm" c="dimmed">
          {d.plan.issuerName}{d.plan.issuedDate ? ` · ban hành ${formatDay(d.plan.issuedDate)}` : ''} · năm {d.year} ({reportingYearWindow(d.year)}) · số liệu đến {formatDay(d.today)}
        </Text>
        <Group gap="xs" mt="xs">
          <Button component={Link} to={paths.publicPlan(d.plan.id)} variant="subtle" size="xs" leftSection={<IconExternalLink size={16} aria-hidden />}>Trang công khai</Button>
          <Button component={Link} to={`${paths.assignments}?keHoach=${d.plan.id}`} variant="subtle" size="xs">Công việc của đơn vị tôi theo kế hoạch này</Button>
        </Group>
        <SimpleGrid component="dl" cols={{ base: 2, sm: 5 }} spacing="xs" mt="sm" m={0} aria-label="Tóm tắt tiến độ">
          {([
            ['Nhiệm vụ', formatNumber(d.tasks.length)],
            ['Lượt giao', formatNumber(total.assignments)],
            ['Đã hoàn thành', `${formatNumber(total.doneOnTime + total.doneLate)}`],
            ['Quá hạn chưa xong', formatNumber(total.overdue)],
            ['Báo cáo đã nhận', d.reports ? `${d.reports.totals.received}/${d.reports.totals.expected}` : '—'],
          ] as const).map(([k, v]) => (
            <div key={k} className="stat">
              <Text component="dt" size="xs" c="dimmed">{k}</Text>
              <Text component="dd" fw={700} fz="xl" m={0}>{v}</Text>
            </div>
          ))}
        </SimpleGrid>
      </Paper>

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
              />
            </div>
            <figcaption className="sr-only">Số lượt giao theo tình trạng của từng nhiệm vụ; chi tiết ở bảng “Số liệu theo nhiệm vụ”.</figcaption>
          </figure>
          <Text size="xs" c="dimmed">Lượt giao: một đơn vị chủ trì hoặc phối hợp một nhiệm vụ (nhiệm vụ của kế hoạch xã, phường tính vào nhiệm vụ tương ứng của tỉnh).</Text>
          <ScrollTable minWidth={900} label="Số liệu theo nhiệm vụ">
            <Table verticalSpacing={6} striped captionSide="top">
              <Table.Caption className="sr-only">Số liệu theo nhiệm vụ</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Nhiệm vụ</Table.Th>
                  <Table.Th scope="col">Hạn</Table.Th>
                  <Table.Th scope="col" ta="right">Lượt giao</Table.Th>
                  <Table.Th scope="col" ta="right">{TASK_STATUS_LABEL.doneOnTime}</Table.Th>
                  <Table.Th scope="col" ta="right">{TASK_STATUS_LABEL.doneLate}</Table.Th>
                  <Table.Th scope="col" ta="right">{TASK_STATUS_LABEL.inProgress}</Table.Th>
                  <Table.Th scope="col" ta="right">{TASK_STATUS_LABEL.overdue}</Table.Th>
                  <Table.Th scope="col" ta="right">Tiến độ bình quân</Table.Th>
                  <Table.Th scope="col" ta="right">Đơn vị đã xong</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.tasks.map((t) => (
                  <Table.Tr key={t.taskId}>
                    <Table.Th scope="row" fw={400} miw={260} maw={380}><Text size="sm"><strong>{t.number}.</strong> {t.title}</Text></Table.Th>
                    <Table.Td>{formatDay(t.dueDate) || '—'}</Table.Td>
                    <Table.Td ta="right">{t.assignments}</Table.Td>
                    <Table.Td ta="right">{t.doneOnTime}</Table.Td>
                    <Table.Td ta="right">{t.doneLate}</Table.Td>
                    <Table.Td ta="right">{t.inProgress}</Table.Td>
                    <Table.Td ta="right">{t.overdue}</Table.Td>
                    <Table.Td ta="right">{t.averagePercent}%</Table.Td>
                    <Table.Td ta="right">{t.unitsDone}/{t.units} ({formatPercent(t.unitsDoneShare)})</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        </Stack>
      </Section>

      <UnitsSection d={d} />

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Section title="Việc quá hạn" id="qua-han" extra={<Text size="sm" c="dimmed">{count(d.overdue.length, 'việc')}</Text>}>
          {d.overdue.length ? (
            <ul className="tap-list" aria-label="Việc quá hạn">
              {d.overdue.slice(0, 50).map((o) => (
                <li key={o.assignmentId}>
                  <Link to={paths.assignment(o.assignmentId)}>
                    <Text className="tap-title" c="thBlue.8" fw={600} size="sm">{o.unitName}</Text>
                    <Text size="xs">Nhiệm vụ {o.taskNumber}{o.taskTitle ? `: ${o.taskTitle}` : ''}</Text>
                    <Text size="xs" c="red.9">Hạn {formatDay(o.dueDate)} · đạt {o.percent}%</Text>
                  </Link>
                </li>
              ))}
            </ul>
          ) : <Text size="sm" c="dimmed">Không có việc nào quá hạn.</Text>}
        </Section>
        <ReportsSection d={d} />
      </SimpleGrid>
      <Text size="xs" c="dimmed">Tính trong {d.ms} mili giây.</Text>
    </Stack>
  );
}

const BUCKETS = [
  { key: 'none', short: 'Chưa giao', label: 'Chưa được giao nhiệm vụ (kế hoạch chưa ban hành)', test: (u: Unit) => u.assignments === 0 },
  { key: 'zero', short: '0%', label: 'Chưa có tiến độ (0%)', test: (u: Unit) => u.assignments > 0 && u.averagePercent === 0 },
  { key: 'low', short: '1–49%', label: 'Dưới 50%', test: (u: Unit) => u.assignments > 0 && u.averagePercent > 0 && u.averagePercent < 50 },
  { key: 'mid', short: '50–99%', label: 'Từ 50% đến dưới 100%', test: (u: Unit) => u.assignments > 0 && u.averagePercent >= 50 && u.averagePercent < 100 },
  { key: 'done', short: '100%', label: 'Hoàn thành (100%)', test: (u: Unit) => u.assignments > 0 && u.averagePercent >= 100 },
] as const;

type Unit = FocalDashboard['units'][number];

function UnitsSection({ d }: { d: FocalDashboard }) {
  const [text, setText] = useState('');
  const [shown, setShown] = useState(20);
  const q = fold(text);
  const withWork = d.units.filter((u) => u.assignments > 0 || u.kind === 'commune' || u.kind === 'ward');
  const list = withWork.filter((u) => !q || fold(`${u.unitName} ${u.code}`).includes(q));
  const buckets = BUCKETS.map((b) => ({ bucket: b.short, label: b.label, units: withWork.filter((u) => b.test(u)).length }));
  const summary = `Biểu đồ cột: số đơn vị theo mức tiến độ bình quân. ${buckets.map((b) => `${b.label}: ${b.units}`).join('; ')}.`;
  return (
    <Section title="Tiến độ theo xã, phường và sở, ngành" id="theo-don-vi" extra={<Text size="sm" c="dimmed">{count(withWork.length, 'đơn vị')}</Text>}>
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
                />
              </div>
              <figcaption><Text size="xs" c="dimmed">Số đơn vị theo mức tiến độ bình quân</Text></figcaption>
            </figure>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Table verticalSpacing={4} captionSide="top">
              <Table.Caption className="sr-only">Số đơn vị theo mức tiến độ bình quân</Table.Caption>
              <Table.Thead><Table.Tr><Table.Th scope="col">Mức tiến độ</Table.Th><Table.Th scope="col" ta="right">Số đơn vị</Table.Th></Table.Tr></Table.Thead>
              <Table.Tbody>
                {buckets.map((b) => <Table.Tr key={b.bucket}><Table.Th scope="row" fw={400}>{b.label}</Table.Th><Table.Td ta="right">{b.units}</Table.Td></Table.Tr>)}
              </Table.Tbody>
            </Table>
          </Grid.Col>
        </Grid>
        <TextInput
          type="search"
          label="Tìm đơn vị"
          placeholder="Tên hoặc mã (gõ không dấu được)"
          leftSection={<IconSearch size={16} aria-hidden />}
          value={text}
          onChange={(e) => { setText(e.currentTarget.value); setShown(20); }}
          maw={420}
        />
        <Text size="sm" role="status">Xếp theo tiến độ bình quân, thấp nhất trước: {count(list.length, 'đơn vị')}</Text>
        <ScrollTable minWidth={720} label="Tiến độ theo đơn vị">
          <Table verticalSpacing={6} highlightOnHover>
            <Table.Caption className="sr-only">Tiến độ theo đơn vị</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Đơn vị</Table.Th>
                <Table.Th scope="col">Kế hoạch của đơn vị</Table.Th>
                <Table.Th scope="col" ta="right">Nhiệm vụ đã xong</Table.Th>
                <Table.Th scope="col" ta="right">Quá hạn</Table.Th>
                <Table.Th scope="col" ta="right">Tiến độ bình quân</Table.Th>
                <Table.Th scope="col">Báo cáo</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.slice(0, shown).map((u) => (
                <Table.Tr key={u.unitId}>
                  <Table.Th scope="row" fw={600} miw={180}><Text size="sm" fw={600}>{u.unitName}</Text></Table.Th>
                  <Table.Td>{u.plan ? <Anchor component={Link} to={paths.plan(u.plan.id)} size="sm">{planStatusLabel(u.plan.status)}</Anchor> : <Text size="sm" c="dimmed">—</Text>}</Table.Td>
                  <Table.Td ta="right">{u.tasksDone}/{u.tasks}</Table.Td>
                  <Table.Td ta="right">{u.overdue}</Table.Td>
                  <Table.Td ta="right">{u.averagePercent}%</Table.Td>
                  <Table.Td>{u.report ? <SubmissionStateBadge state={u.report.state} size="sm" /> : <Text size="sm" c="dimmed">—</Text>}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
        {list.length > shown ? <Button variant="default" size="xs" onClick={() => setShown((n) => n + 50)} style={{ alignSelf: 'flex-start' }}>Xem thêm ({list.length - shown})</Button> : null}
      </Stack>
    </Section>
  );
}

function ReportsSection({ d }: { d: FocalDashboard }) {
  const r = d.reports;
  if (!r) {
    return (
      <Section title="Báo cáo" id="bao-cao-dk">
        <Text size="sm" c="dimmed">Kế hoạch chưa có chế độ báo cáo định kỳ.</Text>
      </Section>
    );
  }
  const data = STATE_ORDER.map((s) => ({ name: SUBMISSION_STATE_LABEL[s], value: r.totals[s], color: STATE_COLOR[s] })).filter((x) => x.value > 0);
  const summary = `Biểu đồ tròn: báo cáo ${r.periodLabel.toLowerCase()} theo tình trạng. ${data.map((x) => `${x.name}: ${x.value}`).join('; ')}.`;
  return (
    <Section title={`Báo cáo ${r.periodLabel.toLowerCase()}`} id="bao-cao-dk">
      <Stack gap="sm">
        <Group align="center" gap="md" wrap="wrap">
          <figure className="chart-figure" style={{ margin: 0 }}>
            <div role="img" aria-label={summary}>
              <DonutChart data={data} size={140} thickness={22} withTooltip={false} chartLabel={`${r.totals.received}/${r.totals.expected}`} pieProps={{ isAnimationActive: false }} />
            </div>
            <figcaption className="sr-only">Báo cáo theo tình trạng; số liệu ở danh sách bên cạnh.</figcaption>
          </figure>
          <ul className="plain-list legend-list" aria-label="Báo cáo theo tình trạng">
            {STATE_ORDER.map((s) => (
              <li key={s}><span className="legend-swatch" data-state={s} aria-hidden /> {SUBMISSION_STATE_LABEL[s]}: <strong>{r.totals[s]}</strong></li>
            ))}
          </ul>
        </Group>
        <TotalsList totals={r.totals} label={`Tình hình nhận báo cáo ${r.periodLabel.toLowerCase()}`} />
        <Button component={Link} to={paths.periodStatus(r.regimeId, r.periodKey)} size="xs" variant="light" style={{ alignSelf: 'flex-start' }}>
          Tình hình nhận báo cáo chi tiết
        </Button>
        {r.missing.length ? (
          <>
            <Title order={3} size="h5">Chưa gửi ({r.missing.length})</Title>
            <ul className="plain-list">
              {r.missing.slice(0, 15).map((m) => (
                <li key={m.unitId}><Group gap="xs" justify="space-between" wrap="nowrap"><Text size="sm">{m.unitName}</Text><SubmissionStateBadge state={m.state} size="sm" /></Group></li>
              ))}
            </ul>
            {r.missing.length > 15 ? <Text size="xs" c="dimmed">và {r.missing.length - 15} đơn vị khác (xem Tình hình nhận báo cáo chi tiết).</Text> : null}
          </>
        ) : null}
      </Stack>
    </Section>
  );
}
