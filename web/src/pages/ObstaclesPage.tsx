// Khó khăn, kiến nghị: those sent to my unit (the focal unit answers them) and those my unit sent, by status.
// Address: ?hop=den|di&trangThai=open|answered|closed, #kk-{id} scrolls to one (links from notifications).
import { useEffect } from 'react';
import { useLocation } from 'react-router';
import { Group, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { IconInbox } from '@tabler/icons-react';
import { useObstacles } from '../api/tracking.ts';
import { OBSTACLE_STATUSES, type ObstacleStatus } from '../api/types.ts';
import { EmptyState } from '../components/EmptyState.tsx';
import { ListContent } from '../components/ListContent.tsx';
import { ListFilters, ListSummary } from '../components/ListHeader.tsx';
import { PageHeader } from '../components/PageTitle.tsx';
import { useSearchParamState } from '../components/searchParams.ts';
import { ObstacleCard } from '../components/tracking/ObstacleCard.tsx';
import { count, OBSTACLE_STATUS_LABEL } from '../format.ts';

export function ObstaclesPage() {
  const { params, setParam } = useSearchParamState();
  const location = useLocation();
  const box = params.get('hop') === 'di' ? 'outbox' : 'inbox';
  const status = (OBSTACLE_STATUSES as readonly string[]).includes(params.get('trangThai') ?? '')
    ? (params.get('trangThai') as ObstacleStatus)
    : null;
  const list = useObstacles(box, status);
  const inboxOpen = useObstacles('inbox', 'open');

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
          <Group gap="sm" align="flex-end">
            <Select
              label="Trạng thái"
              placeholder="Tất cả"
              data={OBSTACLE_STATUSES.map((s) => ({ value: s, label: OBSTACLE_STATUS_LABEL[s] }))}
              value={status}
              onChange={(v) => setParam('trangThai', v)}
              clearable
              clearButtonProps={{ 'aria-label': 'Bỏ lọc trạng thái' }}
              w={220}
            />
          </Group>
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
