// Công khai: an outside organisation's account on the provincial AI database (Nghị định 142/2026 Đ35.4). It
// registers (tax code, contact), receives its access key once, and, once the province has checked it, asks for
// access to conditionally open or commercial datasets and downloads under each grant. The key is kept in this tab
// only (sessionStorage); the same key works from the organisation's own systems (Authorization: Bearer …).
import {
  Alert,
  Anchor,
  Button,
  Code,
  Group,
  Paper,
  PasswordInput,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { errorMessage } from '../../api/client.ts';
import {
  ORGANISATION_KIND_LABEL,
  organisationApi,
  organisationKeys,
  useOrganisationSelf,
  type OrganisationKey,
  type OrganisationSelf,
  type RegistrationBody,
} from '../../api/data-organisations.ts';
import { ACCESS_REQUEST_STATUS_LABEL, usePublicDataset, usePublicDatasets } from '../../api/datasets.ts';
import { fieldError, FormError } from '../../components/FieldError.tsx';
import { useApiForm } from '../../components/form.ts';
import { usePageTitle } from '../../components/PageTitle.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { formatDate } from '../../format.ts';
import { paths } from '../../paths.ts';
import { PublicShell } from '../petitions/PublicShell.tsx';
import { AccessRequestFields, checkAccessRequest } from '../datasets/AccessRequestFields.tsx';
import { REQUEST_TONE } from '../datasets/labels.ts';
import { KeyRecovery } from './KeyRecovery.tsx';
import { PublicDataNav } from './PublicDataParts.tsx';

const KEY_STORE = 'thihanh.organisationKey';
const EMPTY_REGISTRATION: Required<RegistrationBody> = {
  name: '',
  taxCode: '',
  kind: 'enterprise',
  address: '',
  contactName: '',
  contactEmail: '',
  contactPhone: '',
};
const KIND_OPTIONS = Object.entries(ORGANISATION_KIND_LABEL).map(([value, label]) => ({ value, label }));

function RegisterForm({ onKey }: { onKey: (k: OrganisationKey) => void }) {
  const form = useApiForm(EMPTY_REGISTRATION, (v) => ({
    name: v.name.trim().length < 3 ? 'Nhập tên tổ chức.' : undefined,
    taxCode: /^\d{10}(-\d{3})?$/.test(v.taxCode.replace(/\s/g, '')) ? undefined : 'Mã số thuế gồm 10 chữ số.',
    contactName: v.contactName.trim().length < 2 ? 'Nhập họ tên người liên hệ.' : undefined,
    contactEmail: /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.contactEmail.trim()) ? undefined : 'Nhập thư điện tử đúng dạng.',
  }));
  const err = (k: keyof typeof EMPTY_REGISTRATION) => form.error(k) ?? fieldError(form.serverError, k);
  const submit = form.onSubmit(async (v) => {
    onKey(await organisationApi.register(v));
    form.reset();
  });
  const field = (k: keyof typeof EMPTY_REGISTRATION, label: string, extra: Record<string, unknown> = {}) => (
    <TextInput
      label={label}
      value={form.values[k]}
      error={err(k)}
      onChange={(e) => form.setValue(k, e.currentTarget.value)}
      {...extra}
    />
  );
  return (
    <form ref={form.formRef} onSubmit={(e) => void submit(e)} noValidate aria-label="Đăng ký tài khoản tổ chức">
      <Stack gap="sm">
        {field('name', 'Tên tổ chức', { required: true, autoComplete: 'organization' })}
        {field('taxCode', 'Mã số thuế (mã số doanh nghiệp)', { required: true, inputMode: 'numeric' })}
        <Select
          label="Loại tổ chức"
          data={KIND_OPTIONS}
          value={form.values.kind}
          allowDeselect={false}
          onChange={(v) => form.setValue('kind', (v ?? 'enterprise') as typeof EMPTY_REGISTRATION.kind)}
        />
        {field('address', 'Địa chỉ trụ sở')}
        {field('contactName', 'Người liên hệ', { required: true, autoComplete: 'name' })}
        {field('contactEmail', 'Thư điện tử', { required: true, type: 'email', autoComplete: 'email' })}
        {field('contactPhone', 'Số điện thoại', { type: 'tel', autoComplete: 'tel' })}
        <FormError error={form.serverError} fields={Object.keys(EMPTY_REGISTRATION)} />
        <Group>
          <Button type="submit" loading={form.submitting}>
            Đăng ký
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function NewKey({ k }: { k: OrganisationKey }) {
  const [copied, setCopied] = useState(false);
  return (
    <Alert
      color="green"
      title={k.status === 'pending' ? `Đã nhận đăng ký của ${k.name}` : `Khóa truy cập mới của ${k.name}`}
      data-testid="new-key"
    >
      <Stack gap="xs">
        <Text size="sm">
          Khóa truy cập của tổ chức (chỉ hiện một lần, tỉnh không lưu khóa nên không cấp lại được khóa này; hãy lưu lại
          ngay):
        </Text>
        <Code block style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }} data-testid="access-key">
          {k.accessKey}
        </Code>
        <Group gap="xs">
          <Button
            size="xs"
            variant="light"
            onClick={() => void navigator.clipboard?.writeText(k.accessKey).then(() => setCopied(true))}
          >
            {copied ? 'Đã sao chép' : 'Sao chép khóa'}
          </Button>
        </Group>
        <Text size="sm">
          {k.status === 'pending'
            ? 'Ủy ban nhân dân tỉnh sẽ xác minh tổ chức; kết quả được gửi qua thư điện tử và hiện ở mục "Tài khoản của tổ chức" bên dưới.'
            : 'Khóa cũ đã hết hiệu lực.'}
        </Text>
      </Stack>
    </Alert>
  );
}

const EMPTY_REQUEST = { datasetId: '', purpose: '', intendedUse: '', durationDays: 90 };

function RequestForm({ accessKey, preset }: { accessKey: string; preset: number | null }) {
  const qc = useQueryClient();
  const conditional = usePublicDatasets({ accessClass: 'conditional' });
  const commercial = usePublicDatasets({ accessClass: 'commercial' });
  const options = [...(conditional.data?.items ?? []), ...(commercial.data?.items ?? [])].map((d) => ({
    value: String(d.id),
    label: `${d.title} (${d.publisher.name})`,
  }));
  const [sent, setSent] = useState(false);
  const form = useApiForm({ ...EMPTY_REQUEST, datasetId: preset ? String(preset) : '' }, (v) => ({
    datasetId: v.datasetId ? undefined : 'Chọn bộ dữ liệu.',
    ...checkAccessRequest(v),
  }));
  const err = (k: keyof typeof EMPTY_REQUEST) => form.error(k) ?? fieldError(form.serverError, k);
  const submit = form.onSubmit(async ({ datasetId, ...body }) => {
    await organisationApi.requestAccess(accessKey, Number(datasetId), body);
    await qc.invalidateQueries({ queryKey: organisationKeys.self(accessKey) });
    setSent(true);
    form.reset();
  });
  return (
    <form ref={form.formRef} onSubmit={(e) => void submit(e)} noValidate aria-label="Đề nghị truy cập dữ liệu">
      <Stack gap="sm">
        <Title order={3} size="h5">
          Đề nghị truy cập một bộ dữ liệu
        </Title>
        {sent ? <Alert color="green">Đã gửi đề nghị; đơn vị quản lý dữ liệu sẽ xem xét.</Alert> : null}
        <Select
          label="Bộ dữ liệu (mở có điều kiện hoặc thương mại)"
          placeholder={options.length ? 'Chọn bộ dữ liệu' : 'Chưa có bộ dữ liệu cần đề nghị'}
          data={options}
          searchable
          value={form.values.datasetId || null}
          error={err('datasetId')}
          onChange={(v) => form.setValue('datasetId', v ?? '')}
        />
        <AccessRequestFields
          values={form.values}
          set={(k, v) => form.setValue(k, v as never)}
          error={err}
          usageHint="Ví dụ: huấn luyện mô hình, lưu trữ ở đâu, có chia sẻ cho ai không, xóa khi nào."
        />
        <FormError error={form.serverError} fields={Object.keys(EMPTY_REQUEST)} />
        <Group>
          <Button type="submit" loading={form.submitting}>
            Gửi đề nghị
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function GrantedFiles({ accessKey, datasetId }: { accessKey: string; datasetId: number }) {
  const d = usePublicDataset(datasetId).data;
  const [error, setError] = useState<string | null>(null);
  const save = async (rid: number) => {
    setError(null);
    try {
      const { blob, filename } = await organisationApi.download(accessKey, datasetId, rid);
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = filename;
      a.click();
      URL.revokeObjectURL(a.href);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <Group gap="xs">
      {(d?.resources ?? []).map((r) => (
        <Button key={r.id} size="xs" variant="light" onClick={() => void save(r.id)}>
          Tải “{r.title}”
        </Button>
      ))}
      {error ? (
        <Text size="sm" c="red.8" role="alert">
          {error}
        </Text>
      ) : null}
    </Group>
  );
}

const live = (r: OrganisationSelf['requests'][number]) =>
  r.status === 'approved' && !r.revokedAt && (!r.expiresAt || new Date(r.expiresAt).getTime() > Date.now());

function Account({
  accessKey,
  preset,
  onKey,
}: {
  accessKey: string;
  preset: number | null;
  onKey: (k: OrganisationKey) => void;
}) {
  const self = useOrganisationSelf(accessKey);
  const [replacing, setReplacing] = useState(false);
  const [replaceError, setReplaceError] = useState<string | null>(null);
  if (self.error) return <Alert color="red">{errorMessage(self.error)}</Alert>;
  const o = self.data;
  if (!o) return <Text size="sm">Đang tải…</Text>;
  return (
    <Stack gap="sm" data-testid="organisation-account">
      <Group gap="xs">
        <Text fw={600}>{o.name}</Text>
        <StatusBadge tone={o.status === 'active' ? 'green' : o.status === 'pending' ? 'orange' : 'red'} size="sm">
          {o.statusLabel}
        </StatusBadge>
      </Group>
      <Text size="sm" c="dimmed">
        Mã số thuế {o.taxCode} · {ORGANISATION_KIND_LABEL[o.kind]} · khóa kết thúc bằng …{o.keyHint}
        {o.decisionReason ? ` · ${o.decisionReason}` : ''}
      </Text>
      {o.requests.length ? (
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {o.requests.map((r) => (
            <Stack key={r.id} gap={4} component="li" data-testid="organisation-request">
              <Group gap="xs">
                <StatusBadge tone={r.revokedAt ? 'gray' : REQUEST_TONE[r.status]!} size="sm">
                  {r.revokedAt ? 'Đã thu hồi quyền' : ACCESS_REQUEST_STATUS_LABEL[r.status]}
                </StatusBadge>
                <Anchor component={Link} to={paths.publicDataset(r.datasetId)} size="sm">
                  {r.datasetTitle}
                </Anchor>
              </Group>
              <Text size="xs" c="dimmed">
                Gửi {formatDate(r.createdAt)} · {r.durationDays} ngày
                {r.expiresAt ? ` · hết hạn ${formatDate(r.expiresAt)}` : ''}
                {r.reason ? ` · ${r.reason}` : ''}
              </Text>
              {live(r) && o.status === 'active' ? <GrantedFiles accessKey={accessKey} datasetId={r.datasetId} /> : null}
            </Stack>
          ))}
        </Stack>
      ) : (
        <Text size="sm">Tổ chức chưa gửi đề nghị nào.</Text>
      )}
      {o.status === 'active' ? <RequestForm accessKey={accessKey} preset={preset} /> : null}
      <Group>
        <Button
          size="xs"
          variant="default"
          loading={replacing}
          onClick={() => {
            setReplacing(true);
            setReplaceError(null);
            organisationApi
              .replaceKey(accessKey)
              .then(onKey, (e: unknown) => setReplaceError(errorMessage(e)))
              .finally(() => setReplacing(false))
              .catch(() => {});
          }}
        >
          Đổi khóa truy cập
        </Button>
        {replaceError ? (
          <Text size="sm" c="red.8" role="alert">
            {replaceError}
          </Text>
        ) : null}
      </Group>
    </Stack>
  );
}

export function OrganisationAccountPage() {
  usePageTitle('Tài khoản tổ chức khai thác dữ liệu');
  const [params] = useSearchParams();
  const preset = Number(params.get('boDuLieu')) || null;
  const recoveryCode = params.get('khoi-phuc');
  const [key, setKey] = useState(() => sessionStorage.getItem(KEY_STORE) ?? '');
  const [typed, setTyped] = useState(key);
  const [issued, setIssued] = useState<OrganisationKey | null>(null);
  const rememberKey = (k: string) => {
    sessionStorage.setItem(KEY_STORE, k);
    setKey(k);
    setTyped(k);
  };
  const onKey = (k: OrganisationKey) => {
    setIssued(k);
    rememberKey(k.accessKey);
  };
  const recovery = (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="khoi-phuc">
      <KeyRecovery code={recoveryCode} onKey={onKey} />
    </Paper>
  );
  return (
    <PublicShell nav={<PublicDataNav />} navLabel="Trang công khai">
      <Stack gap="md">
        <Anchor component={Link} to={paths.publicDatasets} size="sm">
          ← Danh mục dữ liệu
        </Anchor>
        <Title order={1} fz={{ base: 22, sm: 28 }}>
          Tài khoản tổ chức khai thác dữ liệu
        </Title>
        <Text>
          Doanh nghiệp, viện nghiên cứu, trường học và cơ quan ngoài tỉnh đăng ký một tài khoản để đề nghị truy cập dữ
          liệu mở có điều kiện hoặc dữ liệu thương mại của tỉnh. Sau khi tỉnh xác minh tổ chức, mỗi đề nghị do đơn vị
          quản lý bộ dữ liệu xem xét; dữ liệu được tải trong thời hạn được chấp thuận và mọi lượt tải đều được ghi nhật
          ký. Hệ thống của tổ chức có thể dùng cùng khóa qua giao diện lập trình (tiêu đề{' '}
          <Code>Authorization: Bearer …</Code>).
        </Text>
        {issued ? <NewKey k={issued} /> : null}
        {/* Arrived by the link of a recovery mail: the code first. */}
        {recoveryCode && !issued ? recovery : null}
        <Paper withBorder radius="md" p="md" component="section" aria-labelledby="tai-khoan">
          <Stack gap="sm">
            <Title order={2} size="h4" id="tai-khoan">
              Tài khoản của tổ chức
            </Title>
            <form
              onSubmit={(e) => {
                e.preventDefault();
                rememberKey(typed.trim());
              }}
            >
              <Group align="flex-end" gap="xs" wrap="wrap">
                <PasswordInput
                  label="Khóa truy cập"
                  placeholder="thk_…"
                  value={typed}
                  onChange={(e) => setTyped(e.currentTarget.value)}
                  style={{ flex: '1 1 16rem' }}
                />
                <Button type="submit" variant="light">
                  Mở tài khoản
                </Button>
              </Group>
            </form>
            {key ? <Account accessKey={key} preset={preset} onKey={onKey} /> : null}
          </Stack>
        </Paper>
        {recoveryCode ? null : recovery}
        <Paper withBorder radius="md" p="md" component="section" aria-labelledby="dang-ky">
          <Stack gap="sm">
            <Title order={2} size="h4" id="dang-ky">
              Đăng ký tài khoản mới
            </Title>
            <RegisterForm onKey={onKey} />
          </Stack>
        </Paper>
      </Stack>
    </PublicShell>
  );
}
