import type { ColumnType } from 'kysely';

/* Inwonersportaal tables (migrations/0060). */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** A resident's or business's portal session (cookie `loket_inwoner`). */
export interface InwonerSessiesTable {
  id_hash: string;
  tenant_id: string;
  soort: 'bsn' | 'kvk';
  identificatie: string;
  naam: ColumnType<string, string | undefined, string>;
  e_mail: string | null;
  middel: string;
  betrouwbaarheidsniveau: string | null;
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
}

export interface PortaalTables {
  inwoner_sessies: InwonerSessiesTable;
}
