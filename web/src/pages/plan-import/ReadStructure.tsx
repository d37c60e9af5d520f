import { Box, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import type { Finding, ImportLayoutView, PlanDraft } from '../../api/types.ts';
import { FindingCounts, FindingList } from '../../components/plans/FindingList.tsx';
import { TaskList } from '../../components/plans/TaskList.tsx';
import { count } from '../../format.ts';
import { HeaderView } from './HeaderView.tsx';

export const TASK_PREFIX = 'nhap-nv';

/** The plan as read: the review, the header, lines that found no place, the tasks; each with a way to the source. */
export function ReadStructure({
  draft,
  layout,
  sourceText,
  showSource,
  locate,
  locateLabel,
}: {
  draft: PlanDraft;
  layout: ImportLayoutView;
  sourceText: string | null | undefined;
  showSource: (line: number) => void;
  locate: (f: Finding) => void;
  locateLabel: (f: Finding) => string | null;
}) {
  const findings = draft.findings;
  const taskRules = new Map(layout.tasks.map((t) => [t.task, t.rules.map((r) => r.label)]));
  return (
    <Stack gap="md">
      <Card withBorder radius="md" component="section" aria-labelledby="ra-soat">
        <Group justify="space-between" mb="sm" gap="xs">
          <Title order={2} size="h4" id="ra-soat">
            Kết quả rà soát
          </Title>
          <FindingCounts findings={findings} />
        </Group>
        <FindingList findings={findings} onLocate={locate} locateLabel={locateLabel} foldInfo />
      </Card>
      <HeaderView draft={draft} layout={layout} onLine={sourceText ? showSource : undefined} />
      <LayoutSummary layout={layout} />
      {draft.unplaced.length ? (
        <Card withBorder radius="md" component="section" aria-labelledby="chua-xep">
          <Title order={2} size="h4" id="chua-xep" mb="xs">
            Dòng chưa xếp được vào cấu trúc ({draft.unplaced.length})
          </Title>
          <Text size="sm" c="dimmed" mb="xs">
            Không có nội dung nào bị bỏ qua: các dòng dưới đây cần bạn xem và sửa lại sau khi lưu.
          </Text>
          <ul className="tap-list">
            {draft.unplaced.map((u) => (
              <li key={u.line} style={{ padding: '6px 2px' }}>
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  <Text span fw={600} inherit>
                    Dòng {u.line}:
                  </Text>{' '}
                  {u.text}
                </Text>
                <Group gap="xs">
                  <Text size="xs" c="dimmed">
                    {u.reason}
                  </Text>
                  {sourceText ? (
                    <button
                      type="button"
                      className="link-button"
                      style={{ fontSize: 12 }}
                      onClick={() => showSource(u.line)}
                    >
                      Xem trong văn bản gốc
                    </button>
                  ) : null}
                </Group>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      <Card withBorder radius="md" component="section" aria-labelledby="cac-nhiem-vu">
        <Group justify="space-between" mb="xs">
          <Title order={2} size="h4" id="cac-nhiem-vu">
            Nhiệm vụ đã đọc
          </Title>
          <Text size="sm" c="dimmed">
            {count(draft.tasks.length, 'nhiệm vụ')}
          </Text>
        </Group>
        <Text size="xs" c="dimmed" mb="sm">
          Tên đơn vị tô vàng là chưa chắc chắn hoặc chưa có trong danh mục; ô viền cam, đỏ là có cảnh báo, lỗi.
        </Text>
        <TaskList
          tasks={draft.tasks}
          groups={draft.groups}
          findings={findings}
          review
          isPhone
          idPrefix={TASK_PREFIX}
          extra={(t) => (
            <Box>
              {taskRules.get(t.number)?.length ? (
                <Text size="xs" c="dimmed">
                  Đọc theo: {taskRules.get(t.number)!.join('; ')}
                </Text>
              ) : null}
              {t.line && sourceText ? (
                <button
                  type="button"
                  className="link-button"
                  style={{ fontSize: 13 }}
                  onClick={() => showSource(t.line!)}
                >
                  Xem dòng {t.line} trong văn bản gốc
                </button>
              ) : null}
            </Box>
          )}
        />
      </Card>
    </Stack>
  );
}

/** Every layout rule the reader applied, with how many fields and tasks it read: why the plan was read this way. */
function LayoutSummary({ layout }: { layout: ImportLayoutView }) {
  if (!layout.rules.length) return null;
  return (
    <Card withBorder radius="md" component="section" aria-labelledby="cach-doc">
      <Title order={2} size="h4" id="cach-doc" mb={4}>
        Cách hệ thống đọc văn bản
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        Các quy tắc bố cục đã dùng; mỗi trường ở phần đầu và mỗi nhiệm vụ ghi rõ quy tắc đã đọc nó (“Đọc theo”).
      </Text>
      <List size="sm" spacing={2}>
        {layout.rules.map((r) => (
          <List.Item key={r.code}>
            {r.label.charAt(0).toLocaleUpperCase('vi') + r.label.slice(1)}
            {r.count > 1 ? (
              <Text span c="dimmed" size="xs">
                {' '}
                ({r.count} lần)
              </Text>
            ) : null}
          </List.Item>
        ))}
      </List>
    </Card>
  );
}
