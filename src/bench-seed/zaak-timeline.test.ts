import { describe, expect, it } from 'vitest';
import { amsterdamYear } from '../components/zaken/identificatie.ts';
import { createZaakTimeline } from './zaak-timeline.ts';

const NOW = new Date('2026-03-18T09:30:00Z');

describe('the registration timeline of seeded zaken', () => {
  it('registers zaken in number order on working days between 06:00 and 16:00 UTC, up to yesterday', () => {
    const timeline = createZaakTimeline(5000, 3, NOW);
    expect(timeline.lastDay).toBe('2026-03-17');
    const problems: string[] = [];
    let previous = 0;
    for (let index = 0; index < timeline.count; index++) {
      const at = timeline.createdAt(index);
      if (at.getTime() < previous) problems.push(`${index} earlier than ${index - 1}`);
      previous = at.getTime();
      if (at.getUTCHours() < 6 || at.getUTCHours() >= 16) problems.push(`${index} at ${at.toISOString()}`);
      if (at.getUTCDay() === 0 || at.getUTCDay() === 6) problems.push(`${index} in a weekend`);
    }
    expect(problems).toEqual([]);
    expect(timeline.createdAt(0).toISOString().slice(0, 10) >= timeline.firstDay).toBe(true);
    expect(timeline.createdAt(4999).toISOString().slice(0, 10) <= timeline.lastDay).toBe(true);
  });

  it('splits the numbers into consecutive blocks per Amsterdam year, covering every zaak once', () => {
    for (const count of [1, 7, 1000, 123_457]) {
      const timeline = createZaakTimeline(count, 4, NOW);
      expect(timeline.years.reduce((sum, range) => sum + range.count, 0)).toBe(count);
      let next = 0;
      for (const range of timeline.years) {
        expect(range.firstIndex).toBe(next);
        next += range.count;
        expect(amsterdamYear(timeline.createdAt(range.firstIndex))).toBe(range.year);
        expect(amsterdamYear(timeline.createdAt(range.firstIndex + range.count - 1))).toBe(range.year);
      }
    }
  });

  it('refuses a count or span that is not a positive whole number', () => {
    expect(() => createZaakTimeline(0, 3, NOW)).toThrow(RangeError);
    expect(() => createZaakTimeline(10, 0, NOW)).toThrow(RangeError);
    expect(() => createZaakTimeline(10, 3, NOW).createdAt(10)).toThrow(RangeError);
  });
});
