import type { ColumnType, Generated } from 'kysely';

/* Notificaties API tables (migrations/0040). */

type TextWithDefault = ColumnType<string, string | undefined, string>;
type TextArray = ColumnType<string[], string[] | undefined, string[]>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** One kanaal of an abonnement with the kenmerken it filters on (`FilterGroup`). */
export interface AbonnementKanaal {
  naam: string;
  filters: Record<string, string>;
}

/** A kanaal registered through the API (Loket's own kanalen live in code). */
export interface NotificatiesKanalenTable {
  uuid: Generated<string>;
  tenant_id: string;
  naam: string;
  documentatie_link: TextWithDefault;
  filters: TextArray;
  created_at: Timestamp;
}

export interface NotificatiesAbonnementenTable {
  uuid: Generated<string>;
  tenant_id: string;
  callback_url: string;
  auth_encrypted: string;
  /** JSONB written as a JSON string, read parsed. */
  kanalen: ColumnType<AbonnementKanaal[], string | undefined, string>;
  client_id: TextWithDefault;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface NotificatiesFanoutsTable {
  outbox_id: number;
  tenant_id: string;
  afleveringen: number;
  created_at: Timestamp;
}

export interface NotificatiesTables {
  notificaties_kanalen: NotificatiesKanalenTable;
  notificaties_abonnementen: NotificatiesAbonnementenTable;
  notificaties_fanouts: NotificatiesFanoutsTable;
}
