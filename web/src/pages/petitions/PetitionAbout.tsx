// What a petition sent from the public register or catalogue is about: the AI system (feedback on a use, Mẫu AI02
// §V.3) or the dataset named in the address (?heThongAi=12, ?duLieu=7). Shown above the form, with a way to drop it.
import { Alert, Anchor, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { usePublicAiSystem } from '../../api/ai-systems.ts';
import { datasetsApi } from '../../api/datasets.ts';

export interface PetitionAboutIds {
  aiSystemId?: number;
  datasetId?: number;
}

const idOf = (v: string | null) => {
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : undefined;
};

/** The ids named in the address, and a function that drops them. */
export function usePetitionAbout(): [PetitionAboutIds, () => void] {
  const [params, setParams] = useSearchParams();
  const ids = { aiSystemId: idOf(params.get('heThongAi')), datasetId: idOf(params.get('duLieu')) };
  return [ids, () => setParams({}, { replace: true })];
}

export function PetitionAbout({ ids, onDrop }: { ids: PetitionAboutIds; onDrop: () => void }) {
  const ai = usePublicAiSystem(ids.aiSystemId);
  const dataset = useQuery({
    queryKey: ['datasets', 'public', ids.datasetId],
    queryFn: () => datasetsApi.publicOne(ids.datasetId as number),
    enabled: ids.datasetId !== undefined,
  });
  const system = ids.aiSystemId ? ai.data : undefined;
  if (!ids.aiSystemId && !ids.datasetId) return null;
  const what = system
    ? `hệ thống AI "${system.name}" do ${system.unitName} sử dụng`
    : dataset.data
      ? `bộ dữ liệu "${dataset.data.title}" của ${dataset.data.publisher.name}`
      : null;
  if (!what) return null;
  return (
    <Alert variant="light" data-testid="petition-about" title="Phản ánh, kiến nghị về">
      <Text size="sm">
        {what}. Kiến nghị được gửi kèm liên kết này để đơn vị quản lý xem xét.{' '}
        <Anchor component="button" type="button" size="sm" onClick={onDrop}>
          Bỏ liên kết
        </Anchor>
      </Text>
    </Alert>
  );
}
