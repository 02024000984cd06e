import type { JsonRecord } from '../../../platform/database/tables/klantinteracties.ts';
import { objectIdentificator } from '../shared/groups.ts';
import type { KlantRow } from '../shared/rows.ts';
import { optionalForeignKey, resourceUrl, type ForeignKey } from '../shared/urls.ts';

export type BijlageRow = KlantRow<'ki_bijlagen'>;

/** The `Bijlage` resource: a document that (partly) describes a klantcontact's content. */
export interface BijlageJson {
  uuid: string;
  url: string;
  wasBijlageVanKlantcontact: ForeignKey | null;
  bijlageidentificator: JsonRecord | null;
}

/** A bijlage as API JSON. */
export function presentBijlage(row: BijlageRow, base: string): BijlageJson {
  return {
    uuid: row.uuid,
    url: resourceUrl(base, 'bijlagen', row.uuid),
    wasBijlageVanKlantcontact: optionalForeignKey(base, 'klantcontacten', row.klantcontact_uuid),
    bijlageidentificator: objectIdentificator(row),
  };
}
