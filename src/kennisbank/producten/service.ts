import type { Kysely } from 'kysely';
import type { Database } from '../../platform/database/schema.ts';
import type { InvalidParam } from '../../platform/errors/catalogue.ts';
import { inTransaction } from '../../platform/database/transaction.ts';
import { invalid, ProblemError } from '../../platform/errors/problem.ts';
import { indexVersion, removeFromIndex } from '../zoeken/index-repository.ts';
import { amsterdamToday } from '../dates.ts';
import { SLUG_PATTERN, type ProductInhoud } from './content.ts';
import {
  existingSlugs,
  findProductBySlug,
  inhoudOf,
  insertProduct,
  insertVersion,
  newestVersion,
  recordWijziging,
  setPublishedVersion,
  setVersionStatus,
  updateVersionText,
  type ProductRow,
  type VersieRow,
} from './repository.ts';

/*
 * The publication rules of the kennisbank. A product's text lives in versions; an editor works on the newest one
 * while it is a concept (or in review), a published version is never changed (editing it starts a new concept),
 * publishing archives the previous published version and puts the new one in the search index, archiving takes the
 * product off every channel. Every action is one transaction with its line in the product's history.
 */

/** Who acts (staff display name, "import: file.json", "demo"): stored with every version and history line. */
export type Door = string;

function notFound(slug: string): ProblemError {
  return new ProblemError('not_found', `Product ${slug} bestaat niet.`);
}

/** Checks what needs the database: related products must exist (and not be the product itself). */
async function relationProblems(db: Kysely<Database>, tenantId: string, slug: string, inhoud: ProductInhoud, prefix = ''): Promise<InvalidParam[]> {
  const found = await existingSlugs(db, tenantId, inhoud.gerelateerd);
  return inhoud.gerelateerd
    .filter((related) => related === slug || !found.has(related))
    .map((related) => ({
      name: `${prefix}gerelateerd`,
      code: 'invalid',
      reason: related === slug ? 'Een product kan niet aan zichzelf gerelateerd zijn.' : `Er is geen product "${related}".`,
    }));
}

/** The fields whose value differs between two texts (for "who changed what"). */
export function changedFields(before: ProductInhoud, after: ProductInhoud): string[] {
  const changed: string[] = [];
  for (const key of Object.keys(after) as (keyof ProductInhoud)[]) {
    if (key === 'secties') {
      for (const sectie of Object.keys(after.secties) as (keyof ProductInhoud['secties'])[]) {
        if (before.secties[sectie] !== after.secties[sectie]) changed.push(`secties.${sectie}`);
      }
    } else if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changed.push(key);
  }
  return changed;
}

/** Creates a product with its first version as concept. `skipRelationCheck` lets an import add related products in any order. */
export async function createProduct(
  db: Kysely<Database>,
  tenantId: string,
  door: Door,
  slug: string,
  inhoud: ProductInhoud,
  options: { skipRelationCheck?: boolean; actie?: 'aangemaakt' | 'geimporteerd' } = {},
): Promise<{ product: ProductRow; versie: VersieRow }> {
  const problems: InvalidParam[] = SLUG_PATTERN.test(slug) && slug.length <= 100 ? [] : [{ name: 'slug', code: 'invalid', reason: 'Kleine letters, cijfers en streepjes, zoals "paspoort-aanvragen".' }];
  return inTransaction(db, async (trx) => {
    if (problems.length === 0 && (await findProductBySlug(trx, tenantId, slug))) problems.push({ name: 'slug', code: 'unique', reason: `Er is al een product "${slug}".` });
    if (!options.skipRelationCheck) problems.push(...(await relationProblems(trx, tenantId, slug, inhoud)));
    if (problems.length > 0) throw invalid(problems);
    const product = await insertProduct(trx, tenantId, slug);
    const versie = await insertVersion(trx, tenantId, product.uuid, 1, 'concept', inhoud, door);
    await recordWijziging(trx, tenantId, { productUuid: product.uuid, versieUuid: versie.uuid, actie: options.actie ?? 'aangemaakt', door });
    return { product, versie };
  });
}

/**
 * Saves an editor's text: over the newest version while it is a concept or in review (which sends it back to
 * concept), otherwise as a new concept version after the published or archived one.
 */
export async function saveConcept(db: Kysely<Database>, tenantId: string, door: Door, slug: string, inhoud: ProductInhoud): Promise<VersieRow> {
  return inTransaction(db, async (trx) => {
    const product = await findProductBySlug(trx, tenantId, slug, { forUpdate: true });
    if (!product) throw notFound(slug);
    const problems = await relationProblems(trx, tenantId, slug, inhoud);
    if (problems.length > 0) throw invalid(problems);
    const newest = await newestVersion(trx, tenantId, product.uuid);
    const velden = newest ? changedFields(inhoudOf(newest), inhoud) : [];
    const versie =
      newest && (newest.status === 'concept' || newest.status === 'review')
        ? await updateVersionText(trx, tenantId, newest.uuid, inhoud, door)
        : await insertVersion(trx, tenantId, product.uuid, (newest?.versienummer ?? 0) + 1, 'concept', inhoud, door);
    await recordWijziging(trx, tenantId, { productUuid: product.uuid, versieUuid: versie.uuid, actie: 'gewijzigd', door, velden });
    return versie;
  });
}

/** The newest version of a product, which must be open for editing (concept or review). */
async function openVersion(db: Kysely<Database>, tenantId: string, product: ProductRow, action: string): Promise<VersieRow> {
  const newest = await newestVersion(db, tenantId, product.uuid);
  if (!newest || (newest.status !== 'concept' && newest.status !== 'review')) {
    throw new ProblemError('conflict', `Er is geen concept om te ${action}: wijzig het product eerst.`);
  }
  return newest;
}

/** Sends the concept for review (a colleague checks it before it is published). */
export async function submitForReview(db: Kysely<Database>, tenantId: string, door: Door, slug: string, toelichting = ''): Promise<VersieRow> {
  return inTransaction(db, async (trx) => {
    const product = await findProductBySlug(trx, tenantId, slug, { forUpdate: true });
    if (!product) throw notFound(slug);
    const concept = await openVersion(trx, tenantId, product, 'laten reviewen');
    if (concept.status === 'review') return concept;
    const versie = await setVersionStatus(trx, tenantId, concept.uuid, 'review', door);
    await recordWijziging(trx, tenantId, { productUuid: product.uuid, versieUuid: versie.uuid, actie: 'ter-review', door, toelichting });
    return versie;
  });
}

/**
 * Publishes the newest version (concept or review): the previous published version is archived, the product points
 * at the new one and the search index serves it from its publicatiedatum (today when it has none).
 */
export async function publishProduct(db: Kysely<Database>, tenantId: string, door: Door, slug: string, options: { today?: string; toelichting?: string } = {}): Promise<VersieRow> {
  const today = options.today ?? amsterdamToday();
  return inTransaction(db, async (trx) => {
    const product = await findProductBySlug(trx, tenantId, slug, { forUpdate: true });
    if (!product) throw notFound(slug);
    const concept = await openVersion(trx, tenantId, product, 'publiceren');
    const problems = await relationProblems(trx, tenantId, slug, inhoudOf(concept));
    if (problems.length > 0) throw invalid(problems, 'Het product verwijst naar producten die er niet zijn.');
    if (product.gepubliceerde_versie_uuid !== null) await setVersionStatus(trx, tenantId, product.gepubliceerde_versie_uuid, 'gearchiveerd', door);
    const versie = await setVersionStatus(trx, tenantId, concept.uuid, 'gepubliceerd', door, concept.publicatiedatum ?? today);
    await setPublishedVersion(trx, tenantId, product.uuid, versie.uuid);
    await indexVersion(trx, tenantId, product.slug, versie);
    await recordWijziging(trx, tenantId, { productUuid: product.uuid, versieUuid: versie.uuid, actie: 'gepubliceerd', door, toelichting: options.toelichting });
    return versie;
  });
}

/** Takes a product off every channel: its published version is archived and leaves the search index. */
export async function archiveProduct(db: Kysely<Database>, tenantId: string, door: Door, slug: string, toelichting = ''): Promise<void> {
  await inTransaction(db, async (trx) => {
    const product = await findProductBySlug(trx, tenantId, slug, { forUpdate: true });
    if (!product) throw notFound(slug);
    if (product.gepubliceerde_versie_uuid === null) throw new ProblemError('conflict', 'Dit product is niet gepubliceerd.');
    await setVersionStatus(trx, tenantId, product.gepubliceerde_versie_uuid, 'gearchiveerd', door);
    await setPublishedVersion(trx, tenantId, product.uuid, null);
    await removeFromIndex(trx, tenantId, product.uuid);
    await recordWijziging(trx, tenantId, { productUuid: product.uuid, versieUuid: product.gepubliceerde_versie_uuid, actie: 'gearchiveerd', door, toelichting });
  });
}

/** A published product as a channel shows it. */
export interface PublishedProduct {
  uuid: string;
  slug: string;
  versienummer: number;
  inhoud: ProductInhoud;
  /** Related products that are published too: slug and title. */
  gerelateerd: { slug: string; titel: string }[];
}

/**
 * The published text of a product, or undefined when there is none the public may see (draft, archived, or a
 * publicatiedatum still to come). The internal note is left empty unless `intern` (KCC).
 */
export async function findPublishedProduct(
  db: Kysely<Database>,
  tenantId: string,
  slug: string,
  options: { intern: boolean; today?: string },
): Promise<PublishedProduct | undefined> {
  const today = options.today ?? amsterdamToday();
  const row = await db
    .selectFrom('kennisbank_producten as p')
    .innerJoin('kennisbank_versies as v', 'v.uuid', 'p.gepubliceerde_versie_uuid')
    .selectAll('v')
    .select('p.slug as product_slug')
    .where('p.tenant_id', '=', tenantId)
    .where('p.slug', '=', slug)
    .where('v.status', '=', 'gepubliceerd')
    .where((eb) => eb.or([eb('v.publicatiedatum', 'is', null), eb('v.publicatiedatum', '<=', today)]))
    .executeTakeFirst();
  if (!row) return undefined;
  const { product_slug, ...versie } = row;
  const inhoud = inhoudOf(versie);
  const related =
    inhoud.gerelateerd.length === 0
      ? []
      : await db
          .selectFrom('kennisbank_zoekindex')
          .select(['slug', 'titel'])
          .where('tenant_id', '=', tenantId)
          .where('slug', 'in', inhoud.gerelateerd)
          .where('publicatiedatum', '<=', today)
          .execute();
  const order = new Map(inhoud.gerelateerd.map((item, index) => [item, index]));
  related.sort((a, b) => (order.get(a.slug) ?? 0) - (order.get(b.slug) ?? 0));
  return {
    uuid: versie.product_uuid,
    slug: product_slug,
    versienummer: versie.versienummer,
    inhoud: options.intern ? inhoud : { ...inhoud, interneNotitie: '' },
    gerelateerd: related,
  };
}
