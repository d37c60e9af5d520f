// Route guard: pages under it need a signed-in user; a user who must change the password goes there first.
import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { Button, Center, Loader, Stack, Text, Title } from '@mantine/core';
import { paths } from '../paths.ts';
import { useSession } from './SessionContext.tsx';

export function FullPageLoader({ label = 'Đang tải…' }: { label?: string }) {
  return (
    <Center mih="60vh" role="status" aria-live="polite">
      <Stack align="center" gap="xs">
        <Loader aria-hidden />
        <Text>{label}</Text>
      </Stack>
    </Center>
  );
}

export function RequireAuth({ children }: { children?: ReactNode }) {
  const { status, user, refresh } = useSession();
  const location = useLocation();
  if (status === 'loading') return <FullPageLoader label="Đang kiểm tra phiên đăng nhập…" />;
  if (status === 'error') {
    return (
      <Center component="main" mih="60vh" p="md">
        <Stack align="center" maw={420} ta="center">
          <Title order={1} size="h3">
            Không kết nối được máy chủ
          </Title>
          <Text>Hãy kiểm tra kết nối mạng rồi thử lại.</Text>
          <Button onClick={() => void refresh()}>Thử lại</Button>
        </Stack>
      </Center>
    );
  }
  if (!user) return <Navigate to={paths.login} replace state={{ from: `${location.pathname}${location.search}` }} />;
  if (user.mustChangePassword && location.pathname !== paths.changePassword)
    return <Navigate to={paths.changePassword} replace />;
  return children ?? <Outlet />;
}
