import type { KengetalInvoer } from './invoer.ts';
import { PROVINCIALE_SIGNAALWAARDEN, signaalklasse, type KengetalNaam, type Signaalband, type Signaalklasse } from './signaalwaarden.ts';

/** What the begrotingsregels of one year give, in cents (reservemutaties apart, as the BBV wants). */
export interface ExploitatieCijfers {
  /** Totale baten excluding onttrekkingen aan reserves. */
  totaleBaten: number;
  structureleLasten: number;
  structureleBaten: number;
  structureleToevoegingenReserves: number;
  structureleOnttrekkingenReserves: number;
}

export interface Kengetal {
  naam: KengetalNaam;
  /** Percentage with one decimal; null when an input is missing or the divisor is zero. */
  waarde: number | null;
  klasse: Signaalklasse | null;
  /** Which input is missing, so the page can say what to enter. */
  ontbreekt: string[];
}

function percentage(teller: number, noemer: number): number | null {
  if (noemer === 0) return null;
  return Math.round((teller / noemer) * 1000) / 10;
}

function kengetal(naam: KengetalNaam, waarde: number | null, ontbreekt: string[], banden: Record<KengetalNaam, Signaalband>): Kengetal {
  const known = ontbreekt.length === 0 ? waarde : null;
  return { naam, waarde: known, klasse: known === null ? null : signaalklasse(known, banden[naam]), ontbreekt };
}

function missing(invoer: KengetalInvoer, velden: (keyof KengetalInvoer)[]): string[] {
  return velden.filter((veld) => invoer[veld] === undefined);
}

/**
 * The five BBV kengetallen (six with the corrected schuldquote) of one year:
 *   netto schuldquote                 (A + B + C − D − E − F − G) / totale baten
 *   … gecorrigeerd voor alle leningen  as above, with the verstrekte leningen also subtracted
 *   solvabiliteitsratio               eigen vermogen / balanstotaal
 *   structurele exploitatieruimte     ((structurele baten − structurele lasten) + (structurele onttrekkingen − structurele toevoegingen reserves)) / totale baten
 *   grondexploitatie                  (niet in exploitatie genomen bouwgronden + bouwgronden in exploitatie) / totale baten
 *   belastingcapaciteit               woonlasten / landelijk gemiddelde woonlasten vorig jaar
 * all in percent; totale baten exclude mutaties reserves.
 */
export function berekenKengetallen(invoer: KengetalInvoer, exploitatie: ExploitatieCijfers, banden: Record<KengetalNaam, Signaalband> = PROVINCIALE_SIGNAALWAARDEN): Kengetal[] {
  const value = (veld: keyof KengetalInvoer) => invoer[veld] ?? 0;
  const schuldVelden: (keyof KengetalInvoer)[] = ['vasteSchulden', 'nettoVlottendeSchuld', 'overlopendePassiva', 'financieleActiva', 'uitzettingenKorterDanJaar', 'liquideMiddelen', 'overlopendeActiva'];
  const nettoSchuld =
    value('vasteSchulden') + value('nettoVlottendeSchuld') + value('overlopendePassiva') - value('financieleActiva') - value('uitzettingenKorterDanJaar') - value('liquideMiddelen') - value('overlopendeActiva');
  const baten = exploitatie.totaleBaten;
  const ruimte =
    exploitatie.structureleBaten - exploitatie.structureleLasten + (exploitatie.structureleOnttrekkingenReserves - exploitatie.structureleToevoegingenReserves);
  return [
    kengetal('nettoSchuldquote', percentage(nettoSchuld, baten), missing(invoer, schuldVelden), banden),
    kengetal('nettoSchuldquoteGecorrigeerd', percentage(nettoSchuld - value('verstrekteLeningen'), baten), missing(invoer, [...schuldVelden, 'verstrekteLeningen']), banden),
    kengetal('solvabiliteitsratio', percentage(value('eigenVermogen'), value('balanstotaal')), missing(invoer, ['eigenVermogen', 'balanstotaal']), banden),
    kengetal('structureleExploitatieruimte', percentage(ruimte, baten), [], banden),
    kengetal('grondexploitatie', percentage(value('nietInExploitatieGenomenGronden') + value('bouwgrondenInExploitatie'), baten), missing(invoer, ['nietInExploitatieGenomenGronden', 'bouwgrondenInExploitatie']), banden),
    kengetal('belastingcapaciteit', percentage(value('woonlasten'), value('landelijkeWoonlastenVorigJaar')), missing(invoer, ['woonlasten', 'landelijkeWoonlastenVorigJaar']), banden),
  ];
}
