// Khử định danh: per column, drop it, mask it, or keep only the year of its dates; optionally the quasi-identifiers
// whose combination is checked for k-anonymity (the smallest group of rows sharing the same values). The server
// writes the result as a new version of the file, with a fresh quality report.
import { Alert, Button, Checkbox, Group, NativeSelect, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import {
  datasetsApi,
  reportOf,
  useDatasetMutation,
  type DatasetDetail,
  type DatasetResource,
  type DeidentifyAction,
  type DeidentifyBody,
  type Deidentified,
} from '../../api/datasets.ts';
import { FormError } from '../../components/FieldError.tsx';

const ACTIONS = [
  { value: '', label: 'Giữ nguyên' },
  { value: 'drop', label: 'Bỏ cột' },
  { value: 'mask', label: 'Che' },
  { value: 'generaliseToYear', label: 'Chỉ giữ năm' },
];

/** The file's columns: those of the quality report, else those personal data was found in. */
function columnsOf(r: DatasetResource): string[] {
  const named = (reportOf(r.quality).fields ?? []).map((c) => c.name);
  const found = r.personalData.map((f) => f.column);
  return [...new Set([...named, ...found])].filter(Boolean);
}

/** The last result is kept by the caller: once a file is clean the panel may close, the result stays shown. */
export function DeidentifyResult({ result }: { result: Deidentified }) {
  const k = result.kAnonymity;
  return (
    <Alert color="green" variant="light" role="status" data-testid="deidentify-result">
      Đã tạo phiên bản {result.version}: điểm chất lượng {result.quality.score}/100, còn{' '}
      {result.quality.personalData.length} phát hiện dữ liệu cá nhân.
      {k
        ? ` Nhóm nhỏ nhất theo ${k.columns.join(', ')}: ${k.smallestGroup} dòng (${k.groups} nhóm)${
            k.smallestGroup < 5 ? ' — dưới 5, nên khái quát hóa thêm.' : '.'
          }`
        : ''}
    </Alert>
  );
}

export function DeidentifyPanel({
  d,
  r,
  onResult,
}: {
  d: DatasetDetail;
  r: DatasetResource;
  onResult: (result: Deidentified) => void;
}) {
  const columns = columnsOf(r);
  const flagged = new Set(r.personalData.filter((f) => !f.dismissed).map((f) => f.column));
  const [actions, setActions] = useState<Record<string, string>>({});
  const [quasi, setQuasi] = useState<string[]>([]);
  const [missing, setMissing] = useState(false);
  const apply = useDatasetMutation((b: DeidentifyBody) => datasetsApi.deidentify(d.id, r.id, b));
  const submit = async () => {
    const steps = Object.entries(actions)
      .filter(([, a]) => a)
      .map(([column, action]) => ({ column, action: action as DeidentifyAction }));
    setMissing(steps.length === 0);
    if (steps.length === 0) return;
    try {
      onResult(await apply.mutateAsync({ steps, quasiIdentifiers: quasi }));
      setActions({});
    } catch {
      /* shown by FormError */
    }
  };
  return (
    <Stack gap="sm" component="section" aria-label={`Khử định danh tệp ${r.title}`} data-testid="deidentify">
      <Text fw={600} size="sm">
        Khử định danh
      </Text>
      <Text size="sm" c="dimmed">
        Chọn cách xử lý từng cột; kết quả được lưu thành phiên bản mới của tệp (phiên bản cũ vẫn giữ, chỉ đơn vị quản lý
        tải được).
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
        {columns.map((c) => (
          <NativeSelect
            key={c}
            label={`Cột “${c}”${flagged.has(c) ? ' (có dữ liệu cá nhân)' : ''}`}
            data={ACTIONS}
            value={actions[c] ?? ''}
            onChange={(e) => {
              const value = e.currentTarget.value;
              setActions((a) => ({ ...a, [c]: value }));
              setMissing(false);
            }}
          />
        ))}
      </SimpleGrid>
      <Checkbox.Group
        label="Kiểm tra k-ẩn danh trên các cột (không bắt buộc)"
        description="Các cột kết hợp lại có thể nhận ra một người (năm sinh, giới tính, xã…): cho biết nhóm nhỏ nhất có bao nhiêu dòng."
        value={quasi}
        onChange={setQuasi}
      >
        <Group gap="sm" mt={4}>
          {columns.map((c) => (
            <Checkbox key={c} value={c} label={c} />
          ))}
        </Group>
      </Checkbox.Group>
      {missing ? (
        <Text size="sm" c="#a61b1b" role="alert">
          Chọn cách xử lý cho ít nhất một cột.
        </Text>
      ) : null}
      <FormError error={apply.error} />
      <Group>
        <Button variant="default" loading={apply.isPending} onClick={() => void submit()}>
          Áp dụng khử định danh
        </Button>
      </Group>
    </Stack>
  );
}
