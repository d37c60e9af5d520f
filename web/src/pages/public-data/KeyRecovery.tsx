// A lost access key: the organisation gives its tax code and its contact's e-mail and receives a one-time code by
// mail; the link in that mail opens this page with the code, which gets a new key (the old one stops at once).
import { Alert, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { organisationApi, type OrganisationKey } from '../../api/data-organisations.ts';
import { FormError } from '../../components/FieldError.tsx';
import { useApiForm } from '../../components/form.ts';

const EMPTY = { taxCode: '', contactEmail: '' };

function AskForCode() {
  const [sent, setSent] = useState<string | null>(null);
  const form = useApiForm(EMPTY, (v) => ({
    taxCode: /^\d{10}(-\d{3})?$/.test(v.taxCode.replace(/\s/g, '')) ? undefined : 'Mã số thuế gồm 10 chữ số.',
    contactEmail: /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.contactEmail.trim()) ? undefined : 'Nhập thư điện tử đúng dạng.',
  }));
  const submit = form.onSubmit(async (v) => {
    setSent((await organisationApi.askKeyRecovery(v)).message);
  });
  return (
    <form ref={form.formRef} onSubmit={(e) => void submit(e)} noValidate aria-label="Yêu cầu mã khôi phục khóa">
      <Stack gap="sm">
        <Text size="sm">
          Nhập mã số thuế và thư điện tử liên hệ đã đăng ký: mã khôi phục được gửi tới thư điện tử đó và dùng được một
          lần trong 60 phút.
        </Text>
        <Group align="flex-start" gap="xs" wrap="wrap">
          <TextInput
            label="Mã số thuế"
            inputMode="numeric"
            value={form.values.taxCode}
            error={form.error('taxCode')}
            onChange={(e) => form.setValue('taxCode', e.currentTarget.value)}
            style={{ flex: '1 1 12rem' }}
          />
          <TextInput
            label="Thư điện tử liên hệ"
            type="email"
            autoComplete="email"
            value={form.values.contactEmail}
            error={form.error('contactEmail')}
            onChange={(e) => form.setValue('contactEmail', e.currentTarget.value)}
            style={{ flex: '1 1 16rem' }}
          />
        </Group>
        <FormError error={form.serverError} fields={Object.keys(EMPTY)} />
        {sent ? (
          <Alert color="blue" data-testid="recovery-sent">
            {sent}
          </Alert>
        ) : null}
        <Group>
          <Button type="submit" variant="light" loading={form.submitting}>
            Gửi mã khôi phục
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function UseCode({ initial, onKey }: { initial: string; onKey: (k: OrganisationKey) => void }) {
  const form = useApiForm({ code: initial }, (v) =>
    v.code.trim().length < 10 ? { code: 'Nhập mã khôi phục trong thư điện tử.' } : {},
  );
  const submit = form.onSubmit(async (v) => onKey(await organisationApi.confirmKeyRecovery(v.code)));
  return (
    <form ref={form.formRef} onSubmit={(e) => void submit(e)} noValidate aria-label="Nhận khóa mới bằng mã khôi phục">
      <Stack gap="sm">
        <Group align="flex-start" gap="xs" wrap="wrap">
          <TextInput
            label="Mã khôi phục"
            value={form.values.code}
            error={form.error('code')}
            onChange={(e) => form.setValue('code', e.currentTarget.value)}
            style={{ flex: '1 1 16rem' }}
          />
        </Group>
        <FormError error={form.serverError} fields={['code']} />
        <Group>
          <Button type="submit" loading={form.submitting}>
            Nhận khóa mới
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** "Mất khóa truy cập?": ask for a code, or use the code the mail's link brought. */
export function KeyRecovery({ code, onKey }: { code: string | null; onKey: (k: OrganisationKey) => void }) {
  return (
    <Stack gap="sm">
      <Title order={2} size="h4" id="khoi-phuc">
        Mất khóa truy cập
      </Title>
      {code ? <UseCode initial={code} onKey={onKey} /> : <AskForCode />}
    </Stack>
  );
}
