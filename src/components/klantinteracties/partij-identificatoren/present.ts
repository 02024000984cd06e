import type { KlantRow } from '../shared/rows.ts';
import { optionalForeignKey, resourceUrl, type ForeignKey } from '../shared/urls.ts';

export type PartijIdentificatorRow = KlantRow<'ki_partij_identificatoren'>;

/** The `PartijIdentificator` resource. */
export interface PartijIdentificatorJson {
  uuid: string;
  url: string;
  identificeerdePartij: ForeignKey | null;
  anderePartijIdentificator: string;
  partijIdentificator: { codeObjecttype: string; codeSoortObjectId: string; objectId: string; codeRegister: string };
  subIdentificatorVan: ForeignKey | null;
}

/** A partij identificator as API JSON. */
export function presentPartijIdentificator(row: PartijIdentificatorRow, base: string): PartijIdentificatorJson {
  return {
    uuid: row.uuid,
    url: resourceUrl(base, 'partij-identificatoren', row.uuid),
    identificeerdePartij: optionalForeignKey(base, 'partijen', row.partij_uuid),
    anderePartijIdentificator: row.andere_partij_identificator,
    partijIdentificator: { codeObjecttype: row.code_objecttype, codeSoortObjectId: row.code_soort_object_id, objectId: row.object_id, codeRegister: row.code_register },
    subIdentificatorVan: optionalForeignKey(base, 'partij-identificatoren', row.sub_identificator_van_uuid),
  };
}
