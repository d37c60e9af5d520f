// Messages by field path for forms with lists ("deliverables.2.title"): the browser's own checks, then the server's
// `issues[].path`. A path edited since the server answered drops the server's message about it and about everything
// under it (a list's path covers its rows), so a message never outlives the value it was about.
import { useState } from 'react';
import { isApiError } from '../api/client.ts';

export function usePathErrors() {
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [serverError, setServerErrorState] = useState<unknown>(null);
  /** Paths changed since the server's answer: its message no longer applies (a prefix covers a whole list). */
  const [stale, setStale] = useState<ReadonlySet<string>>(new Set());

  const under = (k: string, path: string) => k === path || k.startsWith(`${path}.`);

  /** The value at `path` changed: its messages (and those under it) go. */
  const touch = (path: string) => {
    setClientErrors((e) => {
      if (!Object.keys(e).some((k) => under(k, path))) return e;
      return Object.fromEntries(Object.entries(e).filter(([k]) => !under(k, path)));
    });
    setStale((s) => (s.has(path) ? s : new Set(s).add(path)));
  };

  /** A row left the list: messages by index no longer match their rows. */
  const dropList = (list: string) => {
    setClientErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !k.startsWith(`${list}.`))));
    setStale((s) => new Set(s).add(list));
  };

  /** A new answer from the server: every one of its messages applies again. */
  const setServerError = (e: unknown) => {
    setServerErrorState(e);
    if (e !== null) setStale(new Set());
  };

  /** A message about a whole list (its own path only, not its rows'). */
  const listErr = (path: string): string | undefined => {
    if (clientErrors[path]) return clientErrors[path];
    if (stale.has(path)) return undefined;
    return isApiError(serverError) ? serverError.issues.find((i) => i.path === path)?.message : undefined;
  };
  const err = (path: string): string | undefined => {
    if (clientErrors[path]) return clientErrors[path];
    if ([...stale].some((s) => under(path, s))) return undefined;
    return isApiError(serverError) ? serverError.fieldError(path) : undefined;
  };

  return { clientErrors, setClientErrors, serverError, setServerError, touch, dropList, err, listErr };
}
