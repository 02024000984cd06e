import type { KlantRow } from '../shared/rows.ts';
import { foreignKey, resourceUrl, type ForeignKey } from '../shared/urls.ts';

export type VertegenwoordigingRow = KlantRow<'ki_vertegenwoordigingen'>;

/** The `Vertegenwoordigden` resource: one partij acting on behalf of another (a guardian, an authorised person). */
export interface VertegenwoordigingJson {
  uuid: string;
  url: string;
  vertegenwoordigendePartij: ForeignKey;
  vertegenwoordigdePartij: ForeignKey;
}

/** A vertegenwoordiging as API JSON. */
export function presentVertegenwoordiging(row: VertegenwoordigingRow, base: string): VertegenwoordigingJson {
  return {
    uuid: row.uuid,
    url: resourceUrl(base, 'vertegenwoordigingen', row.uuid),
    vertegenwoordigendePartij: foreignKey(base, 'partijen', row.vertegenwoordigende_partij_uuid),
    vertegenwoordigdePartij: foreignKey(base, 'partijen', row.vertegenwoordigde_partij_uuid),
  };
}
