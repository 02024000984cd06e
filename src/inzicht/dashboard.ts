import type { SafeHtml } from '../platform/http/html.ts';
import type { Tabel } from './weergave/tabel.ts';

/** Which filters a dashboard offers (the others do not apply to its figures). */
export interface FilterKeuze {
  zaaktype?: boolean;
  kanaal?: boolean;
  team?: boolean;
  zoekkanaal?: boolean;
}

/** A key figure shown large at the top of a section. */
export interface Kerncijfer {
  label: string;
  waarde: string;
}

export interface Sectie {
  id: string;
  kop: string;
  uitleg?: string;
  kerncijfers?: readonly Kerncijfer[];
  grafieken?: readonly SafeHtml[];
  tabellen: readonly Tabel[];
}

/** One dashboard as data: the page and the CSV downloads are both made from it. */
export interface Dashboard {
  titel: string;
  inleiding: string;
  filters: FilterKeuze;
  secties: readonly Sectie[];
}

/** Every table of the dashboard, for the CSV route. */
export function tabellenVan(dashboard: Dashboard): Tabel[] {
  return dashboard.secties.flatMap((sectie) => sectie.tabellen);
}
