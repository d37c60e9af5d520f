// Filters kept in the address (?donVi=…&trangThai=…&q=…), so "back" returns to the same list and a filtered list
// can be linked. Every change replaces the history entry: filtering does not fill the back button.
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useDebouncedValue } from '@mantine/hooks';

export type SetParam = (key: string, value: string | null) => void;

/** The address's parameters, and `setParam` to set one (a null or empty value removes it). */
export function useSearchParamState(): {
  params: URLSearchParams;
  setParams: ReturnType<typeof useSearchParams>[1];
  setParam: SetParam;
} {
  const [params, setParams] = useSearchParams();
  const setParam: SetParam = (key, value) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  return { params, setParams, setParam };
}

/**
 * A search box kept in the address as ?q=: `text` as typed (starting from the address), `q` the trimmed text once
 * typing pauses for 300 ms, written to the address whenever it changes.
 */
export function useSearchText(): { text: string; setText: (text: string) => void; q: string } {
  const { params, setParam } = useSearchParamState();
  const [text, setText] = useState(params.get('q') ?? '');
  const [q] = useDebouncedValue(text.trim(), 300);
  useEffect(() => {
    if ((params.get('q') ?? '') !== q) setParam('q', q || null);
  }, [q]);
  return { text, setText, q };
}
