// Kiến nghị: the handlers' queue of the receiving and handling units, nearest deadline first, with the overdue
// tiers. Address: ?trangThai=mo|dong|tatca&q=…
import { Link } from 'react-router';
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { IconInbox } from '@tabler/icons-react';
import { DEADLINE_TIER_LABEL, petitionsApi, usePetitions, type PetitionList } from '../../api/petitions.ts';
import { ReasonModal } from '../../components/ReasonModal.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ListContent } from '../../components/ListContent.tsx';
import { ListFilters, ListSummary } from '../../components/ListHeader.tsx';
import { PageHeader } from '../../components/PageTitle.tsx';
import { PrintButton } from '../../components/Print.tsx';
import { useSearchParamState, useSearchText } from '../../components/searchParams.ts';
import { formatDay, todayVn, count } from '../../format.ts';
import { useSession } from '../../auth/SessionContext.tsx';
import { paths } from '../../paths.ts';

const OPEN = { mo: 'true', dong: 'false', tatca: '' } as const;
const TIERS = ['dueSoon', 'overdue', 'veryOverdue', 'stopped', 'onTrack'] as const;
export const TIER_COLOR: Record<string, string> = {
  onTrack: 'green',
  dueSoon: 'yellow',
  overdue: 'orange',
  veryOverdue: 'red',
  stopped: 'gray',
  closed: 'gray',
};

function Row({
  p,
  selected,
  onSelect,
}: {
  p: PetitionList['items'][number];
  selected: boolean;
  onSelect: ((on: boolean) => void) | null;
}) {
  return (
    <Paper withBorder p="sm" radius="md" component="li">
      <Stack gap={4}>
        <Group gap="xs" justify="space-between">
          <Group gap="xs">
            {onSelect ? (
              <Checkbox
                aria-label={`Chọn ${p.code} để trả lời chung`}
                checked={selected}
                onChange={(e) => onSelect(e.currentTarget.checked)}
              />
            ) : null}
            <Text size="sm" ff="monospace">
              {p.code}
            </Text>
          </Group>
          <Group gap={4}>
            <Badge variant="light">{p.statusLabel}</Badge>
            <Badge variant="light" color={TIER_COLOR[p.tier]}>
              {p.tierLabel}
            </Badge>
          </Group>
        </Group>
        <Anchor component={Link} to={paths.petition(p.id)} fw={600} style={{ overflowWrap: 'anywhere' }}>
          {p.subject}
        </Anchor>
        <Text size="sm" c="dimmed">
          {p.kindLabel} · nhận {formatDay(p.receivedOn)} · hạn {formatDay(p.dueDate)} · {p.handlingUnit.name}
          {p.sender ? ` · ${p.sender.name}` : ''}
        </Text>
      </Stack>
    </Paper>
  );
}

export function PetitionQueuePage() {
  const { params, setParam } = useSearchParamState();
  const state = (params.get('trangThai') ?? 'mo') as keyof typeof OPEN;
  const { text, setText, q } = useSearchText();
  const tier = params.get('han');
  const { user } = useSession();
  const year = Number(todayVn().slice(0, 4));
  // From an AI system's page: the petitions about it (all states).
  const aiSystemId = Number(params.get('aiSystemId')) || undefined;
  const list = usePetitions(aiSystemId ? '' : (OPEN[state] ?? 'true'), q, 0, tier, aiSystemId);
  // Similar petitions answered together: one draft for all, each then approved by the leader.
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [bulkOpen, setBulkOpen] = useState(false);
  const queryClient = useQueryClient();
  const toggle = (id: number, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  return (
    <Stack gap="md">
      <PageHeader
        title="Kiến nghị của người dân, tổ chức"
        description="Kiến nghị, đề xuất, phản ánh về Luật Trí tuệ nhân tạo gửi đến đơn vị hoặc được chuyển cho đơn vị xử lý."
        actions={<PrintButton />}
      />
      <ListFilters label="Lọc kiến nghị">
        <Stack gap="sm">
          <SegmentedControl
            value={state}
            onChange={(s) => setParam('trangThai', s === 'mo' ? null : s)}
            aria-label="Trạng thái"
            data={[
              { value: 'mo', label: 'Đang xử lý' },
              { value: 'dong', label: 'Đã kết thúc' },
              { value: 'tatca', label: 'Tất cả' },
            ]}
          />
          <Group grow gap="sm" align="flex-end">
            <TextInput label="Tìm theo mã hoặc tiêu đề" value={text} onChange={(e) => setText(e.currentTarget.value)} />
            <Select
              label="Hạn trả lời"
              clearable
              placeholder="Mọi mức"
              value={tier}
              onChange={(t) => setParam('han', t)}
              data={TIERS.map((t) => ({ value: t, label: DEADLINE_TIER_LABEL[t] }))}
            />
          </Group>
        </Stack>
      </ListFilters>
      <ListContent
        query={list}
        what="danh sách kiến nghị"
        isEmpty={!list.data?.items.length}
        empty={
          <EmptyState
            icon={<IconInbox size={24} />}
            title="Không có kiến nghị nào"
            description="Kiến nghị gửi đến đơn vị sẽ hiện ở đây."
          />
        }
      >
        {() => (
          <Stack gap="sm">
            <ListSummary
              extra={
                user ? (
                  <Anchor href={`/api/petitions/figures.xlsx?unitId=${user.unitId}&year=${year}`} size="sm">
                    Số liệu năm {year} (XLSX)
                  </Anchor>
                ) : null
              }
            >
              {count(list.data!.total, 'kiến nghị')}
            </ListSummary>
            {selected.size >= 2 ? (
              <Group gap="sm">
                <Button size="sm" onClick={() => setBulkOpen(true)}>
                  Soạn trả lời chung cho {selected.size} kiến nghị
                </Button>
                <Button size="sm" variant="subtle" onClick={() => setSelected(new Set())}>
                  Bỏ chọn
                </Button>
              </Group>
            ) : null}
            <Stack
              gap="sm"
              component="ul"
              style={{ listStyle: 'none', padding: 0, margin: 0 }}
              aria-label="Danh sách kiến nghị"
            >
              {list.data!.items.map((p) => (
                <Row
                  key={p.id}
                  p={p}
                  selected={selected.has(p.id)}
                  onSelect={p.open ? (on) => toggle(p.id, on) : null}
                />
              ))}
            </Stack>
          </Stack>
        )}
      </ListContent>
      <ReasonModal
        opened={bulkOpen}
        onClose={() => setBulkOpen(false)}
        title="Trả lời chung"
        intro={`Một dự thảo trả lời cho ${selected.size} kiến nghị tương tự; lãnh đạo duyệt từng kiến nghị như thường lệ.`}
        label="Nội dung trả lời"
        check={(a) => (a.trim().length < 20 ? 'Nội dung trả lời cần ít nhất 20 ký tự.' : undefined)}
        maxLength={20_000}
        confirmLabel="Lưu dự thảo"
        size="lg"
        onConfirm={async (answer) => {
          await petitionsApi.draftMany([...selected], answer);
          setSelected(new Set());
          setBulkOpen(false);
          await queryClient.invalidateQueries({ queryKey: ['petitions'] });
        }}
      />
    </Stack>
  );
}
