/** First retry comes after about this many seconds; each further failure doubles it. */
export const FIRST_RETRY_SECONDS = 10;
/** Longest wait between two attempts. */
export const MAX_RETRY_SECONDS = 60 * 60;
/**
 * An event is given up (failed_at set) only once this long has passed since it was created,
 * so a receiver that is down for a night still gets everything. Measured from created_at rather
 * than by counting attempts, because attempts also grow when a process dies mid-delivery.
 */
export const GIVE_UP_AFTER_HOURS = 24;

/**
 * Seconds to wait before the next attempt after `attempts` failed ones: 10 s · 2^(attempts−1),
 * capped at an hour, with "equal jitter" (between half and all of it) so that events failing
 * together at one receiver do not all come back at the same moment.
 */
export function retryDelaySeconds(attempts: number, random: () => number = Math.random): number {
  const exponent = Math.max(0, attempts - 1);
  // 2^9 · 10 s already exceeds the cap; limiting the exponent avoids Infinity for absurd counts.
  const full = Math.min(MAX_RETRY_SECONDS, FIRST_RETRY_SECONDS * 2 ** Math.min(exponent, 20));
  return full / 2 + (full / 2) * random();
}
