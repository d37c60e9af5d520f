// So sánh: a commune's plan beside the province plan it implements, task by task and field by field, the
// differences marked (word by word in texts, item by item in lists). Side by side on a desktop, stacked on a phone.
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, Anchor, Box, Card, Group, Loader, SimpleGrid, Stack, Switch, Text, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { isApiError } from '../api/client.ts';
import { usePlanComparison } from '../api/plans.ts';
import type { PlanTask } from '../api/types.ts';
import { EmptyState } from '../components/EmptyState.tsx';
import { LoadError } from '../components/FieldError.tsx';
import { PageHeader, usePageTitle } from '../components/PageTitle.tsx';
import { StatusBadge } from '../components/StatusBadge.tsx';
import { docNumber, taskAnchorId } from '../components/plans/planFormat.ts';
import { diffLists, diffWords, sameText } from '../components/plans/textDiff.ts';
import { count } from '../format.ts';
import { paths } from '../paths.ts';
import { NotFoundPage } from './NotFoundPage.tsx';

type Field = 'title' | 'content' | 'lead' | 'coordinators' | 'timeframe' | 'deliverables';
const FIELDS: ReadonlyArray<{ key: Field; label: string }> = [
  { key: 'title', label: 'Nhiệm vụ' },
  { key: 'content', label: 'Nội dung' },
  { key: 'lead', label: 'Chủ trì' },
  { key: 'coordinators', label: 'Phối hợp' },
  { key: 'timeframe', label: 'Thời gian thực hiện' },
  { key: 'deliverables', label: 'Sản phẩm' },
];

function textOf(t: PlanTask | null, f: Field): string {
  if (!t) return '';
  if (f === 'timeframe') return t.timeframe.text;
  if (f === 'content') return t.content ?? '';
  if (f === 'title') return t.title;
  return '';
}

function listOf(t: PlanTask | null, f: Field): string[] {
  if (!t) return [];
  if (f === 'lead') return t.lead.map((r) => r.text);
  if (f === 'coordinators') return t.coordinators.map((r) => r.text);
  if (f === 'deliverables') return t.deliverables;
  return [];
}

const isList = (f: Field) => f === 'lead' || f === 'coordinators' || f === 'deliverables';

function differs(a: PlanTask | null, b: PlanTask | null, f: Field): boolean {
  if (isList(f)) {
    const d = diffLists(listOf(a, f), listOf(b, f));
    return d.onlyA.size > 0 || d.onlyB.size > 0;
  }
  return !sameText(textOf(a, f), textOf(b, f));
}

function DiffText({ a, b, side }: { a: string; b: string; side: 'parent' | 'child' }) {
  const text = side === 'parent' ? a : b;
  if (!text)
    return (
      <Text size="sm" c="dimmed" fs="italic">
        (trống)
      </Text>
    );
  const mark = side === 'parent' ? 'del' : 'ins';
  // This side's parts; spaces between two changed words belong to the change (one highlight, not many).
  const raw = diffWords(a, b).filter((p) => p.kind === 'same' || p.kind === mark);
  const parts: typeof raw = [];
  raw.forEach((p, i) => {
    const gap = p.kind === 'same' && /^\s+$/.test(p.text) && raw[i - 1]?.kind === mark && raw[i + 1]?.kind === mark;
    const last = parts[parts.length - 1];
    if ((gap || p.kind === mark) && last?.kind === mark) last.text += p.text;
    else if (gap) parts.push({ text: p.text, kind: mark });
    else if (last && last.kind === p.kind) last.text += p.text;
    else parts.push({ ...p });
  });
  return (
    <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
      {parts.map((p, i) =>
        p.kind === 'same' ? (
          <span key={i}>{p.text}</span>
        ) : p.kind === 'del' ? (
          <del key={i} className="diff-del">
            <span className="sr-only">[chỉ ở cấp trên: </span>
            {p.text}
            <span className="sr-only">]</span>
          </del>
        ) : (
          <ins key={i} className="diff-ins">
            <span className="sr-only">[chỉ ở kế hoạch này: </span>
            {p.text}
            <span className="sr-only">]</span>
          </ins>
        ),
      )}
    </Text>
  );
}

function DiffList({
  items,
  only,
  side,
}: {
  items: readonly string[];
  only: ReadonlySet<string>;
  side: 'parent' | 'child';
}) {
  if (!items.length)
    return (
      <Text size="sm" c="dimmed" fs="italic">
        (trống)
      </Text>
    );
  return (
    <ul className="diff-list">
      {items.map((x, i) => (
        <li key={i}>
          {only.has(x) ? (
            side === 'parent' ? (
              <del className="diff-del">
                <span className="sr-only">[chỉ ở cấp trên: </span>
                {x}
                <span className="sr-only">]</span>
              </del>
            ) : (
              <ins className="diff-ins">
                <span className="sr-only">[chỉ ở kế hoạch này: </span>
                {x}
                <span className="sr-only">]</span>
              </ins>
            )
          ) : (
            x
          )}
        </li>
      ))}
    </ul>
  );
}

function FieldRow({
  field,
  parent,
  child,
  parentLabel,
}: {
  field: { key: Field; label: string };
  parent: PlanTask | null;
  child: PlanTask | null;
  parentLabel: string;
}) {
  const diff = differs(parent, child, field.key);
  const f = field.key;
  const side = (which: 'parent' | 'child') => {
    const t = which === 'parent' ? parent : child;
    if (!t)
      return (
        <Text size="sm" c="dimmed" fs="italic">
          {which === 'parent' ? '(không có ở cấp trên)' : '(chưa có nhiệm vụ tương ứng)'}
        </Text>
      );
    if (isList(f)) {
      const d = diffLists(listOf(parent, f), listOf(child, f));
      return <DiffList items={listOf(t, f)} only={which === 'parent' ? d.onlyA : d.onlyB} side={which} />;
    }
    return parent && child ? (
      <DiffText a={textOf(parent, f)} b={textOf(child, f)} side={which} />
    ) : (
      <Text size="sm">{textOf(t, f) || '—'}</Text>
    );
  };
  if (!diff && !textOf(parent, f) && !listOf(parent, f).length && !textOf(child, f) && !listOf(child, f).length)
    return null;
  return (
    <Box className="compare-field">
      <Group gap={6} mb={4}>
        <Text size="sm" fw={700}>
          {field.label}
        </Text>
        {diff ? (
          <StatusBadge tone="orange" size="sm">
            Khác
          </StatusBadge>
        ) : (
          <Text size="xs" c="dimmed">
            giống nhau
          </Text>
        )}
      </Group>
      {diff ? (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xs">
          <Box className="compare-cell diff-changed" p={6}>
            <Text size="xs" c="dimmed" fw={600}>
              {parentLabel}
            </Text>
            {side('parent')}
          </Box>
          <Box className="compare-cell diff-changed" p={6}>
            <Text size="xs" c="dimmed" fw={600}>
              Kế hoạch này
            </Text>
            {side('child')}
          </Box>
        </SimpleGrid>
      ) : (
        <Box className="compare-cell" p={6}>
          <Text size="xs" c="dimmed" fw={600}>
            Cả hai kế hoạch
          </Text>
          {side('child')}
        </Box>
      )}
    </Box>
  );
}

export function PlanComparePage() {
  const { id } = useParams();
  const planId = Number(id);
  const valid = Number.isInteger(planId) && planId > 0;
  const { data, isLoading, error, refetch } = usePlanComparison(valid ? planId : null);
  const [onlyDiff, setOnlyDiff] = useState(false);
  usePageTitle('So sánh với kế hoạch cấp trên');

  if (!valid || (isApiError(error) && error.isNotFound)) return <NotFoundPage what="kế hoạch" />;
  if (isLoading)
    return (
      <Group p="md">
        <Loader size="sm" aria-hidden />
        <Text>Đang so sánh…</Text>
      </Group>
    );
  if (isApiError(error) && error.status === 400) {
    return (
      <>
        <PageHeader
          title="So sánh với kế hoạch cấp trên"
          above={
            <Anchor component={Link} to={paths.plan(planId)} size="sm">
              ‹ Về kế hoạch
            </Anchor>
          }
        />
        <Alert color="gray" variant="light" icon={<IconInfoCircle aria-hidden />}>
          {error.message}
        </Alert>
      </>
    );
  }
  if (error || !data) return <LoadError error={error} what="bản so sánh" onRetry={() => void refetch()} />;

  const parentNo = docNumber(data.parent.number, data.parent.symbol);
  const parentLabel = `Cấp trên (${parentNo})`;
  const rows = data.rows.map((r) => ({
    ...r,
    diff: !r.child || FIELDS.some((f) => differs(r.parent, r.child, f.key)),
  }));
  const missing = rows.filter((r) => !r.child).length;
  const changed = rows.filter((r) => r.child && r.diff).length;
  const shown = onlyDiff ? rows.filter((r) => r.diff) : rows;

  return (
    <>
      <PageHeader
        title="So sánh với kế hoạch cấp trên"
        above={
          <Anchor component={Link} to={paths.plan(data.child.id)} size="sm">
            ‹ {data.child.title}
          </Anchor>
        }
        description={
          <>
            Kế hoạch này đối chiếu với{' '}
            <Anchor component={Link} to={paths.plan(data.parent.id)} underline="always">
              Kế hoạch {parentNo}
            </Anchor>{' '}
            – {data.parent.title}.
          </>
        }
      />
      <Stack gap="md">
        <Card withBorder radius="md" padding="sm">
          <Group justify="space-between" gap="sm">
            <Group gap={6}>
              <StatusBadge tone="blue">{count(rows.length, 'nhiệm vụ cấp trên')}</StatusBadge>
              {changed ? (
                <StatusBadge tone="orange">{changed} có khác biệt</StatusBadge>
              ) : (
                <StatusBadge tone="green">Không có khác biệt</StatusBadge>
              )}
              {missing ? <StatusBadge tone="red">{missing} chưa có tương ứng</StatusBadge> : null}
              {data.extra.length ? <StatusBadge tone="gray">{data.extra.length} nhiệm vụ thêm</StatusBadge> : null}
            </Group>
            <Switch
              label="Chỉ hiện nhiệm vụ có khác biệt"
              checked={onlyDiff}
              onChange={(e) => setOnlyDiff(e.currentTarget.checked)}
            />
          </Group>
          <Text size="xs" c="dimmed" mt={6}>
            Cách đọc: <del className="diff-del">chữ gạch ngang</del> chỉ có ở kế hoạch cấp trên;{' '}
            <ins className="diff-ins">chữ gạch chân</ins> chỉ có ở kế hoạch này. Tên đơn vị khác nhau là bình thường khi
            cấp trên giao sở, ngành còn xã, phường giao phòng, ban.
          </Text>
        </Card>

        {shown.length === 0 ? (
          <Card withBorder radius="md">
            <EmptyState title="Không có nhiệm vụ nào khác với cấp trên" />
          </Card>
        ) : null}
        {shown.map((r) => (
          <Card
            key={r.number}
            withBorder
            radius="md"
            padding="md"
            component="section"
            aria-labelledby={`${taskAnchorId(r.number, 'ss')}-tieu-de`}
            id={taskAnchorId(r.number, 'ss')}
          >
            <Group justify="space-between" gap="xs" mb="sm" wrap="nowrap" align="flex-start">
              <Title
                order={2}
                size="h5"
                id={`${taskAnchorId(r.number, 'ss')}-tieu-de`}
                style={{ overflowWrap: 'anywhere' }}
              >
                Nhiệm vụ {r.number}. {r.parent.title}
              </Title>
              <Box style={{ flex: '0 0 auto' }}>
                {!r.child ? (
                  <StatusBadge tone="red" size="sm">
                    Chưa có tương ứng
                  </StatusBadge>
                ) : r.diff ? (
                  <StatusBadge tone="orange" size="sm">
                    Có khác biệt
                  </StatusBadge>
                ) : (
                  <StatusBadge tone="green" size="sm">
                    Giống nhau
                  </StatusBadge>
                )}
              </Box>
            </Group>
            <Stack gap="sm">
              {FIELDS.map((f) => (
                <FieldRow key={f.key} field={f} parent={r.parent} child={r.child} parentLabel={parentLabel} />
              ))}
            </Stack>
          </Card>
        ))}

        {data.extra.length ? (
          <Card withBorder radius="md" padding="md" component="section" aria-labelledby="nv-them">
            <Title order={2} size="h4" id="nv-them" mb="sm">
              Nhiệm vụ chỉ có ở kế hoạch này
            </Title>
            <Stack gap="sm">
              {data.extra.map((t) => (
                <Box key={t.number} className="compare-cell diff-changed" p={8}>
                  <Text size="sm" fw={600}>
                    {t.number}. {t.title}
                  </Text>
                  <Text size="xs" c="dimmed">
                    Chủ trì: {t.lead.map((l) => l.text).join('; ') || '—'} · Thời gian: {t.timeframe.text || '—'}
                  </Text>
                </Box>
              ))}
            </Stack>
          </Card>
        ) : null}
      </Stack>
    </>
  );
}
