// Truy cập dữ liệu (Nghị định 142/2026 Đ35.4: access control by data type, logging of access, purpose control).
// The owning unit sees the requests (approve for some days, refuse or revoke with a reason) and the access log;
// anyone else asks for access (purpose, intended use, duration), follows their request and, once granted, downloads.
import { Anchor, Button, Group, Modal, NumberInput, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import {
  ACCESS_REQUEST_STATUS_LABEL,
  datasetsApi,
  datasetUrls,
  formatSize,
  useAccessLog,
  useAccessRequests,
  useDatasetMutation,
  type AccessDecisionBody,
  type AccessRequest,
  type AccessRequestBody,
  type DatasetDetail,
} from '../../api/datasets.ts';
import { fieldError, FormError, LoadError } from '../../components/FieldError.tsx';
import { useApiForm } from '../../components/form.ts';
import { ModalFormButtons, ReasonModal, reasonCheck } from '../../components/ReasonModal.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { Section } from '../../components/Section.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { formatDate, formatDateTime, formatNumber } from '../../format.ts';
import { AccessRequestFields, checkAccessRequest } from './AccessRequestFields.tsx';
import { REQUEST_TONE } from './labels.ts';

/** Who asked: a person of a unit, or an organisation account. */
export function requesterName(r: AccessRequest): string {
  if (r.requester) return `${r.requester.name} (${r.requester.unitName})`;
  return r.organisationAccount ? `${r.organisationAccount.name} (tài khoản tổ chức)` : 'Không rõ';
}

function ApproveModal({ d, req, onClose }: { d: DatasetDetail; req: AccessRequest | null; onClose: () => void }) {
  const decide = useDatasetMutation((b: AccessDecisionBody) => datasetsApi.decide(d.id, req!.id, b));
  const form = useApiForm({ days: req?.durationDays ?? 90, reason: '' }, (v) => ({
    days: v.days >= 1 && v.days <= 1096 ? undefined : 'Số ngày từ 1 đến 1096.',
  }));
  const submit = form.onSubmit(async (v) => {
    await decide.mutateAsync({ decision: 'approve', reason: v.reason.trim(), durationDays: v.days });
    onClose();
  });
  return (
    <Modal opened={req !== null} onClose={onClose} title="Chấp thuận truy cập" centered>
      <form ref={form.formRef} onSubmit={(e) => void submit(e)} noValidate>
        <Stack>
          <Text size="sm">
            {req ? requesterName(req) : ''} được tải các tệp của bộ dữ liệu trong thời hạn dưới đây.
          </Text>
          <NumberInput
            label="Thời hạn (ngày)"
            min={1}
            max={1096}
            value={form.values.days}
            onChange={(n) => form.setValue('days', Number(n) || 0)}
            error={form.error('days') ?? fieldError(form.serverError, 'durationDays')}
          />
          <Textarea
            label="Ghi chú (không bắt buộc)"
            autosize
            minRows={2}
            value={form.values.reason}
            onChange={(e) => form.setValue('reason', e.currentTarget.value)}
          />
          <FormError error={form.serverError} fields={['durationDays', 'reason']} />
          <ModalFormButtons onClose={onClose} submitting={form.submitting} label="Chấp thuận" />
        </Stack>
      </form>
    </Modal>
  );
}

function RequestItem({ d, r, act }: { d: DatasetDetail; r: AccessRequest; act: (a: Act) => void }) {
  return (
    <Stack gap={4} data-testid="access-request" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }} pt="xs">
      <Group gap="xs">
        <StatusBadge tone={r.revokedAt ? 'gray' : REQUEST_TONE[r.status]!} size="sm">
          {r.revokedAt ? 'Đã thu hồi quyền' : ACCESS_REQUEST_STATUS_LABEL[r.status]}
        </StatusBadge>
        <Text size="sm" fw={600}>
          {r.requester?.name ?? r.organisationAccount?.name}
        </Text>
        <Text size="sm" c="dimmed">
          {r.requester ? r.requester.unitName : 'Tài khoản tổ chức'}
          {r.requester && r.organisation ? ` · ${r.organisation}` : ''} · {formatDate(r.createdAt)}
        </Text>
      </Group>
      {r.organisationAccount ? (
        <Text size="sm" data-testid="organisation-contact">
          {r.organisationAccount.kindLabel} · mã số thuế {r.organisationAccount.taxCode} · người liên hệ{' '}
          {r.organisationAccount.contactName}, {r.organisationAccount.contactEmail}
          {r.organisationAccount.contactPhone ? `, ${r.organisationAccount.contactPhone}` : ''}
        </Text>
      ) : null}
      <Text size="sm">
        <b>Mục đích:</b> {r.purpose}
      </Text>
      <Text size="sm">
        <b>Cách sử dụng:</b> {r.intendedUse}
      </Text>
      <Text size="sm">
        <b>Thời hạn đề nghị:</b> {r.durationDays} ngày
        {r.expiresAt ? ` · hết hạn ${formatDate(r.expiresAt)}` : ''}
        {r.decidedBy ? ` · ${r.decidedBy} quyết định ${formatDate(r.decidedAt)}` : ''}
        {r.reason ? ` · lý do: ${r.reason}` : ''}
      </Text>
      {d.can.decideAccess ? (
        <Group gap="xs">
          {r.status === 'pending' ? (
            <>
              <Button size="xs" onClick={() => act({ kind: 'approve', req: r })}>
                Chấp thuận
              </Button>
              <Button size="xs" variant="default" onClick={() => act({ kind: 'refuse', req: r })}>
                Từ chối
              </Button>
            </>
          ) : null}
          {r.status === 'approved' && !r.revokedAt ? (
            <Button size="xs" variant="default" color="red" c="#a61b1b" onClick={() => act({ kind: 'revoke', req: r })}>
              Thu hồi quyền
            </Button>
          ) : null}
        </Group>
      ) : null}
    </Stack>
  );
}

type Act = { kind: 'approve' | 'refuse' | 'revoke'; req: AccessRequest };

function Requests({ d }: { d: DatasetDetail }) {
  const list = useAccessRequests(d.id, d.can.decideAccess);
  const [act, setAct] = useState<Act | null>(null);
  const decide = useDatasetMutation((b: AccessDecisionBody) => datasetsApi.decide(d.id, act!.req.id, b));
  const revoke = useDatasetMutation((reason: string) => datasetsApi.revoke(d.id, act!.req.id, reason));
  if (list.error) return <LoadError error={list.error} what="đề nghị truy cập" />;
  const items = list.data?.items ?? [];
  return (
    <Stack gap="xs">
      <Text fw={600} size="sm">
        Đề nghị truy cập{d.pendingRequests ? ` (${d.pendingRequests} chờ xem xét)` : ''}
      </Text>
      {list.data && items.length === 0 ? <Text size="sm">Chưa có đề nghị nào.</Text> : null}
      {items.map((r) => (
        <RequestItem key={r.id} d={d} r={r} act={setAct} />
      ))}
      <ApproveModal
        key={act?.req.id ?? 0}
        d={d}
        req={act?.kind === 'approve' ? act.req : null}
        onClose={() => setAct(null)}
      />
      <ReasonModal
        opened={act?.kind === 'refuse' || act?.kind === 'revoke'}
        onClose={() => setAct(null)}
        title={act?.kind === 'revoke' ? 'Thu hồi quyền truy cập' : 'Từ chối đề nghị truy cập'}
        intro={act ? `${requesterName(act.req)} sẽ được thông báo lý do.` : ''}
        label="Lý do"
        check={reasonCheck('Nhập lý do (ít nhất 5 ký tự).')}
        confirmLabel={act?.kind === 'revoke' ? 'Thu hồi quyền' : 'Từ chối'}
        confirmColor="red"
        onConfirm={(reason) =>
          act?.kind === 'revoke' ? revoke.mutateAsync(reason) : decide.mutateAsync({ decision: 'refuse', reason })
        }
      />
    </Stack>
  );
}

function Log({ d }: { d: DatasetDetail }) {
  const log = useAccessLog(d.id, d.can.readLog);
  if (log.error) return <LoadError error={log.error} what="nhật ký truy cập" />;
  const items = log.data?.items ?? [];
  return (
    <Stack gap="xs">
      <Text fw={600} size="sm">
        Nhật ký truy cập{log.data ? ` (${formatNumber(log.data.total)})` : ''}
      </Text>
      {log.data && items.length === 0 ? <Text size="sm">Chưa có lượt tải nào.</Text> : null}
      {items.length > 0 ? (
        <ScrollTable minWidth={560} label="Nhật ký truy cập">
          <Table striped withTableBorder fz="sm" data-testid="access-log">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Thời điểm</Table.Th>
                <Table.Th>Tệp</Table.Th>
                <Table.Th>Người, địa chỉ</Table.Th>
                <Table.Th>Căn cứ</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((e, i) => (
                <Table.Tr key={`${e.at}-${i}`}>
                  <Table.Td>{formatDateTime(e.at)}</Table.Td>
                  <Table.Td>
                    {e.resourceTitle} (phiên bản {e.version})
                  </Table.Td>
                  <Table.Td>
                    {e.user
                      ? `${e.user.name} · ${e.user.unitName}`
                      : e.organisation
                        ? `${e.organisation.name} (tổ chức)`
                        : (e.ip ?? 'Không rõ')}
                  </Table.Td>
                  <Table.Td>
                    {e.grantId ? `Quyền truy cập số ${e.grantId}` : 'Dữ liệu mở'}
                    {e.channel === 'api' ? ' · API' : ''}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      ) : null}
    </Stack>
  );
}

const EMPTY_REQUEST = { purpose: '', intendedUse: '', durationDays: 90, organisation: '' };

export function RequestForm({ d, onSent }: { d: { id: number }; onSent?: (id: number) => void }) {
  const send = useDatasetMutation((b: AccessRequestBody) => datasetsApi.requestAccess(d.id, b));
  const form = useApiForm(EMPTY_REQUEST, checkAccessRequest);
  const err = (k: keyof typeof EMPTY_REQUEST) => form.error(k) ?? fieldError(form.serverError, k);
  const submit = form.onSubmit(async (v) => {
    const { id } = await send.mutateAsync(v);
    form.reset();
    onSent?.(id);
  });
  return (
    <form ref={form.formRef} onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="sm">
        <Text fw={600} size="sm">
          Đề nghị được truy cập
        </Text>
        <AccessRequestFields values={form.values} set={(k, v) => form.setValue(k, v as never)} error={err} />
        <TextInput
          label="Tổ chức (nếu đề nghị thay mặt tổ chức khác)"
          value={form.values.organisation}
          error={err('organisation')}
          onChange={(e) => form.setValue('organisation', e.currentTarget.value)}
        />
        <FormError error={form.serverError} fields={Object.keys(EMPTY_REQUEST)} />
        <Group>
          <Button type="submit" loading={form.submitting}>
            Gửi đề nghị
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A grant still open: approved, and its expiry ahead. */
const granted = (m: DatasetDetail['myAccess']) =>
  !!m && m.status === 'approved' && (!m.expiresAt || new Date(m.expiresAt).getTime() > Date.now());

function MyAccess({ d }: { d: DatasetDetail }) {
  const mine = d.myAccess;
  return (
    <Stack gap="sm">
      {mine ? (
        <Group gap="xs" data-testid="my-access">
          <Text size="sm">Đề nghị của bạn:</Text>
          <StatusBadge tone={REQUEST_TONE[mine.status]!} size="sm">
            {ACCESS_REQUEST_STATUS_LABEL[mine.status]}
          </StatusBadge>
          {mine.expiresAt ? <Text size="sm">đến {formatDate(mine.expiresAt)}</Text> : null}
        </Group>
      ) : null}
      {(d.can.download || granted(mine)) && d.resources.length > 0 ? (
        <Stack gap={4}>
          {d.resources.map((r) => (
            <Text key={r.id} size="sm">
              <Anchor href={datasetUrls.publicDownload(d.id, r.id)} underline="always">
                Tải “{r.title}”
              </Anchor>{' '}
              ({r.format.toUpperCase()}, {formatSize(r.size)})
            </Text>
          ))}
        </Stack>
      ) : null}
      {d.can.requestAccess ? <RequestForm d={d} /> : null}
    </Stack>
  );
}

export function AccessSection({ d }: { d: DatasetDetail }) {
  const owner = d.can.decideAccess || d.can.readLog;
  if (!owner && !d.can.requestAccess && !d.myAccess && !d.can.download) return null;
  return (
    <Section title="Truy cập dữ liệu" id="ds-access-requests">
      <Stack gap="md">
        {d.can.decideAccess ? <Requests d={d} /> : null}
        {d.can.readLog ? <Log d={d} /> : null}
        {!owner ? <MyAccess d={d} /> : null}
      </Stack>
    </Section>
  );
}
