// Showing API errors: the message near the submit button, each issue under the field its `path` names.
import { Alert, List } from '@mantine/core';
import { IconAlertCircle, IconLock } from '@tabler/icons-react';
import { ApiError, errorMessage, isApiError } from '../api/client.ts';

/** The server's message for one field (for a Mantine input's `error` prop). */
export function fieldError(error: unknown, path: string): string | undefined {
  return isApiError(error) ? error.fieldError(path) : undefined;
}

/**
 * The form-level message of a failed submit, plus any issue no field shows (`fields` = the paths the form
 * renders). role="alert" so screen readers announce it.
 */
export function FormError({
  error,
  fields = [],
  title,
}: {
  error: unknown;
  fields?: readonly string[];
  title?: string;
}) {
  if (!error) return null;
  const others = error instanceof ApiError ? error.otherIssues(fields) : [];
  const forbidden = error instanceof ApiError && error.isForbidden;
  return (
    <Alert
      role="alert"
      color={forbidden ? 'orange' : 'red'}
      variant="light"
      icon={forbidden ? <IconLock aria-hidden /> : <IconAlertCircle aria-hidden />}
      title={title}
    >
      {errorMessage(error)}
      {others.length > 0 ? (
        <List size="sm" mt={4}>
          {others.map((i, n) => (
            <List.Item key={n}>{i.message}</List.Item>
          ))}
        </List>
      ) : null}
    </Alert>
  );
}

const GENERIC_FORBIDDEN = 'Bạn không có quyền thực hiện thao tác này.';

/** A failed load: a polite notice for 401/403, the message otherwise, with an optional retry. */
export function LoadError({ error, what, onRetry }: { error: unknown; what?: string; onRetry?: () => void }) {
  const api = isApiError(error) ? error : null;
  if (api && (api.isForbidden || api.isUnauthorized)) {
    return (
      <Alert color="gray" variant="light" icon={<IconLock aria-hidden />} title="Không có quyền xem">
        {what && api.code === 'forbidden' && api.message === GENERIC_FORBIDDEN
          ? `Bạn không có quyền xem ${what}.`
          : api.message}
      </Alert>
    );
  }
  return (
    <Alert
      role="alert"
      color="red"
      variant="light"
      icon={<IconAlertCircle aria-hidden />}
      title={what ? `Không tải được ${what}` : 'Không tải được dữ liệu'}
    >
      {errorMessage(error)}
      {onRetry ? (
        <>
          {' '}
          <button type="button" className="link-button" onClick={onRetry}>
            Thử lại
          </button>
        </>
      ) : null}
    </Alert>
  );
}
