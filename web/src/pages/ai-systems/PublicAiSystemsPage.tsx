// Công khai: the AI systems the province's agencies and communes use, in plain language (never internal notes or
// contract details), with their published AI02 and how to send feedback; JSON and CSV for machines.
import { Anchor, Button, Card, Container, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { aiUrls, usePublicAiSystem, usePublicAiSystems, type PublicAiSystem } from '../../api/ai-systems.ts';
import { RISK_LEVEL_LABEL, UNCLASSIFIED_LABEL } from '../../../../src/domain/ai-systems/model.ts';
import { useSearchParamState, useSearchText } from '../../components/searchParams.ts';
import { LoadError } from '../../components/FieldError.tsx';
import { usePageTitle } from '../../components/PageTitle.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { formatDate } from '../../format.ts';
import { paths } from '../../paths.ts';
import { LEVEL_TONE } from './labels.ts';
import { FilterSelect, SearchField } from '../../components/FilterFields.tsx';

function SystemCard({ s, open }: { s: PublicAiSystem; open: boolean }) {
  return (
    <Card withBorder radius="md" padding="md" id={`ai-${s.id}`} data-testid="public-ai-system" component="article">
      <Title order={2} size="h4">
        <Anchor underline="always" href={paths.publicAiSystem(s.id)}>
          {s.name}
        </Anchor>
      </Title>
      <Text size="sm" c="dimmed">
        {s.unitName} · {s.provider} · {s.statusLabel}
      </Text>
      <Group gap={6} my={6}>
        <StatusBadge tone={s.level ? LEVEL_TONE[s.level]! : 'gray'} size="sm">
          {s.levelLabel}
        </StatusBadge>
      </Group>
      <Text size="sm">{s.summary}</Text>
      {open ? (
        <Stack gap={4} mt="xs">
          <Text size="sm">
            <b>Mục đích:</b> {s.purpose}
          </Text>
          <Text size="sm">
            <b>Mức độ tự động:</b> {s.automation}
          </Text>
          {s.humanOversight ? (
            <Text size="sm">
              <b>Giám sát của con người:</b> {s.humanOversight}
            </Text>
          ) : null}
          {s.startDate ? (
            <Text size="sm">
              <b>Bắt đầu sử dụng:</b> {formatDate(s.startDate)}
            </Text>
          ) : null}
        </Stack>
      ) : null}
      <Text size="sm" mt="xs">
        {s.assessment ? (
          <Anchor underline="always" href={s.assessment.url}>
            Báo cáo đánh giá tác động (Mẫu AI02, phiên bản {s.assessment.version})
          </Anchor>
        ) : (
          'Chưa có báo cáo đánh giá tác động công khai.'
        )}
      </Text>
      <Text size="sm" c="dimmed" mt={4}>
        {s.feedback}
      </Text>
      <Anchor component={Link} size="sm" mt={4} to={`${paths.publicPetition}?heThongAi=${s.id}`}>
        Gửi phản ánh về hệ thống này
      </Anchor>
    </Card>
  );
}

const PAGE = 50;
const LEVEL_OPTIONS = [
  ...Object.entries(RISK_LEVEL_LABEL).map(([value, label]) => ({ value, label })),
  { value: 'unclassified', label: UNCLASSIFIED_LABEL },
];

function Register() {
  const { params, setParam } = useSearchParamState();
  const { text, setText, q } = useSearchText();
  const level = params.get('mucRuiRo');
  const [limit, setLimit] = useState(PAGE);
  const list = usePublicAiSystems({ q, level, limit });
  const items = list.data?.items ?? [];
  return (
    <>
      <Group align="flex-end" gap="sm" wrap="wrap" role="search" aria-label="Lọc hệ thống AI">
        <SearchField
          label="Tìm hệ thống AI"
          placeholder="Tên, nhà cung cấp, đơn vị (gõ không dấu được)"
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          style={{ flex: '1 1 16rem' }}
        />
        <FilterSelect
          what="mức độ rủi ro"
          label="Mức độ rủi ro"
          data={LEVEL_OPTIONS}
          value={level}
          onChange={(v) => setParam('mucRuiRo', v)}
        />
      </Group>
      {list.error ? <LoadError error={list.error} what="danh sách công khai" /> : null}
      {list.data ? (
        <Text size="sm" aria-live="polite">
          {list.data.total === 0 ? 'Không có hệ thống nào.' : `${list.data.total} hệ thống`}
        </Text>
      ) : null}
      {items.map((s) => (
        <SystemCard key={s.id} s={s} open={false} />
      ))}
      {list.data && items.length < list.data.total ? (
        <Group>
          <Button variant="default" loading={list.isFetching} onClick={() => setLimit((n) => n + PAGE)}>
            Xem thêm
          </Button>
        </Group>
      ) : null}
    </>
  );
}

function OneSystem({ id }: { id: number }) {
  const one = usePublicAiSystem(id);
  return (
    <>
      {one.error ? <LoadError error={one.error} what="hệ thống AI" /> : null}
      {one.data ? <SystemCard s={one.data} open /> : null}
      <Anchor underline="always" href={paths.publicAiSystems}>
        ← Tất cả hệ thống
      </Anchor>
    </>
  );
}

export function PublicAiSystemsPage() {
  usePageTitle('Hệ thống AI của cơ quan nhà nước');
  const id = Number(useParams().id) || null;
  return (
    <Container size="md" py="lg">
      <Stack gap="md">
        <Title order={1} fz={{ base: 24, sm: 30 }}>
          Hệ thống trí tuệ nhân tạo các cơ quan nhà nước đang sử dụng
        </Title>
        <Text c="dimmed">
          Công khai theo Luật Trí tuệ nhân tạo và Nghị định 142/2026/NĐ-CP. Dữ liệu máy đọc:{' '}
          <Anchor underline="always" href={aiUrls.publicJson()}>
            JSON
          </Anchor>
          ,{' '}
          <Anchor underline="always" href={aiUrls.publicCsv()}>
            CSV
          </Anchor>
          . Dữ liệu các cơ quan cung cấp cho trí tuệ nhân tạo:{' '}
          <Anchor underline="always" href={paths.publicDatasets}>
            danh mục dữ liệu
          </Anchor>
          .
        </Text>
        {id ? <OneSystem id={id} /> : <Register />}
      </Stack>
    </Container>
  );
}
