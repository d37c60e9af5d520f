// Tệp dữ liệu: uploading a file (CSV, XLSX, JSON, read by the server in its worker pool) and each resource with its
// quality report, personal data found, de-identification and versions.
import { Stack, Text } from '@mantine/core';
import { datasetsApi, useDatasetMutation, type DatasetDetail } from '../../api/datasets.ts';
import { Section } from '../../components/Section.tsx';
import { ResourceCard } from './ResourceCard.tsx';
import { UploadForm } from './UploadForm.tsx';

export function ResourcesSection({ d }: { d: DatasetDetail }) {
  const upload = useDatasetMutation((b: { filename: string; contentBase64: string; title?: string }) =>
    datasetsApi.upload(d.id, b),
  );
  return (
    <Section title="Tệp dữ liệu" id="ds-resources">
      <Stack gap="md">
        {d.resources.length === 0 ? <Text size="sm">Chưa có tệp dữ liệu nào.</Text> : null}
        {d.resources.map((r) => (
          <ResourceCard key={r.id} d={d} r={r} />
        ))}
        {d.can.edit ? <UploadForm label="Thêm tệp dữ liệu" onUpload={(b) => upload.mutateAsync(b)} /> : null}
      </Stack>
    </Section>
  );
}
