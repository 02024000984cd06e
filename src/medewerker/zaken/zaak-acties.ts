import type { AppContext } from '../../platform/context.ts';
import type { InvalidParam } from '../../platform/errors/catalogue.ts';
import { invalid } from '../../platform/errors/problem.ts';
import { inTransaction } from '../../platform/database/transaction.ts';
import { amsterdamDate, isCalendarDate } from '../../components/zaken/archivering/calendar.ts';
import { createBesluit } from '../../components/besluiten/besluiten/service.ts';
import type { ZakenCaller } from '../../components/zaken/shared/caller.ts';
import { zaakUrl } from '../../components/zaken/shared/urls.ts';
import { changeResultaat, createResultaat } from '../../components/zaken/resultaten/service.ts';
import { createStatus } from '../../components/zaken/statussen/service.ts';
import { findResultaat, type ZaakKern, type ZaaktypeKeuzes } from './zaak-gegevens.ts';
import { zaakServices, type ApiBases } from './zaak-services.ts';

/*
 * The zaak page's actions that decide the zaak's course: a status, a besluit, the resultaat with the eindstatus
 * (closing), and reopening. Each checks the member's input against the zaaktype's choices, then goes through the ZGW
 * services with the member as caller, so the services' own rules (zrc-007/008/021, brc-…), audit trail and
 * notifications apply; the status notification is what makes status-mail.ts e-mail the initiator when the
 * statustype says `informeren`. Bad input: `invalid(...)` with the form's field names.
 */

export interface ActieContext {
  context: AppContext;
  caller: ZakenCaller;
  bases: ApiBases;
  zaak: ZaakKern;
  keuzes: ZaaktypeKeuzes;
  now: Date;
}

const MAX_TOELICHTING = 1000;

function tekst(value: string | undefined): string {
  return (value ?? '').trim();
}

function toelichtingProblems(value: string): InvalidParam[] {
  return value.length > MAX_TOELICHTING ? [{ name: 'toelichting', code: 'max_length', reason: `Gebruik hoogstens ${MAX_TOELICHTING} tekens.` }] : [];
}

function catalogiUrl(bases: ApiBases, collection: string, uuid: string): string {
  return `${bases.catalogi}/${collection}/${uuid}`;
}

/** Sets a status that is not the eindstatus on an open zaak. */
export async function zetStatus(actie: ActieContext, input: { statustype?: string; toelichting?: string }): Promise<void> {
  const toelichting = tekst(input.toelichting);
  const statustype = actie.keuzes.statustypen.find((type) => type.uuid === input.statustype && !type.eindstatus);
  const problems: InvalidParam[] = [];
  if (!statustype) problems.push({ name: 'statustype', code: 'required', reason: 'Kies een status.' });
  problems.push(...toelichtingProblems(toelichting));
  if (actie.zaak.einddatum !== null) problems.push({ name: 'nonFieldErrors', code: 'afgesloten', reason: 'De zaak is afgesloten; heropen de zaak eerst.' });
  if (problems.length > 0 || !statustype) throw invalid(problems);
  const services = zaakServices(actie.context, actie.context.database.db);
  await createStatus(services.statussen, actie.caller, actie.bases.zaken, {
    zaak: zaakUrl(actie.bases.zaken, actie.zaak.uuid),
    statustype: catalogiUrl(actie.bases, 'statustypen', statustype.uuid),
    datumStatusGezet: actie.now.toISOString(),
    statustoelichting: toelichting,
  });
}

/** Records a besluit of one of the zaaktype's besluittypen, with the zaakbesluit relation (the service makes both). */
export async function legBesluitVast(actie: ActieContext, input: { besluittype?: string; datum?: string; ingangsdatum?: string; toelichting?: string }): Promise<void> {
  const today = amsterdamDate(actie.now);
  const datum = tekst(input.datum) || today;
  const ingangsdatum = tekst(input.ingangsdatum) || datum;
  const toelichting = tekst(input.toelichting);
  const besluittype = actie.keuzes.besluittypen.find((type) => type.uuid === input.besluittype);
  const problems: InvalidParam[] = [];
  if (!besluittype) problems.push({ name: 'besluittype', code: 'required', reason: 'Kies een besluittype.' });
  if (!isCalendarDate(datum)) problems.push({ name: 'datum', code: 'invalid', reason: 'Vul een datum in als JJJJ-MM-DD, bijvoorbeeld 2026-03-15.' });
  else if (datum > today) problems.push({ name: 'datum', code: 'toekomst', reason: 'De besluitdatum mag niet in de toekomst liggen.' });
  if (!isCalendarDate(ingangsdatum)) problems.push({ name: 'ingangsdatum', code: 'invalid', reason: 'Vul een datum in als JJJJ-MM-DD, bijvoorbeeld 2026-03-15.' });
  problems.push(...toelichtingProblems(toelichting));
  if (actie.zaak.einddatum !== null) problems.push({ name: 'nonFieldErrors', code: 'afgesloten', reason: 'De zaak is afgesloten; heropen de zaak eerst.' });
  if (problems.length > 0 || !besluittype) throw invalid(problems);
  const services = zaakServices(actie.context, actie.context.database.db);
  await createBesluit(services.besluiten, actie.caller, actie.bases.besluiten, {
    verantwoordelijkeOrganisatie: actie.zaak.bronorganisatie,
    besluittype: catalogiUrl(actie.bases, 'besluittypen', besluittype.uuid),
    zaak: zaakUrl(actie.bases.zaken, actie.zaak.uuid),
    datum,
    ingangsdatum,
    toelichting,
  });
}

/**
 * Sets (or replaces) the resultaat and the eindstatus in one transaction: the status service closes the zaak and
 * derives its archiving fields from the resultaattype; if that fails, the resultaat is not kept either.
 */
export async function sluitZaak(actie: ActieContext, input: { resultaattype?: string; toelichting?: string }): Promise<void> {
  const toelichting = tekst(input.toelichting);
  const resultaattype = actie.keuzes.resultaattypen.find((type) => type.uuid === input.resultaattype);
  const eindstatus = actie.keuzes.statustypen.find((type) => type.eindstatus);
  const problems: InvalidParam[] = [];
  if (!resultaattype) problems.push({ name: 'resultaattype', code: 'required', reason: 'Kies een resultaat.' });
  problems.push(...toelichtingProblems(toelichting));
  if (actie.zaak.einddatum !== null) problems.push({ name: 'nonFieldErrors', code: 'afgesloten', reason: 'De zaak is al afgesloten.' });
  if (!eindstatus) problems.push({ name: 'nonFieldErrors', code: 'geen-eindstatus', reason: 'Het zaaktype heeft geen statustypen; de zaak kan niet afgesloten worden.' });
  if (problems.length > 0 || !resultaattype || !eindstatus) throw invalid(problems);
  const { context, caller, bases } = actie;
  await inTransaction(context.database.db, async (trx) => {
    const services = zaakServices(context, trx);
    const zaak = zaakUrl(bases.zaken, actie.zaak.uuid);
    const resultaattypeUrl = catalogiUrl(bases, 'resultaattypen', resultaattype.uuid);
    const existing = await findResultaat(trx, caller.tenant.id, actie.zaak.uuid);
    if (existing) await changeResultaat(services.resultaten, caller, bases.zaken, existing.uuid, { resultaattype: resultaattypeUrl, toelichting }, true);
    else await createResultaat(services.resultaten, caller, bases.zaken, { zaak, resultaattype: resultaattypeUrl, toelichting });
    await createStatus(services.statussen, caller, bases.zaken, {
      zaak,
      statustype: catalogiUrl(bases, 'statustypen', eindstatus.uuid),
      datumStatusGezet: actie.now.toISOString(),
      statustoelichting: toelichting || resultaattype.omschrijving,
    });
  });
}

/** Reopens a closed zaak with a status that is not the eindstatus (the service needs zaken.heropenen, zrc-008). */
export async function heropenZaak(actie: ActieContext, input: { statustype?: string; toelichting?: string }): Promise<void> {
  const toelichting = tekst(input.toelichting);
  const statustype = actie.keuzes.statustypen.find((type) => type.uuid === input.statustype && !type.eindstatus);
  const problems: InvalidParam[] = [];
  if (!statustype) problems.push({ name: 'statustype', code: 'required', reason: 'Kies de status waarmee de zaak verdergaat.' });
  if (toelichting === '') problems.push({ name: 'toelichting', code: 'required', reason: 'Schrijf waarom de zaak heropend wordt.' });
  problems.push(...toelichtingProblems(toelichting));
  if (actie.zaak.einddatum === null) problems.push({ name: 'nonFieldErrors', code: 'open', reason: 'De zaak is niet afgesloten.' });
  if (problems.length > 0 || !statustype) throw invalid(problems);
  const services = zaakServices(actie.context, actie.context.database.db);
  await createStatus(services.statussen, actie.caller, actie.bases.zaken, {
    zaak: zaakUrl(actie.bases.zaken, actie.zaak.uuid),
    statustype: catalogiUrl(actie.bases, 'statustypen', statustype.uuid),
    datumStatusGezet: actie.now.toISOString(),
    statustoelichting: toelichting,
  });
}
