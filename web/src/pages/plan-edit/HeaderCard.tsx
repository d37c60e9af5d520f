import { Card, SimpleGrid, Stack, TextInput, Textarea, Title } from '@mantine/core';
import { DateField } from '../../components/DateField.tsx';
import type { PlanEditForm } from './usePlanEditForm.ts';

/** Trích yếu, số, ký hiệu, địa danh, ngày, người ký, nơi nhận. */
export function HeaderCard({ edit, unitName }: { edit: PlanEditForm; unitName: string }) {
  const { form, base, set, err } = edit;
  return (
    <Card withBorder radius="md" component="section" aria-labelledby="phan-dau">
      <Title order={2} size="h4" id="phan-dau" mb="sm">
        Phần đầu văn bản
      </Title>
      <Stack gap="sm">
        <Textarea
          label="Trích yếu"
          required
          autosize
          minRows={2}
          value={form.title}
          onChange={(e) => set('title', e.currentTarget.value)}
          error={err('title')}
        />
        {base.document.issuer ? (
          <TextInput
            label="Tên cơ quan ban hành (như ghi trên văn bản)"
            description={`Đơn vị ban hành trong hệ thống: ${unitName}`}
            value={form.issuerText}
            onChange={(e) => set('issuerText', e.currentTarget.value)}
            error={err('issuerText')}
          />
        ) : null}
        <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm" style={{ alignItems: 'end' }}>
          <TextInput
            label="Số"
            description="Để trống đến khi ban hành"
            inputMode="numeric"
            value={form.number}
            onChange={(e) => set('number', e.currentTarget.value)}
            error={err('number')}
          />
          <TextInput
            label="Ký hiệu"
            placeholder="KH-UBND"
            value={form.symbol}
            onChange={(e) => set('symbol', e.currentTarget.value)}
            error={err('symbol')}
          />
          <TextInput
            label="Địa danh"
            placeholder="Thanh Hóa"
            value={form.place}
            onChange={(e) => set('place', e.currentTarget.value)}
            error={err('place')}
          />
          <TextInput
            label="Năm"
            inputMode="numeric"
            placeholder="2026"
            value={form.year}
            onChange={(e) => set('year', e.currentTarget.value)}
            error={err('year')}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" style={{ alignItems: 'end' }}>
          <DateField
            label="Ngày ban hành"
            description="Thường để trống: cấp khi ban hành"
            value={form.date}
            onChange={(v) => set('date', v)}
            error={err('date')}
          />
          <TextInput
            label="Người ký"
            value={form.signerName}
            onChange={(e) => set('signerName', e.currentTarget.value)}
            error={err('signerName')}
          />
        </SimpleGrid>
        <Textarea
          label="Nơi nhận"
          description="Mỗi dòng một nơi nhận"
          autosize
          minRows={3}
          value={form.recipients}
          onChange={(e) => set('recipients', e.currentTarget.value)}
          error={err('recipients')}
        />
      </Stack>
    </Card>
  );
}
