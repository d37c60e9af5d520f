// One AI system of a unit: what it is and does, its risk classification, its status ("in use" needs the approved
// Mẫu AI02 when one is mandatory; the leader may decide otherwise with a recorded reason), its AI02, its incidents.
import { Alert, Anchor, Button, Group, Select, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { aiApi, aiUrls, useAiMutation, useAiUse, type AiUseDetail } from '../../api/ai-systems.ts';
import { isApiError } from '../../api/client.ts';
import { FormError, LoadError } from '../../components/FieldError.tsx';
import { InfoRow } from '../../components/InfoRow.tsx';
import { PageHeader } from '../../components/PageTitle.tsx';
import { ReasonModal, reasonCheck } from '../../components/ReasonModal.tsx';
import { Section } from '../../components/Section.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { formatDate } from '../../format.ts';
import { paths } from '../../paths.ts';
import { ClassificationSection } from './ClassificationSection.tsx';
import { IncidentsSection } from './IncidentsSection.tsx';
import { LEVEL_TONE, STATE_TONE } from './labels.ts';

const SYNC_LABEL: Record<string, string> = {
  pending: 'Đang chờ gửi',
  sent: 'Đã gửi, chờ phản hồi',
  accepted: 'Đã tiếp nhận',
  rejected: 'Bị từ chối',
  superseded: 'Đã thay bằng thay đổi mới hơn',
};

function StatusSection({ use }: { use: AiUseDetail }) {
  const [status, setStatus] = useState<string>(use.status);
  const [reason, setReason] = useState('');
  const [retiring, setRetiring] = useState(false);
  const update = useAiMutation((b: { status: 'planned' | 'piloting' | 'inUse'; overrideReason?: string }) =>
    aiApi.update(use.id, b),
  );
  const publish = useAiMutation(() => aiApi.publish(use.id));
  const blocked = isApiError(update.error) && update.error.code === 'ai_use.assessment_required';
  return (
    <Section title="Trạng thái sử dụng" id="ai-status">
      <Stack gap="sm">
        <Text size="sm">
          Hiện tại: <b>{use.statusLabel}</b>
          {use.overrideReason ? ` (lãnh đạo quyết định: ${use.overrideReason})` : ''}
        </Text>
        {use.can.edit ? (
          <>
            <Select
              label="Chuyển trạng thái"
              allowDeselect={false}
              value={status}
              onChange={(s) => setStatus(s ?? use.status)}
              data={[
                { value: 'planned', label: 'Dự kiến' },
                { value: 'piloting', label: 'Thử nghiệm' },
                { value: 'inUse', label: 'Đang sử dụng' },
              ]}
            />
            {blocked && use.can.approve ? (
              <Textarea
                label="Lý do lãnh đạo quyết định đưa vào sử dụng"
                autosize
                minRows={2}
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
              />
            ) : null}
            <FormError error={update.error} fields={['status', 'overrideReason']} />
            <Group>
              <Button
                variant="default"
                loading={update.isPending}
                disabled={status === use.status}
                onClick={() =>
                  update.mutate({
                    status: status as 'planned',
                    ...(blocked && reason.trim() ? { overrideReason: reason } : {}),
                  })
                }
              >
                Lưu trạng thái
              </Button>
              {use.can.publish ? (
                <Button variant="default" loading={publish.isPending} onClick={() => publish.mutate(undefined)}>
                  Công khai
                </Button>
              ) : null}
              <Button variant="subtle" color="red" c="#a61b1b" onClick={() => setRetiring(true)}>
                Ngừng sử dụng
              </Button>
            </Group>
            <FormError error={publish.error} />
          </>
        ) : null}
      </Stack>
      <ReasonModal
        opened={retiring}
        onClose={() => setRetiring(false)}
        title="Ngừng sử dụng hệ thống"
        intro="Hệ thống sẽ chuyển sang trạng thái đã ngừng sử dụng."
        label="Lý do"
        check={reasonCheck('Nhập lý do ngừng sử dụng.')}
        confirmLabel="Ngừng sử dụng"
        onConfirm={(r) => aiApi.retire(use.id, r)}
      />
    </Section>
  );
}

export function AiSystemPage() {
  const id = Number(useParams().id);
  const q = useAiUse(id);
  if (q.error) return <LoadError error={q.error} what="hệ thống AI" onRetry={() => void q.refetch()} />;
  if (!q.data) return <Text>Đang tải…</Text>;
  const u = q.data;
  return (
    <>
      <PageHeader
        title={u.product.name}
        description={`${u.unit.name} · ${u.product.provider}`}
        above={
          <Anchor component={Link} to={paths.aiSystems} size="sm">
            ← Hệ thống AI
          </Anchor>
        }
        actions={
          <>
            <Button component={Link} to={paths.aiAssessment(u.id)} variant="default">
              Đánh giá tác động (Mẫu AI02)
            </Button>
            <Button component="a" href={aiUrls.ai02Docx(u.id)} variant="subtle">
              Tải Mẫu AI02 (DOCX)
            </Button>
          </>
        }
      />
      <Stack gap="md">
        <Group gap={6}>
          <StatusBadge tone={u.level ? LEVEL_TONE[u.level]! : 'gray'}>{u.levelLabel}</StatusBadge>
          <StatusBadge tone={STATE_TONE[u.assessmentState]!}>{u.assessmentStateLabel}</StatusBadge>
          {u.published ? <StatusBadge tone="blue">Đã công khai</StatusBadge> : null}
        </Group>
        {u.assessmentDue ? (
          <Alert color="orange" variant="light">
            Mục đích, chức năng, dữ liệu chính hoặc phạm vi đã thay đổi: cần lập lại báo cáo đánh giá tác động.
          </Alert>
        ) : null}
        <Section title="Thông tin" id="ai-info" titleGap="xs">
          <dl className="info-list">
            <InfoRow label="Mục đích">{u.purpose}</InfoRow>
            <InfoRow label="Phạm vi">{u.scope || '—'}</InfoRow>
            <InfoRow label="Đối tượng phục vụ">{u.usersServed || '—'}</InfoRow>
            <InfoRow label="Dữ liệu đầu vào">
              {u.inputData || '—'}
              {u.personalData ? ' (có dữ liệu cá nhân)' : ''}
            </InfoRow>
            <InfoRow label="Sử dụng kết quả">{u.outputUse || '—'}</InfoRow>
            <InfoRow label="Giám sát của con người">{u.humanOversight || '—'}</InfoRow>
            <InfoRow label="Ngày bắt đầu">{u.startDate ? formatDate(u.startDate) : '—'}</InfoRow>
            <InfoRow label="Hợp đồng (nội bộ)">{u.contract || '—'}</InfoRow>
            <InfoRow label="Ghi chú nội bộ">{u.internalNotes || '—'}</InfoRow>
            <InfoRow label="CSDL quốc gia về hệ thống AI">
              {u.nationalSync
                ? (SYNC_LABEL[u.nationalSync.status] ?? u.nationalSync.status)
                : 'Chưa gửi (chỉ gửi khi công khai)'}
              {u.nationalSync?.status === 'rejected' && u.nationalSync.lastError ? `: ${u.nationalSync.lastError}` : ''}
              {u.nationalAiId ? ` · mã định danh ${u.nationalAiId}` : ''}
            </InfoRow>
            <InfoRow label="Phản ánh, kiến nghị">
              <Anchor component={Link} to={`${paths.petitions}?aiSystemId=${u.id}`}>
                Xem kiến nghị về hệ thống này
              </Anchor>
            </InfoRow>
          </dl>
        </Section>
        <ClassificationSection use={u} />
        <StatusSection key={u.status} use={u} />
        <IncidentsSection use={u} />
      </Stack>
    </>
  );
}
