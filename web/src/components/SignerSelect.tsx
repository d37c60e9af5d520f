// Who signs a document a leader approves or issues: one of the unit's signers, its default one preselected. A unit
// without signers signs by the register's rule (its head's title, the approving leader's name): said, nothing to pick.
import { useEffect } from 'react';
import { Anchor, Group, Loader, Select, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useUnitDocumentSettings } from '../api/units.ts';
import { paths } from '../paths.ts';

export function SignerSelect({
  unitId,
  value,
  onChange,
  error,
  label = 'Người ký',
}: {
  unitId: number;
  value: number | undefined;
  onChange: (key: number | undefined) => void;
  error?: string;
  label?: string;
}) {
  const { data, isLoading } = useUnitDocumentSettings(unitId);
  const signers = data?.signers ?? [];
  const fallbackKey = signers.find((s) => s.isDefault)?.key ?? signers[0]?.key;
  useEffect(() => {
    if (value === undefined && fallbackKey !== undefined) onChange(fallbackKey);
  }, [value, fallbackKey, onChange]);

  if (isLoading)
    return (
      <Group gap="xs">
        <Loader size="xs" aria-hidden />
        <Text size="sm">Đang tải danh sách người ký…</Text>
      </Group>
    );
  if (!signers.length)
    return (
      <Text size="sm" c="dimmed">
        {label}: {data ? `“${data.fallback.signerLines.join(' / ')}”` : 'theo chức vụ người đứng đầu'} và tên lãnh đạo
        duyệt (đơn vị chưa có danh sách người ký
        {data?.can.edit ? (
          <>
            {': '}
            <Anchor component={Link} to={paths.unitDocuments(unitId)} size="sm">
              thiết lập
            </Anchor>
          </>
        ) : (
          ''
        )}
        ).
      </Text>
    );
  const chosen = signers.find((s) => s.key === value);
  return (
    <Stack gap={4}>
      <Select
        label={label}
        description="Người ký mặc định của đơn vị được chọn sẵn."
        data={signers.map((s) => ({ value: String(s.key), label: `${s.name}: ${s.lines.at(-1) ?? s.title}` }))}
        value={value === undefined ? null : String(value)}
        onChange={(v) => onChange(v ? Number(v) : undefined)}
        allowDeselect={false}
        error={error}
        comboboxProps={{ withinPortal: true }}
      />
      {chosen ? (
        <Text size="xs" c="dimmed">
          In trên văn bản: {chosen.lines.join(' / ')}
        </Text>
      ) : null}
    </Stack>
  );
}
