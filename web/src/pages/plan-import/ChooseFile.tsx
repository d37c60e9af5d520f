import { useRef, useState, type DragEvent } from 'react';
import { Button, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { IconFileImport, IconUpload } from '@tabler/icons-react';
import { ApiError } from '../../api/client.ts';
import { plansApi, usePlanMutation } from '../../api/plans.ts';
import { FormError } from '../../components/FieldError.tsx';
import { readAsBase64 } from '../../components/tracking/evidence.ts';
import type { Imported } from './PlanImportPage.tsx';
import type { PlanImportBody } from '../../../../src/contracts/plans.ts';

const ACCEPT = '.txt,.md,.markdown,.html,.htm,.docx';
const MAX_BYTES = 2 * 1024 * 1024;

export function ChooseFile({ onImported }: { onImported: (r: Imported) => void }) {
  const [error, setError] = useState<unknown>(null);
  const [over, setOver] = useState(false);
  const [reading, setReading] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const mutation = usePlanMutation((body: PlanImportBody) => plansApi.import(body));

  const take = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    if (!/\.(txt|md|markdown|html?|docx)$/i.test(file.name)) {
      setError(new ApiError(400, 'client', `Không đọc được tệp “${file.name}”: chỉ nhận tệp .docx, .txt, .md, .html.`));
      return;
    }
    if (file.size === 0) {
      setError(new ApiError(400, 'client', `Tệp “${file.name}” rỗng.`));
      return;
    }
    if (file.size > MAX_BYTES) {
      setError(
        new ApiError(413, 'client', `Tệp “${file.name}” lớn hơn 2 MB. Hãy lưu văn bản không kèm hình ảnh rồi thử lại.`),
      );
      return;
    }
    setReading(file.name);
    try {
      const contentBase64 = await readAsBase64(file);
      const result = await mutation.mutateAsync({ filename: file.name, contentBase64 });
      onImported({ ...result, filename: file.name });
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(400, 'client', `Không đọc được tệp “${file.name}”.`));
    } finally {
      setReading(null);
      if (inputRef.current) inputRef.current.value = '';
    }
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    void take(e.dataTransfer.files[0]);
  };

  return (
    <Stack gap="md" maw={720}>
      <Paper
        className="drop-zone"
        data-over={over}
        p={{ base: 'md', sm: 'xl' }}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <Stack align="center" gap="sm" ta="center">
          <IconFileImport size={40} stroke={1.5} aria-hidden color="var(--mantine-color-thBlue-7)" />
          <Text fw={600}>Chọn tệp kế hoạch để đọc</Text>
          <Text size="sm" c="dimmed">
            Tệp .docx, .txt, .md hoặc .html, tối đa 2 MB. Trên máy tính có thể kéo thả tệp vào đây.
          </Text>
          <input
            ref={inputRef}
            id="tep-ke-hoach"
            type="file"
            accept={ACCEPT}
            className="file-input-hidden"
            onChange={(e) => void take(e.currentTarget.files?.[0])}
            disabled={!!reading}
          />
          <label htmlFor="tep-ke-hoach" className="file-button">
            <Button
              component="span"
              leftSection={<IconUpload size={18} aria-hidden />}
              loading={!!reading}
              style={{ pointerEvents: 'none' }}
              aria-hidden
            >
              Chọn tệp kế hoạch
            </Button>
            <span className="sr-only">Chọn tệp kế hoạch</span>
          </label>
          {reading ? (
            <Group gap="xs" role="status">
              <Loader size="xs" aria-hidden />
              <Text size="sm">Đang đọc “{reading}”…</Text>
            </Group>
          ) : null}
        </Stack>
      </Paper>
      <FormError error={error} title="Không đọc được tệp" />
    </Stack>
  );
}
