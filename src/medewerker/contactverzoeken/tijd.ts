import { toonDatum } from '../../formulieren/dagen.ts';

/* Moments as Dutch readers expect them, in the Netherlands' time. */

const MOMENT = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });

/** dd-mm-jjjj hh:mm. */
export function toonMoment(moment: Date | string): string {
  return MOMENT.format(new Date(moment)).replace(',', '');
}

export { toonDatum };
