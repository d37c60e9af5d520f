// Công việc: the tasks assigned to my unit (and the offices under it) by issued plans, each with its due date in
// the reporting year, its status in the four states (computed by the server from dates), its progress and last
// update. Filters live in the address (donVi, keHoach, trangThai, nam) so "back" keeps them.
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { Anchor, Button, Card, Chip, Grid, Group, Paper, Select, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconChecklist, IconChevronDown } from '@tabler/icons-react';
import { usePlanOptions } from '../api/plans.ts';
import { useAssignments } from '../api/tracking.ts';
import { useUnitChoice } from '../components/unitChoice.ts';
import { TASK_STATUSES, type AssignmentListItem, type TaskStatus } from '../api/types.ts';
import { useCurrentUser } from '../auth/SessionContext.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { ListContent, LoadMore } from '../components/ListContent.tsx';
import { ListFilters, ListSummary, yearChoices } from '../components/ListHeader.tsx';
import { PageHeader } from '../components/PageTitle.tsx';
import { PrintButton } from '../components/Print.tsx';
import { useSearchParamState } from '../components/searchParams.ts';
import { UnitSearch } from '../components/UnitSearch.tsx';
import { docNumber } from '../components/plans/planFormat.ts';
import { PercentBar, TaskStatusBadge } from '../components/tracking/TrackingBits.tsx';
import { count, formatDay, reportingYear, reportingYearWindow, TASK_STATUS_LABEL } from '../format.ts';
import { paths } from '../paths.ts';
import { ScrollTable } from '../components/ScrollTable.tsx';
import { FilterSelect } from '../components/FilterFields.tsx';

export function AssignmentsPage() {
  const user = useCurrentUser();
  const { params, setParams, setParam } = useSearchParamState();
  const unitId = Number(params.get('donVi')) || user.unitId;
  const planId = Number(params.get('keHoach')) || null;
  const status = (TASK_STATUSES as readonly string[]).includes(params.get('trangThai') ?? '')
    ? (params.get('trangThai') as TaskStatus)
    : null;
  const year = Number(params.get('nam')) || null;
  const isPhone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const [moreOpen, setMoreOpen] = useState(false);

  const { choice: unitChoice, remember } = useUnitChoice(unitId, {
    id: user.unitId,
    name: user.unitName,
    code: user.unitCode,
  });
  const plans = usePlanOptions('issued');
  const planOptions = useMemo(
    () =>
      (plans.data ?? []).map((p) => ({
        value: String(p.id),
        label: `${docNumber(p.number, p.symbol)} – ${p.unitName}`,
      })),
    [plans.data],
  );
  const list = useAssignments({ unitId, planId, status, year });
  const first = list.data?.pages[0];
  const items = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const shownYear = year ?? first?.year ?? reportingYear();
  const filtered = unitId !== user.unitId || !!planId || !!status || !!year;
  const years = useMemo(yearChoices, []);
  const totalAll = first ? TASK_STATUSES.reduce((n, s) => n + first.counts[s], 0) : 0;

  return (
    <>
      <PageHeader
        title="Công việc"
        description={`Nhiệm vụ được giao cho đơn vị và các phòng, ban trực thuộc theo các kế hoạch đã ban hành. Tình trạng tính theo hạn của năm ${shownYear} (${reportingYearWindow(shownYear)}).`}
        actions={<PrintButton />}
      />
      <Stack gap="md">
        <ListFilters label="Lọc công việc">
          {isPhone ? (
            <Group justify="space-between" gap="xs" wrap="nowrap" mb={moreOpen ? 'sm' : 0}>
              <Text size="sm" style={{ minWidth: 0, flex: 1 }}>
                {unitChoice?.name ?? user.unitName} ·{' '}
                {planId
                  ? (planOptions.find((o) => o.value === String(planId))?.label ?? 'một kế hoạch')
                  : 'mọi kế hoạch'}{' '}
                · năm {shownYear}
              </Text>
              <Button
                variant="subtle"
                size="compact-sm"
                onClick={() => setMoreOpen((o) => !o)}
                aria-expanded={moreOpen}
                aria-controls="loc-them"
                style={{ flexShrink: 0 }}
                rightSection={
                  <IconChevronDown
                    size={14}
                    aria-hidden
                    style={{ transform: moreOpen ? 'rotate(180deg)' : undefined }}
                  />
                }
              >
                {moreOpen ? 'Thu gọn' : 'Đổi'}
              </Button>
            </Group>
          ) : null}
          {!isPhone || moreOpen ? (
            <Grid gap="sm" align="flex-end" id="loc-them">
              <Grid.Col span={{ base: 12, sm: 6, lg: 5 }}>
                <UnitSearch
                  label="Đơn vị (gồm cấp dưới)"
                  value={unitChoice}
                  onChange={(u) => {
                    remember(u);
                    setParam('donVi', u && u.id !== user.unitId ? String(u.id) : null);
                  }}
                  placeholder="Đơn vị của tôi"
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6, lg: 4 }}>
                <FilterSelect
                  what="kế hoạch"
                  label="Kế hoạch"
                  placeholder="Mọi kế hoạch đang có hiệu lực"
                  data={planOptions}
                  value={planId ? String(planId) : null}
                  onChange={(v) => setParam('keHoach', v)}
                  searchable
                  nothingFoundMessage="Không có kế hoạch nào khớp"
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, lg: 3 }}>
                <Select
                  label="Năm báo cáo"
                  data={years}
                  value={String(shownYear)}
                  onChange={(v) => setParam('nam', v && Number(v) !== reportingYear() ? v : null)}
                  allowDeselect={false}
                />
              </Grid.Col>
            </Grid>
          ) : null}
          <Stack gap={6} mt="sm">
            <Text size="sm" fw={500} id="loc-tinh-trang">
              Tình trạng
            </Text>
            <Chip.Group
              multiple={false}
              value={status ?? 'all'}
              onChange={(v) => setParam('trangThai', v === 'all' ? null : v)}
            >
              <Group gap={6} role="radiogroup" aria-labelledby="loc-tinh-trang">
                <Chip value="all" size="sm" radius="sm">
                  Tất cả{first ? ` (${totalAll})` : ''}
                </Chip>
                {TASK_STATUSES.map((s) => (
                  <Chip key={s} value={s} size="sm" radius="sm">
                    {TASK_STATUS_LABEL[s]}
                    {first ? ` (${first.counts[s]})` : ''}
                  </Chip>
                ))}
              </Group>
            </Chip.Group>
          </Stack>
        </ListFilters>

        <ListSummary onClearFilters={filtered ? () => setParams(new URLSearchParams(), { replace: true }) : null}>
          {list.isLoading
            ? 'Đang tải…'
            : first
              ? `${count(first.total, 'nhiệm vụ')}${status ? ` ${TASK_STATUS_LABEL[status].toLowerCase()}` : ''}`
              : ''}
        </ListSummary>

        <ListContent
          query={list}
          what="danh sách công việc"
          isEmpty={items.length === 0}
          empty={
            <EmptyState
              icon={<IconChecklist size={24} />}
              title={filtered ? 'Không có nhiệm vụ nào khớp' : 'Đơn vị chưa được giao nhiệm vụ nào'}
              description={
                filtered
                  ? 'Hãy bỏ bớt bộ lọc.'
                  : 'Nhiệm vụ được giao khi kế hoạch nêu tên đơn vị (chủ trì hoặc phối hợp) được ban hành.'
              }
            />
          }
        >
          {() =>
            isPhone ? (
              <Stack
                gap="sm"
                component="ul"
                style={{ listStyle: 'none', margin: 0, padding: 0 }}
                aria-label="Danh sách công việc"
              >
                {items.map((a) => (
                  <AssignmentCard key={a.id} a={a} />
                ))}
              </Stack>
            ) : (
              <Paper withBorder radius="md">
                <ScrollTable minWidth={900} label="Danh sách công việc">
                  <Table verticalSpacing="sm" highlightOnHover className="task-table">
                    <Table.Caption className="sr-only">Danh sách công việc</Table.Caption>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">Nhiệm vụ</Table.Th>
                        <Table.Th scope="col" w={200}>
                          Đơn vị thực hiện
                        </Table.Th>
                        <Table.Th scope="col" w={110}>
                          Hạn
                        </Table.Th>
                        <Table.Th scope="col" w={170}>
                          Tình trạng
                        </Table.Th>
                        <Table.Th scope="col" w={150}>
                          Tiến độ
                        </Table.Th>
                        <Table.Th scope="col" w={120}>
                          Cập nhật gần nhất
                        </Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {items.map((a) => (
                        <Table.Tr key={a.id}>
                          <Table.Td>
                            <Anchor component={Link} to={paths.assignment(a.id)} size="sm" fw={600}>
                              {a.task.number}. {a.task.title}
                            </Anchor>
                            <Text size="xs" c="dimmed">
                              {docNumber(a.plan.number, a.plan.symbol)} – {a.plan.unitName}
                            </Text>
                          </Table.Td>
                          <Table.Td>
                            <Text size="sm">{a.unit.name}</Text>
                            <Text size="xs" c="dimmed">
                              {a.roleLabel}
                            </Text>
                          </Table.Td>
                          <Table.Td>
                            <Text size="sm">{formatDay(a.dueDate) || 'Không có hạn'}</Text>
                          </Table.Td>
                          <Table.Td>
                            <TaskStatusBadge status={a.status} size="sm" />
                          </Table.Td>
                          <Table.Td>
                            <PercentBar value={a.percent} />
                          </Table.Td>
                          <Table.Td>
                            <Text size="sm">{a.lastUpdate ? formatDay(a.lastUpdate.occurredOn) : 'Chưa cập nhật'}</Text>
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </ScrollTable>
              </Paper>
            )
          }
        </ListContent>

        <LoadMore query={list} />
      </Stack>
    </>
  );
}

function AssignmentCard({ a }: { a: AssignmentListItem }) {
  return (
    <li>
      <Card withBorder radius="md" padding="sm">
        <Group justify="space-between" gap={6} align="center">
          <TaskStatusBadge status={a.status} size="sm" />
          <Text size="xs" fw={600}>
            Hạn {formatDay(a.dueDate) || 'không có'}
          </Text>
        </Group>
        <Anchor
          component={Link}
          to={paths.assignment(a.id)}
          fw={600}
          mt={4}
          display="block"
          size="sm"
          style={{ overflowWrap: 'anywhere' }}
        >
          {a.task.number}. {a.task.title}
        </Anchor>
        <Text size="xs" mt={2}>
          {a.unit.name} · {a.roleLabel}
        </Text>
        <Text size="xs" c="dimmed">
          {docNumber(a.plan.number, a.plan.symbol)} – {a.plan.unitName}
        </Text>
        <PercentBar value={a.percent} />
        <Text size="xs" c="dimmed">
          {a.lastUpdate ? `Cập nhật ${formatDay(a.lastUpdate.occurredOn)}` : 'Chưa cập nhật tiến độ'}
        </Text>
      </Card>
    </li>
  );
}
