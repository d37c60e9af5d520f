// Đăng ký hệ thống AI: a use of a product already in the register starts from that product's text (its vendor
// template); a new product is described once, for every unit that buys it later. What was typed stays on an error.
import { Button, Checkbox, Group, SegmentedControl, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useNavigate } from 'react-router';
import { aiApi, useAiMutation, useAiProducts, type UseCreateInput } from '../../api/ai-systems.ts';
import { useCurrentUser } from '../../auth/SessionContext.tsx';
import { fieldError, FormError } from '../../components/FieldError.tsx';
import { required, useApiForm } from '../../components/form.ts';
import { PageHeader } from '../../components/PageTitle.tsx';
import { Section } from '../../components/Section.tsx';
import { paths } from '../../paths.ts';
import { AUTOMATION_OPTIONS } from './labels.ts';

const EMPTY = {
  mode: 'existing',
  productId: '',
  name: '',
  provider: '',
  version: '',
  function: '',
  modelType: '',
  trainingData: '',
  providerLevel: '',
  aiSystemId: '',
  purpose: '',
  scope: '',
  usersServed: '',
  inputData: '',
  personalData: false,
  sensitiveData: false,
  outputUse: '',
  automation: 'assistive',
  humanOversight: '',
  startDate: '',
  contract: '',
  internalNotes: '',
  publicSummary: '',
};
type Values = typeof EMPTY;
const USE_TEXTS = [
  'purpose',
  'scope',
  'usersServed',
  'inputData',
  'outputUse',
  'humanOversight',
  'publicSummary',
] as const;

function bodyOf(v: Values, unitId: number): UseCreateInput {
  const product =
    v.mode === 'new'
      ? {
          product: {
            name: v.name,
            provider: v.provider,
            version: v.version,
            function: v.function,
            modelType: v.modelType,
            trainingData: v.trainingData,
            providerLevel: (v.providerLevel || null) as 'high' | 'medium' | 'low' | null,
            aiSystemId: v.aiSystemId || null,
          },
        }
      : { productId: Number(v.productId) || undefined };
  return {
    unitId,
    ...product,
    purpose: v.purpose,
    scope: v.scope,
    usersServed: v.usersServed,
    inputData: v.inputData,
    personalData: v.personalData,
    sensitiveData: v.sensitiveData,
    outputUse: v.outputUse,
    automation: v.automation as UseCreateInput['automation'],
    humanOversight: v.humanOversight,
    startDate: v.startDate || null,
    contract: v.contract,
    internalNotes: v.internalNotes,
    publicSummary: v.publicSummary,
  };
}

function validate(v: Values) {
  return {
    productId: v.mode === 'existing' ? required(v.productId, 'Chọn sản phẩm AI trong danh mục.') : undefined,
    name: v.mode === 'new' ? required(v.name, 'Nhập tên sản phẩm.') : undefined,
    provider: v.mode === 'new' ? required(v.provider, 'Nhập nhà cung cấp.') : undefined,
    purpose: required(v.purpose, 'Nhập mục đích sử dụng.'),
  };
}

export function AiSystemRegisterPage() {
  const user = useCurrentUser();
  const navigate = useNavigate();
  const products = useAiProducts();
  const form = useApiForm<Values>(EMPTY, validate);
  const create = useAiMutation((b: UseCreateInput) => aiApi.create(b));
  const v = form.values;
  const err = (key: keyof Values & string, path: string = key) => form.error(key) ?? fieldError(form.serverError, path);
  const text = (
    key: keyof Values & string,
    label: string,
    opts: { area?: boolean; path?: string; description?: string } = {},
  ) => {
    const Input = opts.area ? Textarea : TextInput;
    return (
      <Input
        label={label}
        description={opts.description}
        value={String(v[key])}
        error={err(key, opts.path)}
        autosize={opts.area ? true : undefined}
        minRows={opts.area ? 2 : undefined}
        onChange={(e) => form.setValue(key, e.currentTarget.value as never)}
      />
    );
  };
  /** Choosing a product fills the use's texts from its template (the officer then adapts them). */
  const choose = (id: string | null) => {
    form.setValue('productId', id ?? '');
    const t = products.data?.items.find((p) => String(p.id) === id)?.template ?? {};
    for (const k of USE_TEXTS) if (t[k]) form.setValue(k, t[k] as string);
    if (t.automation) form.setValue('automation', t.automation);
    if (t.personalData !== undefined) form.setValue('personalData', t.personalData);
  };
  const submit = form.onSubmit(async (values) => {
    const { id } = await create.mutateAsync(bodyOf(values, user.unitId));
    await navigate(paths.aiSystem(id));
  });

  return (
    <>
      <PageHeader
        title="Đăng ký hệ thống AI"
        description={`Việc sử dụng hệ thống trí tuệ nhân tạo của ${user.unitName}.`}
      />
      <form ref={form.formRef} onSubmit={submit} noValidate>
        <Stack gap="md">
          <Section title="Sản phẩm" id="ai-product">
            <Stack gap="sm">
              <SegmentedControl
                fullWidth
                value={v.mode}
                onChange={(m) => form.setValue('mode', m)}
                aria-label="Sản phẩm"
                data={[
                  { value: 'existing', label: 'Có trong danh mục' },
                  { value: 'new', label: 'Sản phẩm mới' },
                ]}
              />
              {v.mode === 'existing' ? (
                <Select
                  label="Sản phẩm AI"
                  searchable
                  placeholder="Tìm theo tên"
                  value={v.productId || null}
                  onChange={choose}
                  error={err('productId')}
                  data={(products.data?.items ?? []).map((p) => ({
                    value: String(p.id),
                    label: `${p.name} – ${p.provider}${p.version ? ` (${p.version})` : ''}`,
                  }))}
                />
              ) : (
                <>
                  {text('name', 'Tên sản phẩm', { path: 'product.name' })}
                  {text('provider', 'Nhà cung cấp', { path: 'product.provider' })}
                  {text('version', 'Phiên bản', { path: 'product.version' })}
                  {text('function', 'Chức năng chính', { area: true, path: 'product.function' })}
                  {text('modelType', 'Loại mô hình', { path: 'product.modelType' })}
                  {text('trainingData', 'Dữ liệu huấn luyện (nếu biết)', { area: true, path: 'product.trainingData' })}
                  <Select
                    label="Mức rủi ro nhà cung cấp tự phân loại"
                    clearable
                    value={v.providerLevel || null}
                    onChange={(l) => form.setValue('providerLevel', l ?? '')}
                    data={[
                      { value: 'high', label: 'Rủi ro cao' },
                      { value: 'medium', label: 'Rủi ro trung bình' },
                      { value: 'low', label: 'Rủi ro thấp' },
                    ]}
                  />
                  {text('aiSystemId', 'Mã định danh hệ thống AI (Cổng một cửa, nếu có)', {
                    path: 'product.aiSystemId',
                  })}
                </>
              )}
            </Stack>
          </Section>
          <Section title="Việc sử dụng của đơn vị" id="ai-use">
            <Stack gap="sm">
              {text('purpose', 'Mục đích sử dụng', { area: true })}
              {text('scope', 'Phạm vi', { area: true })}
              {text('usersServed', 'Đối tượng phục vụ, số người sử dụng')}
              {text('inputData', 'Dữ liệu đầu vào', { area: true })}
              <Checkbox
                label="Có dữ liệu cá nhân"
                checked={v.personalData}
                onChange={(e) => form.setValue('personalData', e.currentTarget.checked)}
              />
              <Checkbox
                label="Có dữ liệu cá nhân nhạy cảm"
                checked={v.sensitiveData}
                onChange={(e) => form.setValue('sensitiveData', e.currentTarget.checked)}
              />
              {text('outputUse', 'Kết quả đầu ra được dùng vào việc gì', { area: true })}
              <Select
                label="Mức độ tự động hóa"
                data={AUTOMATION_OPTIONS}
                value={v.automation}
                allowDeselect={false}
                onChange={(a) => form.setValue('automation', a ?? 'assistive')}
              />
              {text('humanOversight', 'Giám sát, can thiệp của con người', { area: true })}
              {text('startDate', 'Ngày bắt đầu sử dụng (YYYY-MM-DD)')}
              {text('publicSummary', 'Tóm tắt công khai (ngôn ngữ dễ hiểu)', { area: true })}
              {text('contract', 'Hợp đồng, mua sắm (nội bộ)', { area: true })}
              {text('internalNotes', 'Ghi chú nội bộ', { area: true })}
            </Stack>
          </Section>
          <FormError error={form.serverError} fields={['productId', 'product', ...Object.keys(EMPTY)]} />
          <Group>
            <Button type="submit" loading={form.submitting}>
              Đăng ký
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
