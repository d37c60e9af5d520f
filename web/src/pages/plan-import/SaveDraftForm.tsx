import { useEffect, useMemo, useRef } from 'react';
import { Link, useNavigate } from 'react-router';
import { Alert, Anchor, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconDeviceFloppy } from '@tabler/icons-react';
import { plansApi, usePlanMutation, usePlanOptions } from '../../api/plans.ts';
import { useUnit } from '../../api/units.ts';
import { useCurrentUser } from '../../auth/SessionContext.tsx';
import { FormError } from '../../components/FieldError.tsx';
import { UnitSearch, type UnitChoice } from '../../components/UnitSearch.tsx';
import { useApiForm } from '../../components/form.ts';
import { FindingCounts } from '../../components/plans/FindingList.tsx';
import { ParentPlanSelect, parentFromBasis } from '../../components/plans/ParentPlanSelect.tsx';
import { isUncertainRef } from '../../components/plans/planFormat.ts';
import { count } from '../../format.ts';
import { paths } from '../../paths.ts';
import type { Imported } from './PlanImportPage.tsx';
import type { PlanCreateBody } from '../../../../src/contracts/plans.ts';

interface SaveForm extends Record<string, unknown> {
  unitId: UnitChoice | null;
  parentPlanId: number | null;
}

/** Saves what was read as a draft of the issuing unit (suggested from the document), under the plan it implements. */
export function SaveDraftForm({ imported, onRestart }: { imported: Imported; onRestart: () => void }) {
  const me = useCurrentUser();
  const navigate = useNavigate();
  const { draft, sourceText, filename } = imported;
  const findings = draft.findings;

  const form = useApiForm<SaveForm>({ unitId: null, parentPlanId: null }, (v) => ({
    unitId: v.unitId ? undefined : 'Chọn đơn vị ban hành kế hoạch.',
  }));
  const touched = useRef({ unit: false, parent: false });
  const suggested = useUnit(imported.suggestedUnitId ?? me.unitId);
  useEffect(() => {
    const u = suggested.data?.unit;
    if (u && !touched.current.unit && !form.values.unitId)
      form.setValues((v) => ({ ...v, unitId: { id: u.id, name: u.name, code: u.code, kindLabel: u.kindLabel } }));
  }, [suggested.data]);
  const issued = usePlanOptions('issued');
  const basisParent = useMemo(
    () => parentFromBasis(draft.document.basis, issued.data ?? []),
    [draft.document.basis, issued.data],
  );
  useEffect(() => {
    if (basisParent && !touched.current.parent && !form.values.parentPlanId)
      form.setValues((v) => ({ ...v, parentPlanId: basisParent.id }));
  }, [basisParent]);

  // One plan per unit for each parent plan: say so before the server refuses.
  const siblings = useQuery({
    queryKey: ['plans', 'sibling', form.values.parentPlanId ?? 0, form.values.unitId?.id ?? 0],
    queryFn: async () =>
      (await plansApi.list({ parentPlanId: form.values.parentPlanId, unitId: form.values.unitId!.id }, 20)).items,
    enabled: !!form.values.parentPlanId && !!form.values.unitId,
  });
  const existing =
    (siblings.data ?? []).find(
      (p) => p.unitId === form.values.unitId?.id && p.status !== 'amended' && p.status !== 'superseded',
    ) ?? null;

  const create = usePlanMutation((body: PlanCreateBody) => plansApi.create(body));
  const save = form.onSubmit(async (v) => {
    if (existing) {
      document.querySelector<HTMLElement>('#da-co-ke-hoach a')?.focus();
      return;
    }
    const r = await create.mutateAsync({
      unitId: v.unitId!.id,
      draft,
      parentPlanId: v.parentPlanId,
      sourceName: filename,
      sourceText: sourceText ?? null,
    });
    notifications.show({ color: 'green', title: 'Đã lưu dự thảo', message: draft.document.title || filename });
    await navigate(paths.plan(r.id));
  });
  const uncertainRefs =
    draft.tasks.reduce((n, t) => n + [...t.lead, ...t.coordinators].filter(isUncertainRef).length, 0) +
    (draft.document.issuer && isUncertainRef(draft.document.issuer) ? 1 : 0);

  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }} component="section" aria-labelledby="luu-du-thao">
      <form ref={form.formRef} onSubmit={(e) => void save(e)} noValidate>
        <Stack gap="sm">
          <Group justify="space-between" gap="xs" align="flex-start">
            <div style={{ minWidth: 0 }}>
              <Title order={2} size="h4" id="luu-du-thao">
                Đã đọc “{filename}”
              </Title>
              <Text size="sm" c="dimmed">
                {count(draft.tasks.length, 'nhiệm vụ')} · {count(draft.sections.length, 'mục')}
                {uncertainRefs ? ` · ${count(uncertainRefs, 'tên đơn vị')} cần kiểm tra` : ''}
                {draft.unplaced.length ? ` · ${count(draft.unplaced.length, 'dòng')} chưa xếp được` : ''}
              </Text>
            </div>
            <FindingCounts findings={findings} />
          </Group>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
            <UnitSearch
              label="Đơn vị ban hành"
              required
              description={
                imported.suggestedUnitId && form.values.unitId?.id === imported.suggestedUnitId
                  ? 'Đề xuất theo phần đầu văn bản; kiểm tra lại.'
                  : undefined
              }
              value={form.values.unitId}
              onChange={(u) => {
                touched.current.unit = true;
                form.setValue('unitId', u);
              }}
              error={form.error('unitId')}
            />
            <ParentPlanSelect
              value={form.values.parentPlanId}
              onChange={(id) => {
                touched.current.parent = true;
                form.setValue('parentPlanId', id);
              }}
              excludeUnitId={form.values.unitId?.id}
              error={
                form.error('parentPlanId') ?? (existing ? 'Đơn vị đã có kế hoạch triển khai kế hoạch này.' : undefined)
              }
              description={
                basisParent && form.values.parentPlanId === basisParent.id
                  ? 'Đề xuất theo câu “Thực hiện…” của văn bản.'
                  : undefined
              }
            />
          </SimpleGrid>
          {existing ? (
            <Alert
              color="orange"
              variant="light"
              icon={<IconAlertTriangle aria-hidden />}
              id="da-co-ke-hoach"
              role="alert"
            >
              {existing.unitName} đã có kế hoạch triển khai kế hoạch cấp trên này:{' '}
              <Anchor component={Link} to={paths.plan(existing.id)} underline="always">
                {existing.title}
              </Anchor>{' '}
              ({existing.statusLabel}). Mỗi đơn vị chỉ có một kế hoạch cho mỗi kế hoạch cấp trên: hãy mở kế hoạch đó để
              sửa, hoặc bỏ chọn kế hoạch cấp trên để lưu riêng.
            </Alert>
          ) : null}
          <FormError error={form.serverError} fields={['unitId', 'parentPlanId']} />
          <Group gap="sm">
            <Button type="submit" loading={form.submitting} leftSection={<IconDeviceFloppy size={18} aria-hidden />}>
              Lưu dự thảo
            </Button>
            <Button variant="default" onClick={onRestart} disabled={form.submitting}>
              Chọn tệp khác
            </Button>
          </Group>
          {findings.some((f) => f.severity === 'error') ? (
            <Text size="xs" c="dimmed">
              Có thể lưu dự thảo khi còn lỗi; cần sửa hết lỗi trước khi trình.
            </Text>
          ) : null}
        </Stack>
      </form>
    </Paper>
  );
}
