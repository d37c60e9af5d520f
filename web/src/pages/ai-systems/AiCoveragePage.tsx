// Tình hình theo đơn vị: for the unit my unit follows (the province for Sở KH&CN), every commune, ward and agency
// with its uses, levels, assessments due / approved / overdue and open incidents; who has registered nothing; XLSX.
import { Anchor, Button, Group, SimpleGrid, Stack, Table, Text, Tooltip } from '@mantine/core';
import { Link } from 'react-router';
import { aiUrls, useAiCoverage, type AiCoverage } from '../../api/ai-systems.ts';
import { LoadError } from '../../components/FieldError.tsx';
import { PageHeader } from '../../components/PageTitle.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { Section } from '../../components/Section.tsx';
import { count } from '../../format.ts';
import { paths } from '../../paths.ts';

type Row = AiCoverage['rows'][number];

/** The tile's colour: nothing registered (grey), an assessment overdue (red) or due (orange), all in order (green). */
function tone(r: Row): { bg: string; fg: string } {
  if (r.uses === 0) return { bg: '#eceff2', fg: '#3d454d' };
  if (r.assessmentsOverdue > 0 || r.lateIncidents > 0 || r.openSeriousIncidents > 0)
    return { bg: '#fde8e8', fg: '#a61b1b' };
  if (r.assessmentsDue > 0) return { bg: '#fff0e0', fg: '#8f3b00' };
  return { bg: '#e3f6e8', fg: '#1d6b32' };
}

function Grid({ rows }: { rows: Row[] }) {
  return (
    <SimpleGrid
      cols={{ base: 6, sm: 10, md: 14 }}
      spacing={4}
      verticalSpacing={4}
      role="list"
      aria-label="Lưới xã, phường"
    >
      {rows.map((r) => {
        const t = tone(r);
        return (
          <Tooltip key={r.id} label={`${r.name}: ${count(r.uses, 'hệ thống')}`}>
            <div
              role="listitem"
              aria-label={`${r.name}: ${count(r.uses, 'hệ thống')}`}
              style={{
                background: t.bg,
                color: t.fg,
                borderRadius: 4,
                fontSize: 11,
                padding: '6px 2px',
                textAlign: 'center',
                minHeight: 28,
              }}
            >
              {r.uses || ''}
            </div>
          </Tooltip>
        );
      })}
    </SimpleGrid>
  );
}

export function AiCoveragePage() {
  const q = useAiCoverage(null);
  if (q.error) return <LoadError error={q.error} what="tình hình hệ thống AI" onRetry={() => void q.refetch()} />;
  if (!q.data) return <Text>Đang tải…</Text>;
  const c = q.data;
  const communes = c.rows.filter((r) => r.kind === 'commune' || r.kind === 'ward');
  return (
    <>
      <PageHeader
        title="Tình hình sử dụng hệ thống AI"
        above={
          <Anchor component={Link} to={paths.aiSystems} size="sm">
            ← Hệ thống AI
          </Anchor>
        }
        description={`${c.unit.name}: ${count(c.totals.uses, 'hệ thống')}, ${c.totals.assessmentsApproved} đánh giá đã duyệt, ${c.totals.assessmentsDue} cần lập, ${c.totals.assessmentsOverdue} quá hạn; ${c.totals.unitsWithoutUses}/${c.totals.units} đơn vị chưa đăng ký.`}
        actions={
          <Button component="a" href={aiUrls.coverageXlsx(null)} variant="default">
            Tải XLSX
          </Button>
        }
      />
      <Stack gap="md">
        {communes.length ? (
          <Section title="Xã, phường" id="ai-grid">
            <Grid rows={communes} />
          </Section>
        ) : null}
        <Section title="Theo đơn vị" id="ai-table">
          <ScrollTable minWidth={760} label="Bảng tình hình theo đơn vị">
            <Table striped withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Đơn vị</Table.Th>
                  <Table.Th>Hệ thống</Table.Th>
                  <Table.Th>Cao / TB / Thấp / Chưa</Table.Th>
                  <Table.Th>Đánh giá đã duyệt</Table.Th>
                  <Table.Th>Cần lập</Table.Th>
                  <Table.Th>Quá hạn</Table.Th>
                  <Table.Th>Sự cố mở</Table.Th>
                  <Table.Th>Sự cố quá hạn báo cáo</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {c.rows.map((r) => (
                  <Table.Tr key={r.id} data-unit-code={r.code}>
                    <Table.Td>{r.name}</Table.Td>
                    <Table.Td>{r.uses}</Table.Td>
                    <Table.Td>
                      {r.levels.high} / {r.levels.medium} / {r.levels.low} / {r.levels.unclassified}
                    </Table.Td>
                    <Table.Td>{r.assessmentsApproved}</Table.Td>
                    <Table.Td>{r.assessmentsDue}</Table.Td>
                    <Table.Td>{r.assessmentsOverdue}</Table.Td>
                    <Table.Td>
                      {r.openIncidents}
                      {r.openSeriousIncidents ? ` (${r.openSeriousIncidents} nghiêm trọng)` : ''}
                    </Table.Td>
                    <Table.Td>{r.lateIncidents}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
          <Group mt="xs">
            <Text size="xs" c="dimmed">
              Hệ thống của các phòng, ban được tính vào xã, phường của mình.
            </Text>
          </Group>
        </Section>
      </Stack>
    </>
  );
}
