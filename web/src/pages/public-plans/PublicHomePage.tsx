// Công khai: the front door for the public. The issued plans (issuer, number, date, overall progress), searchable
// without accents and filtered by issuer, each linking to its progress page; then the other public pages: petitions,
// the AI systems of state bodies, the data for AI, and a short note on the law.
import { Anchor, Group, Pagination, Paper, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { usePublicPlans, type PublicPlanItem } from '../../api/public-plans.ts';
import { docNumber } from '../../components/plans/planFormat.ts';
import { LoadError } from '../../components/FieldError.tsx';
import { usePageTitle } from '../../components/PageTitle.tsx';
import { useSearchParamState, useSearchText } from '../../components/searchParams.ts';
import { count, formatDate, formatPercent } from '../../format.ts';
import { paths } from '../../paths.ts';
import { PublicShell } from '../petitions/PublicShell.tsx';
import { PublicFrontNav } from './PublicNav.tsx';
import { FilterSelect, SearchField } from '../../components/FilterFields.tsx';

const PAGE = 12;

function PlanCard({ p }: { p: PublicPlanItem }) {
  const number = p.number ? docNumber(p.number, p.symbol) : null;
  return (
    <Paper withBorder radius="md" p="md" component="article" data-testid="public-plan">
      <Stack gap={6}>
        <Text size="sm" c="dimmed">
          {p.issuer.name}
          {number ? ` · Số ${number}` : ''}
          {p.issuedDate ? ` · ngày ${formatDate(p.issuedDate)}` : ''}
        </Text>
        <Title order={2} size="h4" style={{ overflowWrap: 'anywhere' }}>
          <Anchor component={Link} to={paths.publicPlan(p.id)} underline="always">
            {p.title}
          </Anchor>
        </Title>
        <Progress
          value={p.progress.share}
          aria-hidden
          color={p.progress.share >= 100 ? 'green.7' : 'thBlue.7'}
          mt={4}
        />
        <Text size="sm">
          <strong>{formatPercent(p.progress.share)}</strong> phần việc đã hoàn thành năm {p.progress.year} (
          {p.progress.unitsDone}/{p.progress.units} phần việc của các đơn vị, {count(p.progress.tasks, 'nhiệm vụ')})
        </Text>
      </Stack>
    </Paper>
  );
}

const OTHER_PAGES = [
  { to: paths.publicPetition, title: 'Gửi kiến nghị, phản ánh', text: 'Gửi và tra cứu kiến nghị, đề xuất, phản ánh.' },
  {
    to: paths.publicAiSystems,
    title: 'Hệ thống AI của cơ quan nhà nước',
    text: 'Các hệ thống trí tuệ nhân tạo cơ quan, xã, phường đang sử dụng.',
  },
  {
    to: paths.publicDatasets,
    title: 'Dữ liệu phục vụ AI',
    text: 'Danh mục dữ liệu của tỉnh, tải về hoặc đề nghị truy cập.',
  },
  {
    to: paths.publicAiLaw,
    title: 'Về Luật Trí tuệ nhân tạo',
    text: 'Luật số 134/2025/QH15: nội dung chính, hiệu lực.',
  },
];

export function PublicHomePage() {
  usePageTitle('Công khai: kế hoạch thi hành Luật Trí tuệ nhân tạo');
  const { params, setParam } = useSearchParamState();
  const { text, setText, q } = useSearchText();
  const unitId = Number(params.get('donVi')) || null;
  const page = Math.max(1, Number(params.get('trang')) || 1);
  const list = usePublicPlans({ q, unitId, limit: PAGE, offset: (page - 1) * PAGE });
  const pages = Math.max(1, Math.ceil((list.data?.total ?? 0) / PAGE));
  return (
    <PublicShell nav={<PublicFrontNav />} navLabel="Trang công khai">
      <Stack gap="md">
        <Title order={1} fz={{ base: 22, sm: 28 }}>
          Thi hành Luật Trí tuệ nhân tạo tại tỉnh Thanh Hóa
        </Title>
        <Text size="sm" c="dimmed">
          Các kế hoạch đã ban hành của tỉnh và các xã, phường, với tiến độ thực hiện trong năm. Số liệu là số phần việc
          (nhiệm vụ giao cho từng cơ quan, đơn vị) đã hoàn thành, cùng cách tính với báo cáo tổng hợp.
        </Text>
        <Paper withBorder p="sm" radius="md" role="search" aria-label="Tìm và lọc kế hoạch">
          <Group gap="sm" align="flex-end" grow preventGrowOverflow={false} wrap="wrap">
            <SearchField
              label="Tìm kế hoạch"
              placeholder="Gõ không dấu được, ví dụ: nam sam son"
              value={text}
              onChange={(e) => {
                setText(e.currentTarget.value);
                setParam('trang', null);
              }}
              miw={220}
            />
            <FilterSelect
              what="cơ quan ban hành"
              label="Cơ quan ban hành"
              data={(list.data?.issuers ?? []).map((i) => ({ value: String(i.unitId), label: i.name }))}
              value={unitId ? String(unitId) : null}
              onChange={(v) => {
                setParam('donVi', v);
                setParam('trang', null);
              }}
              searchable
              nothingFoundMessage="Không có cơ quan nào khớp"
              miw={220}
            />
          </Group>
        </Paper>
        {list.error ? <LoadError error={list.error} onRetry={() => list.refetch()} /> : null}
        <Text size="sm" aria-live="polite">
          {list.isLoading ? 'Đang tải…' : list.data ? `${count(list.data.total, 'kế hoạch')} đã ban hành` : ''}
        </Text>
        <Stack gap="sm">
          {(list.data?.items ?? []).map((p) => (
            <PlanCard key={p.id} p={p} />
          ))}
        </Stack>
        {pages > 1 ? (
          <Pagination
            total={pages}
            value={page}
            onChange={(n) => setParam('trang', n > 1 ? String(n) : null)}
            getControlProps={(control) => ({ 'aria-label': control === 'next' ? 'Trang sau' : 'Trang trước' })}
          />
        ) : null}
        <Title order={2} size="h3" mt="md">
          Các trang công khai khác
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {OTHER_PAGES.map((o) => (
            <Paper key={o.to} withBorder radius="md" p="md">
              <Anchor component={Link} to={o.to} fw={600} underline="always">
                {o.title}
              </Anchor>
              <Text size="sm" c="dimmed" mt={4}>
                {o.text}
              </Text>
            </Paper>
          ))}
        </SimpleGrid>
      </Stack>
    </PublicShell>
  );
}
