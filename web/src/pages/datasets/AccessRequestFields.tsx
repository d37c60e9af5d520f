// What any access request states (Nghị định 142/2026 Đ35.4: purpose control): the purpose, how the data will be
// used, and for how long. Shared by a signed-in user's request and an organisation's.
import { NumberInput, Textarea } from '@mantine/core';

export interface AccessRequestValues {
  purpose: string;
  intendedUse: string;
  durationDays: number;
}
type Key = keyof AccessRequestValues;

export const checkAccessRequest = (v: AccessRequestValues) => ({
  purpose: v.purpose.trim().length < 10 ? 'Nêu mục đích (ít nhất 10 ký tự).' : undefined,
  intendedUse: v.intendedUse.trim().length < 10 ? 'Nêu cách sử dụng dữ liệu (ít nhất 10 ký tự).' : undefined,
  durationDays: v.durationDays >= 1 && v.durationDays <= 1096 ? undefined : 'Thời hạn từ 1 đến 1096 ngày.',
});

export function AccessRequestFields({
  values,
  set,
  error,
  usageHint = 'Ví dụ: huấn luyện mô hình phân loại hồ sơ, chỉ dùng trong hệ thống của đơn vị.',
}: {
  values: AccessRequestValues;
  set: (key: Key, value: string | number) => void;
  error: (key: Key) => string | undefined;
  usageHint?: string;
}) {
  return (
    <>
      <Textarea
        label="Mục đích sử dụng"
        required
        autosize
        minRows={2}
        value={values.purpose}
        error={error('purpose')}
        onChange={(e) => set('purpose', e.currentTarget.value)}
      />
      <Textarea
        label="Cách sử dụng dữ liệu"
        description={usageHint}
        required
        autosize
        minRows={2}
        value={values.intendedUse}
        error={error('intendedUse')}
        onChange={(e) => set('intendedUse', e.currentTarget.value)}
      />
      <NumberInput
        label="Thời hạn (ngày)"
        min={1}
        max={1096}
        value={values.durationDays}
        error={error('durationDays')}
        onChange={(n) => set('durationDays', Number(n) || 0)}
      />
    </>
  );
}
