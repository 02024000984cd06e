import { daysBetween } from '../components/zaken/termijnen/awb-termijnen.ts';
import { KANALEN, ZOEKKANALEN, type Kanaal, type Zoekkanaal } from './kanalen.ts';
import { standaardPeriode, type Periode } from './periode.ts';

/*
 * The filters every dashboard takes from its query string: the period, and where they apply a zaaktype (which is how
 * a product is requested), a channel and a team. Wrong values are reported beside the field, with the page still shown
 * for the default period, so the manager sees what to correct.
 */

export interface Filters extends Periode {
  /** A zaaktype by its identificatie (stable across its versions). */
  zaaktype?: string;
  kanaal?: Kanaal;
  /** A team's id: its zaaktypen (for zaken) or the contactverzoeken addressed to it. */
  team?: string;
  zoekkanaal?: Zoekkanaal;
}

export interface FilterQuery {
  van?: string;
  tot?: string;
  zaaktype?: string;
  kanaal?: string;
  team?: string;
  zoekkanaal?: string;
}

export interface FilterFout {
  veld: keyof FilterQuery;
  melding: string;
}

/** The longest period a page counts over: ten years of days. */
const MAX_DAGEN = 3660;

/** JSON schema of the filter query string (unknown parameters are refused by the platform). */
export const FILTER_QUERY_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    van: { type: 'string', maxLength: 10 },
    tot: { type: 'string', maxLength: 10 },
    zaaktype: { type: 'string', maxLength: 50 },
    kanaal: { type: 'string', maxLength: 20 },
    team: { type: 'string', maxLength: 36 },
    zoekkanaal: { type: 'string', maxLength: 10 },
  },
} as const;

function isDag(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads the filters; every wrong value is named, and left out of the filters used. */
export function leesFilters(query: FilterQuery, vandaag: string): { filters: Filters; fouten: FilterFout[] } {
  const fouten: FilterFout[] = [];
  const standaard = standaardPeriode(vandaag);
  let van = standaard.van;
  let tot = standaard.tot;
  const vanText = (query.van ?? '').trim();
  const totText = (query.tot ?? '').trim();
  if (vanText !== '' && !isDag(vanText)) fouten.push({ veld: 'van', melding: 'Vul de begindatum in zoals 2027-01-31.' });
  if (totText !== '' && !isDag(totText)) fouten.push({ veld: 'tot', melding: 'Vul de einddatum in zoals 2027-03-31.' });
  if (fouten.length === 0) {
    if (vanText !== '') van = vanText;
    if (totText !== '') tot = totText;
    if (vanText !== '' && totText === '' && van > tot) tot = van;
    if (van > tot) {
      fouten.push({ veld: 'tot', melding: 'De einddatum ligt vóór de begindatum; kies een einddatum op of na de begindatum.' });
      van = standaard.van;
      tot = standaard.tot;
    } else if (daysBetween(van, tot) > MAX_DAGEN) {
      fouten.push({ veld: 'van', melding: 'Kies een periode van hoogstens tien jaar.' });
      van = standaard.van;
      tot = standaard.tot;
    }
  }
  const filters: Filters = { van, tot };
  const zaaktype = (query.zaaktype ?? '').trim();
  if (zaaktype !== '') filters.zaaktype = zaaktype;
  const kanaal = (query.kanaal ?? '').trim();
  if (kanaal !== '') {
    if ((KANALEN as readonly string[]).includes(kanaal)) filters.kanaal = kanaal as Kanaal;
    else fouten.push({ veld: 'kanaal', melding: 'Kies een kanaal uit de lijst.' });
  }
  const team = (query.team ?? '').trim();
  if (team !== '') {
    if (UUID.test(team)) filters.team = team.toLowerCase();
    else fouten.push({ veld: 'team', melding: 'Kies een team uit de lijst.' });
  }
  const zoekkanaal = (query.zoekkanaal ?? '').trim();
  if (zoekkanaal !== '') {
    if ((ZOEKKANALEN as readonly string[]).includes(zoekkanaal)) filters.zoekkanaal = zoekkanaal as Zoekkanaal;
    else fouten.push({ veld: 'zoekkanaal', melding: 'Kies een zoekkanaal uit de lijst.' });
  }
  return { filters, fouten };
}

/** The query string that keeps these filters (for links to CSV files and between dashboards). */
export function filterQueryString(filters: Filters): string {
  const params = new URLSearchParams({ van: filters.van, tot: filters.tot });
  if (filters.zaaktype) params.set('zaaktype', filters.zaaktype);
  if (filters.kanaal) params.set('kanaal', filters.kanaal);
  if (filters.team) params.set('team', filters.team);
  if (filters.zoekkanaal) params.set('zoekkanaal', filters.zoekkanaal);
  return `?${params.toString()}`;
}
