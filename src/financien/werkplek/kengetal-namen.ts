import type { KengetalNaam } from '../kengetallen/signaalwaarden.ts';

/** How each kengetal is called in the paragraaf financiële positie. */
export const KENGETAL_NAMEN: Record<KengetalNaam, string> = {
  nettoSchuldquote: 'Netto schuldquote',
  nettoSchuldquoteGecorrigeerd: 'Netto schuldquote gecorrigeerd voor alle verstrekte leningen',
  solvabiliteitsratio: 'Solvabiliteitsratio',
  structureleExploitatieruimte: 'Structurele exploitatieruimte',
  grondexploitatie: 'Grondexploitatie',
  belastingcapaciteit: 'Belastingcapaciteit',
};
