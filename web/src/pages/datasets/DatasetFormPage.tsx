// Thêm / sửa bộ dữ liệu: the catalogue entry (Nghị định 142/2026 Đ35: what is shared, on what conditions, for what
// purpose, under which standards, by which method, with whom to talk). Fields are named by their API paths so the
// server's message lands under its field; what was typed stays when the server refuses.
import {
  Anchor,
  Button,
  Checkbox,
  CloseButton,
  Group,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useEffect, useMemo } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import {
  ACCESS_CLASS_LABEL,
  ACCESS_METHOD_LABEL,
  datasetsApi,
  LABELLING_LABEL,
  UPDATE_FREQUENCY_LABEL,
  useDataset,
  useDatasetMutation,
  useDatasetSectors,
  type AccessMethod,
  type DatasetDetail,
  type DatasetInput,
} from '../../api/datasets.ts';
import { useUnit } from '../../api/units.ts';
import { useCurrentUser } from '../../auth/SessionContext.tsx';
import { DateField } from '../../components/DateField.tsx';
import { fieldError, FormError, LoadError } from '../../components/FieldError.tsx';
import { useApiForm, type Errors } from '../../components/form.ts';
import { PageHeader } from '../../components/PageTitle.tsx';
import { Section } from '../../components/Section.tsx';
import { UnitSearch } from '../../components/UnitSearch.tsx';
import { paths } from '../../paths.ts';

interface UnitRef {
  id: number;
  name: string;
}
const EMPTY = {
  unitId: '',
  title: '',
  description: '',
  sector: '',
  keywords: [] as string[],
  accessClass: 'open',
  licence: '',
  purposeLimits: '',
  updateFrequency: 'irregular',
  temporalStart: null as string | null,
  temporalEnd: null as string | null,
  spatial: [] as UnitRef[],
  standards: '',
  legalBasis: '',
  contactName: '',
  contactEmail: '',
  contactPhone: '',
  accessMethods: ['download'] as string[],
  labelling: 'none',
  labellingNote: '',
  internalNotes: '',
  changeNote: '',
};
type Values = typeof EMPTY;
const FIELDS = [...Object.keys(EMPTY), 'spatialUnitIds'];
const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

function valuesOf(d: DatasetDetail): Values {
  return {
    unitId: String(d.unit.id),
    title: d.title,
    description: d.description,
    sector: d.sector,
    keywords: d.keywords,
    accessClass: d.accessClass,
    licence: d.licence,
    purposeLimits: d.purposeLimits,
    updateFrequency: d.updateFrequency,
    temporalStart: d.temporalStart,
    temporalEnd: d.temporalEnd,
    spatial: d.spatial.map((u) => ({ id: u.id, name: u.name })),
    standards: d.standards,
    legalBasis: d.legalBasis,
    contactName: d.contactName,
    contactEmail: d.contactEmail,
    contactPhone: d.contactPhone,
    accessMethods: d.accessMethods,
    labelling: d.labelling,
    labellingNote: d.labellingNote,
    internalNotes: d.internalNotes,
    changeNote: '',
  };
}

function bodyOf(v: Values): DatasetInput {
  return {
    ...v,
    unitId: Number(v.unitId),
    accessClass: v.accessClass as DatasetInput['accessClass'],
    updateFrequency: v.updateFrequency as DatasetInput['updateFrequency'],
    labelling: v.labelling as DatasetInput['labelling'],
    accessMethods: v.accessMethods as AccessMethod[],
    spatialUnitIds: v.spatial.map((u) => u.id),
  };
}

function validate(v: Values): Errors<Values> {
  return {
    unitId: v.unitId ? undefined : 'Chọn đơn vị quản lý bộ dữ liệu.',
    title: v.title.trim().length < 3 ? 'Nhập tên bộ dữ liệu (ít nhất 3 ký tự).' : undefined,
    sector: v.sector ? undefined : 'Chọn lĩnh vực.',
    accessMethods: v.accessMethods.length ? undefined : 'Chọn ít nhất một phương thức truy cập.',
    temporalEnd:
      v.temporalStart && v.temporalEnd && v.temporalEnd < v.temporalStart
        ? 'Thời gian kết thúc phải sau thời gian bắt đầu.'
        : undefined,
  };
}

/** The units a user may file a dataset under: their own and the units directly below it (the server decides). */
function useOwnUnits(current: UnitRef | null) {
  const user = useCurrentUser();
  const own = useUnit(user.unitId);
  return useMemo(() => {
    const list: UnitRef[] = [{ id: user.unitId, name: user.unitName }];
    for (const c of own.data?.children ?? []) if (c.status === 'active') list.push({ id: c.id, name: c.name });
    if (current && !list.some((u) => u.id === current.id)) list.unshift(current);
    return list.map((u) => ({ value: String(u.id), label: u.name }));
  }, [own.data, user.unitId, user.unitName, current?.id]);
}

export function DatasetFormPage() {
  const id = Number(useParams().id) || 0;
  const existing = useDataset(id);
  if (id && existing.error) return <LoadError error={existing.error} what="bộ dữ liệu" />;
  if (id && !existing.data) return <Text>Đang tải…</Text>;
  return <DatasetForm key={id} existing={existing.data ?? null} />;
}

function DatasetForm({ existing }: { existing: DatasetDetail | null }) {
  const user = useCurrentUser();
  const navigate = useNavigate();
  const sectors = useDatasetSectors();
  const form = useApiForm<Values>(
    existing ? valuesOf(existing) : { ...EMPTY, unitId: String(user.unitId), contactName: user.fullName },
    validate,
  );
  const units = useOwnUnits(existing ? existing.unit : null);
  const save = useDatasetMutation((b: DatasetInput) =>
    existing ? datasetsApi.update(existing.id, b).then(() => ({ id: existing.id })) : datasetsApi.create(b),
  );
  const v = form.values;
  useEffect(() => {
    if (!existing && !v.contactEmail && user.email) form.setValues((x) => ({ ...x, contactEmail: user.email ?? '' }));
  }, []);
  const err = (key: keyof Values & string, path: string = key) => form.error(key) ?? fieldError(form.serverError, path);
  const text = (key: keyof Values & string, label: string, opts: { area?: boolean; description?: string } = {}) => {
    const Input = opts.area ? Textarea : TextInput;
    return (
      <Input
        label={label}
        description={opts.description}
        value={String(v[key] ?? '')}
        error={err(key)}
        autosize={opts.area ? true : undefined}
        minRows={opts.area ? 2 : undefined}
        onChange={(e) => form.setValue(key, e.currentTarget.value as never)}
      />
    );
  };
  const submit = form.onSubmit(async (values) => {
    const { id } = await save.mutateAsync(bodyOf(values));
    await navigate(paths.dataset(id));
  });

  return (
    <>
      <PageHeader
        title={existing ? `Sửa: ${existing.title}` : 'Thêm bộ dữ liệu'}
        documentTitle={existing ? 'Sửa bộ dữ liệu' : 'Thêm bộ dữ liệu'}
        above={
          <Anchor component={Link} to={existing ? paths.dataset(existing.id) : paths.datasets} size="sm">
            ← {existing ? existing.title : 'CSDL phục vụ AI'}
          </Anchor>
        }
      />
      <form ref={form.formRef} onSubmit={submit} noValidate>
        <Stack gap="md">
          <Section title="Thông tin chung" id="ds-general">
            <Stack gap="sm">
              <Select
                label="Đơn vị quản lý"
                required
                allowDeselect={false}
                data={units}
                value={v.unitId || null}
                onChange={(u) => form.setValue('unitId', u ?? '')}
                error={err('unitId')}
              />
              <TextInput
                label="Tên bộ dữ liệu"
                required
                value={v.title}
                error={err('title')}
                onChange={(e) => form.setValue('title', e.currentTarget.value)}
              />
              {text('description', 'Mô tả', { area: true })}
              <Select
                label="Lĩnh vực"
                required
                searchable
                data={(sectors.data ?? []).map((s) => ({ value: s.code, label: s.name }))}
                value={v.sector || null}
                onChange={(s) => form.setValue('sector', s ?? '')}
                error={err('sector')}
                description="Theo Danh mục cơ sở dữ liệu, dữ liệu dùng chung thiết yếu."
              />
              <TagsInput
                label="Từ khóa"
                description="Gõ từ khóa rồi nhấn Enter."
                value={v.keywords}
                onChange={(k) => form.setValue('keywords', k)}
                error={err('keywords')}
                clearable
              />
            </Stack>
          </Section>
          <Section title="Điều kiện truy cập" id="ds-access">
            <Stack gap="sm">
              <Radio.Group
                label="Loại dữ liệu"
                value={v.accessClass}
                onChange={(c) => form.setValue('accessClass', c)}
                error={err('accessClass')}
              >
                <Stack gap={6} mt={4}>
                  {options(ACCESS_CLASS_LABEL).map((o) => (
                    <Radio key={o.value} value={o.value} label={o.label} />
                  ))}
                </Stack>
              </Radio.Group>
              {text('licence', 'Giấy phép, điều khoản sử dụng', { area: true })}
              {text('purposeLimits', 'Giới hạn mục đích sử dụng', { area: true })}
              <Checkbox.Group
                label="Phương thức truy cập"
                value={v.accessMethods}
                onChange={(m) => form.setValue('accessMethods', m)}
                error={err('accessMethods')}
              >
                <Stack gap={6} mt={4}>
                  {options(ACCESS_METHOD_LABEL).map((o) => (
                    <Checkbox key={o.value} value={o.value} label={o.label} />
                  ))}
                </Stack>
              </Checkbox.Group>
            </Stack>
          </Section>
          <CoverageSection form={form} err={err} />
          <Section title="Tiêu chuẩn, căn cứ, gán nhãn" id="ds-standards">
            <Stack gap="sm">
              {text('standards', 'Tiêu chuẩn, quy chuẩn kỹ thuật áp dụng', { area: true })}
              {text('legalBasis', 'Căn cứ pháp lý', { area: true })}
              <Select
                label="Tình trạng gán nhãn, chú thích"
                allowDeselect={false}
                data={options(LABELLING_LABEL)}
                value={v.labelling}
                onChange={(l) => form.setValue('labelling', l ?? 'none')}
              />
              {text('labellingNote', 'Ghi chú về gán nhãn', { area: true })}
            </Stack>
          </Section>
          <Section title="Đầu mối hỗ trợ kỹ thuật" id="ds-contact">
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              {text('contactName', 'Họ và tên')}
              {text('contactEmail', 'Thư điện tử')}
              {text('contactPhone', 'Số điện thoại')}
            </SimpleGrid>
          </Section>
          <Section title="Nội bộ" id="ds-internal">
            <Stack gap="sm">
              {text('internalNotes', 'Ghi chú nội bộ', {
                area: true,
                description: 'Chỉ đơn vị quản lý xem được; không công khai, không gửi CSDL quốc gia.',
              })}
              {existing ? text('changeNote', 'Nội dung thay đổi (ghi vào lịch sử phiên bản)') : null}
            </Stack>
          </Section>
          <FormError error={form.serverError} fields={FIELDS} />
          <Group>
            <Button type="submit" loading={form.submitting}>
              {existing ? 'Lưu thay đổi' : 'Lưu bộ dữ liệu'}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}

const CHIP = { border: '1px solid var(--mantine-color-gray-4)', borderRadius: 16, padding: '0 2px 0 10px' };
type Form = ReturnType<typeof useApiForm<Values>>;

/** Update frequency, temporal coverage and the communes the data covers. */
function CoverageSection({
  form,
  err,
}: {
  form: Form;
  err: (k: keyof Values & string, p?: string) => string | undefined;
}) {
  const v = form.values;
  return (
    <Section title="Phạm vi, tần suất cập nhật" id="ds-coverage">
      <Stack gap="sm">
        <Select
          label="Tần suất cập nhật"
          allowDeselect={false}
          data={options(UPDATE_FREQUENCY_LABEL)}
          value={v.updateFrequency}
          onChange={(f) => form.setValue('updateFrequency', f ?? 'irregular')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <DateField
            label="Dữ liệu từ ngày"
            value={v.temporalStart}
            onChange={(d) => form.setValue('temporalStart', d)}
            error={err('temporalStart')}
          />
          <DateField
            label="Đến ngày"
            value={v.temporalEnd}
            onChange={(d) => form.setValue('temporalEnd', d)}
            error={err('temporalEnd')}
          />
        </SimpleGrid>
        <UnitSearch
          key={v.spatial.length}
          label="Xã, phường có dữ liệu"
          description="Chọn lần lượt từng xã, phường (để trống nếu dữ liệu toàn tỉnh)."
          kinds={['commune', 'ward']}
          value={null}
          excludeIds={v.spatial.map((u) => u.id)}
          error={err('spatial', 'spatialUnitIds')}
          onChange={(u) => {
            if (u) form.setValue('spatial', [...v.spatial, { id: u.id, name: u.name }]);
          }}
        />
        {v.spatial.length > 0 ? (
          <Group gap={6} component="ul" aria-label="Xã, phường đã chọn" style={{ listStyle: 'none', padding: 0 }}>
            {v.spatial.map((u) => (
              <Group key={u.id} component="li" gap={2} wrap="nowrap" style={CHIP}>
                <Text size="sm">{u.name}</Text>
                <CloseButton
                  size="sm"
                  aria-label={`Bỏ ${u.name}`}
                  onClick={() =>
                    form.setValue(
                      'spatial',
                      v.spatial.filter((x) => x.id !== u.id),
                    )
                  }
                />
              </Group>
            ))}
          </Group>
        ) : null}
      </Stack>
    </Section>
  );
}
