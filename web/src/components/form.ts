// A tiny form-state helper: controlled values, client-side checks, server errors by field, and focus on the
// first invalid field. Values are never reset when the server rejects a submit: the user keeps what they typed.
import { useCallback, useRef, useState, type FormEvent } from 'react';
import { isApiError } from '../api/client.ts';

export type Errors<T> = Partial<Record<keyof T & string, string>>;

export function useApiForm<T extends Record<string, unknown>>(initial: T, validate?: (values: T) => Errors<T>) {
  const [values, setValues] = useState<T>(initial);
  const [clientErrors, setClientErrors] = useState<Errors<T>>({});
  const [serverError, setServerError] = useState<unknown>(null);
  /** Fields edited since the server's answer: their server message no longer applies. */
  const [editedSinceError, setEditedSinceError] = useState<ReadonlySet<string>>(new Set());
  const [submitting, setSubmitting] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  const setValue = useCallback(<K extends keyof T & string>(key: K, value: T[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setClientErrors((e) => (e[key] ? { ...e, [key]: undefined } : e));
    setEditedSinceError((s) => (s.has(key) ? s : new Set(s).add(key)));
  }, []);

  const error = useCallback(
    (key: keyof T & string): string | undefined => {
      if (clientErrors[key]) return clientErrors[key];
      if (editedSinceError.has(key)) return undefined;
      return isApiError(serverError) ? serverError.fieldError(key) : undefined;
    },
    [clientErrors, editedSinceError, serverError],
  );

  const focusFirstInvalid = () => {
    requestAnimationFrame(() => {
      const el = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
      el?.focus();
    });
  };

  const onSubmit = (fn: (values: T) => Promise<void>) => async (e?: FormEvent) => {
    e?.preventDefault();
    if (submitting) return;
    const found = validate?.(values) ?? {};
    setClientErrors(found);
    if (Object.values(found).some(Boolean)) {
      focusFirstInvalid();
      return;
    }
    setSubmitting(true);
    setServerError(null);
    try {
      await fn(values);
    } catch (err) {
      setServerError(err);
      setEditedSinceError(new Set());
      focusFirstInvalid();
    } finally {
      setSubmitting(false);
    }
  };

  const reset = useCallback(
    (next: T = initial) => {
      setValues(next);
      setClientErrors({});
      setServerError(null);
      setEditedSinceError(new Set());
    },
    [initial],
  );

  return { values, setValue, setValues, error, serverError, setServerError, submitting, onSubmit, reset, formRef };
}

export const required = (v: unknown, message: string): string | undefined =>
  (typeof v === 'string' ? v.trim() === '' : v === null || v === undefined) ? message : undefined;
