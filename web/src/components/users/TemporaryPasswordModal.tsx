import { ActionIcon, Alert, CopyButton, Modal, Stack, Text, TextInput, Tooltip, Button, Group } from '@mantine/core';
import { IconCheck, IconCopy, IconAlertTriangle } from '@tabler/icons-react';

/** Shows a temporary password once, with a copy button; the user must change it at first sign-in. */
export function TemporaryPasswordModal({
  opened,
  onClose,
  username,
  password,
  title,
}: {
  opened: boolean;
  onClose: () => void;
  username: string;
  password: string | null;
  title: string;
}) {
  return (
    <Modal opened={opened && !!password} onClose={onClose} title={title} centered closeOnClickOutside={false}>
      <Stack>
        <Text size="sm">
          Tài khoản <b>{username}</b> đã có mật khẩu tạm:
        </Text>
        <TextInput
          label="Mật khẩu tạm"
          readOnly
          value={password ?? ''}
          onFocus={(e) => e.currentTarget.select()}
          styles={{
            input: {
              fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
              fontSize: 16,
              letterSpacing: '0.04em',
            },
          }}
          rightSectionWidth={44}
          rightSection={
            <CopyButton value={password ?? ''} timeout={2000}>
              {({ copied, copy }) => (
                <Tooltip label={copied ? 'Đã sao chép' : 'Sao chép'} withArrow>
                  <ActionIcon
                    variant={copied ? 'filled' : 'light'}
                    color={copied ? 'green.8' : undefined}
                    onClick={copy}
                    aria-label={copied ? 'Đã sao chép mật khẩu' : 'Sao chép mật khẩu'}
                  >
                    {copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
                  </ActionIcon>
                </Tooltip>
              )}
            </CopyButton>
          }
        />
        <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />}>
          Mật khẩu này chỉ hiển thị một lần. Hãy chuyển cho người dùng qua kênh an toàn; khi đăng nhập lần đầu họ phải
          đổi mật khẩu.
        </Alert>
        <Group justify="flex-end">
          <Button onClick={onClose}>Đã ghi lại, đóng</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
