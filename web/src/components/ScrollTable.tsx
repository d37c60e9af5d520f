import type { ReactNode } from 'react';
import { Table } from '@mantine/core';

/**
 * A table that scrolls sideways on a narrow screen. The scrolling box is a named region a keyboard can reach (so
 * its hidden columns can be scrolled to without a mouse), as WCAG asks of scrollable regions.
 */
export function ScrollTable({ minWidth, label, children }: { minWidth: number; label: string; children: ReactNode }) {
  return (
    <Table.ScrollContainer
      type="native"
      minWidth={minWidth}
      tabIndex={0}
      role="region"
      aria-label={label}
      className="scroll-table"
    >
      {children}
    </Table.ScrollContainer>
  );
}
