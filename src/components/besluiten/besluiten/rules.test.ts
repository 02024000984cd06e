import { describe, expect, it } from 'vitest';
import { amsterdamToday, besluitBodyProblems, datumProblem, rsinProblem, werkingsperiodeProblem } from './rules.ts';

describe('besluit rules without a database', () => {
  it("takes today's date in Europe/Amsterdam, also just after midnight there", () => {
    // 23:30 UTC on 31 December is 00:30 on 1 January in Amsterdam (CET, UTC+1).
    expect(amsterdamToday(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(amsterdamToday(new Date('2026-12-31T22:59:59Z'))).toBe('2026-12-31');
  });

  it('refuses a beslisdatum after today (future_not_allowed), accepts today', () => {
    const now = new Date('2026-06-15T21:30:00Z'); // 23:30 in Amsterdam
    expect(datumProblem('2026-06-15', now)).toBeUndefined();
    expect(datumProblem('2026-06-16', now)).toMatchObject({ name: 'datum', code: 'future_not_allowed' });
  });

  it('checks the RSIN 11-proef only on nine digits (the schema reports other forms)', () => {
    expect(rsinProblem('002220647')).toBeUndefined();
    expect(rsinProblem('123456789')).toMatchObject({ name: 'verantwoordelijkeOrganisatie', code: 'invalid' });
    expect(rsinProblem('12345')).toBeUndefined();
  });

  it('refuses a vervaldatum before the ingangsdatum, allows the same day and no vervaldatum', () => {
    expect(werkingsperiodeProblem('2026-02-01', '2026-01-31')).toMatchObject({ name: 'vervaldatum', code: 'invalid' });
    expect(werkingsperiodeProblem('2026-02-01', '2026-02-01')).toBeUndefined();
    expect(werkingsperiodeProblem('2026-02-01', null)).toBeUndefined();
  });

  it('lists every body problem at once and ignores a body that is no object', () => {
    const now = new Date('2026-06-15T10:00:00Z');
    expect(besluitBodyProblems({ verantwoordelijkeOrganisatie: '123456789', datum: '2027-01-01', ingangsdatum: '2026-02-01', vervaldatum: '2026-01-01' }, now).map((problem) => problem.name)).toEqual([
      'verantwoordelijkeOrganisatie',
      'datum',
      'vervaldatum',
    ]);
    expect(besluitBodyProblems(null, now)).toEqual([]);
  });
});
