import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import { invalid } from '../../../platform/errors/problem.ts';
import type { ZaakRow } from '../shared/zaak-reference.ts';
import { deelzaakArchiefactiedatum, deriveArchiefparameters } from '../archivering/archiefparameters.ts';
import { amsterdamDate } from '../archivering/calendar.ts';
import {
  countOpenDeelzaken,
  deelzakenCountingFromHoofdzaak,
  findArchiveringsRegime,
  hoofdzaakEinddatum,
  loadZaakFacts,
  writeDeelzaakArchiefactiedatum,
  writeZaakClosed,
  writeZaakReopened,
} from '../archivering/repository.ts';

/*
 * What a new status does to its zaak (zrc-007, zrc-008, zrc-021). The eindstatus (the statustype with the highest
 * volgnummer) closes the zaak on the Europe/Amsterdam date of datumStatusGezet and fixes its archiving parameters;
 * any other status on a closed zaak reopens it. Runs in the transaction that stores the status, on the locked zaak.
 */

/** How the zaak's state changes with the new status. */
export type ZaakTransition = 'closed' | 'reopened' | 'unchanged';

const nonField = (code: string, reason: string) => invalid([{ name: 'nonFieldErrors', code, reason }]);

/** Deelzaken whose brondatum is their hoofdzaak's einddatum follow the hoofdzaak as it closes or reopens. */
async function updateDeelzaken(db: Kysely<Database>, tenantId: string, hoofdzaakUuid: string, einddatum: string | null): Promise<void> {
  for (const deelzaak of await deelzakenCountingFromHoofdzaak(db, tenantId, hoofdzaakUuid)) {
    const archiefactiedatum = deelzaakArchiefactiedatum(deelzaak.regime, einddatum);
    await writeDeelzaakArchiefactiedatum(db, tenantId, deelzaak.uuid, archiefactiedatum, archiefactiedatum === null ? null : einddatum);
  }
}

async function closeZaak(db: Kysely<Database>, tenantId: string, zaak: ZaakRow, moment: Date): Promise<ZaakRow> {
  const regime = await findArchiveringsRegime(db, tenantId, zaak.uuid);
  if (regime === undefined) throw nonField('resultaat-does-not-exist', 'De zaak heeft nog geen resultaat; zonder resultaat kan de eindstatus niet gezet worden.');
  if ((await countOpenDeelzaken(db, tenantId, zaak.uuid)) > 0) {
    throw nonField('deelzaken-not-closed', 'Er zijn deelzaken die nog niet zijn afgesloten; die moeten eerst afgesloten worden.');
  }
  const einddatum = amsterdamDate(moment);
  const facts = await loadZaakFacts(db, tenantId, zaak, einddatum, regime.brondatumArchiefprocedure);
  const outcome = deriveArchiefparameters(zaak, regime, facts);
  if (!outcome.ok) throw nonField('archiefactiedatum-error', outcome.reason);
  const closed = await writeZaakClosed(db, tenantId, zaak.uuid, { einddatum, ...outcome.parameters });
  await updateDeelzaken(db, tenantId, zaak.uuid, einddatum);
  return closed;
}

async function reopenZaak(db: Kysely<Database>, tenantId: string, zaak: ZaakRow): Promise<ZaakRow> {
  const hoofdzaakEnd = await hoofdzaakEinddatum(db, tenantId, zaak);
  if (hoofdzaakEnd !== undefined && hoofdzaakEnd !== null) {
    throw nonField('hoofdzaak-closed', 'Een deelzaak kan alleen heropend worden als de hoofdzaak niet is afgesloten.');
  }
  const reopened = await writeZaakReopened(db, tenantId, zaak.uuid);
  await updateDeelzaken(db, tenantId, zaak.uuid, null);
  return reopened;
}

/**
 * Applies a new status to its zaak: closes it for an eindstatus (needs a resultaat, closed deelzaken and a
 * derivable archiving regime; 400 otherwise) and reopens it for another status when it is closed (zrc-008).
 */
export async function applyStatusToZaak(
  db: Kysely<Database>,
  tenantId: string,
  zaak: ZaakRow,
  isEindstatus: boolean,
  moment: Date,
): Promise<{ transition: ZaakTransition; zaak: ZaakRow }> {
  if (isEindstatus) return { transition: 'closed', zaak: await closeZaak(db, tenantId, zaak, moment) };
  if (zaak.einddatum !== null) return { transition: 'reopened', zaak: await reopenZaak(db, tenantId, zaak) };
  return { transition: 'unchanged', zaak };
}
