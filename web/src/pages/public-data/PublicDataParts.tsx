// What the public catalogue pages share: the header's links, a dataset's badges and its files with their download
// (open data: anyone; otherwise only after an access request, for which the visitor signs in).
import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { Link } from 'react-router';
import { ACCESS_CLASS_LABEL, formatSize, type PublicDataset } from '../../api/datasets.ts';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { formatNumber } from '../../format.ts';
import { paths } from '../../paths.ts';
import { CLASS_TONE, scoreTone } from '../datasets/labels.ts';

const NOWRAP = { whiteSpace: 'nowrap' } as const;

export function PublicDataNav() {
  return (
    <>
      <Anchor component={Link} to={paths.publicDatasets} size="sm" style={NOWRAP}>
        Dữ liệu
      </Anchor>
      <Anchor component={Link} to={paths.publicAiSystems} size="sm" style={NOWRAP}>
        Hệ thống AI
      </Anchor>
      <Anchor component={Link} to={paths.publicPetition} size="sm" style={NOWRAP}>
        Kiến nghị
      </Anchor>
    </>
  );
}

export function DatasetBadges({ d }: { d: PublicDataset }) {
  return (
    <Group gap={6}>
      <StatusBadge tone={CLASS_TONE[d.accessClass]!} size="sm">
        {ACCESS_CLASS_LABEL[d.accessClass]}
      </StatusBadge>
      <Text size="sm" c="dimmed">
        {d.sectorName}
      </Text>
    </Group>
  );
}

export function PublicResources({ d }: { d: PublicDataset }) {
  if (d.resources.length === 0)
    return (
      <Text size="sm" c="dimmed">
        Chưa có tệp dữ liệu.
      </Text>
    );
  return (
    <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {d.resources.map((r) => (
        <Group key={r.id} component="li" gap="xs" justify="space-between" wrap="wrap" data-testid="public-resource">
          <div style={{ minWidth: 0, flex: '1 1 12rem' }}>
            <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
              {r.title}
            </Text>
            <Group gap={6}>
              <Text size="xs" c="dimmed">
                {r.format.toUpperCase()} · {formatSize(r.size)} · {formatNumber(r.rows)} dòng
              </Text>
              <StatusBadge tone={scoreTone(r.qualityScore)} size="sm">
                Chất lượng {r.qualityScore}/100
              </StatusBadge>
            </Group>
          </div>
          {r.openDownload ? (
            <Button
              component="a"
              href={r.downloadUrl}
              size="xs"
              variant="light"
              leftSection={<IconDownload size={14} aria-hidden />}
              aria-label={`Tải về: ${r.title} (${r.format.toUpperCase()})`}
            >
              Tải về
            </Button>
          ) : (
            <Text size="xs" c="dimmed">
              Cần đề nghị truy cập
            </Text>
          )}
        </Group>
      ))}
    </Stack>
  );
}
