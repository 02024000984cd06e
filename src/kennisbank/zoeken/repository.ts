import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../platform/database/schema.ts';
import { TS_CONFIG } from './index-repository.ts';
import type { SearchTerms } from './query.ts';

/** Marks around a highlighted word in a raw snippet; `snippet.ts` turns them into `<mark>` after escaping the text. */
export const MARK_START = '\u27E6';
export const MARK_END = '\u27E7';

/** Similarity above this counts as a title-word bonus (a vocabulary match needs TRIGRAM_THRESHOLD to start with). */
const TRIGRAM_FLOOR = 0.5;
/** How much trigram similarity above the floor weighs against the full-text rank (a title hit there scores about 0.6). */
const TRIGRAM_WEIGHT = 0.7;
/** ts_rank weights for D, C, B, A: title over trefwoorden over summary over body. */
const RANK_WEIGHTS = '{0.05,0.2,0.5,1.0}';
/** A match in the internal note counts, for the KCC, as much as one in the body. */
const NOTE_WEIGHT = 0.1;
/**
 * Articles that match only in their body are counted and listed up to this many. They all rank last and alike, so a
 * search for a word that every article's contact section has ("gemeentehuis") reads this many, not all of them.
 */
export const BODY_ONLY_CAP = 200;

export interface SearchFilter {
  doelgroep?: string;
  aanvraagkanaal?: string;
  /** KCC: the internal notes are searched too. */
  intern: boolean;
  /** Europe/Amsterdam date: products published later are not shown yet. */
  today: string;
}

/** A title word that resembles query word number `position` (see TrigramVocabulary.similar). */
export interface TitleWordExpansion {
  position: number;
  woord: string;
  similarity: number;
}

export interface SearchHit {
  product_uuid: string;
  slug: string;
  titel: string;
  samenvatting: string;
  doelgroepen: string[];
  aanvraagkanalen: string[];
  score: number;
  /** Plain text with MARK_START/MARK_END around the matched words. */
  snippet: string;
  interne_notitie: string;
}

function tsQuery(terms: readonly string[]): RawBuilder<unknown> {
  const config = sql.lit(TS_CONFIG);
  const parts = terms.map((term) =>
    term.includes(' ') ? sql`phraseto_tsquery(${config}::regconfig, ${term})` : sql`plainto_tsquery(${config}::regconfig, ${term})`,
  );
  return parts.length === 0 ? sql`''::tsquery` : sql.join(parts, sql` || `);
}

/**
 * One page of the tenant's published products that match, best first, with the total. The search has two tiers:
 *  - the head: products whose `kop` (title, trefwoorden, summary, questions, inleiding) matches the full-text query
 *    (its words and synonyms, OR-ed), or whose title words resemble a query word (through the tenant's vocabulary,
 *    for typos and compound words). They are ranked on the weighted rank of `kop` plus the similarity of the best
 *    title word per query word, so a product that matches more of the query ranks higher;
 *  - the body-only matches, after the head, by title; at most BODY_ONLY_CAP of them are read and counted.
 * The head's look-ups go through GIN indexes (`kop`, `titelwoorden`); the body match through `document`'s where the
 * planner finds it cheaper. Snippets are only made for the page's rows.
 */
export async function searchIndex(
  db: Kysely<Database>,
  tenantId: string,
  terms: SearchTerms,
  expansions: readonly TitleWordExpansion[],
  filter: SearchFilter,
  window: { limit: number; offset: number },
): Promise<{ count: number; hits: SearchHit[] }> {
  if (terms.fullText.length === 0 && terms.trigram.length === 0) return { count: 0, hits: [] };
  const config = sql.lit(TS_CONFIG);
  const query = sql`(${tsQuery(terms.fullText)})`;
  const reach = window.offset + window.limit;
  const visible = sql.join(
    [
      sql`z.tenant_id = ${tenantId}`,
      sql`z.publicatiedatum <= ${filter.today}::date`,
      ...(filter.doelgroep !== undefined ? [sql`${filter.doelgroep} = ANY (z.doelgroepen)`] : []),
      ...(filter.aanvraagkanaal !== undefined ? [sql`${filter.aanvraagkanaal} = ANY (z.aanvraagkanalen)`] : []),
    ],
    sql` AND `,
  );
  const headMatch = filter.intern ? sql`(z.kop @@ ${query} OR z.notitie_document @@ ${query})` : sql`z.kop @@ ${query}`;
  const rank = filter.intern
    ? sql`ts_rank(${sql.lit(RANK_WEIGHTS)}::float4[], z.kop, ${query}) + ${sql.lit(NOTE_WEIGHT)} * ts_rank(z.notitie_document, ${query})`
    : sql`ts_rank(${sql.lit(RANK_WEIGHTS)}::float4[], z.kop, ${query})`;
  const headlineOptions = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;
  const statement = sql<SearchHit & { total: number }>`
    WITH expansion AS (
      SELECT * FROM unnest(${expansions.map((item) => item.position)}::int[], ${expansions.map((item) => item.woord)}::text[],
        ${expansions.map((item) => item.similarity)}::float8[]) AS e (position, woord, similarity)
    ),
    title_match AS (
      SELECT product_uuid, titel, sum(best) AS bonus
      FROM (
        SELECT z.product_uuid, z.titel, e.position, max(e.similarity) - ${sql.lit(TRIGRAM_FLOOR)} AS best
        FROM expansion e JOIN kennisbank_zoekindex z ON z.titelwoorden @> ARRAY[e.woord]
        WHERE ${visible}
        GROUP BY z.product_uuid, z.titel, e.position
      ) AS per_word
      GROUP BY product_uuid, titel
    ),
    text_match AS (
      SELECT z.product_uuid, z.titel, ${rank} AS rank FROM kennisbank_zoekindex z WHERE ${visible} AND ${headMatch}
    ),
    head AS MATERIALIZED (
      SELECT coalesce(t.product_uuid, m.product_uuid) AS product_uuid, coalesce(t.titel, m.titel) AS titel,
             (coalesce(t.rank, 0) + ${sql.lit(TRIGRAM_WEIGHT)} * coalesce(m.bonus, 0))::float8 AS score
      FROM text_match t FULL JOIN title_match m ON m.product_uuid = t.product_uuid
    ),
    body_match AS MATERIALIZED (
      SELECT z.product_uuid, z.titel FROM kennisbank_zoekindex z WHERE ${visible} AND z.document @@ ${query}
    ),
    body_only AS MATERIALIZED (
      SELECT b.product_uuid, b.titel FROM body_match b
      WHERE NOT EXISTS (SELECT 1 FROM head h WHERE h.product_uuid = b.product_uuid)
      LIMIT ${sql.lit(BODY_ONLY_CAP)}
    ),
    page AS (
      SELECT * FROM (
        (SELECT product_uuid, titel, score, 0 AS tier FROM head ORDER BY score DESC, titel, product_uuid LIMIT ${reach})
        UNION ALL
        (SELECT product_uuid, titel, 0::float8, 1 FROM body_only ORDER BY titel, product_uuid LIMIT ${reach})
      ) AS both_tiers
      ORDER BY tier, score DESC, titel, product_uuid
      LIMIT ${window.limit} OFFSET ${window.offset}
    ),
    total AS (
      SELECT (SELECT count(*) FROM head) + (SELECT count(*) FROM body_only) AS total
    )
    SELECT z.product_uuid, z.slug, z.titel, z.samenvatting, z.doelgroepen, z.aanvraagkanalen, z.interne_notitie, p.score, total.total,
           ts_headline(${config}::regconfig, z.tekst, ${query}, ${headlineOptions}) AS snippet
    FROM total
    LEFT JOIN page p ON true
    LEFT JOIN kennisbank_zoekindex z ON z.product_uuid = p.product_uuid
    ORDER BY p.tier, p.score DESC, p.titel, p.product_uuid`;
  const rows = (await statement.execute(db)).rows;
  const count = Number(rows[0]?.total ?? 0);
  const hits = rows.filter((row) => row.product_uuid !== null).map(({ total: _total, ...hit }) => ({ ...hit, score: Number(hit.score) }));
  return { count, hits };
}

/** The tenant's synonym groups. */
export async function synonymGroups(db: Kysely<Database>, tenantId: string): Promise<string[][]> {
  const rows = await db.selectFrom('kennisbank_synoniemen').select('termen').where('tenant_id', '=', tenantId).execute();
  return rows.map((row) => row.termen);
}
