import { ActionIcon, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconFileUpload, IconTrash } from '@tabler/icons-react';
import {
  EVIDENCE_ACCEPT,
  EVIDENCE_ACCEPTED_TEXT,
  EVIDENCE_LABEL,
  EVIDENCE_MAX_BYTES,
  EVIDENCE_MAX_FILES,
  EVIDENCE_MAX_TOTAL_BYTES,
  formatBytes,
} from '../../components/tracking/evidence.ts';
import type { UpdateForm } from './useUpdateForm.ts';

/** Evidence files, checked here by type and size (then by the server by their bytes). */
export function EvidenceSection({ form }: { form: UpdateForm }) {
  const { values, removeRow, addFiles, err, listErr } = form;
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="cn-minh-chung">
      <Title order={2} size="h4" id="cn-minh-chung" mb={4}>
        Minh chứng
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {EVIDENCE_ACCEPTED_TEXT}; mỗi tệp tối đa {formatBytes(EVIDENCE_MAX_BYTES)}, tối đa {EVIDENCE_MAX_FILES} tệp và{' '}
        {formatBytes(EVIDENCE_MAX_TOTAL_BYTES)} mỗi lần cập nhật.
      </Text>
      <Stack gap="xs">
        {values.evidence.length ? (
          <ul className="plain-list file-list" aria-label="Tệp minh chứng đã chọn">
            {values.evidence.map((r, i) => {
              const problem =
                r.problem ??
                err(`evidence.${i}.contentBase64`) ??
                err(`evidence.${i}.mime`) ??
                err(`evidence.${i}.filename`) ??
                err(`evidence.${i}`);
              return (
                <li key={r.key} className={problem ? 'file-row file-row-bad' : 'file-row'}>
                  <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
                    <div style={{ minWidth: 0 }}>
                      <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                        {r.file.name}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {r.type ? EVIDENCE_LABEL[r.type] : 'Loại không rõ'} · {formatBytes(r.file.size)}
                      </Text>
                      {problem ? (
                        <Text size="xs" c="red.9" fw={600} role="alert" id={`mc-${r.key}-loi`}>
                          <IconAlertTriangle size={12} aria-hidden /> {problem}
                        </Text>
                      ) : null}
                    </div>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      onClick={() => removeRow('evidence', i)}
                      aria-label={`Bỏ tệp ${r.file.name}`}
                      data-invalid={problem ? 'true' : undefined}
                      aria-describedby={problem ? `mc-${r.key}-loi` : undefined}
                    >
                      <IconTrash size={18} aria-hidden />
                    </ActionIcon>
                  </Group>
                </li>
              );
            })}
          </ul>
        ) : null}
        {listErr('evidence') ? (
          <Text size="sm" c="red.9" role="alert">
            {listErr('evidence')}
          </Text>
        ) : null}
        <div>
          <input
            id="tep-minh-chung"
            type="file"
            multiple
            accept={EVIDENCE_ACCEPT}
            className="file-input-hidden"
            onChange={(e) => {
              void addFiles(e.currentTarget.files);
              e.currentTarget.value = '';
            }}
          />
          <label htmlFor="tep-minh-chung" className="file-button">
            <Button
              component="span"
              variant="light"
              leftSection={<IconFileUpload size={18} aria-hidden />}
              style={{ pointerEvents: 'none' }}
              aria-hidden
            >
              Chọn tệp minh chứng
            </Button>
            <span className="sr-only">Chọn tệp minh chứng</span>
          </label>
        </div>
      </Stack>
    </Card>
  );
}
