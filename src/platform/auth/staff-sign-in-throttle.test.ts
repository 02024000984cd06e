import { describe, expect, it } from 'vitest';
import { DEFAULT_THROTTLE, lockedUntil } from './staff-sign-in-throttle.ts';

const now = new Date('2026-03-01T12:00:00Z');
const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);

describe('sign-in lock rule', () => {
  it('is not locked below the threshold', () => {
    expect(lockedUntil([minutesAgo(1), minutesAgo(2), minutesAgo(3), minutesAgo(4)], 5, DEFAULT_THROTTLE, now)).toBeUndefined();
  });

  it('locks for fifteen minutes after the fifth failure within fifteen minutes', () => {
    const failures = [minutesAgo(1), minutesAgo(2), minutesAgo(3), minutesAgo(4), minutesAgo(10)];
    expect(lockedUntil(failures, 5, DEFAULT_THROTTLE, now)).toEqual(new Date(minutesAgo(1).getTime() + 15 * 60_000));
  });

  it('does not lock when the failures are spread over more than the window', () => {
    const failures = [minutesAgo(1), minutesAgo(2), minutesAgo(3), minutesAgo(4), minutesAgo(17)];
    expect(lockedUntil(failures, 5, DEFAULT_THROTTLE, now)).toBeUndefined();
  });

  it('ends the lock fifteen minutes after the newest failure', () => {
    const failures = [minutesAgo(16), minutesAgo(17), minutesAgo(18), minutesAgo(19), minutesAgo(20)];
    expect(lockedUntil(failures, 5, DEFAULT_THROTTLE, now)).toBeUndefined();
  });
});
