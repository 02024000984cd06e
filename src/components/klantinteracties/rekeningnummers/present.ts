import type { KlantRow } from '../shared/rows.ts';
import { optionalForeignKey, resourceUrl, type ForeignKey } from '../shared/urls.ts';

export type RekeningnummerRow = KlantRow<'ki_rekeningnummers'>;

/** The `Rekeningnummer` resource: a partij's bank account. */
export interface RekeningnummerJson {
  uuid: string;
  url: string;
  partij: ForeignKey | null;
  iban: string;
  bic?: string;
}

/** A rekeningnummer as API JSON; an empty bic is left out (the spec's bic has at least 8 characters). */
export function presentRekeningnummer(row: RekeningnummerRow, base: string): RekeningnummerJson {
  return {
    uuid: row.uuid,
    url: resourceUrl(base, 'rekeningnummers', row.uuid),
    partij: optionalForeignKey(base, 'partijen', row.partij_uuid),
    iban: row.iban,
    ...(row.bic === '' ? {} : { bic: row.bic }),
  };
}
