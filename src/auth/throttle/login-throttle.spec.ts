import {
  clientAddressBucket, failureDelayMs, freshCounters, isLocked, needsSummary, registerFailure, registerRefusal, retryAfterSeconds, ThrottleEvent, ThrottlePolicy, ThrottleScope,
} from 'src/auth/throttle/login-throttle';

const policy: ThrottlePolicy = { windowMs: 900_000, lockMs: 900_000, pairMaxFailures: 5, addressMaxFailures: 20, delayMs: 250, maxDelayMs: 5000 };
const t0 = new Date('2030-01-01T00:00:00Z');
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

function fail(scope: ThrottleScope, times: number, start = freshCounters(t0), stage: 'password' | 'second_factor' = 'password', when = t0) {
  let counters = start;
  const events: ThrottleEvent[] = [];
  for (let i = 0; i < times; i++) {
    const result = registerFailure(scope, counters, when, stage, policy);
    counters = result.counters;
    events.push(...result.events);
  }
  return { counters, events };
}

describe('registerFailure', () => {
  it('locks a pair at the fifth failure, for the lock time, and reports only the first failure and the lock', () => {
    const { counters, events } = fail('pair', 5);
    expect(isLocked(counters, t0)).toBe(true);
    expect(retryAfterSeconds(counters, t0)).toBe(900);
    expect(events.map((e) => e.type)).toEqual(['first_failure', 'locked']);
    expect(events[1].counters.failures).toBe(5);
    expect(needsSummary(counters)).toBe(false);
  });

  it('locks an address only at its own limit, and never an account', () => {
    expect(isLocked(fail('address', 19).counters, t0)).toBe(false);
    const address = fail('address', 20);
    expect(isLocked(address.counters, t0)).toBe(true);
    expect(address.events.map((e) => e.type)).toEqual(['locked']);
    const account = fail('account', 500);
    expect(isLocked(account.counters, t0)).toBe(false);
    expect(account.events).toEqual([]);
  });

  it('counts refusals during a lock for the summary, which comes when the next window opens', () => {
    let { counters } = fail('pair', 5);
    for (let i = 0; i < 45; i++) counters = registerRefusal(counters);
    expect(needsSummary(counters)).toBe(true);
    // The lock has ended and the window is over: the next failure closes it and opens another.
    const next = registerFailure('pair', counters, at(901), 'password', policy);
    expect(next.events.map((e) => e.type)).toEqual(['window_summary', 'first_failure']);
    expect(next.events[0].counters).toMatchObject({ failures: 5, refused: 45 });
    expect(next.counters).toMatchObject({ failures: 1, refused: 0, windowStartedAt: at(901), lockedUntil: null });
  });

  it('keeps counting within a window and starts over after it', () => {
    const { counters } = fail('pair', 3);
    expect(registerFailure('pair', counters, at(899), 'password', policy).counters.failures).toBe(4);
    const later = registerFailure('pair', counters, at(900), 'password', policy);
    expect(later.counters.failures).toBe(1);
    // Two unreported failures (the second and third) are summed up as the window closes.
    expect(later.events.map((e) => e.type)).toEqual(['window_summary', 'first_failure']);
  });

  it('reports the first wrong second factor of a window on its own', () => {
    const { counters } = fail('pair', 1);
    const second = registerFailure('pair', counters, t0, 'second_factor', policy);
    expect(second.events.map((e) => e.type)).toEqual(['first_second_factor_failure']);
    expect(registerFailure('pair', second.counters, t0, 'second_factor', policy).events).toEqual([]);
  });
});

describe('failureDelayMs', () => {
  it('grows with the larger of the account and address failure counts, up to the cap', () => {
    expect(failureDelayMs(1, 0, policy)).toBe(250);
    expect(failureDelayMs(2, 7, policy)).toBe(1750);
    expect(failureDelayMs(100, 1, policy)).toBe(5000);
  });
});

describe('clientAddressBucket', () => {
  it('keeps IPv4, unwraps IPv4-mapped IPv6 and groups IPv6 by /64', () => {
    expect(clientAddressBucket('203.0.113.7')).toBe('203.0.113.7');
    expect(clientAddressBucket('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(clientAddressBucket('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(clientAddressBucket('2001:0db8:0001:0002:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(clientAddressBucket('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(clientAddressBucket('::1')).toBe('0:0:0:0::/64');
    expect(clientAddressBucket('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
  });

  it('puts anything unreadable in one bucket', () => {
    expect(clientAddressBucket(undefined)).toBe('unknown');
    expect(clientAddressBucket('not-an-ip')).toBe('unknown');
  });
});

