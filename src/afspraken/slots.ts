import { addDays, fromAmsterdam, isoWeekday } from './amsterdam-time.ts';

/*
 * Which appointment times a location offers for a product: pure logic over opening hours, closing days, the product's
 * appointment length, the location's counters for it and what is booked already. No clock and no database here, so
 * the rules can be tested on any date, including the weeks summer time starts and ends.
 */

/** One opening period on an ISO weekday, in Amsterdam wall-clock minutes after midnight. */
export interface OpeningPeriod {
  weekdag: number;
  vanMinuut: number;
  totMinuut: number;
}

export interface SlotRules {
  openingstijden: readonly OpeningPeriod[];
  /** Closed calendar days (`YYYY-MM-DD`). */
  gesloten: ReadonlySet<string>;
  duurMinuten: number;
  /** Residents served at once (counters for this product at this location). */
  capaciteit: number;
  /** Appointments booked per slot start (epoch milliseconds). */
  bezet: ReadonlyMap<number, number>;
  /** No slot starts before this instant (now plus the lead time a counter needs). */
  vroegst: Date;
}

/** One bookable time. */
export interface Slot {
  start: Date;
  eind: Date;
  /** The Amsterdam calendar day and start minute, for display and links. */
  datum: string;
  minuut: number;
  vrij: number;
}

/** Every slot of one calendar day with its free places, fully booked ones included (vrij 0), in time order. */
export function slotsOnDay(rules: SlotRules, datum: string): Slot[] {
  if (rules.gesloten.has(datum) || rules.capaciteit < 1 || rules.duurMinuten < 1) return [];
  const weekdag = isoWeekday(datum);
  const seen = new Set<number>();
  const slots: Slot[] = [];
  for (const period of rules.openingstijden) {
    if (period.weekdag !== weekdag) continue;
    // Slots follow each other from the start of the period; the last one ends by closing time.
    for (let minuut = period.vanMinuut; minuut + rules.duurMinuten <= period.totMinuut; minuut += rules.duurMinuten) {
      const start = fromAmsterdam(datum, minuut);
      // A wall-clock time skipped when summer time starts has no instant: no slot.
      if (start === undefined || seen.has(start.getTime())) continue;
      seen.add(start.getTime());
      if (start.getTime() < rules.vroegst.getTime()) continue;
      const vrij = Math.max(0, rules.capaciteit - (rules.bezet.get(start.getTime()) ?? 0));
      slots.push({ start, eind: new Date(start.getTime() + rules.duurMinuten * 60_000), datum, minuut, vrij });
    }
  }
  return slots.sort((a, b) => a.start.getTime() - b.start.getTime());
}

/** The days from `eersteDag` on (for `dagen` days) that have at least one free slot. */
export function daysWithFreeSlots(rules: SlotRules, eersteDag: string, dagen: number): string[] {
  const days: string[] = [];
  for (let offset = 0; offset < dagen; offset++) {
    const datum = addDays(eersteDag, offset);
    if (slotsOnDay(rules, datum).some((slot) => slot.vrij > 0)) days.push(datum);
  }
  return days;
}

/** The slot that starts at exactly `start`, if the rules offer one (free or not). */
export function slotAt(rules: SlotRules, datum: string, start: Date): Slot | undefined {
  return slotsOnDay(rules, datum).find((slot) => slot.start.getTime() === start.getTime());
}
