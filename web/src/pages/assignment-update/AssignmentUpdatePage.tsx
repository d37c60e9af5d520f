// "Cập nhật tiến độ" of one assignment: percent, what was done, the day, the deliverables (typed rows whose fields
// follow their kind: a conference asks its date and participants, a document its number, an article its link),
// evidence files (checked here by type and size, then by the server by their bytes) and obstacles or proposals
// (sent to the focal unit). Everything typed stays when the server refuses; its messages show under the fields.
import { Link, useParams } from 'react-router';
import { Alert, Anchor, Box, Breadcrumbs, Button, Group, Loader, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react';
import { isApiError } from '../../api/client.ts';
import { useAssignment } from '../../api/tracking.ts';
import type { AssignmentDetail } from '../../api/types.ts';
import { FormError } from '../../components/FieldError.tsx';
import { PageHeader, usePageTitle } from '../../components/PageTitle.tsx';
import { TaskStatusBadge } from '../../components/tracking/TrackingBits.tsx';
import { formatDay, formatPercent } from '../../format.ts';
import { paths } from '../../paths.ts';
import { NotFoundPage } from '../NotFoundPage.tsx';
import { DeliverablesSection } from './DeliverablesSection.tsx';
import { EvidenceSection } from './EvidenceSection.tsx';
import { ObstaclesSection } from './ObstaclesSection.tsx';
import { ResultSection } from './ResultSection.tsx';
import { useUpdateForm } from './useUpdateForm.ts';

export function AssignmentUpdatePage() {
  const { id } = useParams();
  const assignmentId = Number(id);
  const valid = Number.isInteger(assignmentId) && assignmentId > 0;
  const { data, isLoading, error } = useAssignment(valid ? assignmentId : null);
  usePageTitle('Cập nhật tiến độ');
  if (!valid || (isApiError(error) && (error.isNotFound || error.status === 400)))
    return <NotFoundPage what="nhiệm vụ được giao" />;
  if (isLoading)
    return (
      <Group p="md">
        <Loader size="sm" aria-hidden />
        <Text>Đang tải nhiệm vụ…</Text>
      </Group>
    );
  if (error || !data) return <FormError error={error} title="Không tải được nhiệm vụ" />;
  return <UpdateForm d={data} />;
}

function UpdateForm({ d }: { d: AssignmentDetail }) {
  const form = useUpdateForm(d);
  const { submit, formRef, shownPaths, clientErrors, serverError, submitting } = form;
  const { task, assignment: a } = d;
  const breadcrumbs = (
    <Box component="nav" aria-label="Vị trí">
      <Breadcrumbs separator="›" separatorMargin={6} style={{ flexWrap: 'wrap', rowGap: 4 }}>
        <Anchor component={Link} to={paths.assignments} size="sm">
          Công việc
        </Anchor>
        <Anchor component={Link} to={paths.assignment(a.id)} size="sm">
          Nhiệm vụ {task.number}
        </Anchor>
        <Text size="sm" aria-current="page">
          Cập nhật tiến độ
        </Text>
      </Breadcrumbs>
    </Box>
  );

  if (!d.can.update) {
    return (
      <>
        <PageHeader above={breadcrumbs} title="Cập nhật tiến độ" />
        <Alert color="gray" variant="light" icon={<IconInfoCircle aria-hidden />}>
          {d.plan.status !== 'issued'
            ? 'Kế hoạch của nhiệm vụ này không còn hiệu lực (đã được sửa đổi hoặc thay thế): hãy cập nhật trên kế hoạch đang có hiệu lực.'
            : 'Bạn không có quyền cập nhật tiến độ nhiệm vụ của đơn vị này.'}
        </Alert>
      </>
    );
  }

  return (
    <>
      <PageHeader
        above={breadcrumbs}
        title="Cập nhật tiến độ"
        description={
          <Stack gap={4}>
            <Text size="sm" fw={600} c="var(--mantine-color-text)">
              Nhiệm vụ {task.number}. {task.title}
            </Text>
            <Group gap="xs">
              <TaskStatusBadge status={a.status} size="sm" />
              <Text span size="sm">
                {a.unit.name} · hạn {formatDay(a.dueDate) || 'không có'} · hiện {formatPercent(a.percent)}
              </Text>
            </Group>
          </Stack>
        }
      />
      <form ref={formRef} onSubmit={(e) => void submit(e)} noValidate aria-label="Cập nhật tiến độ">
        <Stack gap="md">
          <ResultSection form={form} />
          <DeliverablesSection form={form} />
          <EvidenceSection form={form} />
          <ObstaclesSection form={form} />
          <FormError error={serverError} fields={shownPaths} title="Chưa lưu được cập nhật" />
          {Object.keys(clientErrors).length ? (
            <Alert color="red" variant="light" role="alert" icon={<IconAlertTriangle aria-hidden />}>
              Còn {Object.keys(clientErrors).length} chỗ cần sửa (được đánh dấu ở trên).
            </Alert>
          ) : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" component={Link} to={paths.assignment(a.id)}>
              Hủy
            </Button>
            <Button type="submit" loading={submitting}>
              Lưu cập nhật
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
