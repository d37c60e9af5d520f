import { Link } from 'react-router';
import { Button, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconMapSearch } from '@tabler/icons-react';
import { usePageTitle } from '../components/PageTitle.tsx';
import { paths } from '../paths.ts';

export function NotFoundPage({ what }: { what?: string }) {
  usePageTitle('Không tìm thấy trang');
  return (
    <Stack align="center" ta="center" py={48} px="md" gap="sm">
      <ThemeIcon size={64} radius="xl" variant="light" aria-hidden>
        <IconMapSearch size={34} />
      </ThemeIcon>
      <Text fw={700} c="dimmed" size="sm">
        Lỗi 404
      </Text>
      <Title order={1} size="h2">
        {what ? `Không tìm thấy ${what}` : 'Không tìm thấy trang'}
      </Title>
      <Text c="dimmed" maw={460}>
        Địa chỉ bạn mở không tồn tại hoặc đã được chuyển đi. Hãy kiểm tra lại đường dẫn, hoặc quay về trang chủ.
      </Text>
      <Group mt="sm">
        <Button component={Link} to={paths.home}>
          Về trang chủ
        </Button>
        <Button component={Link} to={paths.units} variant="default">
          Tra cứu đơn vị
        </Button>
      </Group>
    </Stack>
  );
}
