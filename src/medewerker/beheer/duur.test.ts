import { describe, expect, it } from 'vitest';
import { formatDuur, parseDuur } from './duur.ts';

describe('durations in words and in ISO 8601', () => {
  it('reads what a beheerder types', () => {
    expect(parseDuur('8 weken')).toBe('P8W');
    expect(parseDuur('10 dagen')).toBe('P10D');
    expect(parseDuur('1 dag')).toBe('P1D');
    expect(parseDuur('1 jaar en 6 maanden')).toBe('P1Y6M');
    expect(parseDuur('2 jaar, 3 weken')).toBe('P2Y3W');
    expect(parseDuur('36 uur')).toBe('PT36H');
    expect(parseDuur('Drie Weken')).toBeUndefined();
    expect(parseDuur('p6w')).toBe('P6W');
    expect(parseDuur('P1Y2M')).toBe('P1Y2M');
  });

  it('refuses what is not a duration', () => {
    expect(parseDuur('')).toBeUndefined();
    expect(parseDuur('acht weken')).toBeUndefined();
    expect(parseDuur('8')).toBeUndefined();
    expect(parseDuur('6 maanden en 1 jaar')).toBeUndefined();
    expect(parseDuur('0 dagen')).toBeUndefined();
    expect(parseDuur('P')).toBeUndefined();
    expect(parseDuur('8 fortnights')).toBeUndefined();
  });

  it('shows a stored duration in words', () => {
    expect(formatDuur('P8W')).toBe('8 weken');
    expect(formatDuur('P1D')).toBe('1 dag');
    expect(formatDuur('P1Y6M')).toBe('1 jaar en 6 maanden');
    expect(formatDuur('P1Y2M3D')).toBe('1 jaar, 2 maanden en 3 dagen');
    expect(formatDuur('PT36H')).toBe('36 uur');
    expect(formatDuur(null)).toBe('');
    expect(formatDuur('P1.5D')).toBe('P1.5D');
  });

  it('reads back what it writes', () => {
    for (const iso of ['P8W', 'P10D', 'P1Y6M', 'P2Y', 'P3M2W', 'PT4H']) expect(parseDuur(formatDuur(iso))).toBe(iso);
  });
});
