// One pattern for the acts that need a reason (return a draft or a report, retire a unit, keep a task against the
// province's change): what the act does, the reason with its check, the server's refusal under it, Hủy and the act.
// What was typed stays when the server refuses; the box starts empty each time the dialog opens.
import { useEffect, type ReactNode } from 'react';
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { FormError } from './FieldError.tsx';
import { useApiForm } from './form.ts';

/** Hủy and the act, at the foot of a modal form (the act submits it). */
export function ModalFormButtons({
  onClose,
  submitting,
  label,
  color,
}: {
  onClose: () => void;
  submitting: boolean;
  label: string;
  color?: string;
}) {
  return (
    <Group justify="flex-end" gap="sm" mt="xs">
      <Button variant="default" onClick={onClose} disabled={submitting}>
        Hủy
      </Button>
      <Button type="submit" loading={submitting} color={color}>
        {label}
      </Button>
    </Group>
  );
}

/** The server's rule for every reason: at least 5 characters once trimmed; `empty` said when nothing was typed. */
export const reasonCheck =
  (empty: string, tooShort = empty) =>
  (reason: string): string | undefined =>
    !reason.trim() ? empty : reason.trim().length < 5 ? tooShort : undefined;

export function ReasonModal({
  opened,
  onClose,
  title,
  intro,
  label,
  description,
  check,
  maxLength,
  confirmLabel,
  confirmColor,
  size,
  onConfirm,
}: {
  opened: boolean;
  onClose: () => void;
  title: string;
  /** What the act does: a sentence, or an Alert. */
  intro: ReactNode;
  label: string;
  description?: string;
  /** The message when the reason will not do; undefined when it will. */
  check: (reason: string) => string | undefined;
  maxLength?: number;
  confirmLabel: string;
  confirmColor?: string;
  /** A wide dialog, not centred (the unit administrator's dialogs); centred by default. */
  size?: 'lg';
  /** Does the act with the trimmed reason; the dialog closes when it resolves, shows the refusal when it throws. */
  onConfirm: (reason: string) => Promise<unknown>;
}) {
  const form = useApiForm({ reason: '' }, (v) => ({ reason: check(v.reason) }));
  useEffect(() => {
    if (opened) form.reset({ reason: '' });
  }, [opened]);
  const submit = form.onSubmit(async (v) => {
    await onConfirm(v.reason.trim());
    onClose();
  });
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered={!size} size={size}>
      <form ref={form.formRef} onSubmit={(e) => void submit(e)} noValidate>
        <Stack>
          {typeof intro === 'string' ? <Text size="sm">{intro}</Text> : intro}
          <Textarea
            label={label}
            description={description}
            required
            autosize
            minRows={3}
            maxLength={maxLength}
            value={form.values.reason}
            onChange={(e) => form.setValue('reason', e.currentTarget.value)}
            error={form.error('reason')}
            data-autofocus
          />
          <FormError error={form.serverError} fields={['reason']} />
          <ModalFormButtons onClose={onClose} submitting={form.submitting} label={confirmLabel} color={confirmColor} />
        </Stack>
      </form>
    </Modal>
  );
}
