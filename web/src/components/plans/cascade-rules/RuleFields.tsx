import { memo } from 'react';
import {
  Box,
  Button,
  Card,
  Checkbox,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  type ComboboxItem,
} from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconChevronUp, IconPencil, IconTrash } from '@tabler/icons-react';
import { foldFilter } from '../ParentPlanSelect.tsx';
import { fromLabel, PLACES, type OfficeCatalog, type Place } from './catalog.ts';
import { NO_ERRORS, rowTargets, type Patch, type RowErrors, type RuleRow } from './ruleRows.ts';

/**
 * One rule: where it applies in the province plan, what it becomes at a xã and at a phường, and how. Closed, one line
 * of it; its fields (and their Selects, the slow part) are rendered only once opened.
 */
export const RuleFields = memo(function RuleFields({
  row,
  index,
  last,
  errors,
  expanded,
  canMove,
  unitItems,
  names,
  offices,
  isPhone,
  onChange,
  onMove,
  onRemove,
  onToggle,
}: {
  row: RuleRow;
  index: number;
  last: boolean;
  errors: RowErrors;
  /** Fields shown; always so for a row in error. */
  expanded: boolean;
  /** False while the list is filtered: a move among the rows on screen would say nothing of the table's order. */
  canMove: boolean;
  unitItems: ComboboxItem[];
  names: ReadonlyMap<string, string>;
  offices: OfficeCatalog;
  isPhone: boolean;
  onChange: (key: string, patch: Patch) => void;
  onMove: (index: number, by: -1 | 1) => void;
  onRemove: (index: number) => void;
  onToggle: (key: string) => void;
}) {
  const { key } = row;
  const n = index + 1;
  const set = (patch: Patch) => onChange(key, patch);
  const invalid = errors !== NO_ERRORS;
  const source = fromLabel({ fromCode: row.fromCode ?? undefined, fromText: row.fromText.trim() }, names);
  return (
    <Card
      withBorder
      radius="md"
      padding={isPhone ? 'xs' : 'sm'}
      component="fieldset"
      id={key}
      style={{ margin: 0, minWidth: 0, borderColor: invalid ? 'var(--mantine-color-red-7)' : undefined }}
    >
      <Text component="legend" className="sr-only">
        Quy tắc {n}: {source}
      </Text>
      {/* On a phone the buttons get a row of their own: beside them the rule's text would be a narrow column. */}
      <Group
        justify="space-between"
        gap="xs"
        wrap="nowrap"
        align="flex-start"
        style={isPhone ? { flexDirection: 'column', alignItems: 'stretch' } : undefined}
      >
        <Box style={{ minWidth: 0 }}>
          <Text fw={700} size="sm" style={{ overflowWrap: 'anywhere' }} aria-hidden>
            {n}. {source}
          </Text>
          {expanded ? null : (
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {rowTargets(row, offices)}
            </Text>
          )}
        </Box>
        <Group gap={2} wrap="nowrap" justify="space-between">
          {/* A row in error stays open: its messages sit next to the fields. */}
          <Button
            id={`${key}-mo`}
            variant="subtle"
            size="compact-sm"
            color="gray"
            c="dark.6"
            onClick={() => onToggle(key)}
            disabled={invalid}
            aria-expanded={expanded}
            aria-controls={`${key}-truong`}
            aria-label={`${expanded ? 'Thu gọn' : 'Sửa'} quy tắc ${n}`}
            leftSection={expanded ? <IconChevronUp size={16} aria-hidden /> : <IconPencil size={16} aria-hidden />}
          >
            {expanded ? 'Thu gọn' : 'Sửa'}
          </Button>
          <Group gap={2} wrap="nowrap">
            <Button
              id={`${key}-len`}
              variant="subtle"
              size="compact-sm"
              color="gray"
              c="dark.6"
              onClick={() => onMove(index, -1)}
              disabled={!canMove || index === 0}
              style={{ visibility: index === 0 ? 'hidden' : undefined }}
              aria-label={`Đưa quy tắc ${n} lên`}
            >
              <IconArrowUp size={16} aria-hidden />
            </Button>
            <Button
              id={`${key}-xuong`}
              variant="subtle"
              size="compact-sm"
              color="gray"
              c="dark.6"
              onClick={() => onMove(index, 1)}
              disabled={!canMove || last}
              style={{ visibility: last ? 'hidden' : undefined }}
              aria-label={`Đưa quy tắc ${n} xuống`}
            >
              <IconArrowDown size={16} aria-hidden />
            </Button>
            <Button
              id={`${key}-xoa`}
              variant="subtle"
              size="compact-sm"
              color="red"
              c="#a61b1b"
              onClick={() => onRemove(index)}
              aria-label={`Xóa quy tắc ${n}`}
              leftSection={<IconTrash size={16} aria-hidden />}
            >
              Xóa
            </Button>
          </Group>
        </Group>
      </Group>
      {/* Always there, empty when closed: the toggle's aria-controls names it. */}
      <Box id={`${key}-truong`}>
        {expanded ? (
          <RuleInputs row={row} n={n} errors={errors} unitItems={unitItems} offices={offices} set={set} />
        ) : null}
      </Box>
    </Card>
  );
});

/** An open rule's fields: where it applies in the province plan, the office at a xã and at a phường, or the text. */
function RuleInputs({
  row,
  n,
  errors,
  unitItems,
  offices,
  set,
}: {
  row: RuleRow;
  n: number;
  errors: RowErrors;
  unitItems: ComboboxItem[];
  offices: OfficeCatalog;
  set: (patch: Patch) => void;
}) {
  const { key } = row;
  return (
    <Stack gap="xs" mt="xs">
      {errors.row ? (
        <Text c="red.9" size="sm" role="alert" tabIndex={-1} data-row-invalid="true" style={{ outline: 'none' }}>
          {errors.row}
        </Text>
      ) : null}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
        <Select
          id={`${key}-don-vi`}
          label="Đơn vị ở kế hoạch tỉnh"
          placeholder="Chọn đơn vị (theo mã)"
          data={
            !row.fromCode || unitItems.some((i) => i.value === row.fromCode)
              ? unitItems
              : [...unitItems, { value: row.fromCode, label: row.fromCode }]
          }
          value={row.fromCode}
          onChange={(v) => set({ fromCode: v })}
          searchable
          // Not on focus: tabbing through the table (or being taken to an error) should not pop the list open.
          openOnFocus={false}
          clearable
          clearButtonProps={{ 'aria-label': `Bỏ đơn vị của quy tắc ${n}` }}
          filter={foldFilter}
          nothingFoundMessage="Không có đơn vị nào khớp"
          error={errors.from}
          comboboxProps={{ withinPortal: true }}
        />
        <TextInput
          id={`${key}-cum-tu`}
          label="Cụm từ ở kế hoạch tỉnh"
          placeholder="Ví dụ: các sở, ban, ngành"
          maxLength={300}
          value={row.fromText}
          onChange={(e) => set({ fromText: e.currentTarget.value })}
          error={!!errors.from}
        />
        <Select
          id={`${key}-xa`}
          label="Chuyển thành ở xã"
          placeholder="Phòng, đơn vị của xã"
          data={offices.items('xã', row.officeXa)}
          value={row.officeXa}
          onChange={(v) => set({ officeXa: v })}
          clearable
          clearButtonProps={{ 'aria-label': `Bỏ phòng ở xã của quy tắc ${n}` }}
          error={errors.officeXa ?? errors.to}
          comboboxProps={{ withinPortal: true }}
        />
        <Select
          id={`${key}-phuong`}
          label="Chuyển thành ở phường"
          placeholder="Phòng, đơn vị của phường"
          data={offices.items('phường', row.officePhuong)}
          value={row.officePhuong}
          onChange={(v) => set({ officePhuong: v })}
          clearable
          clearButtonProps={{ 'aria-label': `Bỏ phòng ở phường của quy tắc ${n}` }}
          error={errors.officePhuong ?? !!errors.to}
          comboboxProps={{ withinPortal: true }}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Stack gap={6}>
          <TextInput
            id={`${key}-van-ban`}
            label="Văn bản thay thế"
            placeholder="Ví dụ: các phòng, ban thuộc UBND {loai}"
            maxLength={300}
            value={row.drop ? '' : row.toText}
            disabled={row.drop}
            onChange={(e) => set({ toText: e.currentTarget.value })}
            error={!!errors.to}
          />
          <Checkbox
            label="Bỏ cụm từ này (không ghi gì ở xã, phường)"
            checked={row.drop}
            onChange={(e) => set({ drop: e.currentTarget.checked })}
          />
        </Stack>
        <TextInput
          id={`${key}-ghi-chu`}
          label="Ghi chú"
          maxLength={500}
          value={row.note}
          onChange={(e) => set({ note: e.currentTarget.value })}
          error={errors.note}
        />
      </SimpleGrid>
      <Checkbox
        label="Chỉ thay chữ"
        checked={row.textOnly}
        onChange={(e) => set({ textOnly: e.currentTarget.checked })}
      />
      {row.fromText.trim() || row.places.length ? (
        <Checkbox.Group
          label="Chỉ thay cụm từ ở"
          description="Để trống: thay ở mọi nơi."
          value={row.places}
          onChange={(v) => set({ places: v as Place[] })}
          error={errors.places}
        >
          <Group gap="md" mt={4}>
            {PLACES.map((p) => (
              <Checkbox key={p.value} value={p.value} label={p.label} />
            ))}
          </Group>
        </Checkbox.Group>
      ) : null}
    </Stack>
  );
}
