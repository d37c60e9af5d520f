// Sự cố: the incidents of a use with their reporting deadlines, and the form to report one (a serious incident
// reaches the unit's leaders and the focal units at once).
import { Button, Group, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { aiApi, aiUrls, useAiMutation, type AiUseDetail, type IncidentBody } from '../../api/ai-systems.ts';
import { fieldError, FormError } from '../../components/FieldError.tsx';
import { useApiForm } from '../../components/form.ts';
import { Section } from '../../components/Section.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { formatDateTime } from '../../format.ts';

const EMPTY = { occurredAt: '', detectedAt: '', severity: 'serious', description: '', affected: '' };
/** A datetime-local value read as Việt Nam time. */
const instant = (local: string) => (local ? `${local.length === 16 ? `${local}:00` : local}+07:00` : '');

export function IncidentsSection({ use }: { use: AiUseDetail }) {
  const form = useApiForm(EMPTY, (v) => ({
    occurredAt: v.occurredAt ? undefined : 'Nhập thời điểm xảy ra.',
    detectedAt: v.detectedAt ? undefined : 'Nhập thời điểm phát hiện.',
    description: v.description.trim().length >= 10 ? undefined : 'Mô tả sự cố (ít nhất 10 ký tự).',
  }));
  const report = useAiMutation((b: IncidentBody) => aiApi.reportIncident(use.id, b));
  const close = useAiMutation((id: number) => aiApi.closeIncident(id));
  const v = form.values;
  const err = (k: keyof typeof EMPTY) => form.error(k) ?? fieldError(form.serverError, k);
  const submit = form.onSubmit(async (x) => {
    await report.mutateAsync({
      ...x,
      occurredAt: instant(x.occurredAt),
      detectedAt: instant(x.detectedAt),
      severity: x.severity as 'serious' | 'other',
    });
    form.reset();
  });
  return (
    <Section title="Sự cố" id="ai-incidents">
      <Stack gap="md">
        {use.incidents.length === 0 ? (
          <Text size="sm">Chưa có sự cố nào.</Text>
        ) : (
          use.incidents.map((i) => (
            <Stack key={i.id} gap={4} id={`su-co-${i.id}`} data-testid="incident">
              <Group gap="xs">
                <StatusBadge tone={i.severity === 'serious' ? 'red' : 'gray'} size="sm">
                  {i.severityLabel}
                </StatusBadge>
                <Text size="sm" c="dimmed">
                  Phát hiện {formatDateTime(i.detectedAt)}
                </Text>
              </Group>
              <Text size="sm">{i.description}</Text>
              {i.deadlines.map((d) => (
                <Text key={d.kind} size="sm">
                  {d.label}: <b>{formatDateTime(d.dueAt)}</b>
                </Text>
              ))}
              {i.severity === 'serious' ? (
                <Text size="sm">
                  <a href={aiUrls.incidentDocx(i.id)}>Tải báo cáo sự cố (DOCX)</a>
                </Text>
              ) : null}
              {i.status === 'open' && use.can.edit ? (
                <Group>
                  <Button
                    size="xs"
                    variant="default"
                    loading={close.isPending && close.variables === i.id}
                    onClick={() => close.mutate(i.id)}
                  >
                    Đóng sự cố (đã báo cáo chính thức)
                  </Button>
                </Group>
              ) : (
                <Text size="sm" c="dimmed">
                  {i.status === 'closed' ? 'Đã đóng.' : ''}
                </Text>
              )}
            </Stack>
          ))
        )}
        <FormError error={close.error} />
        {use.can.edit ? (
          <form ref={form.formRef} onSubmit={submit} noValidate>
            <Stack gap="sm">
              <Text fw={600} size="sm">
                Báo cáo sự cố
              </Text>
              <TextInput
                type="datetime-local"
                label="Thời điểm xảy ra"
                value={v.occurredAt}
                error={err('occurredAt')}
                onChange={(e) => form.setValue('occurredAt', e.currentTarget.value)}
              />
              <TextInput
                type="datetime-local"
                label="Thời điểm phát hiện"
                value={v.detectedAt}
                error={err('detectedAt')}
                onChange={(e) => form.setValue('detectedAt', e.currentTarget.value)}
              />
              <Select
                label="Mức độ"
                allowDeselect={false}
                value={v.severity}
                onChange={(s) => form.setValue('severity', s ?? 'serious')}
                description="Nghiêm trọng: thiệt hại tính mạng, sức khỏe, tài sản đáng kể, xâm phạm nghiêm trọng quyền, gián đoạn dịch vụ công thiết yếu (Điều 19 Nghị định 142/2026/NĐ-CP)."
                data={[
                  { value: 'serious', label: 'Sự cố nghiêm trọng' },
                  { value: 'other', label: 'Sự cố khác' },
                ]}
              />
              <Textarea
                label="Mô tả"
                autosize
                minRows={3}
                value={v.description}
                error={err('description')}
                onChange={(e) => form.setValue('description', e.currentTarget.value)}
              />
              <TextInput
                label="Người, tổ chức bị ảnh hưởng"
                value={v.affected}
                error={err('affected')}
                onChange={(e) => form.setValue('affected', e.currentTarget.value)}
              />
              <FormError error={form.serverError} fields={Object.keys(EMPTY)} />
              <Group>
                <Button type="submit" loading={form.submitting}>
                  Gửi báo cáo sự cố
                </Button>
              </Group>
            </Stack>
          </form>
        ) : null}
      </Stack>
    </Section>
  );
}
