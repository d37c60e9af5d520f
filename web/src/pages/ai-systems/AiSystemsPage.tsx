// Hệ thống AI: the uses registered by my unit and the units below it, with their level and assessment state.
import { Button, Card, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useAiUses } from '../../api/ai-systems.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ListContent } from '../../components/ListContent.tsx';
import { PageHeader } from '../../components/PageTitle.tsx';
import { PrintButton } from '../../components/Print.tsx';
import { useSearchText } from '../../components/searchParams.ts';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { count, shorten } from '../../format.ts';
import { paths } from '../../paths.ts';
import { LEVEL_TONE, STATE_TONE } from './labels.ts';

export function AiSystemsPage() {
  const { text, setText, q } = useSearchText();
  const list = useAiUses(q, null);
  return (
    <>
      <PageHeader
        title="Hệ thống AI"
        description="Hệ thống trí tuệ nhân tạo đơn vị và các đơn vị trực thuộc đang sử dụng: mức rủi ro, đánh giá tác động (Mẫu AI02), sự cố."
        actions={
          <>
            <Button component={Link} to={paths.aiSystemRegister} leftSection={<IconPlus size={16} aria-hidden />}>
              Đăng ký hệ thống
            </Button>
            <Button component={Link} to={paths.aiCoverage} variant="default">
              Tình hình theo đơn vị
            </Button>
            <Button component={Link} to={paths.publicAiSystems} variant="subtle">
              Trang công khai
            </Button>
            <PrintButton />
          </>
        }
      />
      <Stack gap="md">
        <TextInput
          label="Tìm hệ thống"
          placeholder="Tên sản phẩm, mục đích, đơn vị"
          value={text}
          leftSection={<IconSearch size={16} aria-hidden />}
          onChange={(e) => setText(e.currentTarget.value)}
        />
        <ListContent
          query={list}
          what="danh sách hệ thống AI"
          isEmpty={!list.data?.items.length}
          empty={
            <EmptyState
              title="Chưa có hệ thống AI nào"
              description="Đăng ký hệ thống AI đơn vị đang dùng hoặc dự kiến dùng."
            />
          }
        >
          {() => (
            <Stack gap="sm">
              <Text size="sm" c="dimmed">
                {count(list.data!.total, 'hệ thống')}
              </Text>
              {list.data!.items.map((u) => (
                <Card
                  key={u.id}
                  withBorder
                  radius="md"
                  padding="sm"
                  component={Link}
                  to={paths.aiSystem(u.id)}
                  aria-label={`${u.product.name} – ${u.unit.name}`}
                >
                  <Text fw={600}>{u.product.name}</Text>
                  <Text size="sm" c="dimmed">
                    {u.unit.name} · {u.statusLabel}
                  </Text>
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {shorten(u.purpose, 200)}
                  </Text>
                  <Group gap={6} mt={6}>
                    <StatusBadge tone={u.level ? LEVEL_TONE[u.level]! : 'gray'} size="sm">
                      {u.levelLabel}
                    </StatusBadge>
                    <StatusBadge tone={STATE_TONE[u.assessmentState]!} size="sm">
                      {u.assessmentStateLabel}
                    </StatusBadge>
                    {u.published ? (
                      <StatusBadge tone="blue" size="sm">
                        Đã công khai
                      </StatusBadge>
                    ) : null}
                    {u.needsReview ? (
                      <StatusBadge tone="orange" size="sm">
                        Cần phân loại lại
                      </StatusBadge>
                    ) : null}
                  </Group>
                </Card>
              ))}
            </Stack>
          )}
        </ListContent>
      </Stack>
    </>
  );
}
