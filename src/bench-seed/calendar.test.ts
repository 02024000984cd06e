import { describe, expect, it } from 'vitest';
import { addDays, addPeriod, daysBetween, periodDays, workingDays } from './calendar.ts';

describe('date arithmetic for seeded zaken', () => {
  it('adds days across month and year ends', () => {
    expect(addDays('2023-12-30', 3)).toBe('2024-01-02');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
  });

  it('adds periods calendar-wise, ending a month on its last day when the day does not exist', () => {
    expect(addPeriod('2024-01-31', 'P1M')).toBe('2024-02-29');
    expect(addPeriod('2023-01-31', 'P1M')).toBe('2023-02-28');
    expect(addPeriod('2024-02-29', 'P1Y')).toBe('2025-02-28');
    expect(addPeriod('2024-05-10', 'P1Y6M')).toBe('2025-11-10');
    expect(addPeriod('2024-05-10', 'P8W')).toBe('2024-07-05');
    expect(addPeriod('2024-05-10', 'P42D')).toBe('2024-06-21');
    expect(periodDays('P2W', '2024-01-01')).toBe(14);
  });

  it('refuses periods it cannot add exactly', () => {
    expect(() => addPeriod('2024-01-01', 'PT5H')).toThrow(RangeError);
    expect(() => addPeriod('2024-01-01', 'P')).toThrow(RangeError);
  });

  it('lists the working days, Monday to Friday', () => {
    // 2024-06-07 is a Friday.
    expect(workingDays('2024-06-07', '2024-06-11')).toEqual(['2024-06-07', '2024-06-10', '2024-06-11']);
  });
});
