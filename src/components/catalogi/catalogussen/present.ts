import type { CatalogusRelations, CatalogusRow } from './repository.ts';

/** Where the Catalogi API is mounted. */
export const CATALOGI_ROOT = '/catalogi/api/v1';

/** The API's base URL as the caller reached it, e.g. `https://host/catalogi/api/v1`. */
export function catalogiBaseUrl(request: { protocol: string; host: string }): string {
  return `${request.protocol}://${request.host}${CATALOGI_ROOT}`;
}

/** The absolute URL of one catalogus. */
export function catalogusUrl(base: string, uuid: string): string {
  return `${base}/catalogussen/${uuid}`;
}

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
 * A catalogus as API JSON. The relation lists come from the zaaktypen, besluittypen and informatieobjecttypen
 * that belong to it (empty until those resources exist). `_expand` holds the expanded objects of the relations
 * asked for; with no related objects yet, each is an empty list.
 */
export function presentCatalogus(row: CatalogusRow, relations: CatalogusRelations, base: string, expand: readonly CatalogusExpandable[] = []): CatalogusJson {
  const json: CatalogusJson = {
    url: catalogusUrl(base, row.uuid),
    domein: row.domein,
    rsin: row.rsin,
    contactpersoonBeheerNaam: row.contactpersoon_beheer_naam,
    contactpersoonBeheerTelefoonnummer: row.contactpersoon_beheer_telefoonnummer,
    zaaktypen: relations.zaaktypen,
    besluittypen: relations.besluittypen,
    besluittypeOmschrijving: relations.besluittypeOmschrijving,
    informatieobjecttypen: relations.informatieobjecttypen,
    informatieobjecttypeOmschrijving: relations.informatieobjecttypeOmschrijving,
    naam: row.naam,
    versie: row.versie,
    begindatumVersie: row.begindatum_versie,
  };
  if (row.contactpersoon_beheer_emailadres !== '') json.contactpersoonBeheerEmailadres = row.contactpersoon_beheer_emailadres;
  if (expand.length > 0) json._expand = Object.fromEntries(expand.map((name) => [name, []]));
  return json;
}

/** How a catalogus is named in its audit trail. */
export function catalogusWeergave(row: CatalogusRow): string {
  return row.naam ? `${row.naam} (${row.domein} - ${row.rsin})` : `${row.domein} - ${row.rsin}`;
}
