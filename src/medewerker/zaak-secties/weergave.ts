/* How the zaak page's sections show dates, moments and sizes: Dutch, moments in Europe/Amsterdam. */

const DAY = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const MOMENT = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Amsterdam' });
const NUMBER = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });

/** A calendar day 'YYYY-MM-DD' as "5 januari 2026" (the text itself when it is no date). */
export function dagWeergave(day: string): string {
  const parsed = new Date(`${day.slice(0, 10)}T12:00:00Z`);
  return Number.isNaN(parsed.getTime()) ? day : DAY.format(parsed);
}

/** A moment with its time, in Amsterdam: "5 jan 2026 14:03". */
export function momentWeergave(moment: Date | string): string {
  const parsed = typeof moment === 'string' ? new Date(moment) : moment;
  return Number.isNaN(parsed.getTime()) ? String(moment) : MOMENT.format(parsed);
}

/** The ISO form of a moment, for a `datetime` attribute. */
export function isoMoment(moment: Date | string): string {
  const parsed = typeof moment === 'string' ? new Date(moment) : moment;
  return Number.isNaN(parsed.getTime()) ? '' : parsed.toISOString();
}

/** A size in bytes as people read it: "812 bytes", "1,5 kB", "12,3 MB". */
export function grootteWeergave(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined) return 'onbekend';
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${NUMBER.format(bytes / 1024)} kB`;
  return `${NUMBER.format(bytes / 1024 / 1024)} MB`;
}

const AANDUIDINGEN: Readonly<Record<string, string>> = {
  openbaar: 'Openbaar',
  beperkt_openbaar: 'Beperkt openbaar',
  intern: 'Intern',
  zaakvertrouwelijk: 'Zaakvertrouwelijk',
  vertrouwelijk: 'Vertrouwelijk',
  confidentieel: 'Confidentieel',
  geheim: 'Geheim',
  zeer_geheim: 'Zeer geheim',
};

/** A vertrouwelijkheidaanduiding as a label. */
export function aanduidingWeergave(aanduiding: string): string {
  return AANDUIDINGEN[aanduiding] ?? aanduiding;
}
