import { presentBesluittype } from '../besluittypen/present.ts';
import { presentInformatieobjecttype } from '../informatieobjecttypen/present.ts';
import { catalogusUrl, resourceUrl } from '../shared/urls.ts';
import { presentZaaktype } from '../zaaktypen/present.ts';
import type { CatalogusRelations, CatalogusRow } from './repository.ts';

// Defined with the other Catalogi URLs; exported here too, where the catalogus resource has always offered them.
export { CATALOGI_ROOT, catalogiBaseUrl, catalogusUrl } from '../shared/urls.ts';

/** The relations `expand` may name on a catalogus (CatalogusEmbedded). */
export const CATALOGUS_EXPANDABLE = ['zaaktypen', 'besluittypen', 'informatieobjecttypen'] as const;
export type CatalogusExpandable = (typeof CATALOGUS_EXPANDABLE)[number];

/** The `Catalogus` resource (catalogi-1.3.3.yaml), with `_expand` when the client asked for it. */
export interface CatalogusJson {
  url: string;
  domein: string;
  rsin: string;
  contactpersoonBeheerNaam: string;
  contactpersoonBeheerTelefoonnummer: string;
  /** Left out when none is known: the spec types it `format: email`, which an empty string does not satisfy. */
  contactpersoonBeheerEmailadres?: string;
  zaaktypen: string[];
  besluittypen: string[];
  besluittypeOmschrijving: string[];
  informatieobjecttypen: string[];
  informatieobjecttypeOmschrijving: string[];
  naam: string | null;
  versie: string | null;
  begindatumVersie: string | null;
  _expand?: Partial<Record<CatalogusExpandable, unknown[]>>;
}

/**
 * A catalogus as API JSON. The relation lists name every version (concept or not) of the zaaktypen, besluittypen
 * and informatieobjecttypen that belong to it; `_expand` holds those objects for the relations asked for.
 */
export function presentCatalogus(row: CatalogusRow, relations: CatalogusRelations, base: string, expand: readonly CatalogusExpandable[] = []): CatalogusJson {
  const json: CatalogusJson = {
    url: catalogusUrl(base, row.uuid),
    domein: row.domein,
    rsin: row.rsin,
    contactpersoonBeheerNaam: row.contactpersoon_beheer_naam,
    contactpersoonBeheerTelefoonnummer: row.contactpersoon_beheer_telefoonnummer,
    zaaktypen: relations.zaaktypen.map((record) => resourceUrl(base, 'zaaktypen', record.row.uuid)),
    besluittypen: relations.besluittypen.map((record) => resourceUrl(base, 'besluittypen', record.row.uuid)),
    besluittypeOmschrijving: distinctNames(relations.besluittypen.map((record) => record.row.omschrijving)),
    informatieobjecttypen: relations.informatieobjecttypen.map((record) => resourceUrl(base, 'informatieobjecttypen', record.row.uuid)),
    informatieobjecttypeOmschrijving: distinctNames(relations.informatieobjecttypen.map((record) => record.row.omschrijving)),
    naam: row.naam,
    versie: row.versie,
    begindatumVersie: row.begindatum_versie,
  };
  if (row.contactpersoon_beheer_emailadres !== '') json.contactpersoonBeheerEmailadres = row.contactpersoon_beheer_emailadres;
  if (expand.length > 0) json._expand = Object.fromEntries(expand.map((name) => [name, expandedRelation(name, relations, base)]));
  return json;
}

function distinctNames(names: readonly string[]): string[] {
  return [...new Set(names.filter((name) => name !== ''))];
}

function expandedRelation(name: CatalogusExpandable, relations: CatalogusRelations, base: string): unknown[] {
  switch (name) {
    case 'zaaktypen':
      return relations.zaaktypen.map((record) => presentZaaktype(record, base));
    case 'besluittypen':
      return relations.besluittypen.map((record) => presentBesluittype(record, base));
    case 'informatieobjecttypen':
      return relations.informatieobjecttypen.map((record) => presentInformatieobjecttype(record, base));
  }
}

/** How a catalogus is named in its audit trail. */
export function catalogusWeergave(row: CatalogusRow): string {
  return row.naam ? `${row.naam} (${row.domein} - ${row.rsin})` : `${row.domein} - ${row.rsin}`;
}
