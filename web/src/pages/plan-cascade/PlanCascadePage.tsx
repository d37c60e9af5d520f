// Triển khai xuống xã, phường: from an issued province plan, (1) choose the communes and wards — all, or some found
// by name without accents —, (2) preview the plan one of them will get (units mapped by the rule table, review
// findings) and (3) create the drafts, with links to each.
import { Link, useParams } from 'react-router';
import { Alert, Anchor, Group, Loader, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { isApiError } from '../../api/client.ts';
import { usePlan } from '../../api/plans.ts';
import { LoadError } from '../../components/FieldError.tsx';
import { PageHeader, usePageTitle } from '../../components/PageTitle.tsx';
import { docNumber, formatIsoDate } from '../../components/plans/planFormat.ts';
import { paths } from '../../paths.ts';
import { NotFoundPage } from '../NotFoundPage.tsx';
import { Wizard } from './Wizard.tsx';

export function PlanCascadePage() {
  const { id } = useParams();
  const planId = Number(id);
  const valid = Number.isInteger(planId) && planId > 0;
  const { data, isLoading, error, refetch } = usePlan(valid ? planId : null);
  usePageTitle('Triển khai xuống xã, phường');

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
  const back = (
    <Anchor component={Link} to={paths.plan(planId)} size="sm">
      ‹ {docNumber(data.plan.number, data.plan.symbol)} – {data.plan.title}
    </Anchor>
  );
  if (!data.can.cascade) {
    return (
      <>
        <PageHeader title="Triển khai xuống xã, phường" above={back} />
        <Alert
          color="gray"
          variant="light"
          icon={<IconInfoCircle aria-hidden />}
          title="Chưa triển khai được kế hoạch này"
        >
          {data.plan.unitKind !== 'province'
            ? 'Chỉ kế hoạch của tỉnh được triển khai xuống xã, phường.'
            : data.plan.status !== 'issued'
              ? `Kế hoạch phải được ban hành (có số, ngày) trước khi triển khai; hiện đang ở trạng thái “${data.plan.statusLabel}”.`
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
