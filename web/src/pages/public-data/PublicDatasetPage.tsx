// Công khai: one dataset of the catalogue with every public field (never internal notes), its files and how to get
// them: open data downloads here; conditional and commercial data need an access request by a signed-in user.
import { Alert, Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import {
  ACCESS_CLASS_LABEL,
  ACCESS_METHOD_LABEL,
  LABELLING_LABEL,
  UPDATE_FREQUENCY_LABEL,
  usePublicDataset,
} from '../../api/datasets.ts';
import { LoadError } from '../../components/FieldError.tsx';
import { InfoRow } from '../../components/InfoRow.tsx';
import { usePageTitle } from '../../components/PageTitle.tsx';
import { formatDate, formatDay } from '../../format.ts';
import { paths } from '../../paths.ts';
import { PublicShell } from '../petitions/PublicShell.tsx';
import { DatasetBadges, PublicDataNav, PublicResources } from './PublicDataParts.tsx';

const or = (s: string) => (s.trim() ? s : '—');

export function PublicDatasetPage() {
  const id = Number(useParams().id) || 0;
  const q = usePublicDataset(id);
  const d = q.data;
  usePageTitle(d?.title ?? 'Dữ liệu phục vụ trí tuệ nhân tạo');
  return (
    <PublicShell nav={<PublicDataNav />} navLabel="Trang công khai">
      <Stack gap="md">
        <Anchor component={Link} to={paths.publicDatasets} size="sm">
          ← Danh mục dữ liệu
        </Anchor>
        {q.error ? <LoadError error={q.error} what="bộ dữ liệu" onRetry={() => void q.refetch()} /> : null}
        {!d && !q.error ? <Text>Đang tải…</Text> : null}
        {d ? (
          <>
            <Title order={1} fz={{ base: 22, sm: 28 }} style={{ overflowWrap: 'anywhere' }}>
              {d.title}
            </Title>
            <Text size="sm" c="dimmed">
              {d.publisher.name} · phiên bản {d.version} · công bố {formatDate(d.publishedAt)} · cập nhật{' '}
              {formatDate(d.modifiedAt)}
            </Text>
            <DatasetBadges d={d} />
            <Anchor component={Link} to={`${paths.publicPetition}?duLieu=${d.id}`} size="sm">
              Góp ý, phản ánh về bộ dữ liệu này
            </Anchor>
            {d.description ? (
              <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{d.description}</Text>
            ) : null}
            <Paper withBorder radius="md" p="md" component="section" aria-labelledby="tep-du-lieu">
              <Stack gap="sm">
                <Title order={2} size="h4" id="tep-du-lieu">
                  Tệp dữ liệu
                </Title>
                <PublicResources d={d} />
                {d.accessClass !== 'open' ? (
                  <Alert color="blue" variant="light">
                    {ACCESS_CLASS_LABEL[d.accessClass]}: cán bộ các cơ quan trong tỉnh đăng nhập, tổ chức bên ngoài dùng
                    tài khoản tổ chức, để gửi đề nghị truy cập (mục đích, cách sử dụng, thời hạn); đơn vị quản lý xem
                    xét, cấp quyền có thời hạn và ghi nhật ký mọi lượt tải.
                    <Group gap="xs" mt={6}>
                      <Button component={Link} to={paths.dataset(d.id)} size="xs" variant="light">
                        Đăng nhập để đề nghị truy cập
                      </Button>
                      <Button
                        component={Link}
                        to={`${paths.publicDataOrganisation}?boDuLieu=${d.id}`}
                        size="xs"
                        variant="light"
                      >
                        Tổ chức đề nghị truy cập
                      </Button>
                    </Group>
                  </Alert>
                ) : null}
              </Stack>
            </Paper>
            <Paper withBorder radius="md" p="md" component="section" aria-labelledby="thong-tin">
              <Title order={2} size="h4" id="thong-tin" mb="xs">
                Thông tin
              </Title>
              <dl className="info-list">
                <InfoRow label="Lĩnh vực">{d.sectorName}</InfoRow>
                <InfoRow label="Từ khóa">{d.keywords.length ? d.keywords.join(', ') : '—'}</InfoRow>
                <InfoRow label="Giấy phép, điều khoản">{or(d.licence)}</InfoRow>
                <InfoRow label="Giới hạn mục đích sử dụng">{or(d.purposeLimits)}</InfoRow>
                <InfoRow label="Phương thức truy cập">
                  {d.accessMethods.map((m) => ACCESS_METHOD_LABEL[m]).join(', ')}
                </InfoRow>
                <InfoRow label="Tần suất cập nhật">{UPDATE_FREQUENCY_LABEL[d.updateFrequency]}</InfoRow>
                <InfoRow label="Thời gian của dữ liệu">
                  {d.temporalStart || d.temporalEnd
                    ? `${formatDay(d.temporalStart) || '…'} – ${formatDay(d.temporalEnd) || '…'}`
                    : '—'}
                </InfoRow>
                <InfoRow label="Phạm vi">
                  {d.spatial.length ? d.spatial.map((u) => u.name).join(', ') : 'Toàn tỉnh'}
                </InfoRow>
                <InfoRow label="Tiêu chuẩn, quy chuẩn">{or(d.standards)}</InfoRow>
                <InfoRow label="Căn cứ pháp lý">{or(d.legalBasis)}</InfoRow>
                <InfoRow label="Gán nhãn, chú thích">{LABELLING_LABEL[d.labelling]}</InfoRow>
                <InfoRow label="Đầu mối hỗ trợ kỹ thuật">
                  {[d.contact.name, d.contact.email, d.contact.phone].filter(Boolean).join(' · ') || '—'}
                </InfoRow>
                <InfoRow label="Mã định danh">{d.uuid}</InfoRow>
              </dl>
            </Paper>
          </>
        ) : null}
      </Stack>
    </PublicShell>
  );
}
