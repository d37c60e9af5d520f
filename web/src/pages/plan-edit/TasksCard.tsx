import { Box, Button, Card, Group, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { parseTimeframe } from '../../../../src/domain/plan/timeframe.ts';
import type { Finding } from '../../api/types.ts';
import { scrollToElement } from '../../components/plans/FindingList.tsx';
import { ClarityMarks } from '../../components/plans/PlanBits.tsx';
import { describeSchedule, parseYear, taskAnchorId } from '../../components/plans/planFormat.ts';
import { UnitRefEditor } from '../../components/plans/UnitRefEditor.tsx';
import type { TaskForm } from './model.ts';
import type { PlanEditForm } from './usePlanEditForm.ts';

const TASK_PREFIX = 'sua-nv';

/** The tasks, one card each, with a way to jump to any of them in a long plan. */
export function TasksCard({
  edit,
  byTask,
  isPhone,
}: {
  edit: PlanEditForm;
  byTask: ReadonlyMap<string, Finding[]>;
  isPhone: boolean;
}) {
  const { form, addTask, err } = edit;
  return (
    <Card withBorder radius="md" component="section" aria-labelledby="nhiem-vu-sua">
      <Group justify="space-between" mb="xs" gap="xs">
        <Title order={2} size="h4" id="nhiem-vu-sua">
          Nhiệm vụ ({form.tasks.length})
        </Title>
        <Button variant="light" size="xs" leftSection={<IconPlus size={16} aria-hidden />} onClick={addTask}>
          Thêm nhiệm vụ
        </Button>
      </Group>
      {form.tasks.length > 3 ? (
        <Group gap={6} mb="sm" component="nav" aria-label="Chuyển đến nhiệm vụ">
          <Text size="xs" c="dimmed">
            Chuyển đến:
          </Text>
          {form.tasks.map((t) => (
            <Button key={t.key} size="compact-xs" variant="default" onClick={() => scrollToElement(`${t.key}-the`)}>
              {t.number || '?'}
            </Button>
          ))}
        </Group>
      ) : null}
      {err('tasks') ? (
        <Text c="red.9" size="sm" role="alert" mb="xs">
          {err('tasks')}
        </Text>
      ) : null}
      <Stack gap="md">
        {form.tasks.map((t, i) => (
          <TaskCard
            key={t.key}
            edit={edit}
            t={t}
            i={i}
            findings={t.original ? (byTask.get(t.original.number) ?? []) : []}
            isPhone={isPhone}
          />
        ))}
        {!form.tasks.length ? (
          <Text c="dimmed" size="sm">
            Chưa có nhiệm vụ. Bấm “Thêm nhiệm vụ”.
          </Text>
        ) : null}
      </Stack>
    </Card>
  );
}

/** One task: number, title, content, lead and coordinators, timeframe (with how it is read), deliverables. */
function TaskCard({
  edit,
  t,
  i,
  findings: mine,
  isPhone,
}: {
  edit: PlanEditForm;
  t: TaskForm;
  i: number;
  findings: Finding[];
  isPhone: boolean;
}) {
  const { form, setTask, moveTask, removeTask, err } = edit;
  const live =
    t.original && t.original.timeframe.text === t.timeframe.trim()
      ? t.original.timeframe.schedule
      : parseTimeframe(t.timeframe, { year: parseYear(form.year) }).schedule;
  const reading = t.timeframe.trim() ? describeSchedule(live) : '';
  return (
    <Card
      withBorder
      radius="md"
      padding={isPhone ? 'sm' : 'md'}
      id={`${t.key}-the`}
      component="fieldset"
      style={{ margin: 0, minWidth: 0 }}
      className="task-edit"
    >
      <Text component="legend" className="sr-only">
        Nhiệm vụ {t.number || `thứ ${i + 1}`}
      </Text>
      <Stack gap="sm">
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <Text
            fw={700}
            id={taskAnchorId(t.number || String(i + 1), TASK_PREFIX)}
            style={{ overflowWrap: 'anywhere', minWidth: 0 }}
          >
            Nhiệm vụ {t.number || `thứ ${i + 1}`}
          </Text>
          <Group gap={2} wrap="nowrap">
            <Button
              variant="subtle"
              size="compact-sm"
              color="gray"
              c="dark.6"
              onClick={() => moveTask(i, -1)}
              disabled={i === 0}
              style={{ visibility: i === 0 ? 'hidden' : undefined }}
              aria-label={`Đưa nhiệm vụ ${t.number} lên`}
            >
              <IconArrowUp size={16} aria-hidden />
            </Button>
            <Button
              variant="subtle"
              size="compact-sm"
              color="gray"
              c="dark.6"
              onClick={() => moveTask(i, 1)}
              disabled={i === form.tasks.length - 1}
              style={{ visibility: i === form.tasks.length - 1 ? 'hidden' : undefined }}
              aria-label={`Đưa nhiệm vụ ${t.number} xuống`}
            >
              <IconArrowDown size={16} aria-hidden />
            </Button>
            <Button
              variant="subtle"
              size="compact-sm"
              color="red"
              c="#a61b1b"
              onClick={() => removeTask(i)}
              aria-label={`Xóa nhiệm vụ ${t.number}`}
              leftSection={<IconTrash size={16} aria-hidden />}
            >
              {isPhone ? null : 'Xóa'}
            </Button>
          </Group>
        </Group>
        {mine.length ? <ClarityMarks findings={mine} /> : null}
        <SimpleGrid cols={{ base: 1, sm: 4 }} spacing="sm">
          <TextInput
            label="Số thứ tự"
            required
            value={t.number}
            onChange={(e) => setTask(i, 'number', e.currentTarget.value)}
            error={err(`tasks.${i}.number`)}
          />
          <Box style={{ gridColumn: isPhone ? undefined : 'span 3' }}>
            <Textarea
              id={`${t.key}-ten`}
              label="Tên nhiệm vụ (việc phải làm)"
              required
              autosize
              minRows={1}
              value={t.title}
              onChange={(e) => setTask(i, 'title', e.currentTarget.value)}
              error={err(`tasks.${i}.title`)}
            />
          </Box>
        </SimpleGrid>
        <Textarea
          label="Nội dung"
          description="Không bắt buộc"
          autosize
          minRows={1}
          value={t.content}
          onChange={(e) => setTask(i, 'content', e.currentTarget.value)}
          error={err(`tasks.${i}.content`)}
        />
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <UnitRefEditor
            label="Cơ quan chủ trì"
            idBase={`${t.key}-chu-tri`}
            refs={t.lead}
            onChange={(r) => setTask(i, 'lead', r)}
            error={err(`tasks.${i}.lead`)}
          />
          <UnitRefEditor
            label="Cơ quan phối hợp"
            idBase={`${t.key}-phoi-hop`}
            refs={t.coordinators}
            onChange={(r) => setTask(i, 'coordinators', r)}
            error={err(`tasks.${i}.coordinators`)}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <TextInput
            label="Thời gian thực hiện"
            placeholder="Ví dụ: Trước ngày 30/6/2026; Hằng năm, trước ngày 15/12"
            value={t.timeframe}
            onChange={(e) => setTask(i, 'timeframe', e.currentTarget.value)}
            description={reading ? `Hiểu là: ${reading}` : undefined}
            error={err(`tasks.${i}.timeframe`)}
          />
          <Textarea
            label="Sản phẩm"
            description="Mỗi dòng một sản phẩm"
            autosize
            minRows={2}
            value={t.deliverables}
            onChange={(e) => setTask(i, 'deliverables', e.currentTarget.value)}
            error={err(`tasks.${i}.deliverables`)}
          />
        </SimpleGrid>
      </Stack>
    </Card>
  );
}
