import type { Kysely } from 'kysely';
import type { Database } from '../../platform/database/schema.ts';
import type { CapaciteitComponent } from '../../platform/database/tables/financien.ts';
import { FormulierLezer, type FormulierWaarden, type Gelezen } from '../formulier/velden.ts';
import { inTransaction } from '../../platform/database/transaction.ts';

/** The components of the beschikbare weerstandscapaciteit, in the order the paragraaf weerstandsvermogen names them. */
export const CAPACITEIT_COMPONENTEN: readonly { component: CapaciteitComponent; label: string }[] = [
  { component: 'algemene_reserve', label: 'Algemene reserve' },
  { component: 'vrij_bestemmingsreserves', label: 'Vrij besteedbaar deel van de bestemmingsreserves' },
  { component: 'onvoorzien', label: 'Post onvoorzien' },
  { component: 'onbenutte_belastingcapaciteit', label: 'Onbenutte belastingcapaciteit' },
];

export type Capaciteit = Record<CapaciteitComponent, { centen: number; toelichting: string } | undefined>;

/** The entered capacity of one year, per component (undefined where nothing was entered). */
export async function capaciteitVan(db: Kysely<Database>, tenantId: string, jaar: number): Promise<Capaciteit> {
  const rows = await db.selectFrom('weerstandscapaciteit').selectAll().where('tenant_id', '=', tenantId).where('jaar', '=', jaar).execute();
  const result: Capaciteit = { algemene_reserve: undefined, vrij_bestemmingsreserves: undefined, onvoorzien: undefined, onbenutte_belastingcapaciteit: undefined };
  for (const row of rows) result[row.component] = { centen: Number(row.bedrag_centen), toelichting: row.toelichting };
  return result;
}

/** The sum of the entered components, in cents. */
export function beschikbaarCenten(capaciteit: Capaciteit): number {
  return Object.values(capaciteit).reduce((sum, item) => sum + (item?.centen ?? 0), 0);
}

/** The capacity form: an amount (not negative) and an explanation per component. */
export function readCapaciteitForm(form: FormulierWaarden): Gelezen<{ component: CapaciteitComponent; centen: number; toelichting: string }[]> {
  const lezer = new FormulierLezer(form);
  const values = CAPACITEIT_COMPONENTEN.map(({ component, label }) => ({
    component,
    centen: lezer.bedrag(component, label.toLowerCase(), { verplicht: true, nietNegatief: true }) ?? 0,
    toelichting: lezer.tekst(`${component}_toelichting`, `de toelichting bij ${label.toLowerCase()}`, { max: 1000 }),
  }));
  return lezer.uitkomst(() => values);
}

/** Replaces one year's capacity, all components in one transaction. */
export async function saveCapaciteit(db: Kysely<Database>, tenantId: string, jaar: number, values: readonly { component: CapaciteitComponent; centen: number; toelichting: string }[]): Promise<void> {
  await inTransaction(db, async (trx) => {
    for (const value of values) {
      await trx
        .insertInto('weerstandscapaciteit')
        .values({ tenant_id: tenantId, jaar, component: value.component, bedrag_centen: value.centen, toelichting: value.toelichting })
        .onConflict((conflict) => conflict.columns(['tenant_id', 'jaar', 'component']).doUpdateSet({ bedrag_centen: value.centen, toelichting: value.toelichting }))
        .execute();
    }
  });
}
