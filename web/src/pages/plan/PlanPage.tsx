// One plan: its header (number, date, issuer, status, version, parent, amendment), the actions its status and the
// user's roles allow, the tasks with their "06 rõ" marks, the review findings, downloads, versions, the communes'
// plans made from it and — for a commune's plan — what the province changed since.
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, Anchor, Box, Breadcrumbs, Button, Group, Loader, SimpleGrid, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import {
  IconArrowBackUp,
  IconCheck,
  IconEdit,
  IconFileDiff,
  IconGitBranch,
  IconInfoCircle,
  IconSend,
  IconRubberStamp,
  IconVersions,
} from '@tabler/icons-react';
import { isApiError } from '../../api/client.ts';
import { usePlan } from '../../api/plans.ts';
import type { Finding, PlanDetail } from '../../api/types.ts';
import { LoadError } from '../../components/FieldError.tsx';
import { PageHeader, usePageTitle } from '../../components/PageTitle.tsx';
import { Section } from '../../components/Section.tsx';
import { FindingCounts, FindingList, scrollToElement } from '../../components/plans/FindingList.tsx';
import { ParentChangeNotice } from '../../components/plans/ParentChangeNotice.tsx';
import { PlanStatusBadge } from '../../components/plans/PlanBits.tsx';
import { docNumber, planStatusLabel, taskAnchorId } from '../../components/plans/planFormat.ts';
import { TaskList } from '../../components/plans/TaskList.tsx';
import { count, formatDateTime } from '../../format.ts';
import { paths } from '../../paths.ts';
import { NotFoundPage } from '../NotFoundPage.tsx';
import { ChildrenSection } from './ChildrenSection.tsx';
import { PlanDialogs } from './PlanDialogs.tsx';
import { PlanInfoSection } from './PlanInfoSection.tsx';

export function PlanPage() {
  const { id } = useParams();
  const planId = Number(id);
  const valid = Number.isInteger(planId) && planId > 0;
  const { data, isLoading, error, refetch } = usePlan(valid ? planId : null);
  usePageTitle(data?.plan.title ?? 'Kế hoạch');

  if (!valid || (isApiError(error) && (error.isNotFound || error.status === 400)))
    return <NotFoundPage what="kế hoạch" />;
  if (isLoading)
    return (
      <Group p="md">
        <Loader size="sm" aria-hidden />
        <Text>Đang tải kế hoạch…</Text>
      </Group>
    );
  if (error || !data) return <LoadError error={error} what="kế hoạch" onRetry={() => void refetch()} />;
  return <PlanView detail={data} />;
}

export type Dialog = 'submit' | 'approve' | 'return' | 'issue' | 'amend' | null;

function PlanView({ detail }: { detail: PlanDetail }) {
  const { plan, draft, can, parent, taskIds } = detail;
  const isPhone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);

  const changes = useMemo(() => new Map(taskIds.filter((t) => t.parentChange).map((t) => [t.number, t])), [taskIds]);
  const canResolve = can.edit || can.submit || can.amend;
  const findings = draft.document ? draft.findings : [];
  const taskNumbers = new Set(draft.tasks.map((t) => t.number));
  const locateLabel = (f: Finding) =>
    f.location.task && taskNumbers.has(f.location.task) ? `Đến nhiệm vụ ${f.location.task}` : null;
  const locate = (f: Finding) => {
    if (f.location.task) scrollToElement(taskAnchorId(f.location.task));
  };

  const breadcrumbs = (
    <Box component="nav" aria-label="Vị trí">
      <Breadcrumbs separator="›" separatorMargin={6} style={{ flexWrap: 'wrap', rowGap: 4 }}>
        <Anchor component={Link} to={paths.plans} size="sm">
          Kế hoạch
        </Anchor>
        {parent ? (
          <Anchor component={Link} to={paths.plan(parent.id)} size="sm">
            {docNumber(parent.number, parent.symbol)}
          </Anchor>
        ) : null}
        <Text size="sm" aria-current="page">
          {plan.number ? docNumber(plan.number, plan.symbol) : 'Dự thảo'}
        </Text>
      </Breadcrumbs>
    </Box>
  );
  const actions = <PlanActions detail={detail} onDialog={setDialog} />;

  return (
    <>
      <PageHeader
        above={breadcrumbs}
        title={plan.title || '(chưa có trích yếu)'}
        description={
          <Group gap="xs" component="span">
            <PlanStatusBadge status={plan.status} label={plan.statusLabel} />
            <Text span size="sm" c="dimmed">
              {plan.issuerName} · phiên bản {plan.version}
            </Text>
          </Group>
        }
        actions={actions}
      />
      <Stack gap="md">
        <PlanNotices plan={plan} changes={changes} />

        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <PlanInfoSection detail={detail} />

          {/* Readers from outside the issuing unit get the published document without its review notes. */}
          {can.review ? (
            <Section title="Kết quả rà soát" id="ra-soat" extra={<FindingCounts findings={findings} />}>
              <FindingList findings={findings} onLocate={locate} locateLabel={locateLabel} foldInfo />
            </Section>
          ) : null}
        </SimpleGrid>

        <Section
          title="Nhiệm vụ"
          id="nhiem-vu"
          extra={
            <Text size="sm" c="dimmed">
              {count(draft.tasks.length, 'nhiệm vụ')}
            </Text>
          }
        >
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
                <ParentChangeNotice
                  taskId={c.id}
                  taskNumber={t.number}
                  change={c.parentChange}
                  canResolve={canResolve}
                  compareTo={paths.planCompare(plan.id)}
                />
              ) : null;
            }}
          />
        </Section>

        <SimpleGrid cols={{ base: 1, md: detail.children.total ? 2 : 1 }} spacing="md">
          {detail.children.total ? <ChildrenSection detail={detail} /> : null}
          <VersionsSection versions={detail.versions} />
        </SimpleGrid>
      </Stack>
      <PlanDialogs detail={detail} dialog={dialog} close={close} />
    </>
  );
}

/** Why the plan is a draft again, that it is no longer in force, or that the province changed tasks it implements. */
function PlanNotices({ plan, changes }: { plan: PlanDetail['plan']; changes: ReadonlyMap<string, unknown> }) {
  return (
    <>
      {plan.status === 'draft' && plan.returnReason ? (
        <Alert color="orange" variant="light" icon={<IconArrowBackUp aria-hidden />} title="Dự thảo bị trả lại">
          Lý do: {plan.returnReason}
        </Alert>
      ) : null}
      {plan.status === 'amended' || plan.status === 'superseded' ? (
        <Alert color="gray" variant="light" icon={<IconInfoCircle aria-hidden />}>
          Kế hoạch này đã được {plan.status === 'amended' ? 'sửa đổi bằng một văn bản mới' : 'thay thế'}; nội dung dưới
          đây là bản trước đó.{' '}
          <Anchor component={Link} to={`${paths.plans}?donVi=${plan.unitId}&trangThai=issued`} underline="always">
            Xem kế hoạch đang có hiệu lực
          </Anchor>
        </Alert>
      ) : null}
      {changes.size ? (
        <Alert color="orange" variant="light" icon={<IconFileDiff aria-hidden />} title="Kế hoạch cấp trên đã thay đổi">
          {count(changes.size, 'nhiệm vụ')} có thay đổi từ kế hoạch cấp trên chờ đơn vị xem xét:{' '}
          {[...changes.keys()].map((n, i) => (
            <span key={n}>
              {i ? ', ' : ''}
              <button type="button" className="link-button" onClick={() => scrollToElement(taskAnchorId(n))}>
                nhiệm vụ {n}
              </button>
            </span>
          ))}
          .
        </Alert>
      ) : null}
    </>
  );
}

function VersionsSection({ versions }: { versions: PlanDetail['versions'] }) {
  return (
    <Section title="Phiên bản" id="phien-ban">
      {versions.length ? (
        <ul className="tap-list">
          {versions.map((v) => (
            <li key={`${v.version}-${v.created_at}`} style={{ padding: '6px 2px' }}>
              <Text size="sm" fw={600}>
                Phiên bản {v.version} · {v.note ?? planStatusLabel(v.status)}
              </Text>
              <Text size="xs" c="dimmed">
                {formatDateTime(v.created_at)}
              </Text>
            </li>
          ))}
        </ul>
      ) : (
        <Text size="sm" c="dimmed">
          Chưa có phiên bản ban hành. Phiên bản được lưu mỗi lần ban hành.
        </Text>
      )}
    </Section>
  );
}

/** The acts the plan's status and the user's roles allow; those that ask first open their dialog. */
function PlanActions({ detail, onDialog: setDialog }: { detail: PlanDetail; onDialog: (d: Dialog) => void }) {
  const { plan, can } = detail;
  return (
    <>
      {can.edit ? (
        <Button component={Link} to={paths.planEdit(plan.id)} leftSection={<IconEdit size={18} aria-hidden />}>
          Sửa dự thảo
        </Button>
      ) : null}
      {can.submit ? (
        <Button
          variant={can.edit ? 'default' : 'filled'}
          leftSection={<IconSend size={18} aria-hidden />}
          onClick={() => setDialog('submit')}
        >
          Trình
        </Button>
      ) : null}
      {can.approve ? (
        <Button leftSection={<IconCheck size={18} aria-hidden />} onClick={() => setDialog('approve')}>
          Duyệt
        </Button>
      ) : null}
      {can.issue ? (
        <Button leftSection={<IconRubberStamp size={18} aria-hidden />} onClick={() => setDialog('issue')}>
          Ban hành
        </Button>
      ) : null}
      {can.return ? (
        <Button
          variant="default"
          leftSection={<IconArrowBackUp size={18} aria-hidden />}
          onClick={() => setDialog('return')}
        >
          Trả lại
        </Button>
      ) : null}
      {can.cascade ? (
        <Button component={Link} to={paths.planCascade(plan.id)} leftSection={<IconGitBranch size={18} aria-hidden />}>
          Triển khai xuống xã, phường
        </Button>
      ) : null}
      {can.amend ? (
        <Button
          variant="default"
          leftSection={<IconVersions size={18} aria-hidden />}
          onClick={() => setDialog('amend')}
        >
          Sửa đổi
        </Button>
      ) : null}
    </>
  );
}
