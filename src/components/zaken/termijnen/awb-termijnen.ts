import { addIsoDuration } from '../shared/duration.ts';
import { volgendeAtwWerkdag } from '../../../platform/kalender/feestdagen.ts';

/*
 * The Awb deadlines of a zaak, as pure date arithmetic on 'YYYY-MM-DD' dates. The zaak's own deadlines
 * (uiterlijkeEinddatumAfdoening, einddatumGepland) are the base: an API client or the law for that case may have set
 * them to something else than the zaaktype gives, so a suspension or extension moves the dates the zaak has and
 * never recomputes them from the zaaktype (`verschuifTermijnen`):
 * - the legal decision deadline moves by the extension (verlenging, Awb 4:14) and by every finished suspension
 *   (opschorting, Awb 4:15);
 * - the service norm moves by the finished suspensions only (an extension is a legal instrument, it does not relax
 *   the municipality's own promise).
 * Only a zaak without a date of its own gets the zaaktype's (`berekenTermijnen`: startdatum + doorlooptijd or
 * servicenorm, plus the same moves).
 * A suspension counts the calendar days from its first day up to (not including) the day it ended: suspended on the
 * 3rd and resumed on the 10th moves the deadline 7 days. While a suspension runs the clock stands still, so a zaak
 * that is suspended is neither late nor at risk.
 *
 * The legal decision deadline ends on a working day: when the count ends on a Saturday, Sunday or a holiday of the
 * Algemene termijnenwet (Atw), it runs on to the next working day (Atw art. 1). The service norm is the
 * municipality's own promise and does not move. A later suspension or extension counts from the deadline as the Awb
 * counts it (`uiterlijkVoorAtw`), not from the day the Atw moved it to, so the Atw's extra days never add up.
 *
 * Badge rule ("Risico"): at most max(3, ceil(20% of the doorlooptijd in days)) calendar days left, deadline day
 * included; "Te laat": the deadline has passed (the deadline day itself is still on time). Both judge against the day
 * the Atw lets the legal deadline run to (`atwEinddag`), so a date stored on a Saturday (a zaak from before Loket
 * moved dates itself, or a date an API client set) counts as its Monday, like a date the workspace moved.
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
  /** The zaaktype's deadline without extension or suspensions: startdatum + doorlooptijd. */
  oorspronkelijk: string | null;
  /** The zaaktype's legal decision deadline with extension and finished suspensions, on an Atw working day. */
  uiterlijk: string | null;
  /** That deadline as the Awb counts it, when the Atw moved `uiterlijk` past it; null when it needed no move. */
  uiterlijkVoorAtw: string | null;
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

/** A legal deadline as the Awb counts it, moved by the Atw to a working day; `uiterlijkVoorAtw` only when it moved. */
export function atwTermijn(basis: string | null): Pick<ZaakTermijnen, 'uiterlijk' | 'uiterlijkVoorAtw'> {
  if (basis === null) return { uiterlijk: null };
  const uiterlijk = volgendeAtwWerkdag(basis);
  return uiterlijk === basis ? { uiterlijk } : { uiterlijk, uiterlijkVoorAtw: basis };
}

/** The deadlines the zaaktype gives a zaak (see the module comment): what a zaak without dates of its own gets. */
export function berekenTermijnen(input: TermijnInput): Termijnen {
  const finished = input.opschortingen.filter((periode) => periode.einddatum !== null);
  const running = input.opschortingen.find((periode) => periode.einddatum === null);
  const dagen = opgeschorteDagen(finished);
  const oorspronkelijk = addIsoDuration(input.startdatum, input.doorlooptijd) ?? null;
  const verlengd = oorspronkelijk !== null && input.verlenging ? (addIsoDuration(oorspronkelijk, input.verlenging.duur) ?? oorspronkelijk) : oorspronkelijk;
  const norm = input.servicenorm ? (addIsoDuration(input.startdatum, input.servicenorm) ?? null) : null;
  const wettelijk = atwTermijn(verlengd === null ? null : addDays(verlengd, dagen));
  return {
    oorspronkelijk,
    uiterlijk: wettelijk.uiterlijk,
    uiterlijkVoorAtw: wettelijk.uiterlijkVoorAtw ?? null,
    servicenorm: norm === null ? null : addDays(norm, dagen),
    opgeschorteDagen: dagen,
    opgeschortSinds: running?.begindatum ?? null,
  };
}

/** The deadlines a zaak has, as the Zaken API stores them. */
export interface ZaakTermijnen {
  /** uiterlijkeEinddatumAfdoening */
  uiterlijk: string | null;
  /** einddatumGepland */
  servicenorm: string | null;
  /**
   * The legal deadline as the Awb counts it, when the Atw moved `uiterlijk` past it (a Saturday, Sunday or holiday);
   * absent when `uiterlijk` is its own count.
   */
  uiterlijkVoorAtw?: string;
}

/**
 * The legal deadline a zaak Loket starts itself gets from its zaaktype (startdatum + doorlooptijd, moved by the Atw),
 * in the form `saveUiterlijkVoorAtw` keeps; `uiterlijk` is null when the doorlooptijd cannot be read.
 */
export function termijnBijStart(startdatum: string, doorlooptijd: string): Pick<ZaakTermijnen, 'uiterlijk' | 'uiterlijkVoorAtw'> {
  const { uiterlijk, uiterlijkVoorAtw } = berekenTermijnen({ startdatum, doorlooptijd, servicenorm: null, verlenging: null, opschortingen: [] });
  return uiterlijkVoorAtw === null ? { uiterlijk } : { uiterlijk, uiterlijkVoorAtw };
}

/** One change the workspace makes to a zaak's deadlines: a suspension that ended, or the extension. */
export type Verschuiving = { soort: 'opschorting'; periode: { begindatum: string; einddatum: string } } | { soort: 'verlenging'; duur: string };

/**
 * The zaak's deadlines after one suspension ended or the extension was granted: the dates the zaak has move by the
 * suspended days (both) or by the extension's duration (the legal deadline only), the legal deadline counted from its
 * Awb count (`uiterlijkVoorAtw` when the Atw had moved it) and then moved by the Atw. A date the zaak lacks is taken
 * from `zaaktype` (the zaaktype's deadlines with every move so far, this one included); a date the zaak lacks that
 * the zaaktype has no rule for stays absent.
 */
export function verschuifTermijnen(huidig: ZaakTermijnen, verschuiving: Verschuiving, zaaktype: Pick<Termijnen, 'uiterlijk' | 'servicenorm'> & { uiterlijkVoorAtw?: string | null }): ZaakTermijnen {
  const basis = huidig.uiterlijk === null ? null : (huidig.uiterlijkVoorAtw ?? huidig.uiterlijk);
  const zaaktypeBasis = zaaktype.uiterlijkVoorAtw ?? zaaktype.uiterlijk;
  if (verschuiving.soort === 'verlenging') {
    return {
      ...atwTermijn(basis === null ? zaaktypeBasis : (addIsoDuration(basis, verschuiving.duur) ?? basis)),
      servicenorm: huidig.servicenorm ?? zaaktype.servicenorm,
    };
  }
  const dagen = opgeschorteDagen([verschuiving.periode]);
  return {
    ...atwTermijn(basis === null ? zaaktypeBasis : addDays(basis, dagen)),
    servicenorm: huidig.servicenorm === null ? zaaktype.servicenorm : addDays(huidig.servicenorm, dagen),
  };
}

/** How many calendar days before the deadline a zaak counts as at risk, for a zaaktype's doorlooptijd. */
export function risicoDagen(startdatum: string, doorlooptijd: string): number {
  const einde = addIsoDuration(startdatum, doorlooptijd);
  const total = einde === undefined ? 0 : daysBetween(startdatum, einde);
  return Math.max(3, Math.ceil(total * 0.2));
}

/**
 * The day a zaak's stored legal deadline ends under the Atw: the date itself, or the next working day when it is a
 * Saturday, Sunday or Atw holiday. A date the workspace moved is a working day already and stays as it is.
 */
export function atwEinddag(uiterlijk: string | null): string | null {
  return uiterlijk === null ? null : volgendeAtwWerkdag(uiterlijk);
}

/** Where an open zaak stands today against its legal deadline as the Atw ends it (`atwEinddag`). */
export function termijnStand(zaak: { uiterlijk: string | null; opgeschort: boolean; risicoDagen: number }, today: string): TermijnStand {
  if (zaak.opgeschort) return 'opgeschort';
  const einddag = atwEinddag(zaak.uiterlijk);
  if (einddag === null) return 'geen-termijn';
  const left = daysBetween(today, einddag);
  if (left < 0) return 'te-laat';
  return left < zaak.risicoDagen ? 'risico' : 'op-tijd';
}

/** Whether an extension of `duur` stays within the zaaktype's verlengingstermijn (both ISO 8601 durations). */
export function verlengingBinnenTermijn(startdatum: string, duur: string, verlengingstermijn: string): boolean {
  const asked = addIsoDuration(startdatum, duur);
  const allowed = addIsoDuration(startdatum, verlengingstermijn);
  return asked !== undefined && allowed !== undefined && asked <= allowed;
}
