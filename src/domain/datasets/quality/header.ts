// The first row as column names: trimmed and composed; an empty name becomes `cot_N` (N = the column's position);
// a repeated name gets `_2`, `_3`… so every column keeps its own counters, and the repetition is reported.
// Empty names at the end come from trailing delimiters ("a,b,c,") and are dropped.

export interface Header {
  names: string[];
  duplicates: string[];
  renamed: string[];
}

export function makeHeader(raw: string[]): Header {
  const cells = raw.map((c) => c.normalize('NFC').replace(/\s+/g, ' ').trim());
  while (cells.length > 0 && cells.at(-1) === '') cells.pop();
  const seen = new Map<string, number>();
  const duplicates: string[] = [];
  const renamed: string[] = [];
  const names = cells.map((c, i) => {
    let name = c;
    if (name === '') {
      name = `cot_${i + 1}`;
      renamed.push(name);
    }
    const key = name.toLowerCase();
    const times = (seen.get(key) ?? 0) + 1;
    seen.set(key, times);
    if (times === 1) return name;
    if (times === 2) duplicates.push(name);
    return `${name}_${times}`;
  });
  return { names, duplicates, renamed };
}
