// Nhập kế hoạch từ tệp: choose a .docx/.txt/.md/.html file, check what was read against the source (two columns on
// a desktop, tabs on a phone) — uncertain unit names, warnings, lines that found no place — then save it as a draft
// of the issuing unit (suggested from the document), optionally under the plan it implements.
import { useEffect, useMemo, useRef, useState, type DragEvent, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { Alert, Anchor, Badge, Box, Button, Card, Grid, Group, Loader, Paper, SimpleGrid, Stack, Tabs, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconArrowRight, IconDeviceFloppy, IconFileImport, IconFileText, IconListDetails, IconUpload } from '@tabler/icons-react';
import { ApiError } from '../api/client.ts';
import { plansApi, usePlanMutation, usePlanOptions } from '../api/plans.ts';
import { useUnit } from '../api/units.ts';
import type { Finding, PlanDraft, PlanImportResult } from '../api/types.ts';
import { useCurrentUser } from '../auth/SessionContext.tsx';
import { FormError } from '../components/FieldError.tsx';
import { PageHeader } from '../components/PageTitle.tsx';
import { UnitSearch, type UnitChoice } from '../components/UnitSearch.tsx';
import { useApiForm } from '../components/form.ts';
import { FindingCounts, FindingList, scrollToElement } from '../components/plans/FindingList.tsx';
import { ParentPlanSelect, parentFromBasis } from '../components/plans/ParentPlanSelect.tsx';
import { UnitRefList } from '../components/plans/PlanBits.tsx';
import { docNumber, formatIsoDate, isUncertainRef, taskAnchorId } from '../components/plans/planFormat.ts';
import { SourceText, sourceLineId } from '../components/plans/SourceText.tsx';
import { TaskList } from '../components/plans/TaskList.tsx';
import { count } from '../format.ts';
import { paths } from '../paths.ts';

const ACCEPT = '.txt,.md,.markdown,.html,.htm,.docx';
const MAX_BYTES = 2 * 1024 * 1024;
const TASK_PREFIX = 'nhap-nv';

function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result ?? '');
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read'));
    reader.readAsDataURL(file);
  });
}

interface Imported extends PlanImportResult {
  filename: string;
}

export function PlanImportPage() {
  const [imported, setImported] = useState<Imported | null>(null);
  return (
    <>
      <PageHeader
        title="Nhập kế hoạch từ tệp"
        description="Hệ thống đọc văn bản thành các mục, nhiệm vụ, đơn vị chủ trì, phối hợp, thời gian, sản phẩm và rà soát “06 rõ”. Chưa lưu gì cho đến khi bạn bấm “Lưu dự thảo”."
        above={<Anchor component={Link} to={paths.plans} size="sm">‹ Kế hoạch</Anchor>}
      />
      {imported ? <Review imported={imported} onRestart={() => setImported(null)} /> : <ChooseFile onImported={setImported} />}
    </>
  );
}

function ChooseFile({ onImported }: { onImported: (r: Imported) => void }) {
  const [error, setError] = useState<unknown>(null);
  const [over, setOver] = useState(false);
  const [reading, setReading] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const mutation = usePlanMutation((body: { filename: string; contentBase64: string }) => plansApi.import(body));

  const take = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    if (!/\.(txt|md|markdown|html?|docx)$/i.test(file.name)) {
      setError(new ApiError(400, 'client', `Không đọc được tệp “${file.name}”: chỉ nhận tệp .docx, .txt, .md, .html.`));
      return;
    }
    if (file.size === 0) {
      setError(new ApiError(400, 'client', `Tệp “${file.name}” rỗng.`));
      return;
    }
    if (file.size > MAX_BYTES) {
      setError(new ApiError(413, 'client', `Tệp “${file.name}” lớn hơn 2 MB. Hãy lưu văn bản không kèm hình ảnh rồi thử lại.`));
      return;
    }
    setReading(file.name);
    try {
      const contentBase64 = await readAsBase64(file);
      const result = await mutation.mutateAsync({ filename: file.name, contentBase64 });
      onImported({ ...result, filename: file.name });
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(400, 'client', `Không đọc được tệp “${file.name}”.`));
    } finally {
      setReading(null);
      if (inputRef.current) inputRef.current.value = '';
    }
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    void take(e.dataTransfer.files[0]);
  };

  return (
    <Stack gap="md" maw={720}>
      <Paper
        className="drop-zone"
        data-over={over}
        p={{ base: 'md', sm: 'xl' }}
        onDragOver={(e) => { e.preventDefault(); setOver(true); }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <Stack align="center" gap="sm" ta="center">
          <IconFileImport size={40} stroke={1.5} aria-hidden color="var(--mantine-color-thBlue-7)" />
          <Text fw={600}>Chọn tệp kế hoạch để đọc</Text>
          <Text size="sm" c="dimmed">Tệp .docx, .txt, .md hoặc .html, tối đa 2 MB. Trên máy tính có thể kéo thả tệp vào đây.</Text>
          <input
            ref={inputRef}
            id="tep-ke-hoach"
            type="file"
            accept={ACCEPT}
            className="file-input-hidden"
            onChange={(e) => void take(e.currentTarget.files?.[0])}
            disabled={!!reading}
          />
          <label htmlFor="tep-ke-hoach" className="file-button">
            <Button component="span" leftSection={<IconUpload size={18} aria-hidden />} loading={!!reading} style={{ pointerEvents: 'none' }} aria-hidden>
              Chọn tệp kế hoạch
            </Button>
            <span className="sr-only">Chọn tệp kế hoạch</span>
          </label>
          {reading ? (
            <Group gap="xs" role="status"><Loader size="xs" aria-hidden /><Text size="sm">Đang đọc “{reading}”…</Text></Group>
          ) : null}
        </Stack>
      </Paper>
      <FormError error={error} title="Không đọc được tệp" />
    </Stack>
  );
}

interface SaveForm extends Record<string, unknown> {
  unitId: UnitChoice | null;
  parentPlanId: number | null;
}

function Review({ imported, onRestart }: { imported: Imported; onRestart: () => void }) {
  const me = useCurrentUser();
  const navigate = useNavigate();
  const isPhone = useMediaQuery('(max-width: 62em)', false, { getInitialValueInEffect: false });
  const [tab, setTab] = useState<string | null>('cau-truc');
  const { draft, sourceText, filename } = imported;
  const findings = draft.findings;

  const form = useApiForm<SaveForm>({ unitId: null, parentPlanId: null }, (v) => ({ unitId: v.unitId ? undefined : 'Chọn đơn vị ban hành kế hoạch.' }));
  const touched = useRef({ unit: false, parent: false });
  const suggested = useUnit(imported.suggestedUnitId ?? me.unitId);
  useEffect(() => {
    const u = suggested.data?.unit;
    if (u && !touched.current.unit && !form.values.unitId) form.setValues((v) => ({ ...v, unitId: { id: u.id, name: u.name, code: u.code, kindLabel: u.kindLabel } }));
  }, [suggested.data]);
  const issued = usePlanOptions('issued');
  const basisParent = useMemo(() => parentFromBasis(draft.document.basis, issued.data ?? []), [draft.document.basis, issued.data]);
  useEffect(() => {
    if (basisParent && !touched.current.parent && !form.values.parentPlanId) form.setValues((v) => ({ ...v, parentPlanId: basisParent.id }));
  }, [basisParent]);

  // One plan per unit for each parent plan: say so before the server refuses.
  const siblings = useQuery({
    queryKey: ['plans', 'sibling', form.values.parentPlanId ?? 0, form.values.unitId?.id ?? 0],
    queryFn: async () => (await plansApi.list({ parentPlanId: form.values.parentPlanId, unitId: form.values.unitId!.id }, 20)).items,
    enabled: !!form.values.parentPlanId && !!form.values.unitId,
  });
  const existing = (siblings.data ?? []).find((p) => p.unitId === form.values.unitId?.id && p.status !== 'amended' && p.status !== 'superseded') ?? null;

  const create = usePlanMutation((body: Parameters<typeof plansApi.create>[0]) => plansApi.create(body));
  const save = form.onSubmit(async (v) => {
    if (existing) {
      document.querySelector<HTMLElement>('#da-co-ke-hoach a')?.focus();
      return;
    }
    const r = await create.mutateAsync({
      unitId: v.unitId!.id, draft, parentPlanId: v.parentPlanId, sourceName: filename, sourceText: sourceText ?? null,
    });
    notifications.show({ color: 'green', title: 'Đã lưu dự thảo', message: draft.document.title || filename });
    navigate(paths.plan(r.id));
  });

  const showSource = (line: number) => {
    if (isPhone) setTab('van-ban');
    requestAnimationFrame(() => requestAnimationFrame(() => scrollToElement(sourceLineId(line))));
  };
  const showTask = (n: string) => {
    if (isPhone) setTab('cau-truc');
    requestAnimationFrame(() => requestAnimationFrame(() => scrollToElement(taskAnchorId(n, TASK_PREFIX))));
  };
  const locateLabel = (f: Finding) => (f.location.task && draft.tasks.some((t) => t.number === f.location.task) ? `Đến nhiệm vụ ${f.location.task}`
    : f.location.line && sourceText ? `Xem dòng ${f.location.line}` : null);
  const locate = (f: Finding) => {
    if (f.location.task && draft.tasks.some((t) => t.number === f.location.task)) showTask(f.location.task);
    else if (f.location.line) showSource(f.location.line);
  };

  const uncertainRefs = draft.tasks.reduce((n, t) => n + [...t.lead, ...t.coordinators].filter(isUncertainRef).length, 0) + (draft.document.issuer && isUncertainRef(draft.document.issuer) ? 1 : 0);

  const structure = (
    <Stack gap="md">
      <Card withBorder radius="md" component="section" aria-labelledby="ra-soat">
        <Group justify="space-between" mb="sm" gap="xs">
          <Title order={2} size="h4" id="ra-soat">Kết quả rà soát</Title>
          <FindingCounts findings={findings} />
        </Group>
        <FindingList findings={findings} onLocate={locate} locateLabel={locateLabel} foldInfo />
      </Card>
      <HeaderView draft={draft} onLine={sourceText ? showSource : undefined} />
      {draft.unplaced.length ? (
        <Card withBorder radius="md" component="section" aria-labelledby="chua-xep">
          <Title order={2} size="h4" id="chua-xep" mb="xs">Dòng chưa xếp được vào cấu trúc ({draft.unplaced.length})</Title>
          <Text size="sm" c="dimmed" mb="xs">Không có nội dung nào bị bỏ qua: các dòng dưới đây cần bạn xem và sửa lại sau khi lưu.</Text>
          <ul className="tap-list">
            {draft.unplaced.map((u) => (
              <li key={u.line} style={{ padding: '6px 2px' }}>
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}><Text span fw={600} inherit>Dòng {u.line}:</Text> {u.text}</Text>
                <Group gap="xs"><Text size="xs" c="dimmed">{u.reason}</Text>
                  {sourceText ? <button type="button" className="link-button" style={{ fontSize: 12 }} onClick={() => showSource(u.line)}>Xem trong văn bản gốc</button> : null}
                </Group>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      <Card withBorder radius="md" component="section" aria-labelledby="cac-nhiem-vu">
        <Group justify="space-between" mb="xs">
          <Title order={2} size="h4" id="cac-nhiem-vu">Nhiệm vụ đã đọc</Title>
          <Text size="sm" c="dimmed">{count(draft.tasks.length, 'nhiệm vụ')}</Text>
        </Group>
        <Text size="xs" c="dimmed" mb="sm">Tên đơn vị tô vàng là chưa chắc chắn hoặc chưa có trong danh mục; ô viền cam, đỏ là có cảnh báo, lỗi.</Text>
        <TaskList
          tasks={draft.tasks}
          groups={draft.groups}
          findings={findings}
          review
          isPhone
          idPrefix={TASK_PREFIX}
          extra={(t) => (t.line && sourceText ? (
            <Box><button type="button" className="link-button" style={{ fontSize: 13 }} onClick={() => showSource(t.line!)}>Xem dòng {t.line} trong văn bản gốc</button></Box>
          ) : null)}
        />
      </Card>
    </Stack>
  );

  const source = sourceText ? (
    <SourceText text={sourceText} findings={findings} unplaced={draft.unplaced} label={`Văn bản gốc: ${filename}`} />
  ) : (
    <Alert color="gray" variant="light" icon={<IconFileText aria-hidden />}>Tệp .docx không hiển thị được dạng văn bản gốc ở đây; hãy mở tệp để đối chiếu.</Alert>
  );

  return (
    <Stack gap="md">
      <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }} component="section" aria-labelledby="luu-du-thao">
        <form ref={form.formRef} onSubmit={(e) => void save(e)} noValidate>
          <Stack gap="sm">
            <Group justify="space-between" gap="xs" align="flex-start">
              <div style={{ minWidth: 0 }}>
                <Title order={2} size="h4" id="luu-du-thao">Đã đọc “{filename}”</Title>
                <Text size="sm" c="dimmed">
                  {count(draft.tasks.length, 'nhiệm vụ')} · {count(draft.sections.length, 'mục')}
                  {uncertainRefs ? ` · ${count(uncertainRefs, 'tên đơn vị')} cần kiểm tra` : ''}
                  {draft.unplaced.length ? ` · ${count(draft.unplaced.length, 'dòng')} chưa xếp được` : ''}
                </Text>
              </div>
              <FindingCounts findings={findings} />
            </Group>
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
              <UnitSearch
                label="Đơn vị ban hành"
                required
                description={imported.suggestedUnitId && form.values.unitId?.id === imported.suggestedUnitId ? 'Đề xuất theo phần đầu văn bản; kiểm tra lại.' : undefined}
                value={form.values.unitId}
                onChange={(u) => { touched.current.unit = true; form.setValue('unitId', u); }}
                error={form.error('unitId')}
              />
              <ParentPlanSelect
                value={form.values.parentPlanId}
                onChange={(id) => { touched.current.parent = true; form.setValue('parentPlanId', id); }}
                excludeUnitId={form.values.unitId?.id}
                error={form.error('parentPlanId') ?? (existing ? 'Đơn vị đã có kế hoạch triển khai kế hoạch này.' : undefined)}
                description={basisParent && form.values.parentPlanId === basisParent.id ? 'Đề xuất theo câu “Thực hiện…” của văn bản.' : undefined}
              />
            </SimpleGrid>
            {existing ? (
              <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} id="da-co-ke-hoach" role="alert">
                {existing.unitName} đã có kế hoạch triển khai kế hoạch cấp trên này:{' '}
                <Anchor component={Link} to={paths.plan(existing.id)} underline="always">{existing.title}</Anchor> ({existing.statusLabel}). Mỗi đơn vị chỉ có một kế hoạch cho mỗi kế hoạch cấp trên: hãy mở kế hoạch đó để sửa, hoặc bỏ chọn kế hoạch cấp trên để lưu riêng.
              </Alert>
            ) : null}
            <FormError error={form.serverError} fields={['unitId', 'parentPlanId']} />
            <Group gap="sm">
              <Button type="submit" loading={form.submitting} leftSection={<IconDeviceFloppy size={18} aria-hidden />}>Lưu dự thảo</Button>
              <Button variant="default" onClick={onRestart} disabled={form.submitting}>Chọn tệp khác</Button>
            </Group>
            {findings.some((f) => f.severity === 'error') ? (
              <Text size="xs" c="dimmed">Có thể lưu dự thảo khi còn lỗi; cần sửa hết lỗi trước khi trình.</Text>
            ) : null}
          </Stack>
        </form>
      </Paper>

      {isPhone ? (
        <Tabs value={tab} onChange={setTab} keepMounted>
          <Tabs.List grow>
            <Tabs.Tab value="cau-truc" leftSection={<IconListDetails size={16} aria-hidden />}>Cấu trúc đã đọc</Tabs.Tab>
            <Tabs.Tab value="van-ban" leftSection={<IconFileText size={16} aria-hidden />}>Văn bản gốc</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="cau-truc" pt="sm">{structure}</Tabs.Panel>
          <Tabs.Panel value="van-ban" pt="sm">{source}</Tabs.Panel>
        </Tabs>
      ) : (
        <Grid gap="md">
          <Grid.Col span={7}>{structure}</Grid.Col>
          <Grid.Col span={5}>
            <Box pos="sticky" top={72} component="section" aria-labelledby="van-ban-goc">
              <Title order={2} size="h4" id="van-ban-goc" mb="xs">Văn bản gốc</Title>
              {source}
            </Box>
          </Grid.Col>
        </Grid>
      )}
    </Stack>
  );
}

/** The document's header as read: issuer (with how sure), number, date, place, title, basis, signer, recipients. */
function HeaderView({ draft, onLine }: { draft: PlanDraft; onLine?: (line: number) => void }) {
  const d = draft.document;
  const docFindings = draft.findings.filter((f) => !f.location.task && f.severity !== 'info');
  const about = (...fields: string[]) => docFindings.filter((f) => f.location.field && fields.includes(f.location.field));
  const Row = ({ label, fields, children }: { label: string; fields: string[]; children: ReactNode }) => {
    const list = about(...fields);
    const cls = list.some((f) => f.severity === 'error') ? 'field-error' : list.length ? 'field-flagged' : undefined;
    return (
      <div className={`info-row ${cls ?? ''}`} style={{ padding: '2px 4px', borderRadius: 6 }}>
        <Text component="dt" size="sm" c="dimmed">{label}</Text>
        <Text component="dd" size="sm" style={{ overflowWrap: 'anywhere' }}>
          {children}
          {list.map((f, i) => (
            <Text key={i} size="xs" display="block" c={f.severity === 'error' ? 'red.9' : '#8f3b00'} fw={500}>{f.severity === 'error' ? 'Lỗi: ' : 'Cảnh báo: '}{f.message}</Text>
          ))}
        </Text>
      </div>
    );
  };
  return (
    <Card withBorder radius="md" component="section" aria-labelledby="phan-dau">
      <Title order={2} size="h4" id="phan-dau" mb="sm">Phần đầu văn bản</Title>
      <dl className="info-list">
        <Row label="Cơ quan ban hành" fields={['issuer']}>
          {d.issuer ? <UnitRefList refs={[d.issuer]} highlight /> : <Text span c="dimmed" inherit>Chưa xác định</Text>}
        </Row>
        <Row label="Số, ký hiệu" fields={['number', 'document']}>{d.number || d.symbol ? docNumber(d.number, d.symbol) : 'Chưa có số'}</Row>
        <Row label="Ngày" fields={['date', 'place']}>{[d.place, formatIsoDate(d.date)].filter(Boolean).join(', ') || 'Chưa có'}</Row>
        <Row label="Trích yếu" fields={['title']}>{d.title || <Text span c="dimmed" inherit>Chưa có</Text>}</Row>
        <Row label="Căn cứ" fields={['basis']}>
          {d.basis.length ? (
            <ul className="ref-list">{d.basis.map((b, i) => <li key={i}>{b.text}</li>)}</ul>
          ) : 'Không có'}
        </Row>
        <Row label="Người ký" fields={['signer']}>{d.signer ? [d.signer.lines.join(' – '), d.signer.name].filter(Boolean).join(': ') : 'Chưa có'}</Row>
        <Row label="Nơi nhận" fields={['recipients']}>
          {d.recipients.length ? <ul className="ref-list">{d.recipients.map((r, i) => <li key={i}>{r}</li>)}</ul> : 'Không có'}
        </Row>
      </dl>
      <Title order={3} size="h5" mt="md" mb={6}>Các mục</Title>
      <ul className="tap-list">
        {draft.sections.map((s, i) => {
          const line = s.blocks.find((b) => b.line)?.line;
          return (
            <li key={i} style={{ padding: '6px 2px' }}>
              <Group justify="space-between" gap="xs" wrap="nowrap">
                <Text size="sm" style={{ minWidth: 0 }}>{s.number ? `${s.number}. ` : ''}{s.heading}</Text>
                <Group gap={6} wrap="nowrap">
                  <Badge variant="outline" size="sm" color="gray" c="dark.6">{s.kind === 'content' ? count(draft.tasks.length, 'nhiệm vụ') : count(s.blocks.length, 'đoạn')}</Badge>
                  {line && onLine ? (
                    <Button variant="subtle" size="compact-xs" onClick={() => onLine(line)} rightSection={<IconArrowRight size={12} aria-hidden />} aria-label={`Dòng ${line}: xem mục ${s.number || s.heading} trong văn bản gốc`}>
                      Dòng {line}
                    </Button>
                  ) : null}
                </Group>
              </Group>
            </li>
          );
        })}
      </ul>
      {draft.document.issuer && isUncertainRef(draft.document.issuer) ? (
        <Alert mt="sm" color="yellow" variant="light" icon={<IconAlertTriangle aria-hidden />}>
          Cơ quan ban hành được đoán từ văn bản; hãy chọn đúng “Đơn vị ban hành” ở trên trước khi lưu.
        </Alert>
      ) : null}
    </Card>
  );
}
