// The public page of an issued plan (no sign-in): per task, the share of the units assigned that have done their
// part in the year. Counts only — no names of people, no notes, no internal narratives (the API gives none).
import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import {
  Alert,
  Anchor,
  Box,
  Container,
  Group,
  Loader,
  Paper,
  Progress,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconInfoCircle } from '@tabler/icons-react';
import { isApiError } from '../api/client.ts';
import { usePublicProgress } from '../api/reporting.ts';
import { useSession } from '../auth/SessionContext.tsx';
import { LoadError } from '../components/FieldError.tsx';
import { usePageTitle } from '../components/PageTitle.tsx';
import { useSearchParamState } from '../components/searchParams.ts';
import { docNumber } from '../components/plans/planFormat.ts';
import { formatDay, formatPercent, reportingYear, reportingYearWindow } from '../format.ts';
import { paths } from '../paths.ts';

export function PublicProgressPage() {
  const { id } = useParams();
  const { params, setParam } = useSearchParamState();
  const planId = Number(id);
  const valid = Number.isInteger(planId) && planId > 0;
  const year = Number(params.get('nam')) || null;
  const { data, isLoading, error, refetch } = usePublicProgress(valid ? planId : null, year);
  const session = useSession();
  const isPhone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  usePageTitle(data ? `Tiến độ ${docNumber(data.plan.number, data.plan.symbol)}` : 'Tiến độ thực hiện kế hoạch');
  const years = useMemo(() => {
    const now = reportingYear();
    const out = [];
    for (let y = now; y >= 2025; y--) out.push({ value: String(y), label: `Năm ${y}` });
    return out;
  }, []);
  const notFound = !valid || (isApiError(error) && (error.isNotFound || error.status === 400));

  return (
    <div className="public-shell">
      <a href="#noi-dung-chinh" className="skip-link">
        Bỏ qua, đến nội dung chính
      </a>
      <header className="public-header">
        <Container size="lg" h="100%">
          <Group h="100%" justify="space-between" wrap="nowrap">
            <Group gap={8} wrap="nowrap">
              <img src="/favicon.svg" alt="" width={28} height={28} />
              <Text fw={700} size="lg" c="thBlue.8">
                Thi Hành
              </Text>
            </Group>
            {session.status === 'signedIn' ? (
              <Anchor component={Link} to={valid ? paths.plan(planId) : paths.home} size="sm">
                Về trang làm việc
              </Anchor>
            ) : (
              <Anchor component={Link} to={paths.login} size="sm">
                Đăng nhập (cán bộ)
              </Anchor>
            )}
          </Group>
        </Container>
      </header>
      <Container
        size="lg"
        component="main"
        id="noi-dung-chinh"
        tabIndex={-1}
        py="md"
        px={{ base: 'sm', sm: 'md' }}
        style={{ outline: 'none' }}
      >
        {notFound ? (
          <Stack gap="sm" py="xl" ta="center" align="center">
            <Title order={1} size="h2">
              Không tìm thấy kế hoạch
            </Title>
            <Text c="dimmed" maw={480}>
              Kế hoạch này không tồn tại, chưa ban hành hoặc chưa được công khai.
            </Text>
          </Stack>
        ) : isLoading ? (
          <Group>
            <Loader size="sm" aria-hidden />
            <Text>Đang tải…</Text>
          </Group>
        ) : error || !data ? (
          <LoadError error={error} what="tiến độ kế hoạch" onRetry={() => void refetch()} />
        ) : (
          <Stack gap="md">
            <Stack gap={4}>
              <Text size="sm" c="dimmed">
                Tiến độ thực hiện kế hoạch · công khai
              </Text>
              <Title order={1} fz={{ base: 22, sm: 28 }} style={{ overflowWrap: 'anywhere' }}>
                {data.plan.title}
              </Title>
              <Text size="sm">
                Kế hoạch số {docNumber(data.plan.number, data.plan.symbol)}
                {data.plan.issuedDate ? ` ngày ${formatDay(data.plan.issuedDate)}` : ''} của {data.plan.issuerName}.
              </Text>
            </Stack>
            <Paper withBorder p="sm" radius="md">
              <Group gap="sm" align="flex-end" justify="space-between">
                <Select
                  label="Năm"
                  data={years}
                  value={String(data.year)}
                  onChange={(v) => setParam('nam', v && Number(v) !== reportingYear() ? v : null)}
                  allowDeselect={false}
                  w={160}
                />
                <Text size="sm" c="dimmed">
                  Năm {data.year}: {reportingYearWindow(data.year)} · số liệu đến ngày {formatDay(data.asOf)}
                </Text>
              </Group>
            </Paper>
            <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />}>
              Mỗi nhiệm vụ được giao cho nhiều đơn vị (sở, ngành, xã, phường). Tỷ lệ là số đơn vị đã hoàn thành phần
              việc của mình trong năm trên số đơn vị được giao.
            </Alert>
            {isPhone ? (
              <ol className="plain-list public-tasks" aria-label="Tiến độ theo nhiệm vụ">
                {data.tasks.map((t) => (
                  <li key={t.number}>
                    <Paper withBorder p="sm" radius="md">
                      <Text size="sm" fw={600}>
                        {t.number}. {t.title}
                      </Text>
                      <Text size="xs" c="dimmed">
                        Thời gian: {t.timeframe || '—'}
                      </Text>
                      <Progress value={t.share} mt={6} aria-hidden color={t.share >= 100 ? 'green.7' : 'thBlue.7'} />
                      <Text size="sm" mt={4}>
                        <strong>{formatPercent(t.share)}</strong> · {t.unitsDone}/{t.units} đơn vị đã hoàn thành
                      </Text>
                    </Paper>
                  </li>
                ))}
              </ol>
            ) : (
              <Paper withBorder radius="md">
                <Table verticalSpacing="sm">
                  <Table.Caption>Tiến độ theo nhiệm vụ: số đơn vị đã hoàn thành trên số đơn vị được giao</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">Nhiệm vụ</Table.Th>
                      <Table.Th scope="col" w={180}>
                        Thời gian
                      </Table.Th>
                      <Table.Th scope="col" w={150} ta="right">
                        Đơn vị hoàn thành
                      </Table.Th>
                      <Table.Th scope="col" w={200}>
                        Tỷ lệ
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.tasks.map((t) => (
                      <Table.Tr key={t.number}>
                        <Table.Th scope="row" fw={400}>
                          <Text size="sm">
                            <strong>{t.number}.</strong> {t.title}
                          </Text>
                        </Table.Th>
                        <Table.Td>
                          <Text size="sm">{t.timeframe || '—'}</Text>
                        </Table.Td>
                        <Table.Td ta="right">
                          {t.unitsDone}/{t.units}
                        </Table.Td>
                        <Table.Td>
                          <Group gap="xs" wrap="nowrap">
                            <Progress
                              value={t.share}
                              style={{ flex: 1 }}
                              aria-hidden
                              color={t.share >= 100 ? 'green.7' : 'thBlue.7'}
                            />
                            <Text size="sm" fw={600} w={56} ta="right">
                              {formatPercent(t.share)}
                            </Text>
                          </Group>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Paper>
            )}
            <Box>
              <Text size="xs" c="dimmed">
                Trang công khai của Thi Hành: chỉ gồm số liệu tổng hợp, không có thông tin cá nhân hay ghi chú nội bộ.
              </Text>
            </Box>
          </Stack>
        )}
      </Container>
    </div>
  );
}
