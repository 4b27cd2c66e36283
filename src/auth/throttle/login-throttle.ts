import { isIP } from 'node:net';

/**
 * Sign-in throttling, as plain functions over counters (the service stores them in
 * `login_throttle`). Three scopes, keyed by keyed hashes so the table holds no e-mail or address:
 *
 * - `pair` (account, client address): locked after `pairMaxFailures` failures in a window. A
 *   stranger can lock only their own attempts, never the owner signing in from elsewhere.
 * - `address` (client address, across accounts): locked after `addressMaxFailures` failures in a
 *   window: password spraying from one address.
 * - `account` (across addresses): never locked, so no one can lock anyone out; its failures only
 *   lengthen the delay of each failed answer, like the address's.
 *
 * A window opens at a scope's first failure and closes `windowMs` later (or when its lock ends,
 * if later). The audit log, which is append-only, gets at most: the first failure of a pair's
 * window, the pair's first wrong second factor, the lock, and one summary when the window closes
 * or the owner signs in; refused attempts during a lock are only counted.
 */
export type ThrottleScope = 'account' | 'address' | 'pair';
export type FailureStage = 'password' | 'second_factor';

export interface ThrottleCounters {
  failures: number;
  secondFactorFailures: number;
  /** Attempts refused because the scope was locked. */
  refused: number;
  /** What the audit log already says of this window (every audit entry carries the totals so far). */
  reportedFailures: number;
  reportedRefused: number;
  windowStartedAt: Date;
  lastFailureAt: Date;
  lockedUntil: Date | null;
}

export interface ThrottlePolicy {
  windowMs: number;
  lockMs: number;
  pairMaxFailures: number;
  addressMaxFailures: number;
  /** Added to a failed answer per failure counted for the account or the address. */
  delayMs: number;
  maxDelayMs: number;
}

/** What the audit log must hear about. `window_summary` is for the window that just closed. */
export type ThrottleEvent =
  | { type: 'window_summary'; counters: ThrottleCounters }
  | { type: 'first_failure'; stage: FailureStage; counters: ThrottleCounters }
  | { type: 'first_second_factor_failure'; counters: ThrottleCounters }
  | { type: 'locked'; counters: ThrottleCounters };

export function freshCounters(now: Date): ThrottleCounters {
  return { failures: 0, secondFactorFailures: 0, refused: 0, reportedFailures: 0, reportedRefused: 0, windowStartedAt: now, lastFailureAt: now, lockedUntil: null };
}

export function isLocked(counters: ThrottleCounters, now: Date): boolean {
  return counters.lockedUntil !== null && counters.lockedUntil.getTime() > now.getTime();
}

export function retryAfterSeconds(counters: ThrottleCounters, now: Date): number {
  return counters.lockedUntil ? Math.max(1, Math.ceil((counters.lockedUntil.getTime() - now.getTime()) / 1000)) : 0;
}

export function windowClosed(counters: ThrottleCounters, now: Date, policy: Pick<ThrottlePolicy, 'windowMs'>): boolean {
  return !isLocked(counters, now) && now.getTime() - counters.windowStartedAt.getTime() >= policy.windowMs;
}

/** Whether the window has failures or refusals the audit log has not been told about. */
export function needsSummary(counters: ThrottleCounters): boolean {
  return counters.failures > counters.reportedFailures || counters.refused > counters.reportedRefused;
}

function reported(counters: ThrottleCounters): ThrottleCounters {
  return { ...counters, reportedFailures: counters.failures, reportedRefused: counters.refused };
}

function maxFailuresFor(scope: ThrottleScope, policy: ThrottlePolicy): number | null {
  if (scope === 'pair') return policy.pairMaxFailures;
  if (scope === 'address') return policy.addressMaxFailures;
  return null;
}

/**
 * Counts one failed attempt. Pair events are all audited; for an address only its lock (and the
 * summary after it) matter; the account scope is audited through its pairs.
 */
export function registerFailure(
  scope: ThrottleScope,
  previous: ThrottleCounters,
  now: Date,
  stage: FailureStage,
  policy: ThrottlePolicy,
): { counters: ThrottleCounters; events: ThrottleEvent[] } {
  const events: ThrottleEvent[] = [];
  let base = previous;
  if (previous.failures + previous.refused > 0 && windowClosed(previous, now, policy)) {
    if (needsSummary(previous)) events.push({ type: 'window_summary', counters: previous });
    base = freshCounters(now);
  } else if (previous.failures + previous.refused === 0) {
    base = freshCounters(now);
  }
  let counters: ThrottleCounters = {
    ...base,
    failures: base.failures + 1,
    secondFactorFailures: base.secondFactorFailures + (stage === 'second_factor' ? 1 : 0),
    lastFailureAt: now,
  };
  const max = maxFailuresFor(scope, policy);
  const lockedNow = max !== null && counters.failures >= max && !isLocked(base, now);
  if (lockedNow) counters = { ...counters, lockedUntil: new Date(now.getTime() + policy.lockMs) };

  if (scope === 'pair') {
    if (counters.failures === 1) {
      counters = reported(counters);
      events.push({ type: 'first_failure', stage, counters });
    } else if (stage === 'second_factor' && counters.secondFactorFailures === 1 && !lockedNow) {
      // A right password with a wrong code: worth its own entry, the password may be known.
      counters = reported(counters);
      events.push({ type: 'first_second_factor_failure', counters });
    }
  }
  if (lockedNow && scope !== 'account') {
    counters = reported(counters);
    events.push({ type: 'locked', counters });
  }
  return { counters, events };
}

/** Counts an attempt refused while locked: no audit entry now, it goes into the summary. */
export function registerRefusal(counters: ThrottleCounters): ThrottleCounters {
  return { ...counters, refused: counters.refused + 1 };
}

/** Delay before answering a failed attempt: grows with the failures of the account and of the address. */
export function failureDelayMs(accountFailures: number, addressFailures: number, policy: Pick<ThrottlePolicy, 'delayMs' | 'maxDelayMs'>): number {
  return Math.min(policy.delayMs * Math.max(accountFailures, addressFailures), policy.maxDelayMs);
}

/**
 * The client address as throttled: IPv4 as is (IPv4-mapped IPv6 unwrapped), IPv6 by its /64,
 * since one IPv6 client usually holds a whole /64 and could otherwise rotate through it.
 */
export function clientAddressBucket(address: string | undefined | null): string {
  if (!address) return 'unknown';
  let value = address.trim().replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(value);
  if (mapped) value = mapped[1];
  const family = isIP(value);
  if (family === 4) return value;
  if (family !== 6) return 'unknown';
  return `${expandIpv6(value).slice(0, 4).join(':')}::/64`;
}

function expandIpv6(address: string): string[] {
  let text = address.toLowerCase();
  // A trailing dotted quad (::ffff:1.2.3.4 style, or 64:ff9b::1.2.3.4) becomes two groups.
  const quad = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (quad) {
    const [a, b, c, d] = quad.slice(1).map(Number);
    text = `${text.slice(0, quad.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::');
  const left = head ? head.split(':') : [];
  const right = tail !== undefined && tail !== '' ? tail.split(':') : [];
  const fill = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill('0');
  return [...left, ...fill, ...right].map((group) => group.replace(/^0+(?=.)/, ''));
}
