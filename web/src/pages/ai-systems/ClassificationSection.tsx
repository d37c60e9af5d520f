// Phân loại rủi ro: the questionnaire of the current version; the answer gives the level, whether Mẫu AI02 is
// mandatory and why, each reason citing its article (our readings marked as such).
import { Alert, Button, Checkbox, Group, List, Radio, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import {
  aiApi,
  useAiMutation,
  useAiQuestionnaire,
  type AiUseDetail,
  type Classification,
} from '../../api/ai-systems.ts';
import { fieldError, FormError } from '../../components/FieldError.tsx';
import { Section } from '../../components/Section.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { LEVEL_TONE } from './labels.ts';

type Answers = Record<string, boolean | string | string[]>;

export function ClassificationResult({
  c,
}: {
  c: Pick<Classification, 'level' | 'impactAssessmentRequired' | 'reasons' | 'questionnaireVersion'>;
}) {
  const label = { high: 'Rủi ro cao', medium: 'Rủi ro trung bình', low: 'Rủi ro thấp' }[c.level];
  return (
    <Stack gap="xs" data-testid="classification-result">
      <Group gap="xs">
        <StatusBadge tone={LEVEL_TONE[c.level]!}>{label}</StatusBadge>
        <StatusBadge tone={c.impactAssessmentRequired ? 'orange' : 'green'}>
          {c.impactAssessmentRequired ? 'Bắt buộc đánh giá tác động (Mẫu AI02)' : 'Không bắt buộc đánh giá tác động'}
        </StatusBadge>
      </Group>
      <List size="sm" spacing={4}>
        {c.reasons.map((r, i) => (
          <List.Item key={i}>
            {r.text}{' '}
            <Text span size="xs" c="dimmed">
              ({r.article}
              {r.ourReading ? '; cách hiểu của hệ thống, cần xác nhận' : ''})
            </Text>
          </List.Item>
        ))}
      </List>
      <Text size="xs" c="dimmed">
        Bộ câu hỏi phiên bản {c.questionnaireVersion}.
      </Text>
    </Stack>
  );
}

export function ClassificationSection({ use }: { use: AiUseDetail }) {
  const q = useAiQuestionnaire();
  const [answers, setAnswers] = useState<Answers>(() => use.classification?.answers ?? {});
  const classify = useAiMutation((a: Answers) => aiApi.classify(use.id, a));
  const set = (id: string, value: boolean | string | string[]) => setAnswers((a) => ({ ...a, [id]: value }));
  const err = (id: string) => fieldError(classify.error, `answers.${id}`);
  return (
    <Section title="Phân loại rủi ro" id="ai-classification">
      <Stack gap="md">
        {use.classification ? (
          <ClassificationResult c={use.classification} />
        ) : (
          <Text size="sm">Chưa phân loại: trả lời các câu hỏi dưới đây.</Text>
        )}
        {use.needsReview ? (
          <Alert color="orange" variant="light">
            Bộ câu hỏi đã có phiên bản mới: cần phân loại lại.
          </Alert>
        ) : null}
        {use.can.edit && q.data ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              classify.mutate(answers);
            }}
            noValidate
          >
            <Stack gap="sm">
              {q.data.questions.map((x) =>
                x.kind === 'multi' ? (
                  <Checkbox.Group
                    key={x.id}
                    label={x.text}
                    description={x.help}
                    error={err(x.id)}
                    value={(answers[x.id] as string[] | undefined) ?? []}
                    onChange={(v) => set(x.id, v)}
                  >
                    <Stack gap={4} mt={4}>
                      {x.options!.map((o) => (
                        <Checkbox key={o.value} value={o.value} label={o.label} />
                      ))}
                    </Stack>
                  </Checkbox.Group>
                ) : (
                  <Radio.Group
                    key={x.id}
                    label={x.text}
                    description={x.help}
                    error={err(x.id)}
                    value={
                      x.kind === 'yesNo'
                        ? answers[x.id] === undefined
                          ? ''
                          : String(answers[x.id])
                        : String(answers[x.id] ?? '')
                    }
                    onChange={(v) => set(x.id, x.kind === 'yesNo' ? v === 'true' : v)}
                  >
                    <Stack gap={4} mt={4}>
                      {(x.kind === 'yesNo'
                        ? [
                            { value: 'true', label: 'Có' },
                            { value: 'false', label: 'Không' },
                          ]
                        : x.options!
                      ).map((o) => (
                        <Radio key={o.value} value={o.value} label={o.label} />
                      ))}
                    </Stack>
                  </Radio.Group>
                ),
              )}
              <FormError error={classify.error} fields={['answers']} />
              <Group>
                <Button type="submit" loading={classify.isPending}>
                  Phân loại
                </Button>
              </Group>
            </Stack>
          </form>
        ) : null}
      </Stack>
    </Section>
  );
}
