// "Cập nhật tiến độ" of one assignment: percent, what was done, the day, the deliverables (typed rows whose fields
// follow their kind: a conference asks its date and participants, a document its number, an article its link),
// evidence files (checked here by type and size, then by the server by their bytes) and obstacles or proposals
// (sent to the focal unit). Everything typed stays when the server refuses; its messages show under the fields.
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import {
  ActionIcon, Alert, Anchor, Box, Breadcrumbs, Button, Card, Checkbox, Group, Loader, Menu, NumberInput, SegmentedControl, Select, Stack, Text,
  TextInput, Textarea, Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconChevronDown, IconFileUpload, IconInfoCircle, IconPlus, IconTrash } from '@tabler/icons-react';
import { isApiError } from '../api/client.ts';
import { trackingApi, useAssignment, useTrackingMutation } from '../api/tracking.ts';
import { DELIVERABLE_KINDS, type AssignmentDetail, type DeliverableKind, type ObstacleKind, type ProgressUpdateInput } from '../api/types.ts';
import { DateField } from '../components/DateField.tsx';
import { FormError } from '../components/FieldError.tsx';
import { PageHeader, usePageTitle } from '../components/PageTitle.tsx';
import {
  checkFile, EVIDENCE_ACCEPT, EVIDENCE_ACCEPTED_TEXT, EVIDENCE_LABEL, EVIDENCE_MAX_BYTES, EVIDENCE_MAX_FILES, EVIDENCE_MAX_TOTAL_BYTES, EVIDENCE_MIME, evidenceSetProblem, formatBytes, readAsBase64,
  type EvidenceType,
} from '../components/tracking/evidence.ts';
import { KIND_FIELDS, TaskStatusBadge } from '../components/tracking/TrackingBits.tsx';
import { DELIVERABLE_KIND_LABEL, formatDay, OBSTACLE_KIND_LABEL, todayVn } from '../format.ts';
import { paths } from '../paths.ts';
import { NotFoundPage } from './NotFoundPage.tsx';

interface DeliverableRow {
  key: number;
  kind: DeliverableKind;
  title: string;
  occurredOn: string | null;
  participants: number | string;
  documentNumber: string;
  link: string;
}

interface EvidenceRow {
  key: number;
  file: File;
  type: EvidenceType | null;
  problem: string | null;
}

interface ObstacleRow {
  key: number;
  kind: ObstacleKind;
  content: string;
}

interface Values {
  percent: number | string;
  completed: boolean;
  occurredOn: string | null;
  narrative: string;
  deliverables: DeliverableRow[];
  evidence: EvidenceRow[];
  obstacles: ObstacleRow[];
}

const KIND_OPTIONS = DELIVERABLE_KINDS.map((k) => ({ value: k, label: DELIVERABLE_KIND_LABEL[k] }));
const HTTP = /^https?:\/\/[^\s]+\.[^\s]+/i;

export function AssignmentUpdatePage() {
  const { id } = useParams();
  const assignmentId = Number(id);
  const valid = Number.isInteger(assignmentId) && assignmentId > 0;
  const { data, isLoading, error } = useAssignment(valid ? assignmentId : null);
  usePageTitle('Cập nhật tiến độ');
  if (!valid || (isApiError(error) && (error.isNotFound || error.status === 400))) return <NotFoundPage what="nhiệm vụ được giao" />;
  if (isLoading) return <Group p="md"><Loader size="sm" aria-hidden /><Text>Đang tải nhiệm vụ…</Text></Group>;
  if (error || !data) return <FormError error={error} title="Không tải được nhiệm vụ" />;
  return <UpdateForm d={data} />;
}

function UpdateForm({ d }: { d: AssignmentDetail }) {
  const navigate = useNavigate();
  const today = todayVn();
  const nextKey = useRef(1);
  const key = () => nextKey.current++;
  const [values, setValues] = useState<Values>(() => ({
    percent: d.assignment.current.percent, completed: false, occurredOn: today, narrative: '', deliverables: [], evidence: [], obstacles: [],
  }));
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [serverError, setServerError] = useState<unknown>(null);
  /** Paths changed since the server's answer: its message no longer applies (a prefix covers a whole list). */
  const [stale, setStale] = useState<ReadonlySet<string>>(new Set());
  const [submitting, setSubmitting] = useState(false);
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const mutation = useTrackingMutation((body: ProgressUpdateInput) => trackingApi.addUpdate(d.assignment.id, body));

  useEffect(() => {
    if (!focusKey) return;
    document.getElementById(focusKey)?.focus();
    setFocusKey(null);
  }, [focusKey]);

  const touch = (path: string) => {
    setClientErrors((e) => {
      if (!Object.keys(e).some((k) => k === path || k.startsWith(`${path}.`))) return e;
      return Object.fromEntries(Object.entries(e).filter(([k]) => !(k === path || k.startsWith(`${path}.`))));
    });
    setStale((s) => (s.has(path) ? s : new Set(s).add(path)));
  };
  const set = <K extends keyof Values>(k: K, v: Values[K]) => {
    setValues((x) => ({ ...x, [k]: v }));
    touch(k);
  };
  /** A message about a whole list (its own path only, not its rows'). */
  const listErr = (path: string): string | undefined => {
    if (clientErrors[path]) return clientErrors[path];
    if (stale.has(path)) return undefined;
    return isApiError(serverError) ? serverError.issues.find((i) => i.path === path)?.message : undefined;
  };
  const err = (path: string): string | undefined => {
    if (clientErrors[path]) return clientErrors[path];
    if ([...stale].some((s) => path === s || path.startsWith(`${s}.`))) return undefined;
    return isApiError(serverError) ? serverError.fieldError(path) : undefined;
  };

  // ------------------------------------------------------------ rows
  const updateRow = <L extends 'deliverables' | 'obstacles'>(list: L, i: number, patch: Partial<Values[L][number]>, field: string) => {
    setValues((x) => ({ ...x, [list]: (x[list] as Array<Values[L][number]>).map((r, j) => (j === i ? { ...r, ...patch } : r)) }));
    touch(`${list}.${i}.${field}`);
  };
  const removeRow = (list: 'deliverables' | 'obstacles' | 'evidence', i: number) => {
    setValues((x) => ({ ...x, [list]: (x[list] as unknown[]).filter((_, j) => j !== i) }));
    // Messages by index no longer match their rows.
    setClientErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !k.startsWith(`${list}.`))));
    setStale((s) => new Set(s).add(list));
  };
  const addDeliverable = (kind: DeliverableKind) => {
    const k = key();
    setValues((x) => ({
      ...x, deliverables: [...x.deliverables, { key: k, kind, title: '', occurredOn: x.occurredOn ?? today, participants: '', documentNumber: '', link: '' }],
    }));
    setFocusKey(`sp-${k}-ten`);
  };
  const addObstacle = (kind: ObstacleKind) => {
    const k = key();
    setValues((x) => ({ ...x, obstacles: [...x.obstacles, { key: k, kind, content: '' }] }));
    setFocusKey(`kk-${k}-noi-dung`);
  };
  const addFiles = async (files: FileList | null) => {
    if (!files?.length) return;
    const rows: EvidenceRow[] = [];
    for (const file of Array.from(files)) {
      const { type, problem } = await checkFile(file);
      rows.push({ key: key(), file, type, problem });
    }
    setValues((x) => ({ ...x, evidence: [...x.evidence, ...rows] }));
    touch('evidence');
  };

  // ------------------------------------------------------------ checks
  const validate = (v: Values): Record<string, string> => {
    const e: Record<string, string> = {};
    const percent = typeof v.percent === 'number' ? v.percent : Number.NaN;
    if (!v.completed && (!Number.isInteger(percent) || percent < 0 || percent > 100)) e.percent = 'Nhập tiến độ từ 0 đến 100 (%).';
    if (!v.occurredOn) e.occurredOn = 'Chọn ngày (dd/mm/yyyy).';
    else if (v.occurredOn > today) e.occurredOn = `Không được sau hôm nay (${formatDay(today)}): chỉ ghi nhận việc đã diễn ra.`;
    if (!v.narrative.trim() && v.deliverables.length === 0) e.narrative = 'Nêu ngắn gọn kết quả đã làm (hoặc thêm ít nhất một sản phẩm).';
    v.deliverables.forEach((r, i) => {
      const f = KIND_FIELDS[r.kind];
      if (!r.title.trim()) e[`deliverables.${i}.title`] = 'Nhập tên sản phẩm.';
      if (!r.occurredOn) e[`deliverables.${i}.occurredOn`] = 'Chọn ngày (dd/mm/yyyy).';
      else if (r.occurredOn > today) e[`deliverables.${i}.occurredOn`] = 'Không được sau hôm nay.';
      if (f.participants) {
        const n = typeof r.participants === 'number' ? r.participants : Number.NaN;
        if (!Number.isInteger(n) || n < 0) e[`deliverables.${i}.participants`] = 'Nhập số người tham dự (số nguyên).';
      }
      if (r.kind === 'document' && !r.documentNumber.trim()) e[`deliverables.${i}.documentNumber`] = 'Nhập số, ký hiệu văn bản (ví dụ 12/KH-UBND).';
      if (r.kind === 'article' && !r.link.trim()) e[`deliverables.${i}.link`] = 'Nhập đường dẫn đến tin, bài.';
      if (f.link && r.link.trim() && !HTTP.test(r.link.trim())) e[`deliverables.${i}.link`] = 'Đường dẫn phải bắt đầu bằng http:// hoặc https://.';
    });
    v.obstacles.forEach((r, i) => {
      if (r.content.trim().length < 5) e[`obstacles.${i}.content`] = 'Nêu rõ nội dung (ít nhất 5 ký tự).';
    });
    v.evidence.forEach((r, i) => {
      if (r.problem) e[`evidence.${i}.contentBase64`] = r.problem;
    });
    const setProblem = evidenceSetProblem(v.evidence.map((r) => r.file.size));
    if (setProblem) e.evidence = setProblem;
    return e;
  };

  const focusFirstInvalid = () => requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], [data-invalid="true"]')?.focus());

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    if (submitting) return;
    const found = validate(values);
    setClientErrors(found);
    if (Object.keys(found).length) {
      focusFirstInvalid();
      return;
    }
    setSubmitting(true);
    setServerError(null);
    try {
      const v = values;
      const body: ProgressUpdateInput = {
        percent: v.completed ? 100 : Number(v.percent),
        completed: v.completed,
        occurredOn: v.occurredOn!,
        narrative: v.narrative.trim(),
        deliverables: v.deliverables.map((r) => {
          const f = KIND_FIELDS[r.kind];
          return {
            kind: r.kind, title: r.title.trim(), occurredOn: r.occurredOn!,
            participants: f.participants && typeof r.participants === 'number' ? r.participants : null,
            documentNumber: f.documentNumber && r.documentNumber.trim() ? r.documentNumber.trim() : null,
            link: f.link && r.link.trim() ? r.link.trim() : null,
          };
        }),
        evidence: await Promise.all(v.evidence.map(async (r) => ({ filename: r.file.name, mime: EVIDENCE_MIME[r.type!], contentBase64: await readAsBase64(r.file) }))),
        obstacles: v.obstacles.map((r) => ({ kind: r.kind, content: r.content.trim() })),
      };
      const result = await mutation.mutateAsync(body);
      const sent = result.obstacles.length;
      notifications.show({
        color: 'green', title: 'Đã cập nhật tiến độ',
        message: `Tiến độ ${result.percent}%${body.deliverables.length ? `, ${body.deliverables.length} sản phẩm` : ''}${result.evidence.length ? `, ${result.evidence.length} tệp minh chứng` : ''}${sent ? `; đã gửi ${sent} khó khăn, kiến nghị đến đơn vị đầu mối` : ''}.`,
      });
      navigate(paths.assignment(d.assignment.id));
    } catch (e) {
      setServerError(e);
      setStale(new Set());
      focusFirstInvalid();
    } finally {
      setSubmitting(false);
    }
  };

  const shownPaths = useMemo(() => [
    'percent', 'occurredOn', 'narrative', 'completed', 'evidence',
    ...values.deliverables.flatMap((_, i) => ['title', 'occurredOn', 'participants', 'documentNumber', 'link', 'kind'].map((f) => `deliverables.${i}.${f}`)),
    ...values.obstacles.flatMap((_, i) => [`obstacles.${i}.content`, `obstacles.${i}.kind`]),
  ], [values.deliverables, values.obstacles]);

  const { task, assignment: a } = d;
  const breadcrumbs = (
    <Box component="nav" aria-label="Vị trí">
      <Breadcrumbs separator="›" separatorMargin={6} style={{ flexWrap: 'wrap', rowGap: 4 }}>
        <Anchor component={Link} to={paths.assignments} size="sm">Công việc</Anchor>
        <Anchor component={Link} to={paths.assignment(a.id)} size="sm">Nhiệm vụ {task.number}</Anchor>
        <Text size="sm" aria-current="page">Cập nhật tiến độ</Text>
      </Breadcrumbs>
    </Box>
  );

  if (!d.can.update) {
    return (
      <>
        <PageHeader above={breadcrumbs} title="Cập nhật tiến độ" />
        <Alert color="gray" variant="light" icon={<IconInfoCircle aria-hidden />}>
          {d.plan.status !== 'issued'
            ? 'Kế hoạch của nhiệm vụ này không còn hiệu lực (đã được sửa đổi hoặc thay thế): hãy cập nhật trên kế hoạch đang có hiệu lực.'
            : 'Bạn không có quyền cập nhật tiến độ nhiệm vụ của đơn vị này.'}
        </Alert>
      </>
    );
  }

  return (
    <>
      <PageHeader
        above={breadcrumbs}
        title="Cập nhật tiến độ"
        description={
          <Stack gap={4}>
            <Text size="sm" fw={600} c="var(--mantine-color-text)">Nhiệm vụ {task.number}. {task.title}</Text>
            <Group gap="xs"><TaskStatusBadge status={a.status} size="sm" /><Text span size="sm">{a.unit.name} · hạn {formatDay(a.dueDate) || 'không có'} · hiện {a.percent}%</Text></Group>
          </Stack>
        }
      />
      <form ref={formRef} onSubmit={(e) => void submit(e)} noValidate aria-label="Cập nhật tiến độ">
        <Stack gap="md">
          <Card withBorder radius="md" padding="md" component="section" aria-labelledby="cn-ket-qua">
            <Title order={2} size="h4" id="cn-ket-qua" mb="sm">Kết quả</Title>
            <Stack gap="sm">
              <Group grow align="flex-start" wrap="wrap" gap="sm">
                <DateField
                  label="Ngày ghi nhận"
                  description="Ngày diễn ra kết quả (không sau hôm nay)"
                  required
                  value={values.occurredOn}
                  onChange={(v) => set('occurredOn', v)}
                  maxDate={today}
                  error={err('occurredOn')}
                  popoverProps={{ withinPortal: true }}
                  miw={180}
                />
                <NumberInput
                  label="Tiến độ (%)"
                  description="Phần việc đã làm được, 0–100"
                  required
                  min={0}
                  max={100}
                  step={10}
                  allowDecimal={false}
                  allowNegative={false}
                  clampBehavior="strict"
                  value={values.completed ? 100 : values.percent}
                  onChange={(v) => set('percent', v)}
                  disabled={values.completed}
                  error={err('percent')}
                  miw={160}
                  inputMode="numeric"
                />
              </Group>
              <Checkbox
                label="Đã hoàn thành nhiệm vụ trong năm"
                description="Tiến độ được ghi là 100%; tình trạng đúng hạn hay quá hạn tính theo ngày ghi nhận."
                checked={values.completed}
                onChange={(e) => set('completed', e.currentTarget.checked)}
              />
              <Textarea
                label="Kết quả thực hiện"
                description="Đã làm gì, ở đâu, với ai; số liệu nếu có."
                autosize
                minRows={3}
                maxLength={20000}
                value={values.narrative}
                onChange={(e) => set('narrative', e.currentTarget.value)}
                error={err('narrative')}
              />
            </Stack>
          </Card>

          <Card withBorder radius="md" padding="md" component="section" aria-labelledby="cn-san-pham">
            <Group justify="space-between" gap="xs" mb="sm">
              <Title order={2} size="h4" id="cn-san-pham">Sản phẩm</Title>
              <Text size="sm" c="dimmed">{values.deliverables.length} sản phẩm</Text>
            </Group>
            <Text size="sm" c="dimmed" mb="sm">Hội nghị, văn bản, tin bài, lớp tập huấn… Các chỉ tiêu của báo cáo năm được đếm từ đây.</Text>
            <Stack gap="sm">
              {values.deliverables.map((r, i) => {
                const f = KIND_FIELDS[r.kind];
                const p = `deliverables.${i}`;
                return (
                  <fieldset key={r.key} className="row-fieldset">
                    <legend>Sản phẩm {i + 1}: {DELIVERABLE_KIND_LABEL[r.kind]}</legend>
                    <Stack gap="xs">
                      <Select
                        label="Loại sản phẩm"
                        data={KIND_OPTIONS}
                        value={r.kind}
                        onChange={(v) => v && updateRow('deliverables', i, { kind: v as DeliverableKind }, 'kind')}
                        allowDeselect={false}
                        error={err(`${p}.kind`)}
                      />
                      <TextInput
                        id={`sp-${r.key}-ten`}
                        label={f.titleLabel}
                        placeholder={f.titleHint || undefined}
                        required
                        maxLength={500}
                        value={r.title}
                        onChange={(e) => updateRow('deliverables', i, { title: e.currentTarget.value }, 'title')}
                        error={err(`${p}.title`)}
                      />
                      <Group grow align="flex-start" wrap="wrap" gap="xs">
                        <DateField
                          label={r.kind === 'conference' || r.kind === 'training' ? 'Ngày tổ chức' : r.kind === 'document' ? 'Ngày ban hành' : r.kind === 'article' ? 'Ngày đăng, phát' : 'Ngày'}
                          required
                          value={r.occurredOn}
                          onChange={(v) => updateRow('deliverables', i, { occurredOn: v }, 'occurredOn')}
                          maxDate={today}
                          error={err(`${p}.occurredOn`)}
                          popoverProps={{ withinPortal: true }}
                          miw={160}
                        />
                        {f.participants ? (
                          <NumberInput
                            label="Số người tham dự"
                            required
                            min={0}
                            allowDecimal={false}
                            allowNegative={false}
                            thousandSeparator="."
                            decimalSeparator=","
                            value={r.participants}
                            onChange={(v) => updateRow('deliverables', i, { participants: v }, 'participants')}
                            error={err(`${p}.participants`)}
                            miw={140}
                            inputMode="numeric"
                          />
                        ) : null}
                        {f.documentNumber ? (
                          <TextInput
                            label="Số, ký hiệu văn bản"
                            placeholder="Ví dụ: 12/KH-UBND"
                            required={r.kind === 'document'}
                            maxLength={100}
                            value={r.documentNumber}
                            onChange={(e) => updateRow('deliverables', i, { documentNumber: e.currentTarget.value }, 'documentNumber')}
                            error={err(`${p}.documentNumber`)}
                            miw={160}
                          />
                        ) : null}
                      </Group>
                      {f.link ? (
                        <TextInput
                          label="Đường dẫn"
                          description={r.kind === 'article' ? 'Địa chỉ của tin, bài trên trang thông tin điện tử, mạng xã hội…' : 'Không bắt buộc'}
                          placeholder="https://…"
                          type="url"
                          inputMode="url"
                          required={r.kind === 'article'}
                          maxLength={2000}
                          value={r.link}
                          onChange={(e) => updateRow('deliverables', i, { link: e.currentTarget.value }, 'link')}
                          error={err(`${p}.link`)}
                        />
                      ) : null}
                      <Group justify="flex-end">
                        <Button variant="subtle" color="red" size="xs" leftSection={<IconTrash size={16} aria-hidden />} onClick={() => removeRow('deliverables', i)}>
                          Bỏ sản phẩm {i + 1}
                        </Button>
                      </Group>
                    </Stack>
                  </fieldset>
                );
              })}
              <Menu position="bottom-start" width={280} shadow="md">
                <Menu.Target>
                  <Button variant="light" leftSection={<IconPlus size={18} aria-hidden />} rightSection={<IconChevronDown size={16} aria-hidden />} style={{ alignSelf: 'flex-start' }}>
                    Thêm sản phẩm
                  </Button>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Label>Loại sản phẩm</Menu.Label>
                  {DELIVERABLE_KINDS.map((k) => <Menu.Item key={k} onClick={() => addDeliverable(k)}>{DELIVERABLE_KIND_LABEL[k]}</Menu.Item>)}
                </Menu.Dropdown>
              </Menu>
            </Stack>
          </Card>

          <Card withBorder radius="md" padding="md" component="section" aria-labelledby="cn-minh-chung">
            <Title order={2} size="h4" id="cn-minh-chung" mb={4}>Minh chứng</Title>
            <Text size="sm" c="dimmed" mb="sm">
              {EVIDENCE_ACCEPTED_TEXT}; mỗi tệp tối đa {formatBytes(EVIDENCE_MAX_BYTES)}, tối đa {EVIDENCE_MAX_FILES} tệp và {formatBytes(EVIDENCE_MAX_TOTAL_BYTES)} mỗi lần cập nhật.
            </Text>
            <Stack gap="xs">
              {values.evidence.length ? (
                <ul className="plain-list file-list" aria-label="Tệp minh chứng đã chọn">
                  {values.evidence.map((r, i) => {
                    const problem = r.problem ?? err(`evidence.${i}.contentBase64`) ?? err(`evidence.${i}.mime`) ?? err(`evidence.${i}.filename`) ?? err(`evidence.${i}`);
                    return (
                      <li key={r.key} className={problem ? 'file-row file-row-bad' : 'file-row'}>
                        <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
                          <div style={{ minWidth: 0 }}>
                            <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>{r.file.name}</Text>
                            <Text size="xs" c="dimmed">{r.type ? EVIDENCE_LABEL[r.type] : 'Loại không rõ'} · {formatBytes(r.file.size)}</Text>
                            {problem ? (
                              <Text size="xs" c="red.9" fw={600} role="alert" id={`mc-${r.key}-loi`}>
                                <IconAlertTriangle size={12} aria-hidden /> {problem}
                              </Text>
                            ) : null}
                          </div>
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            onClick={() => removeRow('evidence', i)}
                            aria-label={`Bỏ tệp ${r.file.name}`}
                            data-invalid={problem ? 'true' : undefined}
                            aria-describedby={problem ? `mc-${r.key}-loi` : undefined}
                          >
                            <IconTrash size={18} aria-hidden />
                          </ActionIcon>
                        </Group>
                      </li>
                    );
                  })}
                </ul>
              ) : null}
              {listErr('evidence') ? <Text size="sm" c="red.9" role="alert">{listErr('evidence')}</Text> : null}
              <div>
                <input
                  id="tep-minh-chung"
                  type="file"
                  multiple
                  accept={EVIDENCE_ACCEPT}
                  className="file-input-hidden"
                  onChange={(e) => { void addFiles(e.currentTarget.files); e.currentTarget.value = ''; }}
                />
                <label htmlFor="tep-minh-chung" className="file-button">
                  <Button component="span" variant="light" leftSection={<IconFileUpload size={18} aria-hidden />} style={{ pointerEvents: 'none' }} aria-hidden>
                    Chọn tệp minh chứng
                  </Button>
                  <span className="sr-only">Chọn tệp minh chứng</span>
                </label>
              </div>
            </Stack>
          </Card>

          <Card withBorder radius="md" padding="md" component="section" aria-labelledby="cn-kho-khan">
            <Title order={2} size="h4" id="cn-kho-khan" mb={4}>Khó khăn, kiến nghị</Title>
            <Text size="sm" c="dimmed" mb="sm">Được gửi đến đơn vị đầu mối theo dõi kế hoạch; đơn vị đầu mối trả lời trong mục “Khó khăn, kiến nghị”.</Text>
            <Stack gap="sm">
              {values.obstacles.map((r, i) => (
                <fieldset key={r.key} className="row-fieldset">
                  <legend>{OBSTACLE_KIND_LABEL[r.kind]} {i + 1}</legend>
                  <Stack gap="xs">
                    <SegmentedControl
                      size="xs"
                      value={r.kind}
                      onChange={(v) => updateRow('obstacles', i, { kind: v as ObstacleKind }, 'kind')}
                      data={[{ value: 'difficulty', label: 'Khó khăn, vướng mắc' }, { value: 'proposal', label: 'Đề xuất, kiến nghị' }]}
                      aria-label={`Loại của mục ${i + 1}`}
                      style={{ alignSelf: 'flex-start' }}
                    />
                    <Textarea
                      id={`kk-${r.key}-noi-dung`}
                      label="Nội dung"
                      required
                      autosize
                      minRows={2}
                      maxLength={5000}
                      value={r.content}
                      onChange={(e) => updateRow('obstacles', i, { content: e.currentTarget.value }, 'content')}
                      error={err(`obstacles.${i}.content`)}
                    />
                    <Group justify="flex-end">
                      <Button variant="subtle" color="red" size="xs" leftSection={<IconTrash size={16} aria-hidden />} onClick={() => removeRow('obstacles', i)}>
                        Bỏ mục {i + 1}
                      </Button>
                    </Group>
                  </Stack>
                </fieldset>
              ))}
              <Group gap="xs">
                <Button variant="light" leftSection={<IconPlus size={18} aria-hidden />} onClick={() => addObstacle('difficulty')}>Thêm khó khăn</Button>
                <Button variant="light" leftSection={<IconPlus size={18} aria-hidden />} onClick={() => addObstacle('proposal')}>Thêm kiến nghị</Button>
              </Group>
            </Stack>
          </Card>

          <FormError error={serverError} fields={shownPaths} title="Chưa lưu được cập nhật" />
          {Object.keys(clientErrors).length ? (
            <Alert color="red" variant="light" role="alert" icon={<IconAlertTriangle aria-hidden />}>
              Còn {Object.keys(clientErrors).length} chỗ cần sửa (được đánh dấu ở trên).
            </Alert>
          ) : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" component={Link} to={paths.assignment(a.id)}>Hủy</Button>
            <Button type="submit" loading={submitting}>Lưu cập nhật</Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
