import type { ReactNode } from 'react';
import { Card, Group, Title } from '@mantine/core';

/** A titled card of a detail page (h2, named by its title), with something optional on the title's right. */
export function Section({
  title,
  id,
  children,
  extra,
  titleGap = 'sm',
}: {
  title: string;
  id: string;
  children: ReactNode;
  extra?: ReactNode;
  /** Space under the title: 'xs' for pages of short facts (a unit's page). */
  titleGap?: 'xs' | 'sm';
}) {
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby={id}>
      <Group justify="space-between" mb={titleGap} gap="xs">
        <Title order={2} size="h4" id={id}>
          {title}
        </Title>
        {extra}
      </Group>
      {children}
    </Card>
  );
}
