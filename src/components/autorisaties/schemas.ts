import { PAGE_PARAMETER } from '../../platform/zgw/pagination.ts';
import { VERTROUWELIJKHEIDAANDUIDINGEN } from '../../platform/auth/autorisaties.ts';

/*
 * Request schemas of the Autorisaties API 1.1 (autorisaties-1.1.0.yaml, Applicatie and AutorisatieBase). Query
 * strings are closed (an unknown parameter is a 400); bodies are open, so read-only fields a client echoes back
 * (`url`, `componentWeergave`) are ignored. The rules a schema cannot state (ac-001, ac-002, ac-003) are in rules.ts.
 */

/** The components an autorisatie may name in this version of the standard. */
export const AUTORISATIE_COMPONENTEN = ['ac', 'nrc', 'zrc', 'ztc', 'drc', 'brc'] as const;
export type AutorisatieComponentCode = (typeof AUTORISATIE_COMPONENTEN)[number];

/** `applicatie_list`. */
export const applicatieListQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { clientIds: { type: 'string' }, page: PAGE_PARAMETER },
} as const;

/**
 * `applicatie_consumer`: the one client id to look up. Required by the spec, which documents no 400 for this
 * operation: without one there is simply no applicatie to find (a 404, see service.ts).
 */
export const applicatieConsumerQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { clientId: { type: 'string' } },
} as const;

/** Operations without query parameters. */
export const noQuery = { type: 'object', additionalProperties: false, properties: {} } as const;

const URL_FIELD = { type: 'string', format: 'uri', maxLength: 1000 } as const;

const autorisatie = {
  type: 'object',
  required: ['component', 'scopes'],
  properties: {
    component: { type: 'string', enum: AUTORISATIE_COMPONENTEN },
    scopes: { type: 'array', items: { type: 'string', minLength: 1, maxLength: 100 } },
    zaaktype: URL_FIELD,
    informatieobjecttype: URL_FIELD,
    besluittype: URL_FIELD,
    maxVertrouwelijkheidaanduiding: { type: 'string', enum: VERTROUWELIJKHEIDAANDUIDINGEN },
  },
} as const;

const writableProperties = {
  clientIds: { type: 'array', items: { type: 'string', minLength: 1, maxLength: 50 } },
  label: { type: 'string', minLength: 1, maxLength: 100 },
  heeftAlleAutorisaties: { type: 'boolean' },
  alleenIsGereedVoorPublicatie: { type: 'boolean' },
  autorisaties: { type: 'array', items: autorisatie },
} as const;

/** `applicatie_create` and `applicatie_update`. */
export const applicatieBody = { type: 'object', required: ['clientIds', 'label'], properties: writableProperties } as const;

/** `applicatie_partial_update`. */
export const applicatiePatchBody = { type: 'object', properties: writableProperties } as const;

/** An autorisatie as a client sends it. */
export interface AutorisatieInput {
  component: AutorisatieComponentCode;
  scopes: string[];
  zaaktype?: string;
  informatieobjecttype?: string;
  besluittype?: string;
  maxVertrouwelijkheidaanduiding?: string;
}

/** An applicatie as a client sends it. */
export interface ApplicatieInput {
  clientIds: string[];
  label: string;
  heeftAlleAutorisaties?: boolean;
  alleenIsGereedVoorPublicatie?: boolean;
  autorisaties?: AutorisatieInput[];
}

export type ApplicatiePatch = Partial<ApplicatieInput>;

export interface ApplicatieListQuery {
  clientIds?: string;
  page?: number;
}
