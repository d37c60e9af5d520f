// The review of a plan ("rà soát"): findings grouped by severity, each with its suggested fix and a button to the
// place it is about (a task of the page, a line of the source).
import { Fragment, type ReactNode } from 'react';
import { Box, Group, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { IconAlertTriangle, IconArrowDown, IconCircleX, IconInfoCircle } from '@tabler/icons-react';
import type { Finding, Severity } from '../../api/types.ts';
import { StatusBadge } from '../StatusBadge.tsx';
import { locationLabel, SEVERITY_HEADING, SEVERITY_ORDER, SEVERITY_TONE } from './planFormat.ts';

const ICON: Record<Severity, ReactNode> = {
  error: <IconCircleX size={18} color="#a61b1b" aria-hidden />,
  warning: <IconAlertTriangle size={18} color="#8f3b00" aria-hidden />,
  info: <IconInfoCircle size={18} color="#0f4f8c" aria-hidden />,
};

/** Counts as badges: "2 lỗi · 5 cảnh báo · 3 lưu ý". */
export function FindingCounts({ findings }: { findings: readonly Finding[] }) {
  const n = (s: Severity) => findings.filter((f) => f.severity === s).length;
  if (!findings.length) return <StatusBadge tone="green">Không có vấn đề</StatusBadge>;
  return (
    <Group gap={6} component="span">
      {n('error') ? <StatusBadge tone="red">{n('error')} lỗi</StatusBadge> : null}
      {n('warning') ? <StatusBadge tone="orange">{n('warning')} cảnh báo</StatusBadge> : null}
      {n('info') ? <StatusBadge tone="blue">{n('info')} lưu ý</StatusBadge> : null}
    </Group>
  );
}

export function FindingList({
  findings,
  onLocate,
  locateLabel,
  headingLevel = 3,
  empty = 'Không phát hiện vấn đề nào.',
  foldInfo = false,
}: {
  findings: readonly Finding[];
  /** Moves to where the finding is; shown as a button when it returns a label for that finding. */
  onLocate?: (f: Finding) => void;
  /** The button's text for a finding, or null when there is nowhere to go. */
  locateLabel?: (f: Finding) => string | null;
  headingLevel?: 2 | 3 | 4;
  empty?: string;
  /** Remarks ("Lưu ý") folded under a summary when there are also errors or warnings (long reviews). */
  foldInfo?: boolean;
}) {
  if (!findings.length)
    return (
      <Text size="sm" c="dimmed">
        {empty}
      </Text>
    );
  return (
    <Stack gap="md">
      {SEVERITY_ORDER.map((sev) => {
        const list = findings.filter((f) => f.severity === sev);
        if (!list.length) return null;
        const items = (
          <ul className="tap-list finding-list">
            {list.map((f, i) => {
              const where = locationLabel(f.location);
              const go = onLocate && locateLabel ? locateLabel(f) : null;
              return (
                <Fragment key={`${f.code}-${i}`}>
                  <li style={{ padding: '8px 2px' }} data-code={f.code}>
                    <Group gap={8} wrap="nowrap" align="flex-start">
                      <Box mt={2} style={{ flex: '0 0 auto' }}>
                        {ICON[sev]}
                      </Box>
                      <Box style={{ minWidth: 0, flex: 1 }}>
                        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                          {f.message}
                        </Text>
                        {f.fix ? (
                          <Text size="sm" c="dimmed" mt={2} style={{ overflowWrap: 'anywhere' }}>
                            <Text span fw={600} inherit c="var(--mantine-color-text)">
                              Cách sửa:{' '}
                            </Text>
                            {f.fix}
                          </Text>
                        ) : null}
                        <Group gap="xs" mt={4}>
                          <Text size="xs" c="dimmed">
                            {where}
                          </Text>
                          {go ? (
                            <UnstyledButton
                              onClick={() => onLocate!(f)}
                              className="link-button"
                              fz="xs"
                              c="thBlue.8"
                              style={{ display: 'inline-flex', alignItems: 'center', gap: 2, minHeight: 24 }}
                            >
                              <IconArrowDown size={14} aria-hidden />
                              {go}
                            </UnstyledButton>
                          ) : null}
                        </Group>
                      </Box>
                    </Group>
                  </li>
                </Fragment>
              );
            })}
          </ul>
        );
        if (sev === 'info' && foldInfo && findings.some((f) => f.severity !== 'info')) {
          return (
            <details key={sev} className="finding-more">
              <summary>
                {SEVERITY_HEADING[sev]}{' '}
                <StatusBadge tone={SEVERITY_TONE[sev]} size="sm">
                  {list.length}
                </StatusBadge>{' '}
                <Text span size="xs" c="dimmed" fw={400}>
                  bấm để xem
                </Text>
              </summary>
              {items}
            </details>
          );
        }
        return (
          <Box key={sev} component="section" aria-label={`${SEVERITY_HEADING[sev]} (${list.length})`}>
            <Group gap="xs" mb={6}>
              <Title order={headingLevel} size="h5">
                {SEVERITY_HEADING[sev]}
              </Title>
              <StatusBadge tone={SEVERITY_TONE[sev]} size="sm">
                {list.length}
              </StatusBadge>
            </Group>
            {items}
          </Box>
        );
      })}
    </Stack>
  );
}

/** Scrolls to an element of the page, flashes it and moves focus there (keyboard and screen-reader users follow). */
export function scrollToElement(id: string): boolean {
  const el = document.getElementById(id);
  if (!el) return false;
  const reduce = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  el.scrollIntoView({ behavior: reduce ? 'auto' : 'smooth', block: 'start' });
  el.classList.remove('task-target');
  void el.offsetWidth;
  el.classList.add('task-target');
  if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1');
  el.focus({ preventScroll: true });
  return true;
}
