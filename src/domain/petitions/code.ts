// The tracking code (mã tra cứu) a person reads over the phone: KN-2026-000123. Pure.

const CODE = /^KN-(\d{4})-(\d{6})$/;

export function trackingCode(year: number, seq: number): string {
  return `KN-${year}-${String(seq).padStart(6, '0')}`;
}

/** The code as typed: case, spaces and dashes forgiven ("kn 2026 123" → KN-2026-000123); null when it is none. */
export function parseTrackingCode(typed: string): string | null {
  const t = typed
    .trim()
    .toUpperCase()
    .replace(/[\s_.–—]+/g, '-');
  const m = /^KN-?(\d{4})-?(\d{1,6})$/.exec(t);
  if (!m) return null;
  const code = trackingCode(Number(m[1]), Number(m[2]));
  return CODE.test(code) ? code : null;
}
