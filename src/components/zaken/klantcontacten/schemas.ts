import { PAGE_PARAMETER } from '../../../platform/zgw/pagination.ts';

/* Request schemas of the klantcontacten operations (KlantContact in zaken-1.7.0.yaml). */

/** `klantcontact_list`: exactly the spec's filters. */
export const klantcontactListQuery = { type: 'object', additionalProperties: false, properties: { zaak: { type: 'string' }, page: PAGE_PARAMETER } } as const;

/** `klantcontact_create`. `identificatie` is generated when absent. */
export const klantcontactBody = {
  type: 'object',
  required: ['zaak', 'datumtijd'],
  properties: {
    zaak: { type: 'string', minLength: 1, maxLength: 1000 },
    identificatie: { type: 'string', maxLength: 14 },
    datumtijd: { type: 'string', format: 'date-time' },
    kanaal: { type: 'string', maxLength: 20 },
    onderwerp: { type: 'string', maxLength: 200 },
    toelichting: { type: 'string', maxLength: 1000 },
  },
} as const;

export interface KlantcontactInput {
  zaak: string;
  identificatie?: string;
  datumtijd: string;
  kanaal?: string;
  onderwerp?: string;
  toelichting?: string;
}

export interface KlantcontactListQuery {
  zaak?: string;
  page?: number;
}
