import { PAGE_PARAMETER } from '../../../platform/zgw/pagination.ts';

/*
 * Request schemas of the statussen operations, named and bounded as in zaken-1.7.0.yaml (Status). Query strings
 * are closed; the body is open (read-only fields a client echoes back are ignored). `datumStatusGezet` is read by
 * the service, which also accepts a moment without a UTC offset (Europe/Amsterdam), as the reference
 * implementation does.
 */

/** `status_list`: exactly the spec's filters. */
export const statusListQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    zaak: { type: 'string' },
    statustype: { type: 'string' },
    indicatieLaatstGezetteStatus: { type: 'string', enum: ['true', 'false'] },
    page: PAGE_PARAMETER,
    expand: { type: 'string' },
  },
} as const;

/** `status_retrieve` / `status_headers`. */
export const statusRetrieveQuery = { type: 'object', additionalProperties: false, properties: { expand: { type: 'string' } } } as const;

/** `status_create` (Status). */
export const statusBody = {
  type: 'object',
  required: ['zaak', 'statustype', 'datumStatusGezet'],
  properties: {
    zaak: { type: 'string', minLength: 1, maxLength: 1000 },
    statustype: { type: 'string', minLength: 1, maxLength: 1000 },
    datumStatusGezet: { type: 'string', minLength: 1 },
    statustoelichting: { type: 'string', maxLength: 1000 },
    gezetdoor: { type: 'string', maxLength: 200 },
  },
} as const;

/** The writable fields of a status as a client sends them. */
export interface StatusInput {
  zaak: string;
  statustype: string;
  datumStatusGezet: string;
  statustoelichting?: string;
  gezetdoor?: string;
}

export interface StatusListQuery {
  zaak?: string;
  statustype?: string;
  indicatieLaatstGezetteStatus?: 'true' | 'false';
  page?: number;
  expand?: string;
}

export interface StatusRetrieveQuery {
  expand?: string;
}
