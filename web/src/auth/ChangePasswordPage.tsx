import { useNavigate } from 'react-router';
import { Alert, Button, Group, Paper, PasswordInput, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle } from '@tabler/icons-react';
import { authApi } from '../api/auth.ts';
import { PageHeader } from '../components/PageTitle.tsx';
import { FormError } from '../components/FieldError.tsx';
import { required, useApiForm } from '../components/form.ts';
import { paths } from '../paths.ts';
import { useCurrentUser, useSession } from './SessionContext.tsx';

export function ChangePasswordPage() {
  const user = useCurrentUser();
  const { refresh } = useSession();
  const navigate = useNavigate();
  const form = useApiForm({ currentPassword: '', newPassword: '', confirm: '' }, (v) => ({
    currentPassword: required(v.currentPassword, 'Vui lòng nhập mật khẩu hiện tại.'),
    newPassword:
      required(v.newPassword, 'Vui lòng nhập mật khẩu mới.') ??
      (v.newPassword.length < 10 ? 'Mật khẩu cần ít nhất 10 ký tự.' : undefined),
    confirm:
      required(v.confirm, 'Vui lòng nhập lại mật khẩu mới.') ??
      (v.confirm !== v.newPassword ? 'Hai lần nhập mật khẩu mới không khớp.' : undefined),
  }));

  const submit = form.onSubmit(async (v) => {
    await authApi.changePassword(v.currentPassword, v.newPassword);
    notifications.show({
      color: 'green',
      title: 'Đã đổi mật khẩu',
      message: 'Lần đăng nhập sau, hãy dùng mật khẩu mới.',
    });
    await refresh();
    await navigate(paths.home, { replace: true });
  });

  return (
    <>
      <PageHeader title="Đổi mật khẩu" description={`Tài khoản ${user.username}`} />
      <Paper withBorder p={{ base: 'md', sm: 'lg' }} maw={520}>
        <Stack>
          {user.mustChangePassword ? (
            <Alert color="orange" variant="light" icon={<IconInfoCircle aria-hidden />} title="Cần đổi mật khẩu">
              Bạn đang dùng mật khẩu tạm. Hãy đặt mật khẩu mới trước khi tiếp tục.
            </Alert>
          ) : null}
          <form ref={form.formRef} onSubmit={(e) => void submit(e)} noValidate>
            <Stack>
              <PasswordInput
                label={user.mustChangePassword ? 'Mật khẩu tạm (hiện tại)' : 'Mật khẩu hiện tại'}
                autoComplete="current-password"
                required
                value={form.values.currentPassword}
                onChange={(e) => form.setValue('currentPassword', e.currentTarget.value)}
                error={form.error('currentPassword')}
                visibilityToggleButtonProps={{ 'aria-label': 'Hiện hoặc ẩn mật khẩu hiện tại' }}
              />
              <PasswordInput
                label="Mật khẩu mới"
                autoComplete="new-password"
                required
                value={form.values.newPassword}
                onChange={(e) => form.setValue('newPassword', e.currentTarget.value)}
                error={form.error('newPassword')}
                visibilityToggleButtonProps={{ 'aria-label': 'Hiện hoặc ẩn mật khẩu mới' }}
                description="Ít nhất 10 ký tự, có 3 trong 4 loại: chữ thường, chữ hoa, chữ số, ký tự đặc biệt; không chứa tên đăng nhập."
              />
              <PasswordInput
                label="Nhập lại mật khẩu mới"
                autoComplete="new-password"
                required
                value={form.values.confirm}
                onChange={(e) => form.setValue('confirm', e.currentTarget.value)}
                error={form.error('confirm')}
                visibilityToggleButtonProps={{ 'aria-label': 'Hiện hoặc ẩn mật khẩu nhập lại' }}
              />
              <FormError error={form.serverError} fields={['currentPassword', 'newPassword']} />
              <Group justify="flex-end">
                {!user.mustChangePassword ? (
                  <Button variant="default" onClick={() => navigate(-1)}>
                    Hủy
                  </Button>
                ) : null}
                <Button type="submit" loading={form.submitting}>
                  Đổi mật khẩu
                </Button>
              </Group>
            </Stack>
          </form>
          <Text size="xs" c="dimmed">
            Sau khi đổi, các phiên đăng nhập khác của bạn (trên máy khác) sẽ bị đăng xuất.
          </Text>
        </Stack>
      </Paper>
    </>
  );
}
