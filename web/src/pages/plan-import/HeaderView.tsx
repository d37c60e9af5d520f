import type { ReactNode } from 'react';
import { Alert, Badge, Button, Card, Group, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconArrowRight } from '@tabler/icons-react';
import type { ImportLayoutView, PlanDraft } from '../../api/types.ts';
import { UnitRefList } from '../../components/plans/PlanBits.tsx';
import { docNumber, formatIsoDate, isUncertainRef } from '../../components/plans/planFormat.ts';
import { count } from '../../format.ts';

/** The document's header as read: issuer (with how sure), number, date, place, title, basis, signer, recipients. */
/** One header field with the findings about it (errors in red, warnings in orange) under its value. */
function FieldRow({
  label,
  findings,
  readBy = [],
  children,
}: {
  label: string;
  findings: PlanDraft['findings'];
  /** The layout rules that read this field ("tiêu đề hai cột một dòng"). */
  readBy?: readonly string[];
  children: ReactNode;
}) {
  const cls = findings.some((f) => f.severity === 'error')
    ? 'field-error'
    : findings.length
      ? 'field-flagged'
      : undefined;
  return (
    <div className={`info-row ${cls ?? ''}`} style={{ padding: '2px 4px', borderRadius: 6 }}>
      <Text component="dt" size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="dd" size="sm" style={{ overflowWrap: 'anywhere' }}>
        {children}
        {findings.map((f, i) => (
          <Text key={i} size="xs" display="block" c={f.severity === 'error' ? 'red.9' : '#8f3b00'} fw={500}>
            {f.severity === 'error' ? 'Lỗi: ' : 'Cảnh báo: '}
            {f.message}
          </Text>
        ))}
        {readBy.length ? (
          <Text size="xs" display="block" c="dimmed">
            Đọc theo: {readBy.join('; ')}
          </Text>
        ) : null}
      </Text>
    </div>
  );
}

export function HeaderView({
  draft,
  layout,
  onLine,
}: {
  draft: PlanDraft;
  layout?: ImportLayoutView;
  onLine?: (line: number) => void;
}) {
  const d = draft.document;
  // The rules that read a row's fields, each once ("Số, ký hiệu" is number and symbol).
  const readBy = (fields: string[]) => [
    ...new Set(
      (layout?.header ?? []).filter((h) => fields.includes(h.field)).flatMap((h) => h.rules.map((r) => r.label)),
    ),
  ];
  const docFindings = draft.findings.filter((f) => !f.location.task && f.severity !== 'info');
  const about = (fields: string[]) => docFindings.filter((f) => f.location.field && fields.includes(f.location.field));
  return (
    <Card withBorder radius="md" component="section" aria-labelledby="phan-dau">
      <Title order={2} size="h4" id="phan-dau" mb="sm">
        Phần đầu văn bản
      </Title>
      <dl className="info-list">
        <FieldRow label="Cơ quan ban hành" findings={about(['issuer'])} readBy={readBy(['issuer', 'issuerParent'])}>
          {d.issuer ? (
            <UnitRefList refs={[d.issuer]} highlight />
          ) : (
            <Text span c="dimmed" inherit>
              Chưa xác định
            </Text>
          )}
        </FieldRow>
        <FieldRow
          label="Số, ký hiệu"
          findings={about(['number', 'document'])}
          readBy={readBy(['type', 'number', 'symbol'])}
        >
          {d.number || d.symbol ? docNumber(d.number, d.symbol) : 'Chưa có số'}
        </FieldRow>
        <FieldRow label="Ngày" findings={about(['date', 'place'])} readBy={readBy(['date', 'place'])}>
          {[d.place, formatIsoDate(d.date)].filter(Boolean).join(', ') || 'Chưa có'}
        </FieldRow>
        <FieldRow label="Trích yếu" findings={about(['title'])} readBy={readBy(['title'])}>
          {d.title || (
            <Text span c="dimmed" inherit>
              Chưa có
            </Text>
          )}
        </FieldRow>
        <FieldRow label="Căn cứ" findings={about(['basis'])}>
          {d.basis.length ? (
            <ul className="ref-list">
              {d.basis.map((b, i) => (
                <li key={i}>{b.text}</li>
              ))}
            </ul>
          ) : (
            'Không có'
          )}
        </FieldRow>
        <FieldRow label="Người ký" findings={about(['signer'])}>
          {d.signer ? [d.signer.lines.join(' – '), d.signer.name].filter(Boolean).join(': ') : 'Chưa có'}
        </FieldRow>
        <FieldRow label="Nơi nhận" findings={about(['recipients'])}>
          {d.recipients.length ? (
            <ul className="ref-list">
              {d.recipients.map((r, i) => (
                <li key={i}>{r}</li>
              ))}
            </ul>
          ) : (
            'Không có'
          )}
        </FieldRow>
      </dl>
      <Title order={3} size="h5" mt="md" mb={6}>
        Các mục
      </Title>
      <ul className="tap-list">
        {draft.sections.map((s, i) => {
          const line = s.blocks.find((b) => b.line)?.line;
          return (
            <li key={i} style={{ padding: '6px 2px' }}>
              <Group justify="space-between" gap="xs" wrap="nowrap">
                <Text size="sm" style={{ minWidth: 0 }}>
                  {s.number ? `${s.number}. ` : ''}
                  {s.heading}
                </Text>
                <Group gap={6} wrap="nowrap">
                  <Badge variant="outline" size="sm" color="gray" c="dark.6">
                    {s.kind === 'content' ? count(draft.tasks.length, 'nhiệm vụ') : count(s.blocks.length, 'đoạn')}
                  </Badge>
                  {line && onLine ? (
                    <Button
                      variant="subtle"
                      size="compact-xs"
                      onClick={() => onLine(line)}
                      rightSection={<IconArrowRight size={12} aria-hidden />}
                      aria-label={`Dòng ${line}: xem mục ${s.number || s.heading} trong văn bản gốc`}
                    >
                      Dòng {line}
                    </Button>
                  ) : null}
                </Group>
              </Group>
            </li>
          );
        })}
      </ul>
      {draft.document.issuer && isUncertainRef(draft.document.issuer) ? (
        <Alert mt="sm" color="yellow" variant="light" icon={<IconAlertTriangle aria-hidden />}>
          Cơ quan ban hành được đoán từ văn bản; hãy chọn đúng “Đơn vị ban hành” ở trên trước khi lưu.
        </Alert>
      ) : null}
    </Card>
  );
}
