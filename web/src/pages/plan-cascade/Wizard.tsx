// The three steps (choose, preview, create) and the result; the focus goes to each step's heading.
import { useMemo, useRef, useState, type ReactNode, type RefObject } from 'react';
import { Badge, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconArrowLeft, IconArrowRight, IconGitBranch } from '@tabler/icons-react';
import { plansApi, usePlanMutation } from '../../api/plans.ts';
import { useUnit } from '../../api/units.ts';
import type { CascadeResult, PlanDetail, UnitWithCount } from '../../api/types.ts';
import { FormError, LoadError } from '../../components/FieldError.tsx';
import { collator, count } from '../../format.ts';
import { CascadeDone } from './CascadeDone.tsx';
import { ChooseCommunes } from './ChooseCommunes.tsx';
import { Preview } from './Preview.tsx';
import type { CascadeBody } from '../../../../src/contracts/plans.ts';

type Step = 1 | 2 | 3 | 4;
const STEPS = ['Chọn xã, phường', 'Xem trước', 'Tạo kế hoạch'];

function Steps({ step }: { step: Step }) {
  return (
    <ol className="steps" aria-label="Các bước">
      {STEPS.map((s, i) => (
        <li key={s} aria-current={step === i + 1 ? 'step' : undefined} className={step > i + 1 ? 'done' : undefined}>
          {s}
          {step > i + 1 ? <span className="sr-only"> (xong)</span> : null}
        </li>
      ))}
    </ol>
  );
}

function StepCard({
  title,
  children,
  headingRef,
}: {
  title: string;
  children: ReactNode;
  headingRef: RefObject<HTMLHeadingElement | null>;
}) {
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="buoc-tieu-de">
      <Title order={2} size="h4" id="buoc-tieu-de" mb="sm" ref={headingRef} tabIndex={-1} style={{ outline: 'none' }}>
        {title}
      </Title>
      {children}
    </Card>
  );
}
export function Wizard({ detail }: { detail: PlanDetail }) {
  const { plan } = detail;
  const isPhone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const [step, setStep] = useState<Step>(1);
  const [mode, setMode] = useState<'some' | 'all'>('some');
  const [chosen, setChosen] = useState<number[]>([]);
  const [chooseError, setChooseError] = useState<string | null>(null);
  const [result, setResult] = useState<CascadeResult | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const province = useUnit(plan.unitId);
  const communes = useMemo(
    () =>
      (province.data?.children ?? [])
        .filter((c) => (c.kind === 'commune' || c.kind === 'ward') && c.status === 'active')
        .sort((a, b) => collator.compare(a.shortName || a.name, b.shortName || b.name)),
    [province.data],
  );
  const byId = useMemo(() => new Map(communes.map((c) => [c.id, c])), [communes]);
  const existing = useMemo(
    () =>
      new Map(
        detail.children.visible
          .filter((c) => c.status !== 'amended' && c.status !== 'superseded')
          .map((c) => [c.unitId, c]),
      ),
    [detail.children.visible],
  );
  const targets =
    mode === 'all'
      ? communes.filter((c) => !existing.has(c.id))
      : chosen.map((id) => byId.get(id)).filter((c): c is UnitWithCount => !!c);
  const cascade = usePlanMutation((body: CascadeBody) => plansApi.cascade(plan.id, body));

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

  if (province.isLoading)
    return (
      <Group p="md">
        <Loader size="sm" aria-hidden />
        <Text>Đang tải danh sách xã, phường…</Text>
      </Group>
    );
  if (province.error)
    return <LoadError error={province.error} what="danh sách xã, phường" onRetry={() => void province.refetch()} />;

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
            onMode={(m) => {
              setMode(m);
              setChooseError(null);
            }}
            chosen={chosen}
            onChosen={(ids) => {
              setChosen(ids);
              setChooseError(null);
            }}
          />
          {chooseError ? (
            <Text c="red.9" size="sm" mt="sm" role="alert">
              {chooseError}
            </Text>
          ) : null}
          <Group mt="md" gap="sm">
            <Button onClick={next} rightSection={<IconArrowRight size={18} aria-hidden />}>
              Tiếp: xem trước
            </Button>
            <Text size="sm" c="dimmed" role="status">
              {mode === 'all'
                ? `${count(targets.length, 'xã, phường')} chưa có kế hoạch`
                : `Đã chọn ${count(chosen.length, 'xã, phường')}`}
            </Text>
          </Group>
        </StepCard>
      ) : step === 2 ? (
        <StepCard title="Bước 2. Xem trước kế hoạch sẽ tạo" headingRef={headingRef}>
          {/* Editing the rules is editing the province's records: the same right as cascading its plan. */}
          <Preview
            planId={plan.id}
            provinceId={plan.unitId}
            targets={targets}
            isPhone={isPhone}
            canEditRules={detail.can.cascade}
          />
          <Group mt="md" gap="sm">
            <Button variant="default" onClick={() => go(1)} leftSection={<IconArrowLeft size={18} aria-hidden />}>
              Quay lại
            </Button>
            <Button onClick={() => go(3)} rightSection={<IconArrowRight size={18} aria-hidden />}>
              Tiếp: tạo kế hoạch
            </Button>
          </Group>
        </StepCard>
      ) : step === 3 ? (
        <StepCard title="Bước 3. Tạo kế hoạch" headingRef={headingRef}>
          <CreateStep
            targets={targets}
            mode={mode}
            error={cascade.error}
            pending={cascade.isPending}
            onBack={() => go(2)}
            onRun={() => void run()}
          />
        </StepCard>
      ) : result ? (
        <StepCard title="Kết quả triển khai" headingRef={headingRef}>
          <CascadeDone result={result} byId={byId} planId={plan.id} />
        </StepCard>
      ) : null}
    </Stack>
  );
}

/** The last check before the drafts are made: how many, which ones, and the server's refusal if any. */
function CreateStep({
  targets,
  mode,
  error,
  pending,
  onBack,
  onRun,
}: {
  targets: readonly UnitWithCount[];
  mode: 'some' | 'all';
  error: unknown;
  pending: boolean;
  onBack: () => void;
  onRun: () => void;
}) {
  return (
    <Stack gap="sm">
      <Text>
        Tạo dự thảo kế hoạch triển khai cho <strong>{count(targets.length, 'xã, phường')}</strong>
        {mode === 'all' ? ' (tất cả xã, phường chưa có kế hoạch).' : ':'}
      </Text>
      {mode === 'some' ? (
        <Group gap={6}>
          {targets.map((t) => (
            <Badge key={t.id} variant="outline" color="gray" c="dark.7" size="lg" radius="sm">
              {t.name}
            </Badge>
          ))}
        </Group>
      ) : null}
      <Text size="sm" c="dimmed">
        Mỗi xã, phường nhận một dự thảo để rà soát, sửa, trình và ban hành. Đơn vị đã có kế hoạch triển khai được bỏ
        qua.
      </Text>
      <FormError error={error} fields={[]} title="Chưa tạo được kế hoạch" />
      <Group gap="sm">
        <Button
          variant="default"
          onClick={onBack}
          leftSection={<IconArrowLeft size={18} aria-hidden />}
          disabled={pending}
        >
          Quay lại
        </Button>
        <Button onClick={onRun} loading={pending} leftSection={<IconGitBranch size={18} aria-hidden />}>
          Tạo kế hoạch
        </Button>
      </Group>
    </Stack>
  );
}
