import { describe, expect, it } from 'vitest';
import { isValidBsn } from '../platform/personal-data/bsn.ts';
import { fictionalBsns, pickMedewerker, residentByNumber } from './fictional-people.ts';
import { createRandom } from './random.ts';

describe('fictional people for seeded zaken', () => {
  it('gives only BSNs that pass the 11-proef and lie in the 999 test range', () => {
    const bsns = fictionalBsns();
    // Of 100,000 candidates, those whose check digit would be 10 drop out: about one in eleven.
    expect(bsns.length).toBeGreaterThan(90_000);
    expect(bsns.length).toBeLessThan(100_000);
    expect(new Set(bsns).size).toBe(bsns.length);
    expect(bsns.filter((bsn) => !bsn.startsWith('999') || !isValidBsn(bsn))).toEqual([]);
  });

  it('finds every valid BSN of the range (none is skipped)', () => {
    const all = new Set(fictionalBsns());
    const disagreements: string[] = [];
    for (let n = 0; n < 5000; n++) {
      for (let check = 0; check <= 9; check++) {
        const candidate = `999${String(n).padStart(5, '0')}${check}`;
        if (all.has(candidate) !== isValidBsn(candidate)) disagreements.push(candidate);
      }
    }
    expect(disagreements).toEqual([]);
  });

  it('keeps one name and birth date per BSN', () => {
    expect(residentByNumber(1234)).toEqual(residentByNumber(1234));
    const resident = residentByNumber(1234);
    expect(resident.voorletters).toBe(`${resident.voornamen[0]}.`);
    expect(resident.geboortedatum).toMatch(/^(19[3-9]\d|200[0-6])-(0[1-9]|1[0-2])-(0[1-9]|1\d|2[0-8])$/);
  });

  it('names a medewerker the same way every time it is drawn', () => {
    const random = createRandom(1);
    const seen = new Map<string, string>();
    for (let i = 0; i < 1000; i++) {
      const medewerker = pickMedewerker(random);
      expect(medewerker.identificatie).toMatch(/^mw\d{4}$/);
      const name = `${medewerker.voorletters} ${medewerker.voorvoegselAchternaam} ${medewerker.achternaam}`;
      expect(seen.get(medewerker.identificatie) ?? name).toBe(name);
      seen.set(medewerker.identificatie, name);
    }
  });
});
