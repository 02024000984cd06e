import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/database/schema.ts';
import { prepared } from '../../platform/database/prepared.ts';
import type { StaffZaakToegang } from '../toegang/zaak-toegang.ts';
import { collegasJson, collegasUit, type Collega, type CollegaRij } from './toewijzing.ts';
import { behandeldeZaaktypen, filterKeuzesJson, filterKeuzesUit, lijstTellingen, tellingenUit, type FilterKeuzes, type Lijst, type ResolvedFilter } from './werkvoorraad-query.ts';

/*
 * What the werkvoorraad shows around its list of zaken: the count of each list, the filter choices and the colleagues
 * a zaak may be given to. Read in one statement beside the page's zaken (two round trips a view instead of four), and
 * prepared, since the same member's views send the same text.
 */

export interface WerkvoorraadKader {
  counts: Record<Lijst, number>;
  keuzes: FilterKeuzes;
  collegas: Map<string, Collega[]>;
}

export async function readWerkvoorraadKader(db: Kysely<Database>, tenantId: string, toegang: StaffZaakToegang, staffUserId: string, resolved: ResolvedFilter): Promise<WerkvoorraadKader> {
  const result = await prepared(
    sql<Partial<Record<Lijst, string | number>> & { loket_keuzes: Parameters<typeof filterKeuzesUit>[0]; loket_collegas: CollegaRij[] | null }>`SELECT
      ${lijstTellingen(db, tenantId, toegang, staffUserId, resolved)},
      ${filterKeuzesJson(tenantId, toegang)} AS loket_keuzes,
      ${collegasJson(db, tenantId, behandeldeZaaktypen(toegang), toegang.identificaties)} AS loket_collegas`,
  ).execute(db);
  const row = result.rows[0];
  return { counts: tellingenUit(row), keuzes: filterKeuzesUit(row?.loket_keuzes), collegas: collegasUit(row?.loket_collegas) };
}
