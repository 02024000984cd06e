import type { ColumnType, Generated } from 'kysely';

/* The back office's own data about zaken (migrations/0088–0090): assignments, the history of suspensions, current statussen. */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableDateText = ColumnType<string | null, string | null | undefined, string | null>;

export interface ZaakToewijzingenTable {
  zaak_uuid: string;
  tenant_id: string;
  behandelaar_id: string;
  toegewezen_door: string | null;
  toegewezen_op: Timestamp;
  /** The rol "behandelaar" recorded in the Zaken API for this assignment, if the zaaktype has that roltype. */
  rol_uuid: string | null;
}

export interface ZaakOpschortingenTable {
  id: Generated<string>;
  tenant_id: string;
  zaak_uuid: string;
  reden: string;
  /** 'YYYY-MM-DD'. */
  begindatum: string;
  /** 'YYYY-MM-DD'; null while the suspension runs. */
  einddatum: NullableDateText;
  opgeschort_door: string | null;
  hervat_door: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Generated<Date>;
}

/** A legal deadline the Algemene termijnenwet moved to the next working day, with its Awb count (migrations/0105). */
export interface ZaakAtwTermijnenTable {
  zaak_uuid: string;
  tenant_id: string;
  /** 'YYYY-MM-DD': the deadline as the Awb counts it. */
  uiterlijk_voor_atw: string;
  /** 'YYYY-MM-DD': the zaak's uiterlijkeEinddatumAfdoening the Atw moved it to. */
  uiterlijk: string;
}

/** Each zaak's latest status, kept by a trigger on statussen (migrations/0090). */
export interface ZaakHuidigeStatusTable {
  zaak_uuid: string;
  tenant_id: string;
  statustype_uuid: string;
  datum_status_gezet: Timestamp;
}

export interface ZaakafhandelingTables {
  zaak_huidige_status: ZaakHuidigeStatusTable;
  zaak_toewijzingen: ZaakToewijzingenTable;
  zaak_opschortingen: ZaakOpschortingenTable;
  zaak_atw_termijnen: ZaakAtwTermijnenTable;
}
