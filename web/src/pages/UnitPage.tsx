import { useState, type ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Alert, Anchor, Box, Breadcrumbs, Button, Group, Loader, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconArrowMerge, IconCirclePlus, IconInfoCircle, IconPencil, IconTrash } from '@tabler/icons-react';
import { isApiError } from '../api/client.ts';
import { useUnit } from '../api/units.ts';
import type { UnitDetail } from '../api/types.ts';
import { EmptyState } from '../components/EmptyState.tsx';
import { LoadError } from '../components/FieldError.tsx';
import { PageHeader, usePageTitle } from '../components/PageTitle.tsx';
import { StatusBadge } from '../components/StatusBadge.tsx';
import { groupChildren } from '../components/units/grouping.ts';
import { AddChildModal, MergeModal, RenameModal, RetireModal } from '../components/units/UnitActionModals.tsx';
import { UnitPeople } from '../components/units/UnitPeople.tsx';
import { DocumentSettingsCard } from '../components/units/DocumentSettingsCard.tsx';
import { count, unitStatusLabel } from '../format.ts';
import { paths } from '../paths.ts';
import { NotFoundPage } from './NotFoundPage.tsx';
import { Section as SharedSection } from '../components/Section.tsx';

/** The shared card with the tighter title spacing of this page of short facts. */
const Section = (props: Parameters<typeof SharedSection>[0]) => <SharedSection titleGap="xs" {...props} />;

function InfoRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <Text size="sm" c="dimmed" w={110} style={{ flex: '0 0 110px' }}>
        {label}
      </Text>
      <Text size="sm" component="div" style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </Group>
  );
}

type Dialog = 'add' | 'rename' | 'merge' | 'retire' | null;

export function UnitPage() {
  const { id } = useParams();
  const unitId = Number(id);
  const valid = Number.isInteger(unitId) && unitId > 0;
  const { data, isLoading, error, refetch } = useUnit(valid ? unitId : null);
  usePageTitle(data?.unit.name ?? 'Đơn vị');

  if (!valid || (isApiError(error) && (error.isNotFound || error.status === 400))) {
    return <NotFoundPage what="đơn vị" />;
  }
  if (isLoading)
    return (
      <Group p="md">
        <Loader size="sm" aria-hidden />
        <Text>Đang tải thông tin đơn vị…</Text>
      </Group>
    );
  if (error || !data) return <LoadError error={error} what="thông tin đơn vị" onRetry={() => void refetch()} />;
  return <UnitView detail={data} />;
}

function UnitView({ detail }: { detail: UnitDetail }) {
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<Dialog>(null);
  const { unit, ancestors, children, aliases, mergedInto, allowedChildKinds } = detail;
  const former = aliases.filter((a) => a.kind === 'former');
  const otherNames = aliases.filter((a) => a.kind !== 'former');
  const groups = groupChildren(children);
  // What the signed-in person may do here, decided on the server by the one rule.
  const { addChild: mayAdd, reshape: mayAdminister } = detail.can;
  const close = () => setDialog(null);

  const breadcrumbs = (
    <Box component="nav" aria-label="Đơn vị cấp trên">
      <Breadcrumbs separator="›" separatorMargin={6} style={{ flexWrap: 'wrap', rowGap: 4 }}>
        <Anchor component={Link} to={paths.units} size="sm">
          Đơn vị
        </Anchor>
        {ancestors.map((a) => (
          <Anchor key={a.id} component={Link} to={paths.unit(a.id)} size="sm">
            {a.name}
          </Anchor>
        ))}
        <Text size="sm" aria-current="page">
          {unit.shortName || unit.name}
        </Text>
      </Breadcrumbs>
    </Box>
  );

  const actions =
    mayAdd || mayAdminister ? (
      <>
        {mayAdd ? (
          <Button leftSection={<IconCirclePlus size={18} aria-hidden />} onClick={() => setDialog('add')}>
            Thêm đơn vị trực thuộc
          </Button>
        ) : null}
        {mayAdminister ? (
          <>
            <Button
              variant="default"
              leftSection={<IconPencil size={18} aria-hidden />}
              onClick={() => setDialog('rename')}
            >
              Đổi tên
            </Button>
            <Button
              variant="default"
              leftSection={<IconArrowMerge size={18} aria-hidden />}
              onClick={() => setDialog('merge')}
            >
              Sáp nhập vào…
            </Button>
            <Button
              variant="outline"
              color="red.9"
              leftSection={<IconTrash size={18} aria-hidden />}
              onClick={() => setDialog('retire')}
            >
              Giải thể
            </Button>
          </>
        ) : null}
      </>
    ) : null;

  return (
    <>
      <PageHeader
        above={breadcrumbs}
        title={unit.name}
        description={
          <Group gap="xs" component="span">
            <StatusBadge tone="blue">{unit.kindLabel}</StatusBadge>
            <StatusBadge tone={unit.status === 'active' ? 'green' : unit.status === 'merged' ? 'orange' : 'gray'}>
              {unitStatusLabel(unit.status)}
            </StatusBadge>
            <Text span size="sm" c="dimmed">
              Mã {unit.code}
            </Text>
          </Group>
        }
        actions={actions}
      />
      <Stack gap="md">
        {mergedInto ? (
          <Alert color="orange" variant="light" icon={<IconInfoCircle aria-hidden />} title="Đơn vị đã sáp nhập">
            {unit.name} đã sáp nhập vào{' '}
            <Anchor component={Link} to={paths.unit(mergedInto.id)}>
              {mergedInto.name}
            </Anchor>
            .
          </Alert>
        ) : null}
        {unit.status === 'retired' ? (
          <Alert color="gray" variant="light" icon={<IconInfoCircle aria-hidden />}>
            Đơn vị này đã giải thể.
          </Alert>
        ) : null}

        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <Stack gap="md">
            <Section title="Thông tin" id="thong-tin">
              <Stack gap={6}>
                <InfoRow label="Tên đầy đủ">{unit.name}</InfoRow>
                {unit.shortName && unit.shortName !== unit.name ? (
                  <InfoRow label="Tên ngắn">{unit.shortName}</InfoRow>
                ) : null}
                <InfoRow label="Mã">{unit.code}</InfoRow>
                <InfoRow label="Loại">{unit.kindLabel}</InfoRow>
                <InfoRow label="Trạng thái">{unitStatusLabel(unit.status)}</InfoRow>
                {ancestors.length ? (
                  <InfoRow label="Trực thuộc">
                    <Anchor component={Link} to={paths.unit(ancestors[ancestors.length - 1]!.id)} size="sm">
                      {ancestors[ancestors.length - 1]!.name}
                    </Anchor>
                  </InfoRow>
                ) : null}
              </Stack>
            </Section>

            <Section title="Tên cũ" id="ten-cu">
              {former.length ? (
                <ul className="tap-list">
                  {former.map((a) => (
                    <li key={a.name} style={{ padding: '6px 4px' }}>
                      <Text fw={500}>{a.name}</Text>
                      {a.note ? (
                        <Text size="sm" c="dimmed">
                          {a.note}
                        </Text>
                      ) : null}
                    </li>
                  ))}
                </ul>
              ) : (
                <Text size="sm" c="dimmed">
                  Không có tên cũ.
                </Text>
              )}
            </Section>

            {detail.can.documentSettings ? <DocumentSettingsCard unitId={unit.id} /> : null}

            {otherNames.length ? (
              <Section title="Tên gọi khác" id="ten-khac">
                <ul className="tap-list">
                  {otherNames.map((a) => (
                    <li key={a.name} style={{ padding: '6px 4px' }}>
                      <Text>{a.name}</Text>
                      <Text size="xs" c="dimmed">
                        {a.kind === 'abbreviation' ? 'Tên viết tắt' : 'Tên gọi khác'}
                        {a.note ? ` · ${a.note}` : ''}
                      </Text>
                    </li>
                  ))}
                </ul>
              </Section>
            ) : null}
          </Stack>

          <Stack gap="md">
            <Section
              title="Đơn vị trực thuộc"
              id="truc-thuoc"
              extra={
                children.length ? (
                  <Text size="sm" c="dimmed">
                    {count(children.length, 'đơn vị')}
                  </Text>
                ) : null
              }
            >
              {children.length ? (
                <Stack gap="sm">
                  {groups.map((g) => (
                    <div key={g.key}>
                      {groups.length > 1 ? (
                        <Text size="xs" fw={700} tt="uppercase" c="dimmed" mt={4}>
                          {g.label}
                        </Text>
                      ) : null}
                      <ul className="tap-list" aria-label={g.label}>
                        {g.units.map((c) => (
                          <li key={c.id}>
                            <Link to={paths.unit(c.id)}>
                              <Text className="tap-title" c="thBlue.8" fw={500}>
                                {c.name}
                              </Text>
                              {c.childCount ? (
                                <Text size="xs" c="dimmed">
                                  {count(c.childCount, 'đơn vị trực thuộc')}
                                </Text>
                              ) : null}
                            </Link>
                          </li>
                        ))}
                      </ul>
                    </div>
                  ))}
                </Stack>
              ) : (
                <EmptyState
                  title="Chưa có đơn vị trực thuộc"
                  description={mayAdd ? 'Bạn có thể thêm phòng, ban hoặc thôn, tổ dân phố.' : undefined}
                  action={
                    mayAdd ? (
                      <Button variant="light" onClick={() => setDialog('add')}>
                        Thêm đơn vị trực thuộc
                      </Button>
                    ) : undefined
                  }
                />
              )}
            </Section>

            <Section title="Cán bộ, công chức" id="can-bo">
              <UnitPeople unitId={unit.id} canManage={detail.can.manageUsers} />
            </Section>
          </Stack>
        </SimpleGrid>
      </Stack>

      {mayAdd ? (
        <AddChildModal opened={dialog === 'add'} onClose={close} unit={unit} allowedKinds={allowedChildKinds} />
      ) : null}
      {mayAdminister ? (
        <>
          <RenameModal opened={dialog === 'rename'} onClose={close} unit={unit} />
          <MergeModal
            opened={dialog === 'merge'}
            onClose={close}
            unit={unit}
            onMerged={(intoId) => navigate(paths.unit(intoId))}
          />
          <RetireModal opened={dialog === 'retire'} onClose={close} unit={unit} />
        </>
      ) : null}
    </>
  );
}
