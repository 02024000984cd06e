import type { Kysely } from 'kysely';
import type { Database } from '../platform/database/schema.ts';
import { vandaag } from './dagen.ts';
import { controleerDefinitie, nieuweDefinitie, type DefinitieProbleem } from './definitie-controle.ts';
import type { FormulierDefinitie } from './definitie.ts';
import { findFormulier, findFormulierVoorZaaktype, insertFormulier, publishConcept, updateConcept, type FormulierRow } from './repository.ts';
import { feitenVan, zaaktypeOpDatum, type ApiOrigin } from './zaaktype-vandaag.ts';

/*
 * The e-forms as beheerders keep them: create one per zaaktype, save the concept (checked against the zaaktype valid
 * today), publish it. Residents only ever get the published copy.
 */

export type BewaarUitkomst = { formulier: FormulierRow; problemen: [] } | { formulier?: undefined; problemen: DefinitieProbleem[] };

/** The published definition for a zaaktype, if there is one. */
export async function gepubliceerdFormulier(db: Kysely<Database>, tenantId: string, zaaktypeIdentificatie: string): Promise<{ uuid: string; definitie: FormulierDefinitie } | undefined> {
  const row = await findFormulierVoorZaaktype(db, tenantId, zaaktypeIdentificatie);
  if (!row || row.gepubliceerd === null) return undefined;
  return { uuid: row.uuid, definitie: row.gepubliceerd as FormulierDefinitie };
}

async function check(db: Kysely<Database>, tenantId: string, origin: ApiOrigin, zaaktypeIdentificatie: string, raw: unknown) {
  const zaaktype = await zaaktypeOpDatum(db, tenantId, origin, zaaktypeIdentificatie, vandaag());
  if (!zaaktype) return { problemen: [{ plaats: 'zaaktype', melding: `Er is vandaag geen gepubliceerd zaaktype ${zaaktypeIdentificatie}.` }] };
  return controleerDefinitie(raw, feitenVan(zaaktype));
}

/** Creates the form of a zaaktype with a first step to edit (or with `definitie`, e.g. imported); one form per zaaktype. */
export async function maakFormulier(db: Kysely<Database>, tenantId: string, origin: ApiOrigin, zaaktypeIdentificatie: string, door: string, definitie?: unknown): Promise<BewaarUitkomst> {
  const zaaktype = await zaaktypeOpDatum(db, tenantId, origin, zaaktypeIdentificatie, vandaag());
  if (!zaaktype) return { problemen: [{ plaats: 'zaaktype', melding: `Er is vandaag geen gepubliceerd zaaktype ${zaaktypeIdentificatie}.` }] };
  const checked = controleerDefinitie(definitie ?? nieuweDefinitie(zaaktype.omschrijving), feitenVan(zaaktype));
  if (!checked.definitie) return { problemen: checked.problemen };
  const row = await insertFormulier(db, tenantId, zaaktype.identificatie, checked.definitie, door);
  if (!row) return { problemen: [{ plaats: 'zaaktype', melding: `Zaaktype ${zaaktypeIdentificatie} heeft al een formulier.` }] };
  return { formulier: row, problemen: [] };
}

/** Saves a new concept after checking it; nothing is saved when there is a problem. */
export async function bewaarConcept(db: Kysely<Database>, tenantId: string, origin: ApiOrigin, uuid: string, raw: unknown, door: string): Promise<BewaarUitkomst> {
  const row = await findFormulier(db, tenantId, uuid);
  if (!row) return { problemen: [{ plaats: '', melding: 'Dit formulier bestaat niet.' }] };
  const checked = await check(db, tenantId, origin, row.zaaktype_identificatie, raw);
  if (!checked.definitie) return { problemen: checked.problemen };
  const saved = await updateConcept(db, tenantId, uuid, checked.definitie, door, new Date());
  return saved ? { formulier: saved, problemen: [] } : { problemen: [{ plaats: '', melding: 'Dit formulier bestaat niet.' }] };
}

/** Publishes the concept, after checking it again against the zaaktype valid today (which may have changed). */
export async function publiceerFormulier(db: Kysely<Database>, tenantId: string, origin: ApiOrigin, uuid: string, door: string): Promise<BewaarUitkomst> {
  const row = await findFormulier(db, tenantId, uuid);
  if (!row) return { problemen: [{ plaats: '', melding: 'Dit formulier bestaat niet.' }] };
  const checked = await check(db, tenantId, origin, row.zaaktype_identificatie, row.concept);
  if (!checked.definitie) return { problemen: checked.problemen };
  const published = await publishConcept(db, tenantId, uuid, door, new Date());
  return published ? { formulier: published, problemen: [] } : { problemen: [{ plaats: '', melding: 'Dit formulier bestaat niet.' }] };
}
