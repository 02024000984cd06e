import { toImportProduct } from '../src/kennisbank/demo/demo-format.ts';
import { DEMO_PRODUCTEN, DEMO_SYNONIEMEN } from '../src/kennisbank/demo/seed.ts';
import { EXCHANGE_FORMAT, EXCHANGE_VERSION } from '../src/kennisbank/uitwisseling/import.ts';

/*
 * A kennisbank of any size for the benchmark, as an exchange file. A real catalogue of 10,000 articles has a few
 * articles per product and thousands on other subjects, which mention products in passing; so:
 *  - the demo products, each also in VARIANTS_PER_PRODUCT variants (the same product for another district), so a
 *    product's words are in several titles;
 *  - the rest are articles on other subjects: a title, summary and trefwoorden of their own (Dutch-like words made
 *    from syllables, so the vocabulary grows with the catalogue as a real one does), and the body of a demo product,
 *    so common words ("gemeentehuis", "aanvragen") and product words are in thousands of bodies.
 * The same count always gives the same file (a fixed pseudo-random sequence).
 */

const VARIANTS_PER_PRODUCT = 9;
const WIJKEN = ['Centrum', 'Noord', 'Oost', 'Zuid', 'West', 'Stationskwartier', 'Haven', 'Dorp', 'Bosrand', 'Molenbuurt'];
const ONSETS = ['b', 'br', 'd', 'dr', 'f', 'g', 'gr', 'h', 'k', 'kl', 'l', 'm', 'n', 'p', 'pl', 'r', 's', 'sch', 'sl', 'st', 't', 'tr', 'v', 'w', 'z'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'aa', 'ee', 'oo', 'ui', 'ij', 'ou', 'ie'];
const CODAS = ['', 'n', 'r', 'l', 'k', 't', 'm', 's', 'nd', 'rt', 'ng', 'ld', 'cht'];
const SUFFIXES = ['beleid', 'regeling', 'subsidie', 'melding', 'ontheffing', 'plan', 'loket', 'toeslag', 'fonds', 'verordening', 'project', 'wijzer'];

/** A small deterministic pseudo-random generator (mulberry32). */
function randomSequence(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('empty list');
  return item;
}

function syllable(random: () => number): string {
  return `${pick(random, ONSETS)}${pick(random, VOWELS)}${pick(random, CODAS)}`;
}

/** A Dutch-like word of two or three syllables, now and then a compound with a municipal suffix. */
function word(random: () => number): string {
  const stem = Array.from({ length: 2 + Math.floor(random() * 2) }, () => syllable(random)).join('');
  return random() < 0.3 ? `${stem}${pick(random, SUFFIXES)}` : stem;
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The exchange file with `count` published articles (at least the demo products). */
export function benchCatalogue(count: number, today: string): Record<string, unknown> {
  const random = randomSequence(20_261_123);
  const producten: Record<string, unknown>[] = [];
  for (let round = 0; round <= VARIANTS_PER_PRODUCT && producten.length < count; round++) {
    for (const base of DEMO_PRODUCTEN) {
      if (producten.length >= count) break;
      const product = toImportProduct(base, today);
      const wijk = WIJKEN[round % WIJKEN.length] ?? 'Centrum';
      producten.push(round === 0 ? product : { ...product, slug: `${base.slug}-${round}`, titel: `${base.titel} (${wijk})`, gerelateerd: [] });
    }
  }
  for (let index = 0; producten.length < count; index++) {
    const body = toImportProduct(pick(random, DEMO_PRODUCTEN), today);
    const titel = capitalised(Array.from({ length: 2 + Math.floor(random() * 2) }, () => word(random)).join(' '));
    producten.push({
      ...body,
      slug: `onderwerp-${index + 1}`,
      uplNaam: titel,
      titel,
      samenvatting: `Informatie over ${titel.toLowerCase()}: ${word(random)} en ${word(random)} voor inwoners en ondernemers.`,
      trefwoorden: [word(random), word(random)],
      vraagAntwoord: [],
      gerelateerd: [],
    });
  }
  return { formaat: EXCHANGE_FORMAT, versie: EXCHANGE_VERSION, synoniemen: DEMO_SYNONIEMEN, producten };
}
