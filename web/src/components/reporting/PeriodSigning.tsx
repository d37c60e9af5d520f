// Who signs the period's compiled report and reminder letter: as approved by a leader of the receiving unit (kept for
// every later download), or the unit's default signer until then; leaders approve each with the signer they pick.
import { useState } from 'react';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconSignature } from '@tabler/icons-react';
import { notifications } from '@mantine/notifications';
import { reportingApi, useReportingMutation } from '../../api/reporting.ts';
import type { PeriodStatus } from '../../api/types.ts';
import { formatDateTime } from '../../format.ts';
import { FormError } from '../FieldError.tsx';
import { SignerSelect } from '../SignerSelect.tsx';

type Kind = 'compiled' | 'reminder';
const LABEL: Record<Kind, string> = { compiled: 'Báo cáo tổng hợp', reminder: 'Công văn đôn đốc' };

export function PeriodSigning({ s }: { s: PeriodStatus }) {
  const [open, setOpen] = useState<Kind | null>(null);
  const { documents } = s;
  return (
    <Stack gap={4}>
      {(['compiled', 'reminder'] as const).map((kind) => {
        const d = documents[kind];
        return (
          <Group key={kind} gap="xs" wrap="wrap">
            <Text size="sm">
              <Text span fw={500}>
                {LABEL[kind]}:
              </Text>{' '}
              {d
                ? `người ký ${d.signer.name ?? '(chưa ghi tên)'} (${d.signer.lines.join(' / ')}), duyệt ${formatDateTime(d.approvedAt)}${d.approvedBy ? ` bởi ${d.approvedBy}` : ''}.`
                : 'chưa duyệt; tệp tải về ghi người ký mặc định của đơn vị.'}
            </Text>
            {documents.canApprove ? (
              <Button
                size="xs"
                variant="light"
                leftSection={<IconSignature size={16} aria-hidden />}
                onClick={() => setOpen(kind)}
              >
                {d ? 'Đổi người ký' : 'Duyệt, chọn người ký'}
              </Button>
            ) : null}
          </Group>
        );
      })}
      {open ? <ApproveModal s={s} kind={open} onClose={() => setOpen(null)} /> : null}
    </Stack>
  );
}

function ApproveModal({ s, kind, onClose }: { s: PeriodStatus; kind: Kind; onClose: () => void }) {
  const [signerKey, setSignerKey] = useState<number | undefined>(s.documents[kind]?.signer.signerKey ?? undefined);
  const [error, setError] = useState<unknown>(null);
  const approve = useReportingMutation((key: number | undefined) =>
    reportingApi.approvePeriodDocument(s.regime.id, s.period.key, kind, key),
  );
  const confirm = async () => {
    setError(null);
    try {
      const r = await approve.mutateAsync(signerKey);
      notifications.show({
        color: 'green',
        message: `Đã duyệt ${LABEL[kind].toLowerCase()}; người ký: ${r.signer.name ?? r.signer.lines.join(' / ')}.`,
      });
      onClose();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Modal opened onClose={onClose} title={`Duyệt ${LABEL[kind].toLowerCase()}`} centered>
      <Stack>
        <Text size="sm">
          Người ký được ghi vào {LABEL[kind].toLowerCase()} {s.period.label.toLowerCase()} và giữ nguyên ở mọi lần tải
          về sau. Văn thư cấp số, ngày khi phát hành.
        </Text>
        <SignerSelect unitId={s.regime.ownerUnitId} value={signerKey} onChange={setSignerKey} />
        <FormError error={error} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={approve.isPending}>
            Hủy
          </Button>
          <Button onClick={() => void confirm()} loading={approve.isPending}>
            Duyệt
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
