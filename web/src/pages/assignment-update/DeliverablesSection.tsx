import { Button, Card, Group, Menu, NumberInput, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconChevronDown, IconPlus, IconTrash } from '@tabler/icons-react';
import { DELIVERABLE_KINDS, type DeliverableKind } from '../../api/types.ts';
import { DateField } from '../../components/DateField.tsx';
import { KIND_FIELDS } from '../../components/tracking/TrackingBits.tsx';
import { DELIVERABLE_KIND_LABEL } from '../../format.ts';
import type { DeliverableRow } from './model.ts';
import type { UpdateForm } from './useUpdateForm.ts';

const KIND_OPTIONS = DELIVERABLE_KINDS.map((k) => ({ value: k, label: DELIVERABLE_KIND_LABEL[k] }));

/** Conferences, documents, articles…: the yearly report's indicators are counted from these rows. */
export function DeliverablesSection({ form }: { form: UpdateForm }) {
  const { values, addDeliverable } = form;
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="cn-san-pham">
      <Group justify="space-between" gap="xs" mb="sm">
        <Title order={2} size="h4" id="cn-san-pham">
          Sản phẩm
        </Title>
        <Text size="sm" c="dimmed">
          {values.deliverables.length} sản phẩm
        </Text>
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        Hội nghị, văn bản, tin bài, lớp tập huấn… Các chỉ tiêu của báo cáo năm được đếm từ đây.
      </Text>
      <Stack gap="sm">
        {values.deliverables.map((r, i) => (
          <DeliverableFields key={r.key} form={form} row={r} i={i} />
        ))}
        <Menu position="bottom-start" width={280} shadow="md">
          <Menu.Target>
            <Button
              variant="light"
              leftSection={<IconPlus size={18} aria-hidden />}
              rightSection={<IconChevronDown size={16} aria-hidden />}
              style={{ alignSelf: 'flex-start' }}
            >
              Thêm sản phẩm
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Label>Loại sản phẩm</Menu.Label>
            {DELIVERABLE_KINDS.map((k) => (
              <Menu.Item key={k} onClick={() => addDeliverable(k)}>
                {DELIVERABLE_KIND_LABEL[k]}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
      </Stack>
    </Card>
  );
}

/** One deliverable: its fields follow its kind (a conference asks its date and participants, a document its number). */
function DeliverableFields({ form, row: r, i }: { form: UpdateForm; row: DeliverableRow; i: number }) {
  const { updateRow, removeRow, err, today } = form;
  const f = KIND_FIELDS[r.kind];
  const p = `deliverables.${i}`;
  return (
    <fieldset className="row-fieldset">
      <legend>
        Sản phẩm {i + 1}: {DELIVERABLE_KIND_LABEL[r.kind]}
      </legend>
      <Stack gap="xs">
        <Select
          label="Loại sản phẩm"
          data={KIND_OPTIONS}
          value={r.kind}
          onChange={(v) => v && updateRow('deliverables', i, { kind: v as DeliverableKind }, 'kind')}
          allowDeselect={false}
          error={err(`${p}.kind`)}
        />
        <TextInput
          id={`sp-${r.key}-ten`}
          label={f.titleLabel}
          placeholder={f.titleHint || undefined}
          required
          maxLength={500}
          value={r.title}
          onChange={(e) => updateRow('deliverables', i, { title: e.currentTarget.value }, 'title')}
          error={err(`${p}.title`)}
        />
        <Group grow align="flex-start" wrap="wrap" gap="xs">
          <DateField
            label={
              r.kind === 'conference' || r.kind === 'training'
                ? 'Ngày tổ chức'
                : r.kind === 'document'
                  ? 'Ngày ban hành'
                  : r.kind === 'article'
                    ? 'Ngày đăng, phát'
                    : 'Ngày'
            }
            required
            value={r.occurredOn}
            onChange={(v) => updateRow('deliverables', i, { occurredOn: v }, 'occurredOn')}
            maxDate={today}
            error={err(`${p}.occurredOn`)}
            popoverProps={{ withinPortal: true }}
            miw={160}
          />
          {f.participants ? (
            <NumberInput
              label="Số người tham dự"
              required
              min={0}
              allowDecimal={false}
              allowNegative={false}
              thousandSeparator="."
              decimalSeparator=","
              value={r.participants}
              onChange={(v) => updateRow('deliverables', i, { participants: v }, 'participants')}
              error={err(`${p}.participants`)}
              miw={140}
              inputMode="numeric"
            />
          ) : null}
          {f.documentNumber ? (
            <TextInput
              label="Số, ký hiệu văn bản"
              placeholder="Ví dụ: 12/KH-UBND"
              required={r.kind === 'document'}
              maxLength={100}
              value={r.documentNumber}
              onChange={(e) =>
                updateRow('deliverables', i, { documentNumber: e.currentTarget.value }, 'documentNumber')
              }
              error={err(`${p}.documentNumber`)}
              miw={160}
            />
          ) : null}
        </Group>
        {f.link ? (
          <TextInput
            label="Đường dẫn"
            description={
              r.kind === 'article'
                ? 'Địa chỉ của tin, bài trên trang thông tin điện tử, mạng xã hội…'
                : 'Không bắt buộc'
            }
            placeholder="https://…"
            type="url"
            inputMode="url"
            required={r.kind === 'article'}
            maxLength={2000}
            value={r.link}
            onChange={(e) => updateRow('deliverables', i, { link: e.currentTarget.value }, 'link')}
            error={err(`${p}.link`)}
          />
        ) : null}
        <Group justify="flex-end">
          <Button
            variant="subtle"
            color="red"
            size="xs"
            leftSection={<IconTrash size={16} aria-hidden />}
            onClick={() => removeRow('deliverables', i)}
          >
            Bỏ sản phẩm {i + 1}
          </Button>
        </Group>
      </Stack>
    </fieldset>
  );
}
