// Create or edit an account: name, contact, unit, roles; lock/unlock when editing.
import { useEffect, useMemo } from 'react';
import {
  Button,
  Checkbox,
  Group,
  Modal,
  PasswordInput,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { usersApi, useUserMutation, type UpdateUserInput } from '../../api/users.ts';
import type { CreatedUser, Role, User } from '../../api/types.ts';
import { useCurrentUser } from '../../auth/SessionContext.tsx';
import { roleLabel } from '../../format.ts';
import { FormError, fieldError } from '../FieldError.tsx';
import { required, useApiForm, type Errors } from '../form.ts';
import { UnitSearch, type UnitChoice } from '../UnitSearch.tsx';

const ROLE_HINT: Record<Role, string> = {
  sysadmin: 'Toàn quyền trên hệ thống.',
  unitAdmin: 'Quản lý đơn vị cấp dưới, tài khoản và xem nhật ký.',
  leader: 'Duyệt, ký, ban hành; sửa kế hoạch, báo cáo.',
  officer: 'Soạn, cập nhật kế hoạch, tiến độ, báo cáo.',
  viewer: 'Chỉ xem.',
};

interface Values extends Record<string, unknown> {
  username: string;
  fullName: string;
  email: string;
  phone: string;
  unit: UnitChoice | null;
  roles: string[];
  password: string;
  isActive: boolean;
}

const USERNAME = /^[a-zA-Z0-9._-]+$/;
const PHONE = /^[0-9 +().-]{6,20}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function validate(mode: 'create' | 'edit') {
  return (v: Values): Errors<Values> => ({
    username:
      mode === 'create'
        ? (required(v.username, 'Nhập tên đăng nhập.') ??
          (v.username.trim().length < 3 ? 'Tên đăng nhập cần ít nhất 3 ký tự.' : undefined) ??
          (!USERNAME.test(v.username.trim()) ? 'Chỉ dùng chữ không dấu, chữ số và các dấu . _ -' : undefined))
        : undefined,
    fullName:
      required(v.fullName, 'Nhập họ và tên.') ??
      (v.fullName.trim().length < 2 ? 'Họ và tên cần ít nhất 2 ký tự.' : undefined),
    email: v.email.trim() && !EMAIL.test(v.email.trim()) ? 'Địa chỉ thư điện tử không hợp lệ.' : undefined,
    phone:
      v.phone.trim() && !PHONE.test(v.phone.trim())
        ? 'Số điện thoại gồm 6–20 chữ số (có thể có dấu cách, +, -, dấu chấm, ngoặc).'
        : undefined,
    unit: v.unit ? undefined : 'Chọn đơn vị.',
    roles: v.roles.length ? undefined : 'Chọn ít nhất một vai trò.',
  });
}

export function UserFormModal({
  opened,
  onClose,
  mode,
  user,
  defaultUnit,
  onCreated,
}: {
  opened: boolean;
  onClose: () => void;
  mode: 'create' | 'edit';
  /** The account being edited. */
  user?: User | null;
  defaultUnit?: UnitChoice | null;
  onCreated?: (created: CreatedUser) => void;
}) {
  const me = useCurrentUser();
  const initial = useMemo<Values>(
    () => ({
      username: user?.username ?? '',
      fullName: user?.fullName ?? '',
      email: user?.email ?? '',
      phone: user?.phone ?? '',
      unit: user ? { id: user.unitId, name: user.unitName } : (defaultUnit ?? null),
      roles: user?.roles ?? ['officer'],
      password: '',
      isActive: user?.isActive ?? true,
    }),
    [user, defaultUnit],
  );
  const form = useApiForm<Values>(initial, validate(mode));
  const create = useUserMutation(usersApi.create);
  const update = useUserMutation((v: { id: number; body: UpdateUserInput }) => usersApi.update(v.id, v.body));

  useEffect(() => {
    if (opened) form.reset(initial);
  }, [opened, user?.id]);

  const roles = me.can.grantRoles;
  const isSelf = user?.id === me.id;

  const submit = form.onSubmit(async (v) => {
    const email = v.email.trim() || null;
    const phone = v.phone.trim() || null;
    if (mode === 'create') {
      const created = await create.mutateAsync({
        username: v.username.trim(),
        fullName: v.fullName.trim(),
        email,
        phone,
        unitId: v.unit!.id,
        roles: v.roles as Role[],
        password: v.password || undefined,
      });
      notifications.show({
        color: 'green',
        title: 'Đã tạo tài khoản',
        message: `${v.fullName.trim()} (${created.username})`,
      });
      onCreated?.(created);
      onClose();
      return;
    }
    const u = user!;
    const body: UpdateUserInput = {};
    if (v.fullName.trim() !== u.fullName) body.fullName = v.fullName.trim();
    if (email !== (u.email ?? null)) body.email = email;
    if (phone !== (u.phone ?? null)) body.phone = phone;
    if (v.unit!.id !== u.unitId) body.unitId = v.unit!.id;
    if ([...v.roles].sort().join() !== [...u.roles].sort().join()) body.roles = v.roles as Role[];
    if (v.isActive !== u.isActive) body.isActive = v.isActive;
    if (Object.keys(body).length === 0) {
      notifications.show({ color: 'gray', message: 'Không có thay đổi nào để lưu.' });
      onClose();
      return;
    }
    await update.mutateAsync({ id: u.id, body });
    notifications.show({ color: 'green', title: 'Đã lưu', message: `Đã cập nhật tài khoản ${u.username}.` });
    onClose();
  });

  const fields = ['username', 'fullName', 'email', 'phone', 'unitId', 'roles', 'password', 'isActive'];

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={mode === 'create' ? 'Tạo tài khoản' : `Sửa tài khoản ${user?.username ?? ''}`}
      size="lg"
    >
      <form ref={form.formRef} onSubmit={(e) => void submit(e)} noValidate>
        <Stack>
          {mode === 'create' ? (
            <TextInput
              label="Tên đăng nhập"
              description="Chữ không dấu, chữ số và . _ - ; ví dụ: namsamson.nguyenvana"
              required
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              value={form.values.username}
              onChange={(e) => form.setValue('username', e.currentTarget.value)}
              error={form.error('username')}
              data-autofocus
            />
          ) : null}
          <TextInput
            label="Họ và tên"
            required
            value={form.values.fullName}
            onChange={(e) => form.setValue('fullName', e.currentTarget.value)}
            error={form.error('fullName')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="Thư điện tử"
              type="email"
              autoComplete="off"
              value={form.values.email}
              onChange={(e) => form.setValue('email', e.currentTarget.value)}
              error={form.error('email')}
            />
            <TextInput
              label="Số điện thoại"
              type="tel"
              autoComplete="off"
              value={form.values.phone}
              onChange={(e) => form.setValue('phone', e.currentTarget.value)}
              error={form.error('phone')}
            />
          </SimpleGrid>
          <UnitSearch
            label="Đơn vị"
            required
            value={form.values.unit}
            onChange={(u) => form.setValue('unit', u)}
            error={form.error('unit') ?? fieldError(form.serverError, 'unitId')}
          />
          <Checkbox.Group
            label="Vai trò"
            required
            value={form.values.roles}
            onChange={(v) => form.setValue('roles', v)}
            error={form.error('roles')}
          >
            <Stack gap={8} mt={6}>
              {roles.map((r) => (
                <Checkbox key={r} value={r} label={roleLabel(r)} description={ROLE_HINT[r]} />
              ))}
            </Stack>
          </Checkbox.Group>
          {mode === 'create' ? (
            <PasswordInput
              label="Mật khẩu"
              description="Không bắt buộc. Để trống thì hệ thống cấp mật khẩu tạm; người dùng phải đổi khi đăng nhập lần đầu."
              autoComplete="new-password"
              value={form.values.password}
              onChange={(e) => form.setValue('password', e.currentTarget.value)}
              error={form.error('password')}
              visibilityToggleButtonProps={{ 'aria-label': 'Hiện hoặc ẩn mật khẩu' }}
            />
          ) : (
            <Switch
              label="Tài khoản đang hoạt động"
              description={
                isSelf
                  ? 'Bạn không thể tự khóa tài khoản của mình.'
                  : 'Tắt để khóa: người dùng không đăng nhập được nữa.'
              }
              checked={form.values.isActive}
              disabled={isSelf}
              onChange={(e) => form.setValue('isActive', e.currentTarget.checked)}
              error={form.error('isActive')}
            />
          )}
          <FormError error={form.serverError} fields={fields} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} disabled={form.submitting}>
              Hủy
            </Button>
            <Button type="submit" loading={form.submitting}>
              {mode === 'create' ? 'Tạo tài khoản' : 'Lưu thay đổi'}
            </Button>
          </Group>
          {mode === 'edit' && user?.lastLoginAt === null ? (
            <Text size="xs" c="dimmed">
              Tài khoản này chưa đăng nhập lần nào.
            </Text>
          ) : null}
        </Stack>
      </form>
    </Modal>
  );
}
