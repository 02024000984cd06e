import { describe, expect, it } from 'vitest';
import { MAX_RETRY_SECONDS, retryDelaySeconds } from './retry-policy.ts';

describe('retry back-off', () => {
  it('waits 5 to 10 seconds after the first failure', () => {
    expect(retryDelaySeconds(1, () => 0)).toBe(5);
    expect(retryDelaySeconds(1, () => 1)).toBe(10);
  });

  it('doubles with every further failure', () => {
    expect(retryDelaySeconds(2, () => 1)).toBe(20);
    expect(retryDelaySeconds(3, () => 1)).toBe(40);
    expect(retryDelaySeconds(4, () => 0)).toBe(40);
  });

  it('never waits longer than an hour, however many attempts', () => {
    for (const attempts of [10, 30, 1000, Number.MAX_SAFE_INTEGER]) {
      expect(retryDelaySeconds(attempts, () => 1)).toBe(MAX_RETRY_SECONDS);
      expect(retryDelaySeconds(attempts, () => 0)).toBe(MAX_RETRY_SECONDS / 2);
    }
  });

  it('spreads events that failed together (jitter)', () => {
    const delays = new Set(Array.from({ length: 20 }, () => retryDelaySeconds(3)));
    expect(delays.size).toBeGreaterThan(1);
    for (const delay of delays) {
      expect(delay).toBeGreaterThanOrEqual(20);
      expect(delay).toBeLessThanOrEqual(40);
    }
  });
});
