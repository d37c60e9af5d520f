// Thiết lập văn bản of a unit: who signs its documents (title, name, TM. / KT. / Q.), the default one preselected when a
// leader approves or issues, the division of "Lưu: VT, …" and the abbreviation of its symbols. Unit admins edit it;
// the unit's leaders read it.
import { Link, useParams } from 'react-router';
import {
  ActionIcon,
  Alert,
  Anchor,
  Box,
  Breadcrumbs,
  Button,
  Card,
  Group,
  Loader,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconInfoCircle, IconPlus, IconTrash } from '@tabler/icons-react';
import { isApiError } from '../../api/client.ts';
import { useUnit, useUnitDocumentSettings } from '../../api/units.ts';
import type { UnitDetail } from '../../api/types.ts';
import type { UnitDocumentSettingsView } from '../../../../src/contracts/document-settings.ts';
import {
  SIGNING_AUTHORITIES,
  SIGNING_AUTHORITY_LABEL,
  signerLines,
  type SigningAuthority,
} from '../../../../src/domain/org/document-settings.ts';
import { FormError, LoadError } from '../../components/FieldError.tsx';
import { PageHeader } from '../../components/PageTitle.tsx';
import { paths } from '../../paths.ts';
import { NotFoundPage } from '../NotFoundPage.tsx';
import { useSettingsForm, type SettingsForm, type SignerRow } from './useSettingsForm.ts';

const AUTHORITY_OPTIONS = SIGNING_AUTHORITIES.map((a) => ({ value: a, label: SIGNING_AUTHORITY_LABEL[a] }));

export function UnitDocumentSettingsPage() {
  const unitId = Number(useParams().id);
  const valid = Number.isInteger(unitId) && unitId > 0;
  const unit = useUnit(valid ? unitId : null);
  const settings = useUnitDocumentSettings(valid ? unitId : null);
  if (!valid || (isApiError(unit.error) && unit.error.isNotFound)) return <NotFoundPage what="đơn vị" />;
  if (unit.isLoading || settings.isLoading)
    return (
      <Group p="md">
        <Loader size="sm" aria-hidden />
        <Text>Đang tải thiết lập văn bản…</Text>
      </Group>
    );
  if (!unit.data || !settings.data)
    return (
      <LoadError
        error={unit.error ?? settings.error}
        what="thiết lập văn bản của đơn vị"
        onRetry={() => void settings.refetch()}
      />
    );
  return <SettingsView detail={unit.data} saved={settings.data} />;
}

function SettingsView({ detail, saved }: { detail: UnitDetail; saved: UnitDocumentSettingsView }) {
  const { unit } = detail;
  const form = useSettingsForm(unit.id, saved);
  const editable = saved.can.edit;
  const breadcrumbs = (
    <Box component="nav" aria-label="Đơn vị">
      <Breadcrumbs separator="›" separatorMargin={6} style={{ flexWrap: 'wrap', rowGap: 4 }}>
        <Anchor component={Link} to={paths.units} size="sm">
          Đơn vị
        </Anchor>
        <Anchor component={Link} to={paths.unit(unit.id)} size="sm">
          {unit.shortName || unit.name}
        </Anchor>
        <Text size="sm" aria-current="page">
          Thiết lập văn bản
        </Text>
      </Breadcrumbs>
    </Box>
  );
  const division = form.values.draftingDivision.trim().toLocaleUpperCase('vi') || saved.fallback.draftingDivision;
  const suffix = form.values.symbolSuffix.trim().toLocaleUpperCase('vi') || saved.fallback.symbolSuffix;
  return (
    <>
      <PageHeader
        above={breadcrumbs}
        title="Thiết lập văn bản"
        documentTitle={`Thiết lập văn bản · ${unit.name}`}
        description={`Người ký, đơn vị soạn thảo và ký hiệu trên văn bản của ${unit.name}.`}
      />
      <form onSubmit={(e) => void form.submit(e)} noValidate>
        <Stack gap="md" maw={960}>
          {!editable ? (
            <Alert color="gray" variant="light" icon={<IconInfoCircle aria-hidden />}>
              Quản trị đơn vị (hoặc đơn vị cấp trên) thay đổi thiết lập này. Lãnh đạo chọn người ký trong danh sách khi
              duyệt hoặc ban hành văn bản.
            </Alert>
          ) : null}
          <Card withBorder radius="md" padding="md" component="section" aria-labelledby="vb-nguoi-ky">
            <Title order={2} size="h4" id="vb-nguoi-ky" mb={4}>
              Người ký
            </Title>
            <Text size="sm" c="dimmed" mb="sm">
              Người ký mặc định được chọn sẵn khi lãnh đạo duyệt báo cáo, công văn hoặc ban hành kế hoạch. Chưa có người
              ký thì văn bản ghi “{saved.fallback.signerLines.join(' / ')}” và tên lãnh đạo duyệt.
            </Text>
            <Stack gap="sm">
              {form.values.signers.map((s, i) => (
                <SignerFields key={s.row} form={form} row={s} i={i} unit={unit} editable={editable} />
              ))}
              {form.listErr('signers') ? (
                <Text size="sm" c="red.8" role="alert">
                  {form.listErr('signers')}
                </Text>
              ) : null}
              {editable ? (
                <Button
                  variant="light"
                  leftSection={<IconPlus size={18} aria-hidden />}
                  onClick={form.addSigner}
                  style={{ alignSelf: 'flex-start' }}
                  disabled={form.values.signers.length >= 20}
                >
                  Thêm người ký
                </Button>
              ) : null}
            </Stack>
          </Card>
          <Card withBorder radius="md" padding="md" component="section" aria-labelledby="vb-ky-hieu">
            <Title order={2} size="h4" id="vb-ky-hieu" mb="sm">
              Nơi lưu và ký hiệu
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <TextInput
                label="Đơn vị soạn thảo (Lưu: VT, …)"
                description={`Văn bản ghi “Lưu: VT, ${division ?? '…'}.”`}
                placeholder={saved.fallback.draftingDivision ?? 'VP'}
                value={form.values.draftingDivision}
                onChange={(e) => form.set('draftingDivision', e.currentTarget.value)}
                error={form.err('draftingDivision')}
                readOnly={!editable}
                maxLength={20}
              />
              <TextInput
                label="Ký hiệu cơ quan ban hành"
                description={`Báo cáo ghi “Số: …/BC-${suffix}”.`}
                placeholder={saved.fallback.symbolSuffix}
                value={form.values.symbolSuffix}
                onChange={(e) => form.set('symbolSuffix', e.currentTarget.value)}
                error={form.err('symbolSuffix')}
                readOnly={!editable}
                maxLength={20}
              />
            </SimpleGrid>
            <Text size="xs" c="dimmed" mt="xs">
              Để trống thì dùng quy tắc mặc định (gợi ý trong ô).
            </Text>
          </Card>
          {editable ? (
            <>
              <FormError error={form.serverError} fields={shownPaths(form)} />
              <Group>
                <Button type="submit" loading={form.submitting}>
                  Lưu thiết lập
                </Button>
                <Button component={Link} to={paths.unit(unit.id)} variant="default">
                  Về trang đơn vị
                </Button>
              </Group>
            </>
          ) : null}
        </Stack>
      </form>
    </>
  );
}

/** The paths the form shows next to a field: any other issue is listed under the form's message. */
function shownPaths(form: SettingsForm): string[] {
  return [
    'signers',
    'draftingDivision',
    'symbolSuffix',
    ...form.values.signers.flatMap((_, i) =>
      ['title', 'name', 'authority', 'isDefault'].map((f) => `signers.${i}.${f}`),
    ),
  ];
}

function SignerFields({
  form,
  row,
  i,
  unit,
  editable,
}: {
  form: SettingsForm;
  row: SignerRow;
  i: number;
  unit: UnitDetail['unit'];
  editable: boolean;
}) {
  const preview = row.title.trim() ? signerLines(row, { kind: unit.kind, name: unit.name }, 'named') : [];
  const n = i + 1;
  return (
    <Card withBorder radius="sm" padding="sm" bg="gray.0">
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <TextInput
          label={`Chức vụ (người ký ${n})`}
          placeholder="Phó Chủ tịch"
          required
          value={row.title}
          onChange={(e) => form.updateSigner(i, { title: e.currentTarget.value }, 'title')}
          error={form.err(`signers.${i}.title`)}
          readOnly={!editable}
        />
        <TextInput
          label={`Họ và tên (người ký ${n})`}
          placeholder="Nguyễn Văn A"
          required
          value={row.name}
          onChange={(e) => form.updateSigner(i, { name: e.currentTarget.value }, 'name')}
          error={form.err(`signers.${i}.name`)}
          readOnly={!editable}
        />
        <Select
          label={`Quyền hạn (người ký ${n})`}
          description="TM.: thay mặt tập thể; KT.: cấp phó ký thay; Q.: quyền người đứng đầu"
          data={AUTHORITY_OPTIONS}
          value={row.authority}
          allowDeselect={false}
          onChange={(v) => v && form.updateSigner(i, { authority: v as SigningAuthority }, 'authority')}
          error={form.err(`signers.${i}.authority`)}
          readOnly={!editable}
          comboboxProps={{ withinPortal: true }}
        />
      </SimpleGrid>
      <Group justify="space-between" align="flex-end" mt="xs" wrap="wrap" gap="xs">
        <Box>
          {preview.length ? (
            <Text size="xs" c="dimmed">
              In trên văn bản: {preview.join(' / ')}
              {row.name.trim() ? ` — ${row.name.trim()}` : ''}
            </Text>
          ) : null}
          <Radio
            mt={4}
            label="Người ký mặc định"
            checked={row.isDefault}
            onChange={() => form.updateSigner(i, { isDefault: true }, 'isDefault')}
            error={form.err(`signers.${i}.isDefault`)}
            disabled={!editable}
          />
        </Box>
        {editable ? (
          <ActionIcon
            variant="subtle"
            color="red.9"
            onClick={() => form.removeSigner(i)}
            aria-label={`Xóa người ký ${n}${row.name.trim() ? ` (${row.name.trim()})` : ''}`}
          >
            <IconTrash size={18} aria-hidden />
          </ActionIcon>
        ) : null}
      </Group>
    </Card>
  );
}
