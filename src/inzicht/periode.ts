import { addDays, daysBetween } from '../components/zaken/termijnen/awb-termijnen.ts';

/*
 * The dashboards' period: two days (inclusive), split into weeks (Monday to Sunday) for spans up to half a year and
 * into calendar months beyond that, so a chart never has more than about 26 bars.
 */

export type Indeling = 'week' | 'maand';

export interface Periode {
  van: string;
  tot: string;
}

/** The default period: the twelve weeks up to and including today. */
export function standaardPeriode(vandaag: string): Periode {
  return { van: addDays(vandaag, -83), tot: vandaag };
}

export function indelingVan(periode: Periode): Indeling {
  return daysBetween(periode.van, periode.tot) <= 26 * 7 ? 'week' : 'maand';
}

/** The Monday of the date's week (ISO weeks). */
export function weekVan(dag: string): string {
  const weekdag = new Date(`${dag}T00:00:00Z`).getUTCDay();
  return addDays(dag, -((weekdag + 6) % 7));
}

/** The bucket a day falls in: its week's Monday or its month's first day. */
export function vakVan(dag: string, indeling: Indeling): string {
  return indeling === 'week' ? weekVan(dag) : `${dag.slice(0, 7)}-01`;
}

/** Every bucket of the period in order (also the empty ones, so a chart shows gaps as zero). */
export function vakken(periode: Periode, indeling: Indeling): string[] {
  const result: string[] = [];
  let vak = vakVan(periode.van, indeling);
  while (vak <= periode.tot) {
    result.push(vak);
    vak = indeling === 'week' ? addDays(vak, 7) : volgendeMaand(vak);
  }
  return result;
}

function volgendeMaand(eerste: string): string {
  const jaar = Number(eerste.slice(0, 4));
  const maand = Number(eerste.slice(5, 7));
  return maand === 12 ? `${jaar + 1}-01-01` : `${jaar}-${String(maand + 1).padStart(2, '0')}-01`;
}

const MAANDEN = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];

/** A short label for a bucket: "3 jan" (the Monday of the week) or "jan 2027". */
export function vakLabel(vak: string, indeling: Indeling): string {
  const maand = MAANDEN[Number(vak.slice(5, 7)) - 1] ?? '';
  return indeling === 'week' ? `${Number(vak.slice(8, 10))} ${maand}` : `${maand} ${vak.slice(0, 4)}`;
}

const MAANDEN_LANG = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** A day written out in Dutch: "5 januari 2027". */
export function datumTekst(dag: string): string {
  return `${Number(dag.slice(8, 10))} ${MAANDEN_LANG[Number(dag.slice(5, 7)) - 1] ?? ''} ${dag.slice(0, 4)}`;
}
