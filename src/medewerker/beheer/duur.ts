import { isIsoDuration } from '../../components/catalogi/shared/duration.ts';

/*
 * Durations as a beheerder writes and reads them ("8 weken", "1 jaar en 6 maanden", "10 dagen") beside the ISO 8601
 * form the Catalogi API stores (P8W, P1Y6M, P10D). An ISO value typed in is accepted as it is.
 */

const UNITS: readonly { iso: string; time: boolean; one: string; many: string; words: readonly string[] }[] = [
  { iso: 'Y', time: false, one: 'jaar', many: 'jaar', words: ['jaar', 'jaren', 'j'] },
  { iso: 'M', time: false, one: 'maand', many: 'maanden', words: ['maand', 'maanden', 'mnd'] },
  { iso: 'W', time: false, one: 'week', many: 'weken', words: ['week', 'weken', 'wk'] },
  { iso: 'D', time: false, one: 'dag', many: 'dagen', words: ['dag', 'dagen', 'd'] },
  { iso: 'H', time: true, one: 'uur', many: 'uur', words: ['uur', 'uren', 'u'] },
  { iso: 'M', time: true, one: 'minuut', many: 'minuten', words: ['minuut', 'minuten', 'min'] },
];

/** How a duration can be written, for hints beside the fields. */
export const DUUR_HINT = 'Bijvoorbeeld "8 weken", "10 dagen" of "1 jaar en 6 maanden" (ISO 8601 zoals P8W mag ook).';

/**
 * The ISO 8601 duration for what was typed, or undefined when it is not a duration. Parts are joined by spaces,
 * commas or "en", each a whole number and a unit; every unit at most once, largest first.
 */
export function parseDuur(input: string): string | undefined {
  const text = input.trim();
  if (text === '') return undefined;
  if (isIsoDuration(text.toUpperCase())) return text.toUpperCase();
  const parts = text.toLowerCase().split(/\s*(?:,|\ben\b)\s*|\s+(?=\d)/).filter((part) => part !== '');
  const amounts = new Map<number, number>();
  let previous = -1;
  for (const part of parts) {
    const match = /^(\d{1,4})\s*([a-z]+)\.?$/.exec(part);
    if (!match) return undefined;
    const unit = UNITS.findIndex((candidate) => candidate.words.includes(match[2] ?? ''));
    if (unit === -1 || unit <= previous) return undefined;
    amounts.set(unit, Number(match[1]));
    previous = unit;
  }
  if (amounts.size === 0 || [...amounts.values()].every((amount) => amount === 0)) return undefined;
  let date = '';
  let time = '';
  for (const [unit, amount] of amounts) {
    const spec = UNITS[unit];
    if (!spec) continue;
    if (spec.time) time += `${amount}${spec.iso}`;
    else date += `${amount}${spec.iso}`;
  }
  return `P${date}${time ? `T${time}` : ''}`;
}

/** An ISO 8601 duration in words ("8 weken", "1 jaar en 6 maanden"); the value itself when it cannot be read. */
export function formatDuur(iso: string | null | undefined): string {
  if (iso === null || iso === undefined || iso === '') return '';
  const match = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(iso);
  if (!match) return iso;
  const words: string[] = [];
  UNITS.forEach((unit, index) => {
    const amount = match[index + 1];
    if (amount === undefined) return;
    const count = Number(amount);
    words.push(`${count} ${count === 1 ? unit.one : unit.many}`);
  });
  if (match[7] !== undefined) words.push(`${Number(match[7])} ${Number(match[7]) === 1 ? 'seconde' : 'seconden'}`);
  if (words.length === 0) return iso;
  return words.length === 1 ? (words[0] ?? iso) : `${words.slice(0, -1).join(', ')} en ${words.at(-1) ?? ''}`;
}
