// One dataset of the provincial AI database: its catalogue entry, its state (draft → published → retracted, by a
// leader of the owning unit), its delivery to the national database, its files with their quality and personal
// data, and who may read them (access requests, the access log).
import { Alert, Anchor, Button, Group, List, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  ACCESS_CLASS_LABEL,
  ACCESS_METHOD_LABEL,
  DATASET_STATUS_LABEL,
  datasetsApi,
  LABELLING_LABEL,
  UPDATE_FREQUENCY_LABEL,
  useDataset,
  useDatasetMutation,
  usePublicDataset,
  type DatasetDetail,
} from '../../api/datasets.ts';
import { isApiError } from '../../api/client.ts';
import { FormError, LoadError } from '../../components/FieldError.tsx';
import { InfoRow } from '../../components/InfoRow.tsx';
import { PageHeader } from '../../components/PageTitle.tsx';
import { ReasonModal, reasonCheck } from '../../components/ReasonModal.tsx';
import { Section } from '../../components/Section.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { formatDate, formatDateTime, formatDay } from '../../format.ts';
import { paths } from '../../paths.ts';
import { AccessSection } from './AccessSection.tsx';
import { CLASS_TONE, STATUS_TONE, syncBadge } from './labels.ts';
import { OutsiderView } from './OutsiderView.tsx';
import { ResourcesSection } from './ResourcesSection.tsx';

const or = (s: string | null | undefined) => (s?.trim() ? s : '—');

function Badges({ d }: { d: DatasetDetail }) {
  const sync = syncBadge(d.sync);
  return (
    <Group gap={6}>
      <StatusBadge tone={STATUS_TONE[d.status]!}>{DATASET_STATUS_LABEL[d.status]}</StatusBadge>
      <StatusBadge tone={CLASS_TONE[d.accessClass]!}>{ACCESS_CLASS_LABEL[d.accessClass]}</StatusBadge>
      <Text size="sm" c="dimmed">
        Phiên bản {d.version}
      </Text>
      {sync ? (
        <span data-testid="sync-badge">
          <StatusBadge tone={sync.tone}>{sync.text}</StatusBadge>
        </span>
      ) : null}
    </Group>
  );
}

/** Công bố / Thu hồi, and why publishing is refused (the columns with personal data still standing). */
function StateActions({ d }: { d: DatasetDetail }) {
  const publish = useDatasetMutation(() => datasetsApi.publish(d.id));
  const [retracting, setRetracting] = useState(false);
  const qcRetract = useDatasetMutation((reason: string) => datasetsApi.retract(d.id, reason));
  if (!d.can.publish && !d.can.retract && d.blockers.length === 0 && !publish.error) return null;
  return (
    <Stack gap="sm">
      {d.blockers.length > 0 && d.status !== 'retracted' ? (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} title="Còn dữ liệu cá nhân">
          Dữ liệu mở chưa công bố được khi còn phát hiện dữ liệu cá nhân chưa xử lý:
          <List size="sm" mt={4}>
            {d.blockers.map((b) => (
              <List.Item key={b.resourceId}>
                Tệp “{b.title}”: cột {b.columns.map((c) => `“${c}”`).join(', ')}
              </List.Item>
            ))}
          </List>
          Hãy bỏ cột, che hoặc khái quát hóa (phần “Tệp dữ liệu” bên dưới), hoặc xác định là nhận nhầm kèm lý do.
        </Alert>
      ) : null}
      <div data-testid="publish-error">
        <FormError error={publish.error} title="Chưa công bố được" />
      </div>
      <Group gap="sm">
        {d.can.publish ? (
          <Button loading={publish.isPending} onClick={() => publish.mutate(undefined)}>
            {d.status === 'published' ? 'Công bố lại' : 'Công bố'}
          </Button>
        ) : null}
        {d.can.retract ? (
          <Button variant="default" color="red" c="#a61b1b" onClick={() => setRetracting(true)}>
            Thu hồi
          </Button>
        ) : null}
      </Group>
      <ReasonModal
        opened={retracting}
        onClose={() => setRetracting(false)}
        title="Thu hồi bộ dữ liệu"
        intro="Bộ dữ liệu sẽ rời khỏi danh mục công khai và Cơ sở dữ liệu quốc gia về trí tuệ nhân tạo (vẫn lưu dấu đã thu hồi)."
        label="Lý do thu hồi"
        check={reasonCheck('Nhập lý do thu hồi (ít nhất 5 ký tự).')}
        confirmLabel="Thu hồi"
        confirmColor="red"
        onConfirm={(r) => qcRetract.mutateAsync(r)}
      />
    </Stack>
  );
}

function Metadata({ d }: { d: DatasetDetail }) {
  const period =
    d.temporalStart || d.temporalEnd
      ? `${formatDay(d.temporalStart) || '…'} – ${formatDay(d.temporalEnd) || '…'}`
      : '—';
  return (
    <Section title="Thông tin bộ dữ liệu" id="ds-info" titleGap="xs">
      <dl className="info-list">
        <InfoRow label="Đơn vị quản lý">{d.unit.name}</InfoRow>
        <InfoRow label="Mô tả">{or(d.description)}</InfoRow>
        <InfoRow label="Lĩnh vực">{d.sectorName}</InfoRow>
        <InfoRow label="Từ khóa">{d.keywords.length ? d.keywords.join(', ') : '—'}</InfoRow>
        <InfoRow label="Loại dữ liệu">{ACCESS_CLASS_LABEL[d.accessClass]}</InfoRow>
        <InfoRow label="Giấy phép, điều khoản">{or(d.licence)}</InfoRow>
        <InfoRow label="Giới hạn mục đích sử dụng">{or(d.purposeLimits)}</InfoRow>
        <InfoRow label="Phương thức truy cập">{d.accessMethods.map((m) => ACCESS_METHOD_LABEL[m]).join(', ')}</InfoRow>
        <InfoRow label="Tần suất cập nhật">{UPDATE_FREQUENCY_LABEL[d.updateFrequency]}</InfoRow>
        <InfoRow label="Thời gian của dữ liệu">{period}</InfoRow>
        <InfoRow label="Phạm vi (xã, phường)">
          {d.spatial.length ? d.spatial.map((u) => u.name).join(', ') : 'Toàn tỉnh'}
        </InfoRow>
        <InfoRow label="Tiêu chuẩn, quy chuẩn">{or(d.standards)}</InfoRow>
        <InfoRow label="Căn cứ pháp lý">{or(d.legalBasis)}</InfoRow>
        <InfoRow label="Gán nhãn, chú thích">
          {LABELLING_LABEL[d.labelling]}
          {d.labellingNote ? ` – ${d.labellingNote}` : ''}
        </InfoRow>
        <InfoRow label="Đầu mối hỗ trợ kỹ thuật">
          {[d.contactName, d.contactEmail, d.contactPhone].filter(Boolean).join(' · ') || '—'}
        </InfoRow>
        {d.can.edit ? <InfoRow label="Ghi chú nội bộ">{or(d.internalNotes)}</InfoRow> : null}
        <InfoRow label="Mã định danh">{d.uuid}</InfoRow>
        <InfoRow label="Công bố">
          {d.publishedAt ? `${formatDateTime(d.publishedAt)}${d.publishedBy ? ` · ${d.publishedBy}` : ''}` : '—'}
        </InfoRow>
        {d.retractedAt ? (
          <InfoRow label="Thu hồi">
            {formatDateTime(d.retractedAt)}
            {d.retractReason ? ` · ${d.retractReason}` : ''}
          </InfoRow>
        ) : null}
      </dl>
    </Section>
  );
}

function History({ d }: { d: DatasetDetail }) {
  if (d.history.length === 0) return null;
  return (
    <Section title="Lịch sử phiên bản" id="ds-history">
      <List size="sm" spacing={4}>
        {d.history.map((h) => (
          <List.Item key={`${h.version}-${h.at}`}>
            Phiên bản {h.version} · {formatDate(h.at)}
            {h.by ? ` · ${h.by}` : ''}
            {h.note ? `: ${h.note}` : ''}
          </List.Item>
        ))}
      </List>
    </Section>
  );
}

export function DatasetPage() {
  const id = Number(useParams().id);
  const q = useDataset(id);
  // Outside the owning unit the server may know only the public entry: show it with the access request.
  // Kept once known: refetching the refused detail (after the request is sent) must not unmount the form's answer.
  const outsideOf = useRef(0);
  if (isApiError(q.error) && q.error.isNotFound) outsideOf.current = id;
  const outside = outsideOf.current === id && !q.data;
  const pub = usePublicDataset(outside ? id : 0);
  if (outside && pub.data) return <OutsiderView d={pub.data} />;
  if (outside && !pub.error) return <Text>Đang tải…</Text>;
  if (q.error) return <LoadError error={q.error} what="bộ dữ liệu" onRetry={() => void q.refetch()} />;
  if (!q.data) return <Text>Đang tải…</Text>;
  const d = q.data;
  return (
    <>
      <PageHeader
        title={d.title}
        description={`${d.unit.name} · ${d.sectorName}`}
        above={
          <Anchor component={Link} to={paths.datasets} size="sm">
            ← CSDL phục vụ AI
          </Anchor>
        }
        actions={
          <>
            {d.can.edit ? (
              <Button component={Link} to={paths.datasetEdit(d.id)} variant="default">
                Sửa
              </Button>
            ) : null}
            {d.status === 'published' ? (
              <Button component={Link} to={paths.publicDataset(d.id)} variant="subtle">
                Trang công khai
              </Button>
            ) : null}
          </>
        }
      />
      <Stack gap="md">
        <Badges d={d} />
        <StateActions d={d} />
        <Metadata d={d} />
        <ResourcesSection d={d} />
        <AccessSection d={d} />
        <History d={d} />
      </Stack>
    </>
  );
}
