import { VERTROUWELIJKHEIDAANDUIDINGEN } from '../../../platform/auth/autorisaties.ts';
import { PAGE_PARAMETER } from '../../../platform/zgw/pagination.ts';
import { listFilterProperties } from './filters.ts';
import type { Opschorting, Processobject, RelevanteZaak, Verlenging, ZaakKenmerk } from './present.ts';

/*
 * Request schemas of the zaak operations, named and bounded as in zaken-1.7.0.yaml (Zaak, PatchedZaak). Query
 * strings are closed (an unknown parameter is a 400). Bodies are open, as in the reference implementation: read-only
 * fields a client echoes back (`url`, `rollen`, `einddatum`, …) are ignored. What a schema cannot say (RSIN 11-proef,
 * the zaaktype, uniqueness, the geometry's shape) is checked in rules.ts and service.ts, listed with these findings.
 */

/** `zaak_list`: exactly the spec's filters, `expand`, `ordering` and `page`. */
export const zaakListQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { ...listFilterProperties(), page: PAGE_PARAMETER },
} as const;

/** `zaak_retrieve` / `zaak_headers`. */
export const zaakRetrieveQuery = { type: 'object', additionalProperties: false, properties: { expand: { type: 'string' } } } as const;

/** Operations without query parameters. */
export const noQuery = { type: 'object', additionalProperties: false, properties: {} } as const;

const URI = { type: 'string', format: 'uri', maxLength: 1000 } as const;
// Empty means "none" for the optional URL fields, as the reference implementation stores a blank value. A pattern
// rather than `format: 'uri'` next to an empty alternative, so a wrong value yields one problem instead of three.
const OPTIONAL_URI = { type: 'string', maxLength: 1000, pattern: '^$|^https?://[^\\s/?#]+[^\\s]*$' } as const;
const DATE = { type: 'string', format: 'date' } as const;
const NULLABLE_DATE = { type: ['string', 'null'], format: 'date' } as const;

const writableProperties = {
  identificatie: { type: 'string', maxLength: 40 },
  bronorganisatie: { type: 'string', maxLength: 9 },
  omschrijving: { type: 'string', maxLength: 80 },
  toelichting: { type: 'string', maxLength: 1000 },
  zaaktype: URI,
  registratiedatum: DATE,
  verantwoordelijkeOrganisatie: { type: 'string', maxLength: 9 },
  startdatum: DATE,
  einddatumGepland: NULLABLE_DATE,
  uiterlijkeEinddatumAfdoening: NULLABLE_DATE,
  publicatiedatum: NULLABLE_DATE,
  communicatiekanaal: OPTIONAL_URI,
  productenOfDiensten: { type: 'array', items: URI },
  vertrouwelijkheidaanduiding: { type: 'string', enum: VERTROUWELIJKHEIDAANDUIDINGEN },
  betalingsindicatie: { type: 'string', enum: ['', 'nvt', 'nog_niet', 'gedeeltelijk', 'geheel'] },
  laatsteBetaaldatum: { type: ['string', 'null'], format: 'date-time' },
  // The geometry's shape is checked in rules.ts, so a wrong one yields one clear problem instead of one per type.
  zaakgeometrie: { type: ['object', 'null'] },
  verlenging: {
    type: ['object', 'null'],
    required: ['reden', 'duur'],
    properties: { reden: { type: 'string', maxLength: 200 }, duur: { type: 'string', pattern: '^P(?!$)(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+S)?)?$' } },
  },
  opschorting: {
    type: ['object', 'null'],
    required: ['indicatie', 'reden'],
    properties: { indicatie: { type: 'boolean' }, reden: { type: 'string', maxLength: 200 } },
  },
  selectielijstklasse: OPTIONAL_URI,
  hoofdzaak: { type: ['string', 'null'], format: 'uri', minLength: 1, maxLength: 1000 },
  relevanteAndereZaken: {
    type: 'array',
    items: {
      type: 'object',
      required: ['url', 'aardRelatie'],
      properties: { url: { ...URI, minLength: 1 }, aardRelatie: { type: 'string', enum: ['vervolg', 'onderwerp', 'bijdrage'] } },
    },
  },
  kenmerken: {
    type: 'array',
    items: {
      type: 'object',
      required: ['kenmerk', 'bron'],
      properties: { kenmerk: { type: 'string', maxLength: 40 }, bron: { type: 'string', maxLength: 40 } },
    },
  },
  archiefnominatie: { type: ['string', 'null'], enum: ['blijvend_bewaren', 'vernietigen', '', null] },
  archiefstatus: { type: 'string', enum: ['nog_te_archiveren', 'gearchiveerd', 'gearchiveerd_procestermijn_onbekend', 'overgedragen'] },
  archiefactiedatum: NULLABLE_DATE,
  opdrachtgevendeOrganisatie: { type: 'string', maxLength: 9 },
  processobjectaard: { type: ['string', 'null'], maxLength: 200 },
  startdatumBewaartermijn: NULLABLE_DATE,
  processobject: {
    type: ['object', 'null'],
    required: ['datumkenmerk', 'identificatie', 'objecttype', 'registratie'],
    properties: {
      datumkenmerk: { type: 'string', maxLength: 250 },
      identificatie: { type: 'string', maxLength: 250 },
      objecttype: { type: 'string', maxLength: 250 },
      registratie: { type: 'string', maxLength: 250 },
    },
  },
} as const;

/** `zaak_create` (Zaak) and `zaak_update` (Zaak): the same required fields. */
export const zaakBody = {
  type: 'object',
  required: ['bronorganisatie', 'zaaktype', 'verantwoordelijkeOrganisatie', 'startdatum'],
  properties: writableProperties,
} as const;

/** `zaak_partial_update` (PatchedZaak): every field optional. */
export const zaakPatchBody = { type: 'object', properties: writableProperties } as const;

/** The writable fields of a zaak as a client sends them. */
export interface ZaakInput {
  identificatie?: string;
  bronorganisatie: string;
  omschrijving?: string;
  toelichting?: string;
  zaaktype: string;
  registratiedatum?: string;
  verantwoordelijkeOrganisatie: string;
  startdatum: string;
  einddatumGepland?: string | null;
  uiterlijkeEinddatumAfdoening?: string | null;
  publicatiedatum?: string | null;
  communicatiekanaal?: string;
  productenOfDiensten?: string[];
  vertrouwelijkheidaanduiding?: string;
  betalingsindicatie?: string;
  laatsteBetaaldatum?: string | null;
  zaakgeometrie?: Record<string, unknown> | null;
  verlenging?: Verlenging | null;
  opschorting?: Opschorting | null;
  selectielijstklasse?: string;
  hoofdzaak?: string | null;
  relevanteAndereZaken?: RelevanteZaak[];
  kenmerken?: ZaakKenmerk[];
  archiefnominatie?: string | null;
  archiefstatus?: string;
  archiefactiedatum?: string | null;
  opdrachtgevendeOrganisatie?: string;
  processobjectaard?: string | null;
  startdatumBewaartermijn?: string | null;
  processobject?: Processobject | null;
}

export type ZaakPatch = Partial<ZaakInput>;

export interface ZaakListQuery extends Record<string, unknown> {
  page?: number;
  expand?: string;
  ordering?: string;
}

export interface ZaakRetrieveQuery {
  expand?: string;
}
