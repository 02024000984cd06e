import { documentenResourceUrl, informatieobjectUrl } from '../shared/urls.ts';
import type { GebruiksrechtRow } from './repository.ts';

/** The `Gebruiksrechten` resource (documenten-1.7.0.yaml). */
export interface GebruiksrechtJson {
  url: string;
  informatieobject: string;
  startdatum: string;
  einddatum: string | null;
  omschrijvingVoorwaarden: string;
  _expand?: Record<string, unknown>;
}

export function presentGebruiksrecht(row: GebruiksrechtRow, base: string): GebruiksrechtJson {
  return {
    url: documentenResourceUrl(base, 'gebruiksrechten', row.uuid),
    informatieobject: informatieobjectUrl(base, row.document_uuid),
    startdatum: row.startdatum.toISOString(),
    einddatum: row.einddatum === null ? null : row.einddatum.toISOString(),
    omschrijvingVoorwaarden: row.omschrijving_voorwaarden,
  };
}
