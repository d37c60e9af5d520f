import { Navigate, useLocation, useNavigate } from 'react-router';
import { Alert, Box, Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { usePageTitle } from '../components/PageTitle.tsx';
import { FormError } from '../components/FieldError.tsx';
import { required, useApiForm } from '../components/form.ts';
import { paths } from '../paths.ts';
import { FullPageLoader } from './RequireAuth.tsx';
import { useSession } from './SessionContext.tsx';

export function LoginPage() {
  usePageTitle('Đăng nhập');
  const { status, user, login, endedReason } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from;
  const form = useApiForm({ username: '', password: '' }, (v) => ({
    username: required(v.username, 'Vui lòng nhập tên đăng nhập.'),
    password: required(v.password, 'Vui lòng nhập mật khẩu.'),
  }));

  if (status === 'loading') return <FullPageLoader />;
  if (user) return <Navigate to={user.mustChangePassword ? paths.changePassword : (from ?? paths.home)} replace />;

  const submit = form.onSubmit(async (v) => {
    const u = await login(v.username.trim(), v.password);
    navigate(u.mustChangePassword ? paths.changePassword : from && from !== paths.login ? from : paths.home, {
      replace: true,
    });
  });

  return (
    <Box mih="100vh" bg="gray.0">
      <Box component="header" py="md" px="md">
        <Group gap={8} justify="center">
          <img src="/favicon.svg" alt="" width={32} height={32} />
          <Text fw={700} size="xl" c="thBlue.8">
            Thi Hành
          </Text>
        </Group>
      </Box>
      <Center component="main" px="md" pb="xl">
        <Paper withBorder shadow="sm" p={{ base: 'md', sm: 'xl' }} radius="md" w="100%" maw={420}>
          <Stack>
            <div>
              <Title order={1} size="h2">
                Đăng nhập
              </Title>
              <Text c="dimmed" size="sm" mt={4}>
                Tỉnh và xã, phường cùng triển khai thi hành luật.
              </Text>
            </div>
            {endedReason === 'expired' && !form.serverError ? (
              <Alert color="orange" variant="light" icon={<IconInfoCircle aria-hidden />}>
                Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.
              </Alert>
            ) : null}
            <form ref={form.formRef} onSubmit={(e) => void submit(e)} noValidate>
              <Stack>
                <TextInput
                  label="Tên đăng nhập"
                  name="username"
                  autoComplete="username"
                  autoCapitalize="none"
                  autoCorrect="off"
                  spellCheck={false}
                  required
                  value={form.values.username}
                  onChange={(e) => form.setValue('username', e.currentTarget.value)}
                  error={form.error('username')}
                />
                <PasswordInput
                  label="Mật khẩu"
                  name="password"
                  autoComplete="current-password"
                  required
                  value={form.values.password}
                  onChange={(e) => form.setValue('password', e.currentTarget.value)}
                  error={form.error('password')}
                  visibilityToggleButtonProps={{ 'aria-label': 'Hiện hoặc ẩn mật khẩu' }}
                />
                <FormError error={form.serverError} fields={['username', 'password']} />
                <Button type="submit" loading={form.submitting} fullWidth size="md">
                  Đăng nhập
                </Button>
              </Stack>
            </form>
            <Text size="xs" c="dimmed">
              Quên mật khẩu? Hãy liên hệ quản trị đơn vị của bạn để được cấp mật khẩu tạm.
            </Text>
          </Stack>
        </Paper>
      </Center>
    </Box>
  );
}
