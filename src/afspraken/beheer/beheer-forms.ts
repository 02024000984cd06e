import { formatMinuut, parseMinuut } from '../amsterdam-time.ts';
import type { OpeningPeriod } from '../slots.ts';
import type { LocatieInput } from '../repository.ts';

/* Reading the beheer forms: every problem reported at once, beside its field, in words that say how to fix it. */

export interface BeheerFieldError {
  fieldId: string;
  message: string;
}

export type Read<T> = { ok: true; value: T } | { ok: false; errors: BeheerFieldError[] };

/** The Dutch weekday names, Monday first (ISO weekday = index + 1). */
export const WEEKDAGEN = ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'] as const;

/** A day's periods as the form shows them: "09:00-12:30, 13:30-17:00". */
export function formatPeriods(periods: readonly OpeningPeriod[], weekdag: number): string {
  return periods
    .filter((period) => period.weekdag === weekdag)
    .map((period) => `${formatMinuut(period.vanMinuut)}-${formatMinuut(period.totMinuut)}`)
    .join(', ');
}

/** Parses one day's periods; overlapping or reversed periods are refused. */
export function parsePeriods(text: string, weekdag: number): OpeningPeriod[] | string {
  const trimmed = text.trim();
  if (trimmed === '') return [];
  const periods: OpeningPeriod[] = [];
  for (const part of trimmed.split(/[,;]/)) {
    const [van, tot, ...rest] = part.split(/\s*[-–]\s*/);
    const vanMinuut = parseMinuut(van ?? '');
    const totMinuut = parseMinuut(tot ?? '');
    if (rest.length > 0 || vanMinuut === undefined || totMinuut === undefined) return 'Schrijf de tijden als 09:00-12:30, en meerdere perioden met een komma ertussen.';
    if (vanMinuut >= totMinuut) return `De periode ${part.trim()} eindigt niet na het begin.`;
    periods.push({ weekdag, vanMinuut, totMinuut });
  }
  periods.sort((a, b) => a.vanMinuut - b.vanMinuut);
  for (let index = 1; index < periods.length; index++) {
    const previous = periods[index - 1];
    const current = periods[index];
    if (previous && current && current.vanMinuut < previous.totMinuut) return 'De perioden overlappen elkaar.';
  }
  return periods;
}

export interface LocatieForm {
  naam?: string;
  adres?: string;
  postcode?: string;
  plaats?: string;
  actief?: string;
  [dag: string]: string | undefined;
}

/** A location's fields and its week of opening hours. */
export function readLocatieForm(form: LocatieForm): Read<{ locatie: LocatieInput; openingstijden: OpeningPeriod[] }> {
  const errors: BeheerFieldError[] = [];
  const naam = (form.naam ?? '').trim();
  const adres = (form.adres ?? '').trim();
  const postcode = (form.postcode ?? '').trim().toUpperCase();
  const plaats = (form.plaats ?? '').trim();
  if (naam === '' || naam.length > 100) errors.push({ fieldId: 'naam', message: 'Vul een naam in van hoogstens 100 tekens.' });
  if (adres === '' || adres.length > 200) errors.push({ fieldId: 'adres', message: 'Vul straat en huisnummer in.' });
  if (postcode !== '' && !/^[1-9][0-9]{3} ?[A-Z]{2}$/.test(postcode)) errors.push({ fieldId: 'postcode', message: 'Vul een postcode in zoals 1234 AB, of laat het veld leeg.' });
  if (plaats.length > 100) errors.push({ fieldId: 'plaats', message: 'De plaatsnaam mag hoogstens 100 tekens zijn.' });
  const openingstijden: OpeningPeriod[] = [];
  WEEKDAGEN.forEach((dag, index) => {
    const parsed = parsePeriods(form[dag] ?? '', index + 1);
    if (typeof parsed === 'string') errors.push({ fieldId: dag, message: `${dag[0]?.toUpperCase()}${dag.slice(1)}: ${parsed}` });
    else openingstijden.push(...parsed);
  });
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: { locatie: { naam, adres, postcode: postcode.replace(/^(\d{4}) ?/, '$1 '), plaats, actief: form.actief === 'ja' }, openingstijden } };
}

export interface ProductForm {
  product_slug?: string;
  naam?: string;
  duur?: string;
  actief?: string;
  [balies: string]: string | undefined;
}

/** A bookable product's fields and its counters per location (`balies-{locatie id}`; 0 or empty: not offered there). */
export function readProductForm(form: ProductForm, locatieIds: readonly string[], options: { nieuw: boolean }): Read<{ productSlug: string; naam: string; duurMinuten: number; actief: boolean; balies: Map<string, number> }> {
  const errors: BeheerFieldError[] = [];
  const productSlug = (form.product_slug ?? '').trim();
  const naam = (form.naam ?? '').trim();
  const duur = Number((form.duur ?? '').trim());
  if (options.nieuw && !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(productSlug)) errors.push({ fieldId: 'product_slug', message: 'Kies het product uit de kennisbank.' });
  if (naam === '' || naam.length > 100) errors.push({ fieldId: 'naam', message: 'Vul een naam in van hoogstens 100 tekens.' });
  if (!Number.isInteger(duur) || duur < 5 || duur > 240) errors.push({ fieldId: 'duur', message: 'Vul de duur in als een heel aantal minuten, van 5 tot en met 240.' });
  const balies = new Map<string, number>();
  for (const locatieId of locatieIds) {
    const raw = (form[`balies-${locatieId}`] ?? '').trim();
    const aantal = raw === '' ? 0 : Number(raw);
    if (!Number.isInteger(aantal) || aantal < 0 || aantal > 50) errors.push({ fieldId: `balies-${locatieId}`, message: 'Vul een aantal balies in van 0 tot en met 50.' });
    else if (aantal > 0) balies.set(locatieId, aantal);
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: { productSlug, naam, duurMinuten: duur, actief: form.actief === 'ja', balies } };
}
