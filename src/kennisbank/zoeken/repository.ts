import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../platform/database/schema.ts';
import { TS_CONFIG } from './index-repository.ts';
import type { SearchTerms } from './query.ts';

/** Marks around a highlighted word in a raw snippet; `snippet.ts` turns them into `<mark>` after escaping the text. */
export const MARK_START = '\u27E6';
export const MARK_END = '\u27E7';

/**
 * The word similarity above which `%>` counts a trigram match: pg_trgm's default `word_similarity_threshold`, which
 * the search relies on ("paspoord" is 0.78 like "paspoort", "vergunning" 0.82 like "omgevingsvergunning").
 */
export const TRIGRAM_THRESHOLD = 0.6;
/** Similarity below this adds nothing to the score. */
const TRIGRAM_FLOOR = 0.5;
/** How much trigram similarity above the floor weighs against the full-text rank (a title hit there scores about 0.6). */
const TRIGRAM_WEIGHT = 0.7;
/** ts_rank weights for D, C, B, A: title over trefwoorden over summary over body. */
const RANK_WEIGHTS = '{0.05,0.2,0.5,1.0}';
/** A match in the internal note counts, for the KCC, as much as one in the body. */
const NOTE_WEIGHT = 0.1;

export interface SearchFilter {
  doelgroep?: string;
  aanvraagkanaal?: string;
  /** KCC: the internal notes are searched too. */
  intern: boolean;
  /** Europe/Amsterdam date: products published later are not shown yet. */
  today: string;
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
 * One page of the tenant's published products that match, best first, with the total. A product matches on the
 * full-text query (its words and synonyms, OR-ed) anywhere in its text, or on a trigram match of a word against its
 * title and trefwoorden; both are found through their GIN indexes (the query is a constant expression, not a joined
 * value, so the planner can use them). The score adds the weighted rank over the small `kop` vector and the trigram
 * similarities, so a product that matches more of the query's words ranks higher; a match in the body only ranks
 * after those. Snippets are only made for the page's rows.
 */
export async function searchIndex(
  db: Kysely<Database>,
  tenantId: string,
  terms: SearchTerms,
  filter: SearchFilter,
  window: { limit: number; offset: number },
): Promise<{ count: number; hits: SearchHit[] }> {
  if (terms.fullText.length === 0 && terms.trigram.length === 0) return { count: 0, hits: [] };
  const config = sql.lit(TS_CONFIG);
  const query = sql`(${tsQuery(terms.fullText)})`;
  const trigramMatch = terms.trigram.map((word) => sql`z.trigram_tekst %> ${word}`);
  // Each similarity once per row (it is the costly part of scoring a candidate): what lies above the floor counts.
  const trigramScore = terms.trigram.map((word) => sql`greatest(word_similarity(${word}, z.trigram_tekst) - ${sql.lit(TRIGRAM_FLOOR)}, 0)`);
  const matches = [sql`z.document @@ ${query}`, ...(filter.intern ? [sql`z.notitie_document @@ ${query}`] : []), ...trigramMatch];
  const score = sql.join(
    [
      sql`ts_rank(${sql.lit(RANK_WEIGHTS)}::float4[], z.kop, ${query})`,
      ...(filter.intern ? [sql`${sql.lit(NOTE_WEIGHT)} * ts_rank(z.notitie_document, ${query})`] : []),
      ...trigramScore.map((part) => sql`${sql.lit(TRIGRAM_WEIGHT)} * ${part}`),
    ],
    sql` + `,
  );
  const conditions = [
    sql`z.tenant_id = ${tenantId}`,
    sql`z.publicatiedatum <= ${filter.today}::date`,
    sql`(${sql.join(matches, sql` OR `)})`,
    ...(filter.doelgroep !== undefined ? [sql`${filter.doelgroep} = ANY (z.doelgroepen)`] : []),
    ...(filter.aanvraagkanaal !== undefined ? [sql`${filter.aanvraagkanaal} = ANY (z.aanvraagkanalen)`] : []),
  ];
  const headlineOptions = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;
  const statement = sql<SearchHit & { total: number }>`
    WITH ranked AS (
      SELECT z.product_uuid, (${score})::float8 AS score, count(*) OVER () AS total
      FROM kennisbank_zoekindex z
      WHERE ${sql.join(conditions, sql` AND `)}
      ORDER BY score DESC, z.titel, z.product_uuid
      LIMIT ${window.limit} OFFSET ${window.offset}
    )
    SELECT z.product_uuid, z.slug, z.titel, z.samenvatting, z.doelgroepen, z.aanvraagkanalen, z.interne_notitie, r.score, r.total,
           ts_headline(${config}::regconfig, z.tekst, ${query}, ${headlineOptions}) AS snippet
    FROM ranked r JOIN kennisbank_zoekindex z ON z.product_uuid = r.product_uuid
    ORDER BY r.score DESC, z.titel, z.product_uuid`;
  // The planner prices a tsvector match as cheap, not seeing that a sequential scan reads every article's whole
  // (TOASTed) document to test it: it then walks all articles (370 ms at 10,000) where the GIN indexes take 30 ms.
  // Inside the search's own transaction the hint ends with it; a caller's transaction keeps the planner's choice.
  const rows = db.isTransaction
    ? (await statement.execute(db)).rows
    : await db.transaction().execute(async (trx) => {
        await sql`SET LOCAL enable_seqscan = off`.execute(trx);
        return (await statement.execute(trx)).rows;
      });
  const count = rows[0] !== undefined ? Number(rows[0].total) : window.offset > 0 ? await countOnly(db, conditions) : 0;
  return { count, hits: rows.map(({ total: _total, ...hit }) => ({ ...hit, score: Number(hit.score) })) };
}

/** The total for a page past the last match (the page itself is empty, so the window function gave nothing). */
async function countOnly(db: Kysely<Database>, conditions: RawBuilder<unknown>[]): Promise<number> {
  const result = await sql<{ count: number }>`SELECT count(*) AS count FROM kennisbank_zoekindex z WHERE ${sql.join(conditions, sql` AND `)}`.execute(db);
  return Number(result.rows[0]?.count ?? 0);
}

/** The tenant's synonym groups. */
export async function synonymGroups(db: Kysely<Database>, tenantId: string): Promise<string[][]> {
  const rows = await db.selectFrom('kennisbank_synoniemen').select('termen').where('tenant_id', '=', tenantId).execute();
  return rows.map((row) => row.termen);
}
