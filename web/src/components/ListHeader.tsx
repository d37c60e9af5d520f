// The top of a list page, under its PageHeader: the filters in one framed search region, then one line saying how
// many rows match (announced as it changes) with a way to drop every filter. With searchParams.ts (filters in the
// address), ListContent (error, loading, empty, rows) and LoadMore, this is the kit every list page is built from.
import type { ReactNode } from 'react';
import { Button, Group, Paper, Text, type MantineSpacing, type StyleProp } from '@mantine/core';
import { reportingYear } from '../format.ts';

/** The list's filters; `label` names the search region ("Lọc kế hoạch"). */
export function ListFilters({
  label,
  children,
  p = { base: 'sm', sm: 'md' },
}: {
  label: string;
  children: ReactNode;
  p?: StyleProp<MantineSpacing>;
}) {
  return (
    <Paper withBorder p={p} radius="md" role="search" aria-label={label}>
      {children}
    </Paper>
  );
}

/**
 * "12 kế hoạch, đang hiện 10" and, when a filter is set, "Bỏ mọi bộ lọc" (`onClearFilters`); `extra` replaces that
 * button where the list offers something else on the right (a link to the unit).
 */
export function ListSummary({
  children,
  onClearFilters,
  extra,
}: {
  children: ReactNode;
  onClearFilters?: (() => void) | null;
  extra?: ReactNode;
}) {
  return (
    <Group justify="space-between" gap="xs">
      <Text size="sm" role="status" aria-live="polite">
        {children}
      </Text>
      {onClearFilters ? (
        <Button variant="subtle" size="xs" onClick={onClearFilters}>
          Bỏ mọi bộ lọc
        </Button>
      ) : (
        extra
      )}
    </Group>
  );
}

/** The reporting years a list can be filtered by, next year first, down to 2025; the current one is marked. */
export function yearChoices(): Array<{ value: string; label: string }> {
  const current = reportingYear();
  const out: Array<{ value: string; label: string }> = [];
  for (let y = current + 1; y >= 2025; y--)
    out.push({ value: String(y), label: `Năm ${y}${y === current ? ' (kỳ hiện tại)' : ''}` });
  return out;
}
