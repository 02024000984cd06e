import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/database/schema.ts';
import { richTextToPlain, SECTIES } from '../producten/content.ts';
import { inhoudOf, type VersieRow } from '../producten/repository.ts';
import { normaliseText } from './query.ts';
import { titleVocabulary } from './vocabulary.ts';

/** The text search configuration of migration 0020: Snowball `dutch` with accents folded. */
export const TS_CONFIG = 'kennisbank_dutch';

/** A product's search index row from its published version (tsvectors as SQL expressions). */
function indexRow(tenantId: string, slug: string, versie: VersieRow) {
  const inhoud = inhoudOf(versie);
  const body = SECTIES.map((sectie) => richTextToPlain(inhoud.secties[sectie])).filter((text) => text !== '');
  const answers = inhoud.vraagAntwoord.map((item) => richTextToPlain(item.antwoord));
  const questions = inhoud.vraagAntwoord.map((item) => item.vraag).join(' ');
  const tekst = [inhoud.samenvatting, ...body, ...inhoud.vraagAntwoord.map((item, index) => `${item.vraag} ${answers[index] ?? ''}`)].join(' \n ');
  const titles = `${inhoud.titel} ${inhoud.uplNaam}`;
  const trefwoorden = inhoud.trefwoorden.join(' ');
  const notitie = richTextToPlain(inhoud.interneNotitie);
  const config = sql.lit(TS_CONFIG);
  const trigramTekst = normaliseText(`${titles} ${trefwoorden}`);
  return {
    product_uuid: versie.product_uuid,
    tenant_id: tenantId,
    versie_uuid: versie.uuid,
    slug,
    titel: inhoud.titel,
    samenvatting: inhoud.samenvatting,
    doelgroepen: inhoud.doelgroepen,
    aanvraagkanalen: inhoud.aanvraagkanalen,
    tekst,
    interne_notitie: notitie,
    // A version without a date is published from the day it was published (the service sets one).
    publicatiedatum: inhoud.publicatiedatum ?? sql<string>`current_date`,
    trigram_tekst: trigramTekst,
    titelwoorden: titleVocabulary(trigramTekst),
    document: sql<string>`setweight(to_tsvector(${config}::regconfig, ${titles}), 'A')
      || setweight(to_tsvector(${config}::regconfig, ${trefwoorden}), 'B')
      || setweight(to_tsvector(${config}::regconfig, ${`${inhoud.samenvatting} ${questions}`}), 'C')
      || setweight(to_tsvector(${config}::regconfig, ${[...body, ...answers].join(' ')}), 'D')`,
    notitie_document: sql<string>`to_tsvector(${config}::regconfig, ${notitie})`,
    kop: sql<string>`setweight(to_tsvector(${config}::regconfig, ${titles}), 'A')
      || setweight(to_tsvector(${config}::regconfig, ${trefwoorden}), 'B')
      || setweight(to_tsvector(${config}::regconfig, ${`${inhoud.samenvatting} ${questions} ${richTextToPlain(inhoud.secties.inleiding)}`}), 'C')`,
  };
}

const INDEX_COLUMNS = [
  'versie_uuid', 'slug', 'titel', 'samenvatting', 'doelgroepen', 'aanvraagkanalen', 'tekst', 'interne_notitie', 'publicatiedatum',
  'trigram_tekst', 'titelwoorden', 'document', 'notitie_document', 'kop',
] as const;

/**
 * Writes (or replaces) products' rows in the search index from their published versions, in one statement. The
 * weights: A for title and UPL name, B for the trefwoorden, C for the summary and the questions, D for the body
 * (the whole `document`, for matching); the rank reads the small `kop` (A, B and C with the inleiding).
 */
export async function indexVersions(db: Kysely<Database>, tenantId: string, items: readonly { slug: string; versie: VersieRow }[]): Promise<void> {
  if (items.length === 0) return;
  await db
    .insertInto('kennisbank_zoekindex')
    .values(items.map((item) => indexRow(tenantId, item.slug, item.versie)))
    .onConflict((oc) =>
      oc.column('product_uuid').doUpdateSet((eb) => Object.fromEntries(INDEX_COLUMNS.map((column) => [column, eb.ref(`excluded.${column}`)]))),
    )
    .execute();
}

/** Writes (or replaces) one product's row in the search index from its published version. */
export async function indexVersion(db: Kysely<Database>, tenantId: string, slug: string, versie: VersieRow): Promise<void> {
  await indexVersions(db, tenantId, [{ slug, versie }]);
}

/** Takes a product out of the search index (archived: the public no longer finds it). */
export async function removeFromIndex(db: Kysely<Database>, tenantId: string, productUuid: string): Promise<void> {
  await db.deleteFrom('kennisbank_zoekindex').where('tenant_id', '=', tenantId).where('product_uuid', '=', productUuid).execute();
}
