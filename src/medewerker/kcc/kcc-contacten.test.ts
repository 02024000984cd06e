import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { createTestApp, createTestTenant, type TestApp } from '../../../test/fixtures.ts';
import { signInStaff, type SignedInStaff } from '../../../test/staff-session.ts';
import { createKlantToken, klantApi, loadKlantinteractiesSpec, type KlantApi } from '../../components/klantinteracties/klantinteracties-test-kit.ts';
import type { Tenant } from '../../platform/database/schema.ts';
import { kccPages } from './kcc-test-kit.ts';

describe('KCC contacts: registering in any channel, several open at once, closing with the recorded outcome', () => {
  let database: TestDatabase;
  let test: TestApp;
  let tenant: Tenant;
  let other: Tenant;
  let agent: SignedInStaff;
  let colleague: SignedInStaff;
  let api: KlantApi;

  beforeAll(async () => {
    database = await createTestDatabase();
    test = await createTestApp(database);
    tenant = await createTestTenant(database.db, 'Gemeente Voorbeeld');
    other = await createTestTenant(database.db, 'Gemeente Elders');
    agent = await signInStaff(test, tenant, { roles: ['kcc'], displayName: 'Kim Klantcontact' });
    colleague = await signInStaff(test, tenant, { roles: ['behandelaar'], displayName: 'Bas Behandelaar' });
    api = klantApi(test, await loadKlantinteractiesSpec(), tenant, await createKlantToken(database.db, test.keys, tenant));
  }, 180_000);
  afterAll(async () => {
    await test.app.close();
    await database.close();
  });

  it('registers a contact in each channel as a klantcontact in Klantinteracties, with the agent as actor of soort medewerker', async () => {
    const pages = kccPages(test, agent);
    for (const kanaal of ['telefoon', 'balie', 'e-mail', 'chat', 'post', 'sociale media', 'website']) {
      const uuid = await pages.register(kanaal);
      const klantcontact = (await api.call('GET', `/klantcontacten/${uuid}`, '/klantcontacten/{uuid}')).json() as Record<string, unknown>;
      expect(klantcontact).toMatchObject({ kanaal, taal: 'dut', vertrouwelijk: false });
      const links = (await api.call('GET', `/actorklantcontacten?klantcontact__uuid=${uuid}`, '/actorklantcontacten')).json() as { results: { actor: { uuid: string } }[] };
      expect(links.results).toHaveLength(1);
      const actor = (await api.call('GET', `/actoren/${links.results[0]?.actor.uuid ?? ''}`, '/actoren/{uuid}')).json() as Record<string, unknown>;
      expect(actor).toMatchObject({ naam: 'Kim Klantcontact', soortActor: 'medewerker', actoridentificator: { objectId: agent.user.id } });
    }
    // One actor for the agent, however many contacts.
    const actoren = (await api.call('GET', '/actoren?soortActor=medewerker', '/actoren')).json() as { count: number };
    expect(actoren.count).toBe(1);
  });

  it('keeps several contacts open for one agent, listed in "Mijn open contacten" with a switch between them', async () => {
    const pages = kccPages(test, agent);
    const call = await pages.register('telefoon', 'Paspoort kwijt');
    const mail = await pages.register('e-mail', 'Vraag over afvalpas');
    const start = await pages.get('/medewerker/kcc');
    expect(start.statusCode).toBe(200);
    expect(start.body).toContain(`href="/medewerker/kcc/contacten/${call}"`);
    expect(start.body).toContain(`href="/medewerker/kcc/contacten/${mail}"`);
    const page = await pages.get(`/medewerker/kcc/contacten/${mail}`);
    expect(page.statusCode).toBe(200);
    // The current contact is marked in the switch; the other is one click away.
    expect(page.body).toContain(`href="/medewerker/kcc/contacten/${mail}" aria-current="page"`);
    expect(page.body).toContain(`href="/medewerker/kcc/contacten/${call}"`);
    expect(page.body).toContain(`href="/medewerker/kcc/contacten/${mail}/contactverzoek"`);
    expect(page.body).toContain(`href="/medewerker/kcc/contacten/${mail}/aanvraag"`);
    const rows = await database.db.selectFrom('kcc_contacten').select(['klantcontact_uuid', 'status']).where('tenant_id', '=', tenant.id).where('klantcontact_uuid', 'in', [call, mail]).execute();
    expect(rows.map((row) => row.status)).toEqual(['open', 'open']);
    // A colleague's list holds only their own.
    const theirs = await kccPages(test, colleague).get('/medewerker/kcc');
    expect(theirs.body).not.toContain(call);
  });

  it('explains a missing channel beside the field and registers nothing', async () => {
    const before = await database.db.selectFrom('kcc_contacten').select('klantcontact_uuid').where('tenant_id', '=', tenant.id).execute();
    const response = await kccPages(test, agent).post('/medewerker/kcc/contacten', { onderwerp: 'iets' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Kies het kanaal waarlangs het contact binnenkomt.');
    expect(response.body).toContain('<title>Fout: Klantcontact (KCC)');
    const after = await database.db.selectFrom('kcc_contacten').select('klantcontact_uuid').where('tenant_id', '=', tenant.id).execute();
    expect(after.length).toBe(before.length);
  });

  it('closes a contact with kanaal, onderwerp, outcome and first-contact resolution, in the workspace table and the API', async () => {
    const pages = kccPages(test, agent);
    const uuid = await pages.register('telefoon');
    expect((await pages.post(`/medewerker/kcc/contacten/${uuid}/notities`, { notities: 'Beller vraagt hoe lang een paspoort geldig is.' })).statusCode).toBe(303);
    const incomplete = await pages.post(`/medewerker/kcc/contacten/${uuid}/afsluiten`, { kanaal: 'telefoon', onderwerp: '', toelichting: '' });
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.body).toContain('Vul in waarover het contact ging.');
    expect(incomplete.body).toContain('Kies de uitkomst van het contact.');
    expect(incomplete.body).toContain('Kies of het contact bij het eerste contact is afgehandeld.');
    const closed = await pages.post(`/medewerker/kcc/contacten/${uuid}/afsluiten`, { kanaal: 'telefoon', onderwerp: 'Geldigheid paspoort', resultaat: 'beantwoord', toelichting: 'Tien jaar voor volwassenen.', eersteContact: 'ja' });
    expect(closed.statusCode).toBe(303);
    expect(closed.headers.location).toBe('/medewerker/kcc?gesloten=ja');
    const row = await database.db.selectFrom('kcc_contacten').selectAll().where('klantcontact_uuid', '=', uuid).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ tenant_id: tenant.id, agent_user_id: agent.user.id, kanaal: 'telefoon', onderwerp: 'Geldigheid paspoort', status: 'gesloten', resultaat: 'beantwoord', afgehandeld_bij_eerste_contact: true });
    expect(row.gesloten_op).toBeInstanceOf(Date);
    expect((row.gesloten_op ?? new Date(0)).getTime()).toBeGreaterThanOrEqual(row.geopend_op.getTime());
    const klantcontact = (await api.call('GET', `/klantcontacten/${uuid}`, '/klantcontacten/{uuid}')).json() as Record<string, unknown>;
    expect(klantcontact).toMatchObject({
      kanaal: 'telefoon',
      onderwerp: 'Geldigheid paspoort',
      inhoud: 'Beller vraagt hoe lang een paspoort geldig is.',
      reactie: 'Vraag beantwoord: Tien jaar voor volwassenen.',
      indicatieContactGelukt: true,
      verdereActieOndernomen: false,
    });
    // Closed is closed: no second closing, no more notes, and the start page says it went well.
    expect((await pages.post(`/medewerker/kcc/contacten/${uuid}/notities`, { notities: 'later' })).statusCode).toBe(409);
    expect((await pages.get('/medewerker/kcc?gesloten=ja')).body).toContain('Het contact is afgesloten.');
    const page = await pages.get(`/medewerker/kcc/contacten/${uuid}`);
    expect(page.body).toContain('Afgesloten');
    expect(page.body).not.toContain('/afsluiten"');
  });

  it('records a contact handed over as not handled at first contact, with further action in the API', async () => {
    const pages = kccPages(test, agent);
    const uuid = await pages.register('balie', 'Bezwaar');
    await pages.post(`/medewerker/kcc/contacten/${uuid}/afsluiten`, { kanaal: 'balie', onderwerp: 'Bezwaar tegen aanslag', resultaat: 'contactverzoek', eersteContact: 'nee' });
    const row = await database.db.selectFrom('kcc_contacten').select(['resultaat', 'afgehandeld_bij_eerste_contact']).where('klantcontact_uuid', '=', uuid).executeTakeFirstOrThrow();
    expect(row).toEqual({ resultaat: 'contactverzoek', afgehandeld_bij_eerste_contact: false });
    const klantcontact = (await api.call('GET', `/klantcontacten/${uuid}`, '/klantcontacten/{uuid}')).json() as Record<string, unknown>;
    expect(klantcontact).toMatchObject({ onderwerp: 'Bezwaar tegen aanslag', verdereActieOndernomen: true });
  });

  it("lets nobody change another agent's open contact", async () => {
    const uuid = await kccPages(test, agent).register('chat');
    const response = await kccPages(test, colleague).post(`/medewerker/kcc/contacten/${uuid}/afsluiten`, { kanaal: 'chat', onderwerp: 'x', resultaat: 'beantwoord', eersteContact: 'ja' });
    expect(response.statusCode).toBe(403);
    const row = await database.db.selectFrom('kcc_contacten').select('status').where('klantcontact_uuid', '=', uuid).executeTakeFirstOrThrow();
    expect(row.status).toBe('open');
  });

  it("never shows or changes another municipality's contact", async () => {
    const uuid = await kccPages(test, agent).register('post');
    const elsewhere = await signInStaff(test, other, { roles: ['kcc'] });
    const pages = kccPages(test, elsewhere);
    expect((await pages.get(`/medewerker/kcc/contacten/${uuid}`)).statusCode).toBe(404);
    expect((await pages.post(`/medewerker/kcc/contacten/${uuid}/notities`, { notities: 'x' })).statusCode).toBe(404);
    expect((await pages.get('/medewerker/kcc')).body).not.toContain(uuid);
  });

  it('is refused to staff without a KCC, behandelaar or teamleider role, and to no session', async () => {
    const beheerder = await signInStaff(test, tenant, { roles: ['beheerder'] });
    expect((await kccPages(test, beheerder).get('/medewerker/kcc')).statusCode).toBe(403);
    const anonymous = await test.app.inject({ method: 'GET', url: '/medewerker/kcc', headers: { host: agent.headers.host, accept: 'text/html' } });
    expect([302, 303, 401]).toContain(anonymous.statusCode);
  });

  it('lists the workspace in the menu for the KCC under "Klantcontact"', async () => {
    const home = await kccPages(test, agent).get('/medewerker');
    expect(home.body).toContain('href="/medewerker/kcc"');
    expect(home.body).toContain('Klantcontact (KCC)');
  });
});
