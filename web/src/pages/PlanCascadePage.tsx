// Triển khai xuống xã, phường: from an issued province plan, (1) choose the communes and wards — all, or some found
// by name without accents —, (2) preview the plan one of them will get (units mapped by the rule table, review
// findings) and (3) create the drafts, with links to each.
import { useEffect, useMemo, useRef, useState, type ReactNode, type RefObject } from 'react';
import { Link, useParams } from 'react-router';
import {
  Accordion, Alert, Anchor, Badge, Box, Button, Card, Checkbox, CloseButton, Group, Loader, Radio, SegmentedControl, Select, SimpleGrid, Stack, Switch, Text, TextInput, Title,
} from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { IconArrowLeft, IconArrowRight, IconCircleCheck, IconGitBranch, IconInfoCircle, IconSearch } from '@tabler/icons-react';
import { isApiError } from '../api/client.ts';
import { plansApi, useCascadePreview, usePlan, usePlanMutation } from '../api/plans.ts';
import { useUnit, useUnitSearch } from '../api/units.ts';
import type { CascadeResult, PlanDetail, UnitWithCount } from '../api/types.ts';
import { EmptyState } from '../components/EmptyState.tsx';
import { CascadeRulesEditor } from '../components/plans/cascade-rules/CascadeRulesEditor.tsx';
import { FormError, LoadError } from '../components/FieldError.tsx';
import { PageHeader, usePageTitle } from '../components/PageTitle.tsx';
import { FindingCounts, FindingList, scrollToElement } from '../components/plans/FindingList.tsx';
import { PlanStatusBadge } from '../components/plans/PlanBits.tsx';
import { docNumber, fold, formatDuration, formatIsoDate, planStatusLabel, taskAnchorId } from '../components/plans/planFormat.ts';
import { TaskList } from '../components/plans/TaskList.tsx';
import { foldFilter } from '../components/plans/ParentPlanSelect.tsx';
import { collator, count } from '../format.ts';
import { paths } from '../paths.ts';
import { NotFoundPage } from './NotFoundPage.tsx';

export function PlanCascadePage() {
  const { id } = useParams();
  const planId = Number(id);
  const valid = Number.isInteger(planId) && planId > 0;
  const { data, isLoading, error, refetch } = usePlan(valid ? planId : null);
  usePageTitle('Triển khai xuống xã, phường');

  if (!valid || (isApiError(error) && (error.isNotFound || error.status === 400))) return <NotFoundPage what="kế hoạch" />;
  if (isLoading) return <Group p="md"><Loader size="sm" aria-hidden /><Text>Đang tải kế hoạch…</Text></Group>;
  if (error || !data) return <LoadError error={error} what="kế hoạch" onRetry={() => void refetch()} />;
  const back = <Anchor component={Link} to={paths.plan(planId)} size="sm">‹ {docNumber(data.plan.number, data.plan.symbol)} – {data.plan.title}</Anchor>;
  if (!data.can.cascade) {
    return (
      <>
        <PageHeader title="Triển khai xuống xã, phường" above={back} />
        <Alert color="gray" variant="light" icon={<IconInfoCircle aria-hidden />} title="Chưa triển khai được kế hoạch này">
          {data.plan.unitKind !== 'province' ? 'Chỉ kế hoạch của tỉnh được triển khai xuống xã, phường.'
            : data.plan.status !== 'issued' ? `Kế hoạch phải được ban hành (có số, ngày) trước khi triển khai; hiện đang ở trạng thái “${data.plan.statusLabel}”.`
              : 'Bạn không có quyền triển khai kế hoạch này.'}
        </Alert>
      </>
    );
  }
  return (
    <>
      <PageHeader
        title="Triển khai xuống xã, phường"
        above={back}
        description={`Tạo dự thảo kế hoạch cho xã, phường từ Kế hoạch ${docNumber(data.plan.number, data.plan.symbol)}${data.plan.issuedDate ? ` ngày ${formatIsoDate(data.plan.issuedDate)}` : ''} của ${data.plan.issuerName}.`}
      />
      <Wizard detail={data} />
    </>
  );
}

type Step = 1 | 2 | 3 | 4;
const STEPS = ['Chọn xã, phường', 'Xem trước', 'Tạo kế hoạch'];

function Steps({ step }: { step: Step }) {
  return (
    <ol className="steps" aria-label="Các bước">
      {STEPS.map((s, i) => (
        <li key={s} aria-current={step === i + 1 ? 'step' : undefined} className={step > i + 1 ? 'done' : undefined}>
          {s}{step > i + 1 ? <span className="sr-only"> (xong)</span> : null}
        </li>
      ))}
    </ol>
  );
}

function StepCard({ title, children, headingRef }: { title: string; children: ReactNode; headingRef: RefObject<HTMLHeadingElement | null> }) {
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="buoc-tieu-de">
      <Title order={2} size="h4" id="buoc-tieu-de" mb="sm" ref={headingRef} tabIndex={-1} style={{ outline: 'none' }}>{title}</Title>
      {children}
    </Card>
  );
}

function Wizard({ detail }: { detail: PlanDetail }) {
  const { plan } = detail;
  const isPhone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const [step, setStep] = useState<Step>(1);
  const [mode, setMode] = useState<'some' | 'all'>('some');
  const [chosen, setChosen] = useState<number[]>([]);
  const [chooseError, setChooseError] = useState<string | null>(null);
  const [result, setResult] = useState<CascadeResult | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const province = useUnit(plan.unitId);
  const communes = useMemo(() => (province.data?.children ?? [])
    .filter((c) => (c.kind === 'commune' || c.kind === 'ward') && c.status === 'active')
    .sort((a, b) => collator.compare(a.shortName || a.name, b.shortName || b.name)), [province.data]);
  const byId = useMemo(() => new Map(communes.map((c) => [c.id, c])), [communes]);
  const existing = useMemo(() => new Map(detail.children.visible
    .filter((c) => c.status !== 'amended' && c.status !== 'superseded')
    .map((c) => [c.unitId, c])), [detail.children.visible]);
  const targets = mode === 'all' ? communes.filter((c) => !existing.has(c.id)) : chosen.map((id) => byId.get(id)).filter((c): c is UnitWithCount => !!c);
  const cascade = usePlanMutation((body: { unitIds: number[] } | { all: true }) => plansApi.cascade(plan.id, body));

  const go = (s: Step) => {
    setStep(s);
    requestAnimationFrame(() => {
      headingRef.current?.focus({ preventScroll: true });
      window.scrollTo({ top: 0 });
    });
  };

  const next = () => {
    if (!targets.length) {
      setChooseError(mode === 'all' ? 'Mọi xã, phường đều đã có kế hoạch triển khai.' : 'Chọn ít nhất một xã, phường.');
      return;
    }
    setChooseError(null);
    go(2);
  };

  const run = async () => {
    try {
      const r = await cascade.mutateAsync(mode === 'all' ? { all: true } : { unitIds: targets.map((t) => t.id) });
      setResult(r);
      go(4);
    } catch {
      /* shown under the button */
    }
  };

  if (province.isLoading) return <Group p="md"><Loader size="sm" aria-hidden /><Text>Đang tải danh sách xã, phường…</Text></Group>;
  if (province.error) return <LoadError error={province.error} what="danh sách xã, phường" onRetry={() => void province.refetch()} />;

  return (
    <Stack gap="md">
      <Steps step={step > 3 ? 4 : step} />
      {step === 1 ? (
        <StepCard title="Bước 1. Chọn xã, phường" headingRef={headingRef}>
          <ChooseCommunes
            communes={communes}
            provinceId={plan.unitId}
            existing={existing}
            mode={mode}
            onMode={(m) => { setMode(m); setChooseError(null); }}
            chosen={chosen}
            onChosen={(ids) => { setChosen(ids); setChooseError(null); }}
          />
          {chooseError ? <Text c="red.9" size="sm" mt="sm" role="alert">{chooseError}</Text> : null}
          <Group mt="md" gap="sm">
            <Button onClick={next} rightSection={<IconArrowRight size={18} aria-hidden />}>Tiếp: xem trước</Button>
            <Text size="sm" c="dimmed" role="status">{mode === 'all' ? `${count(targets.length, 'xã, phường')} chưa có kế hoạch` : `Đã chọn ${count(chosen.length, 'xã, phường')}`}</Text>
          </Group>
        </StepCard>
      ) : step === 2 ? (
        <StepCard title="Bước 2. Xem trước kế hoạch sẽ tạo" headingRef={headingRef}>
          {/* Editing the rules is editing the province's records: the same right as cascading its plan. */}
          <Preview planId={plan.id} provinceId={plan.unitId} targets={targets} isPhone={isPhone} canEditRules={detail.can.cascade} />
          <Group mt="md" gap="sm">
            <Button variant="default" onClick={() => go(1)} leftSection={<IconArrowLeft size={18} aria-hidden />}>Quay lại</Button>
            <Button onClick={() => go(3)} rightSection={<IconArrowRight size={18} aria-hidden />}>Tiếp: tạo kế hoạch</Button>
          </Group>
        </StepCard>
      ) : step === 3 ? (
        <StepCard title="Bước 3. Tạo kế hoạch" headingRef={headingRef}>
          <Stack gap="sm">
            <Text>
              Tạo dự thảo kế hoạch triển khai cho <strong>{count(targets.length, 'xã, phường')}</strong>
              {mode === 'all' ? ' (tất cả xã, phường chưa có kế hoạch).' : ':'}
            </Text>
            {mode === 'some' ? (
              <Group gap={6}>{targets.map((t) => <Badge key={t.id} variant="outline" color="gray" c="dark.7" size="lg" radius="sm">{t.name}</Badge>)}</Group>
            ) : null}
            <Text size="sm" c="dimmed">Mỗi xã, phường nhận một dự thảo để rà soát, sửa, trình và ban hành. Đơn vị đã có kế hoạch triển khai được bỏ qua.</Text>
            <FormError error={cascade.error} fields={[]} title="Chưa tạo được kế hoạch" />
            <Group gap="sm">
              <Button variant="default" onClick={() => go(2)} leftSection={<IconArrowLeft size={18} aria-hidden />} disabled={cascade.isPending}>Quay lại</Button>
              <Button onClick={() => void run()} loading={cascade.isPending} leftSection={<IconGitBranch size={18} aria-hidden />}>Tạo kế hoạch</Button>
            </Group>
          </Stack>
        </StepCard>
      ) : result ? (
        <StepCard title="Kết quả triển khai" headingRef={headingRef}>
          <CascadeDone result={result} byId={byId} planId={plan.id} />
        </StepCard>
      ) : null}
    </Stack>
  );
}

type KindFilter = 'all' | 'commune' | 'ward';

function ChooseCommunes({ communes, provinceId, existing, mode, onMode, chosen, onChosen }: {
  communes: readonly UnitWithCount[];
  provinceId: number;
  existing: ReadonlyMap<number, { id: number; status: string }>;
  mode: 'some' | 'all';
  onMode: (m: 'some' | 'all') => void;
  chosen: readonly number[];
  onChosen: (ids: number[]) => void;
}) {
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 200);
  const [kind, setKind] = useState<KindFilter>('all');
  const [hideDone, setHideDone] = useState(false);
  // Former names (before the 2025 merger) come from the server's search; names and codes are matched here.
  const former = useUnitSearch(q, { kinds: ['commune', 'ward'], limit: 50, enabled: q.length >= 2 });
  const fq = fold(q);
  const formerIds = new Set((former.data ?? []).filter((u) => u.parentId === provinceId && fq && fold(u.matched ?? '').includes(fq)).map((u) => u.id));
  const list = communes.filter((c) => (kind === 'all' || c.kind === kind)
    && (!hideDone || !existing.has(c.id))
    && (!fq || fold(c.name).includes(fq) || c.code.startsWith(fq) || formerIds.has(c.id)));
  const free = communes.filter((c) => !existing.has(c.id)).length;
  const chosenSet = new Set(chosen);
  const toggle = (id: number, on: boolean) => onChosen(on ? [...chosen, id] : chosen.filter((x) => x !== id));
  const addable = list.filter((c) => !existing.has(c.id) && !chosenSet.has(c.id));
  const wards = communes.filter((c) => c.kind === 'ward').length;

  return (
    <Stack gap="sm">
      <Radio.Group value={mode} onChange={(v) => onMode(v as 'some' | 'all')} label="Triển khai cho" name="pham-vi">
        <Stack gap={6} mt={6}>
          <Radio value="some" label="Một số xã, phường (tìm và chọn)" />
          <Radio value="all" label={`Tất cả ${count(communes.length, 'xã, phường')} của tỉnh (${count(free, 'đơn vị')} chưa có kế hoạch)`} />
        </Stack>
      </Radio.Group>
      {mode === 'some' ? (
        <>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              type="search"
              label="Tìm xã, phường"
              placeholder="Gõ tên, có thể không dấu; tên cũ; mã"
              leftSection={<IconSearch size={16} aria-hidden />}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
            />
            <Box>
              <Text size="sm" fw={500} mb={4} id="loai-don-vi">Loại</Text>
              <SegmentedControl
                value={kind}
                onChange={(v) => setKind(v as KindFilter)}
                data={[
                  { value: 'all', label: `Tất cả (${communes.length})` },
                  { value: 'commune', label: `Xã (${communes.length - wards})` },
                  { value: 'ward', label: `Phường (${wards})` },
                ]}
                aria-labelledby="loai-don-vi"
                fullWidth
              />
            </Box>
          </SimpleGrid>
          <Group justify="space-between" gap="xs">
            <Switch label="Ẩn đơn vị đã có kế hoạch" checked={hideDone} onChange={(e) => setHideDone(e.currentTarget.checked)} />
            <Group gap="xs">
              {addable.length && addable.length <= 50 ? (
                <Button variant="subtle" size="xs" onClick={() => onChosen([...chosen, ...addable.map((c) => c.id)])}>Chọn {count(addable.length, 'đơn vị')} đang hiện</Button>
              ) : null}
              {chosen.length ? <Button variant="subtle" size="xs" color="red" c="#a61b1b" onClick={() => onChosen([])}>Bỏ chọn tất cả</Button> : null}
            </Group>
          </Group>
          {chosen.length ? (
            <Group gap={6} aria-label="Đã chọn" role="group">
              {chosen.map((id) => {
                const c = communes.find((x) => x.id === id);
                return c ? (
                  <Badge key={id} variant="light" size="lg" radius="sm" pr={2} rightSection={<CloseButton size="xs" aria-label={`Bỏ chọn ${c.name}`} onClick={() => toggle(id, false)} />}>
                    {c.name}
                  </Badge>
                ) : null;
              })}
            </Group>
          ) : null}
          <Text size="sm" c="dimmed" role="status" aria-live="polite">{fq ? `${count(list.length, 'đơn vị')} khớp “${q}”` : `${count(list.length, 'đơn vị')}`}</Text>
          {list.length ? (
            <ul className="pick-list" aria-label="Xã, phường">
              {list.map((c) => {
                const has = existing.get(c.id);
                return (
                  <li key={c.id}>
                    <Checkbox
                      checked={chosenSet.has(c.id)}
                      disabled={!!has}
                      onChange={(e) => toggle(c.id, e.currentTarget.checked)}
                      label={c.name}
                      description={
                        <span>
                          {c.kindLabel} · mã {c.code}{formerIds.has(c.id) && fq && !fold(c.name).includes(fq) ? ' · khớp tên cũ' : ''}
                          {has ? <> · <Anchor component={Link} to={paths.plan(has.id)} size="xs" underline="always">Đã có kế hoạch ({planStatusLabel(has.status)})</Anchor></> : null}
                        </span>
                      }
                    />
                  </li>
                );
              })}
            </ul>
          ) : <EmptyState title="Không có xã, phường nào khớp" description="Thử gõ tên khác, hoặc bỏ lọc loại." />}
        </>
      ) : null}
    </Stack>
  );
}

function Preview({ planId, provinceId, targets, isPhone, canEditRules }: {
  planId: number; provinceId: number; targets: readonly UnitWithCount[]; isPhone: boolean; canEditRules: boolean;
}) {
  const [unitId, setUnitId] = useState<number | null>(targets[0]?.id ?? null);
  useEffect(() => {
    if (!targets.some((t) => t.id === unitId)) setUnitId(targets[0]?.id ?? null);
  }, [targets]);
  const preview = useCascadePreview(planId, unitId);
  const draft = preview.data?.draft;
  const findings = draft?.findings ?? [];
  const numbers = new Set(draft?.tasks.map((t) => t.number) ?? []);

  return (
    <Stack gap="md">
      <Select
        label="Xem trước cho"
        description={targets.length > 1 ? `Một trong ${count(targets.length, 'xã, phường')} đã chọn` : undefined}
        data={targets.map((t) => ({ value: String(t.id), label: t.name }))}
        value={unitId ? String(unitId) : null}
        onChange={(v) => setUnitId(v ? Number(v) : null)}
        searchable
        filter={foldFilter}
        nothingFoundMessage="Không có xã, phường nào khớp"
        allowDeselect={false}
        maw={420}
        comboboxProps={{ withinPortal: true }}
      />
      {preview.isLoading ? <Group><Loader size="sm" aria-hidden /><Text>Đang tạo bản xem trước…</Text></Group>
        : preview.error ? <LoadError error={preview.error} what="bản xem trước" onRetry={() => void preview.refetch()} />
          : draft ? (
            <>
              <Box>
                <Text size="sm" c="dimmed">Trích yếu</Text>
                <Text fw={600} style={{ overflowWrap: 'anywhere' }}>{draft.document.title}</Text>
                {draft.document.basis.filter((b) => b.kind === 'implements').map((b, i) => (
                  <Text key={i} size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>{/^thực hiện/i.test(b.text) ? b.text : `Thực hiện ${b.text}`}</Text>
                ))}
              </Box>
              <Box component="section" aria-labelledby="xem-truoc-nhiem-vu">
                <Group justify="space-between" mb="xs" gap="xs">
                  <Title order={3} size="h5" id="xem-truoc-nhiem-vu">Nhiệm vụ ({draft.tasks.length}) – chủ trì, phối hợp đã chuyển sang đơn vị của xã, phường</Title>
                </Group>
                <TaskList tasks={draft.tasks} groups={draft.groups} findings={findings} isPhone={isPhone} idPrefix="xem-truoc" review />
              </Box>
              <Box component="section" aria-labelledby="xem-truoc-ra-soat">
                <Group justify="space-between" mb="xs" gap="xs">
                  <Title order={3} size="h5" id="xem-truoc-ra-soat">Kết quả rà soát bản sẽ tạo</Title>
                  <FindingCounts findings={findings} />
                </Group>
                <FindingList
                  findings={findings}
                  headingLevel={4}
                  onLocate={(f) => { if (f.location.task) scrollToElement(taskAnchorId(f.location.task, 'xem-truoc')); }}
                  locateLabel={(f) => (f.location.task && numbers.has(f.location.task) ? `Đến nhiệm vụ ${f.location.task}` : null)}
                />
              </Box>
            </>
          ) : null}
      <Accordion variant="contained" radius="md">
        <Accordion.Item value="quy-tac">
          <Accordion.Control>Bảng quy tắc chuyển đơn vị (tỉnh → xã, phường)</Accordion.Control>
          <Accordion.Panel><CascadeRulesEditor provinceId={provinceId} canEdit={canEditRules} isPhone={isPhone} /></Accordion.Panel>
        </Accordion.Item>
      </Accordion>
    </Stack>
  );
}

function CascadeDone({ result, byId, planId }: { result: CascadeResult; byId: ReadonlyMap<number, UnitWithCount>; planId: number }) {
  const created = [...result.created].sort((a, b) => collator.compare(byId.get(a.unitId)?.name ?? '', byId.get(b.unitId)?.name ?? ''));
  return (
    <Stack gap="md">
      <Alert color={result.created.length ? 'green' : 'gray'} variant="light" icon={<IconCircleCheck aria-hidden />} role="status" title={result.created.length ? `Đã tạo ${count(result.created.length, 'kế hoạch')}` : 'Không tạo kế hoạch mới nào'}>
        Thời gian xử lý: {formatDuration(result.ms)}.{result.skipped.length ? ` Bỏ qua ${count(result.skipped.length, 'đơn vị')} đã có kế hoạch.` : ''}
      </Alert>
      {created.length ? (
        <Box component="section" aria-labelledby="da-tao">
          <Title order={3} size="h5" id="da-tao" mb={4}>Kế hoạch đã tạo (dự thảo)</Title>
          <ul className="tap-list" aria-label="Kế hoạch đã tạo" style={{ maxHeight: 420, overflow: 'auto' }}>
            {created.map((c) => (
              <li key={c.planId}>
                <Link to={paths.plan(c.planId)}>
                  <Group justify="space-between" gap="xs" wrap="nowrap">
                    <Text className="tap-title" c="thBlue.8" fw={500} size="sm">{byId.get(c.unitId)?.name ?? `Đơn vị ${c.unitId}`}</Text>
                    <PlanStatusBadge status="draft" size="sm" />
                  </Group>
                </Link>
              </li>
            ))}
          </ul>
        </Box>
      ) : null}
      {result.skipped.length ? (
        <Box component="section" aria-labelledby="bo-qua">
          <Title order={3} size="h5" id="bo-qua" mb={4}>Bỏ qua</Title>
          <ul className="tap-list">
            {result.skipped.map((s) => (
              <li key={s.unitId} style={{ padding: '6px 2px' }}>
                <Text size="sm">{s.unitName}</Text>
                <Text size="xs" c="dimmed">{s.reason}</Text>
              </li>
            ))}
          </ul>
        </Box>
      ) : null}
      <Group gap="sm">
        <Button component={Link} to={paths.plan(planId)}>Về kế hoạch của tỉnh</Button>
        <Button variant="default" component={Link} to={paths.planChildren(planId)}>Danh sách kế hoạch của xã, phường</Button>
      </Group>
    </Stack>
  );
}
