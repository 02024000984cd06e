import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../platform/database/schema.ts';
import { zaakToegangFilter, type StaffZaakToegang } from '../toegang/zaak-toegang.ts';
import type { Opschortingsperiode } from '../../components/zaken/termijnen/awb-termijnen.ts';

/*
 * The zaak page's reads: the zaak with its zaaktype (only when it is in the member's view, tenant-scoped), and what
 * the page lists of it. Reads only: every change goes through the ZGW services (./zaak-acties.ts).
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ZaakKern {
  uuid: string;
  identificatie: string;
  bronorganisatie: string;
  omschrijving: string;
  toelichting: string;
  registratiedatum: string;
  startdatum: string;
  einddatum: string | null;
  uiterlijkeEinddatumAfdoening: string | null;
  einddatumGepland: string | null;
  vertrouwelijkheidaanduiding: string;
  archiefnominatie: string | null;
  archiefactiedatum: string | null;
  opschorting: { indicatie: boolean; reden: string } | null;
  verlenging: { reden: string; duur: string } | null;
  zaaktype: {
    uuid: string;
    identificatie: string;
    omschrijving: string;
    doorlooptijd: string;
    servicenorm: string | null;
    opschortingMogelijk: boolean;
    verlengingMogelijk: boolean;
    verlengingstermijn: string | null;
    besluittypeUuids: string[];
  };
}

/** The zaak when it is this tenant's and in the member's view; undefined otherwise (the page answers 404). */
export async function findZaakInView(db: Kysely<Database>, tenantId: string, toegang: StaffZaakToegang, uuid: string): Promise<ZaakKern | undefined> {
  if (!UUID.test(uuid)) return undefined;
  const row = await db
    .selectFrom('zaken')
    .innerJoin('zaaktypen', 'zaaktypen.uuid', 'zaken.zaaktype_uuid')
    .select([
      'zaken.uuid',
      'zaken.identificatie',
      'zaken.bronorganisatie',
      'zaken.omschrijving',
      'zaken.registratiedatum',
      'zaken.startdatum',
      'zaken.einddatum',
      'zaken.uiterlijke_einddatum_afdoening',
      'zaken.einddatum_gepland',
      'zaken.vertrouwelijkheidaanduiding',
      'zaken.archiefnominatie',
      'zaken.archiefactiedatum',
      'zaken.data',
      'zaaktypen.uuid as zaaktype_uuid',
      'zaaktypen.identificatie as zaaktype_identificatie',
      'zaaktypen.omschrijving as zaaktype_omschrijving',
      'zaaktypen.doorlooptijd',
      'zaaktypen.servicenorm',
      'zaaktypen.opschorting_en_aanhouding_mogelijk',
      'zaaktypen.verlenging_mogelijk',
      'zaaktypen.verlengingstermijn',
      'zaaktypen.besluittype_uuids',
    ])
    .where('zaken.tenant_id', '=', tenantId)
    .where('zaken.uuid', '=', uuid.toLowerCase())
    .where((eb) => zaakToegangFilter(eb, toegang))
    .executeTakeFirst();
  if (!row) return undefined;
  const data = row.data as { toelichting?: string; opschorting?: ZaakKern['opschorting']; verlenging?: ZaakKern['verlenging'] };
  return {
    uuid: row.uuid,
    identificatie: row.identificatie,
    bronorganisatie: row.bronorganisatie,
    omschrijving: row.omschrijving,
    toelichting: data.toelichting ?? '',
    registratiedatum: row.registratiedatum,
    startdatum: row.startdatum,
    einddatum: row.einddatum,
    uiterlijkeEinddatumAfdoening: row.uiterlijke_einddatum_afdoening,
    einddatumGepland: row.einddatum_gepland,
    vertrouwelijkheidaanduiding: row.vertrouwelijkheidaanduiding,
    archiefnominatie: row.archiefnominatie,
    archiefactiedatum: row.archiefactiedatum,
    opschorting: data.opschorting ?? null,
    verlenging: data.verlenging ?? null,
    zaaktype: {
      uuid: row.zaaktype_uuid,
      identificatie: row.zaaktype_identificatie,
      omschrijving: row.zaaktype_omschrijving,
      doorlooptijd: row.doorlooptijd,
      servicenorm: row.servicenorm,
      opschortingMogelijk: row.opschorting_en_aanhouding_mogelijk,
      verlengingMogelijk: row.verlenging_mogelijk,
      verlengingstermijn: row.verlengingstermijn,
      besluittypeUuids: row.besluittype_uuids,
    },
  };
}

/** What the deadline actions read of the zaak inside their transaction, the zaak row locked until it commits. */
export interface ZaakTermijnStaat {
  uiterlijk: string | null;
  servicenorm: string | null;
  opschorting: ZaakKern['opschorting'];
  verlenging: ZaakKern['verlenging'];
}

/**
 * The zaak's deadlines and Awb state, read with the row locked: a deadline action moves the date it reads here, so a
 * second submit or an API client's change in the meantime waits, and then sees the moved date and the new state.
 */
export async function lockZaakTermijnen(trx: Transaction<Database>, tenantId: string, zaakUuid: string): Promise<ZaakTermijnStaat | undefined> {
  const row = await trx
    .selectFrom('zaken')
    .select(['uiterlijke_einddatum_afdoening', 'einddatum_gepland', 'data'])
    .where('tenant_id', '=', tenantId)
    .where('uuid', '=', zaakUuid)
    .forUpdate()
    .executeTakeFirst();
  if (!row) return undefined;
  const data = row.data as { opschorting?: ZaakKern['opschorting']; verlenging?: ZaakKern['verlenging'] };
  return { uiterlijk: row.uiterlijke_einddatum_afdoening, servicenorm: row.einddatum_gepland, opschorting: data.opschorting ?? null, verlenging: data.verlenging ?? null };
}

export interface StatusRegel {
  uuid: string;
  omschrijving: string;
  datumStatusGezet: Date;
  toelichting: string;
}

/** The zaak's statussen, newest first. */
export async function listStatussen(db: Kysely<Database>, tenantId: string, zaakUuid: string): Promise<StatusRegel[]> {
  const rows = await db
    .selectFrom('statussen')
    .innerJoin('statustypen', 'statustypen.uuid', 'statussen.statustype_uuid')
    .select(['statussen.uuid', 'statustypen.omschrijving', 'statussen.datum_status_gezet', 'statussen.statustoelichting'])
    .where('statussen.tenant_id', '=', tenantId)
    .where('statussen.zaak_uuid', '=', zaakUuid)
    .orderBy('statussen.datum_status_gezet', 'desc')
    .execute();
  return rows.map((row) => ({ uuid: row.uuid, omschrijving: row.omschrijving, datumStatusGezet: new Date(row.datum_status_gezet), toelichting: row.statustoelichting }));
}

export interface RolRegel {
  uuid: string;
  roltype: string;
  omschrijvingGeneriek: string;
  betrokkeneType: string;
  naam: string;
}

/** A readable name from a rol's betrokkeneIdentificatie (no BSN shown). */
function rolNaam(identificatie: Record<string, unknown> | undefined, afwijkend: string): string {
  if (afwijkend) return afwijkend;
  if (!identificatie) return '';
  const text = (key: string) => (typeof identificatie[key] === 'string' ? (identificatie[key] as string) : '');
  const persoon = [text('voorletters') || text('voornamen'), text('voorvoegselGeslachtsnaam') || text('voorvoegselAchternaam'), text('geslachtsnaam') || text('achternaam')].filter(Boolean).join(' ');
  return persoon || text('statutaireNaam') || text('handelsnaam') || text('naam') || text('identificatie');
}

/** The zaak's rollen with the roltype's name. */
export async function listRollen(db: Kysely<Database>, tenantId: string, zaakUuid: string): Promise<RolRegel[]> {
  const rows = await db
    .selectFrom('rollen')
    .innerJoin('roltypen', 'roltypen.uuid', 'rollen.roltype_uuid')
    .select(['rollen.uuid', 'roltypen.omschrijving', 'rollen.omschrijving_generiek', 'rollen.betrokkene_type', 'rollen.data'])
    .where('rollen.tenant_id', '=', tenantId)
    .where('rollen.zaak_uuid', '=', zaakUuid)
    .orderBy('rollen.registratiedatum')
    .execute();
  return rows.map((row) => {
    const data = row.data as { betrokkeneIdentificatie?: Record<string, unknown>; afwijkendeNaamBetrokkene?: string };
    return {
      uuid: row.uuid,
      roltype: row.omschrijving,
      omschrijvingGeneriek: row.omschrijving_generiek,
      betrokkeneType: row.betrokkene_type,
      naam: rolNaam(data.betrokkeneIdentificatie, data.afwijkendeNaamBetrokkene ?? ''),
    };
  });
}

/** Whether any rol of the zaak is a natural person (reading the page then processes personal data). */
export async function natuurlijkePersonen(db: Kysely<Database>, tenantId: string, zaakUuid: string): Promise<string[]> {
  const rows = await db
    .selectFrom('rollen')
    .select('inp_bsn')
    .where('tenant_id', '=', tenantId)
    .where('zaak_uuid', '=', zaakUuid)
    .where((eb) => eb.or([eb('betrokkene_type', '=', 'natuurlijk_persoon'), eb('inp_bsn', 'is not', null)]))
    .execute();
  return rows.map((row) => row.inp_bsn ?? '');
}

export async function listEigenschappen(db: Kysely<Database>, tenantId: string, zaakUuid: string): Promise<{ naam: string; waarde: string }[]> {
  return db.selectFrom('zaakeigenschappen').select(['naam', 'waarde']).where('tenant_id', '=', tenantId).where('zaak_uuid', '=', zaakUuid).orderBy('created_at').execute();
}

export interface BesluitRegel {
  identificatie: string;
  besluittype: string;
  datum: string;
  ingangsdatum: string;
  toelichting: string;
}

export async function listBesluiten(db: Kysely<Database>, tenantId: string, zaakUuid: string): Promise<BesluitRegel[]> {
  const rows = await db
    .selectFrom('besluiten')
    .innerJoin('besluittypen', 'besluittypen.uuid', 'besluiten.besluittype_uuid')
    .select(['besluiten.identificatie', 'besluittypen.omschrijving', 'besluiten.datum', 'besluiten.ingangsdatum', 'besluiten.toelichting'])
    .where('besluiten.tenant_id', '=', tenantId)
    .where('besluiten.zaak_uuid', '=', zaakUuid)
    .orderBy('besluiten.datum')
    .execute();
  return rows.map((row) => ({ identificatie: row.identificatie, besluittype: row.omschrijving, datum: row.datum, ingangsdatum: row.ingangsdatum, toelichting: row.toelichting }));
}

/** The zaak's resultaat (at most one), with its resultaattype's name. */
export async function findResultaat(db: Kysely<Database>, tenantId: string, zaakUuid: string): Promise<{ uuid: string; omschrijving: string; toelichting: string } | undefined> {
  return db
    .selectFrom('resultaten')
    .innerJoin('resultaattypen', 'resultaattypen.uuid', 'resultaten.resultaattype_uuid')
    .select(['resultaten.uuid', 'resultaattypen.omschrijving', 'resultaten.toelichting'])
    .where('resultaten.tenant_id', '=', tenantId)
    .where('resultaten.zaak_uuid', '=', zaakUuid)
    .executeTakeFirst();
}

export interface OpschortingRegel extends Opschortingsperiode {
  reden: string;
}

/** The zaak's suspensions, oldest first. */
export async function listOpschortingen(db: Kysely<Database>, tenantId: string, zaakUuid: string): Promise<OpschortingRegel[]> {
  return db
    .selectFrom('zaak_opschortingen')
    .select(['begindatum', 'einddatum', 'reden'])
    .where('tenant_id', '=', tenantId)
    .where('zaak_uuid', '=', zaakUuid)
    .orderBy('begindatum')
    .orderBy('created_at')
    .execute();
}

export interface TypeKeuze {
  uuid: string;
  omschrijving: string;
}

/** The choices the actions offer: statustypen (in order, with whether they inform and which closes), resultaattypen, besluittypen. */
export async function zaaktypeKeuzes(db: Kysely<Database>, tenantId: string, zaaktype: ZaakKern['zaaktype']) {
  const [statustypen, resultaattypen, besluittypen] = await Promise.all([
    db.selectFrom('statustypen').select(['uuid', 'omschrijving', 'volgnummer', 'informeren']).where('tenant_id', '=', tenantId).where('zaaktype_uuid', '=', zaaktype.uuid).orderBy('volgnummer').execute(),
    db.selectFrom('resultaattypen').select(['uuid', 'omschrijving']).where('tenant_id', '=', tenantId).where('zaaktype_uuid', '=', zaaktype.uuid).orderBy('omschrijving').execute(),
    zaaktype.besluittypeUuids.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('besluittypen')
          .select(['uuid', sql<string>`coalesce(nullif(omschrijving, ''), uuid::text)`.as('omschrijving')])
          .where('tenant_id', '=', tenantId)
          .where('uuid', 'in', zaaktype.besluittypeUuids)
          .where('concept', '=', false)
          .orderBy('omschrijving')
          .execute(),
  ]);
  const eind = statustypen[statustypen.length - 1];
  return {
    statustypen: statustypen.map((row) => ({ uuid: row.uuid, omschrijving: row.omschrijving, informeren: row.informeren, eindstatus: row === eind })),
    resultaattypen: resultaattypen as TypeKeuze[],
    besluittypen: besluittypen as TypeKeuze[],
  };
}

export type ZaaktypeKeuzes = Awaited<ReturnType<typeof zaaktypeKeuzes>>;
