import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database } from '../platform/database/schema.ts';
import type { EformulierConceptenTable, EformulierenTable, EformulierInzendingenTable } from '../platform/database/tables/eformulieren.ts';
import type { Antwoorden, Bestand, FormulierDefinitie } from './definitie.ts';

/* The only SQL of the e-forms: forms, drafts, draft files and submissions. Every query is scoped by tenant. */

export type FormulierRow = Selectable<EformulierenTable>;
export type ConceptRow = Selectable<EformulierConceptenTable>;
export type InzendingRow = Selectable<EformulierInzendingenTable>;

/** Whose draft or submission: the portal session's identity. */
export interface Persoon {
  soort: 'bsn' | 'kvk';
  identificatie: string;
}

export async function listFormulieren(db: Kysely<Database>, tenantId: string): Promise<FormulierRow[]> {
  return db.selectFrom('eformulieren').selectAll().where('tenant_id', '=', tenantId).orderBy('zaaktype_identificatie').execute();
}

export async function findFormulier(db: Kysely<Database>, tenantId: string, uuid: string): Promise<FormulierRow | undefined> {
  return db.selectFrom('eformulieren').selectAll().where('tenant_id', '=', tenantId).where('uuid', '=', uuid).executeTakeFirst();
}

export async function findFormulierVoorZaaktype(db: Kysely<Database>, tenantId: string, zaaktypeIdentificatie: string): Promise<FormulierRow | undefined> {
  return db.selectFrom('eformulieren').selectAll().where('tenant_id', '=', tenantId).where('zaaktype_identificatie', '=', zaaktypeIdentificatie).executeTakeFirst();
}

/** Inserts a form; undefined when the zaaktype already has one. */
export async function insertFormulier(db: Kysely<Database>, tenantId: string, zaaktypeIdentificatie: string, concept: FormulierDefinitie, door: string): Promise<FormulierRow | undefined> {
  return db
    .insertInto('eformulieren')
    .values({ tenant_id: tenantId, zaaktype_identificatie: zaaktypeIdentificatie, concept: JSON.stringify(concept), bijgewerkt_door: door })
    .onConflict((conflict) => conflict.columns(['tenant_id', 'zaaktype_identificatie']).doNothing())
    .returningAll()
    .executeTakeFirst();
}

export async function updateConcept(db: Kysely<Database>, tenantId: string, uuid: string, concept: FormulierDefinitie, door: string, now: Date): Promise<FormulierRow | undefined> {
  return db
    .updateTable('eformulieren')
    .set({ concept: JSON.stringify(concept), concept_gewijzigd: true, bijgewerkt_door: door, updated_at: now })
    .where('tenant_id', '=', tenantId)
    .where('uuid', '=', uuid)
    .returningAll()
    .executeTakeFirst();
}

/** Makes the concept what residents get. */
export async function publishConcept(db: Kysely<Database>, tenantId: string, uuid: string, door: string, now: Date): Promise<FormulierRow | undefined> {
  return db
    .updateTable('eformulieren')
    .set({ gepubliceerd: sql`concept`, gepubliceerd_op: now, concept_gewijzigd: false, bijgewerkt_door: door, updated_at: now })
    .where('tenant_id', '=', tenantId)
    .where('uuid', '=', uuid)
    .returningAll()
    .executeTakeFirst();
}

/** Which of these zaaktypen have a published form. */
export async function zaaktypenMetGepubliceerdFormulier(db: Kysely<Database>, tenantId: string, identificaties: readonly string[]): Promise<Set<string>> {
  if (identificaties.length === 0) return new Set();
  const rows = await db
    .selectFrom('eformulieren')
    .select('zaaktype_identificatie')
    .where('tenant_id', '=', tenantId)
    .where('zaaktype_identificatie', 'in', identificaties)
    .where('gepubliceerd', 'is not', null)
    .execute();
  return new Set(rows.map((row) => row.zaaktype_identificatie));
}

/** The person's live draft of a form; an expired one is removed on the way. */
export async function findConcept(db: Kysely<Database>, tenantId: string, formulierUuid: string, persoon: Persoon, now: Date): Promise<ConceptRow | undefined> {
  const row = await db
    .selectFrom('eformulier_concepten')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('eformulier_uuid', '=', formulierUuid)
    .where('soort', '=', persoon.soort)
    .where('identificatie', '=', persoon.identificatie)
    .executeTakeFirst();
  if (row && row.verloopt_op.getTime() <= now.getTime()) {
    await db.deleteFrom('eformulier_concepten').where('tenant_id', '=', tenantId).where('uuid', '=', row.uuid).execute();
    return undefined;
  }
  return row;
}

/** Starts a draft (replacing any earlier one of this person for this form). */
export async function startConcept(db: Kysely<Database>, tenantId: string, formulierUuid: string, persoon: Persoon, antwoorden: Antwoorden, verlooptOp: Date): Promise<ConceptRow> {
  await db
    .deleteFrom('eformulier_concepten')
    .where('tenant_id', '=', tenantId)
    .where('eformulier_uuid', '=', formulierUuid)
    .where('soort', '=', persoon.soort)
    .where('identificatie', '=', persoon.identificatie)
    .execute();
  return db
    .insertInto('eformulier_concepten')
    .values({ tenant_id: tenantId, eformulier_uuid: formulierUuid, soort: persoon.soort, identificatie: persoon.identificatie, antwoorden: JSON.stringify(antwoorden), verloopt_op: verlooptOp })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function saveAntwoorden(db: Kysely<Database>, tenantId: string, conceptUuid: string, antwoorden: Antwoorden, now: Date, verlooptOp: Date): Promise<void> {
  await db
    .updateTable('eformulier_concepten')
    .set({ antwoorden: JSON.stringify(antwoorden), updated_at: now, verloopt_op: verlooptOp })
    .where('tenant_id', '=', tenantId)
    .where('uuid', '=', conceptUuid)
    .execute();
}

export async function deleteConcept(db: Kysely<Database>, tenantId: string, conceptUuid: string): Promise<void> {
  await db.deleteFrom('eformulier_concepten').where('tenant_id', '=', tenantId).where('uuid', '=', conceptUuid).execute();
}

/** Removes every draft past its expiry (housekeeping). */
export async function deleteExpiredConcepten(db: Kysely<Database>, now: Date): Promise<number> {
  const result = await db.deleteFrom('eformulier_concepten').where('verloopt_op', '<=', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The files of a draft, without their bytes. */
export async function conceptBestanden(db: Kysely<Database>, tenantId: string, conceptUuid: string): Promise<Bestand[]> {
  return db
    .selectFrom('eformulier_concept_bestanden')
    .select(['veld', 'bestandsnaam', 'formaat', 'grootte'])
    .where('tenant_id', '=', tenantId)
    .where('concept_uuid', '=', conceptUuid)
    .orderBy('created_at')
    .execute();
}

/** The files of a draft with their bytes (for the submission). */
export async function conceptBestandenMetInhoud(db: Kysely<Database>, tenantId: string, conceptUuid: string): Promise<(Bestand & { inhoud: Buffer })[]> {
  const rows = await db
    .selectFrom('eformulier_concept_bestanden')
    .select(['veld', 'bestandsnaam', 'formaat', 'grootte', 'inhoud'])
    .where('tenant_id', '=', tenantId)
    .where('concept_uuid', '=', conceptUuid)
    .orderBy('created_at')
    .execute();
  return rows.map((row) => ({ ...row, inhoud: Buffer.from(row.inhoud) }));
}

/** Stores a complete upload as the field's file, replacing an earlier one. */
export async function replaceBestand(db: Kysely<Database>, tenantId: string, conceptUuid: string, bestand: Bestand & { inhoud: Buffer }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('eformulier_concept_bestanden').where('tenant_id', '=', tenantId).where('concept_uuid', '=', conceptUuid).where('veld', '=', bestand.veld).execute();
    await trx
      .insertInto('eformulier_concept_bestanden')
      .values({ tenant_id: tenantId, concept_uuid: conceptUuid, veld: bestand.veld, bestandsnaam: bestand.bestandsnaam, formaat: bestand.formaat, grootte: bestand.grootte, inhoud: bestand.inhoud })
      .execute();
  });
}

export async function deleteBestand(db: Kysely<Database>, tenantId: string, conceptUuid: string, veld: string): Promise<void> {
  await db.deleteFrom('eformulier_concept_bestanden').where('tenant_id', '=', tenantId).where('concept_uuid', '=', conceptUuid).where('veld', '=', veld).execute();
}

/**
 * Claims an idempotency key inside the submission's transaction. False when the key is taken: a concurrent
 * submission with the same key waits here on the unique key until the first commits (then false) or rolls back (true).
 */
export async function claimInzending(
  db: Kysely<Database>,
  tenantId: string,
  claim: { sleutel: string; zaaktypeIdentificatie: string; kanaal: string; persoon: Persoon; now: Date },
): Promise<boolean> {
  const row = await db
    .insertInto('eformulier_inzendingen')
    .values({
      tenant_id: tenantId,
      sleutel: claim.sleutel,
      zaaktype_identificatie: claim.zaaktypeIdentificatie,
      kanaal: claim.kanaal,
      soort: claim.persoon.soort,
      identificatie: claim.persoon.identificatie,
      ingediend_op: claim.now,
    })
    .onConflict((conflict) => conflict.columns(['tenant_id', 'sleutel']).doNothing())
    .returning('sleutel')
    .executeTakeFirst();
  return row !== undefined;
}

export async function completeInzending(db: Kysely<Database>, tenantId: string, sleutel: string, zaak: { uuid: string; url: string; identificatie: string }): Promise<void> {
  await db
    .updateTable('eformulier_inzendingen')
    .set({ zaak_uuid: zaak.uuid, zaak_url: zaak.url, zaak_identificatie: zaak.identificatie })
    .where('tenant_id', '=', tenantId)
    .where('sleutel', '=', sleutel)
    .execute();
}

export async function findInzending(db: Kysely<Database>, tenantId: string, sleutel: string): Promise<InzendingRow | undefined> {
  return db.selectFrom('eformulier_inzendingen').selectAll().where('tenant_id', '=', tenantId).where('sleutel', '=', sleutel).executeTakeFirst();
}
