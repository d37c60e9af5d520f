import { useNavigate } from 'react-router';
import { notifications } from '@mantine/notifications';
import { plansApi, usePlanMutation } from '../../api/plans.ts';
import type { PlanDetail } from '../../api/types.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { IssuePlanModal, ReturnPlanModal } from '../../components/plans/PlanActionModals.tsx';
import { paths } from '../../paths.ts';
import type { Dialog } from './PlanPage.tsx';

/** Submit, approve, amend (each confirmed); return with a reason; issue with number, date and signer. */
export function PlanDialogs({ detail, dialog, close }: { detail: PlanDetail; dialog: Dialog; close: () => void }) {
  const { plan, draft, can } = detail;
  const navigate = useNavigate();
  const transition = usePlanMutation((action: 'submit' | 'approve') =>
    action === 'submit' ? plansApi.submit(plan.id) : plansApi.approve(plan.id),
  );
  const amend = usePlanMutation(() => plansApi.amend(plan.id));
  return (
    <>
      <ConfirmDialog
        opened={dialog === 'submit'}
        onClose={close}
        title="Trình kế hoạch"
        confirmLabel="Trình"
        onConfirm={async () => {
          await transition.mutateAsync('submit');
          notifications.show({ color: 'green', message: 'Đã trình kế hoạch cho lãnh đạo duyệt.' });
        }}
      >
        Trình dự thảo cho lãnh đạo duyệt? Sau khi trình, dự thảo không sửa được nữa cho đến khi bị trả lại. Kế hoạch còn
        lỗi sẽ không trình được.
      </ConfirmDialog>
      <ConfirmDialog
        opened={dialog === 'approve'}
        onClose={close}
        title="Duyệt kế hoạch"
        confirmLabel="Duyệt"
        onConfirm={async () => {
          await transition.mutateAsync('approve');
          notifications.show({ color: 'green', message: 'Đã duyệt kế hoạch. Văn thư cấp số và ban hành.' });
        }}
      >
        Duyệt nội dung kế hoạch này? Sau khi duyệt, kế hoạch được cấp số và ban hành.
      </ConfirmDialog>
      <ConfirmDialog
        opened={dialog === 'amend'}
        onClose={close}
        title="Sửa đổi kế hoạch"
        confirmLabel="Tạo dự thảo sửa đổi"
        onConfirm={async () => {
          const r = await amend.mutateAsync(undefined);
          await navigate(paths.plan(r.id));
        }}
      >
        Kế hoạch đã ban hành chỉ thay đổi được bằng văn bản sửa đổi. Tạo một dự thảo sửa đổi (phiên bản{' '}
        {plan.version + 1}) từ nội dung hiện tại? Khi dự thảo sửa đổi được ban hành, các kế hoạch cấp dưới được báo
        những nhiệm vụ thay đổi.
      </ConfirmDialog>
      {can.return ? <ReturnPlanModal opened={dialog === 'return'} onClose={close} plan={plan} /> : null}
      {can.issue ? (
        <IssuePlanModal
          opened={dialog === 'issue'}
          onClose={close}
          plan={plan}
          signerName={draft.document.signer?.name ?? null}
        />
      ) : null}
    </>
  );
}
