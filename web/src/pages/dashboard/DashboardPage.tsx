// Bảng điều khiển of the focal unit for one plan: progress per task and per commune/ward, overdue work, reports
// received and missing. Every chart has its figures in a table next to it (the chart is a picture of the table).
// Address: ?keHoach={planId}&nam={year}.
import '@mantine/charts/styles.css';
import { useMemo } from 'react';
import { Grid, Group, Loader, Paper, Select, Stack, Text } from '@mantine/core';
import { usePlanOptions } from '../../api/plans.ts';
import { useDashboard, useRegimes } from '../../api/reporting.ts';
import { useCurrentUser } from '../../auth/SessionContext.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { LoadError } from '../../components/FieldError.tsx';
import { ListFilters, yearChoices } from '../../components/ListHeader.tsx';
import { PageHeader } from '../../components/PageTitle.tsx';
import { PrintButton } from '../../components/Print.tsx';
import { useSearchParamState } from '../../components/searchParams.ts';
import { docNumber } from '../../components/plans/planFormat.ts';
import { reportingYear } from '../../format.ts';
import { DashboardView } from './DashboardView.tsx';

export function DashboardPage() {
  const user = useCurrentUser();
  const { params, setParam } = useSearchParamState();
  const plans = usePlanOptions('issued');
  const regimes = useRegimes();
  const years = useMemo(yearChoices, []);
  const chosen = Number(params.get('keHoach')) || null;
  const year = Number(params.get('nam')) || null;
  // Without a choice: the plan of the regime my unit receives, else my unit's own issued plan.
  const fallback = useMemo(() => {
    const owned = regimes.data?.find((r) => r.ownerUnitId === user.unitId && r.planId && r.kind === 'periodic');
    if (owned?.planId) return owned.planId;
    return plans.data?.find((p) => p.unitId === user.unitId)?.id ?? null;
  }, [regimes.data, plans.data, user.unitId]);
  const planId = chosen ?? fallback;
  const dash = useDashboard(planId, year);
  const options = useMemo(
    () =>
      (plans.data ?? []).map((p) => ({
        value: String(p.id),
        label: `${docNumber(p.number, p.symbol)} – ${p.unitName}`,
      })),
    [plans.data],
  );
  const shownYear = dash.data?.year ?? year ?? reportingYear();

  return (
    <>
      <PageHeader
        title="Bảng điều khiển"
        description="Tiến độ thực hiện kế hoạch theo nhiệm vụ và theo xã, phường; việc quá hạn; báo cáo đã nhận và còn thiếu."
        actions={<PrintButton />}
      />
      <Stack gap="md">
        <ListFilters label="Chọn kế hoạch, năm">
          <Grid gap="sm" align="flex-end">
            <Grid.Col span={{ base: 12, sm: 8 }}>
              <Select
                label="Kế hoạch"
                placeholder={plans.isLoading ? 'Đang tải…' : 'Chọn kế hoạch đã ban hành'}
                data={options}
                value={planId ? String(planId) : null}
                onChange={(v) => setParam('keHoach', v)}
                searchable
                nothingFoundMessage="Không có kế hoạch nào khớp"
                allowDeselect={false}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <Select
                label="Năm báo cáo"
                data={years}
                value={String(shownYear)}
                onChange={(v) => setParam('nam', v)}
                allowDeselect={false}
              />
            </Grid.Col>
          </Grid>
        </ListFilters>
        {!planId ? (
          plans.isLoading || regimes.isLoading ? (
            <Group>
              <Loader size="sm" aria-hidden />
              <Text>Đang tải…</Text>
            </Group>
          ) : (
            <Paper withBorder radius="md">
              <EmptyState
                title="Chọn một kế hoạch đã ban hành"
                description="Bảng điều khiển cho biết tiến độ của một kế hoạch và các kế hoạch triển khai nó."
              />
            </Paper>
          )
        ) : dash.error ? (
          <LoadError error={dash.error} what="bảng điều khiển của kế hoạch này" onRetry={() => void dash.refetch()} />
        ) : !dash.data ? (
          <Group>
            <Loader size="sm" aria-hidden />
            <Text>Đang tải…</Text>
          </Group>
        ) : (
          <DashboardView d={dash.data} />
        )}
      </Stack>
    </>
  );
}
