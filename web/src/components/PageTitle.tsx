import { useEffect, type ReactNode } from 'react';
import { Group, Stack, Text, Title } from '@mantine/core';

export const APP_NAME = 'Thi Hành';

/** Sets the browser tab title: "Đơn vị · Thi Hành". */
export function usePageTitle(title: string | null | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · ${APP_NAME}` : APP_NAME;
  }, [title]);
}

/** The page's h1 (and tab title), with an optional line under it and actions on the right. */
export function PageHeader({
  title,
  description,
  actions,
  above,
  documentTitle,
}: {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  /** Shown above the title (breadcrumbs). */
  above?: ReactNode;
  /** Tab title when `title` is not plain text. */
  documentTitle?: string;
}) {
  usePageTitle(documentTitle ?? (typeof title === 'string' ? title : null));
  return (
    <Stack gap={6} mb="lg">
      {above}
      <div className="page-header">
        <Title order={1} fz={{ base: 24, sm: 30 }} className="page-header-title">
          {title}
        </Title>
        {description ? (
          <Text c="dimmed" component="div" className="page-header-description">
            {description}
          </Text>
        ) : null}
        {actions ? (
          <Group gap="xs" wrap="wrap" className="page-header-actions">
            {actions}
          </Group>
        ) : null}
      </div>
    </Stack>
  );
}
