import { describe, expect, it } from 'vitest';
import { isValidIban } from './rules.ts';

describe('IBAN check', () => {
  it('accepts IBANs whose check digits fit, with or without spaces and in any case', () => {
    expect(isValidIban('NL91ABNA0417164300')).toBe(true);
    expect(isValidIban('nl91 abna 0417 1643 00')).toBe(true);
    expect(isValidIban('DE89370400440532013000')).toBe(true);
  });

  it('refuses a changed digit and a malformed number', () => {
    expect(isValidIban('NL91ABNA0417164301')).toBe(false);
    expect(isValidIban('NL9ABNA0417164300')).toBe(false);
    expect(isValidIban('')).toBe(false);
  });
});
