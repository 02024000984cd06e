import { describe, expect, it } from 'vitest';
import { SearchResultCache } from './result-cache.ts';

describe('search result cache', () => {
  it('keeps at most its capacity, dropping the answer used longest ago', () => {
    const cache = new SearchResultCache<number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1);
    cache.set('c', 3);
    expect(cache.get('b')).toBeUndefined();
    expect([cache.get('a'), cache.get('c'), cache.size]).toEqual([1, 3, 2]);
  });

  it('keeps nothing at capacity 0, and shrinks when resized', () => {
    const cache = new SearchResultCache<number>(3);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.resize(1);
    expect([cache.get('a'), cache.get('b')]).toEqual([undefined, 2]);
    cache.resize(0);
    cache.set('c', 3);
    expect(cache.size).toBe(0);
  });
});
