// The status of one reporting period for the receiving unit: who was expected to report, who sent on time, late,
// was returned or is missing; totals overall and per kind of unit; indicators rolled up; the compiled report
// (DOCX, XLSX) and the reminder letter (DOCX) to download. Filters in the address: q, tinhTrang, loai.
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { Anchor, Box, Breadcrumbs, Button, Group, Loader, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { isApiError } from '../api/client.ts';
import { periodDownloads, usePeriodStatus } from '../api/reporting.ts';
import {
  SUBMISSION_STATES,
  type PeriodStatus,
  type PeriodStatusUnit,
  type RollupTotals,
  type SubmissionState,
} from '../api/types.ts';
import { EmptyState } from '../components/EmptyState.tsx';
import { LoadError } from '../components/FieldError.tsx';
import { ListFilters, ListSummary } from '../components/ListHeader.tsx';
import { PageHeader, usePageTitle } from '../components/PageTitle.tsx';
import { PrintButton, usePrinting } from '../components/Print.tsx';
import { ScrollTable } from '../components/ScrollTable.tsx';
import { useSearchParamState } from '../components/searchParams.ts';
import { Section } from '../components/Section.tsx';
import { PeriodSigning } from '../components/reporting/PeriodSigning.tsx';
import { fold } from '../components/plans/planFormat.ts';
import { ReportStatusBadge, SubmissionStateBadge, TotalsList } from '../components/reporting/ReportingBits.tsx';
import { count, formatDay, formatNumber, SUBMISSION_STATE_LABEL, unitKindLabel } from '../format.ts';
import { paths } from '../paths.ts';
import { NotFoundPage } from './NotFoundPage.tsx';
import { FilterSelect, SearchField } from '../components/FilterFields.tsx';
import { DownloadButton } from '../components/DownloadButton.tsx';

export function PeriodStatusPage() {
  const { id, key } = useParams();
  const regimeId = Number(id);
  const valid =
    Number.isInteger(regimeId) && regimeId > 0 && /^\d{4}(-(H[12]|Q[1-4]|M(0[1-9]|1[0-2])))?$/.test(key ?? '');
  const { data, isLoading, error, refetch } = usePeriodStatus(valid ? regimeId : null, valid ? key! : null);
  usePageTitle(data ? `Tình hình nhận báo cáo ${data.period.label.toLowerCase()}` : 'Tình hình nhận báo cáo');
  if (!valid || (isApiError(error) && (error.isNotFound || error.status === 400)))
    return <NotFoundPage what="kỳ báo cáo" />;
  if (isLoading)
    return (
      <Group p="md">
        <Loader size="sm" aria-hidden />
        <Text>Đang tải tình hình nhận báo cáo…</Text>
      </Group>
    );
  if (error || !data) return <LoadError error={error} what="tình hình nhận báo cáo" onRetry={() => void refetch()} />;
  return <StatusView s={data} />;
}

const PAGE = 50;

const GROUP_ROWS: ReadonlyArray<
  [keyof Pick<RollupTotals, 'expected' | 'received' | 'onTime' | 'late' | 'returned' | 'missing' | 'pending'>, string]
> = [
  ['expected', 'Phải báo cáo'],
  ['received', 'Đã nhận'],
  ['onTime', 'Đúng hạn'],
  ['late', 'Quá hạn'],
  ['returned', 'Bị trả lại'],
  ['missing', 'Chưa gửi, quá hạn'],
  ['pending', 'Chưa đến hạn'],
];

function StatusView({ s }: { s: PeriodStatus }) {
  const { params, setParam: setUrlParam } = useSearchParamState();
  const isPhone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const state = (SUBMISSION_STATES as readonly string[]).includes(params.get('tinhTrang') ?? '')
    ? (params.get('tinhTrang') as SubmissionState)
    : null;
  const kind = params.get('loai');
  const [text, setText] = useState(params.get('q') ?? '');
  const [q] = useDebouncedValue(fold(text), 200);
  const [shown, setShown] = useState(PAGE);
  // On paper every unit that matches: there is no "Xem thêm" to press.
  const printing = usePrinting();
  const visible = printing ? Infinity : shown;
  const setParam = (k: string, v: string | null) => {
    setUrlParam(k, v);
    setShown(PAGE);
  };
  const units = useMemo(
    () =>
      s.units.filter(
        (u) =>
          (!state || u.state === state) &&
          (!kind || u.kind === kind) &&
          (!q || fold(`${u.unitName} ${u.unitCode}`).includes(q)),
      ),
    [s.units, state, kind, q],
  );
  const stateCounts = useMemo(() => {
    const m = new Map<string, number>();
    for (const u of s.units) if (!kind || u.kind === kind) m.set(u.state, (m.get(u.state) ?? 0) + 1);
    return m;
  }, [s.units, kind]);
  const { regime, period } = s;
  const dueText = [...new Set(s.dueDates.map((d) => d.dueDate))]
    .map((due) => {
      const kinds = s.dueDates.filter((d) => d.dueDate === due).map((d) => unitKindLabel(d.kind).toLowerCase());
      return `${formatDay(due)} (${kinds.join(', ')})`;
    })
    .join('; ');

  const breadcrumbs = (
    <Box component="nav" aria-label="Vị trí">
      <Breadcrumbs separator="›" separatorMargin={6} style={{ flexWrap: 'wrap', rowGap: 4 }}>
        <Anchor component={Link} to={paths.reports} size="sm">
          Báo cáo
        </Anchor>
        <Anchor component={Link} to={paths.regime(regime.id)} size="sm">
          Chế độ báo cáo
        </Anchor>
        <Text size="sm" aria-current="page">
          {period.label}
        </Text>
      </Breadcrumbs>
    </Box>
  );

  return (
    <>
      <PageHeader
        above={breadcrumbs}
        title={`Tình hình nhận báo cáo ${period.label.toLowerCase()}`}
        description={`${regime.name}. Đơn vị nhận: ${regime.ownerName}. Số liệu từ ${formatDay(period.dataWindow.from)} đến ${formatDay(period.dataWindow.to)}; hạn gửi ${dueText}.`}
        actions={<PrintButton />}
      />
      <Stack gap="md">
        <Section title="Tổng hợp" id="tong-hop">
          <Stack gap="sm">
            <TotalsList totals={s.totals} label="Số báo cáo theo tình trạng" />
            <Title order={3} size="h5" id="tai-ve-ky" className="no-print">
              Tải về
            </Title>
            <Group gap="xs" role="group" aria-labelledby="tai-ve-ky">
              <DownloadButton href={periodDownloads.compiledDocx(regime.id, period.key)}>
                Báo cáo tổng hợp (DOCX)
              </DownloadButton>
              <DownloadButton href={periodDownloads.compiledXlsx(regime.id, period.key)}>
                Phụ lục số liệu (XLSX)
              </DownloadButton>
              <DownloadButton href={periodDownloads.statusXlsx(regime.id, period.key)}>
                Tình hình nhận báo cáo (XLSX)
              </DownloadButton>
              <DownloadButton href={periodDownloads.reminderDocx(regime.id, period.key)}>
                Công văn đôn đốc (DOCX)
              </DownloadButton>
            </Group>
            <Text size="xs" c="dimmed" className="no-print">
              Báo cáo tổng hợp lấy từ các báo cáo đã nhận; bảng tình hình nêu từng đơn vị phải báo cáo; công văn đôn đốc
              nêu từng đơn vị chưa gửi (hoặc bị trả lại) và nội dung còn thiếu.
            </Text>
            <PeriodSigning s={s} />
          </Stack>
        </Section>

        {s.groups.length > 1 ? (
          <Section title="Theo loại đơn vị" id="theo-loai">
            <ScrollTable minWidth={320} label="Theo loại đơn vị">
              <Table verticalSpacing={6} aria-labelledby="theo-loai">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Số báo cáo</Table.Th>
                    {s.groups.map((g) => (
                      <Table.Th key={g.group} scope="col" ta="right">
                        {g.label}
                      </Table.Th>
                    ))}
                    <Table.Th scope="col" ta="right">
                      Tổng
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {GROUP_ROWS.map(([key, label]) => (
                    <Table.Tr key={key}>
                      <Table.Th scope="row" fw={500} miw={120}>
                        {label}
                      </Table.Th>
                      {s.groups.map((g) => (
                        <Table.Td key={g.group} ta="right">
                          {g.totals[key]}
                        </Table.Td>
                      ))}
                      <Table.Td ta="right" fw={700}>
                        {s.totals[key]}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          </Section>
        ) : null}

        <Section title="Chỉ tiêu (từ các báo cáo đã nhận)" id="chi-tieu-ky">
          <ScrollTable minWidth={320} label="Chỉ tiêu">
            <Table verticalSpacing={6} aria-labelledby="chi-tieu-ky">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Chỉ tiêu</Table.Th>
                  <Table.Th scope="col" ta="right">
                    Tổng
                  </Table.Th>
                  {s.groups.map((g) => (
                    <Table.Th key={g.group} scope="col" ta="right" visibleFrom="sm">
                      {g.label}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {s.indicators.map((i) => (
                  <Table.Tr key={i.code}>
                    <Table.Th scope="row" fw={400}>
                      <Text size="sm">
                        {i.name}{' '}
                        <Text span size="xs" c="dimmed">
                          ({i.unit})
                        </Text>
                      </Text>
                    </Table.Th>
                    <Table.Td ta="right" fw={700}>
                      {formatNumber(i.total)}
                    </Table.Td>
                    {s.groups.map((g) => (
                      <Table.Td key={g.group} ta="right" visibleFrom="sm">
                        {formatNumber(i.byGroup[g.group] ?? 0)}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        </Section>

        <Section
          title="Các đơn vị phải báo cáo"
          id="cac-don-vi"
          extra={
            <Text size="sm" c="dimmed">
              {count(s.units.length, 'đơn vị')}
            </Text>
          }
        >
          <Stack gap="sm">
            <ListFilters label="Lọc đơn vị" p="sm">
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
                <SearchField
                  label="Tìm đơn vị"
                  placeholder="Tên hoặc mã (gõ không dấu được)"
                  value={text}
                  onChange={(e) => {
                    setText(e.currentTarget.value);
                    setShown(PAGE);
                  }}
                />
                <FilterSelect
                  what="tình trạng"
                  label="Tình trạng"
                  data={SUBMISSION_STATES.map((st) => ({
                    value: st,
                    label: `${SUBMISSION_STATE_LABEL[st]} (${stateCounts.get(st) ?? 0})`,
                  }))}
                  value={state}
                  onChange={(v) => setParam('tinhTrang', v)}
                />
                {s.groups.length > 1 ? (
                  <FilterSelect
                    what="loại đơn vị"
                    label="Loại đơn vị"
                    data={s.groups.map((g) => ({ value: g.group, label: g.label }))}
                    value={kind}
                    onChange={(v) => setParam('loai', v)}
                  />
                ) : null}
              </SimpleGrid>
            </ListFilters>
            <ListSummary>
              {count(units.length, 'đơn vị')}
              {units.length !== s.units.length ? ' khớp bộ lọc' : ''}
            </ListSummary>
            {!units.length ? (
              <EmptyState title="Không có đơn vị nào khớp" description="Hãy bỏ bớt bộ lọc." />
            ) : isPhone ? (
              <ul className="tap-list" aria-label="Các đơn vị phải báo cáo">
                {units.slice(0, visible).map((u) => (
                  <UnitItem key={u.unitId} u={u} />
                ))}
              </ul>
            ) : (
              <ScrollTable minWidth={760} label="Các đơn vị phải báo cáo">
                <Table verticalSpacing="xs" highlightOnHover>
                  <Table.Caption className="sr-only">Các đơn vị phải báo cáo</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">Đơn vị</Table.Th>
                      <Table.Th scope="col" w={110}>
                        Hạn
                      </Table.Th>
                      <Table.Th scope="col" w={150}>
                        Tình trạng
                      </Table.Th>
                      <Table.Th scope="col" w={170}>
                        Báo cáo
                      </Table.Th>
                      <Table.Th scope="col" w={110}>
                        Ngày gửi
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {units.slice(0, visible).map((u) => (
                      <Table.Tr key={u.unitId}>
                        <Table.Td>
                          {u.reportId ? (
                            <Anchor component={Link} to={paths.report(u.reportId)} size="sm" fw={600}>
                              {u.unitName}
                            </Anchor>
                          ) : (
                            <Text size="sm">{u.unitName}</Text>
                          )}
                          <Text size="xs" c="dimmed">
                            {unitKindLabel(u.kind)} · mã {u.unitCode}
                          </Text>
                          {u.returnReason ? (
                            <Text size="xs" c="red.9">
                              Lý do trả lại: {u.returnReason}
                            </Text>
                          ) : null}
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{formatDay(u.dueDate)}</Text>
                        </Table.Td>
                        <Table.Td>
                          <SubmissionStateBadge state={u.state} size="sm" />
                        </Table.Td>
                        <Table.Td>
                          <ReportStatusBadge status={u.status} size="sm" />
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{formatDay(u.submittedOn) || '—'}</Text>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollTable>
            )}
            {units.length > shown ? (
              <Button
                variant="default"
                size="xs"
                onClick={() => setShown((n) => n + 100)}
                style={{ alignSelf: 'flex-start' }}
              >
                Xem thêm ({units.length - shown})
              </Button>
            ) : null}
          </Stack>
        </Section>
      </Stack>
    </>
  );
}

function UnitItem({ u }: { u: PeriodStatusUnit }) {
  const body = (
    <>
      <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
        <Text
          className={u.reportId ? 'tap-title' : undefined}
          c={u.reportId ? 'thBlue.8' : undefined}
          fw={600}
          size="sm"
        >
          {u.unitName}
        </Text>
        <SubmissionStateBadge state={u.state} size="sm" />
      </Group>
      <Text size="xs" c="dimmed">
        {u.statusLabel}
        {u.submittedOn ? ` · gửi ${formatDay(u.submittedOn)}` : ''} · hạn {formatDay(u.dueDate)}
      </Text>
      {u.returnReason ? (
        <Text size="xs" c="red.9">
          Lý do trả lại: {u.returnReason}
        </Text>
      ) : null}
    </>
  );
  return (
    <li>{u.reportId ? <Link to={paths.report(u.reportId)}>{body}</Link> : <div className="tap-static">{body}</div>}</li>
  );
}
