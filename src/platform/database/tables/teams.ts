import type { Generated } from 'kysely';

/* Teams in the staff workspace and what each staff role may read (migrations/0078). */

export interface TeamsTable {
  id: Generated<string>;
  tenant_id: string;
  naam: string;
  created_at: Generated<Date>;
}

export interface TeamZaaktypenTable {
  team_id: string;
  tenant_id: string;
  zaaktype_identificatie: string;
}

export interface TeamLedenTable {
  team_id: string;
  tenant_id: string;
  staff_user_id: string;
}

export interface RolVertrouwelijkheidTable {
  tenant_id: string;
  rol: string;
  max_vertrouwelijkheidaanduiding: string;
}

export interface TeamsTables {
  teams: TeamsTable;
  team_zaaktypen: TeamZaaktypenTable;
  team_leden: TeamLedenTable;
  rol_vertrouwelijkheid: RolVertrouwelijkheidTable;
}
