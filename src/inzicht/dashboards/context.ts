import type { Kysely } from 'kysely';
import type { Database } from '../../platform/database/schema.ts';
import type { Filters } from '../filters.ts';
import type { ZaaktypeInfo } from '../cijfers/zaaktypen.ts';

/** What every dashboard builder reads from. */
export interface DashboardContext {
  db: Kysely<Database>;
  tenantId: string;
  filters: Filters;
  /** Today in Europe/Amsterdam: "overdue" and "past review" are measured against it. */
  vandaag: string;
  zaaktypen: ReadonlyMap<string, ZaaktypeInfo>;
  teams: readonly { id: string; naam: string; zaaktypen: readonly string[] }[];
  /** Whether the portal signs in through a DigiD/eHerkenning broker. */
  inlogmiddel: boolean;
}
