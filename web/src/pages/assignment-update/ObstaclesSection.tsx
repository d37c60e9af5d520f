import { Button, Card, Group, SegmentedControl, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { ObstacleKind } from '../../api/types.ts';
import { OBSTACLE_KIND_LABEL } from '../../format.ts';
import type { UpdateForm } from './useUpdateForm.ts';

/** Difficulties and proposals, sent to the focal unit with the update. */
export function ObstaclesSection({ form }: { form: UpdateForm }) {
  const { values, updateRow, removeRow, addObstacle, err } = form;
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="cn-kho-khan">
      <Title order={2} size="h4" id="cn-kho-khan" mb={4}>
        Khó khăn, kiến nghị
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Được gửi đến đơn vị đầu mối theo dõi kế hoạch; đơn vị đầu mối trả lời trong mục “Khó khăn, kiến nghị”.
      </Text>
      <Stack gap="sm">
        {values.obstacles.map((r, i) => (
          <fieldset key={r.key} className="row-fieldset">
            <legend>
              {OBSTACLE_KIND_LABEL[r.kind]} {i + 1}
            </legend>
            <Stack gap="xs">
              <SegmentedControl
                size="xs"
                value={r.kind}
                onChange={(v) => updateRow('obstacles', i, { kind: v as ObstacleKind }, 'kind')}
                data={[
                  { value: 'difficulty', label: 'Khó khăn, vướng mắc' },
                  { value: 'proposal', label: 'Đề xuất, kiến nghị' },
                ]}
                aria-label={`Loại của mục ${i + 1}`}
                style={{ alignSelf: 'flex-start' }}
              />
              <Textarea
                id={`kk-${r.key}-noi-dung`}
                label="Nội dung"
                required
                autosize
                minRows={2}
                maxLength={5000}
                value={r.content}
                onChange={(e) => updateRow('obstacles', i, { content: e.currentTarget.value }, 'content')}
                error={err(`obstacles.${i}.content`)}
              />
              <Group justify="flex-end">
                <Button
                  variant="subtle"
                  color="red"
                  size="xs"
                  leftSection={<IconTrash size={16} aria-hidden />}
                  onClick={() => removeRow('obstacles', i)}
                >
                  Bỏ mục {i + 1}
                </Button>
              </Group>
            </Stack>
          </fieldset>
        ))}
        <Group gap="xs">
          <Button
            variant="light"
            leftSection={<IconPlus size={18} aria-hidden />}
            onClick={() => addObstacle('difficulty')}
          >
            Thêm khó khăn
          </Button>
          <Button
            variant="light"
            leftSection={<IconPlus size={18} aria-hidden />}
            onClick={() => addObstacle('proposal')}
          >
            Thêm kiến nghị
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
