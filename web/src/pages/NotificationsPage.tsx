// Thông báo: every notification to me or my unit, newest first; unread only on request; mark read.
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Button, Group, Loader, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useMarkNotificationRead, useNotifications } from '../api/tracking.ts';
import type { AppNotification } from '../api/types.ts';
import { EmptyState } from '../components/EmptyState.tsx';
import { LoadError } from '../components/FieldError.tsx';
import { ListSummary } from '../components/ListHeader.tsx';
import { PageHeader } from '../components/PageTitle.tsx';
import { NotificationList } from '../layout/NotificationBell.tsx';
import { count } from '../format.ts';
import { webLink } from '../paths.ts';

export function NotificationsPage() {
  const [filter, setFilter] = useState<'all' | 'unread'>('all');
  const [limit, setLimit] = useState(50);
  const list = useNotifications({ unread: filter === 'unread', limit });
  const markRead = useMarkNotificationRead();
  const navigate = useNavigate();
  const open = (n: AppNotification) => {
    if (!n.read) markRead.mutate(n.id);
    const to = webLink(n.link);
    if (to) void navigate(to);
  };
  const items = list.data?.items ?? [];
  return (
    <>
      <PageHeader
        title="Thông báo"
        description="Nhiệm vụ mới được giao, khó khăn, kiến nghị và câu trả lời, báo cáo được gửi, tiếp nhận hoặc trả lại."
      />
      <Stack gap="md">
        <Group justify="space-between" gap="xs">
          <SegmentedControl
            value={filter}
            onChange={(v) => {
              setFilter(v as 'all' | 'unread');
              setLimit(50);
            }}
            data={[
              { value: 'all', label: 'Tất cả' },
              { value: 'unread', label: `Chưa đọc${list.data ? ` (${list.data.unread})` : ''}` },
            ]}
            aria-label="Lọc thông báo"
          />
          {items.some((n) => !n.read) ? (
            <Button
              variant="default"
              size="xs"
              onClick={() => {
                for (const n of items) if (!n.read) markRead.mutate(n.id);
              }}
            >
              Đánh dấu tất cả đã đọc
            </Button>
          ) : null}
        </Group>
        <ListSummary>
          {list.data
            ? `${count(items.length, 'thông báo')}${list.data.unread ? ` · ${list.data.unread} chưa đọc` : ''}`
            : ''}
        </ListSummary>
        <Paper withBorder radius="md" p={items.length ? 'sm' : 0}>
          {list.error ? (
            <LoadError error={list.error} what="thông báo" onRetry={() => void list.refetch()} />
          ) : list.isLoading ? (
            <Group p="sm">
              <Loader size="sm" aria-hidden />
              <Text>Đang tải…</Text>
            </Group>
          ) : items.length ? (
            <NotificationList items={items} onOpen={open} onRead={(n) => markRead.mutate(n.id)} />
          ) : (
            <EmptyState
              icon={<IconBell size={24} />}
              title={filter === 'unread' ? 'Không có thông báo chưa đọc' : 'Chưa có thông báo nào'}
            />
          )}
        </Paper>
        {items.length >= limit ? (
          <Button
            variant="default"
            onClick={() => setLimit((n) => Math.min(200, n + 50))}
            style={{ alignSelf: 'center' }}
            disabled={limit >= 200}
          >
            Xem thêm
          </Button>
        ) : null}
      </Stack>
    </>
  );
}
