import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { createTestApp, createTestClient, createTestTenant, hostOf, type TestApp } from '../../../test/fixtures.ts';
import { signInStaff, type SignedInStaff } from '../../../test/staff-session.ts';
import { insertTestZaak, insertTestZaaktype, type TestZaaktype } from '../../../test/zgw-fixtures.ts';
import { insertTestBesluittype } from '../../components/besluiten/besluiten-test-fixtures.ts';
import { amsterdamDate } from '../../components/zaken/archivering/calendar.ts';
import type { Tenant } from '../../platform/database/schema.ts';
import { createTeam, setTeamLeden, setTeamZaaktypen } from '../toegang/teams.ts';
import { volgendeAtwWerkdag } from '../../platform/kalender/feestdagen.ts';
import { addDays } from '../../components/zaken/termijnen/awb-termijnen.ts';

/*
 * Zaakafhandeling through HTTP as staff use it: who sees which zaken, the werkvoorraad's lists, assigning, and every
 * action of the zaak page with its validation, authorisation and tenant isolation.
 */

describe('zaakafhandeling', () => {
  let database: TestDatabase;
  let test: TestApp;
  let tenant: Tenant;
  let other: Tenant;
  let behandelaar: SignedInStaff;
  let collega: SignedInStaff;
  let buitenstaander: SignedInStaff;
  let kcc: SignedInStaff;
  let zaaktype: TestZaaktype;
  let vreemdType: TestZaaktype;
  let starrType: TestZaaktype;
  const zaken = { later: '', eerder: '', starr: '', vreemd: '', elders: '' };
  const today = amsterdamDate(new Date());

  async function zaakMet(type: TestZaaktype, target: Tenant, startdatum: string, deadline: string): Promise<string> {
    const { uuid } = await insertTestZaak(database.db, target, type, { startdatum });
    await database.db.updateTable('zaken').set({ uiterlijke_einddatum_afdoening: deadline }).where('uuid', '=', uuid).execute();
    return uuid;
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    test = await createTestApp(database);
    tenant = await createTestTenant(database.db, 'Gemeente Afhandel');
    other = await createTestTenant(database.db, 'Gemeente Anders');
    zaaktype = await insertTestZaaktype(database.db, tenant, { identificatie: 'ZT-AFHANDEL' });
    vreemdType = await insertTestZaaktype(database.db, tenant, { identificatie: 'ZT-ANDER-TEAM' });
    starrType = await insertTestZaaktype(database.db, tenant, { identificatie: 'ZT-STARR' });
    await database.db.updateTable('zaaktypen').set({ opschorting_en_aanhouding_mogelijk: false, verlenging_mogelijk: false }).where('uuid', '=', starrType.uuid).execute();
    const besluittype = await insertTestBesluittype(database.db, tenant, zaaktype.catalogusUuid, { omschrijving: 'Vergunning verleend' });
    await database.db.updateTable('zaaktypen').set({ besluittype_uuids: [besluittype.uuid] }).where('uuid', '=', zaaktype.uuid).execute();
    // The second statustype informs the initiator.
    await database.db.updateTable('statustypen').set({ informeren: true }).where('uuid', '=', zaaktype.statustypen[1]?.uuid ?? '').execute();

    behandelaar = await signInStaff(test, tenant, { roles: ['behandelaar'], displayName: 'Bea Behandel' });
    collega = await signInStaff(test, tenant, { roles: ['behandelaar'], displayName: 'Cor Collega' });
    buitenstaander = await signInStaff(test, tenant, { roles: ['behandelaar'], displayName: 'Otto Ander' });
    kcc = await signInStaff(test, tenant, { roles: ['kcc'] });
    const team = await createTeam(database.db, tenant.id, 'Vergunningen');
    await setTeamZaaktypen(database.db, tenant.id, team, ['ZT-AFHANDEL', 'ZT-STARR']);
    await setTeamLeden(database.db, tenant.id, team, [behandelaar.user.id, collega.user.id]);
    const anderTeam = await createTeam(database.db, tenant.id, 'Anders');
    await setTeamZaaktypen(database.db, tenant.id, anderTeam, ['ZT-ANDER-TEAM']);
    await setTeamLeden(database.db, tenant.id, anderTeam, [buitenstaander.user.id]);

    zaken.later = await zaakMet(zaaktype, tenant, '2026-01-10', '2026-03-07');
    zaken.eerder = await zaakMet(zaaktype, tenant, '2026-01-05', '2026-03-02');
    zaken.starr = await zaakMet(starrType, tenant, '2026-01-06', '2026-03-03');
    zaken.vreemd = await zaakMet(vreemdType, tenant, '2026-01-01', '2026-02-01');
    const otherType = await insertTestZaaktype(database.db, other, { identificatie: 'ZT-AFHANDEL' });
    zaken.elders = await zaakMet(otherType, other, '2026-01-01', '2026-02-01');
    await database.db
      .insertInto('rollen')
      .values({
        tenant_id: tenant.id,
        zaak_uuid: zaken.eerder,
        roltype_uuid: zaaktype.roltypen.initiator.uuid,
        betrokkene_type: 'natuurlijk_persoon',
        omschrijving_generiek: 'initiator',
        inp_bsn: '111222333',
        anp_identificatie: null,
        inp_a_nummer: null,
        inn_nnp_id: null,
        ann_identificatie: null,
        vestigings_nummer: null,
        medewerker_identificatie: null,
        organisatorische_eenheid_identificatie: null,
        data: JSON.stringify({ betrokkeneIdentificatie: { inpBsn: '111222333', geslachtsnaam: 'Jansen', voorletters: 'J.' }, roltoelichting: 'Aanvrager' }),
      })
      .execute();
  }, 120_000);

  afterAll(async () => {
    await test.app.close();
    await database.close();
  });

  function get(staff: SignedInStaff, url: string) {
    return test.app.inject({ method: 'GET', url, headers: { ...staff.headers, accept: 'text/html' } });
  }

  function post(staff: SignedInStaff, url: string, payload: Record<string, string>) {
    return test.app.inject({ method: 'POST', url, headers: { ...staff.headers, accept: 'text/html' }, payload: { _csrf: staff.csrfToken, ...payload } });
  }

  async function versie(zaak: string): Promise<string> {
    const page = await get(behandelaar, `/medewerker/zaken/${zaak}`);
    const match = /name="versie" value="([^"]+)"/.exec(page.body);
    if (!match?.[1]) throw new Error('no versie on the zaak page');
    return match[1];
  }

  async function actie(zaak: string, naam: string, payload: Record<string, string>) {
    return post(behandelaar, `/medewerker/zaken/${zaak}/acties/${naam}`, { versie: await versie(zaak), ...payload });
  }

  async function zaakRow(zaak: string) {
    return database.db.selectFrom('zaken').selectAll().where('uuid', '=', zaak).executeTakeFirstOrThrow();
  }

  describe('werkvoorraad', () => {
    it('lists the team’s open zaken by deadline with counts, and nothing of another team or tenant', async () => {
      const response = await get(behandelaar, '/medewerker/werkvoorraad?lijst=team');
      expect(response.statusCode).toBe(200);
      const body = response.body;
      expect(body).toContain('Mijn zaken <span class="loket-tab-aantal">(0');
      expect(body).toContain('Mijn team <span class="loket-tab-aantal">(3');
      expect(body).toContain('Niet toegewezen <span class="loket-tab-aantal">(3');
      const order = [zaken.eerder, zaken.starr, zaken.later].map((uuid) => body.indexOf(`/medewerker/zaken/${uuid}`));
      expect(order.every((index) => index > 0)).toBe(true);
      expect([...order].sort((a, b) => a - b)).toEqual(order);
      expect(body).not.toContain(zaken.vreemd);
      expect(body).not.toContain(zaken.elders);
      expect(body).toContain('Te laat');
    });

    it('filters by zaaktype and by status with a plain GET form', async () => {
      const byType = await get(behandelaar, '/medewerker/werkvoorraad?lijst=team&zaaktype=ZT-STARR');
      expect(byType.body).toContain(zaken.starr);
      expect(byType.body).not.toContain(zaken.eerder);
      const closed = await get(behandelaar, '/medewerker/werkvoorraad?lijst=team&status=afgesloten');
      expect(closed.body).toContain('Geen zaken in deze lijst.');
    });

    it('offers the team’s zaaktypen and their statuses as filters and the team’s colleagues to assign to, nothing of another team', async () => {
      const { body } = await get(behandelaar, '/medewerker/werkvoorraad?lijst=team');
      expect(body).toContain('<option value="ZT-AFHANDEL"');
      expect(body).toContain('<option value="ZT-STARR"');
      expect(body).not.toContain('value="ZT-ANDER-TEAM"');
      const statustypen = await database.db.selectFrom('statustypen').select('omschrijving').where('zaaktype_uuid', 'in', [zaaktype.uuid, starrType.uuid]).execute();
      expect(statustypen.length).toBeGreaterThan(0);
      for (const statustype of statustypen) expect(body).toContain(`value="status:${statustype.omschrijving}"`);
      expect(body).toContain('Cor Collega');
      expect(body).not.toContain('Otto Ander');
    });

    it('refuses the KCC (no handling role)', async () => {
      expect((await get(kcc, '/medewerker/werkvoorraad')).statusCode).toBe(403);
    });

    it('assigns a zaak to oneself, records the behandelaar rol in the Zaken API, and lists it under Mijn zaken', async () => {
      const response = await post(behandelaar, '/medewerker/werkvoorraad/toewijzen', { zaak: zaken.eerder, behandelaar: behandelaar.user.id, terug: '/medewerker/werkvoorraad?lijst=team' });
      expect(response.statusCode).toBe(303);
      expect(response.headers.location).toContain('/medewerker/werkvoorraad?lijst=team&toegewezen=');
      const rol = await database.db.selectFrom('rollen').selectAll().where('zaak_uuid', '=', zaken.eerder).where('omschrijving_generiek', '=', 'behandelaar').executeTakeFirstOrThrow();
      expect(rol.betrokkene_type).toBe('medewerker');
      const mijn = await get(behandelaar, '/medewerker/werkvoorraad?lijst=mijn');
      expect(mijn.body).toContain(zaken.eerder);
      expect(mijn.body).toContain('Mijn zaken <span class="loket-tab-aantal">(1');
      // The kept count of unassigned open zaken (migrations/0106) follows the assignment.
      expect(mijn.body).toContain('Niet toegewezen <span class="loket-tab-aantal">(2');
      // The same assignment again changes nothing; a colleague takes it over and the rol follows.
      await post(behandelaar, '/medewerker/werkvoorraad/toewijzen', { zaak: zaken.eerder, behandelaar: behandelaar.user.id });
      await post(behandelaar, '/medewerker/werkvoorraad/toewijzen', { zaak: zaken.eerder, behandelaar: collega.user.id });
      const rollen = await database.db.selectFrom('rollen').select('data').where('zaak_uuid', '=', zaken.eerder).where('omschrijving_generiek', '=', 'behandelaar').execute();
      expect(rollen).toHaveLength(1);
      expect(JSON.stringify(rollen[0]?.data)).toContain('Cor Collega');
      await post(behandelaar, '/medewerker/werkvoorraad/toewijzen', { zaak: zaken.eerder, behandelaar: behandelaar.user.id });
    });

    it('refuses a colleague outside the zaaktype’s teams with a message beside the field', async () => {
      const response = await post(behandelaar, '/medewerker/werkvoorraad/toewijzen', { zaak: zaken.later, behandelaar: buitenstaander.user.id, terug: '/medewerker/werkvoorraad?lijst=team' });
      expect(response.statusCode).toBe(400);
      expect(response.body).toContain('Kies een medewerker van een team dat dit zaaktype behandelt.');
      expect(response.body).toContain('aria-invalid="true"');
      expect(await database.db.selectFrom('zaak_toewijzingen').select('zaak_uuid').where('zaak_uuid', '=', zaken.later).executeTakeFirst()).toBeUndefined();
    });

    it('refuses assigning a zaak outside the member’s view (404) and without the CSRF token (403)', async () => {
      expect((await post(behandelaar, '/medewerker/werkvoorraad/toewijzen', { zaak: zaken.vreemd, behandelaar: behandelaar.user.id })).statusCode).toBe(404);
      expect((await post(behandelaar, '/medewerker/werkvoorraad/toewijzen', { zaak: zaken.elders, behandelaar: behandelaar.user.id })).statusCode).toBe(404);
      const noCsrf = await test.app.inject({ method: 'POST', url: '/medewerker/werkvoorraad/toewijzen', headers: { ...behandelaar.headers, accept: 'text/html' }, payload: { zaak: zaken.later, behandelaar: behandelaar.user.id } });
      expect(noCsrf.statusCode).toBe(403);
    });
  });

  describe('zaak page', () => {
    it('shows the zaak to its handler with rollen, deadlines and actions, and logs reading a natural person', async () => {
      const before = await database.db.selectFrom('processing_log').select('seq').where('tenant_id', '=', tenant.id).where('name', '=', 'zaak-bekijken').execute();
      const response = await get(behandelaar, `/medewerker/zaken/${zaken.eerder}`);
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain('J. Jansen');
      expect(response.body).toContain('Uiterlijke afhandeldatum');
      expect(response.body).toContain('id="acties"');
      expect(response.body).toContain('href="#termijnen"');
      const after = await database.db.selectFrom('processing_log').select('seq').where('tenant_id', '=', tenant.id).where('name', '=', 'zaak-bekijken').execute();
      expect(after.length).toBe(before.length + 1);
    });

    it('is a 404 for a zaaktype outside the member’s teams and for another tenant’s zaak', async () => {
      expect((await get(behandelaar, `/medewerker/zaken/${zaken.vreemd}`)).statusCode).toBe(404);
      expect((await get(behandelaar, `/medewerker/zaken/${zaken.elders}`)).statusCode).toBe(404);
      expect((await get(behandelaar, '/medewerker/zaken/geen-uuid')).statusCode).toBe(404);
    });

    it('lets the KCC read the zaak without actions, and refuses its actions with 403', async () => {
      const page = await get(kcc, `/medewerker/zaken/${zaken.later}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).not.toContain('id="acties"');
      const refused = await post(kcc, `/medewerker/zaken/${zaken.later}/acties/status`, { versie: 'x', statustype: zaaktype.statustypen[0]?.uuid ?? '' });
      expect(refused.statusCode).toBe(403);
      expect(await database.db.selectFrom('statussen').select('uuid').where('zaak_uuid', '=', zaken.later).execute()).toHaveLength(0);
    });

    it('refuses an action by a behandelaar of another team with 404', async () => {
      expect((await post(buitenstaander, `/medewerker/zaken/${zaken.later}/acties/status`, { versie: 'x', statustype: zaaktype.statustypen[0]?.uuid ?? '' })).statusCode).toBe(404);
    });
  });

  describe('actions', () => {
    it('sets a status through the service (notification for the status e-mail), once even when submitted twice', async () => {
      const form = await versie(zaken.eerder);
      const statustype = zaaktype.statustypen[1]?.uuid ?? '';
      const first = await post(behandelaar, `/medewerker/zaken/${zaken.eerder}/acties/status`, { versie: form, statustype, toelichting: 'We gaan aan de slag' });
      expect(first.statusCode).toBe(303);
      expect(first.headers.location).toBe(`/medewerker/zaken/${zaken.eerder}?gelukt=status`);
      const again = await post(behandelaar, `/medewerker/zaken/${zaken.eerder}/acties/status`, { versie: form, statustype, toelichting: 'We gaan aan de slag' });
      expect(again.statusCode).toBe(409);
      expect(again.body).toContain('De zaak is intussen gewijzigd');
      const statussen = await database.db.selectFrom('statussen').select('uuid').where('zaak_uuid', '=', zaken.eerder).execute();
      expect(statussen).toHaveLength(1);
      const notificaties = await database.db.selectFrom('outbox').select('payload').where('tenant_id', '=', tenant.id).where('kind', '=', 'zgw-notificatie').execute();
      expect(notificaties.some((row) => JSON.stringify(row.payload).includes(`/statussen/${statussen[0]?.uuid}`))).toBe(true);
      // The werkvoorraad's status filter and column follow the new current status.
      const filtered = await get(behandelaar, `/medewerker/werkvoorraad?lijst=team&status=${encodeURIComponent('status:In behandeling')}`);
      expect(filtered.body).toContain(zaken.eerder);
      expect(filtered.body).not.toContain(zaken.later);
      expect(filtered.body).toContain('<td>In behandeling</td>');
      const page = await get(behandelaar, `/medewerker/zaken/${zaken.eerder}?gelukt=status`);
      expect(page.body).toContain('De status is gezet.');
      expect(page.body).toContain('We gaan aan de slag');
    });

    it('shows messages beside the fields for a status without a choice', async () => {
      const response = await actie(zaken.eerder, 'status', { statustype: '' });
      expect(response.statusCode).toBe(400);
      expect(response.body).toContain('Kies een status.');
      expect(response.body).toContain('href="#status-statustype"');
      expect(response.body).toMatch(/id="status-statustype" name="statustype" aria-invalid="true"/);
    });

    it('suspends with a reason, and on resuming moves the deadline by the suspended days', async () => {
      expect((await actie(zaken.eerder, 'opschorten', { reden: '' })).body).toContain('Schrijf waarom de termijn wordt opgeschort');
      const before = (await zaakRow(zaken.eerder)).uiterlijke_einddatum_afdoening;
      expect((await actie(zaken.eerder, 'opschorten', { reden: 'Wacht op bouwtekening' })).statusCode).toBe(303);
      const suspended = await zaakRow(zaken.eerder);
      expect(suspended.data).toMatchObject({ opschorting: { indicatie: true, reden: 'Wacht op bouwtekening' } });
      // The suspension started a week ago (as if time passed).
      await database.db.updateTable('zaak_opschortingen').set({ begindatum: addDays(today, -7) }).where('zaak_uuid', '=', zaken.eerder).execute();
      expect((await actie(zaken.eerder, 'hervatten', {})).statusCode).toBe(303);
      const resumed = await zaakRow(zaken.eerder);
      expect(resumed.data).toMatchObject({ opschorting: { indicatie: false } });
      // Recomputed from startdatum 2026-01-05 + P8W (2 March) + 7 days.
      expect(before).toBe('2026-03-02');
      expect(resumed.uiterlijke_einddatum_afdoening).toBe('2026-03-09');
      const history = await database.db.selectFrom('zaak_opschortingen').select(['begindatum', 'einddatum']).where('zaak_uuid', '=', zaken.eerder).execute();
      expect(history).toEqual([{ begindatum: addDays(today, -7), einddatum: today }]);
    });

    it('extends once, within the zaaktype’s verlengingstermijn', async () => {
      const tooLong = await actie(zaken.eerder, 'verlengen', { dagen: '43', reden: 'Advies nodig' });
      expect(tooLong.statusCode).toBe(400);
      expect(tooLong.body).toContain('Verleng met hoogstens de verlengingstermijn');
      expect((await actie(zaken.eerder, 'verlengen', { dagen: '14', reden: 'Advies nodig' })).statusCode).toBe(303);
      const extended = await zaakRow(zaken.eerder);
      expect(extended.data).toMatchObject({ verlenging: { reden: 'Advies nodig', duur: 'P14D' } });
      expect(extended.uiterlijke_einddatum_afdoening).toBe('2026-03-23');
      const twice = await actie(zaken.eerder, 'verlengen', { dagen: '7', reden: 'Nog meer advies' });
      expect(twice.statusCode).toBe(400);
      expect(twice.body).toContain('al eens verlengd');
    });

    it('refuses suspending and extending where the zaaktype forbids it', async () => {
      const page = await get(behandelaar, `/medewerker/zaken/${zaken.starr}`);
      expect(page.body).toContain('Dit zaaktype staat opschorten niet toe.');
      const suspend = await actie(zaken.starr, 'opschorten', { reden: 'Wacht' });
      expect(suspend.statusCode).toBe(400);
      expect(suspend.body).toContain('Dit zaaktype staat opschorten niet toe.');
      expect((await actie(zaken.starr, 'verlengen', { dagen: '3', reden: 'Wacht' })).body).toContain('Dit zaaktype staat verlengen niet toe.');
      expect(await database.db.selectFrom('zaak_opschortingen').select('id').where('zaak_uuid', '=', zaken.starr).execute()).toHaveLength(0);
    });

    it('records a besluit with its zaakbesluit', async () => {
      const invalidDate = await actie(zaken.eerder, 'besluit', { besluittype: '', datum: '2026-02-31' });
      expect(invalidDate.statusCode).toBe(400);
      expect(invalidDate.body).toContain('Kies een besluittype.');
      expect(invalidDate.body).toContain('Vul een datum in als JJJJ-MM-DD');
      const besluittype = (await database.db.selectFrom('zaaktypen').select('besluittype_uuids').where('uuid', '=', zaaktype.uuid).executeTakeFirstOrThrow()).besluittype_uuids[0] ?? '';
      expect((await actie(zaken.eerder, 'besluit', { besluittype, datum: '', ingangsdatum: '', toelichting: 'Verleend' })).statusCode).toBe(303);
      const besluit = await database.db.selectFrom('besluiten').selectAll().where('zaak_uuid', '=', zaken.eerder).executeTakeFirstOrThrow();
      expect(besluit.zaakbesluit_uuid).not.toBeNull();
      expect(besluit.datum).toBe(today);
    });

    it('sends a message to the initiator that lands in Mijn berichten', async () => {
      const empty = await actie(zaken.eerder, 'bericht', { onderwerp: '', tekst: '' });
      expect(empty.statusCode).toBe(400);
      expect(empty.body).toContain('Vul een onderwerp in.');
      expect((await actie(zaken.eerder, 'bericht', { onderwerp: 'Uw aanvraag', tekst: 'Wij hebben uw tekening ontvangen.' })).statusCode).toBe(303);
      const berichten = await database.db.selectFrom('inwoner_berichten').select(['richting', 'afzender']).where('zaak_uuid', '=', zaken.eerder).execute();
      expect(berichten).toEqual([{ richting: 'van_behandelaar', afzender: 'Bea Behandel' }]);
    });

    it('closes with a resultaat (archiving fields derived by the service) and reopens', async () => {
      expect((await actie(zaken.eerder, 'afsluiten', { resultaattype: '' })).body).toContain('Kies een resultaat.');
      expect((await actie(zaken.eerder, 'afsluiten', { resultaattype: zaaktype.resultaattype.uuid, toelichting: 'Afgehandeld' })).statusCode).toBe(303);
      const closed = await zaakRow(zaken.eerder);
      expect(closed.einddatum).toBe(today);
      expect(closed.archiefnominatie).toBe('vernietigen');
      expect(closed.archiefactiedatum).not.toBeNull();
      const page = await get(behandelaar, `/medewerker/zaken/${zaken.eerder}`);
      expect(page.body).toContain('Zaak heropenen');
      const noReason = await actie(zaken.eerder, 'heropenen', { statustype: zaaktype.statustypen[1]?.uuid ?? '', toelichting: '' });
      expect(noReason.body).toContain('Schrijf waarom de zaak heropend wordt.');
      expect((await actie(zaken.eerder, 'heropenen', { statustype: zaaktype.statustypen[1]?.uuid ?? '', toelichting: 'Bezwaar gegrond' })).statusCode).toBe(303);
      expect((await zaakRow(zaken.eerder)).einddatum).toBeNull();
    });
  });

  describe('a deadline an API client set', () => {
    let client: Awaited<ReturnType<typeof createTestClient>>;

    beforeAll(async () => {
      client = await createTestClient(database.db, test.keys, tenant, { heeftAlleAutorisaties: true });
    });

    /** A zaak of the team's zaaktype (which would give startdatum + P8W) whose deadlines the Zaken API set otherwise. */
    async function zaakMetApiTermijn(uiterlijk: string, gepland: string): Promise<string> {
      const { uuid } = await insertTestZaak(database.db, tenant, zaaktype, { startdatum: '2026-01-05' });
      const response = await test.app.inject({
        method: 'PATCH',
        url: `/zaken/api/v1/zaken/${uuid}`,
        headers: { host: hostOf(tenant), authorization: `Bearer ${await client.token()}`, 'accept-crs': 'EPSG:4326', 'content-crs': 'EPSG:4326' },
        payload: { uiterlijkeEinddatumAfdoening: uiterlijk, einddatumGepland: gepland },
      });
      expect(response.statusCode, response.body).toBe(200);
      return uuid;
    }

    /** Suspends now, as if the suspension began `dagen` days ago, and resumes. */
    async function schortOpEnHervat(zaak: string, dagen: number): Promise<void> {
      expect((await actie(zaak, 'opschorten', { reden: 'Wacht op stukken' })).statusCode).toBe(303);
      await database.db.updateTable('zaak_opschortingen').set({ begindatum: addDays(today, -dagen) }).where('zaak_uuid', '=', zaak).where('einddatum', 'is', null).execute();
      expect((await actie(zaak, 'hervatten', {})).statusCode).toBe(303);
    }

    async function termijnen(zaak: string): Promise<{ uiterlijk: string | null; gepland: string | null }> {
      const row = await zaakRow(zaak);
      return { uiterlijk: row.uiterlijke_einddatum_afdoening, gepland: row.einddatum_gepland };
    }

    it('survives suspend and resume, moved by exactly the suspended days', async () => {
      const zaak = await zaakMetApiTermijn('2026-06-01', '2026-05-01');
      await schortOpEnHervat(zaak, 4);
      expect(await termijnen(zaak)).toEqual({ uiterlijk: '2026-06-05', gepland: '2026-05-05' });
      const page = await get(behandelaar, `/medewerker/zaken/${zaak}`);
      expect(page.body).toContain('5 juni 2026');
      expect(page.body).toContain('eerder 4 dagen opgeschort');
      expect(page.body).not.toContain('Algemene termijnenwet');
    });

    it('stores a legal deadline a suspension moves onto a Saturday as the Monday (Algemene termijnenwet), not the service norm', async () => {
      const zaak = await zaakMetApiTermijn('2026-06-01', '2026-05-01');
      await schortOpEnHervat(zaak, 5);
      // 1 June + 5 days is Saturday 6 June: the legal deadline runs on to Monday 8 June; the service norm stays 6 May.
      expect(await termijnen(zaak)).toEqual({ uiterlijk: '2026-06-08', gepland: '2026-05-06' });
      const page = await get(behandelaar, `/medewerker/zaken/${zaak}`);
      expect(page.body).toContain('8 juni 2026 – verschoven naar de eerstvolgende werkdag (Algemene termijnenwet); de termijn zelf eindigde op 6 juni 2026');
      // The next suspension counts from Saturday 6 June, not from the Monday: 3 days later is Tuesday 9 June.
      await schortOpEnHervat(zaak, 3);
      expect(await termijnen(zaak)).toEqual({ uiterlijk: '2026-06-09', gepland: '2026-05-09' });
      expect((await get(behandelaar, `/medewerker/zaken/${zaak}`)).body).not.toContain('Algemene termijnenwet');
    });

    it('explains a date an API client set on a Saturday, and moves it to a working day on the next suspension', async () => {
      const zaak = await zaakMetApiTermijn('2026-06-06', '2026-05-01');
      expect((await get(behandelaar, `/medewerker/zaken/${zaak}`)).body).toContain('volgens de Algemene termijnenwet loopt de termijn door tot en met 8 juni 2026');
      // 6 June + 7 days is Saturday 13 June again: stored as Monday 15 June.
      await schortOpEnHervat(zaak, 7);
      expect(await termijnen(zaak)).toEqual({ uiterlijk: '2026-06-15', gepland: '2026-05-08' });
      expect((await get(behandelaar, `/medewerker/zaken/${zaak}`)).body).toContain('de termijn zelf eindigde op 13 juni 2026');
    });

    it('moves by each suspension of a zaak suspended twice, and by the extension once', async () => {
      const zaak = await zaakMetApiTermijn('2026-06-01', '2026-05-01');
      await schortOpEnHervat(zaak, 5);
      await schortOpEnHervat(zaak, 3);
      expect(await termijnen(zaak)).toEqual({ uiterlijk: '2026-06-09', gepland: '2026-05-09' });
      expect((await actie(zaak, 'verlengen', { dagen: '10', reden: 'Advies nodig' })).statusCode).toBe(303);
      // The extension moves the legal deadline only; the service norm is the municipality's own promise.
      expect(await termijnen(zaak)).toEqual({ uiterlijk: '2026-06-19', gepland: '2026-05-09' });
      expect(await database.db.selectFrom('zaak_opschortingen').select('id').where('zaak_uuid', '=', zaak).execute()).toHaveLength(2);
    });

    it('moves once when the same resume is submitted twice at the same time', async () => {
      const zaak = await zaakMetApiTermijn('2026-06-01', '2026-05-01');
      expect((await actie(zaak, 'opschorten', { reden: 'Wacht op stukken' })).statusCode).toBe(303);
      await database.db.updateTable('zaak_opschortingen').set({ begindatum: addDays(today, -4) }).where('zaak_uuid', '=', zaak).execute();
      const form = await versie(zaak);
      const url = `/medewerker/zaken/${zaak}/acties/hervatten`;
      const answers = await Promise.all([post(behandelaar, url, { versie: form }), post(behandelaar, url, { versie: form })]);
      expect(answers.filter((answer) => answer.statusCode === 303)).toHaveLength(1);
      expect(await termijnen(zaak)).toEqual({ uiterlijk: '2026-06-05', gepland: '2026-05-05' });
    });

    it('moves the badge and the werkvoorraad order with the date', async () => {
      const bijna = await zaakMetApiTermijn(addDays(today, 2), addDays(today, 1));
      const daarna = await zaakMetApiTermijn(addDays(today, 10), addDays(today, 9));
      const rij = (body: string, zaak: string) => body.slice(body.indexOf(`/medewerker/zaken/${zaak}`), body.indexOf('</tr>', body.indexOf(`/medewerker/zaken/${zaak}`)));
      const voor = (await get(behandelaar, '/medewerker/werkvoorraad?lijst=team')).body;
      expect(voor.indexOf(bijna)).toBeLessThan(voor.indexOf(daarna));
      expect(rij(voor, bijna)).toContain('Risico');
      await schortOpEnHervat(bijna, 20);
      expect((await termijnen(bijna)).uiterlijk).toBe(volgendeAtwWerkdag(addDays(today, 22)));
      const na = (await get(behandelaar, '/medewerker/werkvoorraad?lijst=team')).body;
      expect(na.indexOf(daarna)).toBeLessThan(na.indexOf(bijna));
      expect(rij(na, bijna)).not.toContain('Risico');
      expect(rij(na, bijna)).not.toContain('Te laat');
    });

    describe('on a fixed day', () => {
      /** The werkvoorraad's row and the zaak page's deadline line for `zaak`, as a member sees them on `dag`. */
      async function zichtOp(dag: string, zaak: string): Promise<{ rij: string; termijn: string }> {
        vi.useFakeTimers({ toFake: ['Date'] });
        vi.setSystemTime(new Date(`${dag}T10:00:00Z`));
        try {
          const lijst = (await get(behandelaar, '/medewerker/werkvoorraad?lijst=team')).body;
          const page = (await get(behandelaar, `/medewerker/zaken/${zaak}`)).body;
          const begin = lijst.indexOf(`/medewerker/zaken/${zaak}`);
          const regel = page.indexOf('<dt>Uiterlijke afhandeldatum');
          expect(begin).toBeGreaterThan(0);
          return { rij: lijst.slice(begin, lijst.indexOf('</tr>', begin)), termijn: page.slice(regel, page.indexOf('</dd>', regel)) };
        } finally {
          vi.useRealTimers();
        }
      }

      it('judges the badges against the Monday a deadline stored on a Saturday runs on to, in the werkvoorraad and on the zaak page', async () => {
        // Stored unmoved, as before Loket moved dates itself (or as an API client set it): Saturday 6 June 2026.
        const zaak = await zaakMetApiTermijn('2026-06-06', '2026-05-01');
        const maandag = await zichtOp('2026-06-08', zaak);
        expect(maandag.rij).toContain('8 juni 2026');
        expect(maandag.rij).toContain('Risico');
        expect(maandag.rij).not.toContain('Te laat');
        expect(maandag.termijn).toContain('loopt de termijn door tot en met 8 juni 2026');
        expect(maandag.termijn).toContain('Risico');
        expect(maandag.termijn).not.toContain('Te laat');
        const dinsdag = await zichtOp('2026-06-09', zaak);
        expect(dinsdag.rij).toContain('Te laat');
        expect(dinsdag.termijn).toContain('Te laat');
        // The risk window (12 days for P8W) counts back from the Monday: 12 days before it the zaak is still on time.
        const ruim = await zichtOp('2026-05-27', zaak);
        expect(ruim.rij).not.toContain('Risico');
        expect(ruim.termijn).not.toContain('Risico');
        expect((await zichtOp('2026-05-28', zaak)).rij).toContain('Risico');
      });

      it('gives a deadline the workspace moved to the Monday the same badges', async () => {
        const zaak = await zaakMetApiTermijn('2026-06-08', '2026-05-01');
        await database.db.insertInto('zaak_atw_termijnen').values({ tenant_id: tenant.id, zaak_uuid: zaak, uiterlijk_voor_atw: '2026-06-06', uiterlijk: '2026-06-08' }).execute();
        const maandag = await zichtOp('2026-06-08', zaak);
        expect(maandag.rij).toContain('8 juni 2026');
        expect(maandag.rij).toContain('Risico');
        expect(maandag.termijn).toContain('de termijn zelf eindigde op 6 juni 2026');
        expect(maandag.termijn).not.toContain('Te laat');
        expect((await zichtOp('2026-06-09', zaak)).termijn).toContain('Te laat');
      });
    });

    it('says when the Algemene termijnenwet moves the zaaktype’s own count', async () => {
      // Saturday 11 April + P8W is Saturday 6 June 2026.
      const { uuid } = await insertTestZaak(database.db, tenant, zaaktype, { startdatum: '2026-04-11' });
      const page = (await get(behandelaar, `/medewerker/zaken/${uuid}`)).body;
      const regel = page.slice(page.indexOf('<dt>Termijn volgens zaaktype'), page.indexOf('</dd>', page.indexOf('<dt>Termijn volgens zaaktype')));
      expect(regel).toContain('6 juni 2026 (startdatum + doorlooptijd P8W) – valt op een zaterdag, zondag of feestdag; volgens de Algemene termijnenwet loopt de termijn door tot en met 8 juni 2026');
      // 5 January + P8W is Monday 2 March.
      const gewoon = (await get(behandelaar, `/medewerker/zaken/${zaken.eerder}`)).body;
      expect(gewoon.slice(gewoon.indexOf('<dt>Termijn volgens zaaktype'), gewoon.indexOf('<dt>Verlenging'))).not.toContain('Algemene termijnenwet');
    });
  });
});
