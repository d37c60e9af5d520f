// CSDL phục vụ AI: the datasets the user's unit and the units it follows supply, filtered by text (without accents),
// sector, access class, status and unit. Filters live in the address so "back" keeps them.
import { Button, Card, Grid, Group, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import {
  ACCESS_CLASS_LABEL,
  DATASET_STATUS_LABEL,
  useDatasets,
  useDatasetSectors,
  type DatasetSummary,
} from '../../api/datasets.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ListFilters, ListSummary } from '../../components/ListHeader.tsx';
import { ListContent } from '../../components/ListContent.tsx';
import { PageHeader } from '../../components/PageTitle.tsx';
import { PrintButton } from '../../components/Print.tsx';
import { useSearchParamState, useSearchText } from '../../components/searchParams.ts';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { UnitSearch } from '../../components/UnitSearch.tsx';
import { useUnitChoice } from '../../components/unitChoice.ts';
import { count, formatDate } from '../../format.ts';
import { paths } from '../../paths.ts';
import { useSession } from '../../auth/SessionContext.tsx';
import { CLASS_TONE, STATUS_TONE, scoreTone, syncBadge } from './labels.ts';
import { FilterSelect, SearchField } from '../../components/FilterFields.tsx';

const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));
const CLASS_OPTIONS = options(ACCESS_CLASS_LABEL);
const STATUS_OPTIONS = options(DATASET_STATUS_LABEL);

function DatasetCard({ d }: { d: DatasetSummary }) {
  const sync = d.status === 'draft' ? null : syncBadge(d.sync);
  return (
    <Card withBorder radius="md" padding="sm" component={Link} to={paths.dataset(d.id)} data-testid="dataset-card">
      <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
        {d.title}
      </Text>
      <Text size="sm" c="dimmed">
        {d.unit.name} · {d.sectorName} · {count(d.resources, 'tệp')} · cập nhật {formatDate(d.updatedAt)}
      </Text>
      <Group gap={6} mt={6}>
        <StatusBadge tone={STATUS_TONE[d.status]!} size="sm">
          {DATASET_STATUS_LABEL[d.status]}
        </StatusBadge>
        <StatusBadge tone={CLASS_TONE[d.accessClass]!} size="sm">
          {ACCESS_CLASS_LABEL[d.accessClass]}
        </StatusBadge>
        {d.qualityScore !== null ? (
          <StatusBadge tone={scoreTone(d.qualityScore)} size="sm">
            Chất lượng {d.qualityScore}/100
          </StatusBadge>
        ) : null}
        {d.unresolvedPersonalData > 0 ? (
          <StatusBadge tone="red" size="sm">
            {count(d.unresolvedPersonalData, 'phát hiện')} dữ liệu cá nhân
          </StatusBadge>
        ) : null}
        {sync ? (
          <StatusBadge tone={sync.tone} size="sm">
            {sync.text}
          </StatusBadge>
        ) : null}
      </Group>
    </Card>
  );
}

export function DatasetsPage() {
  const { user } = useSession();
  const { params, setParams, setParam } = useSearchParamState();
  const { text, setText, q } = useSearchText();
  const unitId = Number(params.get('donVi')) || null;
  const sector = params.get('linhVuc');
  const accessClass = params.get('loai');
  const status = params.get('trangThai');
  const { choice: unitChoice, remember } = useUnitChoice(unitId);
  const sectors = useDatasetSectors();
  const list = useDatasets({ q, unitId, sector, accessClass, status });
  const filtered = !!(q || unitId || sector || accessClass || status);
  const clearAll = () => {
    setText('');
    setParams(new URLSearchParams(), { replace: true });
  };
  return (
    <>
      <PageHeader
        title="CSDL phục vụ AI"
        description="Danh mục dữ liệu của các sở, ngành, xã, phường cung cấp cho Cơ sở dữ liệu phục vụ trí tuệ nhân tạo tỉnh: chất lượng, dữ liệu cá nhân, điều kiện truy cập."
        actions={
          <>
            <Button component={Link} to={paths.datasetNew} leftSection={<IconPlus size={16} aria-hidden />}>
              Thêm bộ dữ liệu
            </Button>
            <Button component={Link} to={paths.publicDatasets} variant="subtle">
              Trang công khai
            </Button>
            {user?.roles.some((r) => r === 'unitAdmin' || r === 'sysadmin') ? (
              <Button component={Link} to={paths.dataOrganisations} variant="subtle">
                Tài khoản tổ chức
              </Button>
            ) : null}
            <PrintButton />
          </>
        }
      />
      <Stack gap="md">
        <ListFilters label="Lọc bộ dữ liệu">
          <Grid gap="sm" align="flex-end">
            <Grid.Col span={{ base: 12, sm: 6, lg: 4 }}>
              <SearchField
                label="Tìm bộ dữ liệu"
                placeholder="Tên, mô tả, từ khóa (gõ không dấu được)"
                value={text}
                onChange={(e) => setText(e.currentTarget.value)}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6, lg: 4 }}>
              <UnitSearch
                label="Đơn vị cung cấp"
                value={unitChoice}
                onChange={(u) => {
                  remember(u);
                  setParam('donVi', u ? String(u.id) : null);
                }}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4, lg: 4 }}>
              <FilterSelect
                what="lĩnh vực"
                label="Lĩnh vực"
                data={(sectors.data ?? []).map((s) => ({ value: s.code, label: s.name }))}
                value={sector}
                onChange={(v) => setParam('linhVuc', v)}
                searchable
              />
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 4 }}>
              <FilterSelect
                what="loại dữ liệu"
                label="Loại dữ liệu"
                data={CLASS_OPTIONS}
                value={accessClass}
                onChange={(v) => setParam('loai', v)}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 4 }}>
              <FilterSelect
                what="trạng thái"
                label="Trạng thái"
                data={STATUS_OPTIONS}
                value={status}
                onChange={(v) => setParam('trangThai', v)}
              />
            </Grid.Col>
          </Grid>
        </ListFilters>
        <ListContent
          query={list}
          what="danh sách bộ dữ liệu"
          isEmpty={!list.data?.items.length}
          empty={
            <EmptyState
              title={filtered ? 'Không có bộ dữ liệu nào khớp' : 'Chưa có bộ dữ liệu nào'}
              description={
                filtered
                  ? 'Thử bỏ bớt bộ lọc.'
                  : 'Thêm bộ dữ liệu đơn vị quản lý để đưa vào Cơ sở dữ liệu phục vụ trí tuệ nhân tạo.'
              }
            />
          }
        >
          {() => (
            <Stack gap="sm">
              <ListSummary onClearFilters={filtered ? clearAll : null}>
                {count(list.data!.total, 'bộ dữ liệu')}
                {list.data!.items.length < list.data!.total ? `, đang hiện ${list.data!.items.length}` : ''}
              </ListSummary>
              {list.data!.items.map((d) => (
                <DatasetCard key={d.id} d={d} />
              ))}
            </Stack>
          )}
        </ListContent>
      </Stack>
    </>
  );
}
