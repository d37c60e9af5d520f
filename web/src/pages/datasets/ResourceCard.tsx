// One file of a dataset: its quality report as a table with the score, the personal data found (each can be judged
// a false positive with a reason, which is audited), the de-identification panel, its versions, a new version.
import { Anchor, Button, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import {
  datasetsApi,
  datasetUrls,
  formatSize,
  personalKindLabel,
  reportOf,
  useDatasetMutation,
  type DatasetDetail,
  type DatasetResource,
  type Deidentified,
} from '../../api/datasets.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { ReasonModal } from '../../components/ReasonModal.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { count, formatDate, formatDateTime, formatNumber } from '../../format.ts';
import { DeidentifyPanel, DeidentifyResult } from './DeidentifyPanel.tsx';
import { scoreTone, typeLabel } from './labels.ts';
import { UploadForm } from './UploadForm.tsx';

function QualityTable({ r }: { r: DatasetResource }) {
  const q = reportOf(r.quality);
  const columns = q.fields ?? [];
  const encoding = (q.encodingProblems ?? []).reduce((sum, p) => sum + p.count, 0);
  return (
    <Stack gap={6}>
      <Group gap={6}>
        <StatusBadge tone={scoreTone(r.quality.score)}>Điểm chất lượng {r.quality.score}/100</StatusBadge>
        <Text size="sm">
          {count(r.quality.rows, 'dòng')} · {count(r.quality.columns, 'cột')}
          {q.duplicateRows ? ` · ${count(q.duplicateRows, 'dòng trùng')}` : ''}
          {encoding ? ` · ${count(encoding, 'ô lỗi mã hóa ký tự')}` : ''}
          {q.schemaErrorCount ? ` · ${count(q.schemaErrorCount, 'lỗi so với lược đồ')}` : ''}
        </Text>
      </Group>
      {q.notes?.length ? (
        <List size="sm" spacing={2}>
          {q.notes.map((note) => (
            <List.Item key={note}>{note}</List.Item>
          ))}
        </List>
      ) : null}
      {columns.length > 0 ? (
        <ScrollTable minWidth={440} label={`Chất lượng các cột của tệp ${r.title}`}>
          <Table striped withTableBorder fz="sm" data-testid="quality-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Cột</Table.Th>
                <Table.Th>Kiểu dữ liệu</Table.Th>
                <Table.Th ta="right">Ô trống</Table.Th>
                <Table.Th ta="right">Không hợp lệ</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {columns.map((c) => (
                <Table.Tr key={c.name}>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{c.name}</Table.Td>
                  <Table.Td>{typeLabel(c.inferredType)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(c.missing)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(c.invalid)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      ) : null}
    </Stack>
  );
}

function Findings({ d, r }: { d: DatasetDetail; r: DatasetResource }) {
  const [dismissing, setDismissing] = useState<{ column: string; kind: string } | null>(null);
  const dismiss = useDatasetMutation((reason: string) =>
    datasetsApi.dismissFinding(d.id, r.id, { ...dismissing!, reason }),
  );
  if (r.personalData.length === 0)
    return (
      <Text size="sm" c="dimmed">
        Không phát hiện dữ liệu cá nhân.
      </Text>
    );
  return (
    <Stack gap={6}>
      <Text fw={600} size="sm">
        Dữ liệu cá nhân phát hiện được{r.unresolved ? ` (${r.unresolved} chưa xử lý)` : ''}
      </Text>
      <ScrollTable minWidth={440} label={`Dữ liệu cá nhân trong tệp ${r.title}`}>
        <Table withTableBorder fz="sm" data-testid="personal-findings">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Cột</Table.Th>
              <Table.Th>Loại</Table.Th>
              <Table.Th ta="right">Số ô</Table.Th>
              <Table.Th>Xử lý</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {r.personalData.map((f) => (
              <Table.Tr key={`${f.column}|${f.kind}`}>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{f.column}</Table.Td>
                <Table.Td>{f.kindLabel || personalKindLabel(f.kind)}</Table.Td>
                <Table.Td ta="right">{formatNumber(f.count)}</Table.Td>
                <Table.Td>
                  {f.dismissed ? (
                    <Text size="xs">
                      Nhận nhầm: {f.dismissed.reason}
                      {f.dismissed.by ? ` (${f.dismissed.by}, ${formatDate(f.dismissed.at)})` : ''}
                    </Text>
                  ) : d.can.edit ? (
                    <Button
                      size="compact-xs"
                      variant="default"
                      aria-label={`Nhận nhầm: cột ${f.column}`}
                      onClick={() => setDismissing({ column: f.column, kind: f.kind })}
                    >
                      Nhận nhầm
                    </Button>
                  ) : (
                    <Text size="xs">Chưa xử lý</Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
      <ReasonModal
        opened={dismissing !== null}
        onClose={() => setDismissing(null)}
        title="Xác định nhận nhầm"
        intro={
          dismissing
            ? `Cột “${dismissing.column}” không chứa ${personalKindLabel(dismissing.kind)}. Quyết định này được ghi nhật ký.`
            : ''
        }
        label="Lý do"
        check={(s) => (s.trim().length < 10 ? 'Nêu lý do (ít nhất 10 ký tự).' : undefined)}
        confirmLabel="Xác nhận"
        onConfirm={(reason) => dismiss.mutateAsync(reason)}
      />
    </Stack>
  );
}

function Versions({ d, r }: { d: DatasetDetail; r: DatasetResource }) {
  return (
    <Stack gap={4}>
      <Text fw={600} size="sm">
        Các phiên bản
      </Text>
      {r.versions.map((v) => (
        <Text key={v.version} size="sm" style={{ overflowWrap: 'anywhere' }}>
          {d.can.edit ? (
            <Anchor href={datasetUrls.ownerDownload(d.id, r.id, v.version)} underline="always">
              Phiên bản {v.version}
            </Anchor>
          ) : (
            `Phiên bản ${v.version}`
          )}
          {' · '}
          {v.filename} · {formatSize(v.size)} · điểm {v.qualityScore}
          {v.derived ? ' · đã khử định danh' : ''} · {formatDateTime(v.createdAt)}
        </Text>
      ))}
    </Stack>
  );
}

export function ResourceCard({ d, r }: { d: DatasetDetail; r: DatasetResource }) {
  const [removing, setRemoving] = useState(false);
  const [newVersion, setNewVersion] = useState(false);
  const [result, setResult] = useState<Deidentified | null>(null);
  const remove = useDatasetMutation(() => datasetsApi.removeResource(d.id, r.id));
  const upload = useDatasetMutation((b: { filename: string; contentBase64: string }) =>
    datasetsApi.newVersion(d.id, r.id, b),
  );
  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }} component="article" data-testid="resource">
      <Stack gap="sm">
        <div>
          <Title order={3} size="h5" style={{ overflowWrap: 'anywhere' }}>
            {r.title}
          </Title>
          <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {r.filename} · {r.format.toUpperCase()} · {formatSize(r.size)} · phiên bản {r.version} ·{' '}
            {formatDate(r.createdAt)}
          </Text>
        </div>
        <QualityTable r={r} />
        <Findings d={d} r={r} />
        {d.can.edit && r.personalData.length > 0 ? <DeidentifyPanel d={d} r={r} onResult={setResult} /> : null}
        {result ? <DeidentifyResult result={result} /> : null}
        <Versions d={d} r={r} />
        {d.can.edit ? (
          <Group gap="sm">
            <Button size="xs" variant="default" onClick={() => setNewVersion((x) => !x)}>
              {newVersion ? 'Đóng' : 'Tải phiên bản mới'}
            </Button>
            <Button size="xs" variant="subtle" color="red" c="#a61b1b" onClick={() => setRemoving(true)}>
              Gỡ tệp
            </Button>
          </Group>
        ) : null}
        {newVersion ? (
          <UploadForm
            label="Tệp phiên bản mới"
            withTitle={false}
            onUpload={async (b) => {
              await upload.mutateAsync(b);
              setNewVersion(false);
            }}
          />
        ) : null}
      </Stack>
      <ConfirmDialog
        opened={removing}
        onClose={() => setRemoving(false)}
        title="Gỡ tệp dữ liệu"
        confirmLabel="Gỡ tệp"
        confirmColor="red"
        onConfirm={() => remove.mutateAsync(undefined)}
      >
        {`Gỡ tệp “${r.title}” khỏi bộ dữ liệu? Lịch sử truy cập vẫn được giữ.`}
      </ConfirmDialog>
    </Paper>
  );
}
