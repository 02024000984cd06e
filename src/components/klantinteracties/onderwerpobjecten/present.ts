import type { JsonRecord } from '../../../platform/database/tables/klantinteracties.ts';
import { objectIdentificator } from '../shared/groups.ts';
import type { KlantRow } from '../shared/rows.ts';
import { optionalForeignKey, resourceUrl, type ForeignKey } from '../shared/urls.ts';

export type OnderwerpobjectRow = KlantRow<'ki_onderwerpobjecten'>;

/** The `Onderwerpobject` resource: what a klantcontact was about (a zaak, a product, …). */
export interface OnderwerpobjectJson {
  uuid: string;
  url: string;
  klantcontact: ForeignKey | null;
  wasKlantcontact: ForeignKey | null;
  onderwerpobjectidentificator: JsonRecord | null;
}

/** An onderwerpobject as API JSON. */
export function presentOnderwerpobject(row: OnderwerpobjectRow, base: string): OnderwerpobjectJson {
  return {
    uuid: row.uuid,
    url: resourceUrl(base, 'onderwerpobjecten', row.uuid),
    klantcontact: optionalForeignKey(base, 'klantcontacten', row.klantcontact_uuid),
    wasKlantcontact: optionalForeignKey(base, 'klantcontacten', row.was_klantcontact_uuid),
    onderwerpobjectidentificator: objectIdentificator(row),
  };
}
