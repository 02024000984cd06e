import { PAGE_PARAMETER } from '../../../platform/zgw/pagination.ts';
import { BETROKKENE_TYPES, IDENTIFICATION_FILTERS, type IdentificationFilter } from './betrokkene-identificatie.ts';

/*
 * Request schemas of the rollen operations, named and bounded as in zaken-1.7.0.yaml (Rol). Query strings are
 * closed; the body is open (read-only fields a client echoes back are ignored). `betrokkeneIdentificatie` depends on
 * `betrokkeneType` (the spec's discriminator), so the service checks it (./betrokkene-identificatie.ts).
 */

const OMSCHRIJVINGEN_GENERIEK = ['adviseur', 'behandelaar', 'belanghebbende', 'beslisser', 'initiator', 'klantcontacter', 'zaakcoordinator', 'mede_initiator'];

const identificationFilters = Object.fromEntries(Object.keys(IDENTIFICATION_FILTERS).map((name) => [name, { type: 'string' }])) as Record<IdentificationFilter, { type: 'string' }>;

/** `rol_list`: exactly the spec's filters. */
export const rolListQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    zaak: { type: 'string' },
    betrokkene: { type: 'string' },
    betrokkeneType: { type: 'string', enum: BETROKKENE_TYPES },
    ...identificationFilters,
    roltype: { type: 'string' },
    omschrijving: { type: 'string' },
    omschrijvingGeneriek: { type: 'string', enum: OMSCHRIJVINGEN_GENERIEK },
    page: PAGE_PARAMETER,
    expand: { type: 'string' },
  },
} as const;

/** `rol_retrieve` / `rol_headers`. */
export const rolRetrieveQuery = { type: 'object', additionalProperties: false, properties: { expand: { type: 'string' } } } as const;

/** ContactPersoonRol. */
const contactpersoonRol = {
  type: ['object', 'null'],
  required: ['naam'],
  properties: {
    emailadres: { type: 'string', maxLength: 254, pattern: '^$|^[^@\\s]+@[^@\\s]+$' },
    functie: { type: 'string', maxLength: 50 },
    telefoonnummer: { type: 'string', maxLength: 20 },
    naam: { type: 'string', maxLength: 40 },
  },
} as const;

/** `rol_create` (Rol, with the betrokkeneIdentificatie of its betrokkeneType). */
export const rolBody = {
  type: 'object',
  required: ['zaak', 'betrokkeneType', 'roltype', 'roltoelichting'],
  properties: {
    zaak: { type: 'string', minLength: 1, maxLength: 1000 },
    betrokkene: { type: 'string', maxLength: 1000, pattern: '^$|^https?://\\S+$' },
    betrokkeneType: { type: 'string', enum: BETROKKENE_TYPES },
    afwijkendeNaamBetrokkene: { type: 'string', maxLength: 625 },
    roltype: { type: 'string', minLength: 1, maxLength: 1000 },
    roltoelichting: { type: 'string', maxLength: 1000 },
    indicatieMachtiging: { type: 'string', enum: ['gemachtigde', 'machtiginggever', ''] },
    contactpersoonRol: contactpersoonRol,
    betrokkeneIdentificatie: { type: ['object', 'null'] },
  },
} as const;

/** The ContactPersoonRol group. */
export interface ContactpersoonRol {
  emailadres?: string;
  functie?: string;
  telefoonnummer?: string;
  naam: string;
}

/** The writable fields of a rol as a client sends them. */
export interface RolInput {
  zaak: string;
  betrokkene?: string;
  betrokkeneType: string;
  afwijkendeNaamBetrokkene?: string;
  roltype: string;
  roltoelichting: string;
  indicatieMachtiging?: string;
  contactpersoonRol?: ContactpersoonRol | null;
  betrokkeneIdentificatie?: Record<string, unknown> | null;
}

export type RolListQuery = {
  zaak?: string;
  betrokkene?: string;
  betrokkeneType?: string;
  roltype?: string;
  omschrijving?: string;
  omschrijvingGeneriek?: string;
  page?: number;
  expand?: string;
} & Partial<Record<IdentificationFilter, string>>;

export interface RolRetrieveQuery {
  expand?: string;
}
