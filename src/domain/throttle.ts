// Login throttling policy (pure). An address that keeps failing on an account is slowed down on that account
// only; the account itself is never locked, so whoever knows the password gets in from any other address.

/** Failures an (account, address) pair may make before each further try has to wait. */
export const FREE_PAIR_FAILURES = 5;
/** The first wait; it doubles with each further failure of the pair, up to PAIR_MAX_DELAY_SECONDS. */
export const PAIR_BASE_DELAY_SECONDS = 15;
export const PAIR_MAX_DELAY_SECONDS = 3600;
/** A pair's failures count for a day, or until the pair logs in successfully. */
export const PAIR_WINDOW_SECONDS = 24 * 3600;
/**
 * Failures from one address across all accounts within ADDRESS_WINDOW_SECONDS. A commune office behind one NAT
 * address (a few dozen people, a few typos each on a bad morning) stays far below; guessing across accounts does not.
 */
export const ADDRESS_MAX_FAILURES = 100;
export const ADDRESS_WINDOW_SECONDS = 3600;

/** Seconds a pair must wait after its last failure, given how many failures it has made. */
export function pairDelaySeconds(failures: number): number {
  if (failures < FREE_PAIR_FAILURES) return 0;
  return Math.min(PAIR_MAX_DELAY_SECONDS, PAIR_BASE_DELAY_SECONDS * 2 ** (failures - FREE_PAIR_FAILURES));
}

export interface LoginFailures {
  /** Failures of this (account, address) pair since its last success, within PAIR_WINDOW_SECONDS. */
  pair: number;
  /** Seconds since the pair's last failure (null without failures). */
  sincePairFailure: number | null;
  /** Failures from the address across all accounts within ADDRESS_WINDOW_SECONDS. */
  address: number;
  /** Seconds since the oldest of those failures (null without failures). */
  sinceOldestAddressFailure: number | null;
}

export interface LoginWait {
  reason: 'pair' | 'address';
  /** Whole seconds, at least 1: what Retry-After says. */
  seconds: number;
}

/** Whether this attempt must wait, and how long; null when it may try now. */
export function loginWait(f: LoginFailures): LoginWait | null {
  if (f.address >= ADDRESS_MAX_FAILURES) {
    return {
      reason: 'address',
      seconds: Math.max(1, Math.ceil(ADDRESS_WINDOW_SECONDS - (f.sinceOldestAddressFailure ?? 0))),
    };
  }
  const delay = pairDelaySeconds(f.pair);
  const left = delay - (f.sincePairFailure ?? delay);
  return left > 0 ? { reason: 'pair', seconds: Math.max(1, Math.ceil(left)) } : null;
}

/** "45 giây", "3 phút": how long to wait, as the message says it. */
export function waitText(seconds: number): string {
  return seconds < 60 ? `${seconds} giây` : `${Math.ceil(seconds / 60)} phút`;
}
