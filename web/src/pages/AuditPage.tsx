import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { Button, Card, Collapse, Group, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconFilter, IconHistory } from '@tabler/icons-react';
import { useAuditLog, type AuditFilter } from '../api/audit.ts';
import type { AuditRow } from '../api/types.ts';
import { AuditDiff, auditDiff } from '../components/AuditDiff.tsx';
import { DateField } from '../components/DateField.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { ListContent, LoadMore } from '../components/ListContent.tsx';
import { PageHeader } from '../components/PageTitle.tsx';
import { PrintButton } from '../components/Print.tsx';
import { StatusBadge } from '../components/StatusBadge.tsx';
import { UnitSearch, type UnitChoice } from '../components/UnitSearch.tsx';
import {
  AUDIT_ACTION_LABEL,
  auditActionLabel,
  collator,
  entityTypeLabel,
  ENTITY_TYPE_LABEL,
  formatDateTime,
} from '../format.ts';
import { paths } from '../paths.ts';

interface FilterForm {
  action: string | null;
  entityType: string | null;
  actor: string;
  unit: UnitChoice | null;
  from: string | null;
  to: string | null;
}

const EMPTY: FilterForm = { action: null, entityType: null, actor: '', unit: null, from: null, to: null };

function toFilter(f: FilterForm): AuditFilter {
  return {
    action: f.action ?? undefined,
    entityType: f.entityType ?? undefined,
    actor: f.actor.trim() || undefined,
    unitId: f.unit?.id,
    from: f.from ?? undefined,
    to: f.to ?? undefined,
  };
}

const ACTION_OPTIONS = Object.entries(AUDIT_ACTION_LABEL)
  .map(([value, label]) => ({ value, label }))
  .sort((a, b) => collator.compare(a.label, b.label));
const ENTITY_OPTIONS = Object.entries(ENTITY_TYPE_LABEL).map(([value, label]) => ({ value, label }));

function Entity({ row }: { row: AuditRow }) {
  const label = entityTypeLabel(row.entity_type);
  if (row.entity_type === 'unit' && row.entity_id) {
    const name =
      row.unit_id === Number(row.entity_id) && row.unit_name ? row.unit_name : `${label} số ${row.entity_id}`;
    return <Link to={paths.unit(row.entity_id)}>{name}</Link>;
  }
  const username = row.entity_type === 'user' ? (row.after?.username ?? row.before?.username) : undefined;
  if (typeof username === 'string')
    return (
      <>
        {label} {username}
      </>
    );
  return (
    <>
      {label}
      {row.entity_id ? ` số ${row.entity_id}` : ''}
    </>
  );
}

/** The record's unit, unless the record is about that very unit (its name is already the object). */
function showUnit(r: AuditRow): boolean {
  return !!r.unit_name && !(r.entity_type === 'unit' && r.unit_id === Number(r.entity_id));
}

function unitNamesOf(r: AuditRow): Record<number, string> {
  return r.unit_id && r.unit_name ? { [r.unit_id]: r.unit_name } : {};
}

export function AuditPage() {
  const [form, setForm] = useState<FilterForm>(EMPTY);
  const [applied, setApplied] = useState<AuditFilter>({});
  const isPhone = useMediaQuery('(max-width: 62em)', false, { getInitialValueInEffect: false });
  const log = useAuditLog(applied);
  const rows = log.data?.pages.flat() ?? [];
  const set = <K extends keyof FilterForm>(k: K, v: FilterForm[K]) => setForm((f) => ({ ...f, [k]: v }));
  const dateError = form.from && form.to && form.from > form.to ? 'Ngày bắt đầu phải trước ngày kết thúc.' : undefined;

  const [filtersOpen, setFiltersOpen] = useState(!isPhone);
  const activeFilters = Object.values(applied).filter((v) => v !== undefined).length;
  const apply = (e: FormEvent) => {
    e.preventDefault();
    if (dateError) return;
    setApplied(toFilter(form));
    if (isPhone) setFiltersOpen(false);
  };
  const clear = () => {
    setForm(EMPTY);
    setApplied({});
  };

  return (
    <>
      <PageHeader
        title="Nhật ký"
        description="Ai đã thay đổi gì, khi nào, trong phạm vi bạn quản trị."
        actions={<PrintButton />}
      />
      <Stack gap="md">
        {isPhone ? (
          <Group justify="space-between">
            <Button
              variant="default"
              leftSection={<IconFilter size={16} aria-hidden />}
              onClick={() => setFiltersOpen((o) => !o)}
              aria-expanded={filtersOpen}
              aria-controls="bo-loc-nhat-ky"
            >
              {filtersOpen ? 'Ẩn bộ lọc' : `Bộ lọc${activeFilters ? ` (${activeFilters})` : ''}`}
            </Button>
            {activeFilters ? (
              <Button variant="subtle" onClick={clear}>
                Xóa bộ lọc
              </Button>
            ) : null}
          </Group>
        ) : null}
        <Collapse expanded={filtersOpen}>
          <Paper
            withBorder
            p={{ base: 'sm', sm: 'md' }}
            radius="md"
            component="form"
            onSubmit={apply}
            aria-label="Lọc nhật ký"
            id="bo-loc-nhat-ky"
            noValidate
          >
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
              <Select
                label="Thao tác"
                placeholder="Tất cả"
                data={ACTION_OPTIONS}
                value={form.action}
                onChange={(v) => set('action', v)}
                clearable
                searchable
                nothingFoundMessage="Không có"
              />
              <Select
                label="Loại đối tượng"
                placeholder="Tất cả"
                data={ENTITY_OPTIONS}
                value={form.entityType}
                onChange={(v) => set('entityType', v)}
                clearable
              />
              <TextInput
                label="Người thực hiện"
                placeholder="Tên đăng nhập"
                value={form.actor}
                onChange={(e) => set('actor', e.currentTarget.value)}
                autoCapitalize="none"
              />
              <UnitSearch
                label="Đơn vị (gồm cả đơn vị trực thuộc)"
                placeholder="Tên hoặc mã đơn vị"
                value={form.unit}
                onChange={(u) => set('unit', u)}
                activeOnly={false}
              />
              <SimpleGrid cols={2} spacing="sm">
                <DateField label="Từ ngày" value={form.from} onChange={(v) => set('from', v)} />
                <DateField label="Đến ngày" value={form.to} onChange={(v) => set('to', v)} error={dateError} />
              </SimpleGrid>
            </SimpleGrid>
            <Group mt="md" gap="sm">
              <Button type="submit" leftSection={<IconFilter size={16} aria-hidden />}>
                Lọc
              </Button>
              <Button variant="default" onClick={clear}>
                Xóa bộ lọc
              </Button>
            </Group>
          </Paper>
        </Collapse>

        <ListContent
          query={log}
          what="nhật ký"
          isEmpty={rows.length === 0}
          empty={
            <EmptyState
              icon={<IconHistory size={24} />}
              title="Không có bản ghi nào"
              description="Hãy thử bỏ bớt điều kiện lọc."
            />
          }
        >
          {() =>
            isPhone ? (
              <Stack gap="sm">
                {rows.map((r) => (
                  <Card
                    key={r.id}
                    withBorder
                    radius="md"
                    padding="sm"
                    component="article"
                    aria-label={`${auditActionLabel(r.action)}, ${formatDateTime(r.at)}`}
                  >
                    <Group justify="space-between" gap="xs">
                      <StatusBadge tone="blue">{auditActionLabel(r.action)}</StatusBadge>
                      <Text size="xs" c="dimmed">
                        {formatDateTime(r.at)}
                      </Text>
                    </Group>
                    <Text size="sm" mt={6}>
                      <b>{r.actor_username ?? 'Hệ thống'}</b> · <Entity row={r} />
                    </Text>
                    {showUnit(r) ? (
                      <Text size="sm" c="dimmed">
                        {r.unit_name}
                      </Text>
                    ) : null}
                    {auditDiff(r.before, r.after).length ? (
                      <div style={{ marginTop: 6 }}>
                        <AuditDiff
                          before={r.before}
                          after={r.after}
                          unitNames={unitNamesOf(r)}
                          entityType={r.entity_type}
                        />
                      </div>
                    ) : null}
                  </Card>
                ))}
              </Stack>
            ) : (
              <Paper withBorder radius="md">
                <Table verticalSpacing="sm" style={{ tableLayout: 'fixed' }}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col" w={150}>
                        Thời gian
                      </Table.Th>
                      <Table.Th scope="col" w={150}>
                        Người thực hiện
                      </Table.Th>
                      <Table.Th scope="col" w={150}>
                        Thao tác
                      </Table.Th>
                      <Table.Th scope="col" w={200}>
                        Đối tượng
                      </Table.Th>
                      <Table.Th scope="col">Thay đổi</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rows.map((r) => (
                      <Table.Tr key={r.id} style={{ verticalAlign: 'top' }}>
                        <Table.Td>
                          <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                            {formatDateTime(r.at)}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                            {r.actor_username ?? 'Hệ thống'}
                          </Text>
                          {r.ip ? (
                            <Text size="xs" c="dimmed">
                              {r.ip === 'cli' ? 'dòng lệnh' : r.ip}
                            </Text>
                          ) : null}
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                            {auditActionLabel(r.action)}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">
                            <Entity row={r} />
                          </Text>
                          {showUnit(r) ? (
                            <Text size="xs" c="dimmed">
                              {r.unit_name}
                            </Text>
                          ) : null}
                        </Table.Td>
                        <Table.Td>
                          <AuditDiff
                            before={r.before}
                            after={r.after}
                            unitNames={unitNamesOf(r)}
                            entityType={r.entity_type}
                          />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Paper>
            )
          }
        </ListContent>

        <LoadMore query={log} />
        {!log.hasNextPage && rows.length > 0 ? (
          <Text size="sm" c="dimmed" ta="center">
            Đã hiển thị hết {rows.length} bản ghi.
          </Text>
        ) : null}
      </Stack>
    </>
  );
}
