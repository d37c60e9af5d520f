// Editing the units of a task (chủ trì, phối hợp): each name is either a unit of the register (picked with
// UnitSearch) or kept as free text ("Các cơ quan, đơn vị có liên quan").
import { useState } from 'react';
import { ActionIcon, Box, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconSearch, IconX } from '@tabler/icons-react';
import type { UnitRef } from '../../api/types.ts';
import { UnitSearch } from '../UnitSearch.tsx';
import { isUncertainRef } from './planFormat.ts';

/** Free text typed by the user: a group when it reads like one ("các …", "UBND các …"). */
export function freeTextRef(text: string): UnitRef {
  const t = text.trim();
  const group =
    /^(các|toàn thể|ubnd các|ủy ban nhân dân các)\s/iu.test(t) || /\bcó liên quan\b|\bliên quan\b/iu.test(t);
  return { text: t, unitId: null, unitCode: null, unitName: null, confidence: group ? 0.9 : 0, group };
}

function describe(r: UnitRef): { text: string; warn: boolean } {
  if (r.group) return { text: 'Nhóm đơn vị (chữ tự do)', warn: false };
  if (r.unitId && !isUncertainRef(r))
    return {
      text: r.unitName && r.unitName !== r.text ? `Trong danh mục: ${r.unitName}` : 'Trong danh mục',
      warn: false,
    };
  if (r.unitId) return { text: `Chưa chắc chắn: ${r.unitName ?? ''}`, warn: true };
  return { text: 'Chữ tự do, chưa có trong danh mục', warn: true };
}

export function UnitRefEditor({
  label,
  refs,
  onChange,
  error,
  idBase,
}: {
  label: string;
  refs: readonly UnitRef[];
  onChange: (refs: UnitRef[]) => void;
  error?: string;
  idBase: string;
}) {
  const [free, setFree] = useState('');
  const [pickKey, setPickKey] = useState(0);
  const [replacing, setReplacing] = useState<number | null>(null);

  const addFree = () => {
    if (!free.trim()) return;
    onChange([...refs, freeTextRef(free)]);
    setFree('');
  };

  return (
    <Box
      component="fieldset"
      className="ref-editor"
      data-invalid={error ? true : undefined}
      style={{ border: 0, margin: 0, padding: 0, minWidth: 0 }}
    >
      <Text component="legend" size="sm" fw={500} mb={4}>
        {label}
      </Text>
      <Stack gap={6}>
        {refs.length ? (
          <ul className="tap-list" aria-label={label}>
            {refs.map((r, i) => {
              const d = describe(r);
              return (
                <li key={`${r.text}-${i}`} style={{ padding: '4px 2px' }}>
                  <Group gap="xs" wrap="nowrap" align="flex-start" justify="space-between">
                    <div style={{ minWidth: 0 }}>
                      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                        {r.text}
                      </Text>
                      <Text size="xs" c={d.warn ? '#6b4f00' : 'dimmed'} fw={d.warn ? 600 : undefined}>
                        {d.text}
                      </Text>
                    </div>
                    <Group gap={2} wrap="nowrap">
                      {!r.group ? (
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          c="dark.6"
                          size={36}
                          onClick={() => setReplacing(replacing === i ? null : i)}
                          aria-label={`Chọn “${r.text}” trong danh mục đơn vị`}
                          aria-expanded={replacing === i}
                        >
                          <IconSearch size={16} aria-hidden />
                        </ActionIcon>
                      ) : null}
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        c="dark.6"
                        size={36}
                        onClick={() => onChange(refs.filter((_, j) => j !== i))}
                        aria-label={`Bỏ “${r.text}”`}
                      >
                        <IconX size={16} aria-hidden />
                      </ActionIcon>
                    </Group>
                  </Group>
                  {replacing === i ? (
                    <Box mt={4}>
                      <UnitSearch
                        label={`Đơn vị trong danh mục thay cho “${r.text}”`}
                        value={null}
                        onChange={(u) => {
                          if (!u) return;
                          onChange(
                            refs.map((x, j) =>
                              j === i
                                ? {
                                    text: u.name,
                                    unitId: u.id,
                                    unitCode: u.code ?? null,
                                    unitName: u.name,
                                    confidence: 1,
                                    group: false,
                                  }
                                : x,
                            ),
                          );
                          setReplacing(null);
                        }}
                      />
                    </Box>
                  ) : null}
                </li>
              );
            })}
          </ul>
        ) : (
          <Text size="sm" c="dimmed">
            Chưa có.
          </Text>
        )}
        <Group gap="xs" align="flex-end" wrap="wrap">
          <Box style={{ flex: '1 1 220px', minWidth: 0 }}>
            <UnitSearch
              key={pickKey}
              label="Thêm đơn vị trong danh mục"
              value={null}
              onChange={(u) => {
                if (!u) return;
                onChange([
                  ...refs,
                  {
                    text: u.name,
                    unitId: u.id,
                    unitCode: u.code ?? null,
                    unitName: u.name,
                    confidence: 1,
                    group: false,
                  },
                ]);
                setPickKey((k) => k + 1);
              }}
              placeholder="Gõ tên phòng, ban, đơn vị"
            />
          </Box>
          <Box style={{ flex: '1 1 220px', minWidth: 0 }}>
            <TextInput
              id={`${idBase}-tu-do`}
              label="Hoặc ghi tên (chữ tự do)"
              placeholder="Ví dụ: Các đơn vị liên quan"
              value={free}
              onChange={(e) => setFree(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  addFree();
                }
              }}
              rightSectionWidth={72}
              rightSection={
                <Button
                  size="compact-xs"
                  variant="light"
                  onClick={addFree}
                  disabled={!free.trim()}
                  leftSection={<IconPlus size={12} aria-hidden />}
                >
                  Thêm
                </Button>
              }
            />
          </Box>
        </Group>
        {error ? (
          <Text size="sm" c="red.9" role="alert">
            {error}
          </Text>
        ) : null}
      </Stack>
    </Box>
  );
}
