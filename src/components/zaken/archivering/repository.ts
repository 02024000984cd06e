import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import { zaakUuidFromUrl, type ZaakRow } from '../shared/zaak-reference.ts';
import type { ArchiveringsRegime } from './archiefparameters.ts';
import type { BrondatumArchiefprocedure, ZaakFacts } from './brondatum.ts';

/*
 * The SQL behind closing and reopening a zaak: the archiving regime of its resultaat, the facts an afleidingswijze
 * reads, and the zaak's own closing fields. Every query is scoped to the tenant; writes run in the caller's
 * transaction (the one that stores the status).
 */

/** The zaak locked for the rest of the transaction, so two statussen for one zaak are decided one after the other. */
export async function lockZaak(db: Kysely<Database>, tenantId: string, uuid: string): Promise<ZaakRow | undefined> {
  return db.selectFrom('zaken').selectAll().where('tenant_id', '=', tenantId).where('uuid', '=', uuid).forUpdate().executeTakeFirst();
}

function regimeOf(row: { archiefnominatie: string | null; archiefactietermijn: string | null; brondatum_archiefprocedure: unknown }): ArchiveringsRegime {
  const procedure = row.brondatum_archiefprocedure;
  return {
    archiefnominatie: row.archiefnominatie,
    archiefactietermijn: row.archiefactietermijn,
    brondatumArchiefprocedure: typeof procedure === 'object' && procedure !== null ? (procedure as BrondatumArchiefprocedure) : null,
  };
}

/** The archiving regime of the resultaattype of the zaak's resultaat; undefined when the zaak has no resultaat. */
export async function findArchiveringsRegime(db: Kysely<Database>, tenantId: string, zaakUuid: string): Promise<ArchiveringsRegime | undefined> {
  const row = await db
    .selectFrom('resultaten')
    .innerJoin('resultaattypen', 'resultaattypen.uuid', 'resultaten.resultaattype_uuid')
    .select(['resultaattypen.archiefnominatie', 'resultaattypen.archiefactietermijn', 'resultaattypen.brondatum_archiefprocedure'])
    .where('resultaten.tenant_id', '=', tenantId)
    .where('resultaten.zaak_uuid', '=', zaakUuid)
    .executeTakeFirst();
  return row === undefined ? undefined : regimeOf(row);
}

function relevanteAndereZaakUuids(zaak: Pick<ZaakRow, 'data'>): string[] {
  const related = zaak.data.relevanteAndereZaken;
  if (!Array.isArray(related)) return [];
  return related.flatMap((item: unknown) => {
    const url = typeof item === 'object' && item !== null ? (item as { url?: unknown }).url : undefined;
    const uuid = typeof url === 'string' ? zaakUuidFromUrl(url) : null;
    return uuid === null ? [] : [uuid];
  });
}

/**
 * The facts about the zaak that its afleidingswijze reads, closing on `einddatum`. Only what that afleidingswijze
 * needs is loaded; the other facts stay empty. Related zaken outside this Zaken API cannot be read and count as
 * absent; besluiten are the Besluiten API's rows (migration 0016) with this zaak.
 */
export async function loadZaakFacts(db: Kysely<Database>, tenantId: string, zaak: ZaakRow, einddatum: string, procedure: BrondatumArchiefprocedure | null): Promise<ZaakFacts> {
  const facts: ZaakFacts = { einddatum, hoofdzaak: null, eigenschappen: [], zaakobjecten: [], gerelateerdeZaken: [], besluiten: [] };
  const datumkenmerk = procedure?.datumkenmerk ?? '';
  switch (procedure?.afleidingswijze) {
    case 'hoofdzaak': {
      if (zaak.hoofdzaak_uuid === null) return facts;
      const hoofdzaak = await db.selectFrom('zaken').select('einddatum').where('tenant_id', '=', tenantId).where('uuid', '=', zaak.hoofdzaak_uuid).executeTakeFirst();
      return { ...facts, hoofdzaak: hoofdzaak ?? null };
    }
    case 'eigenschap': {
      const eigenschappen = await db
        .selectFrom('zaakeigenschappen')
        .select(['naam', 'waarde'])
        .where('tenant_id', '=', tenantId)
        .where('zaak_uuid', '=', zaak.uuid)
        .where('naam', '=', datumkenmerk)
        .execute();
      return { ...facts, eigenschappen };
    }
    case 'zaakobject': {
      const rows = await db
        .selectFrom('zaakobjecten')
        .select(['object_type', 'data'])
        .where('tenant_id', '=', tenantId)
        .where('zaak_uuid', '=', zaak.uuid)
        .where('object_type', '=', procedure.objecttype ?? '')
        .execute();
      return { ...facts, zaakobjecten: rows.map((row) => ({ objectType: row.object_type, objectIdentificatie: row.data.objectIdentificatie })) };
    }
    case 'gerelateerde_zaak': {
      const uuids = relevanteAndereZaakUuids(zaak);
      if (uuids.length === 0) return facts;
      const gerelateerdeZaken = await db.selectFrom('zaken').select('einddatum').where('tenant_id', '=', tenantId).where('uuid', 'in', uuids).execute();
      return { ...facts, gerelateerdeZaken };
    }
    case 'ingangsdatum_besluit':
    case 'vervaldatum_besluit': {
      // The Besluiten API's table, read as plain SQL so the Zaken API does not depend on that component's types.
      const { rows } = await sql<{ ingangsdatum: string; vervaldatum: string | null }>`
        SELECT ingangsdatum::text AS ingangsdatum, vervaldatum::text AS vervaldatum
        FROM besluiten WHERE tenant_id = ${tenantId} AND zaak_uuid = ${zaak.uuid}`.execute(db);
      return { ...facts, besluiten: rows };
    }
    default:
      return facts;
  }
}

/** How many deelzaken of the zaak are still open (a hoofdzaak closes after its deelzaken). */
export async function countOpenDeelzaken(db: Kysely<Database>, tenantId: string, zaakUuid: string): Promise<number> {
  const row = await db
    .selectFrom('zaken')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('tenant_id', '=', tenantId)
    .where('hoofdzaak_uuid', '=', zaakUuid)
    .where('einddatum', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** The einddatum of the zaak's hoofdzaak; undefined when the zaak is no deelzaak. */
export async function hoofdzaakEinddatum(db: Kysely<Database>, tenantId: string, zaak: Pick<ZaakRow, 'hoofdzaak_uuid'>): Promise<string | null | undefined> {
  if (zaak.hoofdzaak_uuid === null) return undefined;
  const row = await db.selectFrom('zaken').select('einddatum').where('tenant_id', '=', tenantId).where('uuid', '=', zaak.hoofdzaak_uuid).executeTakeFirst();
  return row?.einddatum;
}

/** The zaak's fields once closed. */
export interface ClosingFields {
  einddatum: string;
  archiefnominatie: string | null;
  archiefactiedatum: string | null;
  /** The brondatum, kept as the zaak's startdatumBewaartermijn unless it already has one. */
  brondatum: string | null;
}

/**
 * Closes the zaak. `startdatumBewaartermijn` has no column of its own; it is one of the attributes `data` holds
 * under its API name, and is only filled in when the zaak has none (as the reference implementation does).
 */
export async function writeZaakClosed(db: Kysely<Database>, tenantId: string, uuid: string, fields: ClosingFields): Promise<ZaakRow> {
  const data =
    fields.brondatum === null
      ? sql<string>`data`
      : sql<string>`CASE WHEN data->>'startdatumBewaartermijn' IS NULL THEN jsonb_set(data, '{startdatumBewaartermijn}', to_jsonb(${fields.brondatum}::text)) ELSE data END`;
  return db
    .updateTable('zaken')
    .set({ einddatum: fields.einddatum, archiefnominatie: fields.archiefnominatie, archiefactiedatum: fields.archiefactiedatum, data })
    .where('tenant_id', '=', tenantId)
    .where('uuid', '=', uuid)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** zrc-008: the reopened zaak loses its einddatum, archiefnominatie, archiefactiedatum and startdatumBewaartermijn. */
export async function writeZaakReopened(db: Kysely<Database>, tenantId: string, uuid: string): Promise<ZaakRow> {
  return db
    .updateTable('zaken')
    .set({ einddatum: null, archiefnominatie: null, archiefactiedatum: null, data: sql<string>`data - 'startdatumBewaartermijn'` })
    .where('tenant_id', '=', tenantId)
    .where('uuid', '=', uuid)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A closed deelzaak whose resultaattype counts its brondatum from the hoofdzaak. */
export interface DeelzaakCountingFromHoofdzaak {
  uuid: string;
  regime: ArchiveringsRegime;
}

/** The closed deelzaken of a hoofdzaak whose resultaattype's afleidingswijze is `hoofdzaak`. */
export async function deelzakenCountingFromHoofdzaak(db: Kysely<Database>, tenantId: string, hoofdzaakUuid: string): Promise<DeelzaakCountingFromHoofdzaak[]> {
  const rows = await db
    .selectFrom('zaken')
    .innerJoin('resultaten', 'resultaten.zaak_uuid', 'zaken.uuid')
    .innerJoin('resultaattypen', 'resultaattypen.uuid', 'resultaten.resultaattype_uuid')
    .select(['zaken.uuid', 'resultaattypen.archiefnominatie', 'resultaattypen.archiefactietermijn', 'resultaattypen.brondatum_archiefprocedure'])
    .where('zaken.tenant_id', '=', tenantId)
    .where('zaken.hoofdzaak_uuid', '=', hoofdzaakUuid)
    .where('zaken.einddatum', 'is not', null)
    .where(sql<string>`resultaattypen.brondatum_archiefprocedure->>'afleidingswijze'`, '=', 'hoofdzaak')
    .orderBy('zaken.uuid')
    .execute();
  return rows.map((row) => ({ uuid: row.uuid, regime: regimeOf(row) }));
}

/** Sets the archiefactiedatum and startdatumBewaartermijn of a deelzaak that counts from its hoofdzaak. */
export async function writeDeelzaakArchiefactiedatum(db: Kysely<Database>, tenantId: string, uuid: string, archiefactiedatum: string | null, brondatum: string | null): Promise<void> {
  const data = brondatum === null ? sql<string>`data - 'startdatumBewaartermijn'` : sql<string>`jsonb_set(data, '{startdatumBewaartermijn}', to_jsonb(${brondatum}::text))`;
  await db.updateTable('zaken').set({ archiefactiedatum, data }).where('tenant_id', '=', tenantId).where('uuid', '=', uuid).execute();
}
