// Kế hoạch: the plans the user may see (issued ones everywhere, drafts of their own units), filtered by issuing
// unit, status, year and text (without accents). Filters live in the address so "back" keeps them.
import { useMemo } from 'react';
import { Link } from 'react-router';
import { Anchor, Button, Card, CloseButton, Grid, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconClipboardList, IconFileImport } from '@tabler/icons-react';
import { usePlan, usePlanList } from '../api/plans.ts';
import { useUnitChoice } from '../components/unitChoice.ts';
import { PLAN_STATUSES, type PlanListItem, type PlanStatus } from '../api/types.ts';
import { useCurrentUser } from '../auth/SessionContext.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { ListContent, LoadMore } from '../components/ListContent.tsx';
import { ListFilters, ListSummary } from '../components/ListHeader.tsx';
import { PageHeader } from '../components/PageTitle.tsx';
import { PrintButton } from '../components/Print.tsx';
import { useSearchParamState, useSearchText } from '../components/searchParams.ts';
import { UnitSearch } from '../components/UnitSearch.tsx';
import { PlanStatusBadge } from '../components/plans/PlanBits.tsx';
import { docNumber, formatIsoDate, PLAN_STATUS_LABEL } from '../components/plans/planFormat.ts';
import { count } from '../format.ts';
import { paths } from '../paths.ts';
import { ScrollTable } from '../components/ScrollTable.tsx';
import { FilterSelect, SearchField } from '../components/FilterFields.tsx';

const STATUS_OPTIONS = PLAN_STATUSES.map((s) => ({ value: s, label: PLAN_STATUS_LABEL[s] }));

function yearOptions(): Array<{ value: string; label: string }> {
  const now = new Date().getFullYear();
  const years: number[] = [];
  for (let y = now + 1; y >= 2020; y--) years.push(y);
  return years.map((y) => ({ value: String(y), label: String(y) }));
}

export function PlansPage() {
  const user = useCurrentUser();
  const { params, setParams, setParam } = useSearchParamState();
  const unitId = Number(params.get('donVi')) || null;
  const status = (PLAN_STATUSES as readonly string[]).includes(params.get('trangThai') ?? '')
    ? (params.get('trangThai') as PlanStatus)
    : null;
  const year = Number(params.get('nam')) || null;
  const parentPlanId = Number(params.get('capTren')) || null;
  const { text, setText, q } = useSearchText();
  const isPhone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });

  const { choice: unitChoice, remember } = useUnitChoice(unitId);
  const parent = usePlan(parentPlanId);
  const list = usePlanList({ unitId, status, year, q, parentPlanId });
  const plans = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const total = list.data?.pages[0]?.total ?? 0;
  const filtered = !!(unitId || status || year || q || parentPlanId);
  const years = useMemo(yearOptions, []);

  const clearAll = () => {
    setText('');
    setParams(new URLSearchParams(), { replace: true });
  };

  return (
    <>
      <PageHeader
        title="Kế hoạch"
        description="Kế hoạch triển khai thi hành luật của tỉnh và các xã, phường."
        actions={
          <>
            {user.can.draftPlans ? (
              <Button component={Link} to={paths.planImport} leftSection={<IconFileImport size={18} aria-hidden />}>
                Nhập kế hoạch từ tệp
              </Button>
            ) : null}
            <PrintButton />
          </>
        }
      />
      <Stack gap="md">
        <ListFilters label="Lọc kế hoạch">
          <Grid gap="sm" align="flex-end">
            <Grid.Col span={{ base: 12, sm: 6, lg: 4 }}>
              <SearchField
                label="Tìm kế hoạch"
                placeholder="Trích yếu, số hiệu, nhiệm vụ (gõ không dấu được)"
                value={text}
                onChange={(e) => setText(e.currentTarget.value)}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6, lg: 4 }}>
              <UnitSearch
                label="Đơn vị ban hành (gồm cấp dưới)"
                value={unitChoice}
                onChange={(u) => {
                  remember(u);
                  setParam('donVi', u ? String(u.id) : null);
                }}
                placeholder="Tỉnh, xã, phường… (gõ không dấu)"
              />
            </Grid.Col>
            <Grid.Col span={{ base: 6, lg: 2 }}>
              <FilterSelect
                what="trạng thái"
                label="Trạng thái"
                data={STATUS_OPTIONS}
                value={status}
                onChange={(v) => setParam('trangThai', v)}
                allowDeselect
                comboboxProps={{ withinPortal: true }}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 6, lg: 2 }}>
              <FilterSelect
                what="năm"
                label="Năm"
                data={years}
                value={year ? String(year) : null}
                onChange={(v) => setParam('nam', v)}
              />
            </Grid.Col>
          </Grid>
          {parentPlanId ? (
            <Group gap="xs" mt="sm" wrap="nowrap">
              <Text size="sm" style={{ minWidth: 0 }}>
                Kế hoạch triển khai{' '}
                <Anchor component={Link} to={paths.plan(parentPlanId)} size="sm" underline="always">
                  {parent.data
                    ? `${docNumber(parent.data.plan.number, parent.data.plan.symbol)} – ${parent.data.plan.unitName}`
                    : `kế hoạch số ${parentPlanId}`}
                </Anchor>
              </Text>
              <CloseButton
                size="sm"
                aria-label="Bỏ lọc theo kế hoạch cấp trên"
                onClick={() => setParam('capTren', null)}
              />
            </Group>
          ) : null}
        </ListFilters>

        <ListSummary onClearFilters={filtered ? clearAll : null}>
          {list.isLoading
            ? 'Đang tải…'
            : list.data
              ? list.hasNextPage
                ? `${count(total, 'kế hoạch')}, đang hiện ${plans.length}`
                : count(total, 'kế hoạch')
              : ''}
        </ListSummary>

        <ListContent
          query={list}
          what="danh sách kế hoạch"
          isEmpty={plans.length === 0}
          empty={
            <EmptyState
              icon={<IconClipboardList size={24} />}
              title={filtered ? 'Không có kế hoạch nào khớp' : 'Chưa có kế hoạch nào'}
              description={
                filtered
                  ? 'Hãy thử từ khóa khác hoặc bỏ bớt bộ lọc.'
                  : 'Nhập kế hoạch từ tệp văn bản (.docx, .txt, .md, .html) để bắt đầu.'
              }
              action={
                filtered ? (
                  <Button variant="light" onClick={clearAll}>
                    Bỏ mọi bộ lọc
                  </Button>
                ) : user.can.draftPlans ? (
                  <Button variant="light" component={Link} to={paths.planImport}>
                    Nhập kế hoạch
                  </Button>
                ) : undefined
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
                aria-label="Danh sách kế hoạch"
              >
                {plans.map((p) => (
                  <PlanCard key={p.id} plan={p} />
                ))}
              </Stack>
            ) : (
              <Paper withBorder radius="md">
                <ScrollTable minWidth={900} label="Danh sách kế hoạch">
                  <Table verticalSpacing="sm" highlightOnHover>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col" w={130}>
                          Số, ký hiệu
                        </Table.Th>
                        <Table.Th scope="col">Trích yếu</Table.Th>
                        <Table.Th scope="col" w={170}>
                          Đơn vị ban hành
                        </Table.Th>
                        <Table.Th scope="col" w={110}>
                          Ngày ban hành
                        </Table.Th>
                        <Table.Th scope="col" w={130}>
                          Trạng thái
                        </Table.Th>
                        <Table.Th scope="col" w={80} ta="right">
                          Nhiệm vụ
                        </Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {plans.map((p) => (
                        <Table.Tr key={p.id}>
                          <Table.Td>
                            <Text size="sm">
                              {p.number ? (
                                docNumber(p.number, p.symbol)
                              ) : (
                                <Text span c="dimmed" inherit>
                                  Chưa có số
                                </Text>
                              )}
                            </Text>
                          </Table.Td>
                          <Table.Td>
                            <Anchor component={Link} to={paths.plan(p.id)} size="sm" fw={600}>
                              {p.title || '(chưa có trích yếu)'}
                            </Anchor>
                            {p.version > 1 ? (
                              <Text size="xs" c="dimmed">
                                Phiên bản {p.version}
                              </Text>
                            ) : null}
                            {p.childCount ? (
                              <Text size="xs" c="dimmed">
                                {count(p.childCount, 'kế hoạch cấp dưới')}
                              </Text>
                            ) : null}
                          </Table.Td>
                          <Table.Td>
                            <Text size="sm">{p.unitName}</Text>
                          </Table.Td>
                          <Table.Td>
                            <Text size="sm">{formatIsoDate(p.issuedDate) || '—'}</Text>
                          </Table.Td>
                          <Table.Td>
                            <PlanStatusBadge status={p.status} label={p.statusLabel} />
                          </Table.Td>
                          <Table.Td ta="right">
                            <Text size="sm">{p.taskCount}</Text>
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

        <LoadMore query={list}>Xem thêm (còn {total - plans.length})</LoadMore>
      </Stack>
    </>
  );
}

function PlanCard({ plan: p }: { plan: PlanListItem }) {
  return (
    <li>
      <Card withBorder radius="md" padding="sm">
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <Text size="sm" c="dimmed">
            {p.number ? docNumber(p.number, p.symbol) : 'Chưa có số'}
            {p.issuedDate ? ` · ${formatIsoDate(p.issuedDate)}` : ''}
          </Text>
          <PlanStatusBadge status={p.status} label={p.statusLabel} size="sm" />
        </Group>
        <Anchor
          component={Link}
          to={paths.plan(p.id)}
          fw={600}
          mt={4}
          display="block"
          style={{ overflowWrap: 'anywhere' }}
        >
          {p.title || '(chưa có trích yếu)'}
        </Anchor>
        <Text size="sm" mt={4}>
          {p.unitName}
        </Text>
        <Text size="xs" c="dimmed" mt={2}>
          {count(p.taskCount, 'nhiệm vụ')}
          {p.childCount ? ` · ${count(p.childCount, 'kế hoạch cấp dưới')}` : ''}
          {p.version > 1 ? ` · phiên bản ${p.version}` : ''}
        </Text>
      </Card>
    </li>
  );
}
