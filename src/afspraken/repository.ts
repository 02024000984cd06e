import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database } from '../platform/database/schema.ts';
import type { AfspraakStatus, AfsprakenTable } from '../platform/database/tables/afspraken.ts';
import type { OpeningPeriod } from './slots.ts';

/* The only place with SQL for counter appointments. Every query is scoped by tenant. */

export interface LocatieRow {
  id: string;
  naam: string;
  adres: string;
  postcode: string;
  plaats: string;
  actief: boolean;
}

export interface ProductRow {
  id: string;
  product_slug: string;
  naam: string;
  duur_minuten: number;
  actief: boolean;
}

export type AfspraakRow = Selectable<AfsprakenTable>;

const LOCATIE_COLUMNS = ['id', 'naam', 'adres', 'postcode', 'plaats', 'actief'] as const;
const PRODUCT_COLUMNS = ['id', 'product_slug', 'naam', 'duur_minuten', 'actief'] as const;

/** Active products that at least one active location offers, by name: what residents can book. */
export async function listBookableProducts(db: Kysely<Database>, tenantId: string, slug?: string): Promise<ProductRow[]> {
  return db
    .selectFrom('afspraak_producten as p')
    .select(PRODUCT_COLUMNS.map((column) => `p.${column}` as const))
    .where('p.tenant_id', '=', tenantId)
    .$if(slug !== undefined, (query) => query.where('p.product_slug', '=', slug ?? ''))
    .where('p.actief', '=', true)
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('afspraak_capaciteit as c')
          .innerJoin('afspraak_locaties as l', 'l.id', 'c.locatie_id')
          .select('c.locatie_id')
          .where('c.tenant_id', '=', tenantId)
          .whereRef('c.product_id', '=', 'p.id')
          .where('l.actief', '=', true),
      ),
    )
    .orderBy('p.naam')
    .execute();
}

/** Every product (active or not), by name, for beheer. */
export async function listProducts(db: Kysely<Database>, tenantId: string): Promise<ProductRow[]> {
  return db.selectFrom('afspraak_producten').select(PRODUCT_COLUMNS).where('tenant_id', '=', tenantId).orderBy('naam').execute();
}

export async function findProduct(db: Kysely<Database>, tenantId: string, id: string): Promise<ProductRow | undefined> {
  return db.selectFrom('afspraak_producten').select(PRODUCT_COLUMNS).where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

/** The bookable product behind a kennisbank product page, if it is active and offered somewhere. */
export async function findBookableProductBySlug(db: Kysely<Database>, tenantId: string, slug: string): Promise<ProductRow | undefined> {
  return (await listBookableProducts(db, tenantId, slug))[0];
}

/** Active locations that offer a product, with their counters for it, by name. */
export async function locationsForProduct(db: Kysely<Database>, tenantId: string, productId: string): Promise<(LocatieRow & { balies: number })[]> {
  return db
    .selectFrom('afspraak_capaciteit as c')
    .innerJoin('afspraak_locaties as l', 'l.id', 'c.locatie_id')
    .select([...LOCATIE_COLUMNS.map((column) => `l.${column}` as const), 'c.balies'])
    .where('c.tenant_id', '=', tenantId)
    .where('l.tenant_id', '=', tenantId)
    .where('c.product_id', '=', productId)
    .where('l.actief', '=', true)
    .orderBy('l.naam')
    .execute();
}

export async function listLocations(db: Kysely<Database>, tenantId: string): Promise<LocatieRow[]> {
  return db.selectFrom('afspraak_locaties').select(LOCATIE_COLUMNS).where('tenant_id', '=', tenantId).orderBy('naam').execute();
}

export async function findLocation(db: Kysely<Database>, tenantId: string, id: string): Promise<LocatieRow | undefined> {
  return db.selectFrom('afspraak_locaties').select(LOCATIE_COLUMNS).where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

export async function openingPeriods(db: Kysely<Database>, tenantId: string, locatieId: string): Promise<OpeningPeriod[]> {
  const rows = await db
    .selectFrom('afspraak_openingstijden')
    .select(['weekdag', 'van_minuut', 'tot_minuut'])
    .where('tenant_id', '=', tenantId)
    .where('locatie_id', '=', locatieId)
    .orderBy('weekdag')
    .orderBy('van_minuut')
    .execute();
  return rows.map((row) => ({ weekdag: row.weekdag, vanMinuut: row.van_minuut, totMinuut: row.tot_minuut }));
}

/** Replaces a location's opening hours as a whole (the beheer form edits the week at once). */
export async function replaceOpeningPeriods(db: Kysely<Database>, tenantId: string, locatieId: string, periods: readonly OpeningPeriod[]): Promise<void> {
  await db.deleteFrom('afspraak_openingstijden').where('tenant_id', '=', tenantId).where('locatie_id', '=', locatieId).execute();
  if (periods.length === 0) return;
  await db
    .insertInto('afspraak_openingstijden')
    .values(periods.map((period) => ({ tenant_id: tenantId, locatie_id: locatieId, weekdag: period.weekdag, van_minuut: period.vanMinuut, tot_minuut: period.totMinuut })))
    .execute();
}

export interface SluitingsdagRow {
  id: string;
  locatie_id: string | null;
  datum: string;
  omschrijving: string;
}

/** Closing days of a location (its own and those for all locations) between two days, inclusive. */
export async function closedDays(db: Kysely<Database>, tenantId: string, locatieId: string, van: string, tot: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('afspraak_sluitingsdagen')
    .select('datum')
    .where('tenant_id', '=', tenantId)
    .where((eb) => eb.or([eb('locatie_id', '=', locatieId), eb('locatie_id', 'is', null)]))
    .where('datum', '>=', van)
    .where('datum', '<=', tot)
    .execute();
  return new Set(rows.map((row) => row.datum));
}

export async function listClosingDays(db: Kysely<Database>, tenantId: string, vanaf: string): Promise<SluitingsdagRow[]> {
  return db
    .selectFrom('afspraak_sluitingsdagen')
    .select(['id', 'locatie_id', 'datum', 'omschrijving'])
    .where('tenant_id', '=', tenantId)
    .where('datum', '>=', vanaf)
    .orderBy('datum')
    .execute();
}

/** Adds a closing day; false when that day is already closed for the same location (or all). */
export async function insertClosingDay(db: Kysely<Database>, tenantId: string, day: { locatieId: string | null; datum: string; omschrijving: string }): Promise<boolean> {
  const inserted = await db
    .insertInto('afspraak_sluitingsdagen')
    .values({ tenant_id: tenantId, locatie_id: day.locatieId, datum: day.datum, omschrijving: day.omschrijving })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function deleteClosingDay(db: Kysely<Database>, tenantId: string, id: string): Promise<boolean> {
  const result = await db.deleteFrom('afspraak_sluitingsdagen').where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** Booked appointments per start instant (epoch ms) of a product at a location between two instants. */
export async function bookedCounts(db: Kysely<Database>, tenantId: string, productId: string, locatieId: string, van: Date, tot: Date): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('afspraken')
    .select(['starttijd', (eb) => eb.fn.countAll<number>().as('aantal')])
    .where('tenant_id', '=', tenantId)
    .where('product_id', '=', productId)
    .where('locatie_id', '=', locatieId)
    .where('status', '=', 'geboekt')
    .where('starttijd', '>=', van)
    .where('starttijd', '<', tot)
    .groupBy('starttijd')
    .execute();
  return new Map(rows.map((row) => [new Date(row.starttijd).getTime(), Number(row.aantal)]));
}

/** Counter places of one slot that are taken now. */
export async function takenPlaces(db: Kysely<Database>, tenantId: string, productId: string, locatieId: string, start: Date): Promise<Set<number>> {
  const rows = await db
    .selectFrom('afspraken')
    .select('plaats')
    .where('tenant_id', '=', tenantId)
    .where('product_id', '=', productId)
    .where('locatie_id', '=', locatieId)
    .where('starttijd', '=', start)
    .where('status', '=', 'geboekt')
    .execute();
  return new Set(rows.map((row) => row.plaats));
}

export interface NewAfspraak {
  tenantId: string;
  productId: string;
  locatieId: string;
  start: Date;
  eind: Date;
  plaats: number;
  naam: string;
  eMail: string;
  telefoon: string | null;
  opmerking: string;
  beheerTokenHash: string;
  aanvraagSleutelHash: string;
  icsUid: string;
  icsVolgnummer: number;
  vorigeAfspraakId: string | null;
}

/**
 * Books one counter place. Returns undefined, without an error that would end the transaction, when the place was
 * taken or the same form was submitted already: the unique indexes decide, and a concurrent booking of the same
 * place waits here until the other transaction commits or rolls back.
 */
export async function insertAfspraakIfFree(db: Kysely<Database>, afspraak: NewAfspraak): Promise<AfspraakRow | undefined> {
  return db
    .insertInto('afspraken')
    .values({
      tenant_id: afspraak.tenantId,
      product_id: afspraak.productId,
      locatie_id: afspraak.locatieId,
      starttijd: afspraak.start,
      eindtijd: afspraak.eind,
      plaats: afspraak.plaats,
      naam: afspraak.naam,
      e_mail: afspraak.eMail,
      telefoon: afspraak.telefoon,
      opmerking: afspraak.opmerking,
      status: 'geboekt',
      beheer_token_hash: afspraak.beheerTokenHash,
      aanvraag_sleutel_hash: afspraak.aanvraagSleutelHash,
      ics_uid: afspraak.icsUid,
      ics_volgnummer: afspraak.icsVolgnummer,
      vorige_afspraak_id: afspraak.vorigeAfspraakId,
    })
    .onConflict((oc) => oc.doNothing())
    .returningAll()
    .executeTakeFirst();
}

export async function findByAanvraagSleutel(db: Kysely<Database>, tenantId: string, hash: string): Promise<AfspraakRow | undefined> {
  return db.selectFrom('afspraken').selectAll().where('tenant_id', '=', tenantId).where('aanvraag_sleutel_hash', '=', hash).executeTakeFirst();
}

/** The newest appointment a management link points to (a change hands the link on to the new booking). */
export async function findByBeheerToken(db: Kysely<Database>, tenantId: string, hash: string): Promise<AfspraakRow | undefined> {
  return db
    .selectFrom('afspraken')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('beheer_token_hash', '=', hash)
    .orderBy(sql`status = 'geboekt'`, 'desc')
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Ends a booking (cancelled or moved) if it is still booked; undefined when another request ended it first. */
export async function endBooking(db: Kysely<Database>, tenantId: string, id: string, status: Exclude<AfspraakStatus, 'geboekt'>): Promise<AfspraakRow | undefined> {
  return db
    .updateTable('afspraken')
    .set({ status, updated_at: sql<Date>`now()` })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('status', '=', 'geboekt')
    .returningAll()
    .executeTakeFirst();
}

export interface AfspraakOverzichtRow {
  id: string;
  starttijd: Date;
  eindtijd: Date;
  product: string;
  naam: string;
  e_mail: string;
  telefoon: string | null;
  opmerking: string;
  status: AfspraakStatus;
}

/** A location's appointments (booked and cancelled) between two instants, by time, for the counter staff. */
export async function appointmentsAt(db: Kysely<Database>, tenantId: string, locatieId: string, van: Date, tot: Date): Promise<AfspraakOverzichtRow[]> {
  return db
    .selectFrom('afspraken as a')
    .innerJoin('afspraak_producten as p', 'p.id', 'a.product_id')
    .select(['a.id', 'a.starttijd', 'a.eindtijd', 'p.naam as product', 'a.naam', 'a.e_mail', 'a.telefoon', 'a.opmerking', 'a.status'])
    .where('a.tenant_id', '=', tenantId)
    .where('a.locatie_id', '=', locatieId)
    .where('a.status', 'in', ['geboekt', 'geannuleerd'])
    .where('a.starttijd', '>=', van)
    .where('a.starttijd', '<', tot)
    .orderBy('a.starttijd')
    .orderBy('a.plaats')
    .execute();
}

export interface LocatieInput {
  naam: string;
  adres: string;
  postcode: string;
  plaats: string;
  actief: boolean;
}

export async function insertLocation(db: Kysely<Database>, tenantId: string, input: LocatieInput): Promise<string> {
  const row = await db.insertInto('afspraak_locaties').values({ tenant_id: tenantId, ...input }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateLocation(db: Kysely<Database>, tenantId: string, id: string, input: LocatieInput): Promise<boolean> {
  const result = await db.updateTable('afspraak_locaties').set({ ...input, updated_at: sql<Date>`now()` }).where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export interface ProductInput {
  productSlug: string;
  naam: string;
  duurMinuten: number;
  actief: boolean;
}

/** Adds a bookable product; undefined when the kennisbank product is bookable already. */
export async function insertProduct(db: Kysely<Database>, tenantId: string, input: ProductInput): Promise<string | undefined> {
  const row = await db
    .insertInto('afspraak_producten')
    .values({ tenant_id: tenantId, product_slug: input.productSlug, naam: input.naam, duur_minuten: input.duurMinuten, actief: input.actief })
    .onConflict((oc) => oc.columns(['tenant_id', 'product_slug']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

export async function updateProduct(db: Kysely<Database>, tenantId: string, id: string, input: Omit<ProductInput, 'productSlug'>): Promise<boolean> {
  const result = await db
    .updateTable('afspraak_producten')
    .set({ naam: input.naam, duur_minuten: input.duurMinuten, actief: input.actief, updated_at: sql<Date>`now()` })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Counters per location for a product (location id → counters). */
export async function capacityOf(db: Kysely<Database>, tenantId: string, productId: string): Promise<Map<string, number>> {
  const rows = await db.selectFrom('afspraak_capaciteit').select(['locatie_id', 'balies']).where('tenant_id', '=', tenantId).where('product_id', '=', productId).execute();
  return new Map(rows.map((row) => [row.locatie_id, row.balies]));
}

/** Replaces a product's counters per location; a location left out no longer offers the product. */
export async function replaceCapacity(db: Kysely<Database>, tenantId: string, productId: string, balies: ReadonlyMap<string, number>): Promise<void> {
  await db.deleteFrom('afspraak_capaciteit').where('tenant_id', '=', tenantId).where('product_id', '=', productId).execute();
  if (balies.size === 0) return;
  await db
    .insertInto('afspraak_capaciteit')
    .values([...balies].map(([locatieId, aantal]) => ({ tenant_id: tenantId, product_id: productId, locatie_id: locatieId, balies: aantal })))
    .execute();
}
