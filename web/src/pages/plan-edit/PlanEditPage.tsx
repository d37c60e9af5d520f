// Sửa dự thảo kế hoạch: the header (trích yếu, số, ký hiệu, địa danh, ngày, người ký, nơi nhận) and the tasks
// (number, title, content, chủ trì and phối hợp from the register or as free text, timeframe, deliverables).
// Saved with PUT; the review findings are shown after each save. What was typed is kept when the server refuses,
// with the issues under the fields they concern.
import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, Anchor, Button, Group, Loader, Modal, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { isApiError } from '../../api/client.ts';
import { usePlan } from '../../api/plans.ts';
import type { PlanDetail } from '../../api/types.ts';
import { FormError, LoadError } from '../../components/FieldError.tsx';
import { PageHeader, usePageTitle } from '../../components/PageTitle.tsx';
import { docNumber, findingsByTask } from '../../components/plans/planFormat.ts';
import { paths } from '../../paths.ts';
import { NotFoundPage } from '../NotFoundPage.tsx';
import { FindingsCard } from './FindingsCard.tsx';
import { HeaderCard } from './HeaderCard.tsx';
import { TasksCard } from './TasksCard.tsx';
import { usePlanEditForm } from './usePlanEditForm.ts';

export function PlanEditPage() {
  const { id } = useParams();
  const planId = Number(id);
  const valid = Number.isInteger(planId) && planId > 0;
  const { data, isLoading, error, refetch } = usePlan(valid ? planId : null);
  usePageTitle(data ? `Sửa: ${data.plan.title}` : 'Sửa kế hoạch');

  if (!valid || (isApiError(error) && (error.isNotFound || error.status === 400)))
    return <NotFoundPage what="kế hoạch" />;
  if (isLoading)
    return (
      <Group p="md">
        <Loader size="sm" aria-hidden />
        <Text>Đang tải kế hoạch…</Text>
      </Group>
    );
  if (error || !data) return <LoadError error={error} what="kế hoạch" onRetry={() => void refetch()} />;
  if (!data.can.edit) {
    return (
      <>
        <PageHeader
          title="Sửa kế hoạch"
          above={
            <Anchor component={Link} to={paths.plan(planId)} size="sm">
              ‹ {data.plan.title}
            </Anchor>
          }
        />
        <Alert color="gray" variant="light" title="Không sửa được kế hoạch này">
          {data.plan.status !== 'draft'
            ? `Kế hoạch đang ở trạng thái “${data.plan.statusLabel}”. Chỉ dự thảo mới sửa được${data.plan.status === 'issued' ? '; kế hoạch đã ban hành thay đổi bằng “Sửa đổi”' : ''}.`
            : 'Bạn không có quyền sửa dự thảo của đơn vị này.'}{' '}
          <Anchor component={Link} to={paths.plan(planId)} underline="always">
            Về trang kế hoạch
          </Anchor>
        </Alert>
      </>
    );
  }
  return <EditView detail={data} />;
}

function EditView({ detail }: { detail: PlanDetail }) {
  const { plan } = detail;
  const isPhone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const edit = usePlanEditForm(detail);
  const { form, submit, formRef, save, savedAt, dirty, serverError, shownServerPaths, blocker } = edit;
  const fresh = usePlan(plan.id);
  const findings = savedAt ? (fresh.data?.draft.findings ?? []) : detail.draft.findings;
  const byTask = useMemo(() => findingsByTask(findings), [findings]);

  return (
    <>
      <PageHeader
        title="Sửa dự thảo kế hoạch"
        documentTitle={`Sửa: ${plan.title}`}
        above={
          <Anchor component={Link} to={paths.plan(plan.id)} size="sm">
            ‹ {plan.title || 'Kế hoạch'}
          </Anchor>
        }
        description={`${plan.issuerName} · ${docNumber(plan.number, plan.symbol)} · phiên bản ${plan.version}`}
      />
      <form ref={formRef} onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="md">
          <FindingsCard
            planId={plan.id}
            findings={findings}
            savedAt={savedAt}
            checking={fresh.isFetching}
            tasks={form.tasks}
          />
          <HeaderCard edit={edit} unitName={plan.unitName} />
          <TasksCard edit={edit} byTask={byTask} isPhone={isPhone} />

          <FormError error={serverError} fields={shownServerPaths} title="Chưa lưu được" />
          <Group gap="sm" className="form-actions">
            <Button type="submit" loading={save.isPending} leftSection={<IconDeviceFloppy size={18} aria-hidden />}>
              Lưu dự thảo
            </Button>
            <Button variant="default" component={Link} to={paths.plan(plan.id)}>
              {dirty ? 'Hủy' : 'Về trang kế hoạch'}
            </Button>
            {dirty ? (
              <Text size="sm" c="dimmed" role="status">
                Có thay đổi chưa lưu.
              </Text>
            ) : null}
          </Group>
        </Stack>
      </form>

      <Modal
        opened={blocker.state === 'blocked'}
        onClose={() => blocker.reset?.()}
        title="Rời trang khi chưa lưu?"
        centered
      >
        <Stack>
          <Text>Những thay đổi chưa lưu sẽ mất.</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => blocker.reset?.()} data-autofocus>
              Ở lại
            </Button>
            <Button color="red.9" onClick={() => blocker.proceed?.()}>
              Rời trang
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
