import { isValidBsn } from '../../platform/personal-data/bsn.ts';

/*
 * What the agent identifies a caller by, checked before anything is looked up: a BSN passes the 11-proef, a KvK
 * number has eight digits, a name comes with a date of birth, an e-mail address and a phone number have their form.
 */

export const SLEUTELS = ['bsn', 'kvk', 'zaaknummer', 'naam', 'email', 'telefoon'] as const;
export type Sleutel = (typeof SLEUTELS)[number];

export const SLEUTEL_LABELS: Record<Sleutel, string> = {
  bsn: 'Burgerservicenummer (BSN)',
  kvk: 'KvK-nummer',
  zaaknummer: 'Zaaknummer',
  naam: 'Achternaam en geboortedatum',
  email: 'E-mailadres',
  telefoon: 'Telefoonnummer',
};

/** A checked look-up. */
export type Zoeksleutel =
  | { sleutel: 'bsn'; bsn: string }
  | { sleutel: 'kvk'; kvkNummer: string }
  | { sleutel: 'zaaknummer'; zaaknummer: string }
  | { sleutel: 'naam'; achternaam: string; geboortedatum: string }
  | { sleutel: 'email'; email: string }
  | { sleutel: 'telefoon'; telefoon: string };

/** A partij that does not exist yet, made when the agent links it. */
export type NieuwePartij =
  | { soort: 'persoon'; bsn: string; voornaam: string; voorvoegsel: string; achternaam: string }
  | { soort: 'organisatie'; kvkNummer: string; naam: string };

/** The form as the agent filled it in. */
export interface IdentificatieInvoer {
  sleutel?: string;
  waarde?: string;
  geboortedatum?: string;
}

/** A field's problem, by the id of the field it concerns. */
export type IdentificatieFouten = Partial<Record<'sleutel' | 'waarde' | 'geboortedatum', string>>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const VOORVOEGSELS = ['van der', 'van den', 'van de', 'van', 'de', 'den', 'der', 'ter', 'ten', 'te', "'t", 'in het', 'op de', 'la', 'le', 'du'];

/** Digits of a phone number in national form: 06-1234 5678, +31 6 12345678 and 0031612345678 are all 0612345678. */
export function telefoonCijfers(value: string): string {
  return value.replace(/[^0-9]/g, '').replace(/^(00)?31/, '0');
}

/** A surname as the rollen record it (geslachtsnaam): without the voorvoegsel the agent may have said with it. */
export function geslachtsnaam(value: string): string {
  const lower = value.trim().replace(/\s+/g, ' ');
  const prefix = VOORVOEGSELS.find((voorvoegsel) => lower.toLowerCase().startsWith(`${voorvoegsel} `));
  return prefix === undefined ? lower : lower.slice(prefix.length + 1);
}

/** A date of birth typed as dd-mm-jjjj (or jjjj-mm-dd) as an ISO date, or undefined when it is no real date. */
export function geboortedatum(value: string): string | undefined {
  const trimmed = value.trim();
  const dutch = /^(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{4})$/.exec(trimmed);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed);
  const [year, month, day] = dutch ? [dutch[3], dutch[2], dutch[1]] : iso ? [iso[1], iso[2], iso[3]] : [];
  if (year === undefined || month === undefined || day === undefined) return undefined;
  const date = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  const parsed = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date || parsed.getTime() > Date.now()) return undefined;
  return date;
}

/** The checked look-up, or the problems beside the fields. */
export function readZoeksleutel(invoer: IdentificatieInvoer): { sleutel?: Zoeksleutel; fouten: IdentificatieFouten } {
  const sleutel = invoer.sleutel;
  const waarde = (invoer.waarde ?? '').trim();
  if (!(SLEUTELS as readonly string[]).includes(sleutel ?? '')) return { fouten: { sleutel: 'Kies waarop u zoekt.' } };
  if (waarde === '') return { fouten: { waarde: 'Vul in waarop u zoekt.' } };
  switch (sleutel as Sleutel) {
    case 'bsn': {
      const bsn = waarde.replace(/[\s.-]/g, '');
      if (!/^\d{9}$/.test(bsn)) return { fouten: { waarde: 'Een BSN bestaat uit 9 cijfers.' } };
      if (!isValidBsn(bsn)) return { fouten: { waarde: 'Dit BSN klopt niet (het voldoet niet aan de 11-proef). Controleer de cijfers.' } };
      return { sleutel: { sleutel: 'bsn', bsn }, fouten: {} };
    }
    case 'kvk': {
      const kvkNummer = waarde.replace(/[\s.-]/g, '');
      if (!/^\d{8}$/.test(kvkNummer)) return { fouten: { waarde: 'Een KvK-nummer bestaat uit 8 cijfers.' } };
      return { sleutel: { sleutel: 'kvk', kvkNummer }, fouten: {} };
    }
    case 'zaaknummer':
      if (waarde.length > 40) return { fouten: { waarde: 'Een zaaknummer is hooguit 40 tekens.' } };
      return { sleutel: { sleutel: 'zaaknummer', zaaknummer: waarde }, fouten: {} };
    case 'naam': {
      const datum = geboortedatum(invoer.geboortedatum ?? '');
      const fouten: IdentificatieFouten = {};
      if (waarde.length > 200) fouten.waarde = 'Een achternaam is hooguit 200 tekens.';
      if ((invoer.geboortedatum ?? '').trim() === '') fouten.geboortedatum = 'Vul de geboortedatum in, bijvoorbeeld 31-12-1980.';
      else if (datum === undefined) fouten.geboortedatum = 'Dit is geen geldige geboortedatum. Schrijf bijvoorbeeld 31-12-1980.';
      if (datum === undefined || fouten.waarde !== undefined) return { fouten };
      return { sleutel: { sleutel: 'naam', achternaam: geslachtsnaam(waarde), geboortedatum: datum }, fouten: {} };
    }
    case 'email':
      if (!EMAIL.test(waarde) || waarde.length > 254) return { fouten: { waarde: 'Dit is geen geldig e-mailadres. Schrijf bijvoorbeeld naam@voorbeeld.nl.' } };
      return { sleutel: { sleutel: 'email', email: waarde.toLowerCase() }, fouten: {} };
    case 'telefoon': {
      const telefoon = telefoonCijfers(waarde);
      if (!/^0\d{9}$/.test(telefoon)) return { fouten: { waarde: 'Een telefoonnummer is 10 cijfers, bijvoorbeeld 0612345678 of +31 6 12345678.' } };
      return { sleutel: { sleutel: 'telefoon', telefoon }, fouten: {} };
    }
  }
}
