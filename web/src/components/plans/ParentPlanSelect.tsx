// Choosing the issued plan a new plan implements (a commune's plan implements the province's).
import { useMemo } from 'react';
import { Select, Stack, Text, type ComboboxItem, type OptionsFilter } from '@mantine/core';
import { usePlanOptions } from '../../api/plans.ts';
import type { BasisReference, PlanListItem } from '../../api/types.ts';
import { docNumber, fold, formatIsoDate } from './planFormat.ts';
import { shorten } from '../../format.ts';

const KIND_RANK: Record<string, number> = { central: 0, national: 0, province: 1, agency: 2, ward: 3, commune: 3 };

export function planOptionLabel(p: PlanListItem): string {
  return `${docNumber(p.number, p.symbol)}${p.issuedDate ? ` ngày ${formatIsoDate(p.issuedDate)}` : ''} – ${p.unitName}`;
}

/** The issued plan the draft's "Thực hiện Kế hoạch số …" names, if it is in the system. */
export function parentFromBasis(basis: readonly BasisReference[], plans: readonly PlanListItem[]): PlanListItem | null {
  for (const b of basis) {
    if (b.planId) {
      const p = plans.find((x) => x.id === b.planId);
      if (p) return p;
    }
    if (!b.number) continue;
    const hit = plans.find(
      (p) =>
        p.number === b.number &&
        (!b.symbol || p.symbol === b.symbol) &&
        (!b.date || !p.issuedDate || p.issuedDate === b.date),
    );
    if (hit) return hit;
  }
  return null;
}

/** Mantine Select filter that ignores accents and case ("muong lat" finds "Xã Mường Lát"). */
export const foldFilter: OptionsFilter = ({ options, search }) => {
  const q = fold(search);
  if (!q) return options;
  return (options as ComboboxItem[]).filter((o) => fold(o.label).includes(q));
};

export function ParentPlanSelect({
  value,
  onChange,
  excludeUnitId,
  error,
  description,
}: {
  value: number | null;
  onChange: (id: number | null) => void;
  excludeUnitId?: number | null;
  error?: string;
  description?: string;
}) {
  const options = usePlanOptions('issued');
  const plans = useMemo(
    () =>
      (options.data ?? [])
        .filter((p) => p.unitId !== excludeUnitId)
        .sort(
          (a, b) =>
            (KIND_RANK[a.unitKind] ?? 9) - (KIND_RANK[b.unitKind] ?? 9) ||
            (b.issuedDate ?? '').localeCompare(a.issuedDate ?? ''),
        ),
    [options.data, excludeUnitId],
  );
  const byId = new Map(plans.map((p) => [String(p.id), p]));
  return (
    <Select
      label="Kế hoạch cấp trên"
      description={description ?? 'Kế hoạch đã ban hành mà kế hoạch này triển khai (không bắt buộc).'}
      placeholder={options.isLoading ? 'Đang tải…' : 'Chọn kế hoạch (gõ số hoặc tên đơn vị)'}
      data={plans.map((p) => ({ value: String(p.id), label: planOptionLabel(p) }))}
      value={value ? String(value) : null}
      onChange={(v) => onChange(v ? Number(v) : null)}
      searchable
      clearable
      clearButtonProps={{ 'aria-label': 'Bỏ chọn kế hoạch cấp trên' }}
      filter={foldFilter}
      nothingFoundMessage="Không có kế hoạch đã ban hành nào khớp"
      error={error}
      comboboxProps={{ withinPortal: true }}
      maxDropdownHeight={320}
      renderOption={({ option }) => {
        const p = byId.get(option.value);
        return (
          <Stack gap={0}>
            <Text size="sm" fw={500}>
              {option.label}
            </Text>
            {p ? (
              <Text size="xs" c="dimmed">
                {shorten(p.title, 120)}
              </Text>
            ) : null}
          </Stack>
        );
      }}
    />
  );
}
