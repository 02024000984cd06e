import { describe, expect, it } from 'vitest';
import { canonicalJson, etagOf, ifNoneMatchMatches, parseEntityTags } from './etag.ts';

describe('ETag', () => {
  it('hashes the canonical JSON, so property order does not matter', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: null, e: 'x' }], c: undefined } })).toBe('{"a":{"d":[1,{"e":"x","f":null}]},"b":1}');
    expect(etagOf({ url: 'https://a.test/z/1', naam: 'x' })).toBe(etagOf({ naam: 'x', url: 'https://a.test/z/1' }));
  });

  it('is a quoted strong tag that changes with the representation, host included', () => {
    const etag = etagOf({ url: 'https://a.test/z/1' });
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(etagOf({ url: 'https://b.test/z/1' })).not.toBe(etag);
  });

  it('parses a list of entity tags, weak ones and * included', () => {
    expect(parseEntityTags('"a", W/"b" ,"c,d"')).toEqual(['"a"', 'W/"b"', '"c,d"']);
    expect(parseEntityTags('*')).toEqual(['*']);
    expect(parseEntityTags('geen-tag')).toEqual([]);
  });

  it('matches If-None-Match by weak comparison, and * always', () => {
    const etag = '"abc"';
    expect(ifNoneMatchMatches('"abc"', etag)).toBe(true);
    expect(ifNoneMatchMatches('"x", "abc"', etag)).toBe(true);
    expect(ifNoneMatchMatches('W/"abc"', etag)).toBe(true);
    expect(ifNoneMatchMatches('*', etag)).toBe(true);
    expect(ifNoneMatchMatches('"abcd"', etag)).toBe(false);
    expect(ifNoneMatchMatches('abc', etag)).toBe(false);
    expect(ifNoneMatchMatches(undefined, etag)).toBe(false);
  });
});
