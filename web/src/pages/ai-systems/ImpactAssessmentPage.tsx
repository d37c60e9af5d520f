// Báo cáo đánh giá tác động (Mẫu AI02): the seven sections of the form, prefilled from the use; the officer saves
// drafts, the unit's leader approves and publishes; every approved version kept. What was typed stays on an error.
import { Alert, Anchor, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { aiApi, aiUrls, useAiAssessment, useAiMutation } from '../../api/ai-systems.ts';
import { fieldError, FormError, LoadError } from '../../components/FieldError.tsx';
import { PageHeader } from '../../components/PageTitle.tsx';
import { Section } from '../../components/Section.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { formatDateTime } from '../../format.ts';
import { paths } from '../../paths.ts';

export function ImpactAssessmentPage() {
  const id = Number(useParams().id);
  const q = useAiAssessment(id);
  const [content, setContent] = useState<Record<string, string> | null>(null);
  useEffect(() => {
    if (q.data && content === null) setContent(q.data.current?.content ?? q.data.prefill);
  }, [q.data]);
  const save = useAiMutation((c: Record<string, string>) => aiApi.saveAssessment(id, c));
  const approve = useAiMutation(() => aiApi.approveAssessment(id));
  const publish = useAiMutation(() => aiApi.publishAssessment(id));
  if (q.error) return <LoadError error={q.error} what="báo cáo đánh giá tác động" onRetry={() => void q.refetch()} />;
  if (!q.data || !content) return <Text>Đang tải…</Text>;
  const a = q.data;
  const status = a.current?.status ?? null;
  const error = approve.error ?? save.error;
  return (
    <>
      <PageHeader
        title="Báo cáo đánh giá tác động (Mẫu AI02)"
        above={
          <Anchor component={Link} to={paths.aiSystem(id)} size="sm">
            ← Hệ thống AI
          </Anchor>
        }
        description={
          a.current
            ? `Phiên bản ${a.current.version}: ${a.current.statusLabel}${a.current.approverName ? `, ${a.current.approverName} phê duyệt ${formatDateTime(a.current.approvedAt)}` : ''}`
            : 'Chưa có dự thảo: nội dung dưới đây điền sẵn từ thông tin hệ thống.'
        }
        actions={
          <Button component="a" href={aiUrls.ai02Docx(id)} variant="default">
            Tải DOCX
          </Button>
        }
      />
      <Stack gap="md">
        {a.required === false ? (
          <Alert variant="light">Hệ thống này không bắt buộc đánh giá tác động; đơn vị vẫn có thể lập báo cáo.</Alert>
        ) : null}
        {a.due ? (
          <Alert color="orange" variant="light">
            Thông tin hệ thống đã thay đổi: lập phiên bản mới của báo cáo.
          </Alert>
        ) : null}
        {a.sections.map((s) => (
          <Section key={s.number} title={`${s.number}. ${s.title}`} id={`ai02-${s.number}`}>
            <Stack gap="sm">
              {s.fields.map((f) => (
                <Textarea
                  key={f.key}
                  label={f.label}
                  required={f.required}
                  autosize
                  minRows={2}
                  readOnly={!a.can.edit}
                  value={content[f.key] ?? ''}
                  error={fieldError(error, `content.${f.key}`)}
                  onChange={(e) => {
                    const value = e.currentTarget.value;
                    setContent((c) => ({ ...c, [f.key]: value }));
                  }}
                />
              ))}
            </Stack>
          </Section>
        ))}
        <FormError error={error ?? publish.error} fields={['content']} />
        <Group>
          {a.can.edit ? (
            <Button loading={save.isPending} onClick={() => save.mutate(content)}>
              {status === 'draft' || !status ? 'Lưu dự thảo' : 'Lưu thành phiên bản mới'}
            </Button>
          ) : null}
          {a.can.approve && status === 'draft' ? (
            <Button loading={approve.isPending} onClick={() => approve.mutate(undefined)}>
              Phê duyệt
            </Button>
          ) : null}
          {a.can.approve && status === 'approved' ? (
            <Button loading={publish.isPending} onClick={() => publish.mutate(undefined)}>
              Công khai
            </Button>
          ) : null}
        </Group>
        {a.versions.length > 1 ? (
          <Section title="Các phiên bản" id="ai02-versions">
            <Stack gap={4}>
              {a.versions.map((v) => (
                <Group key={v.id} gap="xs">
                  <Text size="sm">Phiên bản {v.version}</Text>
                  <StatusBadge tone={v.status === 'draft' ? 'gray' : 'green'} size="sm">
                    {v.statusLabel}
                  </StatusBadge>
                </Group>
              ))}
            </Stack>
          </Section>
        ) : null}
      </Stack>
    </>
  );
}
