import { documentenResourceUrl, informatieobjectUrl } from '../shared/urls.ts';
import { VERZENDING_DATA_FIELDS } from './schemas.ts';
import type { VerzendingRow } from './repository.ts';

/** The `Verzending` resource (documenten-1.7.0.yaml). */
export type VerzendingJson = Record<string, unknown> & { url: string; _expand?: Record<string, unknown> };

/** Values of the fields a verzending was stored without. */
export const VERZENDING_DEFAULTS: Record<string, unknown> = {
  toelichting: '',
  ontvangstdatum: null,
  verzenddatum: null,
  contactpersoonnaam: '',
  binnenlandsCorrespondentieadres: null,
  buitenlandsCorrespondentieadres: null,
  correspondentiePostadres: null,
  faxnummer: null,
  emailadres: null,
  mijnOverheid: false,
  telefoonnummer: null,
};

export function presentVerzending(row: VerzendingRow, base: string): VerzendingJson {
  const json: VerzendingJson = {
    url: documentenResourceUrl(base, 'verzendingen', row.uuid),
    betrokkene: row.betrokkene,
    informatieobject: informatieobjectUrl(base, row.document_uuid),
    aardRelatie: row.aard_relatie,
  };
  for (const field of VERZENDING_DATA_FIELDS) json[field] = row.data[field] ?? VERZENDING_DEFAULTS[field];
  return json;
}
