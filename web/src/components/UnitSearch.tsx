// UnitSearch: an autocomplete that picks one unit, searching names without accents, former names and codes.
import { useEffect, useState } from 'react';
import { Combobox, InputBase, Loader, Stack, Text, useCombobox } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useUnitSearch } from '../api/units.ts';
import type { UnitKind } from '../api/types.ts';
import { matchNote } from './unitMatch.ts';

/** The unit chosen: enough to show it and send its id. */
export interface UnitChoice {
  id: number;
  name: string;
  code?: string;
  kindLabel?: string;
}

export function UnitSearch({
  label,
  value,
  onChange,
  kinds,
  description,
  error,
  placeholder = 'Gõ tên (có thể không dấu) hoặc mã đơn vị',
  required,
  disabled,
  excludeIds,
  activeOnly = true,
}: {
  label: string;
  value: UnitChoice | null;
  onChange: (unit: UnitChoice | null) => void;
  kinds?: readonly UnitKind[];
  description?: string;
  error?: string;
  placeholder?: string;
  required?: boolean;
  disabled?: boolean;
  excludeIds?: readonly number[];
  /** Hide units that were merged or retired. */
  activeOnly?: boolean;
}) {
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const [text, setText] = useState(value?.name ?? '');
  const [debounced] = useDebouncedValue(text, 250);
  const searching = !value || text !== value.name;
  const { data, isFetching, isError } = useUnitSearch(debounced, {
    kinds,
    limit: 8,
    enabled: searching && debounced.trim().length >= 1,
  });

  useEffect(() => {
    setText(value?.name ?? '');
  }, [value?.id, value?.name]);

  const hits = (data ?? []).filter((u) => (!activeOnly || u.status === 'active') && !excludeIds?.includes(u.id));

  const options = hits.map((u) => {
    const note = matchNote(u);
    return (
      <Combobox.Option value={String(u.id)} key={u.id}>
        <Stack gap={0}>
          <Text size="sm" fw={500}>
            {u.name}
          </Text>
          <Text size="xs" c="dimmed">
            {u.kindLabel} · mã {u.code}
            {u.parentName ? ` · ${u.parentName}` : ''}
          </Text>
          {note ? (
            <Text size="xs" c="dimmed" fs="italic">
              {note}
            </Text>
          ) : null}
        </Stack>
      </Combobox.Option>
    );
  });

  const select = (id: string) => {
    const u = hits.find((h) => String(h.id) === id);
    if (u) {
      onChange({ id: u.id, name: u.name, code: u.code, kindLabel: u.kindLabel });
      setText(u.name);
    }
    combobox.closeDropdown();
  };

  return (
    <Combobox store={combobox} onOptionSubmit={select} withinPortal>
      <Combobox.Target withExpandedAttribute>
        <InputBase
          label={label}
          description={
            description ??
            (value?.code ? `Mã ${value.code}${value.kindLabel ? ` · ${value.kindLabel}` : ''}` : undefined)
          }
          error={error}
          required={required}
          disabled={disabled}
          placeholder={placeholder}
          value={text}
          autoComplete="off"
          aria-autocomplete="list"
          leftSection={<IconSearch size={16} aria-hidden />}
          rightSection={
            isFetching ? (
              <Loader size={16} aria-hidden />
            ) : value && !disabled ? (
              <Combobox.ClearButton
                onClear={() => {
                  onChange(null);
                  setText('');
                }}
                aria-label="Bỏ chọn đơn vị"
              />
            ) : null
          }
          rightSectionPointerEvents={value ? 'all' : 'none'}
          onChange={(e) => {
            setText(e.currentTarget.value);
            if (value) onChange(null);
            combobox.openDropdown();
            combobox.updateSelectedOptionIndex();
          }}
          onClick={() => combobox.openDropdown()}
          onFocus={() => {
            if (searching && text.trim()) combobox.openDropdown();
          }}
          onBlur={() => combobox.closeDropdown()}
        />
      </Combobox.Target>
      <Combobox.Dropdown hidden={!searching || debounced.trim() === ''}>
        {options.length > 0 ? (
          <Combobox.Options aria-label={`Đơn vị khớp với “${debounced.trim()}”`}>{options}</Combobox.Options>
        ) : (
          <Text size="sm" c="dimmed" p="xs" role="status">
            {isError ? 'Không tìm được. Vui lòng thử lại.' : isFetching ? 'Đang tìm…' : 'Không có đơn vị nào khớp.'}
          </Text>
        )}
      </Combobox.Dropdown>
    </Combobox>
  );
}
