// The bell in the header: the number of unread notifications (to me or my unit) and the latest ones; opening one
// marks it read and goes where it points.
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  ActionIcon,
  Anchor,
  Button,
  Divider,
  Group,
  Indicator,
  Loader,
  Popover,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { IconBell, IconCheck } from '@tabler/icons-react';
import { useMarkNotificationRead, useNotifications } from '../api/tracking.ts';
import type { AppNotification } from '../api/types.ts';
import { shorten, formatDateTime } from '../format.ts';
import { paths, webLink } from '../paths.ts';

export function NotificationBell() {
  const [opened, setOpened] = useState(false);
  const { data, isLoading, error } = useNotifications({ limit: 8, poll: true });
  const markRead = useMarkNotificationRead();
  const navigate = useNavigate();
  const unread = data?.unread ?? 0;
  const label = unread ? `Thông báo: ${unread} chưa đọc` : 'Thông báo';

  const open = (n: AppNotification) => {
    setOpened(false);
    if (!n.read) markRead.mutate(n.id);
    const to = webLink(n.link);
    if (to) void navigate(to);
  };

  return (
    <Popover
      opened={opened}
      onChange={setOpened}
      position="bottom-end"
      width="min(340px, calc(100vw - 16px))"
      shadow="md"
      withinPortal
      trapFocus
      returnFocus
      // Fixed, and never wider than the screen: a popover sticking out would widen a phone's page.
      floatingStrategy="fixed"
      middlewares={{ flip: true, shift: { padding: 8 } }}
    >
      <Popover.Target>
        <ActionIcon
          variant="subtle"
          color="gray.8"
          size="lg"
          radius="xl"
          aria-label={label}
          onClick={() => setOpened((o) => !o)}
          // The unread count sits on the bell's corner: a round button that clips would cut it.
          style={{ overflow: 'visible' }}
        >
          <Indicator
            disabled={!unread}
            label={unread > 99 ? '99+' : unread}
            size={18}
            offset={2}
            color="red.9"
            inline
            aria-hidden
          >
            <IconBell size={22} stroke={1.7} aria-hidden />
          </Indicator>
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown p={0} role="dialog" aria-label="Thông báo">
        <Group justify="space-between" px="sm" py="xs">
          <Text fw={700} size="sm">
            Thông báo
          </Text>
          <Text size="xs" c="dimmed">
            {unread ? `${unread} chưa đọc` : 'Đã đọc hết'}
          </Text>
        </Group>
        <Divider />
        <div className="notice-scroll">
          {isLoading ? (
            <Group p="sm">
              <Loader size="xs" aria-hidden />
              <Text size="sm">Đang tải…</Text>
            </Group>
          ) : error ? (
            <Text size="sm" p="sm" c="red.9">
              Không tải được thông báo.
            </Text>
          ) : !data?.items.length ? (
            <Text size="sm" p="sm" c="dimmed">
              Chưa có thông báo nào.
            </Text>
          ) : (
            <ul className="notice-list" aria-label="Thông báo mới nhất">
              {data.items.map((n) => (
                <li key={n.id} data-unread={!n.read || undefined}>
                  <UnstyledButton onClick={() => open(n)} className="notice-item">
                    <Text size="sm" fw={n.read ? 500 : 700} style={{ overflowWrap: 'anywhere' }}>
                      {!n.read ? <span className="sr-only">Chưa đọc: </span> : null}
                      {n.title}
                    </Text>
                    {n.body ? (
                      <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                        {shorten(n.body, 140)}
                      </Text>
                    ) : null}
                    <Text size="xs" c="dimmed">
                      {formatDateTime(n.createdAt)}
                    </Text>
                  </UnstyledButton>
                </li>
              ))}
            </ul>
          )}
        </div>
        <Divider />
        <Group justify="space-between" px="sm" py={6}>
          <Anchor component={Link} to={paths.notifications} size="sm" onClick={() => setOpened(false)}>
            Xem tất cả
          </Anchor>
          {unread && data?.items.some((n) => !n.read) ? (
            <Button
              variant="subtle"
              size="compact-sm"
              leftSection={<IconCheck size={14} aria-hidden />}
              onClick={() => {
                for (const n of data.items) if (!n.read) markRead.mutate(n.id);
              }}
            >
              Đánh dấu đã đọc
            </Button>
          ) : null}
        </Group>
      </Popover.Dropdown>
    </Popover>
  );
}

export function NotificationList({
  items,
  onOpen,
  onRead,
}: {
  items: AppNotification[];
  onOpen: (n: AppNotification) => void;
  onRead: (n: AppNotification) => void;
}) {
  return (
    <Stack gap={0} component="ul" className="notice-page-list" aria-label="Thông báo">
      {items.map((n) => (
        <li key={n.id} data-unread={!n.read || undefined}>
          <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
            <div style={{ minWidth: 0 }}>
              <Text size="sm" fw={n.read ? 500 : 700} style={{ overflowWrap: 'anywhere' }}>
                {!n.read ? <span className="sr-only">Chưa đọc: </span> : null}
                {webLink(n.link) ? (
                  <button type="button" className="link-button" onClick={() => onOpen(n)}>
                    {n.title}
                  </button>
                ) : (
                  n.title
                )}
              </Text>
              {n.body ? (
                <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  {n.body}
                </Text>
              ) : null}
              <Text size="xs" c="dimmed">
                {formatDateTime(n.createdAt)}
                {n.to === 'user' ? ' · gửi riêng bạn' : n.toUnitName ? ` · gửi ${n.toUnitName}` : ' · gửi đơn vị'}
              </Text>
            </div>
            {!n.read ? (
              <Button
                variant="subtle"
                size="compact-xs"
                style={{ flexShrink: 0 }}
                onClick={() => onRead(n)}
                aria-label={`Đánh dấu đã đọc: ${n.title}`}
              >
                Đã đọc
              </Button>
            ) : null}
          </Group>
        </li>
      ))}
    </Stack>
  );
}
