// Bảng quy tắc chuyển đơn vị (tỉnh → xã, phường). Whoever may cascade reads it; those who may edit the province's
// records (its officers and leaders, and those of its focal unit, the Sở KH&CN) edit it in place. A rule maps a
// provincial unit (by register code) or a phrase of the province plan to an office of the commune — which may differ
// for a xã and a phường — or to a replacement text. Order matters: the first rule that matches wins.
// The editor shows each rule as one line, its fields only once opened: 46 rules × 8 fields would be a phone's
// 26,000 px of form and slow to render.
import { useMemo, useState } from 'react';
import { Alert, Button, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { IconInfoCircle, IconPencil } from '@tabler/icons-react';
import { useCascadeRules } from '../../../api/plans.ts';
import { useUnit } from '../../../api/units.ts';
import type { CascadeRule } from '../../../api/types.ts';
import { LoadError } from '../../FieldError.tsx';
import { fromLabel, OfficeCatalog, ruleScope, ruleTarget } from './catalog.ts';
import { RulesForm } from './RulesForm.tsx';
import { ScrollTable } from '../../ScrollTable.tsx';

export function CascadeRulesEditor({
  provinceId,
  canEdit,
  isPhone,
}: {
  provinceId: number;
  /** May edit the province's records: the server computes it (the plan's `can.cascade` is the same right). */
  canEdit: boolean;
  isPhone: boolean;
}) {
  const rules = useCascadeRules(provinceId);
  const province = useUnit(provinceId);
  const [editing, setEditing] = useState(false);
  const names = useMemo(() => new Map((province.data?.children ?? []).map((c) => [c.code, c.name])), [province.data]);
  const offices = useMemo(() => (rules.data ? new OfficeCatalog(rules.data.offices) : null), [rules.data]);

  const stopEditing = () => {
    setEditing(false);
    // Back where the user started, so keyboard users are not left at the top of the page.
    requestAnimationFrame(() => document.getElementById('sua-bang-quy-tac')?.focus());
  };

  if (rules.isLoading)
    return (
      <Group>
        <Loader size="xs" aria-hidden />
        <Text size="sm">Đang tải bảng quy tắc…</Text>
      </Group>
    );
  if (rules.error || !rules.data || !offices)
    return <LoadError error={rules.error} what="bảng quy tắc" onRetry={() => void rules.refetch()} />;
  if (editing)
    return (
      <RulesForm
        provinceId={provinceId}
        initial={rules.data.rules}
        names={names}
        offices={offices}
        isPhone={isPhone}
        onDone={stopEditing}
      />
    );
  return (
    <Stack gap="xs">
      <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />}>
        {rules.data.isDefault ? 'Đang dùng bảng quy tắc mặc định của hệ thống. ' : 'Bảng quy tắc riêng của tỉnh. '}
        Quy tắc được xét từ trên xuống: quy tắc đầu tiên khớp được áp dụng.{' '}
        {canEdit
          ? 'Kế hoạch đã tạo vẫn sửa được từng nhiệm vụ.'
          : 'Bạn chỉ xem được bảng này; cán bộ của tỉnh hoặc của Sở Khoa học và Công nghệ sửa được.'}
      </Alert>
      {canEdit ? (
        <Group>
          <Button
            id="sua-bang-quy-tac"
            variant="light"
            leftSection={<IconPencil size={18} aria-hidden />}
            onClick={() => setEditing(true)}
          >
            Sửa bảng quy tắc
          </Button>
        </Group>
      ) : null}
      <RulesView rules={rules.data.rules} names={names} offices={offices} isPhone={isPhone} />
    </Stack>
  );
}

function RulesView({
  rules,
  names,
  offices,
  isPhone,
}: {
  rules: readonly CascadeRule[];
  names: ReadonlyMap<string, string>;
  offices: OfficeCatalog;
  isPhone: boolean;
}) {
  if (isPhone) {
    return (
      <ul className="tap-list" aria-label="Quy tắc chuyển đơn vị">
        {rules.map((r, i) => (
          <li key={i} style={{ padding: '6px 2px' }}>
            <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
              {fromLabel(r, names)}
            </Text>
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              → Xã: {ruleTarget(r, 'xã', offices)}
            </Text>
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              → Phường: {ruleTarget(r, 'phường', offices)}
            </Text>
            <Text size="xs" c="dimmed">
              {ruleScope(r)}
              {r.note ? ` · ${r.note}` : ''}
            </Text>
          </li>
        ))}
      </ul>
    );
  }
  return (
    <ScrollTable minWidth={760} maxHeight={480} label="Quy tắc chuyển đơn vị">
      <Table verticalSpacing="xs" striped stickyHeader aria-label="Quy tắc chuyển đơn vị">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Ở kế hoạch của tỉnh</Table.Th>
            <Table.Th scope="col">Ở xã</Table.Th>
            <Table.Th scope="col">Ở phường</Table.Th>
            <Table.Th scope="col">Áp dụng</Table.Th>
            <Table.Th scope="col">Ghi chú</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rules.map((r, i) => (
            <Table.Tr key={i}>
              <Table.Td>
                <Text size="sm">{fromLabel(r, names)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{ruleTarget(r, 'xã', offices)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{ruleTarget(r, 'phường', offices)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="xs">{ruleScope(r)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="xs" c="dimmed">
                  {r.note ?? ''}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
