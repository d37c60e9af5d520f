// One reporting regime (chế độ báo cáo): what is asked, by whom, to whom, its periods with their due dates; for
// my unit its report of each period, for the receiving unit the status of each period.
import { Link, useParams } from 'react-router';
import { Anchor, Box, Breadcrumbs, Button, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconChartBar } from '@tabler/icons-react';
import { isApiError } from '../api/client.ts';
import { useRegime, useReports } from '../api/reporting.ts';
import type { ReportingRegimeDetail, ReportStatus } from '../api/types.ts';
import { useCurrentUser } from '../auth/SessionContext.tsx';
import { LoadError } from '../components/FieldError.tsx';
import { PageHeader, usePageTitle } from '../components/PageTitle.tsx';
import { ScrollTable } from '../components/ScrollTable.tsx';
import { Section } from '../components/Section.tsx';
import { ReportStatusBadge } from '../components/reporting/ReportingBits.tsx';
import { formatDay, unitKindLabel } from '../format.ts';
import { paths } from '../paths.ts';
import { NotFoundPage } from './NotFoundPage.tsx';
import { InfoRow } from '../components/InfoRow.tsx';

export function RegimePage() {
  const { id } = useParams();
  const regimeId = Number(id);
  const valid = Number.isInteger(regimeId) && regimeId > 0;
  const { data, isLoading, error, refetch } = useRegime(valid ? regimeId : null);
  usePageTitle(data?.regime.name ?? 'Chế độ báo cáo');
  if (!valid || (isApiError(error) && (error.isNotFound || error.status === 400)))
    return <NotFoundPage what="chế độ báo cáo" />;
  if (isLoading)
    return (
      <Group p="md">
        <Loader size="sm" aria-hidden />
        <Text>Đang tải…</Text>
      </Group>
    );
  if (error || !data) return <LoadError error={error} what="chế độ báo cáo" onRetry={() => void refetch()} />;
  return <RegimeView d={data} />;
}

const KIND_LABEL: Record<string, string> = { periodic: 'Định kỳ', adHoc: 'Đột xuất', thematic: 'Chuyên đề' };

function kindsText(kinds: string[]): string {
  return kinds.length ? kinds.map((k) => unitKindLabel(k).toLowerCase()).join(', ') : 'các đơn vị';
}

function RegimeView({ d }: { d: ReportingRegimeDetail }) {
  const user = useCurrentUser();
  const { regime } = d;
  const mine = useReports({ regimeId: regime.id, unitId: user.unitId }, d.myUnitReports);
  const reportOf = (key: string) => mine.data?.find((r) => r.periodKey === key && r.unitId === user.unitId) ?? null;
  const breadcrumbs = (
    <Box component="nav" aria-label="Vị trí">
      <Breadcrumbs separator="›" separatorMargin={6} style={{ flexWrap: 'wrap', rowGap: 4 }}>
        <Anchor component={Link} to={paths.reports} size="sm">
          Báo cáo
        </Anchor>
        <Text size="sm" aria-current="page">
          Chế độ báo cáo
        </Text>
      </Breadcrumbs>
    </Box>
  );
  return (
    <>
      <PageHeader
        above={breadcrumbs}
        title={regime.name}
        description={`${KIND_LABEL[regime.kind] ?? regime.kind}${regime.schedule.frequencyLabel && regime.kind !== 'adHoc' ? ` · ${regime.schedule.frequencyLabel.toLowerCase()}` : ''} · đơn vị nhận: ${regime.ownerName}`}
      />
      <Stack gap="md">
        <Section title="Nội dung" id="noi-dung">
          <dl className="info-list">
            <InfoRow label="Nội dung báo cáo">{regime.content}</InfoRow>
            <InfoRow label="Đơn vị nhận, tổng hợp">{regime.ownerName}</InfoRow>
            <InfoRow label="Báo cáo lên">{regime.recipients.join('; ') || '—'}</InfoRow>
            <InfoRow label="Số đơn vị phải báo cáo">{d.submitterCount}</InfoRow>
            {regime.planId ? (
              <InfoRow label="Kế hoạch">
                <Anchor component={Link} to={paths.plan(regime.planId)} size="sm">
                  Xem kế hoạch
                </Anchor>
              </InfoRow>
            ) : null}
            {regime.adHocDue ? <InfoRow label="Thời hạn">{formatDay(regime.adHocDue)}</InfoRow> : null}
            <InfoRow label="Đơn vị tôi">
              {d.myUnitReports ? 'Phải gửi báo cáo theo chế độ này' : 'Không phải gửi báo cáo theo chế độ này'}
            </InfoRow>
          </dl>
        </Section>
        <Section title="Các kỳ báo cáo" id="cac-ky">
          <PeriodsList d={d} reportOf={reportOf} />
        </Section>
        <Section title="Chỉ tiêu tổng hợp" id="chi-tieu-che-do">
          <ul className="plain-list">
            {regime.indicators.map((i) => (
              <li key={i.code}>
                <Text size="sm">
                  {i.name} ({i.unit})
                  {i.fromDeliverables ? (
                    <Text span size="xs" c="dimmed">
                      {' '}
                      – đếm từ sản phẩm
                    </Text>
                  ) : null}
                </Text>
              </li>
            ))}
          </ul>
        </Section>
      </Stack>
    </>
  );
}

type Period = ReportingRegimeDetail['periods'][number];
type ReportOf = (key: string) => { id: number; status: ReportStatus } | null;

function PeriodName({ p }: { p: Period }) {
  return (
    <>
      <Text size="sm" fw={600}>
        {p.label}
        {p.current ? ' (kỳ hiện tại)' : ''}
      </Text>
      <Text size="xs" c="dimmed">
        {formatDay(p.dataWindow.from)} – {formatDay(p.dataWindow.to)}
      </Text>
    </>
  );
}

function PeriodDue({ p }: { p: Period }) {
  return p.dueDates.map((x, i) => (
    <Text size="sm" key={i}>
      {formatDay(x.dueDate)}
      {x.kinds.length ? (
        <Text span size="xs" c="dimmed">
          {' '}
          ({kindsText(x.kinds)})
        </Text>
      ) : null}
    </Text>
  ));
}

function PeriodActions({ d, p, report }: { d: ReportingRegimeDetail; p: Period; report: ReturnType<ReportOf> }) {
  return (
    <Stack gap={4} align="flex-start">
      {d.myUnitReports ? (
        report ? (
          <Group gap="xs">
            <ReportStatusBadge status={report.status} size="sm" />
            <Anchor component={Link} to={paths.report(report.id)} size="sm">
              Báo cáo của đơn vị
            </Anchor>
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            Đơn vị chưa lập báo cáo (hạn {formatDay(p.myDueDate)}){p.current ? ': lập tại trang Báo cáo.' : '.'}
          </Text>
        )
      ) : null}
      {d.can.followUp ? (
        <Button
          component={Link}
          to={paths.periodStatus(d.regime.id, p.key)}
          size="xs"
          variant="light"
          leftSection={<IconChartBar size={16} aria-hidden />}
        >
          Tình hình nhận báo cáo {p.label.toLowerCase()}
        </Button>
      ) : null}
    </Stack>
  );
}

/** The periods: a table on a wide screen; on a phone one block per period, its actions in full width. */
function PeriodsList({ d, reportOf }: { d: ReportingRegimeDetail; reportOf: ReportOf }) {
  const isPhone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  if (isPhone)
    return (
      <ul className="fact-list" aria-labelledby="cac-ky">
        {d.periods.map((p) => (
          <li key={p.key}>
            <PeriodName p={p} />
            <Text size="xs" fw={600} mt={6}>
              Hạn gửi
            </Text>
            <PeriodDue p={p} />
            <Box mt={6}>
              <PeriodActions d={d} p={p} report={reportOf(p.key)} />
            </Box>
          </li>
        ))}
      </ul>
    );
  return (
    <ScrollTable minWidth={560} label="Các kỳ báo cáo">
      <Table verticalSpacing="sm" aria-labelledby="cac-ky">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Kỳ</Table.Th>
            <Table.Th scope="col">Hạn gửi</Table.Th>
            <Table.Th scope="col">Việc cần làm</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {d.periods.map((p) => (
            <Table.Tr key={p.key}>
              <Table.Td>
                <PeriodName p={p} />
              </Table.Td>
              <Table.Td>
                <PeriodDue p={p} />
              </Table.Td>
              <Table.Td>
                <PeriodActions d={d} p={p} report={reportOf(p.key)} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
