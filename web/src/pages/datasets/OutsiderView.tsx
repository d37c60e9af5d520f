// A published dataset seen from outside its owning unit when the server gives only its public entry: what it is,
// its files, and the access request (Nghị định 142/2026 Đ35: purpose, intended use, duration). Once the request is
// approved, the files download through the public address under the grant.
import { Alert, Anchor, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { datasetUrls, formatSize, type PublicDataset } from '../../api/datasets.ts';
import { PageHeader } from '../../components/PageTitle.tsx';
import { Section } from '../../components/Section.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { paths } from '../../paths.ts';
import { DatasetBadges } from '../public-data/PublicDataParts.tsx';
import { RequestForm } from './AccessSection.tsx';

export function OutsiderView({ d }: { d: PublicDataset }) {
  const [sent, setSent] = useState<number | null>(null);
  return (
    <>
      <PageHeader
        title={d.title}
        description={`${d.publisher.name} · ${d.sectorName}`}
        above={
          <Anchor component={Link} to={paths.datasets} size="sm">
            ← CSDL phục vụ AI
          </Anchor>
        }
      />
      <Stack gap="md">
        <DatasetBadges d={d} />
        {d.description ? (
          <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{d.description}</Text>
        ) : null}
        <Section title="Truy cập dữ liệu" id="ds-access-requests">
          <Stack gap="md">
            <Stack gap={4}>
              {d.resources.map((r) => (
                <Text key={r.id} size="sm" style={{ overflowWrap: 'anywhere' }}>
                  <Anchor href={datasetUrls.publicDownload(d.id, r.id)} underline="always">
                    Tải “{r.title}”
                  </Anchor>{' '}
                  ({r.format.toUpperCase()}, {formatSize(r.size)})
                </Text>
              ))}
              {d.accessClass !== 'open' ? (
                <Text size="xs" c="dimmed">
                  Chỉ tải được khi đề nghị truy cập đã được chấp thuận và còn thời hạn.
                </Text>
              ) : null}
            </Stack>
            {sent ? (
              <Alert color="blue" variant="light" role="status">
                <Group gap="xs" data-testid="my-access">
                  <Text size="sm">Đã gửi đề nghị số {sent}:</Text>
                  <StatusBadge tone="orange" size="sm">
                    Chờ xem xét
                  </StatusBadge>
                </Group>
              </Alert>
            ) : null}
            {d.accessClass !== 'open' ? <RequestForm d={d} onSent={setSent} /> : null}
          </Stack>
        </Section>
      </Stack>
    </>
  );
}
