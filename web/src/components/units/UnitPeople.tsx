// People of a unit, for those allowed to see them; a polite notice otherwise.
import { Link } from 'react-router';
import { Badge, Group, Loader, Stack, Text } from '@mantine/core';
import { IconUsers } from '@tabler/icons-react';
import { isApiError } from '../../api/client.ts';
import { useUnitUsers } from '../../api/users.ts';
import { collator, roleLabel } from '../../format.ts';
import { paths } from '../../paths.ts';
import { EmptyState } from '../EmptyState.tsx';
import { StatusBadge } from '../StatusBadge.tsx';
import { LoadError } from '../FieldError.tsx';

export function UnitPeople({ unitId, canManage }: { unitId: number; canManage: boolean }) {
  const { data, isLoading, error, refetch } = useUnitUsers(unitId);
  if (isLoading)
    return (
      <Group>
        <Loader size="xs" aria-hidden />
        <Text size="sm">Đang tải…</Text>
      </Group>
    );
  if (error) {
    if (isApiError(error) && (error.isForbidden || error.isUnauthorized)) {
      return (
        <Text size="sm" c="dimmed">
          Danh sách cán bộ chỉ hiển thị cho cán bộ thuộc đơn vị này hoặc đơn vị cấp trên.
        </Text>
      );
    }
    return <LoadError error={error} what="danh sách cán bộ" onRetry={() => void refetch()} />;
  }
  const people = [...(data ?? [])].sort((a, b) => collator.compare(a.fullName, b.fullName));
  if (!people.length) {
    return <EmptyState icon={<IconUsers size={24} />} title="Chưa có tài khoản nào thuộc đơn vị này" />;
  }
  return (
    <Stack gap="xs">
      <ul className="tap-list">
        {people.map((u) => (
          <li key={u.id} style={{ padding: '8px 4px' }}>
            <Group justify="space-between" gap="xs" wrap="wrap">
              <div>
                <Text fw={600}>{u.fullName}</Text>
                <Text size="sm" c="dimmed">
                  {u.username}
                  {u.email ? ` · ${u.email}` : ''}
                  {u.phone ? ` · ${u.phone}` : ''}
                </Text>
              </div>
              <Group gap={4}>
                {u.roles.map((r) => (
                  <Badge key={r} variant="outline" size="sm">
                    {roleLabel(r)}
                  </Badge>
                ))}
                {!u.isActive ? (
                  <StatusBadge tone="red" size="sm">
                    Đã khóa
                  </StatusBadge>
                ) : null}
              </Group>
            </Group>
          </li>
        ))}
      </ul>
      {canManage ? (
        <Text size="sm">
          <Link to={`${paths.users}?donVi=${unitId}`}>Quản lý tài khoản của đơn vị này</Link>
        </Text>
      ) : null}
    </Stack>
  );
}
