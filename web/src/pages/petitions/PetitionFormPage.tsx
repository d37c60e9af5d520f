// Gửi kiến nghị (public, no sign-in, phone first): kiến nghị, đề xuất, phản ánh about the AI law. Fields are named
// by their API paths, so the server's message for "sender.email" lands under the e-mail field; what was typed stays
// after a refusal. Complaints and denunciations are pointed to their own channel before anyone types.
import { useState } from 'react';
import { Link } from 'react-router';
import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  FileInput,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { IconInfoCircle, IconCircleCheck } from '@tabler/icons-react';
import {
  CONTENT_MIN_LENGTH,
  hasContact,
  looksVietnamese,
  PETITION_KIND_LABEL,
  petitionsApi,
  type PetitionIntake,
  type PetitionReceipt,
} from '../../api/petitions.ts';
import { FormError } from '../../components/FieldError.tsx';
import { useApiForm, type Errors } from '../../components/form.ts';
import { usePageTitle } from '../../components/PageTitle.tsx';
import { formatDay } from '../../format.ts';
import { paths } from '../../paths.ts';
import { PublicShell } from './PublicShell.tsx';
import { PetitionAbout, usePetitionAbout, type PetitionAboutIds } from './PetitionAbout.tsx';

const EMPTY = {
  kind: 'proposal',
  subject: '',
  content: '',
  lawReference: '',
  'sender.name': '',
  'sender.organisation': '',
  'sender.email': '',
  'sender.phone': '',
  'sender.address': '',
  consent: false,
  website: '',
  attachments: [] as File[],
};
type Values = typeof EMPTY;
const FIELDS = Object.keys(EMPTY);

function validate(v: Values): Errors<Values> {
  const content = v.content.trim();
  return {
    subject: v.subject.trim().length < 5 ? 'Nhập tiêu đề (ít nhất 5 ký tự).' : undefined,
    content:
      content.length < CONTENT_MIN_LENGTH
        ? `Nội dung cần ít nhất ${CONTENT_MIN_LENGTH} ký tự: nêu cụ thể vấn đề và điều, khoản được kiến nghị.`
        : !looksVietnamese(content)
          ? 'Nội dung cần viết bằng tiếng Việt (Quyết định 48/2025/QĐ-TTg).'
          : undefined,
    'sender.name': v['sender.name'].trim().length < 2 ? 'Nhập họ và tên của bạn.' : undefined,
    'sender.email': hasContact({ email: v['sender.email'], phone: v['sender.phone'], address: v['sender.address'] })
      ? undefined
      : 'Cần ít nhất một cách để trả lời: email, số điện thoại hoặc địa chỉ.',
    consent: v.consent
      ? undefined
      : 'Cần đồng ý cho cơ quan tiếp nhận xử lý dữ liệu cá nhân của bạn để trả lời kiến nghị.',
  };
}

const base64 = (f: File) =>
  new Promise<string>((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ''));
    r.onerror = () => reject(r.error);
    r.readAsDataURL(f);
  });

async function toBody(v: Values, about: PetitionAboutIds): Promise<PetitionIntake> {
  const opt = (s: string) => (s.trim() ? s.trim() : undefined);
  return {
    kind: v.kind,
    subject: v.subject,
    content: v.content,
    lawReference: opt(v.lawReference),
    consent: v.consent as true,
    sender: {
      name: v['sender.name'],
      organisation: opt(v['sender.organisation']),
      email: opt(v['sender.email']),
      phone: opt(v['sender.phone']),
      address: opt(v['sender.address']),
    },
    attachments: v.attachments.length
      ? await Promise.all(v.attachments.map(async (f) => ({ filename: f.name, contentBase64: await base64(f) })))
      : undefined,
    website: opt(v.website),
    ...about,
  };
}

function Receipt({ receipt, onAnother }: { receipt: PetitionReceipt; onAnother: () => void }) {
  return (
    <Paper withBorder p="md" radius="md" role="status">
      <Stack gap="sm">
        <Title order={2} size="h3">
          <IconCircleCheck aria-hidden size={22} style={{ verticalAlign: 'text-bottom' }} /> Đã tiếp nhận
        </Title>
        <Text>Mã tra cứu của bạn (hãy ghi lại):</Text>
        <Text fz={28} fw={700} ff="monospace" data-testid="ma-tra-cuu">
          {receipt.code}
        </Text>
        <Text size="sm">
          Ngày tiếp nhận {formatDay(receipt.receivedOn)} · hạn trả lời {formatDay(receipt.dueDate)} (tính theo ngày làm
          việc).
        </Text>
        <Anchor component={Link} to={paths.publicPetitionFollow(receipt.code)}>
          Theo dõi kiến nghị bằng mã này
        </Anchor>
        <Button variant="light" onClick={onAnother}>
          Gửi kiến nghị khác
        </Button>
      </Stack>
    </Paper>
  );
}

export function PetitionFormPage() {
  usePageTitle('Gửi kiến nghị về Luật Trí tuệ nhân tạo');
  const [about, dropAbout] = usePetitionAbout();
  const form = useApiForm<Values>(about.aiSystemId ? { ...EMPTY, kind: 'feedback' } : EMPTY, validate);
  const [receipt, setReceipt] = useState<PetitionReceipt | null>(null);
  const { values: v, setValue, error } = form;
  const submit = form.onSubmit(async (values) => setReceipt(await petitionsApi.submit(await toBody(values, about))));
  const text = (key: keyof Values & string, label: string, extra: Record<string, unknown> = {}) => (
    <TextInput
      label={label}
      value={v[key] as string}
      onChange={(e) => setValue(key, e.currentTarget.value)}
      error={error(key)}
      {...extra}
    />
  );

  return (
    <PublicShell>
      <Stack gap="md">
        <Title order={1} fz={{ base: 22, sm: 28 }}>
          Kiến nghị, đề xuất, phản ánh về Luật Trí tuệ nhân tạo
        </Title>
        <Alert icon={<IconInfoCircle aria-hidden />} variant="light" title="Khiếu nại, tố cáo không gửi ở đây">
          Khiếu nại được giải quyết theo Luật Khiếu nại, tố cáo theo Luật Tố cáo: hãy gửi đến cơ quan có thẩm quyền hoặc
          nơi tiếp công dân. Sự cố của hệ thống trí tuệ nhân tạo được thông báo qua Cổng thông tin một cửa về trí tuệ
          nhân tạo của Bộ Khoa học và Công nghệ.
        </Alert>
        {receipt ? (
          <Receipt
            receipt={receipt}
            onAnother={() => {
              setReceipt(null);
              form.reset();
            }}
          />
        ) : (
          <form ref={form.formRef} onSubmit={submit} noValidate>
            <Stack gap="sm">
              <PetitionAbout ids={about} onDrop={dropAbout} />
              <Stack gap={4}>
                <Text component="label" id="loai-label" size="sm" fw={500}>
                  Loại
                </Text>
                <SegmentedControl
                  aria-labelledby="loai-label"
                  value={v.kind}
                  onChange={(k) => setValue('kind', k)}
                  fullWidth
                  data={Object.entries(PETITION_KIND_LABEL).map(([value, label]) => ({ value, label }))}
                />
              </Stack>
              {text('subject', 'Tiêu đề', { required: true, maxLength: 300 })}
              <Textarea
                label="Nội dung"
                required
                autosize
                minRows={5}
                value={v.content}
                error={error('content')}
                maxLength={10000}
                description="Viết bằng tiếng Việt; nêu cụ thể vấn đề và điều, khoản của văn bản được kiến nghị."
                onChange={(e) => setValue('content', e.currentTarget.value)}
              />
              {text('lawReference', 'Văn bản, điều khoản liên quan', {
                placeholder: 'Ví dụ: Luật Trí tuệ nhân tạo, Điều 27',
              })}
              <Title order={2} size="h4" mt="xs">
                Người gửi
              </Title>
              {text('sender.name', 'Họ và tên', { required: true, autoComplete: 'name' })}
              {text('sender.organisation', 'Cơ quan, tổ chức (nếu có)', { autoComplete: 'organization' })}
              <Text size="sm" c="dimmed">
                Cần ít nhất một cách để trả lời bạn: email, số điện thoại hoặc địa chỉ.
              </Text>
              {text('sender.email', 'Email', { type: 'email', autoComplete: 'email', inputMode: 'email' })}
              {text('sender.phone', 'Số điện thoại', { type: 'tel', autoComplete: 'tel', inputMode: 'tel' })}
              {text('sender.address', 'Địa chỉ', { autoComplete: 'street-address' })}
              <FileInput
                label="Tệp đính kèm (nếu có)"
                multiple
                clearable
                value={v.attachments}
                onChange={(f) => setValue('attachments', f)}
                accept=".pdf,.docx,.xlsx,.jpg,.jpeg,.png"
                description="PDF, DOCX, XLSX, JPEG, PNG; tối đa 3 tệp, mỗi tệp 1 MB."
                error={error('attachments')}
              />
              <div
                aria-hidden="true"
                style={{ position: 'absolute', left: -10000, width: 1, height: 1, overflow: 'hidden' }}
              >
                <label>
                  Trang web{' '}
                  <input
                    tabIndex={-1}
                    autoComplete="off"
                    value={v.website}
                    onChange={(e) => setValue('website', e.currentTarget.value)}
                  />
                </label>
              </div>
              <Checkbox
                checked={v.consent}
                onChange={(e) => setValue('consent', e.currentTarget.checked)}
                error={error('consent')}
                label="Tôi đồng ý để cơ quan tiếp nhận dùng họ tên và thông tin liên hệ của tôi chỉ để xử lý và trả lời kiến nghị này. Thông tin này không được công khai và được xóa sau thời hạn lưu trữ (Luật Bảo vệ dữ liệu cá nhân)."
              />
              <FormError error={form.serverError} fields={FIELDS} />
              <Button type="submit" loading={form.submitting} size="md">
                Gửi kiến nghị
              </Button>
            </Stack>
          </form>
        )}
      </Stack>
    </PublicShell>
  );
}
