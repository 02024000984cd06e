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

  it('stays within its bytes by forgetting the oldest zaken not read since they were kept', () => {
    const json = Buffer.from('x'.repeat(400));
    const cache = new ZaakJsonCache(3 * (json.length + 2 * (1 + 3) + 128));
    cache.set('a', '1.0', json);
    cache.set('b', '1.0', json);
    cache.set('c', '1.0', json);
    expect(cache.get('a', '1.0')?.json).toBe(json);
    cache.set('d', '1.0', json);
    // a, the oldest, was read since it was kept and is spared; b, the next, was not.
    expect(cache.get('b', '1.0')).toBeUndefined();
    expect(['a', 'c', 'd'].map((key) => cache.get(key, '1.0') !== undefined)).toEqual([true, true, true]);
    expect(cache.size.bytes).toBeLessThanOrEqual(cache.maxBytes);
    // An entry larger than the whole cache is not kept and pushes nothing out.
    cache.set('e', '1.0', Buffer.from('y'.repeat(10_000)));
    expect(cache.get('e', '1.0')).toBeUndefined();
    expect(cache.size.entries).toBe(3);
  });

  it('spares a read zaak once: unread since, it goes in its turn', () => {
    const json = Buffer.from('x'.repeat(400));
    const cache = new ZaakJsonCache(2 * (json.length + 2 * (1 + 3) + 128));
    cache.set('a', '1.0', json);
    cache.set('b', '1.0', json);
    cache.get('a', '1.0');
    cache.set('c', '1.0', json);
    expect(cache.get('b', '1.0')).toBeUndefined();
    // Spared, a moved behind c: c is now the oldest unread zaak and goes first; a, unread since, goes next.
    cache.set('d', '1.0', json);
    expect(['a', 'c', 'd'].map((key) => cache.has(key))).toEqual([true, false, true]);
    cache.set('e', '1.0', json);
    expect(cache.has('a')).toBe(false);
    expect(cache.has('d')).toBe(true);
  });

  it('keeps a cache per database, since transaction ids are unique only within one', () => {
    const one = {};
    const other = {};
    expect(zaakJsonCacheFor(one)).toBe(zaakJsonCacheFor(one));
    expect(zaakJsonCacheFor(one)).not.toBe(zaakJsonCacheFor(other));
  });
});
