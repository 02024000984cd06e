import { describe, expect, it } from 'vitest';
import { ZaakJsonCache, zaakJsonCacheFor } from './zaak-json-cache.ts';

describe('ZaakJsonCache', () => {
  it('answers only for the version kept, and keeps one version per zaak', () => {
    const cache = new ZaakJsonCache(10_000);
    cache.set('a', '1.0', Buffer.from('{"v":1}'));
    expect(cache.get('a', '1.0')?.json.toString()).toBe('{"v":1}');
    expect(cache.get('a', '2.0')).toBeUndefined();
    cache.set('a', '2.0', Buffer.from('{"v":2}'));
    expect(cache.get('a', '1.0')).toBeUndefined();
    expect(cache.get('a', '2.0')?.json.toString()).toBe('{"v":2}');
    expect(cache.size.entries).toBe(1);
  });

  it('stays within its bytes by forgetting the least recently used zaken first', () => {
    const json = Buffer.from('x'.repeat(400));
    const cache = new ZaakJsonCache(3 * (json.length + 2 * (1 + 3) + 128));
    cache.set('a', '1.0', json);
    cache.set('b', '1.0', json);
    cache.set('c', '1.0', json);
    expect(cache.get('a', '1.0')?.json).toBe(json);
    cache.set('d', '1.0', json);
    // b was used least recently (a was read after c was added).
    expect(cache.get('b', '1.0')).toBeUndefined();
    expect(['a', 'c', 'd'].map((key) => cache.get(key, '1.0') !== undefined)).toEqual([true, true, true]);
    expect(cache.size.bytes).toBeLessThanOrEqual(cache.maxBytes);
    // An entry larger than the whole cache is not kept and pushes nothing out.
    cache.set('e', '1.0', Buffer.from('y'.repeat(10_000)));
    expect(cache.get('e', '1.0')).toBeUndefined();
    expect(cache.size.entries).toBe(3);
  });

  it('keeps a cache per database, since transaction ids are unique only within one', () => {
    const one = {};
    const other = {};
    expect(zaakJsonCacheFor(one)).toBe(zaakJsonCacheFor(one));
    expect(zaakJsonCacheFor(one)).not.toBe(zaakJsonCacheFor(other));
  });
});
