// Công khai: the catalogue of the province's data for AI (Cơ sở dữ liệu phục vụ trí tuệ nhân tạo tỉnh), searchable
// without accents, filtered by sector, access class, owner and commune; machine-readable as DCAT JSON-LD and CSV, so
// the national data portal or any CKAN can harvest it.
import { Anchor, Grid, Paper, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { Link } from 'react-router';
import {
  ACCESS_CLASS_LABEL,
  datasetUrls,
  usePublicDatasets,
  usePublicSectors,
  type PublicDataset,
} from '../../api/datasets.ts';
import { LoadError } from '../../components/FieldError.tsx';
import { usePageTitle } from '../../components/PageTitle.tsx';
import { useSearchParamState, useSearchText } from '../../components/searchParams.ts';
import { UnitSearch } from '../../components/UnitSearch.tsx';
import { useUnitChoice } from '../../components/unitChoice.ts';
import { count, shorten, formatDate } from '../../format.ts';
import { paths } from '../../paths.ts';
import { PublicShell } from '../petitions/PublicShell.tsx';
import { DatasetBadges, PublicDataNav, PublicResources } from './PublicDataParts.tsx';
import { FilterSelect, SearchField } from '../../components/FilterFields.tsx';

const CLASS_OPTIONS = Object.entries(ACCESS_CLASS_LABEL).map(([value, label]) => ({ value, label }));

function DatasetCard({ d }: { d: PublicDataset }) {
  return (
    <Paper withBorder radius="md" p="md" component="article" data-testid="public-dataset">
      <Stack gap={6}>
        <Title order={2} size="h4" style={{ overflowWrap: 'anywhere' }}>
          <Anchor component={Link} to={paths.publicDataset(d.id)} underline="always">
            {d.title}
          </Anchor>
        </Title>
        <Text size="sm" c="dimmed">
          {d.publisher.name} · cập nhật {formatDate(d.modifiedAt)}
        </Text>
        <DatasetBadges d={d} />
        {d.description ? (
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {shorten(d.description, 280)}
          </Text>
        ) : null}
        <PublicResources d={d} />
      </Stack>
    </Paper>
  );
}

export function PublicDatasetsPage() {
  usePageTitle('Dữ liệu phục vụ trí tuệ nhân tạo');
  const { params, setParam } = useSearchParamState();
  const { text, setText, q } = useSearchText();
  const sector = params.get('linhVuc');
  const accessClass = params.get('loai');
  const unitId = Number(params.get('donVi')) || null;
  const communeId = Number(params.get('xa')) || null;
  const owner = useUnitChoice(unitId);
  const commune = useUnitChoice(communeId);
  const list = usePublicDatasets({ q, sector, accessClass, unitId, communeId });
  const sectors = usePublicSectors();
  // Without the sector list (a visitor the server does not serve it to), the sectors of what is shown.
  const sectorOptions = useMemo(() => {
    const all = sectors.data ?? (list.data?.items ?? []).map((d) => ({ code: d.sector, name: d.sectorName }));
    return [...new Map(all.map((s) => [s.code, { value: s.code, label: s.name }])).values()];
  }, [sectors.data, list.data]);
  return (
    <PublicShell nav={<PublicDataNav />} navLabel="Trang công khai">
      <Stack gap="md">
        <Title order={1} fz={{ base: 22, sm: 28 }}>
          Dữ liệu phục vụ trí tuệ nhân tạo tỉnh Thanh Hóa
        </Title>
        <Text size="sm" c="dimmed">
          Danh mục dữ liệu các cơ quan, xã, phường cung cấp (Nghị định 142/2026/NĐ-CP). Dữ liệu mở tải về tự do; dữ liệu
          có điều kiện, thương mại cần đề nghị truy cập: cán bộ trong tỉnh đăng nhập; doanh nghiệp, viện, trường dùng{' '}
          <Anchor component={Link} to={paths.publicDataOrganisation} underline="always">
            tài khoản tổ chức
          </Anchor>
          . Danh mục máy đọc:{' '}
          <Anchor href={datasetUrls.catalogJsonLd()} underline="always">
            DCAT (JSON-LD)
          </Anchor>
          ,{' '}
          <Anchor href={datasetUrls.catalogCsv()} underline="always">
            CSV
          </Anchor>
          .
        </Text>
        <Paper withBorder p="sm" radius="md" role="search" aria-label="Lọc danh mục dữ liệu">
          <Grid gap="sm" align="flex-end">
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <SearchField
                label="Tìm dữ liệu"
                placeholder="Gõ không dấu được, ví dụ: ho kinh doanh"
                value={text}
                onChange={(e) => setText(e.currentTarget.value)}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <FilterSelect
                what="lĩnh vực"
                label="Lĩnh vực"
                data={sectorOptions}
                value={sector}
                onChange={(v) => setParam('linhVuc', v)}
                searchable
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <FilterSelect
                what="loại dữ liệu"
                label="Loại dữ liệu"
                data={CLASS_OPTIONS}
                value={accessClass}
                onChange={(v) => setParam('loai', v)}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <UnitSearch
                label="Đơn vị cung cấp"
                value={owner.choice}
                onChange={(u) => {
                  owner.remember(u);
                  setParam('donVi', u ? String(u.id) : null);
                }}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <UnitSearch
                label="Xã, phường"
                kinds={['commune', 'ward']}
                value={commune.choice}
                onChange={(u) => {
                  commune.remember(u);
                  setParam('xa', u ? String(u.id) : null);
                }}
              />
            </Grid.Col>
          </Grid>
        </Paper>
        {list.error ? (
          <LoadError error={list.error} what="danh mục dữ liệu" onRetry={() => void list.refetch()} />
        ) : null}
        {list.data ? (
          <Text size="sm" role="status" aria-live="polite">
            {count(list.data.total, 'bộ dữ liệu')}
          </Text>
        ) : null}
        {list.data?.items.map((d) => (
          <DatasetCard key={d.id} d={d} />
        ))}
      </Stack>
    </PublicShell>
  );
}
