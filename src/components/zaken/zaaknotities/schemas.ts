import { PAGE_PARAMETER, PAGE_SIZE_PARAMETER } from '../../../platform/zgw/pagination.ts';

/*
 * Request schemas of the zaaknotities operations (ZaakNotitieRequest, PatchedZaakNotitieRequest and the list filters
 * of zaken-1.7.0.yaml). One deviation: the spec types the `gerelateerdAan` filter as an integer (the reference
 * implementation's database key leaking into its generated schema) while describing it as the zaak's URL; Loket
 * has no integer keys and takes the URL, as the description says.
 */

const DATE_TIME = { type: 'string', format: 'date-time' } as const;

/** The date-time filters of `zaaknotitie_list`: exact and the four comparisons, for both dates. */
const dateFilters = Object.fromEntries(
  ['aanmaakdatum', 'wijzigingsdatum'].flatMap((field) => ['', '__gt', '__gte', '__lt', '__lte'].map((lookup) => [`${field}${lookup}`, DATE_TIME])),
);

/** `zaaknotitie_list`: exactly the spec's filters, with `page` and `pageSize`. */
export const zaaknotitieListQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    aangemaaktDoor: { type: 'string' },
    aangemaaktDoor__icontains: { type: 'string' },
    gerelateerdAan: { type: 'string' },
    notitieType: { type: 'string', enum: ['extern', 'intern'] },
    onderwerp: { type: 'string' },
    onderwerp__icontains: { type: 'string' },
    status: { type: 'string', enum: ['concept', 'definitief'] },
    tekst: { type: 'string' },
    tekst__icontains: { type: 'string' },
    page: PAGE_PARAMETER,
    pageSize: PAGE_SIZE_PARAMETER,
    ...dateFilters,
  },
} as const;

const writableProperties = {
  onderwerp: { type: 'string', minLength: 1, maxLength: 255 },
  tekst: { type: 'string', minLength: 1 },
  aangemaaktDoor: { type: 'string', maxLength: 255 },
  notitieType: { type: 'string', enum: ['intern', 'extern'] },
  status: { type: 'string', enum: ['concept', 'definitief'] },
  gerelateerdAan: { type: 'string', minLength: 1, maxLength: 1000 },
} as const;

/** `zaaknotitie_create` and `zaaknotitie_update` (ZaakNotitieRequest). */
export const zaaknotitieBody = { type: 'object', required: ['gerelateerdAan', 'onderwerp', 'tekst'], properties: writableProperties } as const;

/** `zaaknotitie_partial_update` (PatchedZaakNotitieRequest). */
export const zaaknotitiePatchBody = { type: 'object', properties: writableProperties } as const;

export interface ZaaknotitieInput {
  onderwerp: string;
  tekst: string;
  aangemaaktDoor?: string;
  notitieType?: 'intern' | 'extern';
  status?: 'concept' | 'definitief';
  gerelateerdAan: string;
}

export type ZaaknotitiePatch = Partial<ZaaknotitieInput>;

type DateLookup = '' | '__gt' | '__gte' | '__lt' | '__lte';

export type ZaaknotitieListQuery = {
  aangemaaktDoor?: string;
  aangemaaktDoor__icontains?: string;
  gerelateerdAan?: string;
  notitieType?: string;
  onderwerp?: string;
  onderwerp__icontains?: string;
  status?: string;
  tekst?: string;
  tekst__icontains?: string;
  page?: number;
  pageSize?: number;
} & Partial<Record<`${'aanmaakdatum' | 'wijzigingsdatum'}${DateLookup}`, string>>;
