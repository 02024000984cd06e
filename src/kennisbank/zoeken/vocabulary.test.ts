import { describe, expect, it } from 'vitest';
import { titleVocabulary, TrigramVocabulary, trigramsOf } from './vocabulary.ts';

describe('title vocabulary', () => {
  it('takes each word of three letters or more, a hyphenated word also without hyphens and in its parts', () => {
    expect(titleVocabulary('id-kaart aanvragen of verlengen')).toEqual(['aanvragen', 'idkaart', 'kaart', 'verlengen']);
  });

  it('makes pg_trgm trigrams: two spaces before the word, one after, each once', () => {
    expect(trigramsOf('kaart')).toEqual(['  k', ' ka', 'kaa', 'aar', 'art', 'rt ']);
    expect(trigramsOf('aaaa')).toEqual(['  a', ' aa', 'aaa', 'aa ']);
  });
});

describe('trigram vocabulary', () => {
  const vocabulary = new TrigramVocabulary(['paspoort', 'omgevingsvergunning', 'kapvergunning', 'parkeren', 'vergunning', 'paspoort']);

  it('finds a misspelt word with the share of its trigrams that pg_trgm word_similarity gives (7 of 9)', () => {
    const [best] = vocabulary.similar('paspoord', 0.6, 10);
    expect(best?.woord).toBe('paspoort');
    expect(best?.similarity).toBeCloseTo(7 / 9, 5);
  });

  it('finds a word inside compounds, the word itself first and shorter compounds before longer ones', () => {
    const found = vocabulary.similar('vergunning', 0.6, 10);
    expect(found.map((match) => match.woord)).toEqual(['vergunning', 'kapvergunning', 'omgevingsvergunning']);
    expect(found[1]?.similarity).toBeCloseTo(9 / 11, 5);
  });

  it('leaves out words below the threshold and keeps at most `limit`', () => {
    expect(vocabulary.similar('parkeervergunning', 0.9, 10)).toEqual([]);
    expect(vocabulary.similar('vergunning', 0.6, 1).map((match) => match.woord)).toEqual(['vergunning']);
    expect(vocabulary.size).toBe(5);
  });
});
