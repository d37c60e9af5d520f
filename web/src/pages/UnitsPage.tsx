import { useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Anchor, Button, Group, Loader, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useRootUnits, useUnit, useUnitSearch } from '../api/units.ts';
import { useCurrentUser } from '../auth/SessionContext.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { LoadError } from '../components/FieldError.tsx';
import { PageHeader } from '../components/PageTitle.tsx';
import { PrintButton } from '../components/Print.tsx';
import { UnitTree } from '../components/units/UnitTree.tsx';
import { UnitSearchResults } from '../components/units/UnitSearchResults.tsx';
import { type ProvinceChoice, UnitImport } from '../components/units/UnitImport.tsx';
import { count } from '../format.ts';
import { paths } from '../paths.ts';

export function UnitsPage() {
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(params.get('q') ?? '');
  const [debounced] = useDebouncedValue(text.trim(), 300);

  // The query lives in the address, so "back" from a unit returns to the same results.
  useEffect(() => {
    if ((params.get('q') ?? '') === debounced) return;
    setParams(debounced ? { q: debounced } : {}, { replace: true });
  }, [debounced, params, setParams]);

  const LIMIT = 50;
  const search = useUnitSearch(debounced, { limit: LIMIT });
  const roots = useRootUnits();
  // The first level is open; the province (166 xã, phường) opens on demand.
  const [expanded, setExpanded] = useState<Set<number>>(new Set());
  const [initialised, setInitialised] = useState(false);
  useEffect(() => {
    if (initialised || !roots.data) return;
    setExpanded(new Set(roots.data.map((r) => r.id)));
    setInitialised(true);
  }, [initialised, roots.data]);

  const toggle = (id: number) =>
    setExpanded((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const searching = debounced.length > 0;
  const hits = search.data ?? [];
  const status = useMemo(() => {
    if (!searching) return '';
    if (search.isFetching && !search.data) return 'Đang tìm…';
    if (!hits.length) return 'Không tìm thấy đơn vị nào.';
    return hits.length >= LIMIT
      ? `${LIMIT} kết quả khớp nhất (gõ thêm để thu hẹp).`
      : `Tìm thấy ${count(hits.length, 'đơn vị')}.`;
  }, [searching, search.isFetching, search.data, hits.length]);

  return (
    <>
      <PageHeader
        title="Đơn vị"
        description="Trung ương, tỉnh, sở, ngành, xã, phường và các phòng, thôn, tổ dân phố."
        actions={<PrintButton />}
      />
      <Stack gap="lg">
        <Paper withBorder p={{ base: 'sm', sm: 'md' }} radius="md" role="search">
          <TextInput
            type="search"
            size="md"
            label="Tìm đơn vị"
            description="Gõ tên mới hoặc tên cũ (có dấu hay không dấu đều được) hoặc mã, ví dụ: nam sam son, quang vinh, 16516."
            placeholder="Tên hoặc mã đơn vị"
            leftSection={<IconSearch size={18} aria-hidden />}
            rightSection={search.isFetching ? <Loader size="xs" aria-hidden /> : null}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            autoComplete="off"
            enterKeyHint="search"
          />
          <Text size="sm" mt="xs" role="status" aria-live="polite" c={status ? undefined : 'dimmed'}>
            {status}
          </Text>
          {searching ? (
            search.error ? (
              <LoadError error={search.error} what="kết quả tìm kiếm" onRetry={() => void search.refetch()} />
            ) : hits.length ? (
              <UnitSearchResults hits={hits} />
            ) : !search.isFetching ? (
              <EmptyState
                title="Không có đơn vị nào khớp"
                description="Hãy thử gõ ít chữ hơn, hoặc tìm theo tên cũ của xã, phường trước khi sáp nhập."
                action={
                  <Button variant="default" onClick={() => setText('')}>
                    Xóa tìm kiếm
                  </Button>
                }
              />
            ) : null
          ) : null}
        </Paper>

        {!searching ? (
          <Paper withBorder p={{ base: 'xs', sm: 'md' }} radius="md" component="section" aria-labelledby="cay-don-vi">
            <Group justify="space-between" px={4} mb="xs">
              <div>
                <Title order={2} size="h4" id="cay-don-vi">
                  Cây đơn vị
                </Title>
                <Text size="sm" c="dimmed">
                  Đơn vị của bạn:{' '}
                  <Anchor component={Link} to={paths.unit(user.unitId)} underline="always">
                    {user.unitName}
                  </Anchor>
                </Text>
              </div>
              {expanded.size > (roots.data?.length ?? 0) ? (
                <Button
                  variant="subtle"
                  size="xs"
                  onClick={() => setExpanded(new Set(roots.data?.map((r) => r.id) ?? []))}
                >
                  Thu gọn tất cả
                </Button>
              ) : null}
            </Group>
            {roots.isLoading ? (
              <Group p="sm">
                <Loader size="sm" aria-hidden />
                <Text>Đang tải…</Text>
              </Group>
            ) : roots.error ? (
              <LoadError error={roots.error} what="cây đơn vị" onRetry={() => void roots.refetch()} />
            ) : (
              <UnitTree roots={roots.data ?? []} expanded={expanded} onToggle={toggle} currentId={user.unitId} />
            )}
          </Paper>
        ) : null}
        <ImportSection rootId={roots.data?.[0]?.id ?? null} />
      </Stack>
    </>
  );
}

/**
 * The CSV upload, for those who administer a province: a system administrator chooses among the provinces under the
 * root; a province's unit administrator loads into their own. The server's `can.importUnits` has the last word.
 */
function ImportSection({ rootId }: { rootId: number | null }) {
  const user = useCurrentUser();
  const sysadmin = user.roles.includes('sysadmin');
  const provinceAdmin = user.roles.includes('unitAdmin') && user.unitKind === 'province';
  const root = useUnit(rootId, sysadmin);
  if (!sysadmin && !provinceAdmin) return null;
  const provinces: ProvinceChoice[] = sysadmin
    ? (root.data?.children ?? []).filter((c) => c.kind === 'province')
    : [{ id: user.unitId, name: user.unitName, shortName: user.unitName }];
  if (provinces.length === 0) return null;
  return (
    <UnitImport
      provinces={provinces}
      initialId={provinces.some((p) => p.id === user.unitId) ? user.unitId : undefined}
    />
  );
}
