import { Button, Group, NumberInput, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { IconDeviceFloppy, IconRefresh } from '@tabler/icons-react';
import { isApiError } from '../../api/client.ts';
import type { ReportDetail } from '../../api/types.ts';
import { FormError } from '../../components/FieldError.tsx';
import { Section } from '../../components/Section.tsx';
import { formatNumber } from '../../format.ts';
import { NARRATIVE_SECTIONS } from './narrative.ts';
import type { ReportForm } from './useReportForm.ts';
import { ScrollTable } from '../../components/ScrollTable.tsx';

/** The narrative sections and the indicators: a form for who may edit, the text as sent for the others. */
export function ReportContent({ d, edit, onPrefill }: { d: ReportDetail; edit: ReportForm; onPrefill: () => void }) {
  const { report: r, can } = d;
  const { form, dirty, submitSave } = edit;
  const c = r.content;
  return (
    <form ref={form.formRef} onSubmit={(e) => void submitSave(e)} noValidate aria-labelledby="noi-dung-bc">
      <Section
        title="Nội dung báo cáo"
        id="noi-dung-bc"
        extra={
          can.edit ? (
            <Button variant="default" size="xs" leftSection={<IconRefresh size={16} aria-hidden />} onClick={onPrefill}>
              Cập nhật số liệu điền sẵn
            </Button>
          ) : null
        }
      >
        <Stack gap="md">
          {NARRATIVE_SECTIONS.map((s) =>
            can.edit ? (
              <Textarea
                key={s.key}
                label={s.label}
                description={s.hint || undefined}
                autosize
                minRows={s.key === 'results' ? 4 : 2}
                maxRows={20}
                value={form.values[s.key]}
                onChange={(e) => form.setValue(s.key, e.currentTarget.value)}
                error={
                  form.error(s.key) ??
                  (isApiError(form.serverError) ? form.serverError.fieldError(`narrative.${s.key}`) : undefined)
                }
              />
            ) : (
              <div key={s.key}>
                <Title order={3} size="h6">
                  {s.label}
                </Title>
                <Text
                  size="sm"
                  style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
                  c={c.narrative[s.key] ? undefined : 'dimmed'}
                >
                  {c.narrative[s.key] || '(chưa viết)'}
                </Text>
              </div>
            ),
          )}

          <IndicatorTable d={d} edit={edit} />

          {can.edit ? (
            <>
              <FormError
                error={form.serverError}
                fields={[...NARRATIVE_SECTIONS.map((s) => `narrative.${s.key}`), 'indicatorValues']}
                title="Chưa lưu được báo cáo"
              />
              <Group justify="flex-end" gap="sm">
                {dirty ? (
                  <Text size="sm" c="orange.9" role="status">
                    Có thay đổi chưa lưu
                  </Text>
                ) : null}
                <Button
                  type="submit"
                  loading={form.submitting}
                  leftSection={<IconDeviceFloppy size={18} aria-hidden />}
                >
                  Lưu báo cáo
                </Button>
              </Group>
            </>
          ) : null}
        </Stack>
      </Section>
    </form>
  );
}

/** Counted from deliverables, or typed by the unit. */
function IndicatorTable({ d, edit }: { d: ReportDetail; edit: ReportForm }) {
  const { report: r, can, indicators } = d;
  const { form } = edit;
  return (
    <div>
      <Title order={3} size="h5" id="chi-tieu" mb={4}>
        Chỉ tiêu
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        Chỉ tiêu có ghi “đếm từ sản phẩm” được tính tự động từ các sản phẩm đã ghi nhận khi cập nhật tiến độ.
      </Text>
      <ScrollTable minWidth={320} label="Chỉ tiêu">
        <Table verticalSpacing={6} aria-labelledby="chi-tieu">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Chỉ tiêu</Table.Th>
              <Table.Th scope="col" w={140} ta="right">
                Giá trị
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {indicators.map((def) => (
              <Table.Tr key={def.code}>
                <Table.Th scope="row" fw={400}>
                  <Text size="sm" id={`ct-${def.code}`}>
                    {def.name}{' '}
                    <Text span size="xs" c="dimmed">
                      ({def.unit})
                    </Text>
                  </Text>
                  {def.fromDeliverables ? (
                    <Text size="xs" c="dimmed">
                      đếm từ sản phẩm
                    </Text>
                  ) : null}
                </Table.Th>
                <Table.Td ta="right">
                  {can.edit && !def.fromDeliverables ? (
                    <NumberInput
                      aria-labelledby={`ct-${def.code}`}
                      min={0}
                      allowNegative={false}
                      thousandSeparator="."
                      decimalSeparator=","
                      value={form.values.indicators[def.code] ?? 0}
                      onChange={(v) => form.setValue('indicators', { ...form.values.indicators, [def.code]: v })}
                      size="xs"
                      w={120}
                      ml="auto"
                      inputMode="numeric"
                      error={
                        isApiError(form.serverError)
                          ? form.serverError.fieldError(`indicatorValues.${def.code}`)
                          : undefined
                      }
                    />
                  ) : (
                    <Text size="sm" fw={600}>
                      {formatNumber(r.indicatorValues[def.code] ?? 0)}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
      {form.error('indicators') ? (
        <Text size="sm" c="red.9" role="alert">
          {form.error('indicators')}
        </Text>
      ) : null}
    </div>
  );
}
