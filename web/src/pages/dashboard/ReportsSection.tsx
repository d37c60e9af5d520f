import { Link } from 'react-router';
import { DonutChart } from '@mantine/charts';
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import type { FocalDashboard, SubmissionState } from '../../api/types.ts';
import { Section } from '../../components/Section.tsx';
import { STATE_COLOR, SubmissionStateBadge, TotalsList } from '../../components/reporting/ReportingBits.tsx';
import { SUBMISSION_STATE_LABEL } from '../../format.ts';
import { paths } from '../../paths.ts';

const STATE_ORDER: SubmissionState[] = ['onTime', 'late', 'returned', 'missing', 'pending'];
export function ReportsSection({ d }: { d: FocalDashboard }) {
  const r = d.reports;
  if (!r) {
    return (
      <Section title="Báo cáo" id="bao-cao-dk">
        <Text size="sm" c="dimmed">
          Kế hoạch chưa có chế độ báo cáo định kỳ.
        </Text>
      </Section>
    );
  }
  const data = STATE_ORDER.map((s) => ({
    name: SUBMISSION_STATE_LABEL[s],
    value: r.totals[s],
    color: STATE_COLOR[s],
  })).filter((x) => x.value > 0);
  const summary = `Biểu đồ tròn: báo cáo ${r.periodLabel.toLowerCase()} theo tình trạng. ${data.map((x) => `${x.name}: ${x.value}`).join('; ')}.`;
  return (
    <Section title={`Báo cáo ${r.periodLabel.toLowerCase()}`} id="bao-cao-dk">
      <Stack gap="sm">
        <Group align="center" gap="md" wrap="wrap">
          <figure className="chart-figure" style={{ margin: 0 }}>
            <div role="img" aria-label={summary}>
              <DonutChart
                data={data}
                size={140}
                thickness={22}
                withTooltip={false}
                chartLabel={`${r.totals.received}/${r.totals.expected}`}
                pieProps={{ isAnimationActive: false }}
              />
            </div>
            <figcaption className="sr-only">Báo cáo theo tình trạng; số liệu ở danh sách bên cạnh.</figcaption>
          </figure>
          <ul className="plain-list legend-list" aria-label="Báo cáo theo tình trạng">
            {STATE_ORDER.map((s) => (
              <li key={s}>
                <span className="legend-swatch" data-state={s} aria-hidden /> {SUBMISSION_STATE_LABEL[s]}:{' '}
                <strong>{r.totals[s]}</strong>
              </li>
            ))}
          </ul>
        </Group>
        <TotalsList totals={r.totals} label={`Tình hình nhận báo cáo ${r.periodLabel.toLowerCase()}`} />
        <Button
          component={Link}
          to={paths.periodStatus(r.regimeId, r.periodKey)}
          size="xs"
          variant="light"
          style={{ alignSelf: 'flex-start' }}
        >
          Tình hình nhận báo cáo chi tiết
        </Button>
        {r.missing.length ? (
          <>
            <Title order={3} size="h5">
              Chưa gửi ({r.missing.length})
            </Title>
            <ul className="plain-list">
              {r.missing.slice(0, 15).map((m) => (
                <li key={m.unitId}>
                  <Group gap="xs" justify="space-between" wrap="nowrap">
                    <Text size="sm">{m.unitName}</Text>
                    <SubmissionStateBadge state={m.state} size="sm" />
                  </Group>
                </li>
              ))}
            </ul>
            {r.missing.length > 15 ? (
              <Text size="xs" c="dimmed">
                và {r.missing.length - 15} đơn vị khác (xem Tình hình nhận báo cáo chi tiết).
              </Text>
            ) : null}
          </>
        ) : null}
      </Stack>
    </Section>
  );
}
