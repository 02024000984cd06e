import { describe, expect, it } from 'vitest';
import { addIsoDuration, parseIsoDuration } from './duration.ts';

describe('ISO 8601 durations on dates', () => {
  it('adds weeks, days, months and years', () => {
    expect(addIsoDuration('2026-03-02', 'P8W')).toBe('2026-04-27');
    expect(addIsoDuration('2026-03-02', 'P30D')).toBe('2026-04-01');
    expect(addIsoDuration('2026-03-02', 'P1Y2M3D')).toBe('2027-05-05');
    expect(addIsoDuration('2026-12-15', 'P1M')).toBe('2027-01-15');
  });

  it('clamps to the end of a shorter month, as the reference implementation does', () => {
    expect(addIsoDuration('2026-01-31', 'P1M')).toBe('2026-02-28');
    expect(addIsoDuration('2024-02-29', 'P1Y')).toBe('2025-02-28');
    expect(addIsoDuration('2026-01-31', 'P1M1D')).toBe('2026-03-01');
  });

  it('counts a time part in whole days reached', () => {
    expect(addIsoDuration('2026-03-02', 'PT36H')).toBe('2026-03-03');
    expect(addIsoDuration('2026-03-02', 'P1DT24H')).toBe('2026-03-04');
  });

  it('refuses what is no duration or no date', () => {
    expect(parseIsoDuration('P')).toBeUndefined();
    expect(parseIsoDuration('PT')).toBeUndefined();
    expect(parseIsoDuration('8 weken')).toBeUndefined();
    expect(parseIsoDuration('-P1D')).toBeUndefined();
    expect(addIsoDuration('2026-3-2', 'P1D')).toBeUndefined();
    expect(addIsoDuration('2026-03-02', 'P1X')).toBeUndefined();
  });
});
