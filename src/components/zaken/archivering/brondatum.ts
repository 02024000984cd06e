import { addIsoDuration, dateFromValue, latestDate } from './calendar.ts';

/*
 * zrc-021, step 2.1: the brondatum of the archiefprocedure, the day the archiefactietermijn starts counting. The
 * resultaattype's brondatumArchiefprocedure names where it comes from (its afleidingswijze); these functions read
 * it from the facts about the zaak that the service gathered. Pure, so every afleidingswijze is tested on its own.
 */

/** The nine afleidingswijzen of Catalogi 1.3 (BrondatumArchiefprocedure.afleidingswijze). */
export const AFLEIDINGSWIJZEN = [
  'afgehandeld',
  'ander_datumkenmerk',
  'eigenschap',
  'gerelateerde_zaak',
  'hoofdzaak',
  'ingangsdatum_besluit',
  'termijn',
  'vervaldatum_besluit',
  'zaakobject',
] as const;
export type Afleidingswijze = (typeof AFLEIDINGSWIJZEN)[number];

/** BrondatumArchiefprocedure as the resultaattype stores it (the Catalogi API's attribute names). */
export interface BrondatumArchiefprocedure {
  afleidingswijze: string;
  datumkenmerk?: string | null;
  einddatumBekend?: boolean | null;
  objecttype?: string | null;
  registratie?: string | null;
  procestermijn?: string | null;
}

/** What an afleidingswijze may read about the zaak being closed. */
export interface ZaakFacts {
  /** The date the zaak is closed on (its new einddatum). */
  einddatum: string;
  /** The hoofdzaak of a deelzaak (its einddatum is null while it is open); null for a zaak that is none. */
  hoofdzaak: { einddatum: string | null } | null;
  /** The zaak's zaakeigenschappen. */
  eigenschappen: readonly { naam: string; waarde: string }[];
  /** The zaak's zaakobjecten with their identification as stored. */
  zaakobjecten: readonly { objectType: string; objectIdentificatie: unknown }[];
  /** The einddatum of each of the zaak's relevanteAndereZaken known to this API (null while open). */
  gerelateerdeZaken: readonly { einddatum: string | null }[];
  /** The besluiten taken in the zaak. */
  besluiten: readonly { ingangsdatum: string; vervaldatum: string | null }[];
}

/**
 * The outcome: a date; `unknown` when the zaak does not (yet) supply it (the archiefactiedatum then stays empty,
 * zrc-021: "MAG er geen datum gezet worden"); `invalid` when the resultaattype's procedure or a stored value is
 * unusable, which the reference implementation refuses as `archiefactiedatum-error`.
 */
export type Brondatum = { kind: 'date'; date: string } | { kind: 'unknown'; reason: string } | { kind: 'invalid'; reason: string };

const date = (value: string): Brondatum => ({ kind: 'date', date: value });
const unknown = (reason: string): Brondatum => ({ kind: 'unknown', reason });
const invalidProcedure = (reason: string): Brondatum => ({ kind: 'invalid', reason });

export function isAfleidingswijze(value: unknown): value is Afleidingswijze {
  return typeof value === 'string' && (AFLEIDINGSWIJZEN as readonly string[]).includes(value);
}

/** The value at a dotted path (`overigeData.vervaldatum`) inside an object, or undefined. */
function valueAt(value: unknown, path: string): unknown {
  let node = value;
  for (const key of path.split('.')) {
    if (typeof node !== 'object' || node === null || Array.isArray(node)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/**
 * The latest date among stored values. An empty value counts as not filled in; a filled value that is no date
 * makes the whole outcome invalid (the archive date would otherwise rest on a guess).
 */
function latestOfValues(values: readonly unknown[], what: string, none: string): Brondatum {
  const dates: string[] = [];
  for (const value of values) {
    if (value === undefined || value === null || value === '') continue;
    const parsed = dateFromValue(value);
    if (parsed === undefined) return invalidProcedure(`${what} bevat geen geldige datum: ${JSON.stringify(value)}.`);
    dates.push(parsed);
  }
  const latest = latestDate(dates);
  return latest === undefined ? unknown(none) : date(latest);
}

function fromEigenschap(datumkenmerk: string, facts: ZaakFacts): Brondatum {
  const values = facts.eigenschappen.filter((eigenschap) => eigenschap.naam === datumkenmerk).map((eigenschap) => eigenschap.waarde);
  return latestOfValues(values, `De eigenschap "${datumkenmerk}"`, `De zaak heeft geen waarde voor de eigenschap "${datumkenmerk}".`);
}

function fromZaakobjecten(objecttype: string, datumkenmerk: string, facts: ZaakFacts): Brondatum {
  const values = facts.zaakobjecten.filter((zaakobject) => zaakobject.objectType === objecttype).map((zaakobject) => valueAt(zaakobject.objectIdentificatie, datumkenmerk));
  return latestOfValues(values, `Het attribuut "${datumkenmerk}" van een zaakobject van type ${objecttype}`, `Geen zaakobject van type ${objecttype} heeft een waarde voor "${datumkenmerk}".`);
}

function fromGerelateerdeZaken(facts: ZaakFacts): Brondatum {
  if (facts.gerelateerdeZaken.length === 0) return unknown('De zaak heeft geen gerelateerde zaken.');
  const latest = latestDate(facts.gerelateerdeZaken.flatMap((zaak) => (zaak.einddatum === null ? [] : [zaak.einddatum])));
  return latest === undefined ? unknown('Geen van de gerelateerde zaken is afgesloten.') : date(latest);
}

function fromBesluiten(facts: ZaakFacts, field: 'ingangsdatum' | 'vervaldatum'): Brondatum {
  if (facts.besluiten.length === 0) return unknown('Er zijn geen besluiten bij de zaak.');
  const latest = latestDate(facts.besluiten.flatMap((besluit) => (besluit[field] === null ? [] : [besluit[field]])));
  return latest === undefined ? unknown(`Geen van de besluiten bij de zaak heeft een ${field}.`) : date(latest);
}

/**
 * The brondatum for the procedure, from the facts about the zaak (zrc-021):
 * afgehandeld → the zaak's einddatum; hoofdzaak → the hoofdzaak's einddatum; eigenschap → the zaakeigenschap named
 * `datumkenmerk`; ander_datumkenmerk → not derivable (the archiefactiedatum is set by hand); zaakobject → the latest
 * `datumkenmerk` of the zaakobjecten of `objecttype`; termijn → einddatum + procestermijn; gerelateerde_zaak → the
 * latest einddatum of the related zaken; ingangsdatum_besluit / vervaldatum_besluit → the latest of the besluiten.
 */
export function deriveBrondatum(procedure: BrondatumArchiefprocedure, facts: ZaakFacts): Brondatum {
  const datumkenmerk = procedure.datumkenmerk ?? '';
  const objecttype = procedure.objecttype ?? '';
  const afleidingswijze = procedure.afleidingswijze;
  if (!isAfleidingswijze(afleidingswijze)) return invalidProcedure(`Onbekende afleidingswijze "${afleidingswijze}".`);
  switch (afleidingswijze) {
    case 'afgehandeld':
      return date(facts.einddatum);
    case 'hoofdzaak':
      if (facts.hoofdzaak === null) return unknown('De zaak is geen deelzaak van een hoofdzaak.');
      return facts.hoofdzaak.einddatum === null ? unknown('De hoofdzaak is nog niet afgesloten.') : date(facts.hoofdzaak.einddatum);
    case 'eigenschap':
      if (datumkenmerk === '') return invalidProcedure('Het resultaattype noemt geen datumkenmerk om de eigenschap te vinden.');
      return fromEigenschap(datumkenmerk, facts);
    case 'ander_datumkenmerk':
      return unknown('De brondatum volgt uit een ander datumkenmerk; de archiefactiedatum moet handmatig worden gezet.');
    case 'zaakobject':
      if (objecttype === '') return invalidProcedure('Het resultaattype noemt geen objecttype om het zaakobject te vinden.');
      if (datumkenmerk === '') return invalidProcedure('Het resultaattype noemt geen datumkenmerk van het zaakobject.');
      return fromZaakobjecten(objecttype, datumkenmerk, facts);
    case 'termijn': {
      if (!procedure.procestermijn) return invalidProcedure('Het resultaattype noemt geen procestermijn.');
      const end = addIsoDuration(facts.einddatum, procedure.procestermijn);
      return end === undefined ? invalidProcedure(`De procestermijn "${procedure.procestermijn}" is geen bruikbare periode.`) : date(end);
    }
    case 'gerelateerde_zaak':
      return fromGerelateerdeZaken(facts);
    case 'ingangsdatum_besluit':
      return fromBesluiten(facts, 'ingangsdatum');
    case 'vervaldatum_besluit':
      return fromBesluiten(facts, 'vervaldatum');
  }
}
