import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import type { Tenant } from '../../platform/database/schema.ts';
import { traceFromHeader } from '../../platform/http/trace-context.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { createTestApp, createTestTenant, hostOf, type TestApp } from '../../../test/fixtures.ts';
import { signInStaff, type SignedInStaff } from '../../../test/staff-session.ts';
import { registreerKlantcontact } from '../../../test/klantcontact-fixtures.ts';
import { createKlantToken, klantApi, loadKlantinteractiesSpec, type KlantApi } from '../../components/klantinteracties/klantinteracties-test-kit.ts';
import { seedDemoCatalogus } from '../../components/catalogi/demo/seed.ts';
import { createDocumentStorage } from '../../components/documenten/storage/storage.ts';
import { seedDemoFormulieren } from '../../formulieren/demo/seed.ts';
import { MELDING_OPENBARE_RUIMTE } from '../../formulieren/demo/demo-formulieren.ts';
import { submitAanvraag } from '../../formulieren/submit-aanvraag.ts';
import { aanvraagKanaalVan } from './kanaal.ts';
import { ZAAK_ONDERWERP } from './koppeling.ts';

type Json = Record<string, unknown>;

const BSN = '999993653';
const MELDING = {
  categorie: 'Bestrating',
  omschrijving: 'Losse stoeptegel voor nummer 12.',
  gevaarlijk: 'nee',
  'adres--postcode': '1234 AB',
  'adres--huisnummer': '12',
  'adres--toevoeging': '',
  'plek-uitleg': '',
  email: 'suzanne@voorbeeld.nl',
  telefoon: '',
};

describe('a request on someone’s behalf from a klantcontact', () => {
  let database: TestDatabase;
  let test: TestApp;
  let tenant: Tenant;
  let kcc: SignedInStaff;
  let api: KlantApi;
  let baliecontact: string;
  let anoniem: string;
  let dataDir: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = await mkdtemp(join(tmpdir(), 'loket-namens-'));
    test = await createTestApp(database, { LOKET_DATA_DIR: dataDir });
    tenant = await createTestTenant(database.db, 'Gemeente Balie');
    await seedDemoCatalogus(database.db, tenant);
    await seedDemoFormulieren(database.db, tenant);
    kcc = await signInStaff(test, tenant, { roles: ['kcc'], displayName: 'Karin KCC' });
    api = klantApi(test, await loadKlantinteractiesSpec(), tenant, await createKlantToken(database.db, test.keys, tenant));
    const deps = { db: database.db, keys: test.keys };
    baliecontact = (await registreerKlantcontact(deps, tenant, { kanaal: 'balie', onderwerp: 'Melding', bsn: BSN, voornaam: 'Suzanne', achternaam: 'Moulin' })).klantcontactUuid;
    anoniem = (await registreerKlantcontact(deps, tenant, { kanaal: 'telefoon' })).klantcontactUuid;
  });
  afterAll(async () => {
    await test.app.close();
    await database.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const url = (klantcontact: string, rest = '') => `/medewerker/kcc/contacten/${klantcontact}/aanvraag${rest}`;
  function get(path: string): Promise<LightMyRequestResponse> {
    return test.app.inject({ method: 'GET', url: path, headers: { ...kcc.headers, accept: 'text/html' } });
  }
  function post(path: string, payload: Json): Promise<LightMyRequestResponse> {
    return test.app.inject({ method: 'POST', url: path, headers: { ...kcc.headers, accept: 'text/html' }, payload: { _csrf: kcc.csrfToken, ...payload } });
  }
  function hidden(body: string, name: string): string {
    return new RegExp(`name="${name}" value="([^"]*)"`).exec(body)?.[1] ?? '';
  }

  it('maps the contact’s channel to the aanvraag channel', () => {
    expect(aanvraagKanaalVan('balie')).toBe('balie');
    expect(aanvraagKanaalVan('Telefoon')).toBe('telefoon');
    expect(aanvraagKanaalVan('e-mail')).toBe('email');
    expect(aanvraagKanaalVan('sociale media')).toBe('sociale_media');
    expect(aanvraagKanaalVan('chat')).toBe('chat');
  });

  it('asks to identify the person first when the contact has nobody identified', async () => {
    const page = await get(url(anoniem));
    expect(page.statusCode).toBe(409);
    expect(page.body).toContain('Bij dit klantcontact is nog niemand geïdentificeerd');
    expect((await post(url(anoniem), { _formulier: randomUUID(), _zaaktype: 'MELDING-OPENBARE-RUIMTE', _getoond: '' })).statusCode).toBe(409);
    expect((await get(url(randomUUID()))).statusCode).toBe(404);
  });

  it('offers the products with a published e-form and opens the same definition, prefilled for the person', async () => {
    const keuze = await get(url(baliecontact));
    expect(keuze.statusCode).toBe(200);
    expect(keuze.body).toContain('Namens <strong>Suzanne Moulin</strong> (BSN 999993653)');
    expect(keuze.body).toContain('value="MELDING-OPENBARE-RUIMTE"');
    expect((await get(url(baliecontact, '?zaaktype='))).statusCode).toBe(400);
    expect((await get(url(baliecontact, '?zaaktype=BESTAAT-NIET'))).body).toContain('Voor dit product is geen e-formulier gepubliceerd');
    const form = await get(url(baliecontact, '?zaaktype=MELDING-OPENBARE-RUIMTE'));
    expect(form.statusCode).toBe(200);
    for (const veld of MELDING_OPENBARE_RUIMTE.stappen.flatMap((stap) => stap.velden)) {
      // The fields of the steps that apply; the 'gevaar' step waits for its condition.
      if (veld.id === 'gevaar-uitleg' || veld.id === 'afgezet') expect(form.body).not.toContain(`name="${veld.id}"`);
      else if (veld.type !== 'adres') expect(form.body).toContain(`name="${veld.id}"`);
    }
    expect(form.body).toContain('enctype="multipart/form-data"');
    expect(form.body).toContain('Kanaal: balie.');
  });

  it('checks the answers with the e-form’s own rules and brings up questions a condition adds', async () => {
    const form = await get(url(baliecontact, '?zaaktype=MELDING-OPENBARE-RUIMTE'));
    const base = { _formulier: hidden(form.body, '_formulier'), _zaaktype: 'MELDING-OPENBARE-RUIMTE', _getoond: hidden(form.body, '_getoond'), _actie: 'indienen' };
    const empty = await post(url(baliecontact), { ...base, ...MELDING, categorie: '', 'adres--postcode': '12', email: 'geen' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('id="veld-categorie-fout"');
    expect(empty.body).toContain('id="veld-adres-fout"');
    expect(empty.body).toContain('id="veld-email-fout"');
    expect(empty.body).toContain('href="#veld-categorie-0"');
    expect(empty.body).toContain('Losse stoeptegel voor nummer 12.');

    const gevaarlijk = await post(url(baliecontact), { ...base, ...MELDING, gevaarlijk: 'ja' });
    expect(gevaarlijk.statusCode).toBe(200);
    expect(gevaarlijk.body).toContain('zijn er vragen bijgekomen');
    expect(gevaarlijk.body).toContain('name="gevaar-uitleg"');
    expect(hidden(gevaarlijk.body, '_getoond')).toContain('gevaar-uitleg');
    expect(await database.db.selectFrom('eformulier_inzendingen').select('sleutel').where('tenant_id', '=', tenant.id).execute()).toHaveLength(0);
  });

  it('makes the same zaak as the portal would, with the channel recorded and linked to the contact, once', async () => {
    const form = await get(url(baliecontact, '?zaaktype=MELDING-OPENBARE-RUIMTE'));
    const payload = { _formulier: hidden(form.body, '_formulier'), _zaaktype: 'MELDING-OPENBARE-RUIMTE', _getoond: hidden(form.body, '_getoond'), _actie: 'indienen', ...MELDING };
    const first = await post(url(baliecontact), payload);
    expect(first.statusCode, first.body).toBe(303);
    const second = await post(url(baliecontact), payload);
    expect(second.statusCode).toBe(303);
    expect(second.headers.location).toBe(first.headers.location);

    const confirmation = await get(String(first.headers.location));
    expect(confirmation.statusCode).toBe(200);
    const inzendingen = await database.db.selectFrom('eformulier_inzendingen').selectAll().where('tenant_id', '=', tenant.id).execute();
    expect(inzendingen).toHaveLength(1);
    const inzending = inzendingen[0];
    expect(inzending).toMatchObject({ kanaal: 'balie', soort: 'bsn', identificatie: BSN });
    expect(confirmation.body).toContain(`<strong>${String(inzending?.zaak_identificatie)}</strong>`);
    const zaakUuid = String(inzending?.zaak_uuid);
    const zaak = await database.db.selectFrom('zaken').select(['data']).where('uuid', '=', zaakUuid).executeTakeFirstOrThrow();
    expect(zaak.data.toelichting).toContain('via balie');
    const status = await database.db.selectFrom('statussen').select('statustoelichting').where('zaak_uuid', '=', zaakUuid).executeTakeFirstOrThrow();
    expect(status.statustoelichting).toBe('Ontvangen via balie');

    // The same answers through the portal's channel: the same eigenschappen and the same initiator.
    const storage = createDocumentStorage(dataDir);
    const portaal = await submitAanvraag({ db: database.db, keys: test.keys, storage }, {
      tenant,
      origin: { protocol: 'http', host: hostOf(tenant) },
      trace: traceFromHeader(undefined),
      kanaal: 'portaal',
      sleutel: randomUUID(),
      zaaktypeIdentificatie: 'MELDING-OPENBARE-RUIMTE',
      definitie: MELDING_OPENBARE_RUIMTE,
      antwoorden: { categorie: 'Bestrating', omschrijving: 'Losse stoeptegel voor nummer 12.', gevaarlijk: 'nee', adres: { postcode: '1234 AB', huisnummer: '12', toevoeging: '' }, email: 'suzanne@voorbeeld.nl' },
      bestanden: [],
      aanvrager: { soort: 'bsn', identificatie: BSN, naam: 'Suzanne Moulin' },
    });
    const eigenschappen = async (uuid: string) => (await database.db.selectFrom('zaakeigenschappen').select(['eigenschap_uuid', 'waarde']).where('zaak_uuid', '=', uuid).orderBy('eigenschap_uuid').execute());
    expect(await eigenschappen(zaakUuid)).toEqual(await eigenschappen(portaal.zaakUuid));
    expect((await eigenschappen(zaakUuid)).length).toBeGreaterThan(0);
    const rollen = async (uuid: string) => (await database.db.selectFrom('rollen').select(['roltype_uuid', 'betrokkene_type', 'omschrijving_generiek', 'inp_bsn']).where('zaak_uuid', '=', uuid).orderBy('roltype_uuid').execute());
    expect(await rollen(zaakUuid)).toEqual(await rollen(portaal.zaakUuid));
    expect((await rollen(zaakUuid))[0]).toMatchObject({ omschrijving_generiek: 'initiator', inp_bsn: BSN });

    // The klantcontact now names the zaak, as an external KCC tool reads it.
    const onderwerpen = (await api.call('GET', `/onderwerpobjecten?klantcontact__uuid=${baliecontact}`, '/onderwerpobjecten')).json() as { count: number; results: Json[] };
    expect(onderwerpen.count).toBe(1);
    expect(onderwerpen.results[0]).toMatchObject({ onderwerpobjectidentificator: { ...ZAAK_ONDERWERP, objectId: inzending?.zaak_url } });
    const logged = await database.db.selectFrom('processing_log').select(['processing_activity_id']).where('tenant_id', '=', tenant.id).where('name', '=', 'aanvraag-namens-indienen').execute();
    expect(logged).toEqual([{ processing_activity_id: 'zaak-behandelen' }]);
  });

  it('shows a confirmation only for a submission of this contact', async () => {
    const other = (await registreerKlantcontact({ db: database.db, keys: test.keys }, tenant, { kanaal: 'telefoon' })).klantcontactUuid;
    const inzending = await database.db.selectFrom('eformulier_inzendingen').select('sleutel').where('tenant_id', '=', tenant.id).where('kanaal', '=', 'balie').executeTakeFirstOrThrow();
    expect(inzending.sleutel.startsWith('kcc-')).toBe(true);
    const form = await get(url(baliecontact, '?zaaktype=MELDING-OPENBARE-RUIMTE'));
    expect((await get(url(other, `/ingediend/${hidden(form.body, '_formulier')}`))).statusCode).toBe(404);
  });
});
