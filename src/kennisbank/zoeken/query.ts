/*
 * What a search box receives, made into what the search query uses: normalised words, the words worth a trigram
 * match, and the beheerder's synonyms that apply. Pure functions, so the rules are tested without a database.
 */

/** Longest query that is searched; more is cut off (nobody types a page into a search box). */
export const MAX_QUERY_LENGTH = 200;

/**
 * Words that say nothing about which product someone wants. Snowball's `dutch` configuration drops its own stop
 * words from the full-text query; these are also kept out of the trigram match, where "mijn" would otherwise
 * resemble every title with "mijn" in it.
 */
const STOPWORDS = new Set(
  [
    'de', 'het', 'een', 'en', 'of', 'ik', 'mijn', 'me', 'mij', 'je', 'jij', 'jou', 'jouw', 'u', 'uw', 'we', 'wij', 'ons', 'onze', 'hij', 'zij', 'ze',
    'wat', 'hoe', 'waar', 'wanneer', 'waarom', 'wie', 'welke', 'kan', 'kun', 'kunt', 'moet', 'moeten', 'wil', 'wilt', 'willen', 'mag', 'voor',
    'van', 'in', 'op', 'met', 'aan', 'bij', 'naar', 'is', 'zijn', 'ben', 'er', 'te', 'om', 'dat', 'die', 'dit', 'deze', 'niet', 'geen', 'wel',
    'ook', 'nog', 'al', 'heb', 'hebt', 'heeft', 'hebben', 'krijg', 'krijgen', 'doe', 'doen', 'over', 'als', 'dan', 'maar', 'door', 'tot',
    'zo', 'nu', 'graag', 'even', 'iets', 'alles', 'gemeente', 'regelen', 'aanvragen', 'aanvraag', 'informatie', 'info',
  ],
);

/** Lower case, accents folded, punctuation (other than a hyphen inside a word) replaced by spaces. */
export function normaliseText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}-]+/gu, ' ')
    .replace(/(^|\s)-+|-+(?=\s|$)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The query as the search uses it: normalised and cut to MAX_QUERY_LENGTH. */
export function normaliseQuery(query: string): string {
  return normaliseText(query.slice(0, MAX_QUERY_LENGTH * 2)).slice(0, MAX_QUERY_LENGTH).trim();
}

/** The words of a normalised query, each once, in order. */
export function queryWords(normalised: string): string[] {
  return [...new Set(normalised.split(' ').filter((word) => word !== ''))];
}

/**
 * The words worth a trigram match: no stop words and nothing shorter than four letters (three-letter words share
 * trigrams with too much). A hyphenated word counts whole and in parts ("id-kaart" is also "kaart").
 */
export function trigramWords(words: readonly string[]): string[] {
  const out = new Set<string>();
  for (const word of words) {
    const parts = word.includes('-') ? [word.replace(/-/g, ''), ...word.split('-')] : [word];
    for (const part of parts) if (part.length >= 4 && !STOPWORDS.has(part)) out.add(part);
  }
  return [...out];
}

/** Whether a normalised query contains a normalised phrase as whole words. */
function containsPhrase(query: string, phrase: string): boolean {
  return phrase !== '' && ` ${query} `.includes(` ${phrase} `);
}

/**
 * The synonyms that apply to a query: for each group of the beheerder's list that has a term in the query (as whole
 * words), the group's other terms. Terms come back normalised; a term may be a phrase ("uittreksel brp").
 */
export function expandSynonyms(normalisedQuery: string, groups: readonly (readonly string[])[]): string[] {
  const extra = new Set<string>();
  const words = new Set(queryWords(normalisedQuery));
  for (const group of groups) {
    const terms = group.map(normaliseText).filter((term) => term !== '');
    if (!terms.some((term) => containsPhrase(normalisedQuery, term))) continue;
    for (const term of terms) if (!containsPhrase(normalisedQuery, term) && !words.has(term)) extra.add(term);
  }
  return [...extra];
}

/** The search plan for one query: what the full-text part matches, and the words for the trigram part. */
export interface SearchTerms {
  /** The normalised query ('' when nothing searchable is left). */
  normalised: string;
  /** Words and phrases for the full-text query, OR-ed: the query's own words and the synonyms' terms. */
  fullText: string[];
  /** Words for the trigram match (compound words, typos). */
  trigram: string[];
}

/** Plans a search: the normalised query, its words, synonyms and trigram words. */
export function planSearch(query: string, synonymGroups: readonly (readonly string[])[]): SearchTerms {
  const normalised = normaliseQuery(query);
  const words = queryWords(normalised);
  const synonyms = expandSynonyms(normalised, synonymGroups);
  const synonymWords = synonyms.flatMap((term) => (term.includes(' ') ? [] : [term]));
  return {
    normalised,
    fullText: [...words, ...synonyms],
    trigram: trigramWords([...words, ...synonymWords]).slice(0, 12),
  };
}
