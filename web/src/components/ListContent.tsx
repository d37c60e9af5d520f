import type { ReactNode } from 'react';
import { Button, Group, Loader, Paper, Text } from '@mantine/core';
import { LoadError } from './FieldError.tsx';

/**
 * The body of a list page: the load error (with "Thử lại"), the spinner while loading, the empty state in a frame
 * when there is nothing, else the rows (`children`, called only then, so it may rely on the data being there).
 */
export function ListContent({
  query,
  what,
  isEmpty,
  empty,
  children,
}: {
  query: { error: unknown; isLoading: boolean; refetch: () => unknown };
  /** What failed to load, in the error's title: "danh sách kế hoạch". */
  what: string;
  isEmpty: boolean;
  /** An EmptyState, shown when `isEmpty`. */
  empty: ReactNode;
  children: () => ReactNode;
}) {
  if (query.error) return <LoadError error={query.error} what={what} onRetry={() => void query.refetch()} />;
  if (query.isLoading)
    return (
      <Group>
        <Loader size="sm" aria-hidden />
        <Text>Đang tải…</Text>
      </Group>
    );
  if (isEmpty)
    return (
      <Paper withBorder radius="md">
        {empty}
      </Paper>
    );
  return <>{children()}</>;
}

/** "Xem thêm" under a list read page by page; nothing once the last page is shown. */
export function LoadMore({
  query,
  children = 'Xem thêm',
}: {
  query: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown };
  /** The button's words when not just "Xem thêm": "Xem thêm (còn 12)". */
  children?: ReactNode;
}) {
  if (!query.hasNextPage) return null;
  return (
    <Group justify="center">
      <Button variant="default" onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage}>
        {children}
      </Button>
    </Group>
  );
}
