import { describe, expect, it } from 'vitest';
import { expandSynonyms, normaliseText, planSearch, trigramWords } from './query.ts';
import { snippetHtml } from './snippet.ts';
import { MARK_END, MARK_START } from './repository.ts';

describe('search query planning', () => {
  it('normalises case, accents and punctuation but keeps a hyphen inside a word', () => {
    expect(normaliseText('  Café, ID-kaart!  -- Één ')).toBe('cafe id-kaart een');
  });

  it('leaves stop words and short words out of the trigram match and splits hyphenated words', () => {
    expect(trigramWords(['hoe', 'vraag', 'ik', 'een', 'id-kaart', 'aan'])).toEqual(['vraag', 'idkaart', 'kaart']);
  });

  it('adds the other terms of a synonym group whose term is in the query, as whole words only', () => {
    const groups = [['ID-kaart', 'identiteitskaart'], ['verhuizen', 'adreswijziging'], ['uittreksel gba', 'uittreksel brp']];
    expect(expandSynonyms('id-kaart kwijt', groups)).toEqual(['identiteitskaart']);
    expect(expandSynonyms('uittreksel gba aanvragen', groups)).toEqual(['uittreksel brp']);
    expect(expandSynonyms('verhuizenderwijs', groups)).toEqual([]);
  });

  it('plans nothing for a query of only punctuation', () => {
    expect(planSearch('?!', [])).toEqual({ normalised: '', fullText: [], trigram: [] });
  });
});

describe('snippets', () => {
  it('escapes the text and turns the highlight marks into <mark>', () => {
    expect(snippetHtml(`<b>a</b> ${MARK_START}paspoort${MARK_END} & meer`, [])).toBe('&lt;b&gt;a&lt;/b&gt; <mark>paspoort</mark> &amp; meer');
  });

  it('marks words that contain a trigram word when the full-text part marked nothing', () => {
    expect(snippetHtml('Een omgevingsvergunning <nodig>', ['vergunning'])).toBe('Een <mark>omgevingsvergunning</mark> &lt;nodig&gt;');
  });
});
