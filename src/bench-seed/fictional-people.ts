import { createRandom, type Random } from './random.ts';

/*
 * The people in seeded zaken: residents with BSNs that pass the 11-proef but lie in the 999 range that RvIG keeps
 * for testing, so no seeded BSN can be a real person's, and medewerkers of a fictional municipality.
 */

/** The BSN test range: '999' followed by five digits and the check digit. */
const TEST_RANGE_PREFIX = '999';
const TEST_RANGE_SIZE = 100_000;

let testBsns: readonly string[] | undefined;

/** The check digit that makes eight digits a valid BSN, or undefined when no digit can (sum mod 11 is 10). */
function checkDigit(firstEight: string): number | undefined {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(firstEight[i]) * (9 - i);
  const digit = sum % 11;
  return digit === 10 ? undefined : digit;
}

/** Every valid BSN in the test range, in ascending order (about 91,000). */
export function fictionalBsns(): readonly string[] {
  if (!testBsns) {
    const list: string[] = [];
    for (let n = 0; n < TEST_RANGE_SIZE; n++) {
      const firstEight = `${TEST_RANGE_PREFIX}${String(n).padStart(5, '0')}`;
      const digit = checkDigit(firstEight);
      if (digit !== undefined) list.push(`${firstEight}${digit}`);
    }
    testBsns = list;
  }
  return testBsns;
}

const VOORNAMEN_VROUW = ['Anna', 'Emma', 'Sophie', 'Julia', 'Fatima', 'Lotte', 'Sanne', 'Noor', 'Yasmina', 'Maria', 'Fenna', 'Ilse', 'Lieke', 'Aisha', 'Ingrid'];
const VOORNAMEN_MAN = ['Jan', 'Daan', 'Sem', 'Mohammed', 'Lucas', 'Pieter', 'Thijs', 'Kees', 'Bram', 'Youssef', 'Willem', 'Ruben', 'Mehmet', 'Gerrit', 'Joost'];
/** Surnames with their voorvoegsel (Tabel 36), as the BRP stores them apart. */
const GESLACHTSNAMEN: readonly (readonly [string, string])[] = [
  ['', 'Jansen'], ['de', 'Vries'], ['van den', 'Berg'], ['van', 'Dijk'], ['', 'Bakker'], ['', 'Visser'], ['', 'Smit'],
  ['', 'Meijer'], ['de', 'Boer'], ['', 'Mulder'], ['de', 'Groot'], ['', 'Bos'], ['', 'Vos'], ['', 'Peters'], ['', 'Hendriks'],
  ['van', 'Leeuwen'], ['', 'Dekker'], ['', 'Brouwer'], ['de', 'Wit'], ['', 'Dijkstra'], ['', 'Yilmaz'], ['El', 'Amrani'],
  ['van der', 'Meer'], ['', 'Kok'], ['', 'Jacobs'], ['', 'Kaya'], ['', 'Vermeulen'], ['van der', 'Linden'], ['', 'Postma'],
];

/** A resident as a ROL's betrokkeneIdentificatie (RolNatuurlijkPersoon) names them. */
export interface FictionalResident {
  inpBsn: string;
  geslachtsnaam: string;
  voorvoegselGeslachtsnaam: string;
  voorletters: string;
  voornamen: string;
  geslachtsaanduiding: 'v' | 'm';
  geboortedatum: string;
}

/** A medewerker as a ROL's betrokkeneIdentificatie (RolMedewerker) names them. */
export interface FictionalMedewerker {
  identificatie: string;
  achternaam: string;
  voorletters: string;
  voorvoegselAchternaam: string;
}

// Names and birth dates follow from the BSN's position in the range, so one BSN is always the same person.
const RESIDENT_SEED = 0x6273_6e;

/** The resident with this number in the test range (0 … number of test BSNs − 1). */
export function residentByNumber(number: number): FictionalResident {
  const inpBsn = fictionalBsns()[number];
  if (inpBsn === undefined) throw new RangeError(`there is no test BSN number ${number}`);
  const random = createRandom(RESIDENT_SEED, number);
  const vrouw = random.chance(0.5);
  const voornaam = random.pick(vrouw ? VOORNAMEN_VROUW : VOORNAMEN_MAN);
  const [voorvoegsel, naam] = random.pick(GESLACHTSNAMEN);
  const year = random.int(1935, 2006);
  const month = random.int(1, 12);
  const day = random.int(1, 28);
  return {
    inpBsn,
    geslachtsnaam: naam,
    voorvoegselGeslachtsnaam: voorvoegsel,
    voorletters: `${voornaam[0] ?? ''}.`,
    voornamen: voornaam,
    geslachtsaanduiding: vrouw ? 'v' : 'm',
    geboortedatum: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
  };
}

/** A resident drawn from the test range; the same person turns up in several zaken, as people do. */
export function pickResident(random: Random): FictionalResident {
  return residentByNumber(random.int(0, fictionalBsns().length - 1));
}

/** The municipality's staff: a fixed team of `MEDEWERKERS` people. */
const MEDEWERKERS = 150;

/** One of the medewerkers, by a stable number so a medewerker keeps one name across zaken. */
export function pickMedewerker(random: Random): FictionalMedewerker {
  const number = random.int(1, MEDEWERKERS);
  const [voorvoegsel, naam] = GESLACHTSNAMEN[number % GESLACHTSNAMEN.length] ?? ['', 'Jansen'];
  const voornamen = number % 2 === 0 ? VOORNAMEN_VROUW : VOORNAMEN_MAN;
  const voornaam = voornamen[number % voornamen.length] ?? 'Jan';
  return {
    identificatie: `mw${String(number).padStart(4, '0')}`,
    achternaam: naam,
    voorletters: `${voornaam[0] ?? ''}.`,
    voorvoegselAchternaam: voorvoegsel,
  };
}
