import { flag, text, textList } from '../shared/data.ts';
import { resourceUrl } from '../shared/urls.ts';
import type { PresentedOwner } from '../zaaktype-onderdelen/owner.ts';
import { ownerJson } from '../zaaktype-onderdelen/present.ts';
import type { ResultaattypeRow } from './repository.ts';
import { omschrijvingGeneriek } from './selectielijst.ts';

/** BrondatumArchiefprocedure as the API shows it: every attribute, empty ones included. */
export type BrondatumJson = {
  afleidingswijze: string;
  datumkenmerk: string;
  einddatumBekend: boolean;
  objecttype: string;
  registratie: string;
  procestermijn: string | null;
};

/** The `ResultaatType` resource (catalogi-1.3.3.yaml), `_expand` added when asked for. */
export type ResultaattypeJson = {
  url: string;
  zaaktype: string;
  zaaktypeIdentificatie: string;
  omschrijving: string;
  resultaattypeomschrijving: string;
  omschrijvingGeneriek: string;
  selectielijstklasse: string;
  toelichting: string;
  /** '' (the spec's BlankEnum) when neither given nor derivable. */
  archiefnominatie: string;
  archiefactietermijn: string | null;
  brondatumArchiefprocedure: BrondatumJson | null;
  procesobjectaard: string | null;
  indicatieSpecifiek: boolean | null;
  procestermijn: string | null;
  catalogus: string;
  besluittypen: string[];
  besluittypeOmschrijving: string[];
  informatieobjecttypen: string[];
  informatieobjecttypeOmschrijving: string[];
  beginGeldigheid: string;
  eindeGeldigheid: string | null;
  beginObject: string;
  eindeObject: string | null;
  _expand?: Record<string, unknown>;
};

/** What presenting a resultaattype needs besides its row. */
export interface ResultaattypeContext {
  owner: PresentedOwner;
  /** The published versions, valid on the reference date, of the besluittypen and informatieobjecttypen it names. */
  besluittypen: readonly string[];
  informatieobjecttypen: readonly string[];
}

/** The absolute URL of one resultaattype. */
export function resultaattypeUrl(base: string, uuid: string): string {
  return resourceUrl(base, 'resultaattypen', uuid);
}

function nullableText(data: Record<string, unknown>, key: string): string | null {
  const value = data[key];
  return typeof value === 'string' ? value : null;
}

function brondatum(row: ResultaattypeRow): BrondatumJson | null {
  const stored = row.brondatum_archiefprocedure;
  if (stored === null) return null;
  return {
    afleidingswijze: text(stored, 'afleidingswijze'),
    datumkenmerk: text(stored, 'datumkenmerk'),
    einddatumBekend: flag(stored, 'einddatumBekend'),
    objecttype: text(stored, 'objecttype'),
    registratie: text(stored, 'registratie'),
    // An empty procestermijn is none (a duration is never empty).
    procestermijn: nullableText(stored, 'procestermijn') || null,
  };
}

/**
 * A resultaattype as API JSON. Its besluittypen and informatieobjecttypen are named by omschrijving and shown as
 * the URLs of the published versions valid on the reference date ("De url's die moeten worden teruggegeven").
 */
export function presentResultaattype(row: ResultaattypeRow, context: ResultaattypeContext, base: string): ResultaattypeJson {
  const zaaktype = ownerJson(context.owner, base);
  const indicatieSpecifiek = row.data.indicatieSpecifiek;
  return {
    url: resultaattypeUrl(base, row.uuid),
    zaaktype: zaaktype.zaaktype,
    zaaktypeIdentificatie: zaaktype.zaaktypeIdentificatie,
    omschrijving: row.omschrijving,
    resultaattypeomschrijving: row.resultaattypeomschrijving,
    omschrijvingGeneriek: omschrijvingGeneriek(row.resultaattypeomschrijving),
    selectielijstklasse: row.selectielijstklasse,
    toelichting: text(row.data, 'toelichting'),
    archiefnominatie: row.archiefnominatie ?? '',
    archiefactietermijn: row.archiefactietermijn,
    brondatumArchiefprocedure: brondatum(row),
    procesobjectaard: nullableText(row.data, 'procesobjectaard'),
    indicatieSpecifiek: typeof indicatieSpecifiek === 'boolean' ? indicatieSpecifiek : null,
    procestermijn: nullableText(row.data, 'procestermijn'),
    catalogus: zaaktype.catalogus,
    besluittypen: context.besluittypen.map((uuid) => resourceUrl(base, 'besluittypen', uuid)),
    besluittypeOmschrijving: textList(row.data, 'besluittypen'),
    informatieobjecttypen: context.informatieobjecttypen.map((uuid) => resourceUrl(base, 'informatieobjecttypen', uuid)),
    informatieobjecttypeOmschrijving: textList(row.data, 'informatieobjecttypen'),
    beginGeldigheid: zaaktype.beginGeldigheid,
    eindeGeldigheid: zaaktype.eindeGeldigheid,
    beginObject: zaaktype.beginObject,
    eindeObject: zaaktype.eindeObject,
  };
}

/** How a resultaattype is named in the audit trail. */
export function resultaattypeWeergave(row: ResultaattypeRow): string {
  return row.omschrijving;
}
