import type { Kysely } from 'kysely';
import type { Database } from '../../platform/database/schema.ts';
import type { NieuweRegel } from '../begroting/csv-regels.ts';
import { createVersie } from '../begroting/versies.ts';
import { saveKengetalInvoer } from '../kengetallen/service.ts';
import type { KengetalVeld } from '../kengetallen/invoer.ts';
import { saveCapaciteit } from '../weerstand/capaciteit.ts';
import { insertRisico } from '../weerstand/risicos.ts';
import { insertVerbondenPartij, type VerbondenPartijInvoer } from '../verbonden-partijen/verbonden-partijen.ts';
import { insertMaatregel, type MaatregelInvoer } from '../maatregelen/maatregelen.ts';

/*
 * The finances of the demo municipality, Gemeente Voorbeeld (about 45,000 inhabitants, lasten some 120 million euro a
 * year): the jaarrekening 2026, the primitieve begroting 2027 (jaarschijven 2027–2030) and the voorjaarsnota as one
 * begrotingswijziging, balance positions for every kengetal, 15 risks, the weerstandscapaciteit, 6 verbonden partijen
 * and a few maatregelen. Fixed figures, no randomness: every first start shows the same budget.
 */

const M = 100_000_000; // one million euro in cents
const K = 100_000; // one thousand euro in cents
/** Millions of euro as whole cents (a product like 4.1 × 10^8 is not exact in floating point). */
const mln = (millions: number) => Math.round(millions * M);
export const DEMO_BEGROTINGSJAAR = 2027;

interface Post {
  programma: string;
  taakveld: string;
  omschrijving: string;
  /** Lasten in 2027 in cents (of which 30% personnel, unless `categorie` is set). */
  bedrag: number;
  categorie?: string;
}

/** The structural lasten of the 2027 budget; later years grow by 2% a year (loon- en prijsontwikkeling). */
const LASTEN: readonly Post[] = [
  { programma: 'Bestuur en dienstverlening', taakveld: '0.1', omschrijving: 'Raad, college en griffie', bedrag: mln(3.2) },
  { programma: 'Bestuur en dienstverlening', taakveld: '0.2', omschrijving: 'Burgerzaken', bedrag: mln(1.6) },
  { programma: 'Bestuur en dienstverlening', taakveld: '0.4', omschrijving: 'Overhead', bedrag: mln(14.2) },
  { programma: 'Bestuur en dienstverlening', taakveld: '0.5', omschrijving: 'Rente en financiering', bedrag: mln(1.4), categorie: '5.1' },
  { programma: 'Veiligheid', taakveld: '1.1', omschrijving: 'Bijdrage Veiligheidsregio', bedrag: mln(3.4), categorie: '4.4' },
  { programma: 'Veiligheid', taakveld: '1.2', omschrijving: 'Openbare orde en handhaving', bedrag: mln(1.2) },
  { programma: 'Openbare ruimte', taakveld: '2.1', omschrijving: 'Wegen, bruggen en verlichting', bedrag: mln(6.4) },
  { programma: 'Openbare ruimte', taakveld: '2.2', omschrijving: 'Parkeren', bedrag: mln(0.8) },
  { programma: 'Openbare ruimte', taakveld: '5.7', omschrijving: 'Openbaar groen en speelplaatsen', bedrag: mln(4.4) },
  { programma: 'Openbare ruimte', taakveld: '7.2', omschrijving: 'Riolering', bedrag: mln(5.2) },
  { programma: 'Openbare ruimte', taakveld: '7.3', omschrijving: 'Inzameling en verwerking afval', bedrag: mln(6.9) },
  { programma: 'Economie en onderwijs', taakveld: '3.1', omschrijving: 'Economische ontwikkeling', bedrag: mln(0.9) },
  { programma: 'Economie en onderwijs', taakveld: '3.4', omschrijving: 'Citymarketing', bedrag: mln(0.4) },
  { programma: 'Economie en onderwijs', taakveld: '4.2', omschrijving: 'Onderwijshuisvesting', bedrag: mln(3.8) },
  { programma: 'Economie en onderwijs', taakveld: '4.3', omschrijving: 'Leerlingenvervoer en onderwijsbeleid', bedrag: mln(2.6) },
  { programma: 'Sport en cultuur', taakveld: '5.1', omschrijving: 'Sportstimulering', bedrag: mln(0.8) },
  { programma: 'Sport en cultuur', taakveld: '5.2', omschrijving: 'Sportaccommodaties', bedrag: mln(3.1) },
  { programma: 'Sport en cultuur', taakveld: '5.3', omschrijving: 'Subsidie Cultuurhuis', bedrag: mln(1.9), categorie: '4.3.6' },
  { programma: 'Sociaal domein', taakveld: '6.1', omschrijving: 'Wijkteams en welzijn', bedrag: mln(4.2) },
  { programma: 'Sociaal domein', taakveld: '6.21', omschrijving: 'Toegang Wmo', bedrag: mln(2.1) },
  { programma: 'Sociaal domein', taakveld: '6.22', omschrijving: 'Toegang jeugd', bedrag: mln(1.6) },
  { programma: 'Sociaal domein', taakveld: '6.3', omschrijving: 'Bijstandsuitkeringen', bedrag: mln(11.2), categorie: '4.3.3' },
  { programma: 'Sociaal domein', taakveld: '6.4', omschrijving: 'Bijdrage Werkbedrijf', bedrag: mln(3.2), categorie: '4.4' },
  { programma: 'Sociaal domein', taakveld: '6.5', omschrijving: 'Re-integratie', bedrag: mln(2.4) },
  { programma: 'Sociaal domein', taakveld: '6.60', omschrijving: 'Hulpmiddelen Wmo', bedrag: mln(1.8) },
  { programma: 'Sociaal domein', taakveld: '6.711', omschrijving: 'Hulp bij het huishouden', bedrag: mln(4.6) },
  { programma: 'Sociaal domein', taakveld: '6.712', omschrijving: 'Begeleiding Wmo', bedrag: mln(3.3) },
  { programma: 'Sociaal domein', taakveld: '6.751', omschrijving: 'Jeugdhulp ambulant', bedrag: mln(5.1) },
  { programma: 'Sociaal domein', taakveld: '6.761', omschrijving: 'Jeugdhulp met verblijf', bedrag: mln(6.8) },
  { programma: 'Sociaal domein', taakveld: '6.811', omschrijving: 'Beschermd wonen', bedrag: mln(2.2) },
  { programma: 'Sociaal domein', taakveld: '6.821', omschrijving: 'Jeugdbescherming', bedrag: mln(1.1) },
  { programma: 'Volksgezondheid en milieu', taakveld: '7.1', omschrijving: 'Bijdrage GGD', bedrag: mln(3.1), categorie: '4.4' },
  { programma: 'Volksgezondheid en milieu', taakveld: '7.4', omschrijving: 'Bijdrage Omgevingsdienst', bedrag: mln(1.6), categorie: '4.4' },
  { programma: 'Volksgezondheid en milieu', taakveld: '7.5', omschrijving: 'Begraafplaats', bedrag: mln(0.3) },
  { programma: 'Wonen en ruimte', taakveld: '8.1', omschrijving: 'Ruimtelijke ordening en omgevingswet', bedrag: mln(2.4) },
  { programma: 'Wonen en ruimte', taakveld: '8.2', omschrijving: 'Grondexploitatie woningbouw', bedrag: mln(3.5) },
  { programma: 'Wonen en ruimte', taakveld: '8.3', omschrijving: 'Vergunningen en bouwtoezicht', bedrag: mln(1.9) },
];

/** The structural baten apart from the algemene uitkering (which closes the budget to the intended balance). */
const BATEN: readonly Post[] = [
  { programma: 'Algemene dekkingsmiddelen', taakveld: '0.61', omschrijving: 'OZB woningen', bedrag: mln(6.4), categorie: '2.2.1' },
  { programma: 'Algemene dekkingsmiddelen', taakveld: '0.62', omschrijving: 'OZB niet-woningen', bedrag: mln(3.1), categorie: '2.2.1' },
  { programma: 'Algemene dekkingsmiddelen', taakveld: '0.64', omschrijving: 'Toeristenbelasting en hondenbelasting', bedrag: mln(0.9), categorie: '2.2.1' },
  { programma: 'Algemene dekkingsmiddelen', taakveld: '0.5', omschrijving: 'Dividend Afvalbedrijf', bedrag: mln(0.9), categorie: '7.1' },
  { programma: 'Bestuur en dienstverlening', taakveld: '0.2', omschrijving: 'Leges burgerzaken', bedrag: mln(1.2), categorie: '3.5' },
  { programma: 'Openbare ruimte', taakveld: '7.2', omschrijving: 'Rioolheffing', bedrag: mln(5.6), categorie: '2.2.2' },
  { programma: 'Openbare ruimte', taakveld: '7.3', omschrijving: 'Afvalstoffenheffing', bedrag: mln(7.1), categorie: '2.2.2' },
  { programma: 'Openbare ruimte', taakveld: '2.2', omschrijving: 'Parkeeropbrengsten', bedrag: mln(1.1), categorie: '3.5' },
  { programma: 'Sport en cultuur', taakveld: '5.2', omschrijving: 'Verhuur sportaccommodaties', bedrag: mln(0.7), categorie: '3.5' },
  { programma: 'Sociaal domein', taakveld: '6.3', omschrijving: 'Rijksbijdrage bijstand (BUIG)', bedrag: mln(8.6), categorie: '4.3.1' },
  { programma: 'Wonen en ruimte', taakveld: '8.2', omschrijving: 'Verkoop bouwgrond', bedrag: mln(3.8), categorie: '3.2' },
  { programma: 'Wonen en ruimte', taakveld: '8.3', omschrijving: 'Leges omgevingsvergunningen', bedrag: mln(1.4), categorie: '3.5' },
];

/** Structural reservemutaties per year: onttrekkingen (baten) and toevoegingen (lasten). */
const RESERVES = [
  { soort: 'baten' as const, reserve: 'Reserve kapitaallasten', omschrijving: 'Dekking kapitaallasten sportpark', bedrag: mln(0.8) },
  { soort: 'lasten' as const, reserve: 'Reserve sociaal domein', omschrijving: 'Storting reserve sociaal domein', bedrag: mln(0.3) },
];

/** Incidental items of the primitieve begroting (at most three years each). */
const INCIDENTEEL = [
  { jaar: 2027, programma: 'Sport en cultuur', taakveld: '5.3', soort: 'lasten' as const, omschrijving: 'Eenmalige bijdrage Voorbeeldfestival', bedrag: mln(0.25) },
  { jaar: 2027, programma: 'Openbare ruimte', taakveld: '2.1', soort: 'lasten' as const, omschrijving: 'Inhaalslag onderhoud wegen', bedrag: mln(0.6) },
  { jaar: 2028, programma: 'Openbare ruimte', taakveld: '2.1', soort: 'lasten' as const, omschrijving: 'Inhaalslag onderhoud wegen', bedrag: mln(0.6) },
  { jaar: 2027, programma: 'Algemene dekkingsmiddelen', taakveld: '0.7', soort: 'baten' as const, omschrijving: 'Incidentele decentralisatie-uitkering', bedrag: mln(0.5) },
];

/** The structural balance the primitieve begroting aims at per year (cents): a deficit that closes from 2029. */
const DOEL_STRUCTUREEL: Record<number, number> = { 2026: mln(0.2), 2027: -mln(1.2), 2028: -mln(0.3), 2029: mln(0.4), 2030: mln(0.9) };

const GROEI = 0.02;

function groei(bedrag: number, jaar: number): number {
  return Math.round(bedrag * (1 + GROEI) ** (jaar - DEMO_BEGROTINGSJAAR));
}

/** One year's begrotingsregels: structural lasten and baten, the algemene uitkering that closes them, reserves, incidentals. */
function regelsVoorJaar(jaar: number, incidenteel: typeof INCIDENTEEL, reserveOnttrekking: number): Omit<NieuweRegel, 'regelnummer'>[] {
  const regels: Omit<NieuweRegel, 'regelnummer'>[] = [];
  let lasten = 0;
  let baten = 0;
  for (const post of LASTEN) {
    const bedrag = groei(post.bedrag, jaar);
    lasten += bedrag;
    if (post.categorie) {
      regels.push({ jaar, programma: post.programma, taakveld: post.taakveld, categorie: post.categorie, soort: 'lasten', bedragCenten: bedrag, structureel: true, reserve: null, omschrijving: post.omschrijving });
    } else {
      const personeel = Math.round(bedrag * 0.3);
      regels.push({ jaar, programma: post.programma, taakveld: post.taakveld, categorie: '1.1', soort: 'lasten', bedragCenten: personeel, structureel: true, reserve: null, omschrijving: `${post.omschrijving}, personeel` });
      regels.push({ jaar, programma: post.programma, taakveld: post.taakveld, categorie: '3.4.1', soort: 'lasten', bedragCenten: bedrag - personeel, structureel: true, reserve: null, omschrijving: post.omschrijving });
    }
  }
  for (const post of BATEN) {
    const bedrag = groei(post.bedrag, jaar);
    baten += bedrag;
    regels.push({ jaar, programma: post.programma, taakveld: post.taakveld, categorie: post.categorie ?? '3.5', soort: 'baten', bedragCenten: bedrag, structureel: true, reserve: null, omschrijving: post.omschrijving });
  }
  let reserves = 0;
  for (const mutatie of RESERVES) {
    reserves += mutatie.soort === 'baten' ? mutatie.bedrag : -mutatie.bedrag;
    regels.push({ jaar, programma: 'Algemene dekkingsmiddelen', taakveld: '0.10', categorie: '7.4', soort: mutatie.soort, bedragCenten: mutatie.bedrag, structureel: true, reserve: mutatie.reserve, omschrijving: mutatie.omschrijving });
  }
  // The algemene uitkering closes the structural figures to the intended balance.
  const uitkering = (DOEL_STRUCTUREEL[jaar] ?? 0) + lasten - baten - reserves;
  regels.push({ jaar, programma: 'Algemene dekkingsmiddelen', taakveld: '0.7', categorie: '4.3.1', soort: 'baten', bedragCenten: uitkering, structureel: true, reserve: null, omschrijving: 'Algemene uitkering gemeentefonds' });
  for (const item of incidenteel.filter((entry) => entry.jaar === jaar)) {
    regels.push({ jaar, programma: item.programma, taakveld: item.taakveld, categorie: item.soort === 'baten' ? '4.3.1' : '3.4.1', soort: item.soort, bedragCenten: item.bedrag, structureel: false, reserve: null, omschrijving: item.omschrijving });
  }
  // The incidental lasten are covered from the algemene reserve (an incidental onttrekking).
  if (reserveOnttrekking > 0) {
    regels.push({ jaar, programma: 'Algemene dekkingsmiddelen', taakveld: '0.10', categorie: '7.4', soort: 'baten', bedragCenten: reserveOnttrekking, structureel: false, reserve: 'Algemene reserve', omschrijving: 'Onttrekking algemene reserve voor incidentele lasten' });
  }
  return regels;
}

function genummerd(regels: Omit<NieuweRegel, 'regelnummer'>[]): NieuweRegel[] {
  // Numbered as if read from a file with a header line.
  return regels.map((regel, index) => ({ ...regel, regelnummer: index + 2 }));
}

/** The voorjaarsnota 2027: higher costs of youth care and a better meicirculaire, plus one incidental item. */
function voorjaarsnota(): NieuweRegel[] {
  const regels: Omit<NieuweRegel, 'regelnummer'>[] = [];
  for (let jaar = DEMO_BEGROTINGSJAAR; jaar < DEMO_BEGROTINGSJAAR + 4; jaar++) {
    regels.push({ jaar, programma: 'Sociaal domein', taakveld: '6.761', categorie: '3.4.1', soort: 'lasten', bedragCenten: mln(0.8), structureel: true, reserve: null, omschrijving: 'Hogere kosten jeugdhulp met verblijf' });
    regels.push({ jaar, programma: 'Algemene dekkingsmiddelen', taakveld: '0.7', categorie: '4.3.1', soort: 'baten', bedragCenten: mln(0.35), structureel: true, reserve: null, omschrijving: 'Meicirculaire gemeentefonds' });
  }
  regels.push({ jaar: DEMO_BEGROTINGSJAAR, programma: 'Veiligheid', taakveld: '1.2', categorie: '1.1', soort: 'lasten', bedragCenten: mln(0.2), structureel: false, reserve: null, omschrijving: 'Extra inzet handhaving' });
  return genummerd(regels);
}

/** Balance positions per year in millions (begin of year), moving a little each year as the investments are financed. */
function balans(jaar: number): Partial<Record<KengetalVeld, number>> {
  const step = jaar - 2026;
  const waarden: Partial<Record<KengetalVeld, number>> = {
    vasteSchulden: (92 + 4 * step) * M,
    nettoVlottendeSchuld: mln(8),
    overlopendePassiva: mln(6.5),
    financieleActiva: mln(3.2),
    verstrekteLeningen: mln(4.1),
    uitzettingenKorterDanJaar: mln(2.4),
    liquideMiddelen: mln(1.1),
    overlopendeActiva: mln(4.3),
    eigenVermogen: (44 - 0.8 * step) * M,
    balanstotaal: (162 + 4 * step) * M,
    nietInExploitatieGenomenGronden: mln(2.6),
    bouwgrondenInExploitatie: (9.5 - 1.5 * step) * M,
    woonlasten: (1012 + 25 * step) * 100,
    landelijkeWoonlastenVorigJaar: (985 + 24 * step) * 100,
  };
  return Object.fromEntries(Object.entries(waarden).map(([veld, bedrag]) => [veld, Math.round(bedrag ?? 0)]));
}

/**
 * The six verbonden partijen. Their contributions are linked the way a controller finds them in the ledger: the
 * gemeenschappelijke regelingen by taakveld and categorie 4.4, the dividend by taakveld 0.5 and categorie 7.1, the
 * Cultuurhuis subsidy by its omschrijving on taakveld 5.3 (where the one-off festival grant also stands).
 */
const PARTIJEN: readonly VerbondenPartijInvoer[] = [
  {
    naam: 'Veiligheidsregio Voorbeeld-Midden', vestigingsplaats: 'Voorstad', soort: 'gemeenschappelijke_regeling',
    openbaarBelang: 'Brandweerzorg, rampenbestrijding en crisisbeheersing in de regio.', bestuurlijkBelang: 'De burgemeester is lid van het algemeen bestuur.',
    financieelBelang: 'Jaarlijkse bijdrage naar rato van het aantal inwoners; de gemeente staat garant voor tekorten.', jaar: 2026,
    eigenVermogenBegin: mln(4.2), eigenVermogenEind: mln(3.9), vreemdVermogenBegin: mln(21), vreemdVermogenEind: mln(22.4), resultaat: -mln(0.3),
    risicos: 'Stijgende kosten van materieel en personeel; huisvesting kazernes.', bijdrage: [{ taakveld: '1.1', categorie: '4.4', omschrijving: null }],
  },
  {
    naam: 'GGD Regio Voorbeeld', vestigingsplaats: 'Voorstad', soort: 'gemeenschappelijke_regeling',
    openbaarBelang: 'Publieke gezondheidszorg en jeugdgezondheidszorg.', bestuurlijkBelang: 'Een wethouder is lid van het algemeen bestuur.',
    financieelBelang: 'Jaarlijkse bijdrage per inwoner.', jaar: 2026,
    eigenVermogenBegin: mln(2.1), eigenVermogenEind: mln(2.3), vreemdVermogenBegin: mln(9.8), vreemdVermogenEind: mln(9.5), resultaat: mln(0.2),
    risicos: 'Nieuwe landelijke taken zonder volledige vergoeding.', bijdrage: [{ taakveld: '7.1', categorie: '4.4', omschrijving: null }],
  },
  {
    naam: 'Omgevingsdienst Voorbeeld', vestigingsplaats: 'Dalwijk', soort: 'gemeenschappelijke_regeling',
    openbaarBelang: 'Vergunningverlening, toezicht en handhaving op milieugebied.', bestuurlijkBelang: 'Een wethouder is lid van het algemeen bestuur.',
    financieelBelang: 'Bijdrage naar afgenomen uren.', jaar: 2026,
    eigenVermogenBegin: mln(1.2), eigenVermogenEind: mln(1.1), vreemdVermogenBegin: mln(5.6), vreemdVermogenEind: mln(5.9), resultaat: -mln(0.1),
    risicos: 'Meer werk door de Omgevingswet.', bijdrage: [{ taakveld: '7.4', categorie: '4.4', omschrijving: null }],
  },
  {
    naam: 'Werkbedrijf Voorbeeld', vestigingsplaats: 'Voorbeeld', soort: 'gemeenschappelijke_regeling',
    openbaarBelang: 'Uitvoering van de Wsw en beschut werk.', bestuurlijkBelang: 'Een wethouder is voorzitter van het bestuur.',
    financieelBelang: 'Bijdrage in de tekorten naar aandeel in de Wsw-populatie.', jaar: 2026,
    eigenVermogenBegin: mln(0.9), eigenVermogenEind: mln(0.6), vreemdVermogenBegin: mln(7.2), vreemdVermogenEind: mln(7.5), resultaat: -mln(0.3),
    risicos: 'Krimpende rijksbijdrage bij vaste kosten van het bedrijf.', bijdrage: [{ taakveld: '6.4', categorie: '4.4', omschrijving: null }],
  },
  {
    naam: 'Afvalbedrijf Voorbeeldse Dal N.V.', vestigingsplaats: 'Dalwijk', soort: 'vennootschap',
    openbaarBelang: 'Inzameling en verwerking van huishoudelijk afval.', bestuurlijkBelang: 'De gemeente stemt als aandeelhouder in de algemene vergadering.',
    financieelBelang: '12% van de aandelen; dividend.', jaar: 2026,
    eigenVermogenBegin: mln(31), eigenVermogenEind: mln(32.5), vreemdVermogenBegin: mln(58), vreemdVermogenEind: mln(55), resultaat: mln(4.1),
    risicos: 'Schommelende opbrengsten van grondstoffen; lager dividend.', bijdrage: [{ taakveld: '0.5', categorie: '7.1', omschrijving: null }],
  },
  {
    naam: 'Stichting Cultuurhuis Voorbeeld', vestigingsplaats: 'Voorbeeld', soort: 'stichting',
    openbaarBelang: 'Bibliotheek, muziekschool en theater onder één dak.', bestuurlijkBelang: 'De gemeente benoemt een lid van de raad van toezicht.',
    financieelBelang: 'Jaarlijkse subsidie; de gemeente is eigenaar van het gebouw.', jaar: 2026,
    eigenVermogenBegin: mln(0.4), eigenVermogenEind: mln(0.35), vreemdVermogenBegin: mln(1.1), vreemdVermogenEind: mln(1.2), resultaat: -mln(0.05),
    risicos: 'Teruglopende bezoekersaantallen.', bijdrage: [{ taakveld: '5.3', categorie: null, omschrijving: 'Subsidie Cultuurhuis' }],
  },
];

/** The 15 risks: [naam, oorzaak, gevolg, kans %, impact in thousands, structureel, eigenaar, beheersmaatregel, partij index]. */
const RISICOS: readonly [string, string, string, number, number, boolean, string, string, number | null][] = [
  ['Stijging kosten jeugdhulp', 'Meer jeugdigen met zware zorgvragen', 'Overschrijding budget jeugdhulp', 60, 2500, true, 'Wethouder sociaal domein', 'Sturing op toegang en contractmanagement', null],
  ['Open-einderegeling Wmo', 'Abonnementstarief en vergrijzing', 'Hogere lasten hulp bij het huishouden', 50, 1800, true, 'Wethouder sociaal domein', 'Herindicaties en algemene voorzieningen', null],
  ['Tekort bijstandsbudget (BUIG)', 'Rijksbudget daalt sneller dan het aantal uitkeringen', 'Eigen bijdrage aan uitkeringen', 40, 1200, false, 'Wethouder werk en inkomen', 'Re-integratie en poortwachter', null],
  ['Lagere algemene uitkering', 'Herijking gemeentefonds en opschalingskorting', 'Minder algemene middelen', 30, 3000, true, 'Wethouder financiën', 'Scenario\u2019s in de meerjarenraming', null],
  ['Verlies grondexploitatie Oostpolder', 'Lagere grondprijzen, hogere bouwkosten', 'Voorziening verliesgevende grondexploitatie', 25, 4000, false, 'Wethouder ruimte', 'Fasering en herziening grondexploitatie', null],
  ['Tekort Veiligheidsregio', 'Kosten materieel en personeel', 'Hogere bijdrage of garantstelling', 35, 600, true, 'Burgemeester', 'Sturing via algemeen bestuur', 0],
  ['Extra bijdrage GGD', 'Nieuwe wettelijke taken', 'Hogere bijdrage', 30, 300, true, 'Wethouder volksgezondheid', 'Zienswijze op de begroting van de GGD', 1],
  ['Tekort Werkbedrijf', 'Lagere rijksbijdrage Wsw', 'Bijdrage in het tekort', 45, 700, false, 'Wethouder werk en inkomen', 'Afbouwplan en herplaatsing', 3],
  ['Lager dividend Afvalbedrijf', 'Lagere grondstofprijzen', 'Minder dividend', 30, 450, false, 'Wethouder financiën', 'Voorzichtig ramen van dividend', 4],
  ['Continuïteit Cultuurhuis', 'Teruglopende inkomsten', 'Extra subsidie of overname gebouwlasten', 15, 500, false, 'Wethouder cultuur', 'Kwartaalgesprekken met de stichting', 5],
  ['Schadeclaims aansprakelijkheid', 'Ongevallen in de openbare ruimte', 'Eigen risico boven de verzekering', 20, 250, false, 'Gemeentesecretaris', 'Inspecties en verzekering', null],
  ['Planschade', 'Nieuwe bestemmingsplannen', 'Vergoeding van planschade', 10, 800, false, 'Wethouder ruimte', 'Planschadeovereenkomsten met ontwikkelaars', null],
  ['Renteverhoging', 'Stijgende kapitaalmarktrente', 'Hogere rentelasten bij herfinanciering', 40, 500, true, 'Wethouder financiën', 'Spreiding van de leningportefeuille', null],
  ['Cyberincident', 'Aanval op de informatievoorziening', 'Herstelkosten en uitval dienstverlening', 10, 1500, false, 'CISO', 'BIO-maatregelen en oefeningen', null],
  ['Loon- en prijsstijging boven raming', 'Cao-afspraken en inflatie', 'Hogere lasten dan begroot', 50, 900, true, 'Concerncontroller', 'Jaarlijkse indexering in de kadernota', null],
];

const MAATREGELEN: readonly MaatregelInvoer[] = [
  { naam: 'Herijking subsidies', soort: 'ombuiging', omschrijving: 'Subsidies toetsen aan de doelen van het coalitieakkoord en versoberen.', status: 'voorgesteld', haalbaarheid: 'hoog', effectOp: 'lasten', structureel: true, taakveld: '6.1', bedragen: new Map([[2028, mln(0.4)], [2029, mln(0.4)], [2030, mln(0.4)]]) },
  { naam: 'OZB-verhoging boven inflatie', soort: 'ombuiging', omschrijving: 'De OZB-tarieven stijgen 2% meer dan de inflatie.', status: 'voorgesteld', haalbaarheid: 'gemiddeld', effectOp: 'baten', structureel: true, taakveld: '0.61', bedragen: new Map([[2027, mln(0.25)], [2028, mln(0.5)], [2029, mln(0.75)], [2030, M]]) },
  { naam: 'Taakstelling inkoop sociaal domein', soort: 'taakstelling', omschrijving: 'Lagere tarieven en volumes door regionale inkoop.', status: 'voorgesteld', haalbaarheid: 'laag', effectOp: 'lasten', structureel: true, taakveld: '6.751', bedragen: new Map([[2028, mln(0.6)], [2029, mln(0.9)], [2030, mln(0.9)]]) },
  { naam: 'Verkoop gemeentewerf', soort: 'ombuiging', omschrijving: 'De oude gemeentewerf wordt verkocht na de verhuizing naar de nieuwe locatie.', status: 'voorgesteld', haalbaarheid: 'gemiddeld', effectOp: 'baten', structureel: false, taakveld: '0.3', bedragen: new Map([[2028, mln(1.2)]]) },
  { naam: 'Digitalisering dienstverlening', soort: 'ombuiging', omschrijving: 'Minder balie-uren door online aanvragen.', status: 'vastgesteld', haalbaarheid: 'hoog', effectOp: 'lasten', structureel: true, taakveld: '0.2', bedragen: new Map([[2027, mln(0.15)], [2028, mln(0.15)], [2029, mln(0.15)], [2030, mln(0.15)]]) },
];

const INWONERS: Record<number, number> = { 2026: 44_820, 2027: 45_080, 2028: 45_330, 2029: 45_560, 2030: 45_770 };

/**
 * Seeds the demo municipality's finances once: does nothing when the tenant already has a primitieve begroting 2027
 * (so a second call, or a restart, changes nothing).
 */
export async function seedDemoFinancien(db: Kysely<Database>, tenantId: string): Promise<void> {
  const existing = await db
    .selectFrom('begrotingsversies')
    .select('uuid')
    .where('tenant_id', '=', tenantId)
    .where('begrotingsjaar', '=', DEMO_BEGROTINGSJAAR)
    .where('soort', '=', 'primitieve_begroting')
    .executeTakeFirst();
  if (existing) return;

  const jaarrekening = regelsVoorJaar(2026, [], 0).map((regel) => ({ ...regel, bedragCenten: regel.soort === 'lasten' ? Math.round(regel.bedragCenten * 0.985) : regel.bedragCenten }));
  await createVersie(db, tenantId, { begrotingsjaar: 2026, soort: 'jaarrekening', naam: 'Jaarrekening 2026', vastgesteldOp: '2027-06-24' }, genummerd(jaarrekening));
  const primitief: Omit<NieuweRegel, 'regelnummer'>[] = [];
  for (let jaar = DEMO_BEGROTINGSJAAR; jaar < DEMO_BEGROTINGSJAAR + 4; jaar++) {
    const incidenteleLasten = INCIDENTEEL.filter((item) => item.jaar === jaar && item.soort === 'lasten').reduce((sum, item) => sum + item.bedrag, 0);
    primitief.push(...regelsVoorJaar(jaar, INCIDENTEEL, incidenteleLasten));
  }
  await createVersie(db, tenantId, { begrotingsjaar: DEMO_BEGROTINGSJAAR, soort: 'primitieve_begroting', naam: 'Primitieve begroting 2027', vastgesteldOp: '2026-11-05' }, genummerd(primitief));
  await createVersie(
    db,
    tenantId,
    { begrotingsjaar: DEMO_BEGROTINGSJAAR, soort: 'begrotingswijziging', naam: 'Voorjaarsnota 2027', raadsbesluitNummer: '2027-041', vastgesteldOp: '2027-07-09' },
    voorjaarsnota(),
  );

  for (let jaar = 2026; jaar <= 2030; jaar++) await saveKengetalInvoer(db, tenantId, jaar, balans(jaar));
  for (const [jaar, aantal] of Object.entries(INWONERS)) await db.insertInto('financien_inwoners').values({ tenant_id: tenantId, jaar: Number(jaar), aantal }).execute();

  await saveCapaciteit(db, tenantId, DEMO_BEGROTINGSJAAR, [
    { component: 'algemene_reserve', centen: mln(14.5), toelichting: 'Stand 1 januari 2027 na de jaarrekening 2026.' },
    { component: 'vrij_bestemmingsreserves', centen: mln(3.2), toelichting: 'Reserve sociaal domein en reserve onderhoud, voor zover niet bestemd.' },
    { component: 'onvoorzien', centen: mln(0.25), toelichting: 'Post onvoorzien in de begroting 2027.' },
    { component: 'onbenutte_belastingcapaciteit', centen: mln(4.1), toelichting: 'OZB tot de redelijke peil van het gemeentefonds.' },
  ]);

  const partijUuids: string[] = [];
  for (const partij of PARTIJEN) partijUuids.push(await insertVerbondenPartij(db, tenantId, partij));
  for (const [naam, oorzaak, gevolg, kans, impact, structureel, eigenaar, beheersmaatregel, partij] of RISICOS) {
    await insertRisico(db, tenantId, {
      naam, oorzaak, gevolg, kansProcent: kans, impactCenten: impact * K, structureel, eigenaar, beheersmaatregel,
      verbondenPartijUuid: partij === null ? null : (partijUuids[partij] ?? null),
    });
  }
  for (const maatregel of MAATREGELEN) await insertMaatregel(db, tenantId, maatregel);
}
