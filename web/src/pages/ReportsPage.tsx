// Báo cáo: what my unit must report (the current period of each regime it reports under, its report or a button to
// start it), what my unit receives (the status of each period), the regimes of the units below, and the reports
// recently made or received.
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Alert, Anchor, Button, Card, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconChartBar, IconFilePlus } from '@tabler/icons-react';
import {
  reportingApi,
  usePeriodStatus,
  useRegime,
  useRegimes,
  useReportingMutation,
  useReports,
} from '../api/reporting.ts';
import { useUnit } from '../api/units.ts';
import { REPORT_STATUSES, type ReportingRegime, type ReportListItem, type ReportStatus } from '../api/types.ts';
import { useCurrentUser } from '../auth/SessionContext.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { FormError, LoadError } from '../components/FieldError.tsx';
import { PageHeader } from '../components/PageTitle.tsx';
import { Section } from '../components/Section.tsx';
import { fold } from '../components/plans/planFormat.ts';
import { ReportStatusBadge, TotalsList } from '../components/reporting/ReportingBits.tsx';
import { count, formatDay, REPORT_STATUS_LABEL, reportingYear } from '../format.ts';
import { paths } from '../paths.ts';
import { ScrollTable } from '../components/ScrollTable.tsx';
import { FilterSelect, SearchField } from '../components/FilterFields.tsx';

/** The key of the period a regime is in today (yearly regimes: the reporting year; ad hoc: the year of its due date). */
export function currentKey(regime: Pick<ReportingRegime, 'kind' | 'adHocDue'>): string {
  return regime.kind === 'adHoc' && regime.adHocDue ? regime.adHocDue.slice(0, 4) : String(reportingYear());
}

export function ReportsPage() {
  const user = useCurrentUser();
  const unit = useUnit(user.unitId);
  const regimes = useRegimes();
  const myPath = useMemo(
    () => (unit.data ? [...unit.data.ancestors.map((a) => a.id), unit.data.unit.id] : [user.unitId]),
    [unit.data, user.unitId],
  );
  const all = regimes.data ?? [];
  // Received by my unit: owned by it, or by the office that compiles for it (a ward's Phòng Văn hóa - Xã hội).
  const childIds = new Set(unit.data?.children.map((c) => c.id) ?? []);
  const owned = all.filter(
    (r) => r.ownerUnitId === user.unitId || (childIds.has(r.ownerUnitId) && r.submitters.scopeUnitId === user.unitId),
  );
  const toReport = all.filter((r) => !owned.includes(r) && myPath.includes(r.submitters.scopeUnitId));
  const others = all.filter((r) => !owned.includes(r) && !toReport.includes(r));

  return (
    <>
      <PageHeader
        title="Báo cáo"
        description="Báo cáo kết quả thực hiện kế hoạch theo kỳ (hằng năm, trước ngày 15/12) và báo cáo đột xuất: lập, duyệt, gửi; tiếp nhận và tổng hợp báo cáo của cấp dưới."
      />
      {regimes.error ? (
        <LoadError error={regimes.error} what="chế độ báo cáo" onRetry={() => void regimes.refetch()} />
      ) : regimes.isLoading || unit.isLoading ? (
        <Group>
          <Loader size="sm" aria-hidden />
          <Text>Đang tải…</Text>
        </Group>
      ) : (
        <Stack gap="md">
          {toReport.length || !owned.length ? (
            <Section title="Báo cáo của đơn vị" id="bc-cua-don-vi">
              <Stack gap="sm">
                {toReport.map((r) => (
                  <DutyCard key={r.id} regime={r} />
                ))}
                {toReport.length ? null : (
                  <Text size="sm" c="dimmed">
                    Đơn vị chưa phải gửi báo cáo theo chế độ báo cáo nào.
                  </Text>
                )}
              </Stack>
            </Section>
          ) : null}
          {owned.length ? (
            <Section title="Báo cáo gửi đến đơn vị" id="bc-gui-den">
              <Stack gap="sm">
                {owned.map((r) => (
                  <ReceivingCard key={r.id} regime={r} />
                ))}
              </Stack>
            </Section>
          ) : null}
          {others.length ? <OtherRegimes regimes={others} /> : null}
          <RecentReports />
        </Stack>
      )}
    </>
  );
}

/** One regime my unit reports under: the current period, my report or "Lập báo cáo". */
function DutyCard({ regime }: { regime: ReportingRegime }) {
  const user = useCurrentUser();
  const navigate = useNavigate();
  const detail = useRegime(regime.id);
  const period = detail.data?.periods.find((p) => p.current) ?? detail.data?.periods[0] ?? null;
  const reports = useReports({ regimeId: regime.id, unitId: user.unitId }, !!detail.data?.myUnitReports);
  const mine = reports.data?.find((r) => r.periodKey === period?.key && r.unitId === user.unitId) ?? null;
  const create = useReportingMutation(() => reportingApi.createReport(regime.id, period!.key));
  const [error, setError] = useState<unknown>(null);

  if (detail.isLoading)
    return (
      <Group>
        <Loader size="xs" aria-hidden />
        <Text size="sm">Đang tải {regime.name}…</Text>
      </Group>
    );
  if (detail.error) return <LoadError error={detail.error} what={regime.name} />;
  if (!detail.data?.myUnitReports || !period) return null;
  const due = period.myDueDate;
  const overdue = !!due && detail.data.today > due;
  const older = (reports.data ?? []).filter((r) => r.periodKey !== period.key);

  const start = async () => {
    setError(null);
    try {
      const r = await create.mutateAsync(undefined);
      notifications.show({
        color: 'green',
        message: 'Đã lập dự thảo báo cáo, điền sẵn từ tiến độ, sản phẩm và khó khăn đã ghi nhận.',
      });
      await navigate(paths.report(r.id));
    } catch (e) {
      setError(e);
    }
  };

  return (
    <Card withBorder radius="md" padding="sm" component="article" aria-labelledby={`cd-${regime.id}`}>
      <Stack gap={6}>
        <Title order={3} size="h5" id={`cd-${regime.id}`} style={{ overflowWrap: 'anywhere' }}>
          <Anchor component={Link} to={paths.regime(regime.id)} inherit>
            {regime.name}
          </Anchor>
        </Title>
        <Text size="sm">
          Kỳ {period.label.toLowerCase()} (số liệu từ {formatDay(period.dataWindow.from)} đến{' '}
          {formatDay(period.dataWindow.to)}) · gửi {regime.ownerName}
        </Text>
        <Text size="sm" fw={600} c={overdue && !mine ? 'red.9' : undefined}>
          Hạn gửi: {formatDay(due) || '—'}
        </Text>
        {mine ? (
          <Group gap="xs" justify="space-between">
            <Group gap="xs">
              <ReportStatusBadge status={mine.status} size="sm" />
              {mine.status === 'returned' && mine.returnReason ? (
                <Text size="xs" c="red.9">
                  Lý do: {mine.returnReason}
                </Text>
              ) : null}
            </Group>
            <Button
              component={Link}
              to={paths.report(mine.id)}
              size="xs"
              variant={mine.status === 'draft' || mine.status === 'returned' ? 'filled' : 'default'}
            >
              Mở báo cáo {period.label.toLowerCase()}
            </Button>
          </Group>
        ) : overdue ? (
          <Alert color="red" variant="light" p="xs">
            Kỳ báo cáo đã hết hạn gửi; liên hệ {regime.ownerName} nếu cần gửi bổ sung.
          </Alert>
        ) : detail.data.can.createReport ? (
          <Group>
            <Button
              size="sm"
              leftSection={<IconFilePlus size={18} aria-hidden />}
              onClick={() => void start()}
              loading={create.isPending}
            >
              Lập báo cáo {period.label.toLowerCase()}
            </Button>
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            Chưa lập báo cáo.
          </Text>
        )}
        <FormError error={error} />
        {older.length ? (
          <Text size="xs" c="dimmed">
            Kỳ trước:{' '}
            {older.map((r, i) => (
              <span key={r.id}>
                {i ? ', ' : ''}
                <Anchor component={Link} to={paths.report(r.id)} size="xs">
                  năm {r.periodKey} ({REPORT_STATUS_LABEL[r.status]})
                </Anchor>
              </span>
            ))}
          </Text>
        ) : null}
      </Stack>
    </Card>
  );
}

/** A regime my unit receives: the current period's totals and the way to the status table. */
function ReceivingCard({ regime }: { regime: ReportingRegime }) {
  const key = currentKey(regime);
  const status = usePeriodStatus(regime.id, key);
  return (
    <Card withBorder radius="md" padding="sm" component="article" aria-labelledby={`nd-${regime.id}`}>
      <Stack gap="xs">
        <Title order={3} size="h5" id={`nd-${regime.id}`} style={{ overflowWrap: 'anywhere' }}>
          <Anchor component={Link} to={paths.regime(regime.id)} inherit>
            {regime.name}
          </Anchor>
        </Title>
        {status.data ? (
          <>
            <Text size="sm">
              Kỳ {status.data.period.label.toLowerCase()} · hạn{' '}
              {status.data.dueDates
                .map((d) => formatDay(d.dueDate))
                .filter((v, i, a) => a.indexOf(v) === i)
                .join(', ')}
            </Text>
            <TotalsList
              compact
              totals={status.data.totals}
              label={`Tình hình nhận báo cáo ${status.data.period.label.toLowerCase()}`}
            />
          </>
        ) : status.error ? (
          <LoadError error={status.error} what="tình hình nhận báo cáo" />
        ) : (
          <Group>
            <Loader size="xs" aria-hidden />
            <Text size="sm">Đang tải…</Text>
          </Group>
        )}
        <Group gap="xs">
          <Button
            component={Link}
            to={paths.periodStatus(regime.id, key)}
            size="sm"
            leftSection={<IconChartBar size={18} aria-hidden />}
          >
            Tình hình nhận báo cáo
          </Button>
          {regime.planId ? (
            <Button component={Link} to={paths.dashboardOf(regime.planId)} size="sm" variant="default">
              Bảng điều khiển
            </Button>
          ) : null}
        </Group>
      </Stack>
    </Card>
  );
}

function OtherRegimes({ regimes }: { regimes: ReportingRegime[] }) {
  const [text, setText] = useState('');
  const [shown, setShown] = useState(10);
  const q = fold(text);
  const list = regimes.filter((r) => !q || fold(`${r.name} ${r.ownerName}`).includes(q));
  return (
    <Section
      title="Theo dõi báo cáo của đơn vị cấp dưới"
      id="bc-cap-duoi"
      extra={
        <Text size="sm" c="dimmed">
          {count(regimes.length, 'chế độ báo cáo')}
        </Text>
      }
    >
      <Stack gap="sm">
        {regimes.length > 10 ? (
          <SearchField
            label="Tìm chế độ báo cáo"
            placeholder="Tên kế hoạch, đơn vị (gõ không dấu được)"
            value={text}
            onChange={(e) => {
              setText(e.currentTarget.value);
              setShown(10);
            }}
          />
        ) : null}
        <ul className="tap-list">
          {list.slice(0, shown).map((r) => (
            <li key={r.id}>
              <Link to={paths.periodStatus(r.id, currentKey(r))}>
                <Text className="tap-title" c="thBlue.8" fw={500} size="sm">
                  {r.name}
                </Text>
                <Text size="xs" c="dimmed">
                  Đơn vị nhận: {r.ownerName}
                </Text>
              </Link>
            </li>
          ))}
        </ul>
        {list.length > shown ? (
          <Button
            variant="default"
            size="xs"
            onClick={() => setShown((n) => n + 30)}
            style={{ alignSelf: 'flex-start' }}
          >
            Xem thêm ({list.length - shown})
          </Button>
        ) : null}
      </Stack>
    </Section>
  );
}

function RecentReports() {
  const user = useCurrentUser();
  const isPhone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const [status, setStatus] = useState<ReportStatus | null>(null);
  const reports = useReports({ status });
  const list = reports.data ?? [];
  return (
    <Section
      title="Báo cáo gần đây"
      id="bc-gan-day"
      extra={
        <Text size="sm" c="dimmed">
          {reports.data ? count(list.length, 'báo cáo') : ''}
        </Text>
      }
    >
      <Stack gap="sm">
        <FilterSelect
          what="trạng thái"
          label="Trạng thái"
          data={REPORT_STATUSES.map((s) => ({ value: s, label: REPORT_STATUS_LABEL[s] }))}
          value={status}
          onChange={(v) => setStatus(v as ReportStatus | null)}
          maw={260}
        />
        {reports.error ? (
          <LoadError error={reports.error} what="báo cáo" />
        ) : reports.isLoading ? (
          <Group>
            <Loader size="xs" aria-hidden />
            <Text size="sm">Đang tải…</Text>
          </Group>
        ) : !list.length ? (
          <EmptyState title={status ? 'Không có báo cáo nào ở trạng thái này' : 'Chưa có báo cáo nào'} />
        ) : isPhone ? (
          <ul className="tap-list" aria-label="Báo cáo gần đây">
            {list.slice(0, 50).map((r) => (
              <ReportRow key={r.id} r={r} mine={r.unitId === user.unitId} />
            ))}
          </ul>
        ) : (
          <Paper withBorder radius="md">
            <ScrollTable minWidth={760} label="Báo cáo gần đây">
              <Table verticalSpacing="xs" highlightOnHover>
                <Table.Caption className="sr-only">Báo cáo gần đây</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Đơn vị báo cáo</Table.Th>
                    <Table.Th scope="col">Chế độ báo cáo, kỳ</Table.Th>
                    <Table.Th scope="col" w={110}>
                      Hạn
                    </Table.Th>
                    <Table.Th scope="col" w={160}>
                      Trạng thái
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.slice(0, 100).map((r) => (
                    <Table.Tr key={r.id}>
                      <Table.Td>
                        <Anchor component={Link} to={paths.report(r.id)} size="sm" fw={600}>
                          {r.unitName}
                        </Anchor>
                        <Text size="xs" c="dimmed">
                          gửi {r.toUnitName}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{r.regimeName}</Text>
                        <Text size="xs" c="dimmed">
                          Năm {r.periodKey}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{formatDay(r.dueDate)}</Text>
                      </Table.Td>
                      <Table.Td>
                        <ReportStatusBadge status={r.status} size="sm" />
                        {r.number ? (
                          <Text size="xs" c="dimmed">
                            {reportNumber(r)}
                          </Text>
                        ) : null}
                        {r.late ? (
                          <Text size="xs" c="orange.9">
                            Gửi quá hạn
                          </Text>
                        ) : null}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          </Paper>
        )}
      </Stack>
    </Section>
  );
}

/** The number the unit's register gave the report when its leader approved it: "Số 01/BC-UBND". */
function reportNumber(r: ReportListItem): string {
  return r.symbol ? `Số ${r.number}/${r.symbol}` : `Số ${r.number}`;
}

function ReportRow({ r, mine }: { r: ReportListItem; mine: boolean }) {
  return (
    <li>
      <Link to={paths.report(r.id)}>
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <div style={{ minWidth: 0 }}>
            <Text className="tap-title" c="thBlue.8" fw={600} size="sm">
              {r.unitName}
              {mine ? ' (đơn vị tôi)' : ''}
            </Text>
            <Text size="xs" c="dimmed">
              Năm {r.periodKey} · hạn {formatDay(r.dueDate)} · gửi {r.toUnitName}
              {r.number ? ` · ${reportNumber(r)}` : ''}
            </Text>
          </div>
          <ReportStatusBadge status={r.status} size="sm" />
        </Group>
      </Link>
    </li>
  );
}
