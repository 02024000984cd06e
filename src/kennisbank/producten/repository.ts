import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database } from '../../platform/database/schema.ts';
import type {
  KennisbankProductenTable,
  KennisbankVersiesTable,
  KennisbankWijzigingenTable,
  VersieStatus,
} from '../../platform/database/tables/kennisbank.ts';
import type { ProductInhoud } from './content.ts';

export type ProductRow = Selectable<KennisbankProductenTable>;
export type VersieRow = Selectable<KennisbankVersiesTable>;
export type WijzigingRow = Selectable<KennisbankWijzigingenTable>;

/** The version columns one product text fills. */
export function versieColumns(inhoud: ProductInhoud) {
  return {
    upl_naam: inhoud.uplNaam,
    titel: inhoud.titel,
    samenvatting: inhoud.samenvatting,
    doelgroepen: inhoud.doelgroepen,
    aanvraagkanalen: inhoud.aanvraagkanalen,
    inleiding: inhoud.secties.inleiding,
    aanvraag: inhoud.secties.aanvraag,
    voorwaarden: inhoud.secties.voorwaarden,
    bewijs: inhoud.secties.bewijs,
    kosten: inhoud.secties.kosten,
    termijn: inhoud.secties.termijn,
    bezwaar_en_beroep: inhoud.secties.bezwaarEnBeroep,
    bijzonderheden: inhoud.secties.bijzonderheden,
    contact: inhoud.secties.contact,
    kostenbedragen: JSON.stringify(inhoud.kostenbedragen),
    vraag_antwoord: JSON.stringify(inhoud.vraagAntwoord),
    interne_notitie: inhoud.interneNotitie,
    gerelateerd: inhoud.gerelateerd,
    trefwoorden: inhoud.trefwoorden,
    zaaktype_identificatie: inhoud.zaaktypeIdentificatie,
    publicatiedatum: inhoud.publicatiedatum,
    review_voor: inhoud.reviewVoor,
  };
}

/** The product text a version holds. */
export function inhoudOf(row: VersieRow): ProductInhoud {
  return {
    uplNaam: row.upl_naam,
    titel: row.titel,
    samenvatting: row.samenvatting,
    doelgroepen: row.doelgroepen as ProductInhoud['doelgroepen'],
    aanvraagkanalen: row.aanvraagkanalen as ProductInhoud['aanvraagkanalen'],
    secties: {
      inleiding: row.inleiding,
      aanvraag: row.aanvraag,
      voorwaarden: row.voorwaarden,
      bewijs: row.bewijs,
      kosten: row.kosten,
      termijn: row.termijn,
      bezwaarEnBeroep: row.bezwaar_en_beroep,
      bijzonderheden: row.bijzonderheden,
      contact: row.contact,
    },
    kostenbedragen: row.kostenbedragen,
    vraagAntwoord: row.vraag_antwoord,
    interneNotitie: row.interne_notitie,
    gerelateerd: row.gerelateerd,
    trefwoorden: row.trefwoorden,
    zaaktypeIdentificatie: row.zaaktype_identificatie,
    publicatiedatum: row.publicatiedatum,
    reviewVoor: row.review_voor,
  };
}

/** One product of the tenant by slug, or undefined; `forUpdate` locks it so concurrent edits of one product queue. */
export async function findProductBySlug(db: Kysely<Database>, tenantId: string, slug: string, options: { forUpdate?: boolean } = {}): Promise<ProductRow | undefined> {
  const query = db.selectFrom('kennisbank_producten').selectAll().where('tenant_id', '=', tenantId).where('slug', '=', slug);
  return (options.forUpdate ? query.forUpdate() : query).executeTakeFirst();
}

/** The tenant's products with these slugs (which exist, for checking related products). */
export async function existingSlugs(db: Kysely<Database>, tenantId: string, slugs: readonly string[]): Promise<Set<string>> {
  if (slugs.length === 0) return new Set();
  const rows = await db.selectFrom('kennisbank_producten').select('slug').where('tenant_id', '=', tenantId).where('slug', 'in', slugs).execute();
  return new Set(rows.map((row) => row.slug));
}

/** Stores a new product (without versions yet). */
export async function insertProduct(db: Kysely<Database>, tenantId: string, slug: string): Promise<ProductRow> {
  return db.insertInto('kennisbank_producten').values({ tenant_id: tenantId, slug }).returningAll().executeTakeFirstOrThrow();
}

/** Points the product at its published version (or none) and marks it changed. */
export async function setPublishedVersion(db: Kysely<Database>, tenantId: string, productUuid: string, versieUuid: string | null): Promise<void> {
  await db
    .updateTable('kennisbank_producten')
    .set({ gepubliceerde_versie_uuid: versieUuid, updated_at: sql<Date>`now()` })
    .where('tenant_id', '=', tenantId)
    .where('uuid', '=', productUuid)
    .execute();
}

/** The product's newest version (the one an editor works on), or undefined for a product without versions. */
export async function newestVersion(db: Kysely<Database>, tenantId: string, productUuid: string): Promise<VersieRow | undefined> {
  return db
    .selectFrom('kennisbank_versies')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('product_uuid', '=', productUuid)
    .orderBy('versienummer', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** One version of the tenant by uuid. */
export async function findVersion(db: Kysely<Database>, tenantId: string, versieUuid: string): Promise<VersieRow | undefined> {
  return db.selectFrom('kennisbank_versies').selectAll().where('tenant_id', '=', tenantId).where('uuid', '=', versieUuid).executeTakeFirst();
}

/** Every version of a product, newest first. */
export async function versionsOf(db: Kysely<Database>, tenantId: string, productUuid: string): Promise<VersieRow[]> {
  return db.selectFrom('kennisbank_versies').selectAll().where('tenant_id', '=', tenantId).where('product_uuid', '=', productUuid).orderBy('versienummer', 'desc').execute();
}

/** Adds a version with the next number. */
export async function insertVersion(
  db: Kysely<Database>,
  tenantId: string,
  productUuid: string,
  versienummer: number,
  status: VersieStatus,
  inhoud: ProductInhoud,
  door: string,
): Promise<VersieRow> {
  return db
    .insertInto('kennisbank_versies')
    .values({ tenant_id: tenantId, product_uuid: productUuid, versienummer, status, gewijzigd_door: door, ...versieColumns(inhoud) })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Overwrites a concept's text (status back to concept: a changed text needs a new review). */
export async function updateVersionText(db: Kysely<Database>, tenantId: string, versieUuid: string, inhoud: ProductInhoud, door: string): Promise<VersieRow> {
  return db
    .updateTable('kennisbank_versies')
    .set({ ...versieColumns(inhoud), status: 'concept', gewijzigd_door: door, gewijzigd_op: sql<Date>`now()` })
    .where('tenant_id', '=', tenantId)
    .where('uuid', '=', versieUuid)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Moves a version to another status, setting its publicatiedatum when given. */
export async function setVersionStatus(
  db: Kysely<Database>,
  tenantId: string,
  versieUuid: string,
  status: VersieStatus,
  door: string,
  publicatiedatum?: string,
): Promise<VersieRow> {
  return db
    .updateTable('kennisbank_versies')
    .set({ status, gewijzigd_door: door, gewijzigd_op: sql<Date>`now()`, ...(publicatiedatum !== undefined ? { publicatiedatum } : {}) })
    .where('tenant_id', '=', tenantId)
    .where('uuid', '=', versieUuid)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Records who did what to a product. */
export async function recordWijziging(
  db: Kysely<Database>,
  tenantId: string,
  entry: { productUuid: string; versieUuid: string | null; actie: WijzigingRow['actie']; door: string; velden?: string[]; toelichting?: string },
): Promise<void> {
  await db
    .insertInto('kennisbank_wijzigingen')
    .values({
      tenant_id: tenantId,
      product_uuid: entry.productUuid,
      versie_uuid: entry.versieUuid,
      actie: entry.actie,
      door: entry.door,
      velden: entry.velden ?? [],
      toelichting: entry.toelichting ?? '',
    })
    .execute();
}

/** A product's history, newest first. */
export async function wijzigingenOf(db: Kysely<Database>, tenantId: string, productUuid: string, limit = 100): Promise<WijzigingRow[]> {
  return db
    .selectFrom('kennisbank_wijzigingen')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('product_uuid', '=', productUuid)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** One line of the beheerder's product list. */
export interface ProductOverzichtRow {
  uuid: string;
  slug: string;
  titel: string;
  status: VersieStatus;
  versienummer: number;
  gepubliceerd: boolean;
  review_voor: string | null;
  gewijzigd_op: Date;
  gewijzigd_door: string;
}

/** All the tenant's products with their newest version's title and status, alphabetical. */
export async function listProductOverzicht(db: Kysely<Database>, tenantId: string): Promise<ProductOverzichtRow[]> {
  return db
    .selectFrom('kennisbank_producten as p')
    .innerJoin('kennisbank_versies as v', (join) =>
      join.onRef('v.product_uuid', '=', 'p.uuid').on('v.versienummer', '=', (eb) =>
        eb.selectFrom('kennisbank_versies as w').select((w) => w.fn.max('w.versienummer').as('n')).whereRef('w.product_uuid', '=', 'p.uuid'),
      ),
    )
    .select([
      'p.uuid',
      'p.slug',
      'v.titel',
      'v.status',
      'v.versienummer',
      'v.review_voor',
      'v.gewijzigd_op',
      'v.gewijzigd_door',
      (eb) => eb('p.gepubliceerde_versie_uuid', 'is not', null).as('gepubliceerd'),
    ])
    .where('p.tenant_id', '=', tenantId)
    .orderBy('v.titel')
    .execute()
    .then((rows) => rows.map((row) => ({ ...row, gepubliceerd: Boolean(row.gepubliceerd) })));
}

/** Every product of the tenant with its newest version, for export (in slug order, so exports compare well). */
export async function listNewestVersions(db: Kysely<Database>, tenantId: string): Promise<{ slug: string; versie: VersieRow }[]> {
  const rows = await db
    .selectFrom('kennisbank_producten as p')
    .innerJoin('kennisbank_versies as v', 'v.product_uuid', 'p.uuid')
    .selectAll('v')
    .select('p.slug as product_slug')
    .where('p.tenant_id', '=', tenantId)
    .where('v.versienummer', '=', (eb) =>
      eb.selectFrom('kennisbank_versies as w').select((w) => w.fn.max('w.versienummer').as('n')).whereRef('w.product_uuid', '=', 'p.uuid'),
    )
    .orderBy('p.slug')
    .execute();
  return rows.map(({ product_slug, ...versie }) => ({ slug: product_slug, versie }));
}
