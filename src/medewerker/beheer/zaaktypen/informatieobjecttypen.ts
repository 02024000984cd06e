import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import { VERTROUWELIJKHEIDAANDUIDINGEN } from '../../../platform/auth/autorisaties.ts';
import { inTransaction } from '../../../platform/database/transaction.ts';
import type { InvalidParam } from '../../../platform/errors/catalogue.ts';
import { ProblemError } from '../../../platform/errors/problem.ts';
import { createInformatieobjecttype, listInformatieobjecttypePage, publishInformatieobjecttype, retrieveInformatieobjecttype } from '../../../components/catalogi/informatieobjecttypen/service.ts';
import { RICHTINGEN, type Richting } from '../../../components/catalogi/zaaktype-informatieobjecttypen/schemas.ts';
import {
  createZaaktypeInformatieobjecttype,
  destroyZaaktypeInformatieobjecttype,
  listZaaktypeInformatieobjecttypePage,
  retrieveZaaktypeInformatieobjecttype,
} from '../../../components/catalogi/zaaktype-informatieobjecttypen/service.ts';
import { textOf, type FieldErrors, type SelectOption } from '../velden.ts';
import { leesbareReden } from './gepubliceerd.ts';
import type { BeheerCatalogiCaller } from './zaaktype-gegevens.ts';

/*
 * The informatieobjecttypen of a concept zaaktype: which kinds of document its zaken hold, in which direction and
 * order. A link (zaaktype-informatieobjecttype) names an informatieobjecttype of the zaaktype's catalogus by its
 * omschrijving, as the Catalogi API writes it; a new informatieobjecttype is made as a concept together with its
 * link, in one transaction, and is published on its own (a zaaktype is only published with published types,
 * the Catalogi API refuses a zaaktype whose related types are concepts). Every write goes through the Catalogi services.
 */

export const KOPPELING_VELDEN = ['informatieobjecttype', 'volgnummer', 'richting'] as const;
export type KoppelingWaarden = Record<(typeof KOPPELING_VELDEN)[number], string>;

export const NIEUW_IOT_VELDEN = ['omschrijving', 'vertrouwelijkheidaanduiding', 'beginGeldigheid', 'informatieobjectcategorie', 'volgnummer', 'richting'] as const;
export type NieuwIotWaarden = Record<(typeof NIEUW_IOT_VELDEN)[number], string>;

export const KOPPELING_LABELS: Record<string, string> = {
  informatieobjecttype: 'Informatieobjecttype',
  omschrijving: 'Omschrijving',
  vertrouwelijkheidaanduiding: 'Vertrouwelijkheid',
  beginGeldigheid: 'Geldig vanaf',
  informatieobjectcategorie: 'Categorie',
  volgnummer: 'Volgnummer',
  richting: 'Richting',
};

const RICHTING_LABELS: Record<Richting, string> = { inkomend: 'Inkomend', intern: 'Intern', uitgaand: 'Uitgaand' };

export const RICHTING_OPTIES: SelectOption[] = RICHTINGEN.map((value) => ({ value, label: RICHTING_LABELS[value] }));

export function richtingLabel(richting: string): string {
  return RICHTING_LABELS[richting as Richting] ?? richting;
}

export function leesKoppeling(body: Record<string, unknown> | undefined): KoppelingWaarden {
  return Object.fromEntries(KOPPELING_VELDEN.map((veld) => [veld, textOf(body, veld)])) as KoppelingWaarden;
}

export function leesNieuwIot(body: Record<string, unknown> | undefined): NieuwIotWaarden {
  return Object.fromEntries(NIEUW_IOT_VELDEN.map((veld) => [veld, textOf(body, veld)])) as NieuwIotWaarden;
}

function richtingEnVolgnummer(waarden: { volgnummer: string; richting: string }, fouten: FieldErrors): { volgnummer: number; richting?: Richting } {
  const volgnummer = Number(waarden.volgnummer);
  if (!/^\d{1,3}$/.test(waarden.volgnummer) || volgnummer < 1) fouten.volgnummer = 'Vul een heel getal van 1 tot en met 999 in.';
  const richting = RICHTINGEN.find((value) => value === waarden.richting);
  if (!richting) fouten.richting = 'Kies inkomend, intern of uitgaand.';
  return { volgnummer, richting };
}

/** The service's problems beside the fields: a unique-together refusal concerns the volgnummer. */
export function koppelingFouten(problems: readonly InvalidParam[], velden: readonly string[], prefix: string): FieldErrors {
  const fouten: FieldErrors = {};
  for (const problem of problems) {
    const naam = problem.name === 'nonFieldErrors' && problem.code === 'unique' ? 'volgnummer' : (problem.name.split('.').at(-1) ?? problem.name);
    const key = velden.includes(naam) ? `${prefix}${naam}` : `${prefix}algemeen`;
    const reden = leesbareReden(problem);
    fouten[key] = fouten[key] ? `${fouten[key]} ${reden}` : reden;
  }
  return fouten;
}

/** Links an informatieobjecttype of the catalogus (by omschrijving); the form's problems, or undefined when linked. */
export async function koppelInformatieobjecttype(db: Kysely<Database>, caller: BeheerCatalogiCaller, base: string, zaaktypeUrl: string, waarden: KoppelingWaarden): Promise<FieldErrors | undefined> {
  const fouten: FieldErrors = {};
  if (waarden.informatieobjecttype === '') fouten.informatieobjecttype = 'Kies een informatieobjecttype.';
  const { volgnummer, richting } = richtingEnVolgnummer(waarden, fouten);
  if (Object.keys(fouten).length > 0 || !richting) return fouten;
  await createZaaktypeInformatieobjecttype(db, caller, base, { zaaktype: zaaktypeUrl, informatieobjecttype: waarden.informatieobjecttype, volgnummer, richting });
  return undefined;
}

/**
 * Makes a concept informatieobjecttype in the zaaktype's catalogus and links it, both or neither. A second submit
 * is refused by the service: a concept of the same omschrijving and geldigheid already exists.
 */
export async function maakInformatieobjecttype(
  db: Kysely<Database>,
  caller: BeheerCatalogiCaller,
  base: string,
  zaaktype: { url: string; catalogus: string },
  waarden: NieuwIotWaarden,
): Promise<FieldErrors | undefined> {
  const fouten: FieldErrors = {};
  if (waarden.omschrijving === '') fouten.omschrijving = 'Vul de omschrijving in.';
  else if (waarden.omschrijving.length > 80) fouten.omschrijving = `Gebruik hoogstens 80 tekens (nu ${waarden.omschrijving.length}).`;
  if (!(VERTROUWELIJKHEIDAANDUIDINGEN as readonly string[]).includes(waarden.vertrouwelijkheidaanduiding)) fouten.vertrouwelijkheidaanduiding = 'Kies een vertrouwelijkheid.';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(waarden.beginGeldigheid)) fouten.beginGeldigheid = 'Vul een datum in als 2026-01-31.';
  if (waarden.informatieobjectcategorie === '') fouten.informatieobjectcategorie = 'Vul de categorie in, bijvoorbeeld Aanvraag of Besluit.';
  else if (waarden.informatieobjectcategorie.length > 80) fouten.informatieobjectcategorie = `Gebruik hoogstens 80 tekens (nu ${waarden.informatieobjectcategorie.length}).`;
  const { volgnummer, richting } = richtingEnVolgnummer(waarden, fouten);
  if (Object.keys(fouten).length > 0 || !richting) return fouten;
  // A second concept of the same omschrijving would be a twin (the API only refuses overlap with published versions).
  const concepten = await listInformatieobjecttypePage(db, caller, base, { catalogus: zaaktype.catalogus, omschrijving: waarden.omschrijving, status: 'concept' });
  if (concepten.count > 0) return { omschrijving: `De catalogus heeft al een concept van informatieobjecttype "${waarden.omschrijving}"; koppel dat hierboven.` };
  await inTransaction(db, async (trx) => {
    await createInformatieobjecttype(trx, caller, base, {
      catalogus: zaaktype.catalogus,
      omschrijving: waarden.omschrijving,
      vertrouwelijkheidaanduiding: waarden.vertrouwelijkheidaanduiding,
      beginGeldigheid: waarden.beginGeldigheid,
      informatieobjectcategorie: waarden.informatieobjectcategorie,
    });
    await createZaaktypeInformatieobjecttype(trx, caller, base, { zaaktype: zaaktype.url, informatieobjecttype: waarden.omschrijving, volgnummer, richting });
  });
  return undefined;
}

/** Removes a link of the zaaktype (the informatieobjecttype itself stays in the catalogus). */
export async function ontkoppelInformatieobjecttype(db: Kysely<Database>, caller: BeheerCatalogiCaller, base: string, zaaktypeUrl: string, uuid: string): Promise<void> {
  const koppeling = await retrieveZaaktypeInformatieobjecttype(db, caller, base, uuid);
  if (koppeling.zaaktype !== zaaktypeUrl) throw new ProblemError('not_found', 'Dit informatieobjecttype hoort niet bij dit zaaktype.');
  await destroyZaaktypeInformatieobjecttype(db, caller, base, uuid);
}

/**
 * Publishes a concept informatieobjecttype linked to the zaaktype; one the zaaktype does not link is not reached
 * from its page (not_found). Publishing twice changes nothing the second time.
 */
export async function publiceerInformatieobjecttype(db: Kysely<Database>, caller: BeheerCatalogiCaller, base: string, zaaktypeUrl: string, uuid: string): Promise<void> {
  const iot = await retrieveInformatieobjecttype(db, caller, base, uuid);
  const koppelingen = await listZaaktypeInformatieobjecttypePage(db, caller, base, { zaaktype: zaaktypeUrl, informatieobjecttype: String(iot.omschrijving), status: 'alles' });
  if (koppelingen.count === 0) throw new ProblemError('not_found', 'Dit informatieobjecttype hoort niet bij dit zaaktype.');
  await publishInformatieobjecttype(db, caller, base, uuid);
}
