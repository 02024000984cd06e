import type { ColumnType, Generated } from 'kysely';

/* Counter appointments (migrations/0064). */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Defaulted<T> = ColumnType<T, T | undefined, T>;

/** A place with counters (town hall, service point). */
export interface AfspraakLocatiesTable {
  id: Generated<string>;
  tenant_id: string;
  naam: string;
  adres: string;
  postcode: Defaulted<string>;
  plaats: Defaulted<string>;
  actief: Defaulted<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** An opening period on an ISO weekday, in Europe/Amsterdam wall-clock minutes after midnight. */
export interface AfspraakOpeningstijdenTable {
  id: Generated<string>;
  tenant_id: string;
  locatie_id: string;
  weekdag: number;
  van_minuut: number;
  tot_minuut: number;
}

/** A closed day, for one location or (locatie_id null) for all. `datum` is read as `YYYY-MM-DD` text by the repository. */
export interface AfspraakSluitingsdagenTable {
  id: Generated<string>;
  tenant_id: string;
  locatie_id: string | null;
  datum: ColumnType<string, string, string>;
  omschrijving: Defaulted<string>;
}

/** A bookable product and the length of its appointments. */
export interface AfspraakProductenTable {
  id: Generated<string>;
  tenant_id: string;
  product_slug: string;
  naam: string;
  duur_minuten: number;
  actief: Defaulted<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** How many residents a location serves at once for a product. */
export interface AfspraakCapaciteitTable {
  tenant_id: string;
  product_id: string;
  locatie_id: string;
  balies: number;
}

export type AfspraakStatus = 'geboekt' | 'geannuleerd' | 'verplaatst';

/** One appointment; a change books a new row that points back at the one it replaces. */
export interface AfsprakenTable {
  id: Generated<string>;
  tenant_id: string;
  product_id: string;
  locatie_id: string;
  starttijd: Timestamp;
  eindtijd: Timestamp;
  plaats: number;
  naam: string;
  e_mail: string;
  telefoon: string | null;
  opmerking: Defaulted<string>;
  status: AfspraakStatus;
  beheer_token_hash: string;
  aanvraag_sleutel_hash: string;
  ics_uid: string;
  ics_volgnummer: Defaulted<number>;
  vorige_afspraak_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AfsprakenTables {
  afspraak_locaties: AfspraakLocatiesTable;
  afspraak_openingstijden: AfspraakOpeningstijdenTable;
  afspraak_sluitingsdagen: AfspraakSluitingsdagenTable;
  afspraak_producten: AfspraakProductenTable;
  afspraak_capaciteit: AfspraakCapaciteitTable;
  afspraken: AfsprakenTable;
}
