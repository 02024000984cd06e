import { describe, expect, it } from 'vitest';
import { ProblemError } from '../errors/problem.ts';
import { RateLimiter } from './rate-limit.ts';

describe('rate limiter', () => {
  it('allows `limit` requests per window per client, then answers 429 with Retry-After until the window ends', () => {
    let now = 1_000_000;
    const limiter = new RateLimiter({ limit: 3, windowMs: 60_000 }, () => now);
    for (let index = 0; index < 3; index++) limiter.take('a');
    limiter.take('b');
    let refused: unknown;
    now += 15_000;
    try {
      limiter.take('a');
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(ProblemError);
    expect((refused as ProblemError).status).toBe(429);
    expect((refused as ProblemError).headers['Retry-After']).toBe('45');
    now += 45_000;
    expect(() => limiter.take('a')).not.toThrow();
  });
});
