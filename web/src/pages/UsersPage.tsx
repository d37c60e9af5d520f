import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Group,
  Menu,
  Paper,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconDots, IconKey, IconLock, IconLockOpen, IconPencil, IconUserPlus, IconUsers } from '@tabler/icons-react';
import { useUnitChoice } from '../components/unitChoice.ts';
import { usersApi, useUnitUsers, useUserMutation } from '../api/users.ts';
import type { User } from '../api/types.ts';
import { useCurrentUser } from '../auth/SessionContext.tsx';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { ListContent } from '../components/ListContent.tsx';
import { ListFilters, ListSummary } from '../components/ListHeader.tsx';
import { PageHeader } from '../components/PageTitle.tsx';
import { useSearchParamState, useSearchText } from '../components/searchParams.ts';
import { StatusBadge } from '../components/StatusBadge.tsx';
import { UnitSearch } from '../components/UnitSearch.tsx';
import { TemporaryPasswordModal } from '../components/users/TemporaryPasswordModal.tsx';
import { UserFormModal } from '../components/users/UserFormModal.tsx';
import { collator, count, formatDateTime, roleLabel } from '../format.ts';
import { paths } from '../paths.ts';
import { ScrollTable } from '../components/ScrollTable.tsx';
import { SearchField } from '../components/FilterFields.tsx';

type Dialog =
  | { kind: 'create' }
  | { kind: 'edit'; user: User }
  | { kind: 'reset'; user: User }
  | { kind: 'lock'; user: User }
  | { kind: 'password'; username: string; password: string; title: string }
  | null;

export function UsersPage() {
  const me = useCurrentUser();
  const { params, setParam } = useSearchParamState();
  const unitId = Number(params.get('donVi')) || me.unitId;
  const subunits = params.get('capDuoi') === '1';
  const { text, setText, q } = useSearchText();
  const isPhone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const [dialog, setDialog] = useState<Dialog>(null);

  const { unit, choice, remember } = useUnitChoice(unitId);
  const canManage = unit.data?.can.manageUsers ?? false;
  const list = useUnitUsers(unitId, { subunits, q });
  const users = useMemo(
    () => [...(list.data ?? [])].sort((a, b) => collator.compare(a.fullName, b.fullName)),
    [list.data],
  );

  const reset = useUserMutation((id: number) => usersApi.resetPassword(id));
  const setActive = useUserMutation((v: { id: number; isActive: boolean }) =>
    usersApi.update(v.id, { isActive: v.isActive }),
  );

  const actionsFor = (u: User) =>
    u.can.edit ? (
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon
            variant="subtle"
            color="gray"
            c="dark.6"
            size={36}
            aria-label={`Thao tác với tài khoản ${u.username}`}
          >
            <IconDots size={18} aria-hidden />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item
            leftSection={<IconPencil size={16} aria-hidden />}
            onClick={() => setDialog({ kind: 'edit', user: u })}
          >
            Sửa thông tin, vai trò
          </Menu.Item>
          <Menu.Item
            leftSection={<IconKey size={16} aria-hidden />}
            onClick={() => setDialog({ kind: 'reset', user: u })}
          >
            Đặt lại mật khẩu
          </Menu.Item>
          {u.can.lock ? (
            <Menu.Item
              leftSection={u.isActive ? <IconLock size={16} aria-hidden /> : <IconLockOpen size={16} aria-hidden />}
              color={u.isActive ? 'red.9' : undefined}
              onClick={() => setDialog({ kind: 'lock', user: u })}
            >
              {u.isActive ? 'Khóa tài khoản' : 'Mở khóa tài khoản'}
            </Menu.Item>
          ) : null}
        </Menu.Dropdown>
      </Menu>
    ) : null;

  const status = (u: User) => (
    <Group gap={4}>
      {u.isActive ? <StatusBadge tone="green">Hoạt động</StatusBadge> : <StatusBadge tone="red">Đã khóa</StatusBadge>}
      {u.mustChangePassword ? <StatusBadge tone="orange">Chờ đổi mật khẩu</StatusBadge> : null}
    </Group>
  );

  return (
    <>
      <PageHeader
        title="Quản lý tài khoản"
        description="Tài khoản cán bộ, công chức theo đơn vị."
        actions={
          canManage ? (
            <Button leftSection={<IconUserPlus size={18} aria-hidden />} onClick={() => setDialog({ kind: 'create' })}>
              Tạo tài khoản
            </Button>
          ) : null
        }
      />
      <Stack gap="md">
        <ListFilters label="Lọc tài khoản">
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
            <UnitSearch
              label="Đơn vị"
              value={choice}
              onChange={(u) => {
                if (u) {
                  remember(u);
                  setParam('donVi', String(u.id));
                }
              }}
              placeholder="Tìm đơn vị để xem tài khoản"
            />
            <SearchField
              label="Tìm tài khoản"
              placeholder="Họ tên hoặc tên đăng nhập"
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
            />
          </SimpleGrid>
          <Switch
            mt="sm"
            label="Gồm cả tài khoản của các đơn vị trực thuộc"
            checked={subunits}
            onChange={(e) => setParam('capDuoi', e.currentTarget.checked ? '1' : null)}
          />
        </ListFilters>

        <ListSummary
          extra={
            choice ? (
              <Text size="sm">
                <Link to={paths.unit(choice.id)}>Xem trang đơn vị</Link>
              </Text>
            ) : null
          }
        >
          {list.isFetching && !list.data
            ? 'Đang tải…'
            : list.data
              ? `${count(users.length, 'tài khoản')}${choice ? ` · ${choice.name}` : ''}`
              : ''}
        </ListSummary>

        <ListContent
          query={list}
          what="danh sách tài khoản"
          isEmpty={users.length === 0}
          empty={
            <EmptyState
              icon={<IconUsers size={24} />}
              title={
                q
                  ? 'Không có tài khoản nào khớp'
                  : subunits
                    ? 'Đơn vị này và các đơn vị trực thuộc chưa có tài khoản'
                    : 'Đơn vị này chưa có tài khoản'
              }
              description={
                q ? 'Hãy thử từ khóa khác, hoặc bật “Gồm cả tài khoản của các đơn vị trực thuộc”.' : undefined
              }
              action={
                canManage && !q ? (
                  <Button variant="light" onClick={() => setDialog({ kind: 'create' })}>
                    Tạo tài khoản
                  </Button>
                ) : undefined
              }
            />
          }
        >
          {() =>
            isPhone ? (
              <Stack gap="sm">
                {users.map((u) => (
                  <Card key={u.id} withBorder radius="md" padding="sm">
                    <Group justify="space-between" align="flex-start" wrap="nowrap">
                      <div style={{ minWidth: 0 }}>
                        <Text fw={600}>{u.fullName}</Text>
                        <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                          {u.username}
                        </Text>
                      </div>
                      {actionsFor(u)}
                    </Group>
                    {subunits ? (
                      <Text size="sm" mt={4}>
                        {u.unitName}
                      </Text>
                    ) : null}
                    <Group gap={4} mt={6}>
                      {u.roles.map((r) => (
                        <Badge key={r} variant="outline" size="sm">
                          {roleLabel(r)}
                        </Badge>
                      ))}
                    </Group>
                    <Group justify="space-between" mt={6} gap={4}>
                      {status(u)}
                      <Text size="xs" c="dimmed">
                        {u.lastLoginAt ? `Đăng nhập: ${formatDateTime(u.lastLoginAt)}` : 'Chưa đăng nhập'}
                      </Text>
                    </Group>
                  </Card>
                ))}
              </Stack>
            ) : (
              <Paper withBorder radius="md">
                <ScrollTable minWidth={760} label="Danh sách tài khoản">
                  <Table verticalSpacing="sm" highlightOnHover>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">Họ và tên</Table.Th>
                        <Table.Th scope="col">Tên đăng nhập</Table.Th>
                        {subunits ? <Table.Th scope="col">Đơn vị</Table.Th> : null}
                        <Table.Th scope="col">Vai trò</Table.Th>
                        <Table.Th scope="col">Trạng thái</Table.Th>
                        <Table.Th scope="col">Đăng nhập gần nhất</Table.Th>
                        {canManage ? (
                          <Table.Th scope="col">
                            <VisuallyHidden>Thao tác</VisuallyHidden>
                          </Table.Th>
                        ) : null}
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {users.map((u) => (
                        <Table.Tr key={u.id}>
                          <Table.Td>
                            <Text fw={600} size="sm">
                              {u.fullName}
                            </Text>
                            {u.email ? (
                              <Text size="xs" c="dimmed">
                                {u.email}
                              </Text>
                            ) : null}
                          </Table.Td>
                          <Table.Td>
                            <Text size="sm">{u.username}</Text>
                          </Table.Td>
                          {subunits ? (
                            <Table.Td>
                              <Text size="sm">{u.unitName}</Text>
                            </Table.Td>
                          ) : null}
                          <Table.Td>
                            <Group gap={4}>
                              {u.roles.map((r) => (
                                <Badge key={r} variant="outline" size="sm">
                                  {roleLabel(r)}
                                </Badge>
                              ))}
                            </Group>
                          </Table.Td>
                          <Table.Td>{status(u)}</Table.Td>
                          <Table.Td>
                            <Text size="sm">{u.lastLoginAt ? formatDateTime(u.lastLoginAt) : 'Chưa đăng nhập'}</Text>
                          </Table.Td>
                          {canManage ? <Table.Td ta="right">{actionsFor(u)}</Table.Td> : null}
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </ScrollTable>
              </Paper>
            )
          }
        </ListContent>
      </Stack>

      <UserFormModal
        opened={dialog?.kind === 'create'}
        onClose={() => setDialog((d) => (d?.kind === 'create' ? null : d))}
        mode="create"
        defaultUnit={choice}
        onCreated={(c) => {
          if (c.temporaryPassword)
            setDialog({
              kind: 'password',
              username: c.username,
              password: c.temporaryPassword,
              title: 'Đã tạo tài khoản',
            });
        }}
      />
      <UserFormModal
        opened={dialog?.kind === 'edit'}
        onClose={() => setDialog(null)}
        mode="edit"
        user={dialog?.kind === 'edit' ? dialog.user : null}
      />
      <ConfirmDialog
        opened={dialog?.kind === 'reset'}
        onClose={() => setDialog((d) => (d?.kind === 'reset' ? null : d))}
        title="Đặt lại mật khẩu"
        confirmLabel="Đặt lại mật khẩu"
        onConfirm={async () => {
          if (dialog?.kind !== 'reset') return;
          const u = dialog.user;
          const r = await reset.mutateAsync(u.id);
          setDialog({
            kind: 'password',
            username: u.username,
            password: r.temporaryPassword,
            title: 'Đã đặt lại mật khẩu',
          });
        }}
      >
        {dialog?.kind === 'reset'
          ? `Cấp mật khẩu tạm mới cho ${dialog.user.fullName} (${dialog.user.username})? Mật khẩu cũ hết hiệu lực và các phiên đăng nhập của tài khoản này kết thúc.`
          : ''}
      </ConfirmDialog>
      <ConfirmDialog
        opened={dialog?.kind === 'lock'}
        onClose={() => setDialog(null)}
        title={dialog?.kind === 'lock' && !dialog.user.isActive ? 'Mở khóa tài khoản' : 'Khóa tài khoản'}
        confirmLabel={dialog?.kind === 'lock' && !dialog.user.isActive ? 'Mở khóa' : 'Khóa tài khoản'}
        confirmColor={dialog?.kind === 'lock' && dialog.user.isActive ? 'red.9' : undefined}
        onConfirm={async () => {
          if (dialog?.kind !== 'lock') return;
          await setActive.mutateAsync({ id: dialog.user.id, isActive: !dialog.user.isActive });
        }}
      >
        {dialog?.kind === 'lock'
          ? dialog.user.isActive
            ? `Khóa tài khoản ${dialog.user.fullName} (${dialog.user.username})? Người này sẽ bị đăng xuất và không đăng nhập được nữa.`
            : `Mở khóa để ${dialog.user.fullName} (${dialog.user.username}) đăng nhập lại được?`
          : ''}
      </ConfirmDialog>
      <TemporaryPasswordModal
        opened={dialog?.kind === 'password'}
        onClose={() => setDialog(null)}
        username={dialog?.kind === 'password' ? dialog.username : ''}
        password={dialog?.kind === 'password' ? dialog.password : null}
        title={dialog?.kind === 'password' ? dialog.title : ''}
      />
    </>
  );
}
