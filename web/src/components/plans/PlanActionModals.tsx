// The leader's acts on a plan that need input: return a draft (with a reason), issue (number, date, signer).
import { useCallback, useEffect } from 'react';
import { Modal, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { isApiError } from '../../api/client.ts';
import { plansApi, usePlanMutation } from '../../api/plans.ts';
import { useUnitDocumentSettings } from '../../api/units.ts';
import { SignerSelect } from '../SignerSelect.tsx';
import type { PlanDetail } from '../../api/types.ts';
import type { PlanIssueBody } from '../../../../src/contracts/plans.ts';
import { DateField } from '../DateField.tsx';
import { FormError } from '../FieldError.tsx';
import { ModalFormButtons, ReasonModal, reasonCheck } from '../ReasonModal.tsx';
import { required, useApiForm } from '../form.ts';
import { toIsoDate } from '../../format.ts';
import { ISSUED_NUMBER } from '../../../../src/domain/plan/lifecycle.ts';

export function ReturnPlanModal({
  opened,
  onClose,
  plan,
}: {
  opened: boolean;
  onClose: () => void;
  plan: PlanDetail['plan'];
}) {
  const mutation = usePlanMutation((reason: string) => plansApi.return(plan.id, reason));
  return (
    <ReasonModal
      opened={opened}
      onClose={onClose}
      title="Trả lại dự thảo"
      intro="Kế hoạch trở về trạng thái dự thảo để đơn vị soạn thảo sửa. Lý do được hiển thị trên trang kế hoạch."
      label="Lý do trả lại"
      check={reasonCheck('Nêu lý do trả lại.', 'Lý do cần ít nhất 5 ký tự.')}
      confirmLabel="Trả lại"
      onConfirm={async (reason) => {
        await mutation.mutateAsync(reason);
        notifications.show({ color: 'green', message: 'Đã trả lại dự thảo cho đơn vị soạn thảo.' });
      }}
    />
  );
}

export function IssuePlanModal({
  opened,
  onClose,
  plan,
  signerName,
}: {
  opened: boolean;
  onClose: () => void;
  plan: PlanDetail['plan'];
  signerName: string | null;
}) {
  const initial = {
    number: '',
    date: toIsoDate(new Date()) as string | null,
    signerName: signerName ?? '',
    signerKey: undefined as number | undefined,
  };
  // A unit with signers: one of them is picked (its default preselected); otherwise a name may be typed.
  const hasSigners = (useUnitDocumentSettings(plan.unitId, opened).data?.signers.length ?? 0) > 0;
  const form = useApiForm(initial, (v) => ({
    number:
      required(v.number, 'Nhập số văn bản do văn thư cấp.') ??
      (!ISSUED_NUMBER.test(v.number.trim()) ? 'Số văn bản chỉ gồm chữ số, ví dụ 129.' : undefined),
    date: v.date ? undefined : 'Chọn ngày ban hành (ngày/tháng/năm).',
    signerName: v.signerName.trim() && v.signerName.trim().length < 2 ? 'Họ tên cần ít nhất 2 ký tự.' : undefined,
  }));
  const mutation = usePlanMutation((body: PlanIssueBody) => plansApi.issue(plan.id, body));
  const { setValue } = form;
  const setSignerKey = useCallback((k: number | undefined) => setValue('signerKey', k), [setValue]);
  useEffect(() => {
    if (opened) form.reset(initial);
  }, [opened]);

  const submit = form.onSubmit(async (v) => {
    await mutation.mutateAsync({
      number: v.number.trim(),
      date: v.date!,
      ...(hasSigners ? { signerKey: v.signerKey } : { signerName: v.signerName.trim() || undefined }),
    });
    notifications.show({
      color: 'green',
      title: 'Đã ban hành',
      message: `Kế hoạch số ${v.number.trim()}/${plan.symbol ?? 'KH-UBND'}.`,
    });
    onClose();
  });

  return (
    <Modal opened={opened} onClose={onClose} title="Ban hành kế hoạch" centered>
      <form ref={form.formRef} onSubmit={(e) => void submit(e)} noValidate>
        <Stack>
          <TextInput
            label="Số văn bản"
            description={`Số do văn thư cấp; ký hiệu: ${plan.symbol ?? 'KH-UBND'}`}
            required
            inputMode="numeric"
            value={form.values.number}
            onChange={(e) => form.setValue('number', e.currentTarget.value)}
            error={
              form.error('number') ??
              (isApiError(form.serverError) && form.serverError.code === 'plan.number_taken'
                ? 'Số này đã được dùng trong năm; nhập số khác.'
                : undefined)
            }
            data-autofocus
          />
          <DateField
            label="Ngày ban hành"
            required
            value={form.values.date}
            onChange={(v) => form.setValue('date', v)}
            error={form.error('date')}
            popoverProps={{ withinPortal: true }}
          />
          {hasSigners ? (
            <SignerSelect
              unitId={plan.unitId}
              value={form.values.signerKey}
              onChange={setSignerKey}
              error={form.error('signerKey')}
            />
          ) : (
            <TextInput
              label="Người ký"
              description="Không bắt buộc; để trống thì giữ người ký trong dự thảo."
              value={form.values.signerName}
              onChange={(e) => form.setValue('signerName', e.currentTarget.value)}
              error={form.error('signerName')}
            />
          )}
          <FormError error={form.serverError} fields={['number', 'date', 'signerName', 'signerKey']} />
          <ModalFormButtons onClose={onClose} submitting={form.submitting} label="Ban hành" />
        </Stack>
      </form>
    </Modal>
  );
}
