// The file picker of a dataset's resources (a new file or a new version of one): read in the browser as base64, sent
// to the server, which checks quality and personal data in its worker pool.
import { Button, FileInput, Group, Stack, TextInput } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { fileBase64 } from '../../api/datasets.ts';
import { fieldError, FormError } from '../../components/FieldError.tsx';
import { useApiForm } from '../../components/form.ts';

/** 40 MB, the server's limit (RESOURCE_MAX_BYTES). */
const MAX_BYTES = 40 * 1024 * 1024;
export const RESOURCE_ACCEPT = '.csv,.xlsx,.json';

const checkFile = (f: File | null) =>
  !f
    ? 'Chọn tệp CSV, XLSX hoặc JSON.'
    : !/\.(csv|xlsx|json)$/i.test(f.name)
      ? 'Chỉ nhận tệp CSV, XLSX hoặc JSON.'
      : f.size > MAX_BYTES
        ? 'Tệp lớn hơn 40 MB.'
        : undefined;

export function UploadForm({
  onUpload,
  label,
  withTitle = true,
}: {
  onUpload: (body: { filename: string; contentBase64: string; title?: string }) => Promise<unknown>;
  label: string;
  withTitle?: boolean;
}) {
  const form = useApiForm({ file: null as File | null, title: '' }, (v) => ({ file: checkFile(v.file) }));
  const submit = form.onSubmit(async (v) => {
    const contentBase64 = await fileBase64(v.file!);
    await onUpload({ filename: v.file!.name, contentBase64, ...(v.title.trim() ? { title: v.title.trim() } : {}) });
    form.reset();
  });
  return (
    <form ref={form.formRef} onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="sm">
        <FileInput
          label={label}
          description="CSV, XLSX hoặc JSON; tối đa 40 MB. Máy chủ kiểm tra chất lượng và dữ liệu cá nhân."
          accept={RESOURCE_ACCEPT}
          clearable
          value={form.values.file}
          onChange={(f) => form.setValue('file', f)}
          error={
            form.error('file') ??
            fieldError(form.serverError, 'filename') ??
            fieldError(form.serverError, 'contentBase64')
          }
        />
        {withTitle ? (
          <TextInput
            label="Tên tệp hiển thị (nếu khác tên tệp)"
            value={form.values.title}
            onChange={(e) => form.setValue('title', e.currentTarget.value)}
            error={form.error('title')}
          />
        ) : null}
        <FormError error={form.serverError} fields={['file', 'title', 'filename', 'contentBase64']} />
        <Group>
          <Button type="submit" loading={form.submitting} leftSection={<IconUpload size={16} aria-hidden />}>
            {form.submitting ? 'Đang kiểm tra…' : 'Tải lên'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
