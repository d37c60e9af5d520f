// Loading a province's own units from a CSV (POST /api/units/{id}/import): its communes and wards with their offices,
// or its departments. The server checks every row and writes all or nothing; its errors name line and column.
import { useRef, useState } from 'react';
import { Alert, Button, Code, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconUpload } from '@tabler/icons-react';
import { ApiError } from '../../api/client.ts';
import type { UnitImportResult } from '../../api/types.ts';
import { unitsApi, useUnit, useUnitMutation } from '../../api/units.ts';
import { collator, count } from '../../format.ts';
import { FormError } from '../FieldError.tsx';
import { readAsBase64 } from '../tracking/evidence.ts';

const MAX_BYTES = 2 * 1024 * 1024;

function summary(r: UnitImportResult, province: string): string {
  const added =
    r.format === 'communes'
      ? `${count(r.communes, 'xã, phường')} mới với ${count(r.offices, 'phòng, ban, đơn vị')}`
      : `${count(r.agencies, 'sở, ngành')} mới`;
  return `Đã nạp vào ${province}: ${added}; ${count(r.unchanged, 'dòng')} đã có sẵn.`;
}

/**
 * @param provinces the provinces the signed-in person may administer (one for a province's unit administrator, all
 *   for a system administrator); the chosen one's `can.importUnits` decides.
 */
export interface ProvinceChoice {
  id: number;
  name: string;
  shortName: string;
}

export function UnitImport({ provinces, initialId }: { provinces: readonly ProvinceChoice[]; initialId?: number }) {
  const [provinceId, setProvinceId] = useState<number | null>(initialId ?? provinces[0]?.id ?? null);
  const province = useUnit(provinceId);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const [reading, setReading] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const mutation = useUnitMutation((v: { id: number; filename: string; contentBase64: string }) =>
    unitsApi.importCsv(v.id, { filename: v.filename, contentBase64: v.contentBase64 }),
  );
  const allowed = province.data?.can.importUnits === true;
  const name = province.data?.unit.name ?? '';

  const take = async (file: File | undefined) => {
    if (!file || provinceId === null) return;
    setError(null);
    setDone(null);
    if (!/\.csv$/i.test(file.name)) {
      setError(new ApiError(400, 'client', `Tệp “${file.name}” không phải .csv. Lưu bảng tính dạng "CSV UTF-8".`));
      return;
    }
    if (file.size === 0 || file.size > MAX_BYTES) {
      setError(new ApiError(400, 'client', `Tệp “${file.name}” ${file.size ? 'lớn hơn 2 MB' : 'rỗng'}.`));
      return;
    }
    setReading(file.name);
    try {
      const contentBase64 = await readAsBase64(file);
      setDone(summary(await mutation.mutateAsync({ id: provinceId, filename: file.name, contentBase64 }), name));
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(400, 'client', `Không đọc được tệp “${file.name}”.`));
    } finally {
      setReading(null);
      if (inputRef.current) inputRef.current.value = '';
    }
  };

  const options = [...provinces]
    .sort((a, b) => collator.compare(a.shortName, b.shortName))
    .map((p) => ({ value: String(p.id), label: p.name }));

  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} radius="md" component="section" aria-labelledby="nap-don-vi">
      <Stack gap="sm">
        <Title order={2} size="h4" id="nap-don-vi">
          Nạp đơn vị từ tệp CSV
        </Title>
        <Text size="sm">
          Nạp các xã, phường của một tỉnh (mỗi xã, phường được tạo kèm các phòng, ban theo Nghị định 150/2025/NĐ-CP) với
          các cột <Code>code,name,type,former_units</Code>, hoặc các sở, ngành với các cột{' '}
          <Code>short_code,name,kind,aliases</Code>. Mọi dòng được kiểm tra; tệp có lỗi thì không nạp dòng nào. Nạp lại
          cùng tệp không thay đổi gì.
        </Text>
        {provinces.length > 1 ? (
          <Select
            label="Tỉnh, thành phố"
            data={options}
            value={provinceId === null ? null : String(provinceId)}
            onChange={(v) => {
              setProvinceId(v ? Number(v) : null);
              setDone(null);
              setError(null);
            }}
            searchable
            maw={360}
          />
        ) : null}
        <Group>
          <input
            ref={inputRef}
            id="tep-don-vi"
            type="file"
            accept=".csv,text/csv"
            className="file-input-hidden"
            onChange={(e) => void take(e.currentTarget.files?.[0])}
            disabled={!allowed || !!reading}
          />
          <label htmlFor="tep-don-vi" className="file-button">
            <Button
              component="span"
              variant="light"
              leftSection={<IconUpload size={18} aria-hidden />}
              loading={!!reading}
              disabled={!allowed}
              style={{ pointerEvents: 'none' }}
              aria-hidden
            >
              Chọn tệp CSV
            </Button>
            <span className="sr-only">Chọn tệp CSV để nạp đơn vị vào {name}</span>
          </label>
          {province.data && !allowed ? (
            <Text size="sm" c="dimmed">
              Bạn không quản trị {name}.
            </Text>
          ) : null}
        </Group>
        {reading ? (
          <Text size="sm" role="status">
            Đang kiểm tra và nạp “{reading}”…
          </Text>
        ) : null}
        {done ? (
          <Alert color="green" variant="light" icon={<IconCircleCheck aria-hidden />} role="status">
            {done}
          </Alert>
        ) : null}
        <FormError error={error} title="Chưa nạp được tệp" />
      </Stack>
    </Paper>
  );
}
