// The shell of every signed-in page: header (menu button, name of the app, the user's menu), navigation, main.
import { useEffect, useRef } from 'react';
import { Link, NavLink as RouterNavLink, Outlet, useLocation, useNavigate, useNavigation } from 'react-router';
import {
  AppShell,
  Avatar,
  Box,
  Burger,
  Group,
  Menu,
  NavLink,
  Progress,
  ScrollArea,
  Stack,
  Text,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChevronDown, IconKey, IconLogout, IconUserCircle } from '@tabler/icons-react';
import { useCurrentUser, useSession } from '../auth/SessionContext.tsx';
import { rolesLabel } from '../format.ts';
import { paths } from '../paths.ts';
import { NotificationBell } from './NotificationBell.tsx';
import { PrintHeader } from '../components/Print.tsx';
import { visibleSections } from './navigation.ts';

function initials(name: string): string {
  const words = name.trim().split(/\s+/);
  const last = words[words.length - 1] ?? '';
  return last.slice(0, 1).toUpperCase() || '?';
}

export function AppLayout() {
  const user = useCurrentUser();
  const { logout } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const navigation = useNavigation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const restricted = user.mustChangePassword;

  // After moving to another page: the phone menu closes, and focus goes to the main content so keyboard
  // and screen-reader users start at the new page (not on a link that no longer exists).
  const mainRef = useRef<HTMLElement>(null);
  const firstPath = useRef(location.pathname);
  useEffect(() => {
    close();
    if (location.pathname !== firstPath.current) {
      firstPath.current = '';
      mainRef.current?.focus({ preventScroll: true });
      window.scrollTo(0, 0);
    }
  }, [location.pathname, close]);

  const signOut = async () => {
    await logout().catch(() => {});
    await navigate(paths.login, { replace: true });
  };

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !opened, desktop: restricted } }}
      padding={{ base: 'sm', sm: 'lg' }}
    >
      <a href="#noi-dung-chinh" className="skip-link">
        Bỏ qua, đến nội dung chính
      </a>
      <AppShell.Header>
        {navigation.state !== 'idle' ? (
          <Progress
            value={100}
            animated
            size={3}
            radius={0}
            pos="absolute"
            top={0}
            left={0}
            right={0}
            aria-label="Đang tải trang"
          />
        ) : null}
        <Group h="100%" px={{ base: 'xs', sm: 'md' }} justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            {!restricted ? (
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={opened ? 'Đóng menu điều hướng' : 'Mở menu điều hướng'}
                aria-expanded={opened}
                aria-controls="menu-dieu-huong"
              />
            ) : null}
            <Link
              to={paths.home}
              style={{ textDecoration: 'none', color: 'inherit' }}
              aria-label="Thi Hành – về trang chủ"
            >
              <Group gap={8} wrap="nowrap">
                <img src="/favicon.svg" alt="" width={28} height={28} />
                <Text fw={700} size="lg" c="thBlue.8">
                  Thi Hành
                </Text>
              </Group>
            </Link>
          </Group>
          <Group gap={4} wrap="nowrap">
            {!restricted ? <NotificationBell /> : null}
            <Menu position="bottom-end" width={260} shadow="md">
              <Menu.Target>
                <UnstyledButton style={{ borderRadius: 8 }} p={4}>
                  <Group gap={8} wrap="nowrap">
                    <Avatar color="thBlue" radius="xl" size={32} aria-hidden>
                      {initials(user.fullName)}
                    </Avatar>
                    <Box visibleFrom="sm" style={{ lineHeight: 1.2, textAlign: 'left' }}>
                      <Text size="sm" fw={600}>
                        {user.fullName}
                      </Text>
                      <Text size="xs" c="dimmed" maw={240} lh={1.2}>
                        {user.unitName}
                      </Text>
                    </Box>
                    <VisuallyHidden>Menu tài khoản</VisuallyHidden>
                    <IconChevronDown size={16} aria-hidden />
                  </Group>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>
                  <Text size="sm" fw={600} c="var(--mantine-color-text)">
                    {user.fullName}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {user.username} · {rolesLabel(user.roles)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {user.unitName}
                  </Text>
                </Menu.Label>
                <Menu.Divider />
                {!restricted ? (
                  <Menu.Item
                    leftSection={<IconUserCircle size={16} aria-hidden />}
                    component={Link}
                    to={paths.unit(user.unitId)}
                  >
                    Đơn vị của tôi
                  </Menu.Item>
                ) : null}
                <Menu.Item leftSection={<IconKey size={16} aria-hidden />} component={Link} to={paths.changePassword}>
                  Đổi mật khẩu
                </Menu.Item>
                <Menu.Item
                  leftSection={<IconLogout size={16} aria-hidden />}
                  color="red.9"
                  onClick={() => void signOut()}
                >
                  Đăng xuất
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="xs" id="menu-dieu-huong" aria-label="Điều hướng chính">
        <AppShell.Section grow component={ScrollArea}>
          <Stack gap="md">
            {visibleSections(user).map((section, i) => (
              <Box key={section.title ?? i}>
                {section.title ? (
                  <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" mb={4}>
                    {section.title}
                  </Text>
                ) : null}
                {section.items.map((item) => {
                  const active =
                    (item.matchPrefix
                      ? location.pathname === item.to || location.pathname.startsWith(`${item.to}/`)
                      : location.pathname === item.to) ||
                    !!item.alsoActive?.some((p) => location.pathname.startsWith(p));
                  return (
                    <NavLink
                      key={item.to}
                      component={RouterNavLink}
                      to={item.to}
                      label={item.label}
                      leftSection={<item.icon size={20} stroke={1.6} aria-hidden />}
                      active={active}
                      aria-current={active ? 'page' : undefined}
                      variant="light"
                      style={{ borderRadius: 8 }}
                    />
                  );
                })}
              </Box>
            ))}
          </Stack>
        </AppShell.Section>
        <AppShell.Section>
          <Text size="xs" c="dimmed" px="sm" py="xs">
            {user.unitName}
          </Text>
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main id="noi-dung-chinh" ref={mainRef} tabIndex={-1} style={{ outline: 'none' }}>
        <Box maw={1200} mx="auto">
          <PrintHeader unitName={user.unitName} />
          <Outlet />
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}
