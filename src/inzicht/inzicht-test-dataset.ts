import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, Tenant } from '../platform/database/schema.ts';
import { insertTestCatalogus, insertTestZaak, insertTestZaaktype, type TestZaaktype } from '../../test/zgw-fixtures.ts';

/*
 * A known data set for the inzicht tests: every figure the dashboards show for it is worked out by hand in
 * inzicht.test.ts. January 2026 holds the edge cases (a zaak suspended twice, one reopened and suspended now, one
 * past its deadline); February 2026 holds twelve online requests, enough to pass the open-data threshold.
 */

export interface InzichtDataset {
  zaaktypeA: TestZaaktype;
  zaaktypeB: TestZaaktype;
  teamId: string;
  zaken: Record<'z1' | 'z2' | 'z3' | 'z4' | 'z5', string>;
  productSlug: string;
}

async function status(db: Kysely<Database>, tenant: Tenant, zaakUuid: string, statustypeUuid: string, op: string): Promise<void> {
  await db.insertInto('statussen').values({ tenant_id: tenant.id, zaak_uuid: zaakUuid, statustype_uuid: statustypeUuid, datum_status_gezet: op }).execute();
}

async function inzending(db: Kysely<Database>, tenant: Tenant, zaakUuid: string, kanaal: string, identificatie: string): Promise<void> {
  await db
    .insertInto('eformulier_inzendingen')
    .values({ tenant_id: tenant.id, sleutel: randomUUID(), zaaktype_identificatie: identificatie, kanaal, soort: 'bsn', identificatie: '999993653', zaak_uuid: zaakUuid })
    .execute();
}

async function contact(db: Kysely<Database>, tenant: Tenant, nummer: number, kanaal: 'telefoon' | 'balie' | 'chat' | 'website', geopend: string, afsluiting: { eersteContact: boolean } | null): Promise<void> {
  const { uuid } = await db
    .insertInto('ki_klantcontacten')
    .values({ tenant_id: tenant.id, nummer: String(nummer), kanaal, onderwerp: 'Vraag', taal: 'nld', vertrouwelijk: false, plaatsgevonden_op: geopend })
    .returning('uuid')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('kcc_contacten')
    .values({
      klantcontact_uuid: uuid,
      tenant_id: tenant.id,
      kanaal,
      onderwerp: 'Paspoort',
      geopend_op: geopend,
      ...(afsluiting ? { status: 'gesloten' as const, resultaat: 'beantwoord' as const, afgehandeld_bij_eerste_contact: afsluiting.eersteContact, gesloten_op: geopend } : {}),
    })
    .execute();
}

/** Writes the data set into the tenant (straight into the tables, as the channels would have left them). */
export async function insertInzichtDataset(db: Kysely<Database>, tenant: Tenant): Promise<InzichtDataset> {
  const catalogusUuid = await insertTestCatalogus(db, tenant);
  const zaaktypeA = await insertTestZaaktype(db, tenant, { catalogusUuid, identificatie: 'ZT-A', doorlooptijd: 'P8W' });
  await db.updateTable('zaaktypen').set({ servicenorm: 'P4W', omschrijving: 'Paspoort aanvragen' }).where('uuid', '=', zaaktypeA.uuid).execute();
  const zaaktypeB = await insertTestZaaktype(db, tenant, { catalogusUuid, identificatie: 'ZT-B', doorlooptijd: 'P2W' });
  await db.updateTable('zaaktypen').set({ omschrijving: 'Melding openbare ruimte' }).where('uuid', '=', zaaktypeB.uuid).execute();
  const team = await db.insertInto('teams').values({ tenant_id: tenant.id, naam: 'Burgerzaken' }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('team_zaaktypen').values({ team_id: team.id, tenant_id: tenant.id, zaaktype_identificatie: 'ZT-A' }).execute();
  const [ontvangen, inBehandeling, afgehandeld] = zaaktypeA.statustypen;
  if (!ontvangen || !inBehandeling || !afgehandeld) throw new Error('zaaktype without statustypen');

  // z1: online, closed after 10 days, within the service norm and the legal deadline.
  const z1 = await insertTestZaak(db, tenant, zaaktypeA, { startdatum: '2026-01-05' });
  await db.updateTable('zaken').set({ einddatum: '2026-01-15', einddatum_gepland: '2026-01-20', uiterlijke_einddatum_afdoening: '2026-03-02' }).where('uuid', '=', z1.uuid).execute();
  await inzending(db, tenant, z1.uuid, 'portaal', 'ZT-A');
  // z2: by phone (the KCC on someone's behalf), closed after 20 days, past both the service norm and the deadline.
  const z2 = await insertTestZaak(db, tenant, zaaktypeA, { startdatum: '2026-01-05' });
  await db.updateTable('zaken').set({ einddatum: '2026-01-25', einddatum_gepland: '2026-01-20', uiterlijke_einddatum_afdoening: '2026-01-22' }).where('uuid', '=', z2.uuid).execute();
  await inzending(db, tenant, z2.uuid, 'telefoon', 'ZT-A');
  // z3: at the counter, open, suspended twice (both ended), extended, past its deadline.
  const z3 = await insertTestZaak(db, tenant, zaaktypeA, { startdatum: '2026-01-06' });
  await db
    .updateTable('zaken')
    .set({ uiterlijke_einddatum_afdoening: '2026-02-01', data: JSON.stringify({ opschorting: { indicatie: false, reden: 'Stukken' }, verlenging: { reden: 'Advies', duur: 'P14D' } }) })
    .where('uuid', '=', z3.uuid)
    .execute();
  await inzending(db, tenant, z3.uuid, 'balie', 'ZT-A');
  await db.insertInto('zaak_opschortingen').values({ tenant_id: tenant.id, zaak_uuid: z3.uuid, reden: 'Stukken', begindatum: '2026-01-07', einddatum: '2026-01-09' }).execute();
  await db.insertInto('zaak_opschortingen').values({ tenant_id: tenant.id, zaak_uuid: z3.uuid, reden: 'Stukken', begindatum: '2026-01-12', einddatum: '2026-01-14' }).execute();
  // z4: created through the API (channel unknown), closed and reopened, suspended now, deadline far ahead.
  const z4 = await insertTestZaak(db, tenant, zaaktypeA, { startdatum: '2026-01-07' });
  await status(db, tenant, z4.uuid, ontvangen.uuid, '2026-01-07T09:00:00Z');
  await status(db, tenant, z4.uuid, afgehandeld.uuid, '2026-01-08T09:00:00Z');
  await status(db, tenant, z4.uuid, inBehandeling.uuid, '2026-01-09T09:00:00Z');
  await db
    .updateTable('zaken')
    .set({ uiterlijke_einddatum_afdoening: '2099-01-01', data: JSON.stringify({ opschorting: { indicatie: true, reden: 'Wacht op advies' } }) })
    .where('uuid', '=', z4.uuid)
    .execute();
  await db.insertInto('zaak_opschortingen').values({ tenant_id: tenant.id, zaak_uuid: z4.uuid, reden: 'Wacht op advies', begindatum: '2026-01-10' }).execute();
  // z5: zaaktype B (no team), online, closed the day it started, without deadlines.
  const z5 = await insertTestZaak(db, tenant, zaaktypeB, { startdatum: '2026-01-12', einddatum: '2026-01-12' });
  await inzending(db, tenant, z5.uuid, 'portaal', 'ZT-B');
  // February: twelve online requests of zaaktype B, each closed after one day.
  for (let dag = 2; dag <= 13; dag++) {
    const start = `2026-02-${String(dag).padStart(2, '0')}`;
    const zaak = await insertTestZaak(db, tenant, zaaktypeB, { startdatum: start, einddatum: `2026-02-${String(dag + 1).padStart(2, '0')}` });
    await inzending(db, tenant, zaak.uuid, 'portaal', 'ZT-B');
  }

  // KCC, Monday 5 January 2026 (CET = UTC+1): three phone calls between 09:00 and 10:00, one at the counter at 14:10,
  // one chat still open at 14:50.
  await contact(db, tenant, 1, 'telefoon', '2026-01-05T08:05:00Z', { eersteContact: true });
  await contact(db, tenant, 2, 'telefoon', '2026-01-05T08:20:00Z', { eersteContact: true });
  await contact(db, tenant, 3, 'telefoon', '2026-01-05T08:55:00Z', { eersteContact: false });
  await contact(db, tenant, 4, 'balie', '2026-01-05T13:10:00Z', { eersteContact: true });
  await contact(db, tenant, 5, 'chat', '2026-01-05T13:50:00Z', null);
  // Contactverzoeken: one to the team, picked up after 30 minutes and closed after its deadline; one open and overdue.
  await db
    .insertInto('contactverzoeken')
    .values({
      interne_taak_uuid: randomUUID(), tenant_id: tenant.id, klantcontact_uuid: randomUUID(), sleutel: randomUUID(), team_id: team.id, deadline: '2026-01-07',
      aangemaakt_op: '2026-01-05T09:00:00Z', opgepakt_op: '2026-01-05T09:30:00Z', afgehandeld_op: '2026-01-08T10:00:00Z',
    })
    .execute();
  await db
    .insertInto('contactverzoeken')
    .values({ interne_taak_uuid: randomUUID(), tenant_id: tenant.id, klantcontact_uuid: randomUUID(), sleutel: randomUUID(), team_id: team.id, deadline: '2026-01-09', aangemaakt_op: '2026-01-06T09:00:00Z' })
    .execute();

  // Kennisbank: a product requested online (e-form with prefill and upload), and one without an online request.
  const productA = await product(db, tenant, 'paspoort', 'Paspoort', { zaaktype: 'ZT-A', kanalen: ['online', 'balie'], reviewVoor: '2099-01-01' });
  await product(db, tenant, 'kapvergunning', 'Kapvergunning', { zaaktype: null, kanalen: ['post'], reviewVoor: '2026-01-01' });
  await db
    .insertInto('eformulieren')
    .values({
      tenant_id: tenant.id,
      zaaktype_identificatie: 'ZT-A',
      concept: JSON.stringify({}),
      gepubliceerd: JSON.stringify({
        titel: 'Paspoort', inleiding: '', zaakomschrijving: 'Paspoort',
        stappen: [{ id: 'gegevens', titel: 'Gegevens', velden: [{ id: 'bsn', type: 'bsn', label: 'BSN', verplicht: true, prefill: 'bsn' }, { id: 'foto', type: 'bestand', label: 'Pasfoto', verplicht: true }] }],
      }),
      gepubliceerd_op: '2026-01-01T00:00:00Z',
    })
    .execute();
  const zoek = (zoekterm: string, kanaal: 'portaal' | 'kcc', resultaten: number, geklikt: boolean) =>
    db.insertInto('kennisbank_zoekopdrachten').values({ tenant_id: tenant.id, zoekterm, kanaal, aantal_resultaten: resultaten, gezocht_op: '2026-01-05T10:00:00Z', ...(geklikt ? { geklikt_product_uuid: productA, geklikte_positie: 1, geklikt_op: '2026-01-05T10:00:05Z' } : {}) }).execute();
  await zoek('paspoort', 'portaal', 3, true);
  await zoek('Paspoort ', 'portaal', 3, true);
  await zoek('paspoort', 'kcc', 3, false);
  await zoek('kliko', 'portaal', 0, false);
  await zoek('kliko', 'portaal', 0, false);
  for (const nuttig of [true, false, false]) {
    await db.insertInto('kennisbank_beoordelingen').values({ tenant_id: tenant.id, product_uuid: productA, nuttig, kanaal: 'portaal', beoordeeld_op: '2026-01-06T10:00:00Z' }).execute();
  }
  return { zaaktypeA, zaaktypeB, teamId: team.id, zaken: { z1: z1.uuid, z2: z2.uuid, z3: z3.uuid, z4: z4.uuid, z5: z5.uuid }, productSlug: 'paspoort' };
}

async function product(db: Kysely<Database>, tenant: Tenant, slug: string, titel: string, options: { zaaktype: string | null; kanalen: string[]; reviewVoor: string }): Promise<string> {
  const { uuid } = await db.insertInto('kennisbank_producten').values({ tenant_id: tenant.id, slug }).returning('uuid').executeTakeFirstOrThrow();
  const versie = await db
    .insertInto('kennisbank_versies')
    .values({
      tenant_id: tenant.id, product_uuid: uuid, versienummer: 1, status: 'gepubliceerd', upl_naam: titel, titel, samenvatting: titel, doelgroepen: ['inwoner'],
      aanvraagkanalen: options.kanalen, bewijs: '<p>Pasfoto</p>', zaaktype_identificatie: options.zaaktype, review_voor: options.reviewVoor, gewijzigd_door: 'test',
    })
    .returning('uuid')
    .executeTakeFirstOrThrow();
  await db.updateTable('kennisbank_producten').set({ gepubliceerde_versie_uuid: versie.uuid }).where('uuid', '=', uuid).execute();
  return uuid;
}
