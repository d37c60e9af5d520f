// The tasks of a plan: a table on a desktop, one card per task on a phone. Each task carries its "06 rõ" marks;
// in review mode the fields with a warning or an error are tinted and say why.
import { Fragment, type ReactNode } from 'react';
import { Box, Card, Paper, Stack, Table, Text } from '@mantine/core';
import type { Finding, PlanTask, TaskGroup } from '../../api/types.ts';
import { ClarityMarks, UnitRefList } from './PlanBits.tsx';
import { findingsByTask, groupOf, taskAnchorId } from './planFormat.ts';
import { ScrollTable } from '../ScrollTable.tsx';

type FieldKey = 'title' | 'content' | 'lead' | 'coordinators' | 'timeframe' | 'deliverables';

function fieldFindings(list: readonly Finding[], field: FieldKey): Finding[] {
  return list.filter((f) => f.location.field === field && f.severity !== 'info');
}

function flagClass(list: readonly Finding[]): string | undefined {
  if (!list.length) return undefined;
  return list.some((f) => f.severity === 'error') ? 'field-error' : 'field-flagged';
}

/** Messages under a tinted field (review mode). */
function FieldNotes({ list }: { list: readonly Finding[] }) {
  if (!list.length) return null;
  return (
    <Stack gap={2} mt={4}>
      {list.map((f, i) => (
        <Text
          key={i}
          size="xs"
          c={f.severity === 'error' ? 'red.9' : '#8f3b00'}
          fw={500}
          style={{ overflowWrap: 'anywhere' }}
        >
          {f.severity === 'error' ? 'Lỗi: ' : 'Cảnh báo: '}
          {f.message}
        </Text>
      ))}
    </Stack>
  );
}

function Deliverables({ items }: { items: readonly string[] }) {
  if (!items.length)
    return (
      <Text size="sm" c="dimmed" component="span">
        —
      </Text>
    );
  return (
    <ul className="ref-list">
      {items.map((d, i) => (
        <li key={i}>{d}</li>
      ))}
    </ul>
  );
}

export function TaskList({
  tasks,
  groups,
  findings,
  review = false,
  marks = true,
  idPrefix = 'nhiem-vu',
  extra,
  isPhone,
  caption,
}: {
  tasks: readonly PlanTask[];
  groups: readonly TaskGroup[];
  findings: readonly Finding[];
  /** Import review: uncertain unit names and fields with warnings are highlighted, with their messages. */
  review?: boolean;
  /** The "06 rõ" marks; off for readers who do not see the review (they would all look green). */
  marks?: boolean;
  idPrefix?: string;
  /** Something to show with a task (the "parent changed" notice). */
  extra?: (task: PlanTask) => ReactNode;
  isPhone: boolean;
  caption?: string;
}) {
  const byTask = findingsByTask(findings);
  const seenGroups = new Set<string>();
  const groupBefore = (t: PlanTask) => {
    const g = groupOf(t, groups);
    if (!g || seenGroups.has(g.number)) return null;
    seenGroups.add(g.number);
    return g;
  };

  if (!tasks.length)
    return (
      <Text c="dimmed" size="sm">
        Kế hoạch chưa có nhiệm vụ nào.
      </Text>
    );

  if (isPhone) {
    return (
      <Stack gap="sm">
        {tasks.map((t) => {
          const list = byTask.get(t.number) ?? [];
          const g = groupBefore(t);
          const f = (k: FieldKey) => (review ? fieldFindings(list, k) : []);
          const row = (label: string, k: FieldKey, body: ReactNode) => (
            <Box className={flagClass(f(k))} px={6} py={4} style={{ borderRadius: 6 }}>
              <Text size="xs" c="dimmed" fw={600}>
                {label}
              </Text>
              {body}
              <FieldNotes list={f(k)} />
            </Box>
          );
          return (
            <Fragment key={t.number}>
              {g ? (
                <Text fw={700} size="sm" mt={4}>
                  {g.number}. {g.title}
                </Text>
              ) : null}
              <Card
                withBorder
                radius="md"
                padding="sm"
                id={taskAnchorId(t.number, idPrefix)}
                component="article"
                aria-labelledby={`${taskAnchorId(t.number, idPrefix)}-ten`}
              >
                <Stack gap={6}>
                  <Box className={flagClass(f('title'))} px={6} py={2} style={{ borderRadius: 6 }}>
                    <Text
                      fw={700}
                      size="sm"
                      id={`${taskAnchorId(t.number, idPrefix)}-ten`}
                      style={{ overflowWrap: 'anywhere' }}
                    >
                      {t.number}.{' '}
                      {t.title || (
                        <Text span c="dimmed" inherit>
                          (chưa có tên)
                        </Text>
                      )}
                    </Text>
                    <FieldNotes list={f('title')} />
                  </Box>
                  {t.content
                    ? row(
                        'Nội dung',
                        'content',
                        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                          {t.content}
                        </Text>,
                      )
                    : null}
                  {marks ? <ClarityMarks findings={list} /> : null}
                  {row('Chủ trì', 'lead', <UnitRefList refs={t.lead} highlight={review} />)}
                  {row('Phối hợp', 'coordinators', <UnitRefList refs={t.coordinators} highlight={review} />)}
                  {row('Thời gian', 'timeframe', <Text size="sm">{t.timeframe.text || '—'}</Text>)}
                  {row('Sản phẩm', 'deliverables', <Deliverables items={t.deliverables} />)}
                  {extra?.(t)}
                </Stack>
              </Card>
            </Fragment>
          );
        })}
      </Stack>
    );
  }

  return (
    <Paper withBorder radius="md">
      <ScrollTable minWidth={900} label={caption ?? 'Nhiệm vụ của kế hoạch'}>
        <Table verticalSpacing="sm" className="task-table">
          {caption ? <caption className="sr-only">{caption}</caption> : null}
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" w={56}>
                TT
              </Table.Th>
              <Table.Th scope="col">Nhiệm vụ</Table.Th>
              <Table.Th scope="col" w="17%">
                Chủ trì
              </Table.Th>
              <Table.Th scope="col" w="17%">
                Phối hợp
              </Table.Th>
              <Table.Th scope="col" w="12%">
                Thời gian
              </Table.Th>
              <Table.Th scope="col" w="17%">
                Sản phẩm
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tasks.map((t) => {
              const list = byTask.get(t.number) ?? [];
              const g = groupBefore(t);
              const f = (k: FieldKey) => (review ? fieldFindings(list, k) : []);
              const ex = extra?.(t);
              return (
                <Fragment key={t.number}>
                  {g ? (
                    <Table.Tr className="task-group-row">
                      <Table.Td>{g.number}</Table.Td>
                      <Table.Td colSpan={5}>{g.title}</Table.Td>
                    </Table.Tr>
                  ) : null}
                  <Table.Tr id={taskAnchorId(t.number, idPrefix)}>
                    <Table.Td>
                      <Text fw={700} size="sm">
                        {t.number}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Box className={flagClass(f('title'))} px={4}>
                        <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                          {t.title || (
                            <Text span c="dimmed" inherit>
                              (chưa có tên)
                            </Text>
                          )}
                        </Text>
                        <FieldNotes list={f('title')} />
                      </Box>
                      {t.content ? (
                        <Box className={flagClass(f('content'))} px={4} mt={4}>
                          <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                            {t.content}
                          </Text>
                          <FieldNotes list={f('content')} />
                        </Box>
                      ) : null}
                      {marks ? (
                        <Box mt={6}>
                          <ClarityMarks findings={list} />
                        </Box>
                      ) : null}
                    </Table.Td>
                    <Table.Td className={flagClass(f('lead'))}>
                      <UnitRefList refs={t.lead} highlight={review} />
                      <FieldNotes list={f('lead')} />
                    </Table.Td>
                    <Table.Td className={flagClass(f('coordinators'))}>
                      <UnitRefList refs={t.coordinators} highlight={review} />
                      <FieldNotes list={f('coordinators')} />
                    </Table.Td>
                    <Table.Td className={flagClass(f('timeframe'))}>
                      <Text size="sm">{t.timeframe.text || '—'}</Text>
                      <FieldNotes list={f('timeframe')} />
                    </Table.Td>
                    <Table.Td className={flagClass(f('deliverables'))}>
                      <Deliverables items={t.deliverables} />
                      <FieldNotes list={f('deliverables')} />
                    </Table.Td>
                  </Table.Tr>
                  {ex ? (
                    <Table.Tr className="task-extra-row">
                      <Table.Td />
                      <Table.Td colSpan={5}>{ex}</Table.Td>
                    </Table.Tr>
                  ) : null}
                </Fragment>
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Paper>
  );
}
