// Sửa dự thảo kế hoạch: the header (trích yếu, số, ký hiệu, địa danh, ngày, người ký, nơi nhận) and the tasks
// (number, title, content, chủ trì and phối hợp from the register or as free text, timeframe, deliverables).
// Saved with PUT; the review findings are shown after each save. What was typed is kept when the server refuses,
// with the issues under the fields they concern.
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Link, useBlocker, useParams } from 'react-router';
import { Alert, Anchor, Box, Button, Card, Group, Loader, Modal, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconArrowDown, IconArrowUp, IconCircleCheck, IconDeviceFloppy, IconPlus, IconTrash } from '@tabler/icons-react';
import { parseTimeframe } from '../../../src/domain/plan/timeframe.ts';
import { isApiError } from '../api/client.ts';
import { plansApi, usePlan, usePlanMutation } from '../api/plans.ts';
import type { PlanDetail, PlanDraft, PlanTask, UnitRef } from '../api/types.ts';
import { DateField } from '../components/DateField.tsx';
import { FormError, LoadError } from '../components/FieldError.tsx';
import { PageHeader, usePageTitle } from '../components/PageTitle.tsx';
import { FindingCounts, FindingList, scrollToElement } from '../components/plans/FindingList.tsx';
import { ClarityMarks } from '../components/plans/PlanBits.tsx';
import { describeSchedule, docNumber, findingsByTask, parseYear, taskAnchorId } from '../components/plans/planFormat.ts';
import { UnitRefEditor } from '../components/plans/UnitRefEditor.tsx';
import { formatDateTime } from '../format.ts';
import { paths } from '../paths.ts';
import { NotFoundPage } from './NotFoundPage.tsx';

const TASK_PREFIX = 'sua-nv';

interface TaskForm {
  key: string;
  number: string;
  title: string;
  content: string;
  lead: UnitRef[];
  coordinators: UnitRef[];
  timeframe: string;
  deliverables: string;
  original: PlanTask | null;
}

interface EditForm {
  title: string;
  issuerText: string;
  number: string;
  symbol: string;
  place: string;
  date: string | null;
  year: string;
  signerName: string;
  recipients: string;
  tasks: TaskForm[];
}

type Errors = Record<string, string>;

let keySeq = 0;
const newKey = () => `t${++keySeq}`;

function toForm(draft: PlanDraft): EditForm {
  const d = draft.document;
  return {
    title: d.title, issuerText: d.issuer?.text ?? '', number: d.number ?? '', symbol: d.symbol ?? '', place: d.place ?? '', date: d.date,
    year: d.year ? String(d.year) : '', signerName: d.signer?.name ?? '', recipients: d.recipients.join('\n'),
    tasks: draft.tasks.map((t) => ({
      key: newKey(), number: t.number, title: t.title, content: t.content ?? '', lead: t.lead, coordinators: t.coordinators,
      timeframe: t.timeframe.text, deliverables: t.deliverables.join('\n'), original: t,
    })),
  };
}

const lines = (s: string) => s.split('\n').map((x) => x.trim().replace(/^[-–•+]\s*/, '').replace(/[;.]+$/, '')).filter(Boolean);

function toDraft(base: PlanDraft, f: EditForm): PlanDraft {
  const year = parseYear(f.year) ?? (f.date ? Number(f.date.slice(0, 4)) : base.document.year);
  const groupNumbers = new Set(base.groups.map((g) => g.number));
  const signer = f.signerName.trim()
    ? { ...(base.document.signer ?? { authority: 'TM' as const, lines: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'], name: null }), name: f.signerName.trim() }
    : base.document.signer ? { ...base.document.signer, name: null } : null;
  return {
    ...base,
    findings: [],
    document: {
      ...base.document,
      title: f.title.trim(),
      issuer: base.document.issuer && f.issuerText.trim() && f.issuerText.trim() !== base.document.issuer.text
        ? { ...base.document.issuer, text: f.issuerText.trim() } : base.document.issuer,
      number: f.number.trim() || null, symbol: f.symbol.trim() || null, place: f.place.trim() || null,
      date: f.date, year: year ?? null, signer, recipients: lines(f.recipients),
    },
    tasks: f.tasks.map((t) => {
      const o = t.original;
      const number = t.number.trim();
      const parentNumber = number.includes('.') ? number.slice(0, number.lastIndexOf('.')) : null;
      const text = t.timeframe.trim();
      return {
        ...(o ?? { notes: null, parentTask: null }),
        number,
        title: t.title.trim(),
        content: t.content.trim() || null,
        lead: t.lead,
        coordinators: t.coordinators,
        // The schedule is read again only when the text changed (the server keeps what it is sent).
        timeframe: o && o.timeframe.text === text ? o.timeframe : parseTimeframe(text, { year: year ?? null }),
        deliverables: lines(t.deliverables),
        groupNumber: o && o.number === number ? o.groupNumber : parentNumber && groupNumbers.has(parentNumber) ? parentNumber : null,
        notes: o?.notes ?? null,
        parentTask: o?.parentTask ?? null,
      } satisfies PlanTask;
    }),
  };
}

function validate(f: EditForm): Errors {
  const e: Errors = {};
  if (!f.title.trim()) e.title = 'Nhập trích yếu của kế hoạch.';
  if (f.number.trim() && !/^\d{1,6}$/.test(f.number.trim())) e.number = 'Số văn bản chỉ gồm chữ số (để trống khi chưa ban hành).';
  if (f.year.trim() && parseYear(f.year) === null) e.year = 'Năm gồm 4 chữ số, ví dụ 2026.';
  const seen = new Map<string, number>();
  f.tasks.forEach((t, i) => {
    const n = t.number.trim();
    if (!n) e[`tasks.${i}.number`] = 'Nhập số thứ tự, ví dụ 1 hoặc 3.1.';
    else if (!/^[\p{L}\p{N}]+(\.[\p{L}\p{N}]+)*$/u.test(n)) e[`tasks.${i}.number`] = 'Số thứ tự gồm số và dấu chấm, ví dụ 3.1.';
    else if (seen.has(n)) e[`tasks.${i}.number`] = `Số ${n} trùng với nhiệm vụ thứ ${seen.get(n)! + 1}.`;
    else seen.set(n, i);
    if (!t.title.trim()) e[`tasks.${i}.title`] = 'Nhập tên nhiệm vụ (việc phải làm).';
  });
  return e;
}

const HEADER_FIELDS = ['title', 'issuerText', 'number', 'symbol', 'place', 'date', 'year', 'signerName', 'recipients'];
const TASK_FIELD = /^tasks\.\d+\.(number|title|content|lead|coordinators|timeframe|deliverables)$/;

/**
 * The server's issues as form paths ("draft.document.title" → "title", "draft.tasks.2.timeframe.text" →
 * "tasks.2.timeframe"), and the raw paths the form shows under a field (the others go above the save button).
 */
function serverErrors(err: unknown): { byField: Errors; shown: string[] } {
  const byField: Errors = {};
  const shown: string[] = [];
  if (!isApiError(err)) return { byField, shown };
  for (const i of err.issues) {
    let p = i.path.replace(/^draft\./, '');
    if (p.startsWith('document.')) p = p.slice('document.'.length).replace(/^signer\.name$/, 'signerName').split('.')[0]!;
    else if (p.startsWith('tasks.')) p = p.split('.').slice(0, 3).join('.');
    if (HEADER_FIELDS.includes(p) || TASK_FIELD.test(p) || p === 'tasks') {
      shown.push(i.path);
      if (!byField[p]) byField[p] = i.message;
    }
  }
  return { byField, shown };
}

export function PlanEditPage() {
  const { id } = useParams();
  const planId = Number(id);
  const valid = Number.isInteger(planId) && planId > 0;
  const { data, isLoading, error, refetch } = usePlan(valid ? planId : null);
  usePageTitle(data ? `Sửa: ${data.plan.title}` : 'Sửa kế hoạch');

  if (!valid || (isApiError(error) && (error.isNotFound || error.status === 400))) return <NotFoundPage what="kế hoạch" />;
  if (isLoading) return <Group p="md"><Loader size="sm" aria-hidden /><Text>Đang tải kế hoạch…</Text></Group>;
  if (error || !data) return <LoadError error={error} what="kế hoạch" onRetry={() => void refetch()} />;
  if (!data.can.edit) {
    return (
      <>
        <PageHeader title="Sửa kế hoạch" above={<Anchor component={Link} to={paths.plan(planId)} size="sm">‹ {data.plan.title}</Anchor>} />
        <Alert color="gray" variant="light" title="Không sửa được kế hoạch này">
          {data.plan.status !== 'draft'
            ? `Kế hoạch đang ở trạng thái “${data.plan.statusLabel}”. Chỉ dự thảo mới sửa được${data.plan.status === 'issued' ? '; kế hoạch đã ban hành thay đổi bằng “Sửa đổi”' : ''}.`
            : 'Bạn không có quyền sửa dự thảo của đơn vị này.'}
          {' '}<Anchor component={Link} to={paths.plan(planId)} underline="always">Về trang kế hoạch</Anchor>
        </Alert>
      </>
    );
  }
  return <EditView detail={data} />;
}

function EditView({ detail }: { detail: PlanDetail }) {
  const { plan } = detail;
  const isPhone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const [base] = useState(detail.draft);
  const [form, setForm] = useState<EditForm>(() => toForm(detail.draft));
  const [clientErrors, setClientErrors] = useState<Errors>({});
  const [serverError, setServerError] = useState<unknown>(null);
  const [edited, setEdited] = useState<ReadonlySet<string>>(new Set());
  const [dirty, setDirty] = useState(false);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const save = usePlanMutation((draft: PlanDraft) => plansApi.update(plan.id, draft));
  const fresh = usePlan(plan.id);
  const findings = savedAt ? fresh.data?.draft.findings ?? [] : detail.draft.findings;
  const byTask = useMemo(() => findingsByTask(findings), [findings]);

  const { byField: sErrors, shown: shownServerPaths } = useMemo(() => serverErrors(serverError), [serverError]);
  const err = (path: string) => clientErrors[path] ?? (edited.has(path) ? undefined : sErrors[path]);

  const touch = (path: string) => {
    setDirty(true);
    setClientErrors((e) => (e[path] ? { ...e, [path]: '' } : e));
    setEdited((s) => (s.has(path) ? s : new Set(s).add(path)));
  };
  const set = <K extends Exclude<keyof EditForm, 'tasks'>>(key: K, value: EditForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    touch(key);
  };
  const setTask = <K extends keyof TaskForm>(i: number, key: K, value: TaskForm[K]) => {
    setForm((f) => ({ ...f, tasks: f.tasks.map((t, j) => (j === i ? { ...t, [key]: value } : t)) }));
    touch(`tasks.${i}.${key}`);
  };
  const moveTask = (i: number, by: -1 | 1) => {
    setForm((f) => {
      const tasks = [...f.tasks];
      const [t] = tasks.splice(i, 1);
      tasks.splice(i + by, 0, t!);
      return { ...f, tasks };
    });
    setDirty(true);
  };
  const removeTask = (i: number) => {
    setForm((f) => ({ ...f, tasks: f.tasks.filter((_, j) => j !== i) }));
    setDirty(true);
  };
  const addTask = () => {
    const last = form.tasks[form.tasks.length - 1]?.number ?? '0';
    const next = /^\d+$/.test(last) ? String(Number(last) + 1) : /^(.*\.)(\d+)$/.test(last) ? last.replace(/(\d+)$/, (d) => String(Number(d) + 1)) : '';
    const key = newKey();
    setForm((f) => ({ ...f, tasks: [...f.tasks, { key, number: next, title: '', content: '', lead: [], coordinators: [], timeframe: '', deliverables: '', original: null }] }));
    setDirty(true);
    requestAnimationFrame(() => document.getElementById(`${key}-ten`)?.focus());
  };

  // After React has shown the messages (two frames), focus the first field in error.
  const focusFirstInvalid = () => requestAnimationFrame(() => requestAnimationFrame(() => {
    const el = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], [data-invalid="true"] input');
    el?.focus({ preventScroll: true });
    el?.scrollIntoView({ block: 'center' });
  }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (save.isPending) return;
    const found = validate(form);
    setClientErrors(found);
    if (Object.values(found).some(Boolean)) {
      focusFirstInvalid();
      return;
    }
    setServerError(null);
    try {
      await save.mutateAsync(toDraft(base, form));
      setEdited(new Set());
      setDirty(false);
      setSavedAt(new Date());
      notifications.show({ color: 'green', message: 'Đã lưu dự thảo. Xem kết quả rà soát ở đầu trang.' });
      requestAnimationFrame(() => scrollToElement('ket-qua-luu'));
    } catch (x) {
      setServerError(x);
      setEdited(new Set());
      focusFirstInvalid();
    }
  };

  // Leaving with unsaved changes asks first (in the app and when closing the tab).
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname);
  useEffect(() => {
    if (!dirty) return;
    const h = (ev: BeforeUnloadEvent) => { ev.preventDefault(); };
    window.addEventListener('beforeunload', h);
    return () => window.removeEventListener('beforeunload', h);
  }, [dirty]);

  return (
    <>
      <PageHeader
        title="Sửa dự thảo kế hoạch"
        documentTitle={`Sửa: ${plan.title}`}
        above={<Anchor component={Link} to={paths.plan(plan.id)} size="sm">‹ {plan.title || 'Kế hoạch'}</Anchor>}
        description={`${plan.issuerName} · ${docNumber(plan.number, plan.symbol)} · phiên bản ${plan.version}`}
      />
      <form ref={formRef} onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="md">
          <Card withBorder radius="md" component="section" aria-labelledby="ket-qua-luu-tieu-de" id="ket-qua-luu">
            <Group justify="space-between" gap="xs" mb="xs">
              <Title order={2} size="h4" id="ket-qua-luu-tieu-de">{savedAt ? 'Đã lưu – kết quả rà soát' : 'Kết quả rà soát (bản đã lưu)'}</Title>
              {fresh.isFetching && savedAt ? <Loader size="xs" aria-label="Đang rà soát" /> : <FindingCounts findings={findings} />}
            </Group>
            {savedAt ? (
              <Alert color="green" variant="light" icon={<IconCircleCheck aria-hidden />} mb="sm" role="status">
                Đã lưu lúc {formatDateTime(savedAt)}. <Anchor component={Link} to={paths.plan(plan.id)} underline="always">Xem trang kế hoạch</Anchor>
              </Alert>
            ) : null}
            <details className="finding-more" open={!!savedAt || findings.some((f) => f.severity === 'error') || undefined} key={savedAt ? savedAt.getTime() : 0}>
              <summary>Chi tiết ({findings.length}) <Text span size="xs" c="dimmed" fw={400}>bấm để mở, đóng</Text></summary>
            <FindingList
              foldInfo
              findings={findings}
              onLocate={(f) => {
                const i = form.tasks.findIndex((t) => t.number === f.location.task);
                if (i >= 0) scrollToElement(`${form.tasks[i]!.key}-the`);
              }}
              locateLabel={(f) => (f.location.task && form.tasks.some((t) => t.number === f.location.task) ? `Đến nhiệm vụ ${f.location.task}` : null)}
            />
            </details>
          </Card>

          <Card withBorder radius="md" component="section" aria-labelledby="phan-dau">
            <Title order={2} size="h4" id="phan-dau" mb="sm">Phần đầu văn bản</Title>
            <Stack gap="sm">
              <Textarea label="Trích yếu" required autosize minRows={2} value={form.title} onChange={(e) => set('title', e.currentTarget.value)} error={err('title')} />
              {base.document.issuer ? (
                <TextInput
                  label="Tên cơ quan ban hành (như ghi trên văn bản)"
                  description={`Đơn vị ban hành trong hệ thống: ${plan.unitName}`}
                  value={form.issuerText}
                  onChange={(e) => set('issuerText', e.currentTarget.value)}
                  error={err('issuerText')}
                />
              ) : null}
              <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm" style={{ alignItems: 'end' }}>
                <TextInput label="Số" description="Để trống đến khi ban hành" inputMode="numeric" value={form.number} onChange={(e) => set('number', e.currentTarget.value)} error={err('number')} />
                <TextInput label="Ký hiệu" placeholder="KH-UBND" value={form.symbol} onChange={(e) => set('symbol', e.currentTarget.value)} error={err('symbol')} />
                <TextInput label="Địa danh" placeholder="Thanh Hóa" value={form.place} onChange={(e) => set('place', e.currentTarget.value)} error={err('place')} />
                <TextInput label="Năm" inputMode="numeric" placeholder="2026" value={form.year} onChange={(e) => set('year', e.currentTarget.value)} error={err('year')} />
              </SimpleGrid>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" style={{ alignItems: 'end' }}>
                <DateField label="Ngày ban hành" description="Thường để trống: cấp khi ban hành" value={form.date} onChange={(v) => set('date', v)} error={err('date')} />
                <TextInput label="Người ký" value={form.signerName} onChange={(e) => set('signerName', e.currentTarget.value)} error={err('signerName')} />
              </SimpleGrid>
              <Textarea label="Nơi nhận" description="Mỗi dòng một nơi nhận" autosize minRows={3} value={form.recipients} onChange={(e) => set('recipients', e.currentTarget.value)} error={err('recipients')} />
            </Stack>
          </Card>

          <Card withBorder radius="md" component="section" aria-labelledby="nhiem-vu-sua">
            <Group justify="space-between" mb="xs" gap="xs">
              <Title order={2} size="h4" id="nhiem-vu-sua">Nhiệm vụ ({form.tasks.length})</Title>
              <Button variant="light" size="xs" leftSection={<IconPlus size={16} aria-hidden />} onClick={addTask}>Thêm nhiệm vụ</Button>
            </Group>
            {form.tasks.length > 3 ? (
              <Group gap={6} mb="sm" component="nav" aria-label="Chuyển đến nhiệm vụ">
                <Text size="xs" c="dimmed">Chuyển đến:</Text>
                {form.tasks.map((t) => (
                  <Button key={t.key} size="compact-xs" variant="default" onClick={() => scrollToElement(`${t.key}-the`)}>{t.number || '?'}</Button>
                ))}
              </Group>
            ) : null}
            {err('tasks') ? <Text c="red.9" size="sm" role="alert" mb="xs">{err('tasks')}</Text> : null}
            <Stack gap="md">
              {form.tasks.map((t, i) => {
                const live = t.original && t.original.timeframe.text === t.timeframe.trim() ? t.original.timeframe.schedule : parseTimeframe(t.timeframe, { year: parseYear(form.year) }).schedule;
                const reading = t.timeframe.trim() ? describeSchedule(live) : '';
                const mine = t.original ? byTask.get(t.original.number) ?? [] : [];
                return (
                  <Card key={t.key} withBorder radius="md" padding={isPhone ? 'sm' : 'md'} id={`${t.key}-the`} component="fieldset" style={{ margin: 0, minWidth: 0 }} className="task-edit">
                    <Text component="legend" className="sr-only">Nhiệm vụ {t.number || `thứ ${i + 1}`}</Text>
                    <Stack gap="sm">
                      <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                        <Text fw={700} id={taskAnchorId(t.number || String(i + 1), TASK_PREFIX)} style={{ overflowWrap: 'anywhere', minWidth: 0 }}>
                          Nhiệm vụ {t.number || `thứ ${i + 1}`}
                        </Text>
                        <Group gap={2} wrap="nowrap">
                          <Button variant="subtle" size="compact-sm" color="gray" c="dark.6" onClick={() => moveTask(i, -1)} disabled={i === 0} style={{ visibility: i === 0 ? 'hidden' : undefined }} aria-label={`Đưa nhiệm vụ ${t.number} lên`}><IconArrowUp size={16} aria-hidden /></Button>
                          <Button variant="subtle" size="compact-sm" color="gray" c="dark.6" onClick={() => moveTask(i, 1)} disabled={i === form.tasks.length - 1} style={{ visibility: i === form.tasks.length - 1 ? 'hidden' : undefined }} aria-label={`Đưa nhiệm vụ ${t.number} xuống`}><IconArrowDown size={16} aria-hidden /></Button>
                          <Button variant="subtle" size="compact-sm" color="red" c="#a61b1b" onClick={() => removeTask(i)} aria-label={`Xóa nhiệm vụ ${t.number}`} leftSection={<IconTrash size={16} aria-hidden />}>{isPhone ? null : 'Xóa'}</Button>
                        </Group>
                      </Group>
                      {mine.length ? <ClarityMarks findings={mine} /> : null}
                      <SimpleGrid cols={{ base: 1, sm: 4 }} spacing="sm">
                        <TextInput label="Số thứ tự" required value={t.number} onChange={(e) => setTask(i, 'number', e.currentTarget.value)} error={err(`tasks.${i}.number`)} />
                        <Box style={{ gridColumn: isPhone ? undefined : 'span 3' }}>
                          <Textarea id={`${t.key}-ten`} label="Tên nhiệm vụ (việc phải làm)" required autosize minRows={1} value={t.title} onChange={(e) => setTask(i, 'title', e.currentTarget.value)} error={err(`tasks.${i}.title`)} />
                        </Box>
                      </SimpleGrid>
                      <Textarea label="Nội dung" description="Không bắt buộc" autosize minRows={1} value={t.content} onChange={(e) => setTask(i, 'content', e.currentTarget.value)} error={err(`tasks.${i}.content`)} />
                      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
                        <UnitRefEditor label="Cơ quan chủ trì" idBase={`${t.key}-chu-tri`} refs={t.lead} onChange={(r) => setTask(i, 'lead', r)} error={err(`tasks.${i}.lead`)} />
                        <UnitRefEditor label="Cơ quan phối hợp" idBase={`${t.key}-phoi-hop`} refs={t.coordinators} onChange={(r) => setTask(i, 'coordinators', r)} error={err(`tasks.${i}.coordinators`)} />
                      </SimpleGrid>
                      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
                        <TextInput
                          label="Thời gian thực hiện"
                          placeholder="Ví dụ: Trước ngày 30/6/2026; Hằng năm, trước ngày 15/12"
                          value={t.timeframe}
                          onChange={(e) => setTask(i, 'timeframe', e.currentTarget.value)}
                          description={reading ? `Hiểu là: ${reading}` : undefined}
                          error={err(`tasks.${i}.timeframe`)}
                        />
                        <Textarea label="Sản phẩm" description="Mỗi dòng một sản phẩm" autosize minRows={2} value={t.deliverables} onChange={(e) => setTask(i, 'deliverables', e.currentTarget.value)} error={err(`tasks.${i}.deliverables`)} />
                      </SimpleGrid>
                    </Stack>
                  </Card>
                );
              })}
              {!form.tasks.length ? <Text c="dimmed" size="sm">Chưa có nhiệm vụ. Bấm “Thêm nhiệm vụ”.</Text> : null}
            </Stack>
          </Card>

          <FormError error={serverError} fields={shownServerPaths} title="Chưa lưu được" />
          <Group gap="sm" className="form-actions">
            <Button type="submit" loading={save.isPending} leftSection={<IconDeviceFloppy size={18} aria-hidden />}>Lưu dự thảo</Button>
            <Button variant="default" component={Link} to={paths.plan(plan.id)}>{dirty ? 'Hủy' : 'Về trang kế hoạch'}</Button>
            {dirty ? <Text size="sm" c="dimmed" role="status">Có thay đổi chưa lưu.</Text> : null}
          </Group>
        </Stack>
      </form>

      <Modal opened={blocker.state === 'blocked'} onClose={() => blocker.reset?.()} title="Rời trang khi chưa lưu?" centered>
        <Stack>
          <Text>Những thay đổi chưa lưu sẽ mất.</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => blocker.reset?.()} data-autofocus>Ở lại</Button>
            <Button color="red.9" onClick={() => blocker.proceed?.()}>Rời trang</Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
