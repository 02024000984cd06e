/** The signal class of a kengetal: A least risky, C most. */
export type Signaalklasse = 'A' | 'B' | 'C';

/** Bands per kengetal, in percent. Configuration: a province or municipality may set its own. */
export interface Signaalband {
  /** Lower values are better (schuld) or higher values are better (solvabiliteit). */
  richting: 'lager-beter' | 'hoger-beter';
  /** The A/B and B/C boundaries. */
  grenzen: [number, number];
}

/**
 * The provincial A/B/C table most provinces use for the BBV kengetallen. For "lager-beter": A below the first bound,
 * C above the second; for "hoger-beter": A above the second bound, C below the first. The structurele
 * exploitatieruimte is A above 0%, B at exactly 0%, C below.
 */
export const PROVINCIALE_SIGNAALWAARDEN: Record<'nettoSchuldquote' | 'nettoSchuldquoteGecorrigeerd' | 'solvabiliteitsratio' | 'structureleExploitatieruimte' | 'grondexploitatie' | 'belastingcapaciteit', Signaalband> = {
  nettoSchuldquote: { richting: 'lager-beter', grenzen: [90, 130] },
  nettoSchuldquoteGecorrigeerd: { richting: 'lager-beter', grenzen: [90, 130] },
  solvabiliteitsratio: { richting: 'hoger-beter', grenzen: [20, 50] },
  structureleExploitatieruimte: { richting: 'hoger-beter', grenzen: [0, 0] },
  grondexploitatie: { richting: 'lager-beter', grenzen: [20, 35] },
  belastingcapaciteit: { richting: 'lager-beter', grenzen: [95, 105] },
};

export type KengetalNaam = keyof typeof PROVINCIALE_SIGNAALWAARDEN;

/** The bands of every kengetal: the provincial table, or the municipality's own (see signaalbanden-instelling.ts). */
export type Signaalbanden = Record<KengetalNaam, Signaalband>;

/** The kengetallen in the order of the paragraaf financiële positie. */
export const KENGETAL_NAMEN_LIJST = Object.keys(PROVINCIALE_SIGNAALWAARDEN) as KengetalNaam[];

/** The class of a value in its band; boundaries count to the middle class B. */
export function signaalklasse(waarde: number, band: Signaalband): Signaalklasse {
  const [laag, hoog] = band.grenzen;
  if (band.richting === 'lager-beter') return waarde < laag ? 'A' : waarde > hoog ? 'C' : 'B';
  return waarde > hoog ? 'A' : waarde < laag ? 'C' : 'B';
}
