import { Card, Checkbox, Group, NumberInput, Stack, Textarea, Title } from '@mantine/core';
import { DateField } from '../../components/DateField.tsx';
import type { UpdateForm } from './useUpdateForm.ts';

/** The day, the percent (or "done") and what was done. */
export function ResultSection({ form }: { form: UpdateForm }) {
  const { values, set, err, today } = form;
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="cn-ket-qua">
      <Title order={2} size="h4" id="cn-ket-qua" mb="sm">
        Kết quả
      </Title>
      <Stack gap="sm">
        <Group grow align="flex-start" wrap="wrap" gap="sm">
          <DateField
            label="Ngày ghi nhận"
            description="Ngày diễn ra kết quả (không sau hôm nay)"
            required
            value={values.occurredOn}
            onChange={(v) => set('occurredOn', v)}
            maxDate={today}
            error={err('occurredOn')}
            popoverProps={{ withinPortal: true }}
            miw={180}
          />
          <NumberInput
            label="Tiến độ (%)"
            description="Phần việc đã làm được, 0–100"
            required
            min={0}
            max={100}
            step={10}
            allowDecimal={false}
            allowNegative={false}
            clampBehavior="strict"
            value={values.completed ? 100 : values.percent}
            onChange={(v) => set('percent', v)}
            disabled={values.completed}
            error={err('percent')}
            miw={160}
            inputMode="numeric"
          />
        </Group>
        <Checkbox
          label="Đã hoàn thành nhiệm vụ trong năm"
          description="Tiến độ được ghi là 100%; tình trạng đúng hạn hay quá hạn tính theo ngày ghi nhận."
          checked={values.completed}
          onChange={(e) => set('completed', e.currentTarget.checked)}
        />
        <Textarea
          label="Kết quả thực hiện"
          description="Đã làm gì, ở đâu, với ai; số liệu nếu có."
          autosize
          minRows={3}
          maxLength={20000}
          value={values.narrative}
          onChange={(e) => set('narrative', e.currentTarget.value)}
          error={err('narrative')}
        />
      </Stack>
    </Card>
  );
}
