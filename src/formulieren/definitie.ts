/*
 * An e-form as data: steps with fields, conditions that show a step or field, and per field its validation and the
 * zaaktype eigenschap, informatieobjecttype or roltype its answer becomes. Beheerders edit it; the portal renders it;
 * the submission turns its answers into a zaak. Stored as JSON (eformulieren.concept / .gepubliceerd).
 */

/** Every kind of field a form can have. */
export const VELD_TYPEN = ['tekst', 'tekstvlak', 'getal', 'datum', 'keuze', 'adres', 'bsn', 'iban', 'email', 'telefoon', 'bestand'] as const;
export type VeldType = (typeof VELD_TYPEN)[number];

/** How a beheerder calls each field type. */
export const VELD_TYPE_NAMEN: Record<VeldType, string> = {
  tekst: 'Tekst (één regel)',
  tekstvlak: 'Lange tekst',
  getal: 'Getal',
  datum: 'Datum',
  keuze: 'Keuze',
  adres: 'Adres (postcode en huisnummer)',
  bsn: 'BSN',
  iban: 'IBAN (rekeningnummer)',
  email: 'E-mailadres',
  telefoon: 'Telefoonnummer',
  bestand: 'Bestand uploaden',
};

/** How a choice is shown: one of several (radio, select) or any number (checkboxes). */
export const KEUZE_WEERGAVEN = ['radio', 'select', 'checkboxes'] as const;
export type KeuzeWeergave = (typeof KEUZE_WEERGAVEN)[number];

/** What a field can be filled in with from the signed-in identity. */
export const PREFILL_BRONNEN = ['bsn', 'kvk', 'naam', 'email'] as const;
export type PrefillBron = (typeof PREFILL_BRONNEN)[number];

/** Show a step or field only when another field's answer is one of these values (for checkboxes: any of them ticked). */
export interface Voorwaarde {
  veld: string;
  is: string[];
}

export interface KeuzeOptie {
  waarde: string;
  label: string;
}

export interface Veld {
  /** Lower-case letters, digits and hyphens; unique in the form. Also the form field's name. */
  id: string;
  type: VeldType;
  label: string;
  hulptekst?: string;
  verplicht: boolean;
  voorwaarde?: Voorwaarde;
  /** The zaaktype eigenschap (by naam) the answer is stored in. */
  eigenschap?: string;
  prefill?: PrefillBron;
  /** tekst, tekstvlak. */
  maxLengte?: number;
  /** tekst: a regular expression the whole answer must match, with the message shown when it does not. */
  patroon?: string;
  patroonMelding?: string;
  /** getal. */
  min?: number;
  max?: number;
  /** datum: the earliest and latest day allowed, in days from today (negative: in the past; 0: today). */
  minDagen?: number;
  maxDagen?: number;
  /** keuze. */
  weergave?: KeuzeWeergave;
  opties?: KeuzeOptie[];
  /** bsn: several numbers, one per line (e.g. the persons moving along), each becoming a rol of this roltype. */
  meerdere?: boolean;
  roltype?: string;
  /** bestand: allowed media types, largest size, and the informatieobjecttype (by omschrijving) the document gets. */
  bestandstypen?: string[];
  maxBytes?: number;
  informatieobjecttype?: string;
}

export interface Stap {
  /** Lower-case letters, digits and hyphens; unique in the form; part of the step's URL. */
  id: string;
  titel: string;
  uitleg?: string;
  voorwaarde?: Voorwaarde;
  velden: Veld[];
}

export interface FormulierDefinitie {
  titel: string;
  /** Shown on the start page. */
  inleiding: string;
  /** The zaak's omschrijving (at most 80 characters). */
  zaakomschrijving: string;
  /** When set, the filled-in form itself is added to the zaak as a document of this informatieobjecttype. */
  formulierInformatieobjecttype?: string;
  stappen: Stap[];
}

/** A Dutch address as the resident gives it. */
export interface AdresAntwoord {
  postcode: string;
  huisnummer: string;
  toevoeging: string;
}

/** One field's answer: text, ticked choices, an address; a file field's answer is the file (kept apart). */
export type Antwoord = string | string[] | AdresAntwoord;
export type Antwoorden = Record<string, Antwoord>;

/** An uploaded file, as the draft keeps it. */
export interface Bestand {
  veld: string;
  bestandsnaam: string;
  formaat: string;
  grootte: number;
}

/** Default largest upload: 10 MB. */
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
/** No field may accept more than this (the draft keeps files in the database). */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
/** Default allowed upload types: photos and PDF. */
export const DEFAULT_BESTANDSTYPEN = ['image/jpeg', 'image/png', 'application/pdf'];

export function isAdresAntwoord(value: unknown): value is AdresAntwoord {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as AdresAntwoord).postcode === 'string';
}

/** Every field of the form, in order. */
export function alleVelden(definitie: FormulierDefinitie): Veld[] {
  return definitie.stappen.flatMap((stap) => stap.velden);
}
