import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import type { KyselyPlugin } from 'kysely';
import type { Tenant } from '../../platform/database/schema.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { createTestApp, createTestTenant, type TestApp } from '../../../test/fixtures.ts';
import { signInStaff, type SignedInStaff } from '../../../test/staff-session.ts';
import { kccCaller, registreerKlantcontact } from '../../../test/klantcontact-fixtures.ts';
import { createKlantToken, klantApi, loadKlantinteractiesSpec, type KlantApi } from '../../components/klantinteracties/klantinteracties-test-kit.ts';
import { retrieveResources } from '../../components/klantinteracties/shared/resource-service.ts';
import { interneTaken } from '../../components/klantinteracties/internetaken/service.ts';
import { createTeam, setTeamLeden } from '../toegang/teams.ts';
import { vandaag } from '../../formulieren/dagen.ts';
import { createContactverzoek } from './service.ts';
import { openInLijst } from './repository.ts';
import { isTeLaat, plusWerkdagen, setStandaardTermijn } from './termijn.ts';

type Json = Record<string, unknown>;

describe('contactverzoeken: the KCC hands a contact over, the back office picks it up and closes it', () => {
  let database: TestDatabase;
  let test: TestApp;
  let tenant: Tenant;
  let other: Tenant;
  let api: KlantApi;
  let kcc: SignedInStaff;
  let behandelaar: SignedInStaff;
  let teamleider: SignedInStaff;
  let vreemde: SignedInStaff;
  let burgerzaken: string;
  let klantcontact: string;
  const bsn = '111222333';

  beforeAll(async () => {
    database = await createTestDatabase();
    test = await createTestApp(database);
    tenant = await createTestTenant(database.db, 'Gemeente Eigen');
    other = await createTestTenant(database.db, 'Gemeente Ander');
    api = klantApi(test, await loadKlantinteractiesSpec(), tenant, await createKlantToken(database.db, test.keys, tenant));
    kcc = await signInStaff(test, tenant, { roles: ['kcc'], displayName: 'Karin KCC' });
    behandelaar = await signInStaff(test, tenant, { roles: ['behandelaar'], displayName: 'Bram Behandelaar' });
    teamleider = await signInStaff(test, tenant, { roles: ['teamleider'], displayName: 'Tara Teamleider' });
    vreemde = await signInStaff(test, other, { roles: ['behandelaar', 'kcc'], displayName: 'Ander' });
    burgerzaken = await createTeam(database.db, tenant.id, 'Burgerzaken');
    await setTeamLeden(database.db, tenant.id, burgerzaken, [behandelaar.user.id]);
    const vergunningen = await createTeam(database.db, tenant.id, 'Vergunningen');
    await setTeamLeden(database.db, tenant.id, vergunningen, [teamleider.user.id]);
    klantcontact = (await registreerKlantcontact({ db: database.db, keys: test.keys }, tenant, { kanaal: 'telefoon', onderwerp: 'Afval', bsn })).klantcontactUuid;
  });
  afterAll(async () => {
    await test.app.close();
    await database.close();
  });

  const formUrl = (uuid: string) => `/medewerker/kcc/contacten/${uuid}/contactverzoek`;

  function post(staff: SignedInStaff, url: string, payload: Json): Promise<LightMyRequestResponse> {
    return test.app.inject({ method: 'POST', url, headers: { ...staff.headers, accept: 'text/html' }, payload: { _csrf: staff.csrfToken, ...payload } });
  }
  function get(staff: SignedInStaff, url: string): Promise<LightMyRequestResponse> {
    return test.app.inject({ method: 'GET', url, headers: { ...staff.headers, accept: 'text/html' } });
  }
  function geldig(overrides: Json = {}): Json {
    return { sleutel: randomUUID(), gevraagdeHandeling: 'Terugbellen', vraag: 'Wanneer wordt de grijze container geleegd?', naam: 'Fatima El Amrani', telefoon: '06 1234 5678', email: 'fatima@voorbeeld.nl', voorkeur: 'na 16.00 uur', deadline: plusWerkdagen(vandaag(), 3), ontvanger: `team:${burgerzaken}`, ...overrides };
  }
  async function doorzetten(payload: Json): Promise<string> {
    const response = await post(kcc, formUrl(klantcontact), payload);
    expect(response.statusCode, response.body).toBe(303);
    const uuid = /verstuurd=([0-9a-f-]{36})/.exec(String(response.headers.location))?.[1];
    if (!uuid) throw new Error(`No contactverzoek in ${String(response.headers.location)}`);
    return uuid;
  }

  it('offers the form with the contact, the identified person and the default deadline in working days', async () => {
    await setStandaardTermijn(database.db, tenant.id, 3);
    const page = await get(kcc, formUrl(klantcontact));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Afval');
    expect(page.body).toContain('value="Fatima El Amrani"');
    expect(page.body).toContain(`value="${plusWerkdagen(vandaag(), 3)}"`);
    expect(page.body).toContain(`<option value="team:${burgerzaken}">Burgerzaken</option>`);
    expect(page.body).toContain(`<option value="medewerker:${behandelaar.user.id}">Bram Behandelaar</option>`);
    expect(page.body).not.toContain('Ander');
    expect((await get(kcc, formUrl(randomUUID()))).statusCode).toBe(404);
    // Another municipality's staff do not reach this contact.
    expect((await get(vreemde, formUrl(klantcontact))).statusCode).toBe(404);
  });

  it('shows every problem beside its field and keeps what was typed', async () => {
    const response = await post(kcc, formUrl(klantcontact), geldig({ vraag: '', telefoon: 'bel me', email: 'geen-adres', deadline: '2020-01-06', ontvanger: 'team:00000000-0000-4000-8000-000000000000' }));
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('<title>Fout: Contactverzoek doorzetten');
    expect(response.body).toMatch(/id="cv-vraag-fout"><span class="loket-visually-hidden">Fout: <\/span>Vul de vraag van de klant in\./);
    expect(response.body).toContain('id="cv-telefoon-fout"');
    expect(response.body).toContain('id="cv-email-fout"');
    expect(response.body).toMatch(/id="cv-deadline-fout">.*De deadline ligt in het verleden/);
    expect(response.body).toContain('id="cv-ontvanger-fout"');
    expect(response.body).toContain('href="#cv-vraag"');
    expect(response.body).toContain('value="geen-adres"');
    const neither = await post(kcc, formUrl(klantcontact), geldig({ telefoon: '', email: '' }));
    expect(neither.statusCode).toBe(400);
    expect(neither.body).toContain('Vul een telefoonnummer of een e-mailadres in');
    expect(neither.body).toMatch(/id="cv-telefoon"[^>]*aria-invalid="true"[^>]*aria-describedby="[^"]*cv-bereikbaarheid-fout/);
    expect((await api.call('GET', `/internetaken?klantcontact__uuid=${klantcontact}`, '/internetaken')).json()).toMatchObject({ count: 0 });
  });

  it('stores it as an internetaak an external KCC tool reads, once, however often it is submitted', async () => {
    const payload = geldig();
    const first = await doorzetten(payload);
    const second = await doorzetten(payload);
    expect(second).toBe(first);
    const list = (await api.call('GET', `/internetaken?klantcontact__uuid=${klantcontact}`, '/internetaken')).json() as { count: number; results: Json[] };
    expect(list.count).toBe(1);
    const taak = list.results[0] as Json;
    expect(taak).toMatchObject({ uuid: first, gevraagdeHandeling: 'Terugbellen', toelichting: 'Wanneer wordt de grijze container geleegd?', status: 'te_verwerken', afgehandeldOp: null, aanleidinggevendKlantcontact: { uuid: klantcontact } });
    const actoren = taak.toegewezenAanActoren as { uuid: string }[];
    expect(actoren).toHaveLength(1);
    const actor = (await api.call('GET', `/actoren/${actoren[0]?.uuid}`, '/actoren/{uuid}')).json() as Json;
    expect(actor).toMatchObject({ naam: 'Burgerzaken', soortActor: 'organisatorische_eenheid', actoridentificator: { objectId: burgerzaken, codeRegister: 'loket' } });

    const confirmation = await get(kcc, `${formUrl(klantcontact)}?verstuurd=${first}`);
    expect(confirmation.statusCode).toBe(200);
    expect(confirmation.body).toContain(`Contactverzoek <strong>${String(taak.nummer)}</strong> is doorgezet naar team Burgerzaken`);

    // A second hand-over to the same team reuses the team's actor.
    const again = await doorzetten(geldig({ vraag: 'Nog een vraag' }));
    const taak2 = (await api.call('GET', `/internetaken/${again}`, '/internetaken/{uuid}')).json() as { toegewezenAanActoren: { uuid: string }[] };
    expect(taak2.toegewezenAanActoren[0]?.uuid).toBe(actoren[0]?.uuid);
  });

  it('shows a contactverzoek only to the team or person it is for, within the municipality', async () => {
    const voorTeam = await doorzetten(geldig({ vraag: 'Voor het team' }));
    const voorTara = await doorzetten(geldig({ vraag: 'Voor Tara persoonlijk', ontvanger: `medewerker:${teamleider.user.id}` }));

    const teamList = await get(behandelaar, '/medewerker/contactverzoeken?lijst=team');
    expect(teamList.statusCode).toBe(200);
    expect(teamList.body).toContain(`/medewerker/contactverzoeken/${voorTeam}`);
    expect(teamList.body).not.toContain(voorTara);
    expect((await get(behandelaar, `/medewerker/contactverzoeken/${voorTara}`)).statusCode).toBe(404);

    const tara = await get(teamleider, '/medewerker/contactverzoeken');
    expect(tara.body).toContain(`/medewerker/contactverzoeken/${voorTara}`);
    expect(tara.body).toMatch(/Voor mij \(1\)/);
    expect(tara.body).not.toContain(voorTeam);
    expect((await get(teamleider, `/medewerker/contactverzoeken/${voorTeam}`)).statusCode).toBe(404);

    expect((await get(vreemde, `/medewerker/contactverzoeken/${voorTeam}`)).statusCode).toBe(404);
    expect((await get(vreemde, '/medewerker/contactverzoeken?lijst=team')).body).not.toContain(voorTeam);
    expect((await post(vreemde, `/medewerker/contactverzoeken/${voorTeam}/oppakken`, {})).statusCode).toBe(404);
    // A role without the workspace is refused before anything is read.
    const beheerder = await signInStaff(test, tenant, { roles: ['beheerder'] });
    expect((await get(beheerder, '/medewerker/contactverzoeken')).statusCode).toBe(403);
    expect((await get(beheerder, formUrl(klantcontact))).statusCode).toBe(403);
  });

  it('logs reading the callback details as a processing of the person’s data', async () => {
    const uuid = await doorzetten(geldig({ vraag: 'Gelogd' }));
    const before = await database.db.selectFrom('processing_log').select('seq').where('tenant_id', '=', tenant.id).where('name', '=', 'contactverzoek-inzien').execute();
    const page = await get(behandelaar, `/medewerker/contactverzoeken/${uuid}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('href="tel:0612345678"');
    expect(page.body).toContain('fatima@voorbeeld.nl');
    expect(page.body).toContain('na 16.00 uur');
    expect(page.body).toContain('telefoon');
    const after = await database.db.selectFrom('processing_log').select(['processing_activity_id', 'data_subject_id', 'actor']).where('tenant_id', '=', tenant.id).where('name', '=', 'contactverzoek-inzien').execute();
    expect(after.length).toBe(before.length + 1);
    const record = after.at(-1);
    expect(record?.processing_activity_id).toBe('klantcontact-registreren');
    expect(record?.actor).toBe('medewerker:behandelaar');
    // The subject is pseudonymised, never the BSN itself.
    expect(record?.data_subject_id).not.toBeNull();
    expect(record?.data_subject_id).not.toContain(bsn);
  });

  it('is picked up and closed with an outcome, which the internetaak shows as verwerkt', async () => {
    const uuid = await doorzetten(geldig({ vraag: 'Op te pakken' }));
    const picked = await post(behandelaar, `/medewerker/contactverzoeken/${uuid}/oppakken`, {});
    expect(picked.statusCode).toBe(303);
    const mine = await get(behandelaar, '/medewerker/contactverzoeken?lijst=opgepakt');
    expect(mine.body).toContain(uuid);
    const detail = await get(behandelaar, `/medewerker/contactverzoeken/${uuid}?gedaan=opgepakt`);
    expect(detail.body).toContain('U hebt dit contactverzoek opgepakt.');
    expect(detail.body).toMatch(/Opgepakt door Bram Behandelaar/);
    const taak = (await api.call('GET', `/internetaken/${uuid}`, '/internetaken/{uuid}')).json() as { toegewezenAanActoren: { uuid: string }[] };
    expect(taak.toegewezenAanActoren).toHaveLength(2);
    const soorten = await Promise.all(taak.toegewezenAanActoren.map(async (actor) => ((await api.call('GET', `/actoren/${actor.uuid}`, '/actoren/{uuid}')).json() as Json).soortActor));
    expect(soorten.sort()).toEqual(['medewerker', 'organisatorische_eenheid']);

    const empty = await post(behandelaar, `/medewerker/contactverzoeken/${uuid}/afsluiten`, { uitkomst: '  ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toMatch(/id="cv-uitkomst-fout">.*Vul de uitkomst in/);
    expect((await api.call('GET', `/internetaken/${uuid}`, '/internetaken/{uuid}')).json()).toMatchObject({ status: 'te_verwerken' });

    const closed = await post(behandelaar, `/medewerker/contactverzoeken/${uuid}/afsluiten`, { uitkomst: 'Teruggebeld: container wordt donderdag geleegd.' });
    expect(closed.statusCode).toBe(303);
    const verwerkt = (await api.call('GET', `/internetaken/${uuid}`, '/internetaken/{uuid}')).json() as Json;
    expect(verwerkt.status).toBe('verwerkt');
    expect(typeof verwerkt.afgehandeldOp).toBe('string');
    const history = await get(behandelaar, `/medewerker/contactverzoeken/${uuid}`);
    expect(history.body).toContain('Teruggebeld: container wordt donderdag geleegd.');
    expect(history.body).toMatch(/Doorgezet door Karin KCC \(Doorgezet naar team Burgerzaken\)/);
    expect(history.body).toMatch(/Opgepakt door Bram Behandelaar/);
    expect(history.body).toMatch(/Afgehandeld door Bram Behandelaar/);
    expect(history.body).not.toContain('Afsluiten</button>');
    expect((await get(behandelaar, '/medewerker/contactverzoeken?lijst=opgepakt')).body).not.toContain(uuid);
    // Closing twice changes nothing.
    expect((await post(behandelaar, `/medewerker/contactverzoeken/${uuid}/afsluiten`, { uitkomst: 'Nog eens' })).statusCode).toBe(303);
    expect((await get(behandelaar, `/medewerker/contactverzoeken/${uuid}`)).body).not.toContain('Nog eens');
  });

  it('lists several contactverzoeken, each with its own number and requested action, earliest deadline first', async () => {
    const lotte = await signInStaff(test, tenant, { roles: ['behandelaar'], displayName: 'Lotte Lijst' });
    const deps = { db: database.db, keys: test.keys };
    const verzoeken = [
      { gevraagdeHandeling: 'Terugmailen', deadline: plusWerkdagen(vandaag(), 9) },
      { gevraagdeHandeling: 'Terugbellen', deadline: plusWerkdagen(vandaag(), 2) },
      { gevraagdeHandeling: 'Afspraak inplannen', deadline: plusWerkdagen(vandaag(), 5) },
      { gevraagdeHandeling: 'Brief sturen', deadline: plusWerkdagen(vandaag(), 7) },
    ];
    const uuids: string[] = [];
    for (const verzoek of verzoeken) {
      const created = await createContactverzoek(deps, kccCaller(tenant), { userId: kcc.user.id, displayName: 'Karin KCC' }, {
        klantcontactUuid: klantcontact,
        sleutel: randomUUID(),
        contactverzoek: { ...verzoek, vraag: `Vraag: ${verzoek.gevraagdeHandeling}`, naam: 'Fatima', telefoon: '0612345678', email: '', voorkeur: '', ontvanger: { soort: 'medewerker', id: lotte.user.id } },
      });
      uuids.push(created.interneTaakUuid);
    }
    const nummers = await Promise.all(uuids.map(async (uuid) => ((await api.call('GET', `/internetaken/${uuid}`, '/internetaken/{uuid}')).json() as { nummer: string }).nummer));
    expect(new Set(nummers).size).toBe(uuids.length);

    const page = await get(lotte, '/medewerker/contactverzoeken?lijst=voor-mij');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Voor mij: 4 open contactverzoeken, vroegste deadline eerst');
    const rij = (uuid: string) => page.body.slice(page.body.indexOf(`/medewerker/contactverzoeken/${uuid}"`), page.body.indexOf('</tr>', page.body.indexOf(uuid)));
    verzoeken.forEach((verzoek, index) => {
      const uuid = uuids[index] ?? '';
      expect(rij(uuid)).toContain(`>${nummers[index] ?? ''}</a>`);
      expect(rij(uuid)).toContain(`<td>${verzoek.gevraagdeHandeling}</td>`);
      expect(rij(uuid)).toContain('<td>Lotte Lijst</td>');
    });
    const volgorde = [1, 2, 3, 0].map((index) => page.body.indexOf(uuids[index] ?? ''));
    expect(volgorde).toEqual([...volgorde].sort((a, b) => a - b));

    // The list's interne taken are read together: as many statements for four as for one, and as retrieving each
    // would, a 404 for one that is not there.
    let statements = 0;
    const teller: KyselyPlugin = {
      transformQuery: (args) => {
        statements += 1;
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    const geteld = { db: database.db.withPlugin(teller), keys: test.keys };
    const tellen = async (wanted: string[]): Promise<number> => {
      statements = 0;
      const taken = await retrieveResources(geteld, interneTaken, kccCaller(tenant), wanted);
      expect([...taken.keys()].sort()).toEqual([...wanted].sort());
      return statements;
    };
    expect(await tellen(uuids)).toBe(await tellen(uuids.slice(0, 1)));
    await expect(retrieveResources(deps, interneTaken, kccCaller(tenant), [...uuids, randomUUID()])).rejects.toMatchObject({ code: 'not_found' });
  });

  it('flags late ones with "Te laat" and lists them by deadline, on a fixed clock', async () => {
    const fixed = new Date('2026-03-02T09:00:00Z');
    const deps = { db: database.db, keys: test.keys };
    const kort = await createContactverzoek(deps, kccCaller(tenant), { userId: kcc.user.id, displayName: 'Karin KCC' }, {
      klantcontactUuid: klantcontact,
      sleutel: randomUUID(),
      now: fixed,
      contactverzoek: { gevraagdeHandeling: 'Terugbellen', vraag: 'Kort', naam: 'Fatima', telefoon: '0612345678', email: '', voorkeur: '', deadline: '2026-03-03', ontvanger: { soort: 'medewerker', id: behandelaar.user.id } },
    });
    const lang = await createContactverzoek(deps, kccCaller(tenant), { userId: kcc.user.id, displayName: 'Karin KCC' }, {
      klantcontactUuid: klantcontact,
      sleutel: randomUUID(),
      now: fixed,
      contactverzoek: { gevraagdeHandeling: 'Terugmailen', vraag: 'Lang', naam: 'Fatima', telefoon: '', email: 'f@voorbeeld.nl', voorkeur: '', deadline: '2026-03-20', ontvanger: { soort: 'medewerker', id: behandelaar.user.id } },
    });
    const rows = await openInLijst(database.db, tenant.id, behandelaar.user.id, 'voor-mij');
    expect(rows.map((row) => row.interne_taak_uuid)).toEqual([kort.interneTaakUuid, lang.interneTaakUuid]);
    expect(rows.map((row) => isTeLaat(row.deadline, row.afgehandeld_op !== null, '2026-03-10'))).toEqual([true, false]);
    // The page on a fixed clock: 10 March 2026, after the first deadline and before the second.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-10T10:00:00Z'));
    let page: LightMyRequestResponse;
    try {
      page = await get(behandelaar, '/medewerker/contactverzoeken?lijst=voor-mij');
    } finally {
      vi.useRealTimers();
    }
    expect(page.statusCode).toBe(200);
    const row = (uuid: string) => page.body.slice(page.body.indexOf(uuid), page.body.indexOf('</tr>', page.body.indexOf(uuid)));
    expect(row(kort.interneTaakUuid)).toContain('03-03-2026 <span class="loket-badge loket-badge--te-laat">Te laat</span>');
    expect(row(lang.interneTaakUuid)).not.toContain('Te laat');
    expect((page.body.match(/loket-badge--te-laat">Te laat</g) ?? []).length).toBe(1);
    expect(page.body.indexOf(kort.interneTaakUuid)).toBeLessThan(page.body.indexOf(lang.interneTaakUuid));
  });
});
