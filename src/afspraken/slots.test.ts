import { describe, expect, it } from 'vitest';
import { daysWithFreeSlots, slotAt, slotsOnDay, type SlotRules } from './slots.ts';
import { fromAmsterdam, toAmsterdam } from './amsterdam-time.ts';

/** Monday to Friday 09:00–12:00 and 13:00–16:00; Thursday evening 18:00–20:00 as well. */
const WEEK: SlotRules['openingstijden'] = [
  ...[1, 2, 3, 4, 5].flatMap((weekdag) => [
    { weekdag, vanMinuut: 9 * 60, totMinuut: 12 * 60 },
    { weekdag, vanMinuut: 13 * 60, totMinuut: 16 * 60 },
  ]),
  { weekdag: 4, vanMinuut: 18 * 60, totMinuut: 20 * 60 },
];

function rules(overrides: Partial<SlotRules> = {}): SlotRules {
  return { openingstijden: WEEK, gesloten: new Set(), duurMinuten: 15, capaciteit: 2, bezet: new Map(), vroegst: new Date('2000-01-01T00:00:00Z'), ...overrides };
}

const times = (slots: { minuut: number }[]) => slots.map((slot) => `${String(Math.floor(slot.minuut / 60)).padStart(2, '0')}:${String(slot.minuut % 60).padStart(2, '0')}`);

describe('appointment slots from opening hours', () => {
  it('fills each opening period with back-to-back slots that end by closing time', () => {
    // Wednesday 2026-06-10.
    const slots = slotsOnDay(rules({ duurMinuten: 40 }), '2026-06-10');
    expect(times(slots)).toEqual(['09:00', '09:40', '10:20', '11:00', '13:00', '13:40', '14:20', '15:00']);
    expect(slots.every((slot) => slot.eind.getTime() - slot.start.getTime() === 40 * 60_000)).toBe(true);
    expect(slots.every((slot) => slot.vrij === 2)).toBe(true);
  });

  it('offers the extra evening period only on its weekday, and nothing at the weekend', () => {
    expect(times(slotsOnDay(rules({ duurMinuten: 60 }), '2026-06-11'))).toEqual(['09:00', '10:00', '11:00', '13:00', '14:00', '15:00', '18:00', '19:00']);
    expect(slotsOnDay(rules(), '2026-06-13')).toEqual([]);
    expect(slotsOnDay(rules(), '2026-06-14')).toEqual([]);
  });

  it('offers nothing on a closing day', () => {
    expect(slotsOnDay(rules({ gesloten: new Set(['2026-04-27']) }), '2026-04-27')).toEqual([]);
    expect(slotsOnDay(rules({ gesloten: new Set(['2026-04-27']) }), '2026-04-28')).not.toEqual([]);
  });

  it('counts booked places against the capacity and keeps a full slot with no free place', () => {
    const start = fromAmsterdam('2026-06-10', 9 * 60);
    const next = fromAmsterdam('2026-06-10', 9 * 60 + 15);
    if (!start || !next) throw new Error('no instant');
    const slots = slotsOnDay(rules({ bezet: new Map([[start.getTime(), 2], [next.getTime(), 1]]) }), '2026-06-10');
    expect(slots[0]?.vrij).toBe(0);
    expect(slots[1]?.vrij).toBe(1);
    expect(slots[2]?.vrij).toBe(2);
  });

  it('offers no slot before the earliest moment (now plus lead time)', () => {
    const vroegst = new Date('2026-06-10T12:05:00Z'); // 14:05 in Amsterdam (summer time)
    expect(times(slotsOnDay(rules({ duurMinuten: 30, vroegst }), '2026-06-10'))).toEqual(['14:30', '15:00', '15:30']);
  });

  it('lists only days that still have a free place', () => {
    const full = new Map<number, number>();
    for (const slot of slotsOnDay(rules({ duurMinuten: 60 }), '2026-06-10')) full.set(slot.start.getTime(), 2);
    const days = daysWithFreeSlots(rules({ duurMinuten: 60, bezet: full, gesloten: new Set(['2026-06-12']) }), '2026-06-08', 7);
    expect(days).toEqual(['2026-06-08', '2026-06-09', '2026-06-11']);
  });

  it('offers nothing without counters for the product', () => {
    expect(slotsOnDay(rules({ capaciteit: 0 }), '2026-06-10')).toEqual([]);
  });

  it('finds a requested slot only at a real slot start', () => {
    const r = rules({ duurMinuten: 20 });
    expect(slotAt(r, '2026-06-10', new Date('2026-06-10T07:20:00Z'))?.minuut).toBe(9 * 60 + 20);
    expect(slotAt(r, '2026-06-10', new Date('2026-06-10T07:25:00Z'))).toBeUndefined();
    expect(slotAt(r, '2026-06-10', new Date('2026-06-10T10:40:00Z'))).toBeUndefined();
  });
});

describe('appointment slots across the change of summer time in Europe/Amsterdam', () => {
  it('keeps opening hours in Dutch wall-clock time the week summer time starts (29 March 2026)', () => {
    const friday = slotsOnDay(rules({ duurMinuten: 60 }), '2026-03-27');
    const monday = slotsOnDay(rules({ duurMinuten: 60 }), '2026-03-30');
    // 09:00 is 08:00 UTC in winter and 07:00 UTC in summer.
    expect(friday[0]?.start.toISOString()).toBe('2026-03-27T08:00:00.000Z');
    expect(monday[0]?.start.toISOString()).toBe('2026-03-30T07:00:00.000Z');
    expect(times(monday)).toEqual(times(friday));
  });

  it('keeps opening hours in wall-clock time the week summer time ends (25 October 2026)', () => {
    const friday = slotsOnDay(rules({ duurMinuten: 60 }), '2026-10-23');
    const monday = slotsOnDay(rules({ duurMinuten: 60 }), '2026-10-26');
    expect(friday[0]?.start.toISOString()).toBe('2026-10-23T07:00:00.000Z');
    expect(monday[0]?.start.toISOString()).toBe('2026-10-26T08:00:00.000Z');
    expect(monday.map((slot) => toAmsterdam(slot.start).minuut)).toEqual(friday.map((slot) => toAmsterdam(slot.start).minuut));
  });

  it('skips wall-clock times that do not exist on the night summer time starts, and keeps real durations', () => {
    // A (fictional) night opening on Sunday 29 March 2026 from 01:00 to 04:00: 02:00–03:00 does not exist.
    const night = rules({ openingstijden: [{ weekdag: 7, vanMinuut: 60, totMinuut: 240 }], duurMinuten: 30 });
    const slots = slotsOnDay(night, '2026-03-29');
    expect(times(slots)).toEqual(['01:00', '01:30', '03:00', '03:30']);
    expect(slots.map((slot) => slot.start.toISOString())).toEqual(['2026-03-29T00:00:00.000Z', '2026-03-29T00:30:00.000Z', '2026-03-29T01:00:00.000Z', '2026-03-29T01:30:00.000Z']);
  });

  it('offers the hour that occurs twice on the night summer time ends only once', () => {
    const night = rules({ openingstijden: [{ weekdag: 7, vanMinuut: 120, totMinuut: 180 }], duurMinuten: 30 });
    const slots = slotsOnDay(night, '2026-10-25');
    expect(slots.map((slot) => slot.start.toISOString())).toEqual(['2026-10-25T00:00:00.000Z', '2026-10-25T00:30:00.000Z']);
  });
});
