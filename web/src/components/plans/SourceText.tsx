// The imported file's text with line numbers; lines a finding points at are tinted by severity, lines the parser
// could not place are marked, so the reader checks the reading against the source.
import { memo } from 'react';
import type { Finding, Severity, Unplaced } from '../../api/types.ts';
import { SEVERITY_LABEL, SEVERITY_ORDER } from './planFormat.ts';

export function sourceLineId(line: number): string {
  return `dong-${line}`;
}

export const SourceText = memo(function SourceText({
  text,
  findings,
  unplaced,
  label,
}: {
  text: string;
  findings: readonly Finding[];
  unplaced: readonly Unplaced[];
  label: string;
}) {
  const worst = new Map<number, Severity>();
  for (const f of findings) {
    const line = f.location.line;
    if (!line) continue;
    const cur = worst.get(line);
    if (!cur || SEVERITY_ORDER.indexOf(f.severity) < SEVERITY_ORDER.indexOf(cur)) worst.set(line, f.severity);
  }
  const stray = new Set(unplaced.map((u) => u.line));
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  return (
    <div className="source-view" role="region" aria-label={label} tabIndex={0}>
      {lines.map((l, i) => {
        const n = i + 1;
        const sev = worst.get(n);
        const cls = ['source-line', sev ? `sev-${sev}` : '', stray.has(n) ? 'unplaced' : ''].filter(Boolean).join(' ');
        return (
          <div key={n} id={sourceLineId(n)} className={cls}>
            <span className="ln" aria-hidden>
              {n}
            </span>
            <span className="tx">
              {sev || stray.has(n) ? (
                <span className="sr-only">
                  Dòng {n}
                  {sev ? `, có ${SEVERITY_LABEL[sev].toLowerCase()}` : ''}
                  {stray.has(n) ? ', chưa xếp được vào cấu trúc' : ''}:{' '}
                </span>
              ) : null}
              {l}
            </span>
          </div>
        );
      })}
    </div>
  );
});
