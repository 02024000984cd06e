import type { Kysely } from 'kysely';
import type { Database } from '../../platform/database/schema.ts';
import type { ZoekKanaal } from '../../platform/database/tables/kennisbank.ts';
import { amsterdamToday } from '../dates.ts';
import type { Aanvraagkanaal, Doelgroep } from '../producten/content.ts';
import { logSearch } from '../zoeklog/service.ts';
import { planSearch } from './query.ts';
import { searchIndex, type TitleWordExpansion } from './repository.ts';
import { DEFAULT_CACHE_ENTRIES, SearchResultCache } from './result-cache.ts';
import { tenantSearchState } from './search-state.ts';
import { snippetHtml } from './snippet.ts';

/** One search, from whichever channel. */
export interface ZoekVraag {
  q: string;
  /** Where the search comes from: portal, KCC workspace or the public API. Only the KCC sees internal notes. */
  kanaal: ZoekKanaal;
  doelgroep?: Doelgroep;
  aanvraagkanaal?: Aanvraagkanaal;
  limit?: number;
  offset?: number;
}

export interface ZoekResultaat {
  productUuid: string;
  slug: string;
  titel: string;
  samenvatting: string;
  /** Safe HTML: escaped text with `<mark>` around the words that matched. */
  snippet: string;
  doelgroepen: string[];
  aanvraagkanalen: string[];
  /** KCC only. */
  interneNotitie?: string;
}

export interface ZoekAntwoord {
  /** The logged search this answer belongs to (for recording a click); absent when nothing was logged. */
  zoekopdracht?: string;
  count: number;
  results: ZoekResultaat[];
}

/** A title word resembles a query word when it has this share of its trigrams (pg_trgm's word_similarity threshold). */
const TRIGRAM_THRESHOLD = 0.6;
/** Title words taken per query word ("vergunning" resembles every kind of vergunning in the titles). */
const EXPANSIONS_PER_WORD = 64;
const DEFAULT_LIMIT = 10;

const answers = new SearchResultCache<Awaited<ReturnType<typeof searchIndex>>>(DEFAULT_CACHE_ENTRIES);

/** How many search answers this process keeps (LOKET_KENNISBANK_SEARCH_CACHE; 0 keeps none). */
export function configureSearchResultCache(entries: number): void {
  answers.resize(entries);
}
const MAX_LIMIT = 50;

/**
 * The one kennisbank search of every channel: published products only, best first, with highlighted snippets,
 * filtered on audience and request channel. The first page of each search is logged (masked) with its channel and
 * number of results, unless `log` is false (a search that a person did not type, such as a page's related items).
 */
export async function searchKennisbank(db: Kysely<Database>, tenantId: string, vraag: ZoekVraag, options: { today?: string; log?: boolean } = {}): Promise<ZoekAntwoord> {
  const state = await tenantSearchState(db, tenantId);
  const terms = planSearch(vraag.q, state.synonyms);
  const limit = Math.min(Math.max(vraag.limit ?? DEFAULT_LIMIT, 1), MAX_LIMIT);
  const offset = Math.max(vraag.offset ?? 0, 0);
  const intern = vraag.kanaal === 'kcc';
  const filter = { doelgroep: vraag.doelgroep, aanvraagkanaal: vraag.aanvraagkanaal, intern, today: options.today ?? amsterdamToday() };
  const key =
    state.stand === undefined
      ? undefined
      : JSON.stringify([tenantId, state.stand, filter.today, intern, filter.doelgroep, filter.aanvraagkanaal, limit, offset, terms.fullText, terms.trigram]);
  let found = key === undefined ? undefined : answers.get(key);
  if (found === undefined) {
    // The title words like the query's words: a function of the query and the kept vocabulary, so only on a miss.
    const expansions = terms.trigram.flatMap((word, position): TitleWordExpansion[] =>
      state.vocabulary.similar(word, TRIGRAM_THRESHOLD, EXPANSIONS_PER_WORD).map((match) => ({ position, ...match })),
    );
    found = await searchIndex(db, tenantId, terms, expansions, filter, { limit, offset });
    if (key !== undefined) answers.set(key, found);
  }
  const results = found.hits.map((hit): ZoekResultaat => ({
    productUuid: hit.product_uuid,
    slug: hit.slug,
    titel: hit.titel,
    samenvatting: hit.samenvatting,
    snippet: snippetHtml(hit.snippet, terms.trigram),
    doelgroepen: hit.doelgroepen,
    aanvraagkanalen: hit.aanvraagkanalen,
    ...(intern ? { interneNotitie: hit.interne_notitie } : {}),
  }));
  const shouldLog = options.log !== false && offset === 0 && terms.normalised !== '';
  const zoekopdracht = shouldLog ? await logSearch(db, tenantId, { q: vraag.q, kanaal: vraag.kanaal, aantalResultaten: found.count }) : undefined;
  return { ...(zoekopdracht !== undefined ? { zoekopdracht } : {}), count: found.count, results };
}
