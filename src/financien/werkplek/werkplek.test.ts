import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tenant } from '../../platform/database/schema.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { createTestApp, createTestTenant, hostOf, type TestApp } from '../../../test/fixtures.ts';
import { signInStaff, type SignedInStaff } from '../../../test/staff-session.ts';
import { waitUntil } from '../../../test/wait-until.ts';
import { seedDemoFinancien } from '../demo/seed.ts';
import { listVerbondenPartijen } from '../verbonden-partijen/verbonden-partijen.ts';
import { listRisicos } from '../weerstand/risicos.ts';

function multipart(fields: Record<string, string>, file: { naam: string; tekst: string }): { payload: string; contentType: string } {
  const boundary = 'loketgrens1234';
  const parts = Object.entries(fields).map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  parts.push(`--${boundary}\r\nContent-Disposition: form-data; name="bestand"; filename="${file.naam}"\r\nContent-Type: text/csv\r\n\r\n${file.tekst}\r\n`);
  return { payload: `${parts.join('')}--${boundary}--\r\n`, contentType: `multipart/form-data; boundary=${boundary}` };
}

describe('the finance pages of the staff workspace and Begroting in beeld', () => {
  let database: TestDatabase;
  let test: TestApp;
  let tenant: Tenant;
  let other: Tenant;
  let controller: SignedInStaff;
  let bestuur: SignedInStaff;
  let kcc: SignedInStaff;
  let otherController: SignedInStaff;

  beforeAll(async () => {
    database = await createTestDatabase();
    test = await createTestApp(database);
    tenant = await createTestTenant(database.db, 'Gemeente Voorbeeld');
    other = await createTestTenant(database.db, 'Gemeente Ander');
    await seedDemoFinancien(database.db, tenant.id);
    controller = await signInStaff(test, tenant, { roles: ['controller'] });
    bestuur = await signInStaff(test, tenant, { roles: ['bestuur'] });
    kcc = await signInStaff(test, tenant, { roles: ['kcc'] });
    otherController = await signInStaff(test, other, { roles: ['controller'] });
  });
  afterAll(async () => {
    await test.app.close();
    await database.close();
  });

  const get = (who: SignedInStaff, url: string) => test.app.inject({ method: 'GET', url, headers: who.headers });
  const post = (who: SignedInStaff, url: string, payload: Record<string, string>) => test.app.inject({ method: 'POST', url, headers: who.headers, payload: { _csrf: who.csrfToken, ...payload } });

  it('shows the structural balance, the verdict and the kengetallen, also as adopted on an earlier day', async () => {
    const actueel = await get(controller, '/medewerker/financien');
    expect(actueel.statusCode).toBe(200);
    expect(actueel.body).toContain('= Structureel begrotingssaldo');
    expect(actueel.body).toContain('−1.650.000');
    expect(actueel.body).toContain('repressief toezicht');
    expect(actueel.body).toContain('Netto schuldquote');
    expect(actueel.body).toContain('Begroting importeren');
    const primitief = await get(controller, '/medewerker/financien?jaar=2027&peildatum=2027-01-01');
    expect(primitief.body).toContain('zoals vastgesteld op <strong>5 november 2026</strong>');
    expect(primitief.body).toContain('−1.200.000');
    const csv = await get(controller, '/medewerker/financien/export.csv?jaar=2027');
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('taakveld;taakveldnaam;categorie;jaar;lasten;baten;saldo');
  });

  it('lets college and raad read the overviews without any form, and keeps other roles out', async () => {
    for (const url of ['/medewerker/financien', '/medewerker/financien/risicos', '/medewerker/financien/weerstandsvermogen', '/medewerker/financien/verbonden-partijen', '/medewerker/financien/maatregelen']) {
      const page = await get(bestuur, url);
      expect(page.statusCode, url).toBe(200);
      expect(page.body, url).not.toContain('<form class="loket-form" method="post"');
      expect(page.body, url).not.toContain('Begroting importeren');
      expect((await get(kcc, url)).statusCode, url).toBe(403);
    }
    expect((await get(bestuur, '/medewerker/financien/risicos/nieuw')).statusCode).toBe(403);
    expect((await get(bestuur, '/medewerker/financien/importeren')).statusCode).toBe(403);
    expect((await post(bestuur, '/medewerker/financien/risicos/nieuw', { naam: 'Poging', kans: '10', impact: '1000', structureel: 'nee' })).statusCode).toBe(403);
    expect((await test.app.inject({ method: 'GET', url: '/medewerker/financien', headers: { host: hostOf(tenant) } })).statusCode).not.toBe(200);
  });

  it('reports every problem of the risk form beside its field and stores a correct risk', async () => {
    const refused = await post(controller, '/medewerker/financien/risicos/nieuw', { naam: '', kans: '120', impact: '1.234', structureel: '' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('<title>Fout: Nieuw risico');
    expect(refused.body).toContain('Vul de naam van het risico in.');
    expect(refused.body).toContain('Vul de kans in als een percentage van 0 tot en met 100');
    expect(refused.body).toContain('dubbelzinnig');
    expect(refused.body).toContain('Kies of het risico structureel of incidenteel is.');
    const saved = await post(controller, '/medewerker/financien/risicos/nieuw', { naam: 'Faillissement aannemer', kans: '12,5', impact: '400.000,00', structureel: 'nee', eigenaar: 'Wethouder ruimte' });
    expect(saved.statusCode).toBe(303);
    const risico = (await listRisicos(database.db, tenant.id)).find((item) => item.naam === 'Faillissement aannemer');
    expect(risico).toMatchObject({ kansProcent: 12.5, impactCenten: 40_000_000, structureel: false });
    expect((await get(controller, '/medewerker/financien/risicos')).body).toContain('Faillissement aannemer');
  });

  it('keeps each municipality\'s register to itself', async () => {
    const risico = (await listRisicos(database.db, tenant.id))[0];
    expect(risico).toBeDefined();
    expect((await get(otherController, `/medewerker/financien/risicos/${risico?.uuid ?? ''}`)).statusCode).toBe(404);
    const edit = await post(otherController, `/medewerker/financien/risicos/${risico?.uuid ?? ''}`, { naam: 'Overgenomen', kans: '1', impact: '1', structureel: 'nee' });
    expect(edit.statusCode).toBe(404);
    expect((await get(otherController, '/medewerker/financien/risicos')).body).not.toContain(risico?.naam ?? '');
    expect((await get(otherController, '/medewerker/financien/verbonden-partijen')).body).not.toContain('Veiligheidsregio');
    expect((await get(otherController, '/medewerker/financien')).body).toContain('Er is nog geen begroting ingelezen.');
  });

  it('shows the effect of the voorgestelde maatregelen on the structural balance before adoption', async () => {
    const page = await get(bestuur, '/medewerker/financien/maatregelen?haalbaarheid=hoog');
    expect(page.statusCode).toBe(200);
    // Only "Herijking subsidies" (0.4 million from 2028) has high feasibility: 2027 unchanged, 2028 −750,000 + 400,000.
    expect(page.body).toContain('1 maatregel in dit scenario');
    expect(page.body).toContain('2027 € 0, 2028 € 400.000');
    expect(page.body).toContain('−350.000');
    const refused = await post(controller, '/medewerker/financien/maatregelen/nieuw', { naam: 'Leeg', soort: 'ombuiging', status: 'voorgesteld', haalbaarheid: 'hoog', effect_op: 'lasten', structureel: 'ja', taakveld: '6.2' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Taakveld 6.2 bestaat tot en met 2024');
  });

  it('saves the weerstandscapaciteit and computes the ratio from the seeded simulation', async () => {
    const refused = await post(controller, '/medewerker/financien/weerstandscapaciteit?jaar=2027', { algemene_reserve: '-5', vrij_bestemmingsreserves: '', onvoorzien: '250000', onbenutte_belastingcapaciteit: '4100000' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('kan niet negatief zijn');
    const saved = await post(controller, '/medewerker/financien/weerstandscapaciteit?jaar=2027', { algemene_reserve: '16000000', vrij_bestemmingsreserves: '3200000', onvoorzien: '250000', onbenutte_belastingcapaciteit: '4100000' });
    expect(saved.statusCode).toBe(303);
    const page = await get(bestuur, '/medewerker/financien/weerstandsvermogen?jaar=2027');
    expect(page.body).toContain('€ 23.550.000');
    expect(page.body).toContain('10.000 trekkingen');
    expect(page.body).toMatch(/Weerstandsratio: \d+,\d\d, klasse [A-F]/);
  });

  it('stores the kengetal inputs of a year, an empty field removing the input', async () => {
    const refused = await post(controller, '/medewerker/financien/kengetallen/invoer?jaar=2031', { vasteSchulden: 'veel' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Vaste schulden (a): &quot;veel&quot; is geen bedrag');
    expect((await post(controller, '/medewerker/financien/kengetallen/invoer?jaar=2031', { vasteSchulden: '95000000', balanstotaal: '' })).statusCode).toBe(303);
    const rows = await database.db.selectFrom('kengetal_invoer').select(['veld', 'bedrag_centen']).where('tenant_id', '=', tenant.id).where('jaar', '=', 2031).execute();
    expect(rows.map((row) => [row.veld, Number(row.bedrag_centen)])).toEqual([['vasteSchulden', 9_500_000_000]]);
    expect((await get(bestuur, '/medewerker/financien/kengetallen/invoer?jaar=2031')).statusCode).toBe(403);
  });

  it('imports nothing from a file with a bad row and names the row; imports a correct file as a new version', async () => {
    const fields = { soort: 'begrotingswijziging', jaar: '2027', naam: 'Najaarsnota 2027', raadsbesluit: '2027-099', vastgesteld: '2027-11-12', kwartaal: '' };
    const header = 'jaar;programma;taakveld;categorie;soort;bedrag;structureel;reserve;omschrijving';
    const bad = multipart({ _csrf: controller.csrfToken, ...fields }, { naam: 'najaarsnota.csv', tekst: `${header}\n2027;Sociaal domein;6.3;3.4.1;lasten;100000;ja;;Bijstand\n2027;Sociaal domein;6.3;3.4.1;kosten;1,234;ja;;Fout\n` });
    const started = await test.app.inject({ method: 'POST', url: '/medewerker/financien/importeren', headers: { ...controller.headers, 'content-type': bad.contentType }, payload: bad.payload });
    expect(started.statusCode).toBe(303);
    const jobUrl = String(started.headers.location);
    await waitUntil('the import has ended', async () => !(await get(controller, jobUrl)).body.includes('Import bezig'));
    const failed = await get(controller, jobUrl);
    expect(failed.body).toContain('niets geïmporteerd');
    expect(failed.body).toContain('<td>3</td><td>soort</td>');
    expect(failed.body).toContain('<td>3</td><td>bedrag</td>');
    const versies = await database.db.selectFrom('begrotingsversies').select('naam').where('tenant_id', '=', tenant.id).execute();
    expect(versies.map((versie) => versie.naam)).not.toContain('Najaarsnota 2027');

    const good = multipart({ _csrf: controller.csrfToken, ...fields }, { naam: 'najaarsnota.csv', tekst: `${header}\n2027;Sociaal domein;6.3;3.4.1;lasten;100000;ja;;Bijstand\n` });
    const second = await test.app.inject({ method: 'POST', url: '/medewerker/financien/importeren', headers: { ...controller.headers, 'content-type': good.contentType }, payload: good.payload });
    await waitUntil('the second import is done', async () => (await get(controller, String(second.headers.location))).body.includes('Import voltooid'));
    expect((await get(controller, '/medewerker/financien')).body).toContain('Najaarsnota 2027');

    const missing = multipart({ _csrf: controller.csrfToken, ...fields, soort: 'begrotingswijziging', raadsbesluit: '', vastgesteld: '12-11-2027' }, { naam: 'leeg.csv', tekst: '' });
    const refused = await test.app.inject({ method: 'POST', url: '/medewerker/financien/importeren', headers: { ...controller.headers, 'content-type': missing.contentType }, payload: missing.payload });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('nummer van het raadsbesluit');
    expect(refused.body).toContain('Vul de datum van vaststelling in');
    expect(refused.body).toContain('Het bestand is leeg.');
  });

  it('lets the controller set the municipality\'s own signal bands and rating table, naming every problem beside its field, and go back to the default', async () => {
    const url = '/medewerker/financien/signaalwaarden';
    expect((await get(bestuur, url)).statusCode).toBe(403);
    expect((await post(bestuur, `${url}/kengetallen/standaard`, {})).statusCode).toBe(403);
    const form = await get(controller, url);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('De gemeente gebruikt de signaalwaarden van de provincie (de standaard).');
    expect(form.body).toContain('name="nettoSchuldquote_laag" value="90"');
    expect(form.body).not.toContain('Terug naar de signaalwaarden van de provincie');

    const banden: Record<string, string> = {
      nettoSchuldquote_laag: '60', nettoSchuldquote_hoog: '80', nettoSchuldquoteGecorrigeerd_laag: '90', nettoSchuldquoteGecorrigeerd_hoog: '130',
      solvabiliteitsratio_laag: '20', solvabiliteitsratio_hoog: '50', structureleExploitatieruimte_laag: '0', structureleExploitatieruimte_hoog: '0',
      grondexploitatie_laag: '20', grondexploitatie_hoog: '35', belastingcapaciteit_laag: '95', belastingcapaciteit_hoog: '105',
    };
    const withoutToken = await test.app.inject({ method: 'POST', url: `${url}/kengetallen`, headers: controller.headers, payload: banden });
    expect(withoutToken.statusCode).toBe(403);
    const refused = await post(controller, `${url}/kengetallen`, { ...banden, nettoSchuldquote_hoog: '50', grondexploitatie_laag: 'twintig' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('<title>Fout: Signaalwaarden en waarderingstabel');
    expect(refused.body).toContain('id="nettoSchuldquote_hoog-fout"');
    expect(refused.body).toContain('de grenzen moeten oplopen');
    expect(refused.body).toContain('id="grondexploitatie_laag-fout"');
    expect(refused.body).toContain('value="twintig"');
    expect((await post(controller, `${url}/kengetallen`, banden)).statusCode).toBe(303);
    const overzicht = await get(bestuur, '/medewerker/financien');
    expect(overzicht.body).toContain('signaalklasse volgens de eigen signaalwaarden van de gemeente');
    expect(overzicht.body).toContain('A onder 60%, B 60% tot en met 80%, C boven 80%');
    expect(overzicht.body).toContain('A boven 0%, B gelijk aan 0%, C onder 0%');
    expect((await get(bestuur, '/medewerker/financien/maatregelen')).body).toContain('A onder 60%, B 60% tot en met 80%, C boven 80%');
    expect((await get(otherController, '/medewerker/financien/signaalwaarden')).body).toContain('de signaalwaarden van de provincie (de standaard)');

    const klassen = { klasse_1: 'Goed', vanaf_1: '5', betekenis_1: 'ruim voldoende', klasse_2: 'Matig', vanaf_2: '0,1', betekenis_2: 'voldoende', klasse_3: 'Slecht', vanaf_3: '', betekenis_3: 'onvoldoende' };
    const badTable = await post(controller, `${url}/weerstandsratio`, { ...klassen, vanaf_2: '6' });
    expect(badTable.statusCode).toBe(400);
    expect(badTable.body).toContain('id="vanaf_2-fout"');
    expect(badTable.body).toContain('moet lager zijn dan die van klasse Goed erboven (5)');
    expect((await post(controller, `${url}/weerstandsratio`, klassen)).statusCode).toBe(303);
    const weerstand = await get(bestuur, '/medewerker/financien/weerstandsvermogen?jaar=2027');
    expect(weerstand.body).toContain('eigen waarderingstabel van de gemeente');
    expect(weerstand.body).toMatch(/Weerstandsratio: \d+,\d\d, klasse Matig \(voldoende\)/);

    expect((await post(controller, `${url}/kengetallen/standaard`, {})).headers.location).toBe(`${url}?melding=banden-standaard`);
    expect((await post(controller, `${url}/weerstandsratio/standaard`, {})).statusCode).toBe(303);
    expect((await get(bestuur, '/medewerker/financien')).body).toContain('A onder 90%, B 90% tot en met 130%, C boven 130%');
    expect((await get(bestuur, '/medewerker/financien/weerstandsvermogen?jaar=2027')).body).toContain('gangbare waarderingstabel');
  });

  it('imports the kengetal inputs from a CSV file: nothing from a file with a bad row, which it names; all rows of a correct file', async () => {
    const url = '/medewerker/financien/kengetallen/importeren';
    const upload = (who: SignedInStaff, tekst: string, token = who.csrfToken) => {
      const body = multipart({ _csrf: token }, { naam: 'kengetallen.csv', tekst });
      return test.app.inject({ method: 'POST', url, headers: { ...who.headers, 'content-type': body.contentType }, payload: body.payload });
    };
    const stored = async () => (await database.db.selectFrom('kengetal_invoer').select(['veld', 'bedrag_centen']).where('tenant_id', '=', tenant.id).where('jaar', '=', 2032).orderBy('veld').execute()).map((row) => [row.veld, Number(row.bedrag_centen)]);
    const page = await get(controller, url);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<code>jaar;veld;bedrag</code>');
    expect(page.body).toContain('<code>niet_in_exploitatie_genomen_gronden</code>');
    expect((await get(bestuur, url)).statusCode).toBe(403);
    expect((await upload(controller, 'jaar;veld;bedrag\n2032;vaste_schulden;1\n', 'fout')).statusCode).toBe(403);

    const bad = await upload(controller, 'jaar;veld;bedrag\n2032;vaste_schulden;100000000\n2032;schulden;5\n2032;balanstotaal;1.000\n');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('kengetallen.csv: niets geïmporteerd, 2 problemen');
    expect(bad.body).toContain('<td>3</td><td>veld</td>');
    expect(bad.body).toContain('<td>4</td><td>bedrag</td>');
    expect(await stored()).toEqual([]);

    const good = await upload(controller, '\uFEFFjaar;veld;bedrag\r\n2032;vaste_schulden;100.000.000,00\r\n2032;balanstotaal;180000000\r\n');
    expect(good.statusCode).toBe(303);
    expect(good.headers.location).toBe(`${url}?geimporteerd=2`);
    expect((await get(controller, String(good.headers.location))).body).toContain('2 invoerwaarden geïmporteerd.');
    expect(await stored()).toEqual([['balanstotaal', 18_000_000_000], ['vasteSchulden', 10_000_000_000]]);

    const empty = await upload(controller, '');
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Het bestand is leeg.');
  });

  it('links each verbonden partij to its begrotingsregels by taakveld, categorie and omschrijving, and warns about a koppeling that finds nothing', async () => {
    const page = await get(bestuur, '/medewerker/financien/verbonden-partijen');
    expect(page.body).toContain('begrotingsregels met taakveld 1.1, categorie 4.4');
    expect(page.body).toContain('€ 3.400.000');
    expect(page.body).toContain('taakveld 5.3, omschrijving \u201cSubsidie Cultuurhuis\u201d');
    expect(page.body).not.toContain('Let op: geen begrotingsregel');
    const partij = (await listVerbondenPartijen(database.db, tenant.id)).find((item) => item.naam === 'Omgevingsdienst Voorbeeld');
    const edit = `/medewerker/financien/verbonden-partijen/${partij?.uuid ?? ''}`;
    const form = await get(controller, edit);
    expect(form.body).toContain('name="bijdrage_1_taakveld" value="7.4"');
    expect(form.body).toContain('name="bijdrage_1_categorie" value="4.4"');
    const refused = await post(controller, edit, { naam: 'Omgevingsdienst Voorbeeld', soort: 'gemeenschappelijke_regeling', bijdrage_1_taakveld: '7', bijdrage_2_categorie: '4,4' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('id="bijdrage_1_taakveld-fout"');
    expect(refused.body).toContain('is een hoofdtaakveld');
    expect(refused.body).toContain('id="bijdrage_2_taakveld-fout"');
    const saved = await post(controller, edit, { naam: 'Omgevingsdienst Voorbeeld', soort: 'gemeenschappelijke_regeling', bijdrage_1_taakveld: '7.4', bijdrage_1_categorie: '4.4', bijdrage_2_taakveld: '7.5', bijdrage_2_omschrijving: 'Bijdrage crematorium' });
    expect(saved.statusCode).toBe(303);
    const after = await get(bestuur, '/medewerker/financien/verbonden-partijen');
    expect(after.body).toContain('Let op: geen begrotingsregel past bij taakveld 7.5, omschrijving \u201cBijdrage crematorium\u201d');
    expect(after.body).toContain('€ 1.600.000');
  });

  it('publishes Begroting in beeld with charts, tables and downloads on the tenant\'s host', async () => {
    const page = await test.app.inject({ method: 'GET', url: '/begroting', headers: { host: hostOf(tenant) } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<svg class="bib-grafiek"');
    expect(page.body).toContain('role="img"');
    expect(page.body).toContain('per inwoner');
    expect(page.body).toContain('Sociaal domein');
    // Readable without JavaScript: the page sends none.
    expect(page.body).not.toContain('<script');
    const json = await test.app.inject({ method: 'GET', url: '/begroting/begroting-in-beeld.json', headers: { host: hostOf(tenant) } });
    const data = json.json<{ begrotingsjaar: number; rijen: { jaar: number; taakveld: string; lasten: number }[] }>();
    expect(data.begrotingsjaar).toBe(2027);
    expect(data.rijen.some((rij) => rij.jaar === 2026 && rij.taakveld === '6')).toBe(true);
    const csv = await test.app.inject({ method: 'GET', url: '/begroting/begroting-in-beeld.csv', headers: { host: hostOf(tenant) } });
    expect(csv.body).toContain('jaar;bron;taakveld;naam;lasten;baten;inwoners;lasten_per_inwoner');
    const elsewhere = await test.app.inject({ method: 'GET', url: '/begroting', headers: { host: hostOf(other) } });
    expect(elsewhere.body).toContain('De begroting is nog niet gepubliceerd.');
  });
});
