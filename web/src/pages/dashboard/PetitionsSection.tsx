// Kiến nghị on the focal dashboard (task 5): the year's petitions of the plan's unit and the units under it,
// received, answered on time or late, open and overdue, by topic and by handling unit; figures only.
import { Anchor, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { petitionsApi } from '../../api/petitions.ts';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { Section } from '../../components/Section.tsx';
import { formatNumber } from '../../format.ts';
import { paths } from '../../paths.ts';

interface Counts {
  received: number;
  answeredOnTime: number;
  answeredLate: number;
  open: number;
  overdue: number;
}

function Row({ label, f }: { label: string; f: Counts }) {
  return (
    <Table.Tr>
      <Table.Td>{label}</Table.Td>
      <Table.Td ta="right">{formatNumber(f.received)}</Table.Td>
      <Table.Td ta="right">{formatNumber(f.answeredOnTime)}</Table.Td>
      <Table.Td ta="right">{formatNumber(f.answeredLate)}</Table.Td>
      <Table.Td ta="right">{formatNumber(f.open)}</Table.Td>
      <Table.Td ta="right" c={f.overdue ? 'red.9' : undefined}>
        {formatNumber(f.overdue)}
      </Table.Td>
    </Table.Tr>
  );
}

export function PetitionsSection({ unitId, year }: { unitId: number; year: number }) {
  const q = useQuery({
    queryKey: ['petitions', 'figures', unitId, year],
    queryFn: () => petitionsApi.figures(unitId, year),
  });
  const f = q.data;
  return (
    <Section
      title="Kiến nghị, đề xuất, phản ánh"
      id="kien-nghi"
      extra={
        <Anchor component={Link} to={paths.petitions} size="sm">
          Hàng đợi xử lý
        </Anchor>
      }
    >
      {!f ? (
        <Text size="sm" c="dimmed">
          {q.error ? 'Không tải được số liệu kiến nghị.' : 'Đang tải…'}
        </Text>
      ) : f.total.received === 0 ? (
        <Text size="sm" c="dimmed">
          Chưa tiếp nhận kiến nghị nào trong năm {year}.
        </Text>
      ) : (
        <ScrollTable minWidth={560} label="Số liệu kiến nghị theo chủ đề và đơn vị xử lý">
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Chủ đề / đơn vị xử lý</Table.Th>
                <Table.Th ta="right">Tiếp nhận</Table.Th>
                <Table.Th ta="right">Trả lời đúng hạn</Table.Th>
                <Table.Th ta="right">Trả lời trễ hạn</Table.Th>
                <Table.Th ta="right">Đang xử lý</Table.Th>
                <Table.Th ta="right">Quá hạn</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              <Row label="Tổng số" f={f.total} />
              {f.byTopic.map((t) => (
                <Row key={`t${t.key}`} label={t.label} f={t} />
              ))}
              {f.byUnit.length > 1 ? f.byUnit.map((u) => <Row key={`u${u.key}`} label={u.label} f={u} />) : null}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </Section>
  );
}
