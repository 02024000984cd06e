import { addIsoDuration } from '../../components/zaken/shared/duration.ts';

/*
 * The Awb deadlines of a zaak, as pure date arithmetic on 'YYYY-MM-DD' dates:
 * - the legal decision deadline (beslistermijn): startdatum (or registratiedatum) + the zaaktype's doorlooptijd,
 *   plus the extension (verlenging, Awb 4:14) and every finished suspension (opschorting, Awb 4:15);
 * - the service norm: startdatum + the zaaktype's servicenorm, plus the finished suspensions (an extension is a
 *   legal instrument, it does not relax the municipality's own promise).
 * A suspension counts the calendar days from its first day up to (not including) the day it ended: suspended on the
 * 3rd and resumed on the 10th moves the deadline 7 days. While a suspension runs the clock stands still, so a zaak
 * that is suspended is neither late nor at risk.
 *
 * Badge rule ("Risico"): at most max(3, ceil(20% of the doorlooptijd in days)) calendar days left, deadline day
 * included; "Te laat": the deadline has passed (the deadline day itself is still on time).
 */

export interface Opschortingsperiode {
  begindatum: string;
  /** Null while the suspension runs. */
  einddatum: string | null;
}

export interface TermijnInput {
  startdatum: string;
  doorlooptijd: string;
  servicenorm: string | null;
  /** The zaak's verlenging (Zaken API), its `duur` an ISO 8601 duration. */
  verlenging: { duur: string } | null;
  opschortingen: readonly Opschortingsperiode[];
}

export interface Termijnen {
  /** The original deadline without extension or suspensions. */
  oorspronkelijk: string | null;
  /** The legal decision deadline with extension and finished suspensions. */
  uiterlijk: string | null;
  servicenorm: string | null;
  /** Calendar days of finished suspensions. */
  opgeschorteDagen: number;
  /** Start of the running suspension, if any. */
  opgeschortSinds: string | null;
}

export type TermijnStand = 'op-tijd' | 'risico' | 'te-laat' | 'opgeschort' | 'geen-termijn';

const DAY_MS = 86_400_000;

function dayNumber(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

/** Calendar days from `from` to `to` (negative when `to` comes first). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** `date` plus a number of calendar days. */
export function addDays(date: string, days: number): string {
  return new Date((dayNumber(date) + days) * DAY_MS).toISOString().slice(0, 10);
}

/** Days a list of suspensions stopped the clock; a running one counts only when `today` is given. */
export function opgeschorteDagen(opschortingen: readonly Opschortingsperiode[], today?: string): number {
  return opschortingen.reduce((sum, periode) => {
    const einde = periode.einddatum ?? today;
    return einde === undefined ? sum : sum + Math.max(0, daysBetween(periode.begindatum, einde));
  }, 0);
}

/** The zaak's deadlines (see the module comment). */
export function berekenTermijnen(input: TermijnInput): Termijnen {
  const finished = input.opschortingen.filter((periode) => periode.einddatum !== null);
  const running = input.opschortingen.find((periode) => periode.einddatum === null);
  const dagen = opgeschorteDagen(finished);
  const oorspronkelijk = addIsoDuration(input.startdatum, input.doorlooptijd) ?? null;
  const verlengd = oorspronkelijk !== null && input.verlenging ? (addIsoDuration(oorspronkelijk, input.verlenging.duur) ?? oorspronkelijk) : oorspronkelijk;
  const norm = input.servicenorm ? (addIsoDuration(input.startdatum, input.servicenorm) ?? null) : null;
  return {
    oorspronkelijk,
    uiterlijk: verlengd === null ? null : addDays(verlengd, dagen),
    servicenorm: norm === null ? null : addDays(norm, dagen),
    opgeschorteDagen: dagen,
    opgeschortSinds: running?.begindatum ?? null,
  };
}

/** How many calendar days before the deadline a zaak counts as at risk, for a zaaktype's doorlooptijd. */
export function risicoDagen(startdatum: string, doorlooptijd: string): number {
  const einde = addIsoDuration(startdatum, doorlooptijd);
  const total = einde === undefined ? 0 : daysBetween(startdatum, einde);
  return Math.max(3, Math.ceil(total * 0.2));
}

/** Where an open zaak stands against its deadline today. */
export function termijnStand(zaak: { uiterlijk: string | null; opgeschort: boolean; risicoDagen: number }, today: string): TermijnStand {
  if (zaak.opgeschort) return 'opgeschort';
  if (zaak.uiterlijk === null) return 'geen-termijn';
  const left = daysBetween(today, zaak.uiterlijk);
  if (left < 0) return 'te-laat';
  return left < zaak.risicoDagen ? 'risico' : 'op-tijd';
}

/** Whether an extension of `duur` stays within the zaaktype's verlengingstermijn (both ISO 8601 durations). */
export function verlengingBinnenTermijn(startdatum: string, duur: string, verlengingstermijn: string): boolean {
  const asked = addIsoDuration(startdatum, duur);
  const allowed = addIsoDuration(startdatum, verlengingstermijn);
  return asked !== undefined && allowed !== undefined && asked <= allowed;
}
