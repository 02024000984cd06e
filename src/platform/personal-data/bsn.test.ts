import { describe, expect, it } from 'vitest';
import { ProblemError } from '../errors/problem.ts';
import { assertValidBsn, isValidBsn } from './bsn.ts';

describe('BSN validation (11-proef)', () => {
  it('accepts nine digits that pass the 11-proef', () => {
    for (const bsn of ['111222333', '123456782', '999999990']) expect(isValidBsn(bsn)).toBe(true);
  });

  it('refuses a BSN that fails the 11-proef, has the wrong length, other characters or is all zeros', () => {
    for (const bsn of ['111222334', '12345678', '1234567820', '12345678a', ' 111222333', '111 222 333', '000000000', '']) expect(isValidBsn(bsn)).toBe(false);
  });

  it('refuses a malformed BSN with a 400 problem that names the field and does not echo the number', () => {
    const error = (() => {
      try {
        assertValidBsn('111222334', 'betrokkene.bsn');
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ProblemError);
    const problem = error as ProblemError;
    expect(problem.status).toBe(400);
    expect(problem.invalidParams).toEqual([{ name: 'betrokkene.bsn', code: 'invalid', reason: 'Het BSN voldoet niet aan de 11-proef.' }]);
    expect(problem.message).not.toContain('111222334');
    expect(() => assertValidBsn('12345')).toThrow(/negen cijfers/);
  });
});
