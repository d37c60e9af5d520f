// The unit administrator's actions on a unit, each a modal form: add a child unit, rename, merge into…, retire.
import { useEffect } from 'react';
import { Alert, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { unitsApi, useUnitMutation } from '../../api/units.ts';
import type { Unit, UnitKind } from '../../api/types.ts';
import { unitKindLabel } from '../../format.ts';
import { FormError, fieldError } from '../FieldError.tsx';
import { required, useApiForm } from '../form.ts';
import { ModalFormButtons, ReasonModal, reasonCheck } from '../ReasonModal.tsx';
import { UnitSearch, type UnitChoice } from '../UnitSearch.tsx';

interface ModalProps {
  opened: boolean;
  onClose: () => void;
  unit: Unit;
}

export function AddChildModal({
  opened,
  onClose,
  unit,
  allowedKinds,
  onCreated,
}: ModalProps & { allowedKinds: readonly UnitKind[]; onCreated?: (u: Unit) => void }) {
  const initial = {
    kind: (allowedKinds.length === 1
      ? allowedKinds[0]
      : allowedKinds.includes('neighbourhood')
        ? 'neighbourhood'
        : '') as string,
    name: '',
    shortName: '',
  };
  const form = useApiForm(initial, (v) => ({
    kind: required(v.kind, 'Chọn loại đơn vị.'),
    name: required(v.name, 'Nhập tên đơn vị.') ?? (v.name.trim().length < 2 ? 'Tên cần ít nhất 2 ký tự.' : undefined),
  }));
  const mutation = useUnitMutation((v: { kind: UnitKind; name: string; shortName?: string }) =>
    unitsApi.createChild(unit.id, v),
  );
  useEffect(() => {
    if (opened) form.reset(initial);
  }, [opened]);

  const submit = form.onSubmit(async (v) => {
    const created = await mutation.mutateAsync({
      kind: v.kind as UnitKind,
      name: v.name.trim(),
      shortName: v.shortName.trim() || undefined,
    });
    notifications.show({ color: 'green', title: 'Đã thêm đơn vị', message: `${created.name} (mã ${created.code})` });
    onCreated?.(created);
    onClose();
  });

  return (
    <Modal opened={opened} onClose={onClose} title={`Thêm đơn vị trực thuộc ${unit.name}`} size="lg">
      <form ref={form.formRef} onSubmit={(e) => void submit(e)} noValidate>
        <Stack>
          <Select
            label="Loại đơn vị"
            required
            data={allowedKinds.map((k) => ({ value: k, label: unitKindLabel(k) }))}
            value={form.values.kind || null}
            onChange={(v) => form.setValue('kind', v ?? '')}
            error={form.error('kind')}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
          <TextInput
            label="Tên đơn vị"
            description="Tên đầy đủ như trên văn bản, ví dụ: Tổ dân phố Trung Kỳ."
            required
            value={form.values.name}
            onChange={(e) => form.setValue('name', e.currentTarget.value)}
            error={form.error('name')}
            data-autofocus
          />
          <TextInput
            label="Tên ngắn"
            description="Không bắt buộc; để trống thì dùng tên đầy đủ."
            value={form.values.shortName}
            onChange={(e) => form.setValue('shortName', e.currentTarget.value)}
            error={form.error('shortName')}
          />
          <FormError error={form.serverError} fields={['kind', 'name', 'shortName']} />
          <ModalFormButtons onClose={onClose} submitting={form.submitting} label="Thêm đơn vị" />
        </Stack>
      </form>
    </Modal>
  );
}

export function RenameModal({ opened, onClose, unit }: ModalProps) {
  const initial = { name: unit.name, shortName: unit.shortName === unit.name ? '' : unit.shortName };
  const form = useApiForm(initial, (v) => ({
    name: required(v.name, 'Nhập tên mới.') ?? (v.name.trim().length < 2 ? 'Tên cần ít nhất 2 ký tự.' : undefined),
  }));
  const mutation = useUnitMutation((v: { name: string; shortName?: string }) => unitsApi.rename(unit.id, v));
  useEffect(() => {
    if (opened) form.reset(initial);
  }, [opened, unit.id]);

  const submit = form.onSubmit(async (v) => {
    const renamed = await mutation.mutateAsync({ name: v.name.trim(), shortName: v.shortName.trim() || undefined });
    notifications.show({
      color: 'green',
      title: 'Đã đổi tên',
      message: `${unit.name} → ${renamed.name}. Tên cũ vẫn tìm được.`,
    });
    onClose();
  });

  return (
    <Modal opened={opened} onClose={onClose} title="Đổi tên đơn vị" size="lg">
      <form ref={form.formRef} onSubmit={(e) => void submit(e)} noValidate>
        <Stack>
          <Text size="sm">
            Tên hiện tại: <b>{unit.name}</b>. Tên này sẽ được lưu thành tên cũ để vẫn tra cứu được.
          </Text>
          <TextInput
            label="Tên mới"
            required
            value={form.values.name}
            onChange={(e) => form.setValue('name', e.currentTarget.value)}
            error={form.error('name')}
            data-autofocus
          />
          <TextInput
            label="Tên ngắn mới"
            description="Không bắt buộc."
            value={form.values.shortName}
            onChange={(e) => form.setValue('shortName', e.currentTarget.value)}
            error={form.error('shortName')}
          />
          <FormError error={form.serverError} fields={['name', 'shortName']} />
          <ModalFormButtons onClose={onClose} submitting={form.submitting} label="Đổi tên" />
        </Stack>
      </form>
    </Modal>
  );
}

function mergeTargetKinds(kind: UnitKind): UnitKind[] {
  return kind === 'commune' || kind === 'ward' ? ['commune', 'ward'] : [kind];
}

export function MergeModal({ opened, onClose, unit, onMerged }: ModalProps & { onMerged?: (intoId: number) => void }) {
  const form = useApiForm({ into: null as UnitChoice | null }, (v) => ({
    into: v.into ? undefined : 'Chọn đơn vị nhận sáp nhập.',
  }));
  const mutation = useUnitMutation((intoId: number) => unitsApi.merge(unit.id, intoId));
  useEffect(() => {
    if (opened) form.reset({ into: null });
  }, [opened, unit.id]);

  const submit = form.onSubmit(async (v) => {
    const into = v.into!;
    const result = await mutation.mutateAsync(into.id);
    notifications.show({
      color: 'green',
      title: 'Đã sáp nhập',
      message: `${unit.name} đã sáp nhập vào ${into.name}: chuyển ${result.movedChildren} đơn vị trực thuộc và ${result.movedUsers} tài khoản.`,
    });
    onClose();
    onMerged?.(into.id);
  });

  return (
    <Modal opened={opened} onClose={onClose} title={`Sáp nhập ${unit.name}`} size="lg">
      <form ref={form.formRef} onSubmit={(e) => void submit(e)} noValidate>
        <Stack>
          <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />}>
            Các đơn vị trực thuộc và tài khoản của {unit.name} sẽ chuyển sang đơn vị nhận. Tên {unit.name} được lưu làm
            tên cũ của đơn vị nhận. Việc này không hoàn tác được.
          </Alert>
          <UnitSearch
            label="Sáp nhập vào đơn vị"
            required
            kinds={mergeTargetKinds(unit.kind)}
            excludeIds={[unit.id]}
            value={form.values.into}
            onChange={(u) => form.setValue('into', u)}
            error={form.error('into') ?? fieldError(form.serverError, 'intoId')}
          />
          <FormError error={form.serverError} fields={['intoId']} />
          <ModalFormButtons onClose={onClose} submitting={form.submitting} label="Sáp nhập" />
        </Stack>
      </form>
    </Modal>
  );
}

export function RetireModal({ opened, onClose, unit }: ModalProps) {
  const mutation = useUnitMutation((reason: string) => unitsApi.retire(unit.id, reason));
  return (
    <ReasonModal
      opened={opened}
      onClose={onClose}
      size="lg"
      title={`Giải thể ${unit.name}`}
      intro={
        <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />}>
          Chỉ giải thể được khi đơn vị không còn đơn vị trực thuộc và không còn tài khoản đang hoạt động.
        </Alert>
      }
      label="Lý do giải thể"
      description="Ví dụ: số, ngày của quyết định giải thể."
      check={reasonCheck('Nhập lý do giải thể.', 'Lý do cần ít nhất 5 ký tự.')}
      confirmLabel="Giải thể"
      confirmColor="red.9"
      onConfirm={async (reason) => {
        await mutation.mutateAsync(reason);
        notifications.show({
          color: 'green',
          title: 'Đã giải thể',
          message: `${unit.name} đã chuyển sang trạng thái giải thể.`,
        });
      }}
    />
  );
}
