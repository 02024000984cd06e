import { addIsoDuration } from './calendar.ts';
import { deriveBrondatum, type BrondatumArchiefprocedure, type ZaakFacts } from './brondatum.ts';

/*
 * zrc-021: when a zaak is closed, its resultaat decides the archiving regime. `archiefnominatie` comes from the
 * resultaattype unless the zaak has one; `archiefactiedatum` is the brondatum plus the archiefactietermijn, unless
 * the zaak already has one (set by hand, e.g. for ander_datumkenmerk). zrc-008 undoes it when the zaak reopens.
 */

/** What the resultaattype of the zaak's resultaat says about archiving. */
export interface ArchiveringsRegime {
  archiefnominatie: string | null;
  archiefactietermijn: string | null;
  brondatumArchiefprocedure: BrondatumArchiefprocedure | null;
}

/** The zaak's own archiving fields before closing. */
export interface ZaakArchivering {
  archiefnominatie: string | null;
  archiefactiedatum: string | null;
}

/** The archiving fields of the closed zaak, and the brondatum they rest on (the startdatumBewaartermijn). */
export interface Archiefparameters {
  archiefnominatie: string | null;
  archiefactiedatum: string | null;
  brondatum: string | null;
}

/**
 * The outcome: the parameters to store, or the reason the zaak cannot be closed this way (the reference
 * implementation's `archiefactiedatum-error`): the procedure or a value it reads is unusable, or the brondatum is
 * still unknown while the resultaattype says it must be known by the end of the zaak (`einddatumBekend`).
 */
export type ArchiveringOutcome = { ok: true; parameters: Archiefparameters } | { ok: false; reason: string };

/** The archiving parameters for closing a zaak on `facts.einddatum` with this resultaattype. */
export function deriveArchiefparameters(zaak: ZaakArchivering, regime: ArchiveringsRegime, facts: ZaakFacts): ArchiveringOutcome {
  const archiefnominatie = zaak.archiefnominatie ?? regime.archiefnominatie;
  const keep = (archiefactiedatum: string | null, brondatum: string | null = null): ArchiveringOutcome => ({ ok: true, parameters: { archiefnominatie, archiefactiedatum, brondatum } });
  // A date set on the zaak itself wins; without a termijn or a procedure there is nothing to count from.
  if (zaak.archiefactiedatum !== null) return keep(zaak.archiefactiedatum);
  const procedure = regime.brondatumArchiefprocedure;
  if (!regime.archiefactietermijn || procedure === null) return keep(null);
  const brondatum = deriveBrondatum(procedure, facts);
  if (brondatum.kind === 'invalid') return { ok: false, reason: brondatum.reason };
  if (brondatum.kind === 'unknown') {
    if (procedure.einddatumBekend === true) {
      return { ok: false, reason: `${brondatum.reason} Volgens het resultaattype moet de brondatum bekend zijn voordat de zaak wordt afgesloten (einddatumBekend).` };
    }
    return keep(null);
  }
  const archiefactiedatum = addIsoDuration(brondatum.date, regime.archiefactietermijn);
  if (archiefactiedatum === undefined) return { ok: false, reason: `De archiefactietermijn "${regime.archiefactietermijn}" is geen bruikbare periode.` };
  return keep(archiefactiedatum, brondatum.date);
}

/**
 * The archiefactiedatum of a closed deelzaak whose resultaattype counts from its hoofdzaak, once that hoofdzaak
 * closes on `hoofdzaakEinddatum` (or null when it reopens): the deelzaak could not know it when it closed itself.
 */
export function deelzaakArchiefactiedatum(regime: ArchiveringsRegime, hoofdzaakEinddatum: string | null): string | null {
  if (hoofdzaakEinddatum === null || !regime.archiefactietermijn) return null;
  return addIsoDuration(hoofdzaakEinddatum, regime.archiefactietermijn) ?? null;
}
