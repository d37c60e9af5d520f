import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { Table, Text } from '@mantine/core';
import { IconArrowsHorizontal } from '@tabler/icons-react';

/**
 * A table that scrolls sideways on a narrow screen. The scrolling box is a named region a keyboard can reach (so
 * its hidden columns can be scrolled to without a mouse), as WCAG asks of scrollable regions. When the table is
 * wider than its box (and only then) a line above it says so, "Kéo ngang để xem thêm", and the right edge fades
 * while there is more to the right.
 */
export function ScrollTable({
  minWidth,
  label,
  maxHeight,
  children,
}: {
  minWidth: number;
  label: string;
  /** A tall table scrolls inside its box too (the cascade rules). */
  maxHeight?: number;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const hintId = useId();
  const [wide, setWide] = useState(false);
  const [more, setMore] = useState(false);
  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    const measure = () => {
      const overflow = box.scrollWidth - box.clientWidth;
      setWide(overflow > 1);
      setMore(overflow > 1 && box.scrollLeft < overflow - 1);
    };
    // The table can grow past its frame without the frame changing size (rows arriving, a column's text): watch the
    // table itself, and whatever replaces it.
    const sizes = new ResizeObserver(measure);
    const watch = () => {
      sizes.disconnect();
      sizes.observe(box);
      const table = box.querySelector('table');
      if (table) sizes.observe(table);
      measure();
    };
    watch();
    const changes = new MutationObserver(watch);
    changes.observe(box, { childList: true, subtree: true });
    box.addEventListener('scroll', measure, { passive: true });
    return () => {
      sizes.disconnect();
      changes.disconnect();
      box.removeEventListener('scroll', measure);
    };
  }, []);
  return (
    <div className="scroll-table-wrap">
      {wide ? (
        <Text id={hintId} className="scroll-hint" size="xs" c="dimmed">
          <IconArrowsHorizontal size={14} aria-hidden /> Kéo ngang để xem thêm
        </Text>
      ) : null}
      <div className="scroll-table-frame" data-more={more || undefined}>
        <Table.ScrollContainer
          ref={ref}
          type="native"
          minWidth={minWidth}
          mah={maxHeight}
          style={maxHeight ? { overflowY: 'auto' } : undefined}
          tabIndex={0}
          role="region"
          aria-label={label}
          aria-describedby={wide ? hintId : undefined}
          className="scroll-table"
        >
          {children}
        </Table.ScrollContainer>
      </div>
    </div>
  );
}
