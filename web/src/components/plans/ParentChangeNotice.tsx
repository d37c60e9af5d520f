// In a commune's plan: the province changed the task this one implements. Shows what changed (before → after)
// and lets the commune accept the new wording or keep its own (with a reason).
import { useState } from 'react';
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconGitCompare, IconX } from '@tabler/icons-react';
import { Link } from 'react-router';
import { plansApi, usePlanMutation } from '../../api/plans.ts';
import type { ParentChange } from '../../api/types.ts';
import { FormError } from '../FieldError.tsx';
import { ReasonModal, reasonCheck } from '../ReasonModal.tsx';
import { formatDateTime } from '../../format.ts';
import { ValueDiff } from './PlanBits.tsx';
import type { ParentChangeDecisionBody } from '../../../../src/contracts/plans.ts';

const FIELD: Record<string, string> = {
  title: 'Tên nhiệm vụ',
  content: 'Nội dung',
  lead: 'Chủ trì',
  coordinators: 'Phối hợp',
  timeframe: 'Thời gian thực hiện',
  deliverables: 'Sản phẩm',
};

export function ParentChangeNotice({
  taskId,
  taskNumber,
  change,
  canResolve,
  compareTo,
}: {
  taskId: number;
  taskNumber: string;
  change: ParentChange;
  canResolve: boolean;
  /** Link to the comparison page. */
  compareTo?: string;
}) {
  const [dismissing, setDismissing] = useState(false);
  const resolve = usePlanMutation((v: ParentChangeDecisionBody) => plansApi.resolveParentChange(taskId, v));

  const accept = async () => {
    try {
      await resolve.mutateAsync({ decision: 'accept' });
      notifications.show({ color: 'green', message: `Đã áp dụng thay đổi của cấp trên cho nhiệm vụ ${taskNumber}.` });
    } catch {
      /* shown below */
    }
  };

  const dismiss = async (reason: string) => {
    await resolve.mutateAsync({ decision: 'dismiss', reason });
    notifications.show({ color: 'green', message: `Đã ghi nhận: không áp dụng thay đổi cho nhiệm vụ ${taskNumber}.` });
  };

  return (
    <Alert
      color="orange"
      variant="light"
      title={change.removed ? 'Nhiệm vụ cấp trên đã bị bỏ' : 'Kế hoạch cấp trên đã thay đổi nhiệm vụ này'}
      icon={<IconGitCompare aria-hidden />}
    >
      <Stack gap="xs">
        <Text size="xs" c="dimmed">
          Thay đổi lúc {formatDateTime(change.at)}
        </Text>
        {change.removed ? (
          <Text size="sm">
            Kế hoạch sửa đổi của cấp trên không còn nhiệm vụ tương ứng. Nhiệm vụ của đơn vị được giữ nguyên.
          </Text>
        ) : (
          <dl className="change-list">
            {change.changes.map((c) => (
              <div key={c.field}>
                <Text component="dt" size="sm" fw={600}>
                  {FIELD[c.field] ?? c.field}
                </Text>
                <dd>
                  <ValueDiff before={c.before} after={c.after} />
                </dd>
              </div>
            ))}
          </dl>
        )}
        {!change.removed &&
        canResolve &&
        change.changes.some((c) => c.field === 'lead' || c.field === 'coordinators') ? (
          <Text size="xs" c="dimmed">
            “Chấp nhận” áp dụng tên, nội dung, thời gian, sản phẩm mới; đơn vị chủ trì, phối hợp của đơn vị giữ nguyên
            (sửa trong dự thảo nếu cần).
          </Text>
        ) : null}
        {!dismissing ? <FormError error={resolve.error} /> : null}
        <Group gap="xs">
          {canResolve ? (
            <>
              {!change.removed ? (
                <Button
                  size="xs"
                  leftSection={<IconCheck size={16} aria-hidden />}
                  onClick={() => void accept()}
                  loading={resolve.isPending && !dismissing}
                >
                  Chấp nhận
                </Button>
              ) : null}
              <Button
                size="xs"
                variant="default"
                leftSection={<IconX size={16} aria-hidden />}
                onClick={() => {
                  resolve.reset();
                  setDismissing(true);
                }}
              >
                {change.removed ? 'Đã xem, giữ nguyên' : 'Không áp dụng'}
              </Button>
            </>
          ) : null}
          {compareTo ? (
            <Button size="xs" variant="subtle" component={Link} to={compareTo}>
              So sánh với cấp trên
            </Button>
          ) : null}
        </Group>
      </Stack>
      <ReasonModal
        opened={dismissing}
        onClose={() => setDismissing(false)}
        title={`Không áp dụng thay đổi – nhiệm vụ ${taskNumber}`}
        intro="Nhiệm vụ giữ nguyên như hiện tại. Lý do được lưu vào nhật ký để cấp trên theo dõi."
        label="Lý do"
        check={reasonCheck('Hãy nêu lý do (ít nhất 5 ký tự).')}
        confirmLabel="Không áp dụng"
        onConfirm={dismiss}
      />
    </Alert>
  );
}
