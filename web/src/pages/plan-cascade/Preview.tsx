import { useEffect, useState } from 'react';
import { Accordion, Box, Group, Loader, Select, Stack, Text, Title } from '@mantine/core';
import { useCascadePreview } from '../../api/plans.ts';
import type { UnitWithCount } from '../../api/types.ts';
import { LoadError } from '../../components/FieldError.tsx';
import { CascadeRulesEditor } from '../../components/plans/cascade-rules/CascadeRulesEditor.tsx';
import { FindingCounts, FindingList, scrollToElement } from '../../components/plans/FindingList.tsx';
import { foldFilter } from '../../components/plans/ParentPlanSelect.tsx';
import { taskAnchorId } from '../../components/plans/planFormat.ts';
import { TaskList } from '../../components/plans/TaskList.tsx';
import { count } from '../../format.ts';

export function Preview({
  planId,
  provinceId,
  targets,
  isPhone,
  canEditRules,
}: {
  planId: number;
  provinceId: number;
  targets: readonly UnitWithCount[];
  isPhone: boolean;
  canEditRules: boolean;
}) {
  const [unitId, setUnitId] = useState<number | null>(targets[0]?.id ?? null);
  useEffect(() => {
    if (!targets.some((t) => t.id === unitId)) setUnitId(targets[0]?.id ?? null);
  }, [targets]);
  const preview = useCascadePreview(planId, unitId);
  const draft = preview.data?.draft;
  const findings = draft?.findings ?? [];
  const numbers = new Set(draft?.tasks.map((t) => t.number) ?? []);

  return (
    <Stack gap="md">
      <Select
        label="Xem trước cho"
        description={targets.length > 1 ? `Một trong ${count(targets.length, 'xã, phường')} đã chọn` : undefined}
        data={targets.map((t) => ({ value: String(t.id), label: t.name }))}
        value={unitId ? String(unitId) : null}
        onChange={(v) => setUnitId(v ? Number(v) : null)}
        searchable
        filter={foldFilter}
        nothingFoundMessage="Không có xã, phường nào khớp"
        allowDeselect={false}
        maw={420}
        comboboxProps={{ withinPortal: true }}
      />
      {preview.isLoading ? (
        <Group>
          <Loader size="sm" aria-hidden />
          <Text>Đang tạo bản xem trước…</Text>
        </Group>
      ) : preview.error ? (
        <LoadError error={preview.error} what="bản xem trước" onRetry={() => void preview.refetch()} />
      ) : draft ? (
        <>
          <Box>
            <Text size="sm" c="dimmed">
              Trích yếu
            </Text>
            <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
              {draft.document.title}
            </Text>
            {draft.document.basis
              .filter((b) => b.kind === 'implements')
              .map((b, i) => (
                <Text key={i} size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  {/^thực hiện/i.test(b.text) ? b.text : `Thực hiện ${b.text}`}
                </Text>
              ))}
          </Box>
          <Box component="section" aria-labelledby="xem-truoc-nhiem-vu">
            <Group justify="space-between" mb="xs" gap="xs">
              <Title order={3} size="h5" id="xem-truoc-nhiem-vu">
                Nhiệm vụ ({draft.tasks.length}) – chủ trì, phối hợp đã chuyển sang đơn vị của xã, phường
              </Title>
            </Group>
            <TaskList
              tasks={draft.tasks}
              groups={draft.groups}
              findings={findings}
              isPhone={isPhone}
              idPrefix="xem-truoc"
              review
            />
          </Box>
          <Box component="section" aria-labelledby="xem-truoc-ra-soat">
            <Group justify="space-between" mb="xs" gap="xs">
              <Title order={3} size="h5" id="xem-truoc-ra-soat">
                Kết quả rà soát bản sẽ tạo
              </Title>
              <FindingCounts findings={findings} />
            </Group>
            <FindingList
              findings={findings}
              headingLevel={4}
              onLocate={(f) => {
                if (f.location.task) scrollToElement(taskAnchorId(f.location.task, 'xem-truoc'));
              }}
              locateLabel={(f) =>
                f.location.task && numbers.has(f.location.task) ? `Đến nhiệm vụ ${f.location.task}` : null
              }
            />
          </Box>
        </>
      ) : null}
      <Accordion variant="contained" radius="md">
        <Accordion.Item value="quy-tac">
          <Accordion.Control>Bảng quy tắc chuyển đơn vị (tỉnh → xã, phường)</Accordion.Control>
          <Accordion.Panel>
            <CascadeRulesEditor provinceId={provinceId} canEdit={canEditRules} isPhone={isPhone} />
          </Accordion.Panel>
        </Accordion.Item>
      </Accordion>
    </Stack>
  );
}
