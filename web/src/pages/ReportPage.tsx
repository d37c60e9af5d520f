// One unit report: its header (period, units, due date, status), the reason when it was returned, the acts its
// status and the user's roles allow (save, refresh the prefilled facts, approve, submit; accept or return for the
// receiving unit), the narrative sections and indicator values, and the facts it was prefilled with (tasks with
// their status and deliverables, obstacles, the offices' reports).
import { useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  Alert, Anchor, Box, Breadcrumbs, Button, Group, Loader, Modal, NumberInput, Stack, Table, Text, Textarea, Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconArrowBackUp, IconCheck, IconDeviceFloppy, IconInbox, IconInfoCircle, IconRefresh, IconSend,
} from '@tabler/icons-react';
import { isApiError } from '../api/client.ts';
import { reportingApi, useReport, useReportingMutation } from '../api/reporting.ts';
import type { Narrative, NarrativeKey, ReportDetail } from '../api/types.ts';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { FormError, LoadError } from '../components/FieldError.tsx';
import { PageHeader, usePageTitle } from '../components/PageTitle.tsx';
import { Section } from '../components/Section.tsx';
import { useApiForm } from '../components/form.ts';
import { ReportStatusBadge } from '../components/reporting/ReportingBits.tsx';
import { DeliverableLine, TaskStatusBadge } from '../components/tracking/TrackingBits.tsx';
import { ASSIGNMENT_ROLE_LABEL, count, formatDateTime, formatDay, formatNumber, OBSTACLE_KIND_LABEL, REPORT_STATUS_LABEL } from '../format.ts';
import { paths } from '../paths.ts';
import { NotFoundPage } from './NotFoundPage.tsx';
import { InfoRow } from './PlanPage.tsx';

/** The narrative sections in the order of the Báo cáo outline (Mẫu 1.4), with what each should say. */
export const NARRATIVE_SECTIONS: ReadonlyArray<{ key: NarrativeKey; label: string; hint: string }> = [
  { key: 'leadership', label: 'I. Công tác lãnh đạo, chỉ đạo, triển khai thực hiện', hint: 'Văn bản chỉ đạo, kế hoạch đã ban hành; công tác phổ biến, quán triệt.' },
  { key: 'results', label: 'II. Kết quả thực hiện', hint: 'Kết quả từng nhiệm vụ; đã điền sẵn tổng hợp từ tiến độ, có thể sửa, bổ sung.' },
  { key: 'assessment', label: 'III. Đánh giá chung', hint: 'Ưu điểm, kết quả nổi bật; hạn chế và nguyên nhân.' },
  { key: 'obstacles', label: 'Khó khăn, vướng mắc', hint: 'Đã điền sẵn các khó khăn đã nêu khi cập nhật tiến độ.' },
  { key: 'nextSteps', label: 'IV. Phương hướng, nhiệm vụ trọng tâm thời gian tới', hint: '' },
  { key: 'proposals', label: 'V. Đề xuất, kiến nghị', hint: '' },
];

export function ReportPage() {
  const { id } = useParams();
  const reportId = Number(id);
  const valid = Number.isInteger(reportId) && reportId > 0;
  const { data, isLoading, error, refetch } = useReport(valid ? reportId : null);
  usePageTitle(data ? `Báo cáo ${data.report.periodLabel.toLowerCase()} – ${data.report.unitName}` : 'Báo cáo');
  if (!valid || (isApiError(error) && (error.isNotFound || error.status === 400))) return <NotFoundPage what="báo cáo" />;
  if (isLoading) return <Group p="md"><Loader size="sm" aria-hidden /><Text>Đang tải báo cáo…</Text></Group>;
  if (error || !data) return <LoadError error={error} what="báo cáo" onRetry={() => void refetch()} />;
  return <ReportView key={`${data.report.id}-${data.report.updatedAt}`} d={data} />;
}

type Values = Narrative & { indicators: Record<string, number | string> };
type Dialog = 'approve' | 'submit' | 'accept' | 'return' | 'prefill' | null;

function valuesOf(d: ReportDetail): Values {
  return { ...d.report.content.narrative, indicators: { ...d.report.indicatorValues } };
}

function ReportView({ d }: { d: ReportDetail }) {
  const { report: r, can, indicators } = d;
  const initial = useMemo(() => valuesOf(d), [d]);
  const form = useApiForm<Values>(initial, (v) => {
    const bad = indicators.find((def) => !def.fromDeliverables && v.indicators[def.code] !== '' && !(Number(v.indicators[def.code]) >= 0));
    return bad ? { indicators: `“${bad.name}” phải là số không âm.` } : {};
  });
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const save = useReportingMutation((v: Values) => reportingApi.update(r.id, {
    narrative: Object.fromEntries(NARRATIVE_SECTIONS.map((s) => [s.key, v[s.key]])) as Narrative,
    indicatorValues: Object.fromEntries(indicators.filter((def) => !def.fromDeliverables).map((def) => [def.code, Number(v.indicators[def.code] || 0)])),
  }));
  const act = useReportingMutation((a: 'approve' | 'submit' | 'accept') => reportingApi.transition(r.id, a));
  const prefill = useReportingMutation(() => reportingApi.prefill(r.id));
  const dirty = NARRATIVE_SECTIONS.some((s) => form.values[s.key] !== initial[s.key])
    || indicators.some((def) => String(form.values.indicators[def.code] ?? '') !== String(initial.indicators[def.code] ?? ''));

  // Leaving with unsaved text: the browser asks first.
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => { e.preventDefault(); };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const submitSave = form.onSubmit(async (v) => {
    await save.mutateAsync(v);
    notifications.show({ color: 'green', message: 'Đã lưu báo cáo.' });
  });

  const breadcrumbs = (
    <Box component="nav" aria-label="Vị trí">
      <Breadcrumbs separator="›" separatorMargin={6} style={{ flexWrap: 'wrap', rowGap: 4 }}>
        <Anchor component={Link} to={paths.reports} size="sm">Báo cáo</Anchor>
        <Anchor component={Link} to={paths.periodStatus(r.regimeId, r.periodKey)} size="sm">{r.periodLabel}</Anchor>
        <Text size="sm" aria-current="page">{r.unitName}</Text>
      </Breadcrumbs>
    </Box>
  );

  const actions = (
    <>
      {can.approve ? <Button leftSection={<IconCheck size={18} aria-hidden />} onClick={() => setDialog('approve')}>Duyệt báo cáo</Button> : null}
      {can.submit ? <Button leftSection={<IconSend size={18} aria-hidden />} onClick={() => setDialog('submit')}>Gửi báo cáo</Button> : null}
      {can.accept ? <Button leftSection={<IconInbox size={18} aria-hidden />} onClick={() => setDialog('accept')}>Tiếp nhận</Button> : null}
      {can.return ? <Button variant="default" leftSection={<IconArrowBackUp size={18} aria-hidden />} onClick={() => setDialog('return')}>Trả lại</Button> : null}
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
            <Text span size="sm" c="dimmed">gửi {r.toUnitName} · hạn {formatDay(r.dueDate)}</Text>
          </Group>
        }
        actions={actions}
      />
      <Stack gap="md">
        {r.status === 'returned' ? (
          <Alert color="red" variant="light" icon={<IconArrowBackUp aria-hidden />} title={`${r.toUnitName} đã trả lại báo cáo`}>
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
            Kỳ báo cáo đã hết hạn gửi (hạn {formatDay(r.dueDate)}): báo cáo không sửa được nữa. Liên hệ {r.toUnitName} nếu cần gửi bổ sung.
          </Alert>
        ) : null}
        {r.status === 'draft' && can.edit ? (
          <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />}>
            Các bước: chuyên viên soạn, lưu báo cáo → lãnh đạo đơn vị duyệt → gửi {r.toUnitName}.
          </Alert>
        ) : null}
        {r.status === 'approved' && can.submit ? (
          <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />}>Lãnh đạo đã duyệt: gửi báo cáo đến {r.toUnitName}.</Alert>
        ) : null}

        <Section title="Thông tin báo cáo" id="thong-tin-bc">
          <dl className="info-list">
            <InfoRow label="Chế độ báo cáo"><Anchor component={Link} to={paths.regime(r.regimeId)} size="sm">{r.regimeName}</Anchor></InfoRow>
            <InfoRow label="Kỳ báo cáo">{r.periodLabel} (số liệu từ {formatDay(r.dataWindow.from)} đến {formatDay(r.dataWindow.to)})</InfoRow>
            <InfoRow label="Đơn vị báo cáo">{r.unitName}</InfoRow>
            <InfoRow label="Gửi đến">{r.toUnitName}</InfoRow>
            <InfoRow label="Hạn gửi">{formatDay(r.dueDate)}</InfoRow>
            <InfoRow label="Trạng thái">{REPORT_STATUS_LABEL[r.status]}</InfoRow>
            {r.approvedAt ? <InfoRow label="Lãnh đạo duyệt">{formatDateTime(r.approvedAt)}</InfoRow> : null}
            {r.submittedAt ? <InfoRow label="Ngày gửi">{formatDateTime(r.submittedAt)}{r.late === true ? ' (quá hạn)' : r.late === false ? ' (đúng hạn)' : ''}</InfoRow> : null}
            {r.reviewedAt ? <InfoRow label={r.status === 'returned' ? 'Trả lại lúc' : 'Tiếp nhận lúc'}>{formatDateTime(r.reviewedAt)}</InfoRow> : null}
          </dl>
        </Section>

        <form ref={form.formRef} onSubmit={(e) => void submitSave(e)} noValidate aria-labelledby="noi-dung-bc">
          <Section
            title="Nội dung báo cáo"
            id="noi-dung-bc"
            extra={can.edit ? (
              <Button variant="default" size="xs" leftSection={<IconRefresh size={16} aria-hidden />} onClick={() => setDialog('prefill')}>Cập nhật số liệu điền sẵn</Button>
            ) : null}
          >
            <Stack gap="md">
              {NARRATIVE_SECTIONS.map((s) => (
                can.edit ? (
                  <Textarea
                    key={s.key}
                    label={s.label}
                    description={s.hint || undefined}
                    autosize
                    minRows={s.key === 'results' ? 4 : 2}
                    maxRows={20}
                    value={form.values[s.key]}
                    onChange={(e) => form.setValue(s.key, e.currentTarget.value)}
                    error={form.error(s.key) ?? (isApiError(form.serverError) ? form.serverError.fieldError(`narrative.${s.key}`) : undefined)}
                  />
                ) : (
                  <div key={s.key}>
                    <Title order={3} size="h6">{s.label}</Title>
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} c={c.narrative[s.key] ? undefined : 'dimmed'}>
                      {c.narrative[s.key] || '(chưa viết)'}
                    </Text>
                  </div>
                )
              ))}

              <div>
                <Title order={3} size="h5" id="chi-tieu" mb={4}>Chỉ tiêu</Title>
                <Text size="xs" c="dimmed" mb="xs">Chỉ tiêu có ghi “đếm từ sản phẩm” được tính tự động từ các sản phẩm đã ghi nhận khi cập nhật tiến độ.</Text>
                <Table.ScrollContainer minWidth={320}>
                  <Table verticalSpacing={6} aria-labelledby="chi-tieu">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">Chỉ tiêu</Table.Th>
                        <Table.Th scope="col" w={140} ta="right">Giá trị</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {indicators.map((def) => (
                        <Table.Tr key={def.code}>
                          <Table.Th scope="row" fw={400}>
                            <Text size="sm" id={`ct-${def.code}`}>{def.name} <Text span size="xs" c="dimmed">({def.unit})</Text></Text>
                            {def.fromDeliverables ? <Text size="xs" c="dimmed">đếm từ sản phẩm</Text> : null}
                          </Table.Th>
                          <Table.Td ta="right">
                            {can.edit && !def.fromDeliverables ? (
                              <NumberInput
                                aria-labelledby={`ct-${def.code}`}
                                min={0}
                                allowNegative={false}
                                thousandSeparator="."
                                decimalSeparator=","
                                value={form.values.indicators[def.code] ?? 0}
                                onChange={(v) => form.setValue('indicators', { ...form.values.indicators, [def.code]: v })}
                                size="xs"
                                w={120}
                                ml="auto"
                                inputMode="numeric"
                                error={isApiError(form.serverError) ? form.serverError.fieldError(`indicatorValues.${def.code}`) : undefined}
                              />
                            ) : <Text size="sm" fw={600}>{formatNumber(r.indicatorValues[def.code] ?? 0)}</Text>}
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
                {form.error('indicators') ? <Text size="sm" c="red.9" role="alert">{form.error('indicators')}</Text> : null}
              </div>

              {can.edit ? (
                <>
                  <FormError error={form.serverError} fields={[...NARRATIVE_SECTIONS.map((s) => `narrative.${s.key}`), 'indicatorValues']} title="Chưa lưu được báo cáo" />
                  <Group justify="flex-end" gap="sm">
                    {dirty ? <Text size="sm" c="orange.9" role="status">Có thay đổi chưa lưu</Text> : null}
                    <Button type="submit" loading={form.submitting} leftSection={<IconDeviceFloppy size={18} aria-hidden />}>Lưu báo cáo</Button>
                  </Group>
                </>
              ) : null}
            </Stack>
          </Section>
        </form>

        <Section title="Số liệu điền sẵn" id="so-lieu" extra={<Text size="sm" c="dimmed">{count(c.tasks.length, 'nhiệm vụ')}</Text>}>
          <Text size="xs" c="dimmed" mb="sm">
            Từ tiến độ, sản phẩm và khó khăn đơn vị đã ghi nhận trong kỳ (từ {formatDay(c.window.from)} đến {formatDay(c.window.to)}).
          </Text>
          {c.tasks.length ? (
            <ol className="fact-list">
              {c.tasks.map((t, i) => (
                <li key={`${t.taskNumber}-${i}`}>
                  <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>{t.taskNumber}. {t.taskTitle}</Text>
                  <Group gap={6} mt={2}>
                    <TaskStatusBadge status={t.status} size="sm" />
                    <Text size="xs" c="dimmed">
                      {ASSIGNMENT_ROLE_LABEL[t.role]} · {t.percent}%{t.deadline ? ` · hạn ${formatDay(t.deadline)}` : ''}{t.parentTaskNumber ? ` · thực hiện nhiệm vụ ${t.parentTaskNumber} của kế hoạch cấp trên` : ''}
                    </Text>
                  </Group>
                  {t.results.length ? (
                    <ul className="plain-list">{t.results.map((x, j) => <li key={j}><Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{x}</Text></li>)}</ul>
                  ) : null}
                  {t.deliverables.length ? (
                    <ul className="plain-list">{t.deliverables.map((x, j) => <li key={j}><DeliverableLine d={x} /></li>)}</ul>
                  ) : null}
                </li>
              ))}
            </ol>
          ) : <Text size="sm" c="dimmed">Không có nhiệm vụ nào trong kỳ.</Text>}

          <Title order={3} size="h5" mt="md" mb={6}>Khó khăn, kiến nghị đã nêu</Title>
          {c.obstacles.length ? (
            <ul className="plain-list">
              {c.obstacles.map((o, i) => (
                <li key={i}>
                  <Text size="sm"><Text span fw={600} inherit>{OBSTACLE_KIND_LABEL[o.kind]} ({formatDay(o.raisedOn)}):</Text> {o.content}</Text>
                  {o.answer ? <Text size="xs" c="dimmed">Đã trả lời: {o.answer}</Text> : <Text size="xs" c="dimmed">Chưa được trả lời</Text>}
                </li>
              ))}
            </ul>
          ) : <Text size="sm" c="dimmed">Không có.</Text>}

          {c.children?.length ? (
            <>
              <Title order={3} size="h5" mt="md" mb={6}>Báo cáo của các phòng, ban</Title>
              <ul className="plain-list">
                {c.children.map((ch) => (
                  <li key={ch.reportId}>
                    <Group gap="xs">
                      <Anchor component={Link} to={paths.report(ch.reportId)} size="sm">{ch.unitName}</Anchor>
                      <ReportStatusBadge status={ch.status} size="sm" />
                      {ch.submittedOn ? <Text size="xs" c="dimmed">gửi {formatDay(ch.submittedOn)}</Text> : null}
                    </Group>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </Section>
      </Stack>

      <ConfirmDialog
        opened={dialog === 'approve'}
        onClose={close}
        title="Duyệt báo cáo"
        confirmLabel="Duyệt"
        onConfirm={async () => {
          if (dirty && can.edit) await save.mutateAsync(form.values);
          await act.mutateAsync('approve');
          notifications.show({ color: 'green', message: 'Đã duyệt báo cáo. Chuyên viên hoặc lãnh đạo gửi báo cáo đến đơn vị nhận.' });
        }}
      >
        {dirty ? 'Nội dung vừa sửa sẽ được lưu rồi duyệt. ' : ''}Sau khi duyệt, báo cáo không sửa được nữa (trừ khi đơn vị nhận trả lại).
      </ConfirmDialog>
      <ConfirmDialog
        opened={dialog === 'submit'}
        onClose={close}
        title="Gửi báo cáo"
        confirmLabel="Gửi"
        onConfirm={async () => {
          const res = await act.mutateAsync('submit');
          notifications.show({ color: 'green', message: `Đã gửi báo cáo đến ${r.toUnitName}${res.late ? ' (quá hạn)' : ' đúng hạn'}.` });
        }}
      >
        {`Gửi báo cáo đến ${r.toUnitName}? Hạn gửi: ${formatDay(r.dueDate)}.`}
      </ConfirmDialog>
      <ConfirmDialog
        opened={dialog === 'accept'}
        onClose={close}
        title="Tiếp nhận báo cáo"
        confirmLabel="Tiếp nhận"
        onConfirm={async () => {
          await act.mutateAsync('accept');
          notifications.show({ color: 'green', message: `Đã tiếp nhận báo cáo của ${r.unitName}.` });
        }}
      >
        {`Tiếp nhận báo cáo của ${r.unitName}? Đơn vị được thông báo.`}
      </ConfirmDialog>
      <ConfirmDialog
        opened={dialog === 'prefill'}
        onClose={close}
        title="Cập nhật số liệu điền sẵn"
        confirmLabel="Cập nhật"
        onConfirm={async () => {
          await prefill.mutateAsync(undefined);
          notifications.show({ color: 'green', message: 'Đã cập nhật số liệu từ tiến độ mới nhất; nội dung đã viết được giữ nguyên.' });
        }}
      >
        {dirty
          ? 'Lưu nội dung đang sửa trước: số liệu được lấy lại từ tiến độ, sản phẩm và khó khăn mới nhất, còn phần chưa lưu sẽ mất.'
          : 'Lấy lại nhiệm vụ, sản phẩm, khó khăn và chỉ tiêu đếm từ sản phẩm theo tiến độ mới nhất. Nội dung đã viết và chỉ tiêu nhập tay được giữ nguyên.'}
      </ConfirmDialog>
      {can.return ? <ReturnReportModal opened={dialog === 'return'} onClose={close} d={d} /> : null}
    </>
  );
}

function ReturnReportModal({ opened, onClose, d }: { opened: boolean; onClose: () => void; d: ReportDetail }) {
  const initial = { reason: '' };
  const form = useApiForm(initial, (v) => ({
    reason: v.reason.trim().length < 5 ? 'Nêu lý do trả lại (ít nhất 5 ký tự).' : undefined,
  }));
  const mutation = useReportingMutation((reason: string) => reportingApi.return(d.report.id, reason));
  useEffect(() => { if (opened) form.reset(initial); }, [opened]);
  const submit = form.onSubmit(async (v) => {
    const res = await mutation.mutateAsync(v.reason.trim());
    notifications.show({ color: 'green', message: `Đã trả lại báo cáo của ${d.report.unitName}; hạn gửi lại: ${formatDay(res.dueDate)}.` });
    onClose();
  });
  return (
    <Modal opened={opened} onClose={onClose} title="Trả lại báo cáo" centered>
      <form ref={form.formRef} onSubmit={(e) => void submit(e)} noValidate>
        <Stack>
          <Text size="sm">
            Báo cáo trở về {d.report.unitName} để hoàn thiện; đơn vị được thông báo lý do và có ít nhất 5 ngày làm việc để gửi lại.
          </Text>
          <Textarea
            label="Lý do trả lại"
            required
            autosize
            minRows={3}
            maxLength={2000}
            value={form.values.reason}
            onChange={(e) => form.setValue('reason', e.currentTarget.value)}
            error={form.error('reason')}
            data-autofocus
          />
          <FormError error={form.serverError} fields={['reason']} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} disabled={form.submitting}>Hủy</Button>
            <Button type="submit" color="red.9" loading={form.submitting}>Trả lại</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

