// One plan: its header (number, date, issuer, status, version, parent, amendment), the actions its status and the
// user's roles allow, the tasks with their "06 rõ" marks, the review findings, downloads, versions, the communes'
// plans made from it and — for a commune's plan — what the province changed since.
import { useMemo, useState, type ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Alert, Anchor, Box, Breadcrumbs, Button, Group, Loader, SegmentedControl, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import {
  IconArrowBackUp, IconChartBar, IconCheck, IconChecklist, IconDownload, IconWorld, IconEdit, IconFileDiff, IconGitBranch, IconInfoCircle, IconSearch, IconSend, IconRubberStamp, IconVersions,
} from '@tabler/icons-react';
import { isApiError } from '../api/client.ts';
import { planDownloads, plansApi, usePlan, usePlanMutation } from '../api/plans.ts';
import type { Finding, PlanDetail, PlanStatus } from '../api/types.ts';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { LoadError } from '../components/FieldError.tsx';
import { PageHeader, usePageTitle } from '../components/PageTitle.tsx';
import { Section } from '../components/Section.tsx';
import { FindingCounts, FindingList, scrollToElement } from '../components/plans/FindingList.tsx';
import { ParentChangeNotice } from '../components/plans/ParentChangeNotice.tsx';
import { IssuePlanModal, ReturnPlanModal } from '../components/plans/PlanActionModals.tsx';
import { PlanStatusBadge } from '../components/plans/PlanBits.tsx';
import { docNumber, fold, formatIsoDate, PLAN_STATUS_LABEL, planStatusLabel, taskAnchorId } from '../components/plans/planFormat.ts';
import { TaskList } from '../components/plans/TaskList.tsx';
import { count, formatDateTime } from '../format.ts';
import { paths } from '../paths.ts';
import { NotFoundPage } from './NotFoundPage.tsx';

export function PlanPage() {
  const { id } = useParams();
  const planId = Number(id);
  const valid = Number.isInteger(planId) && planId > 0;
  const { data, isLoading, error, refetch } = usePlan(valid ? planId : null);
  usePageTitle(data?.plan.title ?? 'Kế hoạch');

  if (!valid || (isApiError(error) && (error.isNotFound || error.status === 400))) return <NotFoundPage what="kế hoạch" />;
  if (isLoading) return <Group p="md"><Loader size="sm" aria-hidden /><Text>Đang tải kế hoạch…</Text></Group>;
  if (error || !data) return <LoadError error={error} what="kế hoạch" onRetry={() => void refetch()} />;
  return <PlanView detail={data} />;
}

export function InfoRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="info-row">
      <Text component="dt" size="sm" c="dimmed">{label}</Text>
      <Text component="dd" size="sm" style={{ overflowWrap: 'anywhere' }}>{children}</Text>
    </div>
  );
}

type Dialog = 'submit' | 'approve' | 'return' | 'issue' | 'amend' | null;

function PlanView({ detail }: { detail: PlanDetail }) {
  const { plan, draft, can, parent, taskIds } = detail;
  const navigate = useNavigate();
  const isPhone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const amends = usePlan(plan.amendsPlanId);
  const transition = usePlanMutation((action: 'submit' | 'approve') => (action === 'submit' ? plansApi.submit(plan.id) : plansApi.approve(plan.id)));
  const amend = usePlanMutation(() => plansApi.amend(plan.id));

  const changes = useMemo(() => new Map(taskIds.filter((t) => t.parentChange).map((t) => [t.number, t])), [taskIds]);
  const canResolve = can.edit || can.submit || can.amend;
  const findings = draft.document ? draft.findings : [];
  const taskNumbers = new Set(draft.tasks.map((t) => t.number));
  const locateLabel = (f: Finding) => (f.location.task && taskNumbers.has(f.location.task) ? `Đến nhiệm vụ ${f.location.task}` : null);
  const locate = (f: Finding) => { if (f.location.task) scrollToElement(taskAnchorId(f.location.task)); };

  const breadcrumbs = (
    <Box component="nav" aria-label="Vị trí">
      <Breadcrumbs separator="›" separatorMargin={6} style={{ flexWrap: 'wrap', rowGap: 4 }}>
        <Anchor component={Link} to={paths.plans} size="sm">Kế hoạch</Anchor>
        {parent ? <Anchor component={Link} to={paths.plan(parent.id)} size="sm">{docNumber(parent.number, parent.symbol)}</Anchor> : null}
        <Text size="sm" aria-current="page">{plan.number ? docNumber(plan.number, plan.symbol) : 'Dự thảo'}</Text>
      </Breadcrumbs>
    </Box>
  );

  const actions = (
    <>
      {can.edit ? <Button component={Link} to={paths.planEdit(plan.id)} leftSection={<IconEdit size={18} aria-hidden />}>Sửa dự thảo</Button> : null}
      {can.submit ? <Button variant={can.edit ? 'default' : 'filled'} leftSection={<IconSend size={18} aria-hidden />} onClick={() => setDialog('submit')}>Trình</Button> : null}
      {can.approve ? <Button leftSection={<IconCheck size={18} aria-hidden />} onClick={() => setDialog('approve')}>Duyệt</Button> : null}
      {can.issue ? <Button leftSection={<IconRubberStamp size={18} aria-hidden />} onClick={() => setDialog('issue')}>Ban hành</Button> : null}
      {can.return ? <Button variant="default" leftSection={<IconArrowBackUp size={18} aria-hidden />} onClick={() => setDialog('return')}>Trả lại</Button> : null}
      {can.cascade ? <Button component={Link} to={paths.planCascade(plan.id)} leftSection={<IconGitBranch size={18} aria-hidden />}>Triển khai xuống xã, phường</Button> : null}
      {can.amend ? <Button variant="default" leftSection={<IconVersions size={18} aria-hidden />} onClick={() => setDialog('amend')}>Sửa đổi</Button> : null}
    </>
  );

  return (
    <>
      <PageHeader
        above={breadcrumbs}
        title={plan.title || '(chưa có trích yếu)'}
        description={
          <Group gap="xs" component="span">
            <PlanStatusBadge status={plan.status} label={plan.statusLabel} />
            <Text span size="sm" c="dimmed">{plan.issuerName} · phiên bản {plan.version}</Text>
          </Group>
        }
        actions={actions}
      />
      <Stack gap="md">
        {plan.status === 'draft' && plan.returnReason ? (
          <Alert color="orange" variant="light" icon={<IconArrowBackUp aria-hidden />} title="Dự thảo bị trả lại">
            Lý do: {plan.returnReason}
          </Alert>
        ) : null}
        {plan.status === 'amended' || plan.status === 'superseded' ? (
          <Alert color="gray" variant="light" icon={<IconInfoCircle aria-hidden />}>
            Kế hoạch này đã được {plan.status === 'amended' ? 'sửa đổi bằng một văn bản mới' : 'thay thế'}; nội dung dưới đây là bản trước đó.{' '}
            <Anchor component={Link} to={`${paths.plans}?donVi=${plan.unitId}&trangThai=issued`} underline="always">Xem kế hoạch đang có hiệu lực</Anchor>
          </Alert>
        ) : null}
        {changes.size ? (
          <Alert color="orange" variant="light" icon={<IconFileDiff aria-hidden />} title="Kế hoạch cấp trên đã thay đổi">
            {count(changes.size, 'nhiệm vụ')} có thay đổi từ kế hoạch cấp trên chờ đơn vị xem xét: {[...changes.keys()].map((n, i) => (
              <span key={n}>{i ? ', ' : ''}<button type="button" className="link-button" onClick={() => scrollToElement(taskAnchorId(n))}>nhiệm vụ {n}</button></span>
            ))}.
          </Alert>
        ) : null}

        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <Section title="Thông tin văn bản" id="thong-tin">
            <dl className="info-list">
              <InfoRow label="Số, ký hiệu">{docNumber(plan.number, plan.symbol)}</InfoRow>
              <InfoRow label="Ngày ban hành">{formatIsoDate(plan.issuedDate) || 'Chưa ban hành'}</InfoRow>
              <InfoRow label="Đơn vị ban hành"><Anchor component={Link} to={paths.unit(plan.unitId)} size="sm">{plan.unitName}</Anchor></InfoRow>
              <InfoRow label="Trạng thái">{plan.statusLabel}</InfoRow>
              <InfoRow label="Phiên bản">{plan.version}</InfoRow>
              <InfoRow label="Kế hoạch cấp trên">
                {parent ? (
                  <>
                    <Anchor component={Link} to={paths.plan(parent.id)} size="sm">{docNumber(parent.number, parent.symbol)}{parent.issuedDate ? ` ngày ${formatIsoDate(parent.issuedDate)}` : ''}</Anchor>
                    <Text size="xs" c="dimmed">{parent.title}</Text>
                  </>
                ) : 'Không có'}
              </InfoRow>
              {plan.amendsPlanId ? (
                <InfoRow label="Sửa đổi kế hoạch">
                  <Anchor component={Link} to={paths.plan(plan.amendsPlanId)} size="sm">
                    {amends.data ? `${docNumber(amends.data.plan.number, amends.data.plan.symbol)}${amends.data.plan.issuedDate ? ` ngày ${formatIsoDate(amends.data.plan.issuedDate)}` : ''}` : `Kế hoạch trước (mã ${plan.amendsPlanId})`}
                  </Anchor>
                </InfoRow>
              ) : null}
              {draft.document.signer?.name ? <InfoRow label="Người ký">{draft.document.signer.name}</InfoRow> : null}
            </dl>
            <Title order={3} size="h5" mt="md" mb={6} id="tai-ve">Tải về</Title>
            <Group gap="xs" role="group" aria-labelledby="tai-ve">
              <Button component="a" href={planDownloads.docx(plan.id)} download variant="default" size="xs" leftSection={<IconDownload size={16} aria-hidden />}>Văn bản (DOCX)</Button>
              <Button component="a" href={planDownloads.xlsx(plan.id)} download variant="default" size="xs" leftSection={<IconDownload size={16} aria-hidden />}>Bảng nhiệm vụ (XLSX)</Button>
              <Button component="a" href={planDownloads.json(plan.id)} download variant="default" size="xs" leftSection={<IconDownload size={16} aria-hidden />}>Dữ liệu mở (JSON)</Button>
            </Group>
            {plan.parentPlanId ? (
              <Button component={Link} to={paths.planCompare(plan.id)} variant="light" size="xs" mt="sm" leftSection={<IconFileDiff size={16} aria-hidden />}>
                So sánh với kế hoạch cấp trên
              </Button>
            ) : null}
            {plan.status === 'issued' ? (
              <>
                <Title order={3} size="h5" mt="md" mb={6} id="theo-doi">Theo dõi thực hiện</Title>
                <Group gap="xs" role="group" aria-labelledby="theo-doi">
                  <Button component={Link} to={paths.dashboardOf(plan.id)} variant="light" size="xs" leftSection={<IconChartBar size={16} aria-hidden />}>Bảng điều khiển</Button>
                  <Button component={Link} to={`${paths.assignments}?keHoach=${plan.id}`} variant="light" size="xs" leftSection={<IconChecklist size={16} aria-hidden />}>Công việc</Button>
                  {plan.published ? (
                    <Button component={Link} to={paths.publicPlan(plan.id)} variant="light" size="xs" leftSection={<IconWorld size={16} aria-hidden />}>Trang công khai</Button>
                  ) : null}
                </Group>
              </>
            ) : null}
          </Section>

          {/* Readers from outside the issuing unit get the published document without its review notes. */}
          {can.review ? (
            <Section title="Kết quả rà soát" id="ra-soat" extra={<FindingCounts findings={findings} />}>
              <FindingList findings={findings} onLocate={locate} locateLabel={locateLabel} foldInfo />
            </Section>
          ) : null}
        </SimpleGrid>

        <Section title="Nhiệm vụ" id="nhiem-vu" extra={<Text size="sm" c="dimmed">{count(draft.tasks.length, 'nhiệm vụ')}</Text>}>
          {can.review ? (
            <Text size="xs" c="dimmed" mb="sm">
              Mỗi nhiệm vụ có dấu “06 rõ”: xanh là đạt, cam là cần lưu ý, đỏ là chưa rõ (xem Kết quả rà soát).
            </Text>
          ) : null}
          <TaskList
            marks={can.review}
            tasks={draft.tasks}
            groups={draft.groups}
            findings={findings}
            isPhone={isPhone}
            caption="Các nhiệm vụ của kế hoạch"
            extra={(t) => {
              const c = changes.get(t.number);
              return c?.parentChange ? (
                <ParentChangeNotice taskId={c.id} taskNumber={t.number} change={c.parentChange} canResolve={canResolve} compareTo={paths.planCompare(plan.id)} />
              ) : null;
            }}
          />
        </Section>

        <SimpleGrid cols={{ base: 1, md: detail.children.total ? 2 : 1 }} spacing="md">
          {detail.children.total ? <ChildrenSection detail={detail} /> : null}
          <Section title="Phiên bản" id="phien-ban">
            {detail.versions.length ? (
              <ul className="tap-list">
                {detail.versions.map((v) => (
                  <li key={`${v.version}-${v.created_at}`} style={{ padding: '6px 2px' }}>
                    <Text size="sm" fw={600}>Phiên bản {v.version} · {v.note ?? planStatusLabel(v.status)}</Text>
                    <Text size="xs" c="dimmed">{formatDateTime(v.created_at)}</Text>
                  </li>
                ))}
              </ul>
            ) : <Text size="sm" c="dimmed">Chưa có phiên bản ban hành. Phiên bản được lưu mỗi lần ban hành.</Text>}
          </Section>
        </SimpleGrid>
      </Stack>

      <ConfirmDialog
        opened={dialog === 'submit'}
        onClose={close}
        title="Trình kế hoạch"
        confirmLabel="Trình"
        onConfirm={async () => {
          await transition.mutateAsync('submit');
          notifications.show({ color: 'green', message: 'Đã trình kế hoạch cho lãnh đạo duyệt.' });
        }}
      >
        Trình dự thảo cho lãnh đạo duyệt? Sau khi trình, dự thảo không sửa được nữa cho đến khi bị trả lại. Kế hoạch còn lỗi sẽ không trình được.
      </ConfirmDialog>
      <ConfirmDialog
        opened={dialog === 'approve'}
        onClose={close}
        title="Duyệt kế hoạch"
        confirmLabel="Duyệt"
        onConfirm={async () => {
          await transition.mutateAsync('approve');
          notifications.show({ color: 'green', message: 'Đã duyệt kế hoạch. Văn thư cấp số và ban hành.' });
        }}
      >
        Duyệt nội dung kế hoạch này? Sau khi duyệt, kế hoạch được cấp số và ban hành.
      </ConfirmDialog>
      <ConfirmDialog
        opened={dialog === 'amend'}
        onClose={close}
        title="Sửa đổi kế hoạch"
        confirmLabel="Tạo dự thảo sửa đổi"
        onConfirm={async () => {
          const r = await amend.mutateAsync(undefined);
          navigate(paths.plan(r.id));
        }}
      >
        Kế hoạch đã ban hành chỉ thay đổi được bằng văn bản sửa đổi. Tạo một dự thảo sửa đổi (phiên bản {plan.version + 1}) từ nội dung hiện tại? Khi dự thảo sửa đổi được ban hành, các kế hoạch cấp dưới được báo những nhiệm vụ thay đổi.
      </ConfirmDialog>
      {can.return ? <ReturnPlanModal opened={dialog === 'return'} onClose={close} plan={plan} /> : null}
      {can.issue ? <IssuePlanModal opened={dialog === 'issue'} onClose={close} plan={plan} signerName={draft.document.signer?.name ?? null} /> : null}
    </>
  );
}

type ChildFilter = 'all' | PlanStatus;

function ChildrenSection({ detail }: { detail: PlanDetail }) {
  const { children, plan, can } = detail;
  const [text, setText] = useState('');
  const [status, setStatus] = useState<ChildFilter>('all');
  const [shown, setShown] = useState(20);
  const counts = useMemo(() => {
    const m = new Map<string, number>();
    for (const c of children.visible) m.set(c.status, (m.get(c.status) ?? 0) + 1);
    return m;
  }, [children.visible]);
  const q = fold(text);
  const list = children.visible.filter((c) => (status === 'all' || c.status === status) && (!q || fold(c.unitName).includes(q)));
  const statuses = (Object.keys(PLAN_STATUS_LABEL) as PlanStatus[]).filter((s) => counts.get(s));

  return (
    <Section
      title="Kế hoạch của xã, phường"
      id="cap-duoi"
      extra={<Text size="sm" c="dimmed">{count(children.total, 'kế hoạch')}</Text>}
    >
      <Stack gap="sm">
        <Group gap={6}>
          {statuses.map((s) => <PlanStatusBadge key={s} status={s} label={`${PLAN_STATUS_LABEL[s]}: ${counts.get(s)}`} size="sm" />)}
        </Group>
        {children.visible.length > 8 ? (
          <>
            <TextInput
              type="search"
              label="Tìm xã, phường"
              placeholder="Gõ tên, có thể không dấu"
              leftSection={<IconSearch size={16} aria-hidden />}
              value={text}
              onChange={(e) => { setText(e.currentTarget.value); setShown(20); }}
            />
            {statuses.length > 1 ? (
              <SegmentedControl
                size="xs"
                value={status}
                onChange={(v) => { setStatus(v as ChildFilter); setShown(20); }}
                data={[{ value: 'all', label: 'Tất cả' }, ...statuses.map((s) => ({ value: s, label: PLAN_STATUS_LABEL[s] }))]}
                aria-label="Lọc theo trạng thái"
                style={{ alignSelf: 'flex-start' }}
              />
            ) : null}
          </>
        ) : null}
        {list.length ? (
          <ul className="tap-list" aria-label="Kế hoạch của xã, phường">
            {list.slice(0, shown).map((c) => (
              <li key={c.id}>
                <Link to={paths.plan(c.id)}>
                  <Group justify="space-between" gap="xs" wrap="nowrap">
                    <Text className="tap-title" c="thBlue.8" fw={500} size="sm">{c.unitName}</Text>
                    <PlanStatusBadge status={c.status} size="sm" />
                  </Group>
                </Link>
              </li>
            ))}
          </ul>
        ) : <EmptyState title="Không có xã, phường nào khớp" />}
        <Group gap="xs">
          {list.length > shown ? <Button variant="default" size="xs" onClick={() => setShown((n) => n + 50)}>Xem thêm ({list.length - shown})</Button> : null}
          <Button variant="subtle" size="xs" component={Link} to={paths.planChildren(plan.id)}>Mở trong danh sách kế hoạch</Button>
          {can.cascade ? <Button variant="subtle" size="xs" component={Link} to={paths.planCascade(plan.id)}>Triển khai thêm</Button> : null}
        </Group>
      </Stack>
    </Section>
  );
}
