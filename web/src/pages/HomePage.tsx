import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Alert, Badge, Card, Group, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import {
  IconBuildingCommunity,
  IconChartBar,
  IconChecklist,
  IconClipboardList,
  IconHistory,
  IconInfoCircle,
  IconKey,
  IconMapPin,
  IconMessageReport,
  IconReportAnalytics,
  IconUsers,
} from '@tabler/icons-react';
import { useCurrentUser } from '../auth/SessionContext.tsx';
import { PageHeader } from '../components/PageTitle.tsx';
import { TodoList } from '../components/home/TodoList.tsx';
import { StatusBadge } from '../components/StatusBadge.tsx';
import { roleLabel, unitKindLabel } from '../format.ts';
import { paths } from '../paths.ts';

function greeting(now = new Date()): string {
  const h = Number(
    new Intl.DateTimeFormat('en-GB', { hour: '2-digit', hourCycle: 'h23', timeZone: 'Asia/Ho_Chi_Minh' }).format(now),
  );
  if (h < 11) return 'Chào buổi sáng';
  if (h < 14) return 'Chào buổi trưa';
  if (h < 18) return 'Chào buổi chiều';
  return 'Chào buổi tối';
}

function Shortcut({
  to,
  icon,
  title,
  description,
}: {
  to: string;
  icon: ReactNode;
  title: string;
  description: string;
}) {
  return (
    <Card component={Link} to={to} withBorder padding="md" radius="md" style={{ textDecoration: 'none' }}>
      <Group wrap="nowrap" align="flex-start">
        <ThemeIcon size={40} radius="md" variant="light" aria-hidden>
          {icon}
        </ThemeIcon>
        <div>
          <Text fw={600} c="thBlue.8">
            {title}
          </Text>
          <Text size="sm" c="dimmed">
            {description}
          </Text>
        </div>
      </Group>
    </Card>
  );
}

export function HomePage() {
  const user = useCurrentUser();
  return (
    <>
      <PageHeader title={`${greeting()}, ${user.fullName}`} documentTitle="Trang chủ" />
      <Stack gap="lg">
        {user.isDemo ? (
          <Alert color="yellow" variant="light" icon={<IconInfoCircle aria-hidden />}>
            Đây là tài khoản minh họa: chỉ dùng để dùng thử, không nhập dữ liệu thật.
          </Alert>
        ) : null}
        <section aria-labelledby="viec-can-lam">
          <Title order={2} size="h4" id="viec-can-lam" mb="sm">
            Việc cần làm
          </Title>
          <TodoList />
        </section>
        <Card withBorder padding="lg" radius="md">
          <Stack gap={6}>
            <Text size="sm" c="dimmed">
              Đơn vị của bạn
            </Text>
            <Title order={2} size="h3">
              <Link to={paths.unit(user.unitId)} style={{ color: 'inherit' }}>
                {user.unitName}
              </Link>
            </Title>
            <Group gap="xs">
              <StatusBadge tone="gray">{unitKindLabel(user.unitKind)}</StatusBadge>
              <Text size="sm" c="dimmed">
                Mã {user.unitCode}
              </Text>
            </Group>
            <Group gap="xs" mt={4}>
              <Text size="sm">Vai trò:</Text>
              {user.roles.map((r) => (
                <Badge key={r} variant="outline">
                  {roleLabel(r)}
                </Badge>
              ))}
            </Group>
          </Stack>
        </Card>

        <section aria-labelledby="loi-tat">
          <Title order={2} size="h4" id="loi-tat" mb="sm">
            Lối tắt
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
            <Shortcut
              to={paths.plans}
              icon={<IconClipboardList size={22} />}
              title="Kế hoạch"
              description="Kế hoạch triển khai thi hành luật của tỉnh, xã, phường; nhập từ tệp, rà soát “06 rõ”."
            />
            {user.can.followWork ? (
              <>
                <Shortcut
                  to={paths.assignments}
                  icon={<IconChecklist size={22} />}
                  title="Công việc"
                  description="Nhiệm vụ được giao cho đơn vị, hạn, tình trạng; cập nhật tiến độ, sản phẩm, minh chứng."
                />
                <Shortcut
                  to={paths.reports}
                  icon={<IconReportAnalytics size={22} />}
                  title="Báo cáo"
                  description="Lập, duyệt, gửi báo cáo năm (trước 15/12); tiếp nhận, tổng hợp báo cáo của cấp dưới."
                />
                <Shortcut
                  to={paths.obstacles}
                  icon={<IconMessageReport size={22} />}
                  title="Khó khăn, kiến nghị"
                  description="Khó khăn, kiến nghị đã gửi và câu trả lời; trả lời nếu đơn vị là đầu mối."
                />
                <Shortcut
                  to={paths.dashboard}
                  icon={<IconChartBar size={22} />}
                  title="Bảng điều khiển"
                  description="Tiến độ theo nhiệm vụ, theo xã, phường; việc quá hạn; báo cáo đã nhận, còn thiếu."
                />
              </>
            ) : null}
            <Shortcut
              to={paths.unit(user.unitId)}
              icon={<IconMapPin size={22} />}
              title="Đơn vị của tôi"
              description="Thông tin, tên cũ, các phòng, thôn, tổ dân phố và cán bộ."
            />
            <Shortcut
              to={paths.units}
              icon={<IconBuildingCommunity size={22} />}
              title="Tra cứu đơn vị"
              description="Tìm xã, phường, sở, ngành theo tên mới, tên cũ hoặc mã."
            />
            {user.can.manageUsers ? (
              <Shortcut
                to={paths.users}
                icon={<IconUsers size={22} />}
                title="Quản lý tài khoản"
                description="Tạo tài khoản, phân vai trò, khóa và đặt lại mật khẩu."
              />
            ) : null}
            {user.can.readAudit ? (
              <Shortcut
                to={paths.audit}
                icon={<IconHistory size={22} />}
                title="Nhật ký"
                description="Ai đã thay đổi gì, khi nào."
              />
            ) : null}
            <Shortcut
              to={paths.changePassword}
              icon={<IconKey size={22} />}
              title="Đổi mật khẩu"
              description="Đặt mật khẩu mới cho tài khoản của bạn."
            />
          </SimpleGrid>
        </section>
      </Stack>
    </>
  );
}
