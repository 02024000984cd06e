import { ProblemError } from '../errors/problem.ts';

/*
 * A limit on how often one client may do something, counted per Loket process in fixed windows. It is for public
 * endpoints that write (a rating, a click) and that anyone could otherwise flood: a person stays far below it. With
 * several processes behind a load balancer the effective limit is that many times higher, which still stops a flood.
 */

export interface RateLimitPolicy {
  /** Requests allowed per window. */
  limit: number;
  windowMs: number;
}

/** Clients remembered at most; the oldest windows go first, so a flood of addresses cannot fill the memory. */
const MAX_CLIENTS = 10_000;

export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly policy: RateLimitPolicy,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts a request of `client`; throws 429 (with Retry-After) once its window is full. */
  take(client: string): void {
    const now = this.now();
    let window = this.windows.get(client);
    if (window === undefined || now - window.start >= this.policy.windowMs) {
      this.windows.delete(client);
      window = { start: now, count: 0 };
      this.windows.set(client, window);
      if (this.windows.size > MAX_CLIENTS) this.windows.delete(this.windows.keys().next().value ?? client);
    }
    window.count++;
    if (window.count > this.policy.limit) {
      const retryAfter = Math.max(1, Math.ceil((window.start + this.policy.windowMs - now) / 1000));
      throw new ProblemError('too_many_requests', `Te veel verzoeken; probeer het over ${retryAfter} seconden opnieuw.`, [], { 'Retry-After': String(retryAfter) });
    }
  }
}
