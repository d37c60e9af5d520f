// The unit page's summary of who signs the unit's documents and how it files them, with the way to its settings page.
import { Link } from 'react-router';
import { Button, Group, Loader, Stack, Text } from '@mantine/core';
import { IconSignature } from '@tabler/icons-react';
import { useUnitDocumentSettings } from '../../api/units.ts';
import { paths } from '../../paths.ts';
import { Section } from '../Section.tsx';
import { LoadError } from '../FieldError.tsx';

export function DocumentSettingsCard({ unitId }: { unitId: number }) {
  const { data, isLoading, error } = useUnitDocumentSettings(unitId);
  return (
    <Section title="Văn bản của đơn vị" id="van-ban" titleGap="xs">
      {isLoading ? (
        <Loader size="sm" aria-label="Đang tải" />
      ) : !data ? (
        <LoadError error={error} what="thiết lập văn bản" />
      ) : (
        <Stack gap={6}>
          {data.signers.length ? (
            <ul className="tap-list" aria-label="Người ký">
              {data.signers.map((s) => (
                <li key={s.key} style={{ padding: '4px' }}>
                  <Text size="sm" fw={500}>
                    {s.name}
                    {s.isDefault ? ' (mặc định)' : ''}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {s.lines.join(' / ')}
                  </Text>
                </li>
              ))}
            </ul>
          ) : (
            <Text size="sm" c="dimmed">
              Chưa có danh sách người ký: văn bản ghi “{data.fallback.signerLines.join(' / ')}” và tên lãnh đạo duyệt.
            </Text>
          )}
          <Text size="sm">
            Lưu: VT, {data.draftingDivision ?? data.fallback.draftingDivision ?? '…'} · Ký hiệu:{' '}
            {data.symbolSuffix ?? data.fallback.symbolSuffix}
          </Text>
          <Group>
            <Button
              component={Link}
              to={paths.unitDocuments(unitId)}
              variant="light"
              size="sm"
              leftSection={<IconSignature size={18} aria-hidden />}
            >
              {data.can.edit ? 'Thiết lập người ký, nơi lưu' : 'Xem thiết lập văn bản'}
            </Button>
          </Group>
        </Stack>
      )}
    </Section>
  );
}
