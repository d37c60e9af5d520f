// Tài khoản tổ chức (the province's unit administrators): outside organisations registered to use the provincial
// AI database. Each is checked (name, tax code, contact) before it may ask for data; an account that misuses data
// is suspended with a reason. The contacts are personal data: the server records each view of this list.
import { Button, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import {
  ORGANISATION_KIND_LABEL,
  ORGANISATION_STATUS_LABEL,
  useOrganisationDecision,
  useOrganisations,
  type Organisation,
  type OrganisationDecision,
} from '../../api/data-organisations.ts';
import { LoadError } from '../../components/FieldError.tsx';
import { ListFilters } from '../../components/ListHeader.tsx';
import { PageHeader } from '../../components/PageTitle.tsx';
import { ReasonModal, reasonCheck } from '../../components/ReasonModal.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { useSearchParamState, useSearchText } from '../../components/searchParams.ts';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { formatDate } from '../../format.ts';
import { FilterSelect, SearchField } from '../../components/FilterFields.tsx';

const STATUS_OPTIONS = Object.entries(ORGANISATION_STATUS_LABEL).map(([value, label]) => ({ value, label }));
const TONE = { pending: 'orange', active: 'green', refused: 'red', suspended: 'gray' } as const;
const ACTS: Record<Organisation['status'], Array<{ decision: OrganisationDecision; label: string }>> = {
  pending: [
    { decision: 'approve', label: 'Chấp thuận' },
    { decision: 'refuse', label: 'Từ chối' },
  ],
  active: [{ decision: 'suspend', label: 'Tạm dừng' }],
  refused: [{ decision: 'approve', label: 'Chấp thuận' }],
  suspended: [{ decision: 'reinstate', label: 'Cho hoạt động lại' }],
};
const NEEDS_REASON = new Set<OrganisationDecision>(['refuse', 'suspend']);

export function OrganisationsPage() {
  const { params, setParam } = useSearchParamState();
  const { text, setText, q } = useSearchText();
  const status = params.get('trangThai');
  const list = useOrganisations({ status, q });
  const decide = useOrganisationDecision();
  const [asking, setAsking] = useState<{ o: Organisation; decision: OrganisationDecision } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const act = (o: Organisation, decision: OrganisationDecision) => {
    if (NEEDS_REASON.has(decision)) return setAsking({ o, decision });
    setError(null);
    decide.mutate({ id: o.id, decision, reason: '' }, { onError: setError });
  };
  const items = list.data?.items ?? [];
  return (
    <>
      <PageHeader
        title="Tài khoản tổ chức khai thác dữ liệu"
        description="Doanh nghiệp, viện nghiên cứu, trường học đăng ký để đề nghị truy cập dữ liệu có điều kiện của tỉnh: xác minh trước khi cho phép, tạm dừng khi sử dụng sai mục đích."
      />
      <Stack gap="md">
        <ListFilters label="Lọc tài khoản tổ chức">
          <Group align="flex-end" gap="sm" wrap="wrap">
            <SearchField
              label="Tìm tổ chức"
              placeholder="Tên hoặc mã số thuế"
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              style={{ flex: '1 1 16rem' }}
            />
            <FilterSelect
              what="trạng thái"
              label="Trạng thái"
              data={STATUS_OPTIONS}
              value={status}
              onChange={(v) => setParam('trangThai', v)}
            />
          </Group>
        </ListFilters>
        {list.error ? (
          <LoadError error={list.error} what="tài khoản tổ chức" onRetry={() => void list.refetch()} />
        ) : null}
        {error ? <LoadError error={error} what="quyết định" /> : null}
        {list.data ? (
          <Text size="sm">
            {list.data.total} tài khoản
            {status ? ` ${ORGANISATION_STATUS_LABEL[status as Organisation['status']]?.toLowerCase()}` : ''}
          </Text>
        ) : null}
        {items.length ? (
          <ScrollTable minWidth={760} label="Tài khoản tổ chức">
            <Table striped withTableBorder fz="sm" data-testid="organisations">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Tổ chức</Table.Th>
                  <Table.Th>Người liên hệ</Table.Th>
                  <Table.Th>Trạng thái</Table.Th>
                  <Table.Th>Đề nghị</Table.Th>
                  <Table.Th>Thao tác</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((o) => (
                  <Table.Tr key={o.id} data-testid="organisation-row">
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {o.name}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {ORGANISATION_KIND_LABEL[o.kind]} · MST {o.taxCode}
                        {o.address ? ` · ${o.address}` : ''} · đăng ký {formatDate(o.createdAt)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {o.contactName}
                      <br />
                      {o.contactEmail}
                      {o.contactPhone ? ` · ${o.contactPhone}` : ''}
                    </Table.Td>
                    <Table.Td>
                      <StatusBadge tone={TONE[o.status]} size="sm">
                        {ORGANISATION_STATUS_LABEL[o.status]}
                      </StatusBadge>
                      {o.decisionReason ? (
                        <Text size="xs" c="dimmed">
                          {o.decisionReason}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>{o.requests}</Table.Td>
                    <Table.Td>
                      <Group gap={6}>
                        {ACTS[o.status].map((a) => (
                          <Button
                            key={a.decision}
                            size="xs"
                            variant={a.decision === 'approve' || a.decision === 'reinstate' ? 'filled' : 'default'}
                            loading={decide.isPending && decide.variables?.id === o.id}
                            onClick={() => act(o, a.decision)}
                            aria-label={`${a.label} ${o.name}`}
                          >
                            {a.label}
                          </Button>
                        ))}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        ) : list.data ? (
          <Text size="sm">Chưa có tài khoản nào.</Text>
        ) : null}
      </Stack>
      <ReasonModal
        opened={asking !== null}
        onClose={() => setAsking(null)}
        title={asking?.decision === 'suspend' ? 'Tạm dừng tài khoản tổ chức' : 'Từ chối tài khoản tổ chức'}
        intro={asking ? `${asking.o.name} sẽ được báo lý do qua thư điện tử.` : ''}
        label="Lý do"
        check={reasonCheck('Nhập lý do (ít nhất 5 ký tự).')}
        confirmLabel={asking?.decision === 'suspend' ? 'Tạm dừng' : 'Từ chối'}
        confirmColor="red"
        onConfirm={(reason) => decide.mutateAsync({ id: asking!.o.id, decision: asking!.decision, reason })}
      />
    </>
  );
}
