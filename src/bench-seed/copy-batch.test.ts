import { describe, expect, it } from 'vitest';
import { copyField } from './copy-batch.ts';

describe('COPY text format fields', () => {
  it('writes NULL as \\N and booleans as t/f', () => {
    expect(copyField(null)).toBe('\\N');
    expect(copyField(true)).toBe('t');
    expect(copyField(false)).toBe('f');
  });

  it('writes instants in ISO 8601 UTC and numbers as digits', () => {
    expect(copyField(new Date('2024-03-05T07:08:09.010Z'))).toBe('2024-03-05T07:08:09.010Z');
    expect(copyField(42)).toBe('42');
    expect(() => copyField(Number.NaN)).toThrow(RangeError);
  });

  it('escapes the backslash and the characters that separate fields and rows', () => {
    expect(copyField('a\tb\nc\rd\\e')).toBe('a\\tb\\nc\\rd\\\\e');
    // The literal two characters \N are text, not NULL.
    expect(copyField('\\N')).toBe('\\\\N');
  });

  it('writes objects as JSON, escaped like any text', () => {
    expect(copyField({ toelichting: 'regel 1\nregel 2', pad: 'C:\\' })).toBe('{"toelichting":"regel 1\\\\nregel 2","pad":"C:\\\\\\\\"}');
  });

  it('writes string lists as array literals with every element quoted', () => {
    expect(copyField([])).toBe('{}');
    expect(copyField(['a', 'b,c', 'NULL', 'say "hi"'])).toBe('{"a","b,c","NULL","say \\\\"hi\\\\""}');
  });
});
