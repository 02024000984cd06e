import { describe, expect, it } from 'vitest';
import { addIsoDuration, amsterdamDate, dateFromValue, isCalendarDate, latestDate, parseInstant } from './calendar.ts';

describe('archiving calendar', () => {
  describe('addIsoDuration', () => {
    it('adds years, months, weeks and days', () => {
      expect(addIsoDuration('2024-03-15', 'P10Y')).toBe('2034-03-15');
      expect(addIsoDuration('2024-03-15', 'P1Y6M')).toBe('2025-09-15');
      expect(addIsoDuration('2024-03-15', 'P6W')).toBe('2024-04-26');
      expect(addIsoDuration('2024-12-31', 'P1D')).toBe('2025-01-01');
      expect(addIsoDuration('2024-01-01', 'P1Y2M3W4D')).toBe('2025-03-26');
    });

    it('keeps the day of the month where it exists and otherwise takes the month end, as relativedelta does', () => {
      expect(addIsoDuration('2020-01-31', 'P1M')).toBe('2020-02-29');
      expect(addIsoDuration('2021-01-31', 'P1M')).toBe('2021-02-28');
      expect(addIsoDuration('2020-02-29', 'P1Y')).toBe('2021-02-28');
      expect(addIsoDuration('2020-02-29', 'P4Y')).toBe('2024-02-29');
      // Months first, then days: 31 January + 1 month = 29 February, + 1 day = 1 March.
      expect(addIsoDuration('2020-01-31', 'P1M1D')).toBe('2020-03-01');
    });

    it('counts the time part in whole days', () => {
      expect(addIsoDuration('2024-03-15', 'PT36H')).toBe('2024-03-16');
      expect(addIsoDuration('2024-03-15', 'PT23H59M')).toBe('2024-03-15');
    });

    it('gives undefined for what is no duration, a fractional year or month, or no real date', () => {
      expect(addIsoDuration('2024-03-15', '10 jaar')).toBeUndefined();
      expect(addIsoDuration('2024-03-15', 'P')).toBeUndefined();
      expect(addIsoDuration('2024-03-15', 'P1.5Y')).toBeUndefined();
      expect(addIsoDuration('2024-03-15', 'P0.5M')).toBeUndefined();
      expect(addIsoDuration('2024-02-30', 'P1Y')).toBeUndefined();
    });
  });

  describe('dateFromValue', () => {
    it('reads ISO dates and date-times by the date they were written with', () => {
      expect(dateFromValue('2024-03-01')).toBe('2024-03-01');
      expect(dateFromValue('2024-03-01T23:30:00+01:00')).toBe('2024-03-01');
      expect(dateFromValue('2024-03-01T10:00:00.123Z')).toBe('2024-03-01');
    });

    it('reads the eigenschap formats datum (jjjjmmdd) and datum_tijd (jjjjmmdduummss)', () => {
      expect(dateFromValue('20240301')).toBe('2024-03-01');
      expect(dateFromValue('20240301153000')).toBe('2024-03-01');
    });

    it('refuses what is no real date', () => {
      expect(dateFromValue('2024-02-30')).toBeUndefined();
      expect(dateFromValue('20241301')).toBeUndefined();
      expect(dateFromValue('1 maart 2024')).toBeUndefined();
      expect(dateFromValue(20240301)).toBeUndefined();
      expect(dateFromValue(null)).toBeUndefined();
    });
  });

  it('isCalendarDate knows leap years', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('2024-2-1')).toBe(false);
  });

  it('latestDate picks the latest and gives undefined for none', () => {
    expect(latestDate(['2024-01-02', '2025-01-01', '2024-12-31'])).toBe('2025-01-01');
    expect(latestDate([])).toBeUndefined();
  });

  describe('amsterdamDate and parseInstant', () => {
    it('takes the Europe/Amsterdam calendar date of an instant', () => {
      expect(amsterdamDate(new Date('2024-03-01T22:59:59Z'))).toBe('2024-03-01');
      expect(amsterdamDate(new Date('2024-03-01T23:00:00Z'))).toBe('2024-03-02');
      // Summer time: UTC+2.
      expect(amsterdamDate(new Date('2024-07-01T22:00:00Z'))).toBe('2024-07-02');
    });

    it('reads a date-time with Z or an offset as that instant', () => {
      expect(parseInstant('2024-03-01T10:00:00Z')?.toISOString()).toBe('2024-03-01T10:00:00.000Z');
      expect(parseInstant('2024-03-01T10:00:00+01:00')?.toISOString()).toBe('2024-03-01T09:00:00.000Z');
      expect(parseInstant('2024-03-01T10:00:00.5-0230')?.toISOString()).toBe('2024-03-01T12:30:00.500Z');
    });

    it('reads a date-time without an offset as Europe/Amsterdam wall-clock time, in winter and in summer', () => {
      expect(parseInstant('2024-01-15T12:00:00')?.toISOString()).toBe('2024-01-15T11:00:00.000Z');
      expect(parseInstant('2024-07-15T12:00')?.toISOString()).toBe('2024-07-15T10:00:00.000Z');
      // The night of the switch to summer time: 03:30 local exists only after the switch (UTC+2).
      expect(parseInstant('2024-03-31T03:30:00')?.toISOString()).toBe('2024-03-31T01:30:00.000Z');
    });

    it('refuses what is no date-time', () => {
      expect(parseInstant('2024-03-01')).toBeUndefined();
      expect(parseInstant('2024-02-30T10:00:00Z')).toBeUndefined();
      expect(parseInstant('2024-03-01T25:00:00Z')).toBeUndefined();
      expect(parseInstant('gisteren')).toBeUndefined();
    });
  });
});
