import { sql, type InferResult, type Kysely } from 'kysely';
import { volledigeNaam } from '../../components/klantinteracties/shared/groups.ts';
import type { Database } from '../../platform/database/schema.ts';
import { prepared } from '../../platform/database/prepared.ts';
import type { JsonRecord } from '../../platform/database/tables/klantinteracties.ts';
import { zaakToegangFilter, type StaffZaakToegang } from '../toegang/zaak-toegang.ts';

/*
 * The KCC's read model of a person or business: partijen by identificator or digital address, the people and
 * businesses the rollen of zaken name, and a partij's zaken and earlier contacts. Every query is scoped to the tenant
 * and starts from an index (partij-identificatoren by object_id, digitale adressen by lowercased address or phone
 * digits, rollen by BSN, KvK number or name and date of birth, betrokkenen by partij); every query on zaken carries the
 * agent's view (zaakToegangFilter) in its WHERE, so a zaak above the agent's vertrouwelijkheid is never read.
 */

/** A partij as the workspace shows it. */
export interface PartijSamenvatting {
  uuid: string;
  soort: string;
  naam: string;
  bsn: string | null;
  kvkNummer: string | null;
}

/** A person or business as a rol of a readable zaak names it. */
export interface RolBetrokkene {
  soort: 'persoon' | 'organisatie';
  /** BSN (persoon) or KvK number (organisatie). */
  nummer: string;
  voornaam: string;
  voorvoegsel: string;
  achternaam: string;
  naam: string;
}

/** A zaak of the partij with its current status. */
export interface PartijZaak {
  uuid: string;
  identificatie: string;
  omschrijving: string;
  zaaktype: string;
  startdatum: string;
  einddatum: string | null;
  status: string | null;
}

/** An earlier contact of the partij. */
export interface PartijContact {
  uuid: string;
  nummer: string;
  kanaal: string;
  onderwerp: string;
  reactie: string;
  plaatsgevondenOp: Date;
}

interface PartijRow {
  uuid: string;
  soort_partij: string;
  partij_identificatie: JsonRecord;
  bsn: string | null;
  kvk_nummer: string | null;
}

function samenvatting(row: PartijRow): PartijSamenvatting {
  const identificatie = row.partij_identificatie;
  const naam = row.soort_partij === 'organisatie' ? String(identificatie.naam ?? '') : volledigeNaam((identificatie.contactnaam ?? null) as JsonRecord | null);
  return { uuid: row.uuid, soort: row.soort_partij, naam, bsn: row.bsn, kvkNummer: row.kvk_nummer };
}

/** The partijen of the tenant with these uuids, with their BSN or KvK number. */
export async function partijSamenvattingen(db: Kysely<Database>, tenantId: string, uuids: readonly string[]): Promise<PartijSamenvatting[]> {
  if (uuids.length === 0) return [];
  const { rows } = await prepared(sql<PartijRow>`
    SELECT p.uuid, p.soort_partij, p.partij_identificatie,
      (SELECT i.object_id FROM ki_partij_identificatoren i WHERE i.partij_uuid = p.uuid AND i.code_soort_object_id = 'bsn' LIMIT 1) AS bsn,
      (SELECT i.object_id FROM ki_partij_identificatoren i WHERE i.partij_uuid = p.uuid AND i.code_soort_object_id = 'kvk_nummer' LIMIT 1) AS kvk_nummer
    FROM ki_partijen p
    WHERE p.tenant_id = ${tenantId} AND p.uuid = ANY(${[...uuids]}::uuid[])
    ORDER BY p.created_at, p.uuid`).execute(db);
  return rows.map(samenvatting);
}

/** The partijen identified by a BSN or a KvK number. */
export async function partijenByIdentificator(db: Kysely<Database>, tenantId: string, soort: 'bsn' | 'kvk_nummer', objectId: string): Promise<PartijSamenvatting[]> {
  const { rows } = await sql<{ partij_uuid: string }>`
    SELECT DISTINCT partij_uuid FROM ki_partij_identificatoren
    WHERE tenant_id = ${tenantId} AND object_id = ${objectId} AND code_soort_object_id = ${soort} AND partij_uuid IS NOT NULL`.execute(db);
  return partijSamenvattingen(db, tenantId, rows.map((row) => row.partij_uuid));
}

/** The partijen that gave this e-mail address or phone number, themselves or as betrokkene of a contact. */
export async function partijenByDigitaalAdres(db: Kysely<Database>, tenantId: string, adres: { email: string } | { telefoon: string }): Promise<PartijSamenvatting[]> {
  const match =
    'email' in adres
      ? sql`a.soort_digitaal_adres = 'email' AND lower(a.adres) = ${adres.email}`
      : sql`a.soort_digitaal_adres = 'telefoonnummer' AND regexp_replace(regexp_replace(a.adres, '[^0-9]', '', 'g'), '^(00)?31', '0') = ${adres.telefoon}`;
  const { rows } = await sql<{ partij_uuid: string }>`
    SELECT DISTINCT coalesce(a.verstrekt_door_partij_uuid, b.partij_uuid) AS partij_uuid
    FROM ki_digitale_adressen a
    LEFT JOIN ki_betrokkenen b ON b.uuid = a.verstrekt_door_betrokkene_uuid
    WHERE a.tenant_id = ${tenantId} AND ${match} AND coalesce(a.verstrekt_door_partij_uuid, b.partij_uuid) IS NOT NULL
    LIMIT 20`.execute(db);
  return partijSamenvattingen(db, tenantId, rows.map((row) => row.partij_uuid));
}

/**
 * What a search of the person's zaken or contacts found: those matching the query, or, when none does (or there is no
 * query), the newest ones with `ongefilterd` telling which. One query does both: matches sort first, so the newest
 * are there when nothing matched.
 */
export interface Gevonden<T> {
  rijen: T[];
  ongefilterd: boolean;
}

function gevonden<T>(q: string, rows: { past: boolean; rij: T }[]): Gevonden<T> {
  if (q === '') return { rijen: rows.map((row) => row.rij), ongefilterd: false };
  const matching = rows.filter((row) => row.past);
  return matching.length > 0 ? { rijen: matching.map((row) => row.rij), ongefilterd: false } : { rijen: rows.map((row) => row.rij), ongefilterd: true };
}

/** The query as an ILIKE pattern (its wildcards escaped); undefined without a query. */
function likePattern(q: string): string | undefined {
  return q === '' ? undefined : `%${q.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

interface RolRow {
  betrokkene_type: string;
  nummer: string;
  identificatie: JsonRecord | null;
}

function rolBetrokkene(row: RolRow): RolBetrokkene {
  const identificatie = row.identificatie ?? {};
  const text = (field: string) => (typeof identificatie[field] === 'string' ? identificatie[field] : '');
  if (row.betrokkene_type === 'niet_natuurlijk_persoon') {
    const naam = text('statutaireNaam');
    return { soort: 'organisatie', nummer: row.nummer, voornaam: '', voorvoegsel: '', achternaam: '', naam };
  }
  const voornaam = text('voornamen');
  const voorvoegsel = text('voorvoegselGeslachtsnaam');
  const achternaam = text('geslachtsnaam');
  return { soort: 'persoon', nummer: row.nummer, voornaam, voorvoegsel, achternaam, naam: [voornaam || text('voorletters'), voorvoegsel, achternaam].filter((part) => part !== '').join(' ') };
}

/** Which rollen to read people and businesses from. */
export type RolSelectie =
  | { bsn: string }
  | { kvkNummer: string }
  | { zaaknummer: string }
  | { achternaam: string; geboortedatum: string };

/**
 * The people (by BSN) and businesses (by KvK number) that rollen of zaken the agent may read name, newest rol first,
 * one per number: by BSN, by KvK number, by the zaak's number (its initiators and other parties), or by surname and
 * date of birth.
 */
export async function rolBetrokkenen(db: Kysely<Database>, tenantId: string, toegang: StaffZaakToegang, selectie: RolSelectie): Promise<RolBetrokkene[]> {
  let query = db
    .selectFrom('rollen')
    .innerJoin('zaken', 'zaken.uuid', 'rollen.zaak_uuid')
    .select([
      'rollen.betrokkene_type',
      sql<string>`coalesce(rollen.inp_bsn, rollen.ann_identificatie)`.as('nummer'),
      sql<JsonRecord | null>`rollen.data -> 'betrokkeneIdentificatie'`.as('identificatie'),
    ])
    .where('rollen.tenant_id', '=', tenantId)
    .where('zaken.tenant_id', '=', tenantId)
    .where((eb) => zaakToegangFilter(eb, toegang))
    .where((eb) =>
      eb.or([
        eb.and([eb('rollen.betrokkene_type', '=', 'natuurlijk_persoon'), eb('rollen.inp_bsn', 'is not', null)]),
        eb.and([eb('rollen.betrokkene_type', '=', 'niet_natuurlijk_persoon'), eb('rollen.ann_identificatie', 'is not', null)]),
      ]),
    );
  if ('bsn' in selectie) query = query.where('rollen.inp_bsn', '=', selectie.bsn).where('rollen.betrokkene_type', '=', 'natuurlijk_persoon');
  else if ('kvkNummer' in selectie) query = query.where('rollen.ann_identificatie', '=', selectie.kvkNummer).where('rollen.betrokkene_type', '=', 'niet_natuurlijk_persoon');
  else if ('zaaknummer' in selectie) query = query.where('zaken.identificatie', '=', selectie.zaaknummer);
  else {
    query = query
      .where('rollen.betrokkene_type', '=', 'natuurlijk_persoon')
      .where(sql`lower(rollen.data -> 'betrokkeneIdentificatie' ->> 'geslachtsnaam')`, '=', selectie.achternaam.toLowerCase())
      .where(sql`rollen.data -> 'betrokkeneIdentificatie' ->> 'geboortedatum'`, '=', selectie.geboortedatum);
  }
  const rows = await query.orderBy('rollen.created_at', 'desc').limit(50).execute();
  const byNummer = new Map<string, RolBetrokkene>();
  for (const row of rows) {
    const found = rolBetrokkene(row);
    const known = byNummer.get(`${found.soort}:${found.nummer}`);
    // The newest rol with a name gives the name.
    if (!known || (known.naam === '' && found.naam !== '')) byNummer.set(`${found.soort}:${found.nummer}`, found);
  }
  return [...byNummer.values()];
}

/** Whose zaken: the partij's BSN or KvK number. */
export interface ZaakEigenaar {
  bsn: string | null;
  kvkNummer: string | null;
}

/**
 * The zaken the agent may read in which the person (BSN) or business (KvK number) has a rol, newest first, with the
 * current status; `q` narrows them to those whose number, description or zaaktype contains it.
 */
export async function zakenVanPartij(db: Kysely<Database>, tenantId: string, toegang: StaffZaakToegang, eigenaar: ZaakEigenaar, q: string, limit: number): Promise<Gevonden<PartijZaak>> {
  if (eigenaar.bsn === null && eigenaar.kvkNummer === null) return { rijen: [], ongefilterd: q !== '' };
  const rollen = db
    .selectFrom('rollen')
    .select('rollen.zaak_uuid')
    .where('rollen.tenant_id', '=', tenantId)
    .where((eb) =>
      eb.or([
        ...(eigenaar.bsn === null ? [] : [eb.and([eb('rollen.inp_bsn', '=', eigenaar.bsn), eb('rollen.betrokkene_type', '=', 'natuurlijk_persoon')])]),
        ...(eigenaar.kvkNummer === null ? [] : [eb.and([eb('rollen.ann_identificatie', '=', eigenaar.kvkNummer), eb('rollen.betrokkene_type', '=', 'niet_natuurlijk_persoon')])]),
      ]),
    );
  const query = db
    .selectFrom('zaken')
    .innerJoin('zaaktypen', 'zaaktypen.uuid', 'zaken.zaaktype_uuid')
    // The current status as kept per zaak by migrations/0090's trigger.
    .leftJoin('zaak_huidige_status', 'zaak_huidige_status.zaak_uuid', 'zaken.uuid')
    .leftJoin('statustypen', 'statustypen.uuid', 'zaak_huidige_status.statustype_uuid')
    .select(['zaken.uuid', 'zaken.identificatie', 'zaken.omschrijving', 'zaaktypen.omschrijving as zaaktype', 'zaken.startdatum', 'zaken.einddatum', 'statustypen.omschrijving as status'])
    .where('zaken.tenant_id', '=', tenantId)
    .where('zaken.uuid', 'in', rollen)
    .where((eb) => zaakToegangFilter(eb, toegang));
  const pattern = likePattern(q);
  const page = query
    .select((eb) => eb.or(pattern === undefined ? [] : [eb('zaken.identificatie', 'ilike', pattern), eb('zaken.omschrijving', 'ilike', pattern), eb('zaaktypen.omschrijving', 'ilike', pattern)]).as('past'))
    .orderBy('past', 'desc')
    .orderBy('zaken.startdatum', 'desc')
    .orderBy('zaken.created_at', 'desc')
    .limit(limit);
  // Prepared (as the contacts below): every view of a contact page reads it, in one of two texts (with or without q).
  const { rows } = await prepared(sql<InferResult<typeof page>[number]>`${page}`).execute(db);
  return gevonden(
    q,
    rows.map(({ past, ...zaak }) => ({ past: Boolean(past), rij: zaak })),
  );
}

/**
 * The partij's earlier contacts (other than `behalve`), newest first; `q` narrows them to those whose onderwerp, inhoud
 * or reactie contains it.
 */
export async function contactenVanPartij(db: Kysely<Database>, tenantId: string, partijUuid: string, behalve: string, q: string, limit: number): Promise<Gevonden<PartijContact>> {
  const query = db
    .selectFrom('ki_betrokkenen')
    .innerJoin('ki_klantcontacten', 'ki_klantcontacten.uuid', 'ki_betrokkenen.klantcontact_uuid')
    .select(['ki_klantcontacten.uuid', 'ki_klantcontacten.nummer', 'ki_klantcontacten.kanaal', 'ki_klantcontacten.onderwerp', 'ki_klantcontacten.reactie', 'ki_klantcontacten.plaatsgevonden_op'])
    .where('ki_betrokkenen.tenant_id', '=', tenantId)
    .where('ki_betrokkenen.partij_uuid', '=', partijUuid)
    .where('ki_klantcontacten.tenant_id', '=', tenantId)
    .where('ki_klantcontacten.uuid', '!=', behalve)
    // A vertrouwelijk contact (Klantinteracties' own flag) stays out of the KCC overview.
    .where('ki_klantcontacten.vertrouwelijk', '=', false);
  const pattern = likePattern(q);
  const page = query
    .select((eb) => eb.or(pattern === undefined ? [] : [eb('ki_klantcontacten.onderwerp', 'ilike', pattern), eb('ki_klantcontacten.inhoud', 'ilike', pattern), eb('ki_klantcontacten.reactie', 'ilike', pattern)]).as('past'))
    .distinct()
    .orderBy('past', 'desc')
    .orderBy('ki_klantcontacten.plaatsgevonden_op', 'desc')
    .orderBy('ki_klantcontacten.uuid')
    .limit(limit);
  const { rows } = await prepared(sql<InferResult<typeof page>[number]>`${page}`).execute(db);
  return gevonden(
    q,
    rows.map((row) => ({ past: Boolean(row.past), rij: { uuid: row.uuid, nummer: row.nummer, kanaal: row.kanaal, onderwerp: row.onderwerp, reactie: row.reactie, plaatsgevondenOp: row.plaatsgevonden_op } })),
  );
}
