import type { ReactNode } from 'react';
import { Stack, Text, ThemeIcon } from '@mantine/core';
import { IconInbox } from '@tabler/icons-react';

/** A friendly "nothing here" block for empty lists and searches. */
export function EmptyState({
  title,
  description,
  icon,
  action,
}: {
  title: string;
  description?: ReactNode;
  icon?: ReactNode;
  action?: ReactNode;
}) {
  return (
    <Stack align="center" gap="xs" py="xl" px="md" ta="center">
      <ThemeIcon size={48} radius="xl" variant="light" color="gray" aria-hidden>
        {icon ?? <IconInbox size={26} stroke={1.6} />}
      </ThemeIcon>
      <Text fw={600}>{title}</Text>
      {description ? (
        <Text c="dimmed" size="sm" maw={440}>
          {description}
        </Text>
      ) : null}
      {action}
    </Stack>
  );
}
