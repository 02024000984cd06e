import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/database/schema.ts';
import { prepared } from '../../platform/database/prepared.ts';

/*
 * The read model of Mijn zaken: the zaken whose initiator is the signed-in resident (by BSN) or business (by KvK
 * number), with what the portal shows of them. Every query starts from the tenant's rollen through an index
 * (rollen_bsn, rollen_ann_identificatie), so a resident with 50 zaken among millions reads about 50 rows; the statuses
 * and zaaktypen of a page come in one query each, never one per zaak.
 */

/** Whose zaken: a resident by BSN or a business by KvK number (as the portal session holds them). */
export interface ZaakOwner {
  tenantId: string;
  soort: 'bsn' | 'kvk';
  identificatie: string;
}

/** One zaak as Mijn zaken lists it. */
export interface OwnZaak {
  uuid: string;
  identificatie: string;
  zaaktypeUuid: string;
  zaaktypeOmschrijving: string;
  doorlooptijd: string;
  startdatum: string;
  einddatum: string | null;
  einddatumGepland: string | null;
  uiterlijkeEinddatumAfdoening: string | null;
  omschrijving: string;
}

/** The current status of a zaak: its statustype's name and when it was set. */
export interface CurrentStatus {
  zaakUuid: string;
  omschrijving: string;
  datumStatusGezet: Date;
}

/** A step of the zaaktype (statustype) and, when the zaak reached it, when. */
export interface TimelineStep {
  statustypeUuid: string;
  volgnummer: number;
  omschrijving: string;
  statustekst: string;
  /** The moment the zaak last reached this step; null while not reached. */
  bereiktOp: Date | null;
}

/** A document of a zaak the initiator may see. */
export interface VisibleDocument {
  uuid: string;
  titel: string;
  bestandsnaam: string;
  formaat: string;
  bestandsomvang: number | null;
  creatiedatum: string;
  inhoudSha256: string | null;
}

/**
 * Vertrouwelijkheid ranks (1 openbaar … 8 zeer_geheim, as documenten.vertrouwelijkheid_rank holds them) an initiator may
 * see of the documents of their own zaak: openbaar (1) and beperkt_openbaar (2) by their nature, and zaakvertrouwelijk
 * (4) because that level means "for the parties to the zaak", which the initiator is. Intern (3) is for the
 * municipality's own staff only, and vertrouwelijk and higher (5–8) are never shown in the portal.
 */
export const INITIATOR_VISIBLE_RANKS = [1, 2, 4] as const;

/** The rollen that make the owner the zaak's initiator: natuurlijk persoon by BSN, niet-natuurlijk persoon by KvK number. */
function initiatorRollen(db: Kysely<Database>, owner: ZaakOwner) {
  const rollen = db
    .selectFrom('rollen')
    .select('rollen.zaak_uuid')
    .where('rollen.tenant_id', '=', owner.tenantId)
    .where('rollen.omschrijving_generiek', '=', 'initiator');
  // A business signs in with its KvK number; a Rol of a niet-natuurlijk persoon (Zaken API 1.7) has no kvkNummer
  // attribute, so the e-forms and the KCC record it as annIdentificatie (the "ander nummer" of the organisation).
  return owner.soort === 'bsn'
    ? rollen.where('rollen.inp_bsn', '=', owner.identificatie).where('rollen.betrokkene_type', '=', 'natuurlijk_persoon')
    : rollen.where('rollen.ann_identificatie', '=', owner.identificatie).where('rollen.betrokkene_type', '=', 'niet_natuurlijk_persoon');
}

/** The owner's zaken with their zaaktype, as Mijn zaken shows them. */
function ownZaken(db: Kysely<Database>, owner: ZaakOwner) {
  return db
    .selectFrom('zaken')
    .innerJoin('zaaktypen', 'zaaktypen.uuid', 'zaken.zaaktype_uuid')
    .where('zaken.tenant_id', '=', owner.tenantId)
    .where('zaken.uuid', 'in', initiatorRollen(db, owner));
}

function selectOwnZaak(db: Kysely<Database>, owner: ZaakOwner) {
  return ownZaken(db, owner).select([
    'zaken.uuid',
    'zaken.identificatie',
    'zaken.zaaktype_uuid',
    'zaaktypen.omschrijving as zaaktype_omschrijving',
    'zaaktypen.doorlooptijd',
    'zaken.startdatum',
    'zaken.einddatum',
    'zaken.einddatum_gepland',
    'zaken.uiterlijke_einddatum_afdoening',
    'zaken.omschrijving',
  ]);
}

interface OwnZaakRow {
  uuid: string;
  identificatie: string;
  zaaktype_uuid: string;
  zaaktype_omschrijving: string;
  doorlooptijd: string;
  startdatum: string;
  einddatum: string | null;
  einddatum_gepland: string | null;
  uiterlijke_einddatum_afdoening: string | null;
  omschrijving: string;
}

function toOwnZaak(row: OwnZaakRow): OwnZaak {
  return {
    uuid: row.uuid,
    identificatie: row.identificatie,
    zaaktypeUuid: row.zaaktype_uuid,
    zaaktypeOmschrijving: row.zaaktype_omschrijving,
    doorlooptijd: row.doorlooptijd,
    startdatum: row.startdatum,
    einddatum: row.einddatum,
    einddatumGepland: row.einddatum_gepland,
    uiterlijkeEinddatumAfdoening: row.uiterlijke_einddatum_afdoening,
    omschrijving: row.omschrijving,
  };
}

/** How many of the owner's zaken are open (no einddatum) and closed. */
export async function countOwnZaken(db: Kysely<Database>, owner: ZaakOwner): Promise<{ lopend: number; afgerond: number }> {
  const row = await ownZaken(db, owner)
    .select([sql<string>`count(*) FILTER (WHERE zaken.einddatum IS NULL)`.as('lopend'), sql<string>`count(*) FILTER (WHERE zaken.einddatum IS NOT NULL)`.as('afgerond')])
    .executeTakeFirstOrThrow();
  return { lopend: Number(row.lopend), afgerond: Number(row.afgerond) };
}

interface OwnZaakPageRow extends OwnZaakRow {
  status_omschrijving: string | null;
  datum_status_gezet: Date | null;
  total: string;
}

/**
 * A page of Mijn zaken in one query: the owner's zaken newest first, each with its current status, and how many zaken
 * the owner has in all (a window count taken before the page is cut). One round trip instead of three keeps the page
 * fast when many residents look at once.
 */
export async function listOwnZakenPage(db: Kysely<Database>, owner: ZaakOwner, page: { limit: number; offset: number }): Promise<{ zaken: OwnZaak[]; statuses: Map<string, CurrentStatus>; total: number }> {
  const query = selectOwnZaak(db, owner)
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('statussen')
          .innerJoin('statustypen', 'statustypen.uuid', 'statussen.statustype_uuid')
          .select(['statustypen.omschrijving as status_omschrijving', 'statussen.datum_status_gezet'])
          .where('statussen.tenant_id', '=', owner.tenantId)
          .whereRef('statussen.zaak_uuid', '=', 'zaken.uuid')
          .orderBy('statussen.datum_status_gezet', 'desc')
          .orderBy('statussen.created_at', 'desc')
          .limit(1)
          .as('huidige'),
      (join) => join.onTrue(),
    )
    .select(['huidige.status_omschrijving', 'huidige.datum_status_gezet', sql<string>`count(*) OVER ()`.as('total')])
    .orderBy('zaken.startdatum', 'desc')
    .orderBy('zaken.created_at', 'desc')
    .orderBy('zaken.uuid', 'desc')
    .limit(page.limit)
    .offset(page.offset);
  // Prepared: the same text for every resident, so each connection plans it once (it joins four tables).
  const { rows } = await prepared(sql<OwnZaakPageRow>`${query}`).execute(db);
  const statuses = new Map<string, CurrentStatus>();
  for (const row of rows) {
    if (row.status_omschrijving !== null && row.datum_status_gezet !== null) {
      statuses.set(row.uuid, { zaakUuid: row.uuid, omschrijving: row.status_omschrijving, datumStatusGezet: row.datum_status_gezet });
    }
  }
  // Past the last page the window count has no row to ride on: count apart.
  const total = rows[0] ? Number(rows[0].total) : page.offset > 0 ? await countOwnZaken(db, owner).then((counts) => counts.lopend + counts.afgerond) : 0;
  return { zaken: rows.map(toOwnZaak), statuses, total };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The owner's zaak with this identificatie or uuid; undefined when there is none or it is someone else's. */
export async function findOwnZaak(db: Kysely<Database>, owner: ZaakOwner, key: string): Promise<OwnZaak | undefined> {
  const query = UUID.test(key) ? selectOwnZaak(db, owner).where('zaken.uuid', '=', key.toLowerCase()) : selectOwnZaak(db, owner).where('zaken.identificatie', '=', key);
  const row = await query.orderBy('zaken.created_at', 'desc').limit(1).executeTakeFirst();
  return row ? toOwnZaak(row) : undefined;
}

/** The uuids of all the owner's zaken (for the berichten across them). */
export function ownZaakUuids(db: Kysely<Database>, owner: ZaakOwner) {
  return initiatorRollen(db, owner);
}

/** Every statustype of the zaak's zaaktype in order, each with the moment the zaak (last) reached it. */
export async function statusTimeline(db: Kysely<Database>, tenantId: string, zaak: Pick<OwnZaak, 'uuid' | 'zaaktypeUuid'>): Promise<{ steps: TimelineStep[]; currentStatustypeUuid: string | null }> {
  const [types, statussen] = await Promise.all([
    db
      .selectFrom('statustypen')
      .select(['uuid', 'volgnummer', 'omschrijving', sql<string | null>`data->>'statustekst'`.as('statustekst')])
      .where('tenant_id', '=', tenantId)
      .where('zaaktype_uuid', '=', zaak.zaaktypeUuid)
      .orderBy('volgnummer')
      .execute(),
    db
      .selectFrom('statussen')
      .select(['statustype_uuid', 'datum_status_gezet'])
      .where('tenant_id', '=', tenantId)
      .where('zaak_uuid', '=', zaak.uuid)
      .orderBy('datum_status_gezet', 'desc')
      .orderBy('created_at', 'desc')
      .execute(),
  ]);
  const reached = new Map<string, Date>();
  for (const status of statussen) if (!reached.has(status.statustype_uuid)) reached.set(status.statustype_uuid, status.datum_status_gezet);
  return {
    steps: types.map((type) => ({ statustypeUuid: type.uuid, volgnummer: type.volgnummer, omschrijving: type.omschrijving, statustekst: type.statustekst ?? '', bereiktOp: reached.get(type.uuid) ?? null })),
    currentStatustypeUuid: statussen[0]?.statustype_uuid ?? null,
  };
}

function visibleDocuments(db: Kysely<Database>, tenantId: string, zaakUuid: string) {
  return db
    .selectFrom('objectinformatieobjecten')
    .innerJoin('documenten', 'documenten.uuid', 'objectinformatieobjecten.document_uuid')
    .innerJoin('documentversies', (join) => join.onRef('documentversies.document_uuid', '=', 'documenten.uuid').onRef('documentversies.versie', '=', 'documenten.versie'))
    .select([
      'documenten.uuid',
      sql<string>`coalesce(documentversies.data->>'titel', '')`.as('titel'),
      sql<string>`coalesce(documentversies.data->>'bestandsnaam', '')`.as('bestandsnaam'),
      sql<string>`coalesce(documentversies.data->>'formaat', '')`.as('formaat'),
      sql<string>`coalesce(documentversies.data->>'creatiedatum', '')`.as('creatiedatum'),
      'documentversies.bestandsomvang',
      'documentversies.inhoud_sha256',
    ])
    .where('objectinformatieobjecten.tenant_id', '=', tenantId)
    .where('objectinformatieobjecten.object_type', '=', 'zaak')
    .where('objectinformatieobjecten.object_uuid', '=', zaakUuid)
    .where('documenten.tenant_id', '=', tenantId)
    .where('documenten.vertrouwelijkheid_rank', 'in', [...INITIATOR_VISIBLE_RANKS]);
}

type VisibleDocumentRow = { uuid: string; titel: string; bestandsnaam: string; formaat: string; creatiedatum: string; bestandsomvang: string | number | null; inhoud_sha256: string | null };

function toVisibleDocument(row: VisibleDocumentRow): VisibleDocument {
  return {
    uuid: row.uuid,
    titel: row.titel,
    bestandsnaam: row.bestandsnaam,
    formaat: row.formaat,
    creatiedatum: row.creatiedatum,
    bestandsomvang: row.bestandsomvang === null ? null : Number(row.bestandsomvang),
    inhoudSha256: row.inhoud_sha256 === null ? null : row.inhoud_sha256.trim(),
  };
}

/** The zaak's documents the initiator may see (see INITIATOR_VISIBLE_RANKS), oldest first. */
export async function listVisibleDocuments(db: Kysely<Database>, tenantId: string, zaakUuid: string): Promise<VisibleDocument[]> {
  const rows = await visibleDocuments(db, tenantId, zaakUuid).orderBy('objectinformatieobjecten.created_at').orderBy('documenten.uuid').execute();
  return rows.map(toVisibleDocument);
}

/** One document of the zaak the initiator may see, or undefined (not of this zaak, or too confidential). */
export async function findVisibleDocument(db: Kysely<Database>, tenantId: string, zaakUuid: string, documentUuid: string): Promise<VisibleDocument | undefined> {
  if (!UUID.test(documentUuid)) return undefined;
  const row = await visibleDocuments(db, tenantId, zaakUuid).where('documenten.uuid', '=', documentUuid.toLowerCase()).executeTakeFirst();
  return row ? toVisibleDocument(row) : undefined;
}
