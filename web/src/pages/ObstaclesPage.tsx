// Khó khăn, kiến nghị: those sent to my unit (the focal unit answers them) and those my unit sent, filtered by status,
// raising unit (a commune with its offices), plan (with its communes' plans), kind and words without accents.
// Address: ?hop=den|di&trangThai=…&donVi=…&keHoach=…&loai=…&q=…, #kk-{id} scrolls to one (links from notifications).
import { useEffect, useMemo } from 'react';
import { useLocation } from 'react-router';
import { Grid, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconInbox } from '@tabler/icons-react';
import { usePlanOptions } from '../api/plans.ts';
import { useObstacles } from '../api/tracking.ts';
import { OBSTACLE_STATUSES, type ObstacleKind, type ObstacleStatus } from '../api/types.ts';
import { docNumber } from '../components/plans/planFormat.ts';
import { UnitSearch } from '../components/UnitSearch.tsx';
import { useUnitChoice } from '../components/unitChoice.ts';
import { EmptyState } from '../components/EmptyState.tsx';
import { ListContent } from '../components/ListContent.tsx';
import { ListFilters, ListSummary } from '../components/ListHeader.tsx';
import { PageHeader } from '../components/PageTitle.tsx';
import { PrintButton } from '../components/Print.tsx';
import { useSearchParamState, useSearchText } from '../components/searchParams.ts';
import { ObstacleCard } from '../components/tracking/ObstacleCard.tsx';
import { count, OBSTACLE_KIND_LABEL, OBSTACLE_STATUS_LABEL } from '../format.ts';
import { FilterSelect, SearchField } from '../components/FilterFields.tsx';

const KIND_OPTIONS = Object.entries(OBSTACLE_KIND_LABEL).map(([value, label]) => ({ value, label }));

export function ObstaclesPage() {
  const { params, setParam } = useSearchParamState();
  const location = useLocation();
  const box = params.get('hop') === 'di' ? 'outbox' : 'inbox';
  const status = (OBSTACLE_STATUSES as readonly string[]).includes(params.get('trangThai') ?? '')
    ? (params.get('trangThai') as ObstacleStatus)
    : null;
  const kind = (params.get('loai') ?? '') in OBSTACLE_KIND_LABEL ? (params.get('loai') as ObstacleKind) : null;
  const unitId = Number(params.get('donVi')) || null;
  const planId = Number(params.get('keHoach')) || null;
  const { text, setText, q } = useSearchText();
  const unit = useUnitChoice(unitId);
  const plans = usePlanOptions('issued');
  const planOptions = useMemo(
    () =>
      (plans.data ?? []).map((p) => ({
        value: String(p.id),
        label: `${docNumber(p.number, p.symbol)} – ${p.unitName}`,
      })),
    [plans.data],
  );
  const list = useObstacles(box, { status, unitId, planId, kind, q });
  const inboxOpen = useObstacles('inbox', { status: 'open' });

  // A link to one item (#kk-12): scroll to it once it is on the page.
  useEffect(() => {
    const id = location.hash.replace(/^#/, '');
    if (!id || !list.data) return;
    const el = document.getElementById(id);
    if (el) {
      el.scrollIntoView({ block: 'start' });
      el.classList.add('task-target');
    }
  }, [location.hash, list.data]);

  const unanswered = inboxOpen.data?.total ?? 0;

  return (
    <>
      <PageHeader
        title="Khó khăn, kiến nghị"
        description="Khó khăn, vướng mắc và đề xuất, kiến nghị nêu khi cập nhật tiến độ: đơn vị đầu mối nhận và trả lời; đơn vị gửi theo dõi câu trả lời."
        actions={<PrintButton />}
      />
      <Stack gap="md">
        <SegmentedControl
          fullWidth
          value={box}
          onChange={(v) => setParam('hop', v === 'outbox' ? 'di' : null)}
          data={[
            { value: 'inbox', label: `Gửi đến đơn vị${unanswered ? ` (${unanswered})` : ''}` },
            { value: 'outbox', label: 'Đơn vị đã gửi' },
          ]}
          aria-label="Hộp khó khăn, kiến nghị"
        />
        {box === 'inbox' && unanswered ? (
          <Text size="sm">
            <IconInbox size={16} aria-hidden style={{ verticalAlign: 'text-bottom' }} /> {count(unanswered, 'mục')} chưa
            trả lời.
          </Text>
        ) : null}
        <ListFilters label="Lọc khó khăn, kiến nghị" p="sm">
          <Grid gap="sm" align="flex-end">
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <SearchField
                label="Tìm trong nội dung"
                placeholder="Gõ không dấu được, ví dụ: kinh phi"
                value={text}
                onChange={(e) => setText(e.currentTarget.value)}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <UnitSearch
                label="Đơn vị gửi (gồm cấp dưới)"
                value={unit.choice}
                onChange={(u) => {
                  unit.remember(u);
                  setParam('donVi', u ? String(u.id) : null);
                }}
                placeholder="Mọi đơn vị"
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6, lg: 6 }}>
              <FilterSelect
                what="kế hoạch"
                label="Kế hoạch (gồm kế hoạch của xã, phường)"
                placeholder="Mọi kế hoạch"
                data={planOptions}
                value={planId ? String(planId) : null}
                onChange={(v) => setParam('keHoach', v)}
                searchable
                nothingFoundMessage="Không có kế hoạch nào khớp"
              />
            </Grid.Col>
            <Grid.Col span={{ base: 6, lg: 3 }}>
              <FilterSelect
                what="loại"
                label="Loại"
                data={KIND_OPTIONS}
                value={kind}
                onChange={(v) => setParam('loai', v)}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 6, lg: 3 }}>
              <FilterSelect
                what="trạng thái"
                label="Trạng thái"
                data={OBSTACLE_STATUSES.map((s) => ({ value: s, label: OBSTACLE_STATUS_LABEL[s] }))}
                value={status}
                onChange={(v) => setParam('trangThai', v)}
              />
            </Grid.Col>
          </Grid>
        </ListFilters>
        <ListSummary>{list.isLoading ? 'Đang tải…' : list.data ? count(list.data.total, 'mục') : ''}</ListSummary>
        <ListContent
          query={list}
          what="khó khăn, kiến nghị"
          isEmpty={!list.data?.items.length}
          empty={
            <EmptyState
              title={
                box === 'inbox'
                  ? 'Chưa có khó khăn, kiến nghị nào gửi đến đơn vị'
                  : 'Đơn vị chưa gửi khó khăn, kiến nghị nào'
              }
              description={
                box === 'inbox'
                  ? 'Đơn vị đầu mối nhận khó khăn, kiến nghị của các đơn vị thực hiện kế hoạch.'
                  : 'Nêu khó khăn, kiến nghị khi cập nhật tiến độ một nhiệm vụ trong mục Công việc.'
              }
            />
          }
        >
          {() => (
            <Stack gap="sm">
              {list.data?.items.map((o) => (
                <ObstacleCard key={o.id} o={o} headingLevel={2} />
              ))}
            </Stack>
          )}
        </ListContent>
      </Stack>
    </>
  );
}
