import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { AfsprakenTables } from './tables/afspraken.ts';
import type { AutorisatiesTables } from './tables/autorisaties.ts';
import type { BesluitenTables } from './tables/besluiten.ts';
import type { CatalogiTypenTables } from './tables/catalogi-typen.ts';
import type { DocumentenTables } from './tables/documenten.ts';
import type { EformulierenTables } from './tables/eformulieren.ts';
import type { KennisbankTables } from './tables/kennisbank.ts';
import type { KlantinteractiesTables } from './tables/klantinteracties.ts';
import type { NotificatiesTables } from './tables/notificaties.ts';
import type { PortaalTables } from './tables/portaal.ts';
import type { FinancienTables } from './tables/financien.ts';
import type { FinancienInstellingenTables } from './tables/financien-instellingen.ts';
import type { MijnOmgevingTables } from './tables/mijn-omgeving.ts';
import type { ZakenTables } from './tables/zaken.ts';
import type { TeamsTables } from './tables/teams.ts';
import type { ZaakafhandelingTables } from './tables/zaakafhandeling.ts';
import type { ZaakSectiesTables } from './tables/zaak-secties.ts';
import type { ContactverzoekenTables } from './tables/contactverzoeken.ts';
import type { KccTables } from './tables/kcc.ts';
import type { InzichtTables } from './tables/inzicht.ts';

/** Timestamps: written as Date or ISO string, read as Date. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json = ColumnType<unknown, string, string>;

export interface TenantsTable {
  id: Generated<string>;
  slug: string;
  name: string;
  rsin: string;
  hostnames: ColumnType<string[], string[] | undefined, string[]>;
  theme: ColumnType<Record<string, string>, string | undefined, string>;
  created_at: Timestamp;
  /** The portal's contact options (migration 0074); fields left out fall back to the defaults. */
  contact: ColumnType<Record<string, string>, string | undefined, string>;
}

export interface ApiClientsTable {
  id: Generated<string>;
  tenant_id: string;
  client_id: string;
  label: ColumnType<string, string | undefined, string>;
  /** Absent for a client id registered through the Autorisaties API before a beheerder gave it a secret. */
  secret_encrypted: string | null;
  applicatie_uuid: string;
  scopes: ColumnType<string[], string[] | undefined, string[]>;
  created_at: Timestamp;
}

export interface StaffUsersTable {
  id: Generated<string>;
  tenant_id: string;
  email: string;
  display_name: string;
  password_hash: string | null;
  totp_secret_encrypted: string | null;
  roles: ColumnType<string[], string[] | undefined, string[]>;
  disabled_at: NullableTimestamp;
  created_at: Timestamp;
  /** Last accepted TOTP time step (migration 0002): codes for this or an earlier step are refused. */
  totp_last_step: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface StaffSessionsTable {
  id_hash: string;
  tenant_id: string;
  user_id: string;
  csrf_token: string;
  mfa_passed_at: NullableTimestamp;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  ip: ColumnType<string, string | undefined, string>;
  user_agent: ColumnType<string, string | undefined, string>;
  /** sha256 of the sign-in form token (migration 0002): a resubmitted form replaces this session. */
  sign_in_form_hash: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface SignInAttemptsTable {
  id: Generated<number>;
  tenant_id: string;
  email: string;
  ip: string;
  succeeded: boolean;
  attempted_at: Timestamp;
}

export interface ProcessingActivitiesTable {
  tenant_id: string;
  id: string;
  name: string;
  purpose: string;
  legal_ground: string;
  confidential: ColumnType<boolean, boolean | undefined, boolean>;
  retention_years: ColumnType<number, number | undefined, number>;
}

export interface ProcessingLogTable {
  seq: Generated<number>;
  tenant_id: string;
  trace_id: string;
  operation_id: string;
  parent_operation_id: string | null;
  name: string;
  status_code: number;
  start_time: Timestamp;
  end_time: Timestamp;
  processing_activity_id: string;
  data_subject_id: string | null;
  data_subject_id_type: string | null;
  actor: string;
  foreign_operation: ColumnType<unknown, string | null, string | null>;
  attributes: Json;
  previous_hash: string;
  hash: string;
}

/** Last record and record count of each tenant's processing-log chain (migration 0003; kept by a trigger). */
export interface ProcessingLogHeadsTable {
  tenant_id: string;
  last_seq: number;
  last_hash: string;
  row_count: number;
}

export interface AudittrailTable {
  uuid: Generated<string>;
  tenant_id: string;
  bron: string;
  applicatie_id: ColumnType<string, string | undefined, string>;
  applicatie_weergave: ColumnType<string, string | undefined, string>;
  gebruikers_id: ColumnType<string, string | undefined, string>;
  gebruikers_weergave: ColumnType<string, string | undefined, string>;
  actie: string;
  actie_weergave: ColumnType<string, string | undefined, string>;
  resultaat: number;
  hoofd_object: string;
  resource: string;
  resource_url: string;
  resource_weergave: ColumnType<string, string | undefined, string>;
  toelichting: ColumnType<string, string | undefined, string>;
  request_id: ColumnType<string, string | undefined, string>;
  aanmaakdatum: Timestamp;
  oud: ColumnType<unknown, string | null, string | null>;
  nieuw: ColumnType<unknown, string | null, string | null>;
}

export interface OutboxTable {
  id: Generated<number>;
  tenant_id: string;
  kind: string;
  payload: Json;
  created_at: Timestamp;
  available_at: Timestamp;
  attempts: ColumnType<number, number | undefined, number>;
  locked_until: NullableTimestamp;
  locked_by: string | null;
  delivered_at: NullableTimestamp;
  failed_at: NullableTimestamp;
  last_error: string | null;
  /** The receiver the event goes to (migration 0041): few of one lane's events are leased at a time. */
  lane: ColumnType<string | null, string | null | undefined, string | null>;
}

/** Catalogi API: a CATALOGUS (migrations/0006). `begindatum_versie` is read as `YYYY-MM-DD` text by the repository. */
export interface CatalogussenTable {
  uuid: Generated<string>;
  tenant_id: string;
  domein: string;
  rsin: string;
  contactpersoon_beheer_naam: string;
  contactpersoon_beheer_telefoonnummer: ColumnType<string, string | undefined, string>;
  contactpersoon_beheer_emailadres: ColumnType<string, string | undefined, string>;
  naam: string | null;
  versie: string | null;
  begindatum_versie: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Generated<Date>;
}

/** Per-tenant form of generated zaak identificaties (migration 0007); no row means prefix 'ZAAK', 10 digits. */
export interface ZaakIdentificatieSettingsTable {
  tenant_id: string;
  prefix: ColumnType<string, string | undefined, string>;
  digits: ColumnType<number, number | undefined, number>;
}

/** Last zaak number issued per tenant and Europe/Amsterdam calendar year (migration 0007). */
export interface ZaakIdentificatieCountersTable {
  tenant_id: string;
  year: number;
  last_number: number;
}

/** Every table Loket's queries may touch. Components add theirs here. */
/**
 * Every table Loket has. Components with several tables keep their row types in `./tables/<component>.ts` and
 * join them here with one `extends` entry.
 */
export interface Database extends AutorisatiesTables, CatalogiTypenTables, ZakenTables, BesluitenTables, DocumentenTables, KennisbankTables, NotificatiesTables, PortaalTables, FinancienTables, MijnOmgevingTables, AfsprakenTables, EformulierenTables, KlantinteractiesTables, TeamsTables, ZaakafhandelingTables, ZaakSectiesTables, ContactverzoekenTables, KccTables, FinancienInstellingenTables, InzichtTables {
  tenants: TenantsTable;
  api_clients: ApiClientsTable;
  staff_users: StaffUsersTable;
  staff_sessions: StaffSessionsTable;
  sign_in_attempts: SignInAttemptsTable;
  processing_activities: ProcessingActivitiesTable;
  processing_log: ProcessingLogTable;
  processing_log_heads: ProcessingLogHeadsTable;
  audittrail: AudittrailTable;
  outbox: OutboxTable;
  zaak_identificatie_settings: ZaakIdentificatieSettingsTable;
  zaak_identificatie_counters: ZaakIdentificatieCountersTable;
  catalogussen: CatalogussenTable;
}

export type Tenant = Selectable<TenantsTable>;
export type NewTenant = Insertable<TenantsTable>;
export type StaffUser = Selectable<StaffUsersTable>;
export type ApiClient = Selectable<ApiClientsTable>;
