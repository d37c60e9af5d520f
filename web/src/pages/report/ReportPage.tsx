// One unit report: its header (period, units, due date, status), the reason when it was returned, the acts its
// status and the user's roles allow (save, refresh the prefilled facts, approve, submit; accept or return for the
// receiving unit), the narrative sections and indicator values, and the facts it was prefilled with (tasks with
// their status and deliverables, obstacles, the offices' reports).
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, Anchor, Box, Breadcrumbs, Button, Group, Loader, Stack, Text } from '@mantine/core';
import { IconArrowBackUp, IconCheck, IconDownload, IconInbox, IconInfoCircle, IconSend } from '@tabler/icons-react';
import { isApiError } from '../../api/client.ts';
import { reportDownloads, useReport } from '../../api/reporting.ts';
import type { ReportDetail } from '../../api/types.ts';
import { LoadError } from '../../components/FieldError.tsx';
import { InfoRow } from '../../components/InfoRow.tsx';
import { PageHeader, usePageTitle } from '../../components/PageTitle.tsx';
import { Section } from '../../components/Section.tsx';
import { ReportStatusBadge } from '../../components/reporting/ReportingBits.tsx';
import { formatDateTime, formatDay, REPORT_STATUS_LABEL } from '../../format.ts';
import { paths } from '../../paths.ts';
import { NotFoundPage } from '../NotFoundPage.tsx';
import { PrefilledFacts } from './PrefilledFacts.tsx';
import { ReportContent } from './ReportContent.tsx';
import { ReportDialogs } from './ReportDialogs.tsx';
import { useReportForm } from './useReportForm.ts';

export function ReportPage() {
  const { id } = useParams();
  const reportId = Number(id);
  const valid = Number.isInteger(reportId) && reportId > 0;
  const { data, isLoading, error, refetch } = useReport(valid ? reportId : null);
  usePageTitle(data ? `Báo cáo ${data.report.periodLabel.toLowerCase()} – ${data.report.unitName}` : 'Báo cáo');
  if (!valid || (isApiError(error) && (error.isNotFound || error.status === 400)))
    return <NotFoundPage what="báo cáo" />;
  if (isLoading)
    return (
      <Group p="md">
        <Loader size="sm" aria-hidden />
        <Text>Đang tải báo cáo…</Text>
      </Group>
    );
  if (error || !data) return <LoadError error={error} what="báo cáo" onRetry={() => void refetch()} />;
  return <ReportView key={`${data.report.id}-${data.report.updatedAt}`} d={data} />;
}
export type Dialog = 'approve' | 'submit' | 'accept' | 'return' | 'prefill' | null;

function ReportView({ d }: { d: ReportDetail }) {
  const { report: r, can } = d;
  const edit = useReportForm(d);
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);

  const breadcrumbs = (
    <Box component="nav" aria-label="Vị trí">
      <Breadcrumbs separator="›" separatorMargin={6} style={{ flexWrap: 'wrap', rowGap: 4 }}>
        <Anchor component={Link} to={paths.reports} size="sm">
          Báo cáo
        </Anchor>
        <Anchor component={Link} to={paths.periodStatus(r.regimeId, r.periodKey)} size="sm">
          {r.periodLabel}
        </Anchor>
        <Text size="sm" aria-current="page">
          {r.unitName}
        </Text>
      </Breadcrumbs>
    </Box>
  );

  const actions = (
    <>
      {can.approve ? (
        <Button leftSection={<IconCheck size={18} aria-hidden />} onClick={() => setDialog('approve')}>
          Duyệt báo cáo
        </Button>
      ) : null}
      {can.submit ? (
        <Button leftSection={<IconSend size={18} aria-hidden />} onClick={() => setDialog('submit')}>
          Gửi báo cáo
        </Button>
      ) : null}
      {can.accept ? (
        <Button leftSection={<IconInbox size={18} aria-hidden />} onClick={() => setDialog('accept')}>
          Tiếp nhận
        </Button>
      ) : null}
      <Button
        component="a"
        href={reportDownloads.docx(r.id)}
        download
        variant="default"
        leftSection={<IconDownload size={18} aria-hidden />}
      >
        Tải báo cáo (DOCX)
      </Button>
      <Button
        component="a"
        href={reportDownloads.xlsx(r.id)}
        download
        variant="default"
        leftSection={<IconDownload size={18} aria-hidden />}
      >
        Bảng số liệu (XLSX)
      </Button>
      {can.return ? (
        <Button
          variant="default"
          leftSection={<IconArrowBackUp size={18} aria-hidden />}
          onClick={() => setDialog('return')}
        >
          Trả lại
        </Button>
      ) : null}
    </>
  );

  const c = r.content;
  return (
    <>
      <PageHeader
        above={breadcrumbs}
        title={`Báo cáo ${r.periodLabel.toLowerCase()} – ${r.unitName}`}
        description={
          <Group gap="xs" component="span">
            <ReportStatusBadge status={r.status} />
            {r.number ? (
              <Text span size="sm" fw={500}>
                Số: {r.number}/{r.symbol}
              </Text>
            ) : null}
            <Text span size="sm" c="dimmed">
              gửi {r.toUnitName} · hạn {formatDay(r.dueDate)}
              {r.signer?.name ? ` · người ký: ${r.signer.name}` : ''}
            </Text>
          </Group>
        }
        actions={actions}
      />
      <Stack gap="md">
        {r.status === 'returned' ? (
          <Alert
            color="red"
            variant="light"
            icon={<IconArrowBackUp aria-hidden />}
            title={`${r.toUnitName} đã trả lại báo cáo`}
          >
            <Text size="sm">Lý do: {r.returnReason ?? '(không nêu)'}</Text>
            {/* The receiving unit only follows: the unit that reports completes it, so the instruction is for its people. */}
            <Text size="sm">
              {can.edit || can.approve
                ? `Hoàn thiện, trình lãnh đạo duyệt và gửi lại trước hết ngày ${formatDay(r.dueDate)}.`
                : `${r.unitName} hoàn thiện và gửi lại trước hết ngày ${formatDay(r.dueDate)}.`}
            </Text>
          </Alert>
        ) : null}
        {d.locked && (r.status === 'draft' || r.status === 'approved') ? (
          <Alert color="gray" variant="light" icon={<IconInfoCircle aria-hidden />}>
            Kỳ báo cáo đã hết hạn gửi (hạn {formatDay(r.dueDate)}): báo cáo không sửa được nữa. Liên hệ {r.toUnitName}{' '}
            nếu cần gửi bổ sung.
          </Alert>
        ) : null}
        {r.status === 'draft' && can.edit ? (
          <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />}>
            Các bước: chuyên viên soạn, lưu báo cáo → lãnh đạo đơn vị duyệt → gửi {r.toUnitName}.
          </Alert>
        ) : null}
        {r.status === 'approved' && can.submit ? (
          <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />}>
            Lãnh đạo đã duyệt: gửi báo cáo đến {r.toUnitName}.
          </Alert>
        ) : null}

        <Section title="Thông tin báo cáo" id="thong-tin-bc">
          <dl className="info-list">
            <InfoRow label="Chế độ báo cáo">
              <Anchor component={Link} to={paths.regime(r.regimeId)} size="sm">
                {r.regimeName}
              </Anchor>
            </InfoRow>
            <InfoRow label="Kỳ báo cáo">
              {r.periodLabel} (số liệu từ {formatDay(r.dataWindow.from)} đến {formatDay(r.dataWindow.to)})
            </InfoRow>
            <InfoRow label="Đơn vị báo cáo">{r.unitName}</InfoRow>
            <InfoRow label="Gửi đến">{r.toUnitName}</InfoRow>
            <InfoRow label="Hạn gửi">{formatDay(r.dueDate)}</InfoRow>
            <InfoRow label="Trạng thái">{REPORT_STATUS_LABEL[r.status]}</InfoRow>
            {r.approvedAt ? <InfoRow label="Lãnh đạo duyệt">{formatDateTime(r.approvedAt)}</InfoRow> : null}
            {r.submittedAt ? (
              <InfoRow label="Ngày gửi">
                {formatDateTime(r.submittedAt)}
                {r.late === true ? ' (quá hạn)' : r.late === false ? ' (đúng hạn)' : ''}
              </InfoRow>
            ) : null}
            {r.reviewedAt ? (
              <InfoRow label={r.status === 'returned' ? 'Trả lại lúc' : 'Tiếp nhận lúc'}>
                {formatDateTime(r.reviewedAt)}
              </InfoRow>
            ) : null}
          </dl>
        </Section>

        <ReportContent d={d} edit={edit} onPrefill={() => setDialog('prefill')} />

        <PrefilledFacts c={c} />
      </Stack>

      <ReportDialogs d={d} edit={edit} dialog={dialog} close={close} />
    </>
  );
}
