import { Link } from 'react-router';
import { Anchor, Button, Group, Text, Title } from '@mantine/core';
import { IconChartBar, IconChecklist, IconFileDiff, IconWorld } from '@tabler/icons-react';
import { planDownloads, usePlan } from '../../api/plans.ts';
import type { PlanDetail } from '../../api/types.ts';
import { InfoRow } from '../../components/InfoRow.tsx';
import { Section } from '../../components/Section.tsx';
import { docNumber, formatIsoDate } from '../../components/plans/planFormat.ts';
import { paths } from '../../paths.ts';
import { DownloadButton } from '../../components/DownloadButton.tsx';

/** The document's facts, its downloads, and where to follow its implementation. */
export function PlanInfoSection({ detail }: { detail: PlanDetail }) {
  const { plan, draft, parent } = detail;
  const amends = usePlan(plan.amendsPlanId);
  return (
    <Section title="Thông tin văn bản" id="thong-tin">
      <dl className="info-list">
        <InfoRow label="Số, ký hiệu">{docNumber(plan.number, plan.symbol)}</InfoRow>
        <InfoRow label="Ngày ban hành">{formatIsoDate(plan.issuedDate) || 'Chưa ban hành'}</InfoRow>
        <InfoRow label="Đơn vị ban hành">
          <Anchor component={Link} to={paths.unit(plan.unitId)} size="sm">
            {plan.unitName}
          </Anchor>
        </InfoRow>
        <InfoRow label="Trạng thái">{plan.statusLabel}</InfoRow>
        <InfoRow label="Phiên bản">{plan.version}</InfoRow>
        <InfoRow label="Kế hoạch cấp trên">
          {parent ? (
            <>
              <Anchor component={Link} to={paths.plan(parent.id)} size="sm">
                {docNumber(parent.number, parent.symbol)}
                {parent.issuedDate ? ` ngày ${formatIsoDate(parent.issuedDate)}` : ''}
              </Anchor>
              <Text size="xs" c="dimmed">
                {parent.title}
              </Text>
            </>
          ) : (
            'Không có'
          )}
        </InfoRow>
        {plan.amendsPlanId ? (
          <InfoRow label="Sửa đổi kế hoạch">
            <Anchor component={Link} to={paths.plan(plan.amendsPlanId)} size="sm">
              {amends.data
                ? `${docNumber(amends.data.plan.number, amends.data.plan.symbol)}${amends.data.plan.issuedDate ? ` ngày ${formatIsoDate(amends.data.plan.issuedDate)}` : ''}`
                : `Kế hoạch trước (mã ${plan.amendsPlanId})`}
            </Anchor>
          </InfoRow>
        ) : null}
        {draft.document.signer?.name ? <InfoRow label="Người ký">{draft.document.signer.name}</InfoRow> : null}
      </dl>
      <Title order={3} size="h5" mt="md" mb={6} id="tai-ve">
        Tải về
      </Title>
      <Group gap="xs" role="group" aria-labelledby="tai-ve">
        <DownloadButton href={planDownloads.docx(plan.id)}>Văn bản (DOCX)</DownloadButton>
        <DownloadButton href={planDownloads.xlsx(plan.id)}>Bảng nhiệm vụ (XLSX)</DownloadButton>
        <DownloadButton href={planDownloads.json(plan.id)}>Dữ liệu mở (JSON)</DownloadButton>
      </Group>
      {plan.parentPlanId ? (
        <Button
          component={Link}
          to={paths.planCompare(plan.id)}
          variant="light"
          size="xs"
          mt="sm"
          leftSection={<IconFileDiff size={16} aria-hidden />}
        >
          So sánh với kế hoạch cấp trên
        </Button>
      ) : null}
      {plan.status === 'issued' ? (
        <>
          <Title order={3} size="h5" mt="md" mb={6} id="theo-doi">
            Theo dõi thực hiện
          </Title>
          <Group gap="xs" role="group" aria-labelledby="theo-doi">
            <Button
              component={Link}
              to={paths.dashboardOf(plan.id)}
              variant="light"
              size="xs"
              leftSection={<IconChartBar size={16} aria-hidden />}
            >
              Bảng điều khiển
            </Button>
            <Button
              component={Link}
              to={`${paths.assignments}?keHoach=${plan.id}`}
              variant="light"
              size="xs"
              leftSection={<IconChecklist size={16} aria-hidden />}
            >
              Công việc
            </Button>
            {plan.published ? (
              <Button
                component={Link}
                to={paths.publicPlan(plan.id)}
                variant="light"
                size="xs"
                leftSection={<IconWorld size={16} aria-hidden />}
              >
                Trang công khai
              </Button>
            ) : null}
          </Group>
        </>
      ) : null}
    </Section>
  );
}
