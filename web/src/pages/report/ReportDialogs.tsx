import { useState } from 'react';
import { Alert, List, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { reportingApi, useReportingMutation } from '../../api/reporting.ts';
import type { ReportDetail } from '../../api/types.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { ReasonModal, reasonCheck } from '../../components/ReasonModal.tsx';
import { SignerSelect } from '../../components/SignerSelect.tsx';
import { formatDay } from '../../format.ts';
import type { Dialog } from './ReportPage.tsx';
import { emptyRequired } from './narrative.ts';
import type { ReportForm } from './useReportForm.ts';

/** Approve, submit, accept, refresh the prefilled facts (each confirmed), and return with a reason. */
export function ReportDialogs({
  d,
  edit,
  dialog,
  close,
}: {
  d: ReportDetail;
  edit: ReportForm;
  dialog: Dialog;
  close: () => void;
}) {
  const { report: r, can } = d;
  const { form, save, act, approve, prefill, dirty } = edit;
  const empty = emptyRequired(form.values);
  const [signerKey, setSignerKey] = useState<number | undefined>(undefined);
  return (
    <>
      <ConfirmDialog
        opened={dialog === 'approve'}
        onClose={close}
        title="Duyệt báo cáo"
        confirmLabel="Duyệt"
        onConfirm={async () => {
          if (dirty && can.edit) await save.mutateAsync(form.values);
          const res = await approve.mutateAsync({ confirmEmpty: empty.length > 0, signerKey });
          notifications.show({
            color: 'green',
            message: `Đã duyệt báo cáo${res.number ? ` số ${res.number}/${res.symbol}` : ''}. Chuyên viên hoặc lãnh đạo gửi báo cáo đến đơn vị nhận.`,
          });
        }}
      >
        <Stack gap="xs">
          {empty.length ? (
            <Alert color="orange" title={`Còn ${empty.length} mục chưa viết`}>
              <Text size="sm">Báo cáo sẽ được duyệt và gửi đi với các mục để trống:</Text>
              <List size="sm">
                {empty.map((label) => (
                  <List.Item key={label}>{label}</List.Item>
                ))}
              </List>
              <Text size="sm">Bấm “Duyệt” nếu vẫn duyệt; bấm “Hủy” để viết tiếp.</Text>
            </Alert>
          ) : null}
          {dialog === 'approve' ? <SignerSelect unitId={r.unitId} value={signerKey} onChange={setSignerKey} /> : null}
          <Text>
            {dirty ? 'Nội dung vừa sửa sẽ được lưu rồi duyệt. ' : ''}Sau khi duyệt, báo cáo được cấp số và không sửa
            được nữa (trừ khi đơn vị nhận trả lại).
          </Text>
        </Stack>
      </ConfirmDialog>
      <ConfirmDialog
        opened={dialog === 'submit'}
        onClose={close}
        title="Gửi báo cáo"
        confirmLabel="Gửi"
        onConfirm={async () => {
          const res = await act.mutateAsync('submit');
          notifications.show({
            color: 'green',
            message: `Đã gửi báo cáo đến ${r.toUnitName}${res.late ? ' (quá hạn)' : ' đúng hạn'}.`,
          });
        }}
      >
        {`Gửi báo cáo đến ${r.toUnitName}? Hạn gửi: ${formatDay(r.dueDate)}.`}
      </ConfirmDialog>
      <ConfirmDialog
        opened={dialog === 'accept'}
        onClose={close}
        title="Tiếp nhận báo cáo"
        confirmLabel="Tiếp nhận"
        onConfirm={async () => {
          await act.mutateAsync('accept');
          notifications.show({ color: 'green', message: `Đã tiếp nhận báo cáo của ${r.unitName}.` });
        }}
      >
        {`Tiếp nhận báo cáo của ${r.unitName}? Đơn vị được thông báo.`}
      </ConfirmDialog>
      <ConfirmDialog
        opened={dialog === 'prefill'}
        onClose={close}
        title="Cập nhật số liệu điền sẵn"
        confirmLabel="Cập nhật"
        onConfirm={async () => {
          await prefill.mutateAsync(undefined);
          notifications.show({
            color: 'green',
            message: 'Đã cập nhật số liệu từ tiến độ mới nhất; nội dung đã viết được giữ nguyên.',
          });
        }}
      >
        {dirty
          ? 'Lưu nội dung đang sửa trước: số liệu được lấy lại từ tiến độ, sản phẩm và khó khăn mới nhất, còn phần chưa lưu sẽ mất.'
          : 'Lấy lại nhiệm vụ, sản phẩm, khó khăn và chỉ tiêu đếm từ sản phẩm theo tiến độ mới nhất. Nội dung đã viết và chỉ tiêu nhập tay được giữ nguyên.'}
      </ConfirmDialog>
      {can.return ? <ReturnReportModal opened={dialog === 'return'} onClose={close} d={d} /> : null}
    </>
  );
}

function ReturnReportModal({ opened, onClose, d }: { opened: boolean; onClose: () => void; d: ReportDetail }) {
  const mutation = useReportingMutation((reason: string) => reportingApi.return(d.report.id, reason));
  return (
    <ReasonModal
      opened={opened}
      onClose={onClose}
      title="Trả lại báo cáo"
      intro={`Báo cáo trở về ${d.report.unitName} để hoàn thiện; đơn vị được thông báo lý do và có ít nhất 5 ngày làm việc để gửi lại.`}
      label="Lý do trả lại"
      check={reasonCheck('Nêu lý do trả lại (ít nhất 5 ký tự).')}
      maxLength={2000}
      confirmLabel="Trả lại"
      confirmColor="red.9"
      onConfirm={async (reason) => {
        const res = await mutation.mutateAsync(reason);
        notifications.show({
          color: 'green',
          message: `Đã trả lại báo cáo của ${d.report.unitName}; hạn gửi lại: ${formatDay(res.dueDate)}.`,
        });
      }}
    />
  );
}
