// The acts on one petition, each shown only when the server's `can` says so: classify, route, ask the sender,
// go on, draft, approve and send, close otherwise, extend, publish. A refused act keeps what was typed.
import { useState, type ReactNode } from 'react';
import { Button, Checkbox, Paper, Select, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  ANSWER_TEMPLATES,
  CONCERN_LABEL,
  petitionsApi,
  TOPIC_LABEL,
  usePetitionAct,
  type PetitionDetail,
} from '../../api/petitions.ts';
import { ApiError } from '../../api/client.ts';
import { FormError, fieldError } from '../../components/FieldError.tsx';
import { SignerSelect } from '../../components/SignerSelect.tsx';
import { UnitSearch, type UnitChoice } from '../../components/UnitSearch.tsx';

const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));
const OUTCOMES = [
  { value: 'referred', label: 'Chuyển cơ quan có thẩm quyền khác' },
  { value: 'notInScope', label: 'Không thuộc phạm vi' },
  { value: 'withdrawn', label: 'Người gửi rút lại' },
];

function Act({
  title,
  submit,
  label,
  mutation,
  act,
  children,
  color,
}: {
  title: string;
  label: string;
  act: string;
  submit: () => Record<string, unknown> | Promise<Record<string, unknown>>;
  children?: ReactNode;
  color?: string;
  mutation: ReturnType<typeof usePetitionAct>;
}) {
  const failed = mutation.variables?.act === act ? mutation.error : null;
  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-label={title}>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          let body: Record<string, unknown>;
          try {
            body = await submit();
          } catch (err) {
            notifications.show({ color: 'red', message: err instanceof Error ? err.message : String(err) });
            return;
          }
          mutation.mutate(
            { act, body },
            { onSuccess: () => notifications.show({ color: 'green', message: `${title}: đã lưu.` }) },
          );
        }}
      >
        <Stack gap="xs">
          <Title order={3} size="h5">
            {title}
          </Title>
          {children}
          <FormError
            error={failed}
            fields={['topic', 'concerns', 'article', 'unitId', 'message', 'answer', 'reason', 'outcome', 'signerKey']}
          />
          <Button type="submit" color={color} loading={mutation.isPending && mutation.variables?.act === act}>
            {label}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

export function PetitionActions({ p }: { p: PetitionDetail }) {
  const m = usePetitionAct(p.id);
  const [topic, setTopic] = useState<string | null>(p.topic);
  const [concerns, setConcerns] = useState<string | null>(p.concerns);
  const [article, setArticle] = useState(p.article ?? '');
  const [unit, setUnit] = useState<UnitChoice | null>(null);
  const [message, setMessage] = useState('');
  const [answer, setAnswer] = useState(p.answer ?? '');
  const [publish, setPublish] = useState(true);
  const [signerKey, setSignerKey] = useState<number | undefined>(undefined);
  const [outcome, setOutcome] = useState<string | null>('referred');
  const [reason, setReason] = useState('');
  const [extendReason, setExtendReason] = useState('');
  const [duplicateOf, setDuplicateOf] = useState('');
  /** The id of the petition a code names, as the queue finds it (one the handler may read). */
  const idOfCode = async () => {
    const code = duplicateOf.trim().toUpperCase();
    const hit = (await petitionsApi.list('', code, 0, null)).items.find((i) => i.code === code);
    if (!hit) throw new ApiError(404, 'not_found', `Không tìm thấy kiến nghị ${code} trong các kiến nghị của đơn vị.`);
    return { intoId: hit.id };
  };
  const err = (act: string, path: string) => (m.variables?.act === act ? fieldError(m.error, path) : undefined);
  const c = p.can;

  return (
    <Stack gap="sm">
      {c.classify ? (
        <Act
          title="Phân loại"
          label="Lưu phân loại"
          act="classify"
          mutation={m}
          submit={() => ({ topic, concerns, article: article || undefined })}
        >
          <Select
            label="Chủ đề"
            data={options(TOPIC_LABEL)}
            value={topic}
            onChange={setTopic}
            error={err('classify', 'topic')}
          />
          <Select
            label="Liên quan đến"
            data={options(CONCERN_LABEL)}
            value={concerns}
            onChange={setConcerns}
            error={err('classify', 'concerns')}
          />
          <TextInput label="Điều, khoản được nêu" value={article} onChange={(e) => setArticle(e.currentTarget.value)} />
        </Act>
      ) : null}
      {c.route ? (
        <Act
          title="Chuyển đơn vị xử lý"
          label="Chuyển xử lý"
          act="route"
          mutation={m}
          submit={() => ({ unitId: unit?.id })}
        >
          <UnitSearch label="Đơn vị có thẩm quyền" value={unit} onChange={setUnit} error={err('route', 'unitId')} />
        </Act>
      ) : null}
      {c.draftAnswer ? (
        <Act
          title="Dự thảo trả lời"
          label="Lưu dự thảo, trình duyệt"
          act="answer"
          mutation={m}
          submit={() => ({ answer })}
        >
          <Textarea
            label="Nội dung trả lời"
            autosize
            minRows={4}
            value={answer}
            onChange={(e) => setAnswer(e.currentTarget.value)}
            error={err('answer', 'answer')}
          />
          {p.topic && p.topic in ANSWER_TEMPLATES && !answer.trim() ? (
            <Button
              variant="subtle"
              size="xs"
              onClick={() => setAnswer(ANSWER_TEMPLATES[p.topic as keyof typeof ANSWER_TEMPLATES])}
            >
              Dùng mẫu trả lời theo chủ đề
            </Button>
          ) : null}
        </Act>
      ) : null}
      {c.approveAnswer ? (
        <Act
          title="Duyệt trả lời"
          label="Duyệt và gửi trả lời"
          act="approve"
          mutation={m}
          submit={() => ({ publish, signerKey })}
        >
          <SignerSelect
            unitId={p.handlingUnit.id}
            value={signerKey}
            onChange={setSignerKey}
            error={err('approve', 'signerKey')}
          />
          <Checkbox
            label="Công khai trả lời (không kèm thông tin người gửi)"
            checked={publish}
            onChange={(e) => setPublish(e.currentTarget.checked)}
          />
        </Act>
      ) : null}
      {c.requestInformation ? (
        <Act
          title="Đề nghị người gửi bổ sung"
          label="Gửi đề nghị (tạm dừng tính hạn)"
          act="request-information"
          mutation={m}
          submit={() => ({ message })}
        >
          <Textarea
            label="Thông tin cần bổ sung"
            autosize
            minRows={2}
            value={message}
            onChange={(e) => setMessage(e.currentTarget.value)}
            error={err('request-information', 'message')}
          />
        </Act>
      ) : null}
      {c.resume ? (
        <Act title="Đã nhận thông tin bổ sung" label="Tiếp tục xử lý" act="resume" mutation={m} submit={() => ({})} />
      ) : null}
      {c.merge ? (
        <Act
          title="Gộp vào kiến nghị trùng nội dung"
          label="Gộp"
          act="merge"
          color="gray"
          mutation={m}
          submit={idOfCode}
        >
          <TextInput
            label="Mã kiến nghị gộp vào"
            placeholder="KN-2026-000123"
            value={duplicateOf}
            onChange={(e) => setDuplicateOf(e.currentTarget.value)}
            error={err('merge', 'intoId')}
          />
        </Act>
      ) : null}
      {c.extend ? (
        <Act
          title="Gia hạn (một lần)"
          label="Gia hạn"
          act="extend"
          mutation={m}
          submit={() => ({ reason: extendReason })}
        >
          <Textarea
            label="Lý do (người gửi được biết)"
            autosize
            minRows={2}
            value={extendReason}
            onChange={(e) => setExtendReason(e.currentTarget.value)}
            error={err('extend', 'reason')}
          />
        </Act>
      ) : null}
      {c.close ? (
        <Act
          title="Kết thúc không trả lời"
          label="Kết thúc xử lý"
          act="close"
          color="gray"
          mutation={m}
          submit={() => ({ outcome, reason })}
        >
          <Select label="Hình thức" data={OUTCOMES} value={outcome} onChange={setOutcome} allowDeselect={false} />
          <Textarea
            label="Lý do"
            autosize
            minRows={2}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={err('close', 'reason')}
          />
        </Act>
      ) : null}
      {c.publish ? (
        <Act
          title="Công khai"
          label={p.published ? 'Thôi công khai' : 'Công khai trả lời'}
          act="publish"
          mutation={m}
          submit={() => ({ published: !p.published })}
        />
      ) : null}
    </Stack>
  );
}
