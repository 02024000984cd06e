import { html, type SafeHtml } from '../../platform/http/html.ts';
import type { TermijnStand } from '../../components/zaken/termijnen/awb-termijnen.ts';

/*
 * The deadline badge: a word, not only a colour ("Te laat", "Risico", "Opgeschort"), so it reads the same for
 * someone who does not see colour and for a screen reader. On time and no deadline show nothing.
 */

const LABELS: Partial<Record<TermijnStand, string>> = { 'te-laat': 'Te laat', risico: 'Risico', opgeschort: 'Opgeschort' };

export function termijnBadge(stand: TermijnStand): SafeHtml {
  const label = LABELS[stand];
  return label === undefined ? html`` : html`<span class="loket-badge loket-badge--${stand}">${label}</span>`;
}

const DATUM = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const MOMENT = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Amsterdam' });

/** A 'YYYY-MM-DD' date as Dutch text ("27 april 2026"); a dash for none. */
export function datumTekst(date: string | null | undefined): string {
  if (!date) return '–';
  return DATUM.format(new Date(`${date}T00:00:00Z`));
}

/** An instant as Dutch date and time in Europe/Amsterdam. */
export function momentTekst(instant: Date): string {
  return MOMENT.format(instant);
}
