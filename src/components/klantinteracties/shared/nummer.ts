import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';

/** The kinds of resource that get a generated `nummer`. */
export type NummerSoort = 'partij' | 'klantcontact' | 'internetaak';

/**
 * The next free `nummer` of this kind in the tenant, as ten digits ("0000000001"), like the reference
 * implementation's. Counted in the write's own transaction: a rolled-back write gives its number back. A client
 * may also set a nummer itself; the counter then skips past it when it is numeric, so the two never collide.
 */
export async function nextNummer(db: Kysely<Database>, tenantId: string, soort: NummerSoort): Promise<string> {
  const { rows } = await sql<{ last_number: number }>`
    INSERT INTO ki_nummers (tenant_id, soort, last_number) VALUES (${tenantId}, ${soort}, 1)
    ON CONFLICT (tenant_id, soort) DO UPDATE SET last_number = ki_nummers.last_number + 1
    RETURNING last_number`.execute(db);
  const next = Number(rows[0]?.last_number ?? 1);
  return String(next).padStart(10, '0');
}

/** Moves the counter past a nummer a client chose, so generated numbers never meet it. */
export async function reserveNummer(db: Kysely<Database>, tenantId: string, soort: NummerSoort, nummer: string): Promise<void> {
  if (!/^\d{1,10}$/.test(nummer)) return;
  await sql`
    INSERT INTO ki_nummers (tenant_id, soort, last_number) VALUES (${tenantId}, ${soort}, ${Number(nummer)})
    ON CONFLICT (tenant_id, soort) DO UPDATE SET last_number = greatest(ki_nummers.last_number, excluded.last_number)`.execute(db);
}
