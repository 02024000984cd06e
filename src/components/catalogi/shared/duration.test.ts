import { describe, expect, it } from 'vitest';
import { isIsoDuration } from './duration.ts';
import { amsterdamDate, isCalendarDate } from './geldigheid.ts';

describe('ISO 8601 durations (doorlooptijd, servicenorm, reactietermijn, …)', () => {
  it('accepts the forms catalogues use', () => {
    for (const value of ['P8W', 'P30D', 'P1Y', 'P1Y2M', 'P1Y2M10D', 'PT36H', 'P1DT12H', 'PT1.5S', 'P0.5D', 'P1W2D']) expect(isIsoDuration(value), value).toBe(true);
  });

  it('refuses what only looks like a duration', () => {
    for (const value of ['', 'P', 'PT', '8W', 'P8', 'P-1D', 'P1.5DT2H', 'P1D2Y', 'p8w', 'P8W ', 'zes weken', 'PT1H2D']) expect(isIsoDuration(value), value).toBe(false);
  });
});

describe('dates', () => {
  it('tells real calendar dates from look-alikes', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('1-1-2026')).toBe(false);
  });

  it('takes today in the Netherlands, not in UTC', () => {
    expect(amsterdamDate(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
    expect(amsterdamDate(new Date('2026-12-31T22:59:59Z'))).toBe('2026-12-31');
    expect(amsterdamDate(new Date('2026-12-31T23:00:00Z'))).toBe('2027-01-01');
  });
});
