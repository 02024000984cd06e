import { describe, expect, it } from 'vitest';
import { expectedDecisionDate } from './mijn-zaken-page.ts';

describe('the decision date a resident sees in Mijn zaken', () => {
  const zaak = { startdatum: '2026-03-02', doorlooptijd: 'P8W', einddatumGepland: null, uiterlijkeEinddatumAfdoening: null };

  it('is the start date plus the doorlooptijd when nothing else is known', () => {
    expect(expectedDecisionDate(zaak)).toBe('2026-04-27');
  });

  it('is the planned end date when one was set', () => {
    expect(expectedDecisionDate({ ...zaak, einddatumGepland: '2026-04-10' })).toBe('2026-04-10');
  });

  it('follows the deadline a suspension or extension moved, before the planned end date', () => {
    expect(expectedDecisionDate({ ...zaak, einddatumGepland: '2026-04-10', uiterlijkeEinddatumAfdoening: '2026-05-11' })).toBe('2026-05-11');
  });
});
