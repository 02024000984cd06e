import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import { invalid } from '../../../platform/errors/problem.ts';
import { inTransaction } from '../../../platform/database/transaction.ts';
import { amsterdamDate } from '../../../components/catalogi/shared/geldigheid.ts';
import { exportZaaktype } from '../../../components/catalogi/uitwisseling/export.ts';
import { requestAttributes } from '../../../components/catalogi/uitwisseling/format.ts';
import { importZaaktypeParts } from '../../../components/catalogi/uitwisseling/import-parts.ts';
import { ProblemCollector } from '../../../components/catalogi/uitwisseling/problem-collector.ts';
import type { ZaaktypeJson } from '../../../components/catalogi/zaaktypen/present.ts';
import type { ZaaktypeInput } from '../../../components/catalogi/zaaktypen/schemas.ts';
import { changeZaaktype, createZaaktype, listZaaktypePage, publishZaaktype, retrieveZaaktype } from '../../../components/catalogi/zaaktypen/service.ts';
import type { BeheerCatalogiCaller } from './zaaktype-gegevens.ts';
import type { ZaaktypeFormInvoer } from './zaaktype-formulier.ts';

/*
 * What the beheerder does to a zaaktype, each through the Catalogi services so the API's rules hold: create a
 * concept, change a concept, publish (ending the version before it), and make a new version of a published
 * zaaktype. Every refusal is the services' ProblemError with invalidParams, which the pages show beside the fields.
 */

/** The day before a date (`YYYY-MM-DD`). */
export function dagErvoor(datum: string): string {
  const day = new Date(`${datum}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
}

async function versiesVan(db: Kysely<Database>, caller: BeheerCatalogiCaller, base: string, zaaktype: { catalogus: string; identificatie: string }): Promise<ZaaktypeJson[]> {
  const list = await listZaaktypePage(db, caller, base, { status: 'alles', catalogus: zaaktype.catalogus, identificatie: zaaktype.identificatie });
  return list.results;
}

/**
 * A new concept zaaktype. A second submit of the same form (same identificatie and begin in the catalogus, still a
 * concept) is refused with a message instead of making a twin.
 */
export async function maakZaaktype(db: Kysely<Database>, caller: BeheerCatalogiCaller, base: string, invoer: ZaaktypeFormInvoer): Promise<ZaaktypeJson> {
  const twins = (await versiesVan(db, caller, base, invoer)).filter((versie) => versie.concept === true && versie.beginGeldigheid === invoer.beginGeldigheid);
  if (twins.length > 0) {
    throw invalid([{ name: 'identificatie', code: 'unique', reason: `Er is al een concept van zaaktype ${invoer.identificatie} met deze begindatum.` }]);
  }
  const input: ZaaktypeInput = { ...invoer, besluittypen: [], gerelateerdeZaaktypen: [], productenOfDiensten: [], deelzaaktypen: [] };
  return createZaaktype(db, caller, base, input);
}

/** Changes a concept (PATCH: the form's attributes only; relations it does not show stay as they are). */
export async function wijzigZaaktype(db: Kysely<Database>, caller: BeheerCatalogiCaller, base: string, uuid: string, invoer: ZaaktypeFormInvoer): Promise<ZaaktypeJson> {
  const { catalogus: _catalogus, ...wijziging } = invoer;
  return changeZaaktype(db, caller, base, uuid, wijziging, true);
}

/**
 * Publishes a concept. A later version replaces the published one before it: that one's eindeGeldigheid becomes the
 * day before the new begin (the one change ztc-009 allows on a published zaaktype), in the same transaction, so a
 * refused publication leaves the earlier version as it was.
 */
export async function publiceerZaaktype(db: Kysely<Database>, caller: BeheerCatalogiCaller, base: string, uuid: string): Promise<ZaaktypeJson> {
  return inTransaction(db, async (trx) => {
    const concept = await retrieveZaaktype(trx, caller, base, uuid);
    if (concept.concept !== true) return concept;
    const begin = String(concept.beginGeldigheid);
    const eerdere = (await versiesVan(trx, caller, base, { catalogus: String(concept.catalogus), identificatie: String(concept.identificatie) })).filter(
      (versie) => versie.concept !== true && String(versie.beginGeldigheid) < begin && (versie.eindeGeldigheid === null || String(versie.eindeGeldigheid) >= begin),
    );
    for (const versie of eerdere) {
      await changeZaaktype(trx, caller, base, String(versie.url).split('/').at(-1) ?? '', { eindeGeldigheid: dagErvoor(begin) }, true);
    }
    return publishZaaktype(trx, caller, base, uuid);
  });
}

/**
 * A new version of a zaaktype, as the Catalogi API versions: a concept with the same identificatie and a later
 * beginGeldigheid, with the parts of the version it starts from (statustypen, resultaattypen, roltypen,
 * eigenschappen, informatieobjecttypen, zaakobjecttypen). The published version it follows ends the day before
 * (the API refuses a concept whose geldigheid overlaps a published version). One concept version at a time: a second request (a double
 * submit) is refused with a message.
 */
export async function nieuweVersie(db: Kysely<Database>, caller: BeheerCatalogiCaller, base: string, uuid: string, beginGeldigheid: string): Promise<ZaaktypeJson> {
  const bron = await retrieveZaaktype(db, caller, base, uuid);
  const problems = [];
  if (!/^\d{4}-\d{2}-\d{2}$/.test(beginGeldigheid)) problems.push({ name: 'beginGeldigheid', code: 'invalid', reason: 'Vul een datum in als 2026-01-31.' });
  else if (beginGeldigheid <= String(bron.beginGeldigheid)) problems.push({ name: 'beginGeldigheid', code: 'invalid', reason: `Een nieuwe versie begint na ${String(bron.beginGeldigheid)}, de begindatum van deze versie.` });
  else if (beginGeldigheid < amsterdamDate()) problems.push({ name: 'beginGeldigheid', code: 'invalid', reason: 'Een nieuwe versie begint vandaag of later.' });
  const versies = await versiesVan(db, caller, base, { catalogus: String(bron.catalogus), identificatie: String(bron.identificatie) });
  if (versies.some((versie) => versie.concept === true)) problems.push({ name: 'beginGeldigheid', code: 'unique', reason: 'Er is al een conceptversie van dit zaaktype; werk die bij of publiceer die eerst.' });
  if (problems.length > 0) throw invalid(problems);
  const [bestand] = (await exportZaaktype(db, caller.tenant.id, uuid)).zaaktypen;
  if (!bestand) throw invalid([{ name: 'nonFieldErrors', code: 'invalid', reason: 'Dit zaaktype kon niet worden gelezen.' }]);
  return inTransaction(db, async (trx) => {
    // ztc-016: the concept may not overlap a published version, so the version it follows ends the day before.
    const einde = bron.eindeGeldigheid;
    if (bron.concept !== true && (einde === null || einde === undefined || String(einde) >= beginGeldigheid)) {
      await changeZaaktype(trx, caller, base, uuid, { eindeGeldigheid: dagErvoor(beginGeldigheid) }, true);
    }
    const body = { ...requestAttributes('zaaktype', bestand), catalogus: bron.catalogus, beginGeldigheid, eindeGeldigheid: null, versiedatum: beginGeldigheid } as unknown as ZaaktypeInput;
    const created = await createZaaktype(trx, caller, base, body);
    const collector = new ProblemCollector(trx);
    // The parts' services only need the caller's tenant and audit identity; the base URL is passed on its own.
    await importZaaktypeParts(trx, { ...caller, protocol: 'https', host: caller.host }, base, { url: created.url, catalogus: String(created.catalogus) }, bestand, 'zaaktype', collector);
    collector.throwIfAny('De nieuwe versie is niet gemaakt; er is niets veranderd.');
    return created;
  });
}
