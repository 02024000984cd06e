/*
 * The vocabulary of the titles: the words a query word is compared with for typos and compound words. Comparing with
 * a tenant's vocabulary (a few thousand words, held in memory) instead of with every article's title keeps the cost
 * of that comparison the same at 50 or 10,000 articles (migration 0023).
 */

/** Shorter words resemble too much to be worth a trigram comparison. */
const MIN_WORD_LENGTH = 3;

/**
 * The vocabulary words of a normalised title text (see `normaliseText`): each word, and a hyphenated word also
 * without its hyphens and in its parts. Sorted, each once. Migration 0023 applies the same rule in SQL.
 */
export function titleVocabulary(normalised: string): string[] {
  const words = new Set<string>();
  for (const token of normalised.split(' ')) {
    const parts = token.includes('-') ? [token.replace(/-/g, ''), ...token.split('-')] : [token];
    for (const part of parts) if (part.length >= MIN_WORD_LENGTH) words.add(part);
  }
  return [...words].sort();
}

/** pg_trgm's trigrams of one word: padded with two spaces before and one after, each once. */
export function trigramsOf(word: string): string[] {
  const padded = `  ${word} `;
  const out = new Set<string>();
  for (let index = 0; index + 3 <= padded.length; index++) out.add(padded.slice(index, index + 3));
  return [...out];
}

/** A vocabulary word that resembles a query word, with the share of the query word's trigrams it has (0..1). */
export interface VocabularyMatch {
  woord: string;
  similarity: number;
}

/**
 * A tenant's vocabulary with an index from trigram to words. `similar` finds the words that have at least
 * `threshold` of a query word's trigrams, like pg_trgm's word_similarity (0.78 for "paspoord" and "paspoort", 0.82
 * for "vergunning" in "omgevingsvergunning"): it only visits the words that share a trigram with the query word.
 */
export class TrigramVocabulary {
  private readonly words: string[];
  private readonly postings = new Map<string, number[]>();

  constructor(words: Iterable<string>) {
    this.words = [...new Set(words)];
    this.words.forEach((word, id) => {
      for (const trigram of trigramsOf(word)) {
        const list = this.postings.get(trigram);
        if (list) list.push(id);
        else this.postings.set(trigram, [id]);
      }
    });
  }

  get size(): number {
    return this.words.length;
  }

  /** The words most like `word` (best first, then shorter), at most `limit`. */
  similar(word: string, threshold: number, limit: number): VocabularyMatch[] {
    const trigrams = trigramsOf(word);
    // Counted in a typed array, touching only the words that share a trigram (a common trigram has thousands).
    const shared = new Uint8Array(this.words.length);
    const touched: number[] = [];
    for (const trigram of trigrams) {
      for (const id of this.postings.get(trigram) ?? []) {
        if (shared[id] === 0) touched.push(id);
        shared[id] = (shared[id] ?? 0) + 1;
      }
    }
    const needed = Math.ceil(threshold * trigrams.length - 1e-9);
    const matches: VocabularyMatch[] = [];
    for (const id of touched) {
      const count = shared[id] ?? 0;
      if (count >= needed) matches.push({ woord: this.words[id] ?? '', similarity: count / trigrams.length });
    }
    matches.sort((a, b) => b.similarity - a.similarity || a.woord.length - b.woord.length || (a.woord < b.woord ? -1 : 1));
    return matches.slice(0, limit);
  }
}
