import type { Kysely } from 'kysely';
import type { Database } from '../../platform/database/schema.ts';
import { plusDagen } from '../../formulieren/dagen.ts';
import { isWerkdag } from '../../platform/kalender/feestdagen.ts';

/* The deadline of a contactverzoek: a number of working days from today, per municipality. */

/** When a municipality set nothing: the usual KCC promise, "binnen twee werkdagen teruggebeld". */
export const STANDAARD_TERMIJN_WERKDAGEN = 2;

/** `date` plus `werkdagen` working days (Monday to Friday, public holidays not counted). */
export function plusWerkdagen(date: string, werkdagen: number): string {
  let current = date;
  let left = werkdagen;
  while (left > 0) {
    current = plusDagen(current, 1);
    if (isWerkdag(current)) left -= 1;
  }
  // Zero days from a Saturday or a holiday still lands on a working day.
  while (!isWerkdag(current)) current = plusDagen(current, 1);
  return current;
}

/** The municipality's default number of working days. */
export async function standaardTermijn(db: Kysely<Database>, tenantId: string): Promise<number> {
  const row = await db.selectFrom('contactverzoek_instellingen').select('standaard_termijn_werkdagen').where('tenant_id', '=', tenantId).executeTakeFirst();
  return row?.standaard_termijn_werkdagen ?? STANDAARD_TERMIJN_WERKDAGEN;
}

/** Sets the municipality's default number of working days. */
export async function setStandaardTermijn(db: Kysely<Database>, tenantId: string, werkdagen: number): Promise<void> {
  await db
    .insertInto('contactverzoek_instellingen')
    .values({ tenant_id: tenantId, standaard_termijn_werkdagen: werkdagen })
    .onConflict((conflict) => conflict.column('tenant_id').doUpdateSet({ standaard_termijn_werkdagen: werkdagen }))
    .execute();
}

/** An open contactverzoek is late once its deadline day has passed. */
export function isTeLaat(deadline: string, afgehandeld: boolean, today: string): boolean {
  return !afgehandeld && deadline < today;
}
