// Word-level differences between two texts (longest common subsequence), for the parent ↔ child comparison.

export interface DiffPart {
  text: string;
  /** same: in both; del: only in the first (parent); ins: only in the second (child). */
  kind: 'same' | 'del' | 'ins';
}

function tokens(s: string): string[] {
  return s.match(/\s+|[^\s]+/gu) ?? [];
}

const norm = (t: string) =>
  t
    .normalize('NFC')
    .toLocaleLowerCase('vi')
    .replace(/[.,;:]+$/u, '');

/** Parts in order; consecutive parts of one kind are merged. Texts longer than ~600 words are compared whole. */
export function diffWords(a: string, b: string): DiffPart[] {
  const x = tokens(a);
  const y = tokens(b);
  if (x.length * y.length > 400_000)
    return a === b
      ? [{ text: a, kind: 'same' }]
      : [
          { text: a, kind: 'del' },
          { text: b, kind: 'ins' },
        ];
  const n = x.length;
  const m = y.length;
  const L: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      L[i]![j] = norm(x[i]!) === norm(y[j]!) ? L[i + 1]![j + 1]! + 1 : Math.max(L[i + 1]![j]!, L[i]![j + 1]!);
    }
  }
  const out: DiffPart[] = [];
  const push = (text: string, kind: DiffPart['kind']) => {
    const last = out[out.length - 1];
    // Whitespace between two changes stays with them, so "a b" → "c d" reads as one change.
    if (last && last.kind === kind) last.text += text;
    else out.push({ text, kind });
  };
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (norm(x[i]!) === norm(y[j]!)) {
      push(y[j]!, 'same');
      i++;
      j++;
    } else if (L[i + 1]![j]! >= L[i]![j + 1]!) {
      push(x[i]!, 'del');
      i++;
    } else {
      push(y[j]!, 'ins');
      j++;
    }
  }
  while (i < n) push(x[i++]!, 'del');
  while (j < m) push(y[j++]!, 'ins');
  return out;
}

/** Items of two lists compared without regard to case and accents of spacing: which are only in one of them. */
export function diffLists(a: readonly string[], b: readonly string[]): { onlyA: Set<string>; onlyB: Set<string> } {
  const na = new Set(a.map(norm));
  const nb = new Set(b.map(norm));
  return { onlyA: new Set(a.filter((s) => !nb.has(norm(s)))), onlyB: new Set(b.filter((s) => !na.has(norm(s)))) };
}

export function sameText(a: string | null | undefined, b: string | null | undefined): boolean {
  return norm((a ?? '').replace(/\s+/g, ' ').trim()) === norm((b ?? '').replace(/\s+/g, ' ').trim());
}
