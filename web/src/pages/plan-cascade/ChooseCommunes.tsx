import { useState } from 'react';
import { Link } from 'react-router';
import {
  Anchor,
  Badge,
  Box,
  Button,
  Checkbox,
  CloseButton,
  Group,
  Radio,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Switch,
  Text,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useUnitSearch } from '../../api/units.ts';
import type { UnitWithCount } from '../../api/types.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { fold, planStatusLabel } from '../../components/plans/planFormat.ts';
import { count } from '../../format.ts';
import { paths } from '../../paths.ts';
import { SearchField } from '../../components/FilterFields.tsx';

type KindFilter = 'all' | 'commune' | 'ward';
export function ChooseCommunes({
  communes,
  provinceId,
  existing,
  mode,
  onMode,
  chosen,
  onChosen,
}: {
  communes: readonly UnitWithCount[];
  provinceId: number;
  existing: ReadonlyMap<number, { id: number; status: string }>;
  mode: 'some' | 'all';
  onMode: (m: 'some' | 'all') => void;
  chosen: readonly number[];
  onChosen: (ids: number[]) => void;
}) {
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 200);
  const [kind, setKind] = useState<KindFilter>('all');
  const [hideDone, setHideDone] = useState(false);
  // Former names (before the 2025 merger) come from the server's search; names and codes are matched here.
  const former = useUnitSearch(q, { kinds: ['commune', 'ward'], limit: 50, enabled: q.length >= 2 });
  const fq = fold(q);
  const formerIds = new Set(
    (former.data ?? [])
      .filter((u) => u.parentId === provinceId && fq && fold(u.matched ?? '').includes(fq))
      .map((u) => u.id),
  );
  const list = communes.filter(
    (c) =>
      (kind === 'all' || c.kind === kind) &&
      (!hideDone || !existing.has(c.id)) &&
      (!fq || fold(c.name).includes(fq) || c.code.startsWith(fq) || formerIds.has(c.id)),
  );
  const free = communes.filter((c) => !existing.has(c.id)).length;
  const chosenSet = new Set(chosen);
  const toggle = (id: number, on: boolean) => onChosen(on ? [...chosen, id] : chosen.filter((x) => x !== id));
  const addable = list.filter((c) => !existing.has(c.id) && !chosenSet.has(c.id));
  const wards = communes.filter((c) => c.kind === 'ward').length;

  return (
    <Stack gap="sm">
      <Radio.Group value={mode} onChange={(v) => onMode(v as 'some' | 'all')} label="Triển khai cho" name="pham-vi">
        <Stack gap={6} mt={6}>
          <Radio value="some" label="Một số xã, phường (tìm và chọn)" />
          <Radio
            value="all"
            label={`Tất cả ${count(communes.length, 'xã, phường')} của tỉnh (${count(free, 'đơn vị')} chưa có kế hoạch)`}
          />
        </Stack>
      </Radio.Group>
      {mode === 'some' ? (
        <>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <SearchField
              label="Tìm xã, phường"
              placeholder="Gõ tên, có thể không dấu; tên cũ; mã"
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
            />
            <Box>
              <Text size="sm" fw={500} mb={4} id="loai-don-vi">
                Loại
              </Text>
              <SegmentedControl
                value={kind}
                onChange={(v) => setKind(v as KindFilter)}
                data={[
                  { value: 'all', label: `Tất cả (${communes.length})` },
                  { value: 'commune', label: `Xã (${communes.length - wards})` },
                  { value: 'ward', label: `Phường (${wards})` },
                ]}
                aria-labelledby="loai-don-vi"
                fullWidth
              />
            </Box>
          </SimpleGrid>
          <Group justify="space-between" gap="xs">
            <Switch
              label="Ẩn đơn vị đã có kế hoạch"
              checked={hideDone}
              onChange={(e) => setHideDone(e.currentTarget.checked)}
            />
            <Group gap="xs">
              {addable.length && addable.length <= 50 ? (
                <Button variant="subtle" size="xs" onClick={() => onChosen([...chosen, ...addable.map((c) => c.id)])}>
                  Chọn {count(addable.length, 'đơn vị')} đang hiện
                </Button>
              ) : null}
              {chosen.length ? (
                <Button variant="subtle" size="xs" color="red" c="#a61b1b" onClick={() => onChosen([])}>
                  Bỏ chọn tất cả
                </Button>
              ) : null}
            </Group>
          </Group>
          {chosen.length ? (
            <Group gap={6} aria-label="Đã chọn" role="group">
              {chosen.map((id) => {
                const c = communes.find((x) => x.id === id);
                return c ? (
                  <Badge
                    key={id}
                    variant="light"
                    size="lg"
                    radius="sm"
                    pr={2}
                    rightSection={
                      <CloseButton size="xs" aria-label={`Bỏ chọn ${c.name}`} onClick={() => toggle(id, false)} />
                    }
                  >
                    {c.name}
                  </Badge>
                ) : null;
              })}
            </Group>
          ) : null}
          <Text size="sm" c="dimmed" role="status" aria-live="polite">
            {fq ? `${count(list.length, 'đơn vị')} khớp “${q}”` : `${count(list.length, 'đơn vị')}`}
          </Text>
          {list.length ? (
            <ul className="pick-list" aria-label="Xã, phường">
              {list.map((c) => (
                <CommuneItem
                  key={c.id}
                  c={c}
                  has={existing.get(c.id)}
                  chosen={chosenSet.has(c.id)}
                  toggle={toggle}
                  former={formerIds.has(c.id) && !!fq && !fold(c.name).includes(fq)}
                />
              ))}
            </ul>
          ) : (
            <EmptyState title="Không có xã, phường nào khớp" description="Thử gõ tên khác, hoặc bỏ lọc loại." />
          )}
        </>
      ) : null}
    </Stack>
  );
}

/** One commune or ward to tick; one that has its plan already links to it instead. */
function CommuneItem({
  c,
  has,
  chosen,
  toggle,
  former,
}: {
  c: UnitWithCount;
  has: { id: number; status: string } | undefined;
  chosen: boolean;
  toggle: (id: number, on: boolean) => void;
  /** Found by a name it had before the 2025 merger. */
  former: boolean;
}) {
  return (
    <li>
      <Checkbox
        checked={chosen}
        disabled={!!has}
        onChange={(e) => toggle(c.id, e.currentTarget.checked)}
        label={c.name}
        description={
          <span>
            {c.kindLabel} · mã {c.code}
            {former ? ' · khớp tên cũ' : ''}
            {has ? (
              <>
                {' '}
                ·{' '}
                <Anchor component={Link} to={paths.plan(has.id)} size="xs" underline="always">
                  Đã có kế hoạch ({planStatusLabel(has.status)})
                </Anchor>
              </>
            ) : null}
          </span>
        }
      />
    </li>
  );
}
