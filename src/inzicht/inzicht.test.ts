import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Tenant } from '../platform/database/schema.ts';
import { createTestDatabase, type TestDatabase } from '../../test/database.ts';
import { createTestApp, createTestTenant, type TestApp } from '../../test/fixtures.ts';
import { signInStaff, type SignedInStaff } from '../../test/staff-session.ts';
import { verversAlles, vraagVolledigeVerversing } from './aggregaten/verversen.ts';
import { teamsVan, zaaktypenVan } from './cijfers/zaaktypen.ts';
import { openDataRijen } from './cijfers/open-data.ts';
import type { Dashboard } from './dashboard.ts';
import type { DashboardContext } from './dashboards/context.ts';
import { dienstverleningDashboard } from './dashboards/dienstverlening.ts';
import { kanalenDashboard } from './dashboards/kanalen.ts';
import { kccDashboard } from './dashboards/kcc.ts';
import { kennisbankDashboard } from './dashboards/kennisbank.ts';
import { volwassenheidDashboard } from './dashboards/volwassenheid.ts';
import type { Filters } from './filters.ts';
import { insertInzichtDataset, type InzichtDataset } from './inzicht-test-dataset.ts';
import { celTekst, type Cel } from './weergave/tabel.ts';

const VANDAAG = '2026-11-24';
const JANUARI: Filters = { van: '2026-01-05', tot: '2026-01-25' };
const LEEG: Filters = { van: '2025-01-01', tot: '2025-01-31' };

/** A table's rows as text, as the page shows them (links by their text). */
function rijen(dashboard: Dashboard, id: string): string[][] {
  const tabel = dashboard.secties.flatMap((sectie) => sectie.tabellen).find((item) => item.id === id);
  if (!tabel) throw new Error(`no table ${id}`);
  return tabel.rijen.map((rij: Cel[]) => rij.map(celTekst));
}

function kerncijfers(dashboard: Dashboard, sectie: string): Record<string, string> {
  return Object.fromEntries((dashboard.secties.find((item) => item.id === sectie)?.kerncijfers ?? []).map((cijfer) => [cijfer.label, cijfer.waarde]));
}

describe('inzicht dashboards on a known data set', () => {
  let database: TestDatabase;
  let test: TestApp;
  let tenant: Tenant;
  let other: Tenant;
  let data: InzichtDataset;
  let teamleider: SignedInStaff;
  let beheerder: SignedInStaff;
  let kcc: SignedInStaff;
  let otherTeamleider: SignedInStaff;

  const context = async (filters: Filters, forTenant: Tenant = tenant): Promise<DashboardContext> => ({
    db: database.db,
    tenantId: forTenant.id,
    filters,
    vandaag: VANDAAG,
    zaaktypen: await zaaktypenVan(database.db, forTenant.id),
    teams: await teamsVan(database.db, forTenant.id),
    inlogmiddel: false,
  });

  beforeAll(async () => {
    database = await createTestDatabase();
    test = await createTestApp(database);
    tenant = await createTestTenant(database.db, 'Gemeente Inzicht');
    other = await createTestTenant(database.db, 'Gemeente Elders');
    data = await insertInzichtDataset(database.db, tenant);
    await verversAlles(database.db);
    teamleider = await signInStaff(test, tenant, { roles: ['teamleider'] });
    beheerder = await signInStaff(test, tenant, { roles: ['beheerder'] });
    kcc = await signInStaff(test, tenant, { roles: ['kcc'] });
    otherTeamleider = await signInStaff(test, other, { roles: ['teamleider'] });
  });
  afterAll(async () => {
    await test.app.close();
    await database.close();
  });

  it('shows the channel mix: requests and contacts per channel, per week and per product, and what is still phoned in', async () => {
    const dashboard = await kanalenDashboard(await context(JANUARI));
    expect(kerncijfers(dashboard, 'kanaalmix')).toEqual({ Aanvragen: '5', Contacten: '5', 'Aandeel digitaal aangevraagd': '50%' });
    expect(rijen(dashboard, 'kanalen-totaal')).toEqual([
      ['Online', '2', '0'],
      ['Telefoon', '1', '3'],
      ['Balie', '1', '1'],
      ['Chat', '0', '1'],
      ['Onbekend', '1', '0'],
    ]);
    expect(rijen(dashboard, 'aanvragen-tijd')).toEqual([
      ['5 jan', '1', '1', '1', '0', '0', '0', '0', '1', '33%'],
      ['12 jan', '1', '0', '0', '0', '0', '0', '0', '0', '100%'],
      ['19 jan', '0', '0', '0', '0', '0', '0', '0', '0', '–'],
    ]);
    expect(rijen(dashboard, 'contacten-tijd')[0]).toEqual(['5 jan', '0', '3', '1', '0', '1', '0', '0']);
    expect(rijen(dashboard, 'product-kanalen')).toEqual([
      ['Paspoort (Paspoort aanvragen)', '1', '1', '1', '0', '0', '0', '0', '1', '4', '33%'],
      ['Melding openbare ruimte', '1', '0', '0', '0', '0', '0', '0', '0', '1', '100%'],
    ]);
    expect(rijen(dashboard, 'nog-niet-digitaal')).toEqual([['Paspoort (Paspoort aanvragen)', '1', '1', '1']]);
  });

  it('applies the zaaktype, channel and team filters to the requests', async () => {
    const perTeam = await kanalenDashboard(await context({ ...JANUARI, team: data.teamId }));
    expect(kerncijfers(perTeam, 'kanaalmix').Aanvragen).toBe('4');
    const zaaktypeB = await kanalenDashboard(await context({ ...JANUARI, zaaktype: 'ZT-B' }));
    expect(rijen(zaaktypeB, 'product-kanalen')).toEqual([['Melding openbare ruimte', '1', '0', '0', '0', '0', '0', '0', '0', '1', '100%']]);
    const telefoon = await kanalenDashboard(await context({ ...JANUARI, kanaal: 'telefoon' }));
    expect(rijen(telefoon, 'kanalen-totaal')).toEqual([['Telefoon', '1', '3']]);
  });

  it('shows service delivery: opened and closed per week, doorlooptijd against the norms, backlog per team, suspensions', async () => {
    const dashboard = await dienstverleningDashboard(await context(JANUARI));
    expect(rijen(dashboard, 'zaken-tijd')).toEqual([['5 jan', '4', '0'], ['12 jan', '1', '2'], ['19 jan', '0', '1']]);
    expect(kerncijfers(dashboard, 'doorlooptijd')).toEqual({ Mediaan: '10 dagen', '90% binnen': '20 dagen', 'Binnen wettelijke termijn': '50%' });
    expect(rijen(dashboard, 'doorlooptijden')).toEqual([
      ['Paspoort (Paspoort aanvragen)', '2', '10 d', '20 d', '28 d', '50%', '56 d', '50%'],
      ['Melding openbare ruimte', '1', '0 d', '0 d', '–', '–', '14 d', '–'],
      ['Alle zaaktypen', '3', '10 d', '20 d', '–', '50%', '–', '50%'],
    ]);
    // z3 is past its deadline; z4 (reopened) is open and suspended now.
    expect(rijen(dashboard, 'werkvoorraad-teams')).toEqual([['Burgerzaken', '2', '1', '1']]);
    // z3 suspended twice, z4 once (running): two zaken, three suspensions; z3 extended; z4 reopened.
    expect(rijen(dashboard, 'termijnbewaking')).toEqual([
      ['Gestart', '5', '100%'],
      ['Opgeschort (minstens één keer)', '2', '40%'],
      ['Opschortingen in totaal', '3', '–'],
      ['Verlengd', '1', '20%'],
      ['Heropend', '1', '20%'],
    ]);
  });

  it('shows the KCC: contacts per hour and channel, first-contact resolution, contactverzoeken', async () => {
    const dashboard = await kccDashboard(await context(JANUARI));
    expect(rijen(dashboard, 'contacten-per-uur')).toEqual([
      ['09:00–10:00', '3', '0', '0', '3'],
      ['14:00–15:00', '0', '1', '1', '2'],
    ]);
    expect(kerncijfers(dashboard, 'eerste-contact')).toEqual({ 'Opgelost bij eerste contact': '75%' });
    expect(rijen(dashboard, 'eerste-contact-kanaal')).toEqual([
      ['Telefoon', '3', '3', '2', '67%'],
      ['Balie', '1', '1', '1', '100%'],
      ['Chat', '1', '0', '0', '–'],
    ]);
    expect(kerncijfers(dashboard, 'contactverzoeken')).toEqual({ 'Open nu': '1', 'Over de deadline nu': '1', 'Gemiddelde tijd tot oppakken': '30 min' });
    expect(rijen(dashboard, 'contactverzoeken-cijfers')).toEqual([
      ['Doorgezet in de periode', '2', '–'],
      ['Opgepakt', '1', '50%'],
      ['Binnen 24 uur opgepakt', '1', '50%'],
      ['Afgehandeld', '1', '50%'],
      ['Na de deadline afgehandeld', '1', '100%'],
      ['Open (vandaag)', '1', '–'],
      ['Over de deadline (vandaag)', '1', '100%'],
    ]);
  });

  it('shows the kennisbank: top queries, queries without result or click, lowest rated, past review', async () => {
    const dashboard = await kennisbankDashboard(await context(JANUARI));
    expect(rijen(dashboard, 'top-zoektermen')).toEqual([['paspoort', '3', '0', '1', 'Artikel schrijven'], ['kliko', '2', '2', '0', 'Artikel schrijven']]);
    expect(rijen(dashboard, 'zonder-resultaat')).toEqual([['kliko', '2', '2', '0', 'Artikel schrijven']]);
    expect(rijen(dashboard, 'zonder-klik')).toEqual([['paspoort', '3', '0', '1', 'Artikel schrijven']]);
    expect(rijen(dashboard, 'laagst-beoordeeld')).toEqual([['Paspoort', '1', '2', '67%']]);
    expect(rijen(dashboard, 'review-verlopen')).toEqual([['Kapvergunning', '1 januari 2026']]);
    // Through the KCC 'paspoort' was asked once: a one-off query is not listed.
    const kcc = await kennisbankDashboard(await context({ ...JANUARI, zoekkanaal: 'kcc' }));
    expect(rijen(kcc, 'top-zoektermen')).toEqual([]);
    const portaal = await kennisbankDashboard(await context({ ...JANUARI, zoekkanaal: 'portaal' }));
    // Equal counts: alphabetical.
    expect(rijen(portaal, 'top-zoektermen')).toEqual([['kliko', '2', '2', '0', 'Artikel schrijven'], ['paspoort', '2', '0', '0', '']]);
  });

  it('scores digitale volwassenheid per product and overall', async () => {
    const dashboard = await volwassenheidDashboard(await context(JANUARI));
    expect(kerncijfers(dashboard, 'overzicht')).toEqual({ 'Score over alle producten': '40%', Producten: '2', 'Eerst verbeteren': 'Met DigiD of eHerkenning (2 producten)' });
    expect(rijen(dashboard, 'producten-score').map((rij) => rij.slice(0, 7))).toEqual([
      ['Kapvergunning', 'nee', 'nee', 'nee', 'nee', 'nee', '0 van 5'],
      ['Paspoort', 'ja', 'nee', 'ja', 'ja', 'ja', '4 van 5'],
    ]);
    const metInloggen = await volwassenheidDashboard({ ...(await context(JANUARI)), inlogmiddel: true });
    expect(kerncijfers(metInloggen, 'overzicht')['Score over alle producten']).toBe('50%');
  });

  it('shows zeros and empty tables for a period without data', async () => {
    const kanalen = await kanalenDashboard(await context(LEEG));
    expect(kerncijfers(kanalen, 'kanaalmix')).toEqual({ Aanvragen: '0', Contacten: '0', 'Aandeel digitaal aangevraagd': 'geen aanvragen met bekend kanaal' });
    expect(rijen(kanalen, 'kanalen-totaal')).toEqual([]);
    const dienst = await dienstverleningDashboard(await context(LEEG));
    expect(rijen(dienst, 'doorlooptijden')).toEqual([]);
    expect(kerncijfers(dienst, 'doorlooptijd').Mediaan).toBe('geen zaken');
    expect(rijen(dienst, 'termijnbewaking')[0]).toEqual(['Gestart', '0', '–']);
    expect(rijen(await kccDashboard(await context(LEEG)), 'contacten-per-uur')).toEqual([]);
    expect(rijen(await kennisbankDashboard(await context(LEEG)), 'top-zoektermen')).toEqual([]);
  });

  it('suppresses open-data counts below ten', async () => {
    const rijenOpenData = await openDataRijen(database.db, tenant.id, { van: '2026-01-01', tot: '2026-02-28' }, await zaaktypenVan(database.db, tenant.id));
    expect(rijenOpenData.map((rij) => [rij.maand, rij.zaaktype, rij.kanaal, rij.aanvragen, rij.afgehandeld])).toEqual([
      ['2026-01', 'ZT-A', 'balie', null, 0],
      ['2026-01', 'ZT-A', 'onbekend', null, 0],
      ['2026-01', 'ZT-A', 'online', null, null],
      ['2026-01', 'ZT-A', 'telefoon', null, null],
      ['2026-01', 'ZT-B', 'online', null, null],
      ['2026-02', 'ZT-B', 'online', 12, 12],
    ]);
  });

  it('follows changes incrementally and gives the same figures as a full rebuild', async () => {
    // Reopen z1 and delete z2: both leave the closed figures, z1 joins the backlog past its deadline.
    await database.db.updateTable('zaken').set({ einddatum: null }).where('uuid', '=', data.zaken.z1).execute();
    await database.db.deleteFrom('zaken').where('uuid', '=', data.zaken.z2).execute();
    const verwerkt = await verversAlles(database.db);
    expect(verwerkt.zaken).toBe(2);
    const dashboard = await dienstverleningDashboard(await context(JANUARI));
    expect(rijen(dashboard, 'zaken-tijd')).toEqual([['5 jan', '3', '0'], ['12 jan', '1', '1'], ['19 jan', '0', '0']]);
    expect(rijen(dashboard, 'werkvoorraad-teams')).toEqual([['Burgerzaken', '3', '2', '1']]);

    const snapshot = async () =>
      (await sql<{ rij: string }>`SELECT t::text AS rij FROM (
        SELECT 'd', tenant_id, dag::text, zaaktype_identificatie, kanaal, geopend, opgeschort, opschortingen, verlengd, heropend, 0 FROM inzicht_zaken_per_dag
        UNION ALL SELECT 'a', tenant_id, dag::text, zaaktype_identificatie, kanaal, doorlooptijd_dagen, aantal, met_servicenorm, binnen_servicenorm, met_termijn, binnen_termijn FROM inzicht_afgehandeld_per_dag
        UNION ALL SELECT 'o', tenant_id, termijn::text, zaaktype_identificatie, kanaal, aantal, opgeschort, 0, 0, 0, 0 FROM inzicht_openstaand
        UNION ALL SELECT 'k', tenant_id, dag::text, uur::text, kanaal, aantal, gesloten, eerste_contact, 0, 0, 0 FROM inzicht_kcc_per_uur
        UNION ALL SELECT 'z', tenant_id, dag::text, zoekterm, kanaal, aantal, zonder_resultaat, zonder_klik, 0, 0, 0 FROM inzicht_zoekopdrachten_per_dag
      ) t WHERE t.tenant_id = ${tenant.id} ORDER BY 1`.execute(database.db)).rows.map((row) => row.rij);
    const incrementeel = await snapshot();
    await vraagVolledigeVerversing(database.db, tenant.id);
    await verversAlles(database.db);
    expect(await snapshot()).toEqual(incrementeel);
  });

  it('serves the dashboards to the right roles only, with charts, tables and CSV downloads, per tenant', async () => {
    const get = (who: SignedInStaff, url: string) => test.app.inject({ method: 'GET', url, headers: who.headers });
    for (const naam of ['kanalen', 'dienstverlening', 'kcc', 'kennisbank', 'volwassenheid']) {
      const page = await get(teamleider, `/medewerker/inzicht/${naam}?van=2026-01-05&tot=2026-01-25`);
      expect(page.statusCode, naam).toBe(200);
      expect(page.body, naam).toContain('role="img"');
      expect(page.body, naam).toContain('<caption');
      expect((await get(kcc, `/medewerker/inzicht/${naam}`)).statusCode, naam).toBe(403);
    }
    expect((await get(beheerder, '/medewerker/inzicht/kennisbank')).statusCode).toBe(200);
    expect((await get(beheerder, '/medewerker/inzicht/dienstverlening')).statusCode).toBe(403);
    const index = await get(beheerder, '/medewerker/inzicht');
    expect(index.body).toContain('/medewerker/inzicht/volwassenheid');
    expect(index.body).not.toContain('/medewerker/inzicht/dienstverlening');

    const csv = await get(teamleider, '/medewerker/inzicht/kcc/csv?van=2026-01-05&tot=2026-01-25&tabel=eerste-contact-kanaal');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toBe('\uFEFFKanaal;Contacten;Afgesloten;Opgelost bij eerste contact;Aandeel\r\nTelefoon;3;3;2;67%\r\nBalie;1;1;1;100%\r\nChat;1;0;0;\r\n');
    expect((await get(teamleider, '/medewerker/inzicht/kcc/csv?tabel=bestaat-niet')).statusCode).toBe(404);

    const fout = await get(teamleider, '/medewerker/inzicht/kanalen?van=2026-02-30');
    expect(fout.statusCode).toBe(400);
    expect(fout.body).toContain('Vul de begindatum in zoals 2027-01-31.');
    expect(fout.body).toContain('aria-invalid="true"');
    expect((await get(teamleider, '/medewerker/inzicht/kanalen?onbekend=1')).statusCode).toBe(400);

    const json = await get(teamleider, '/medewerker/inzicht/open-data.json?van=2026-02-01&tot=2026-02-28');
    expect(JSON.parse(json.body).rijen).toEqual([{ maand: '2026-02', zaaktype: 'ZT-B', product: 'Melding openbare ruimte', kanaal: 'online', aanvragen: 12, afgehandeld: 12 }]);
    const openCsv = await get(teamleider, '/medewerker/inzicht/open-data.csv?van=2026-01-01&tot=2026-01-31');
    expect(openCsv.body).toContain('2026-01;ZT-A;Paspoort (Paspoort aanvragen);balie;;0\r\n');

    // Another municipality sees none of these figures.
    const elders = await get(otherTeamleider, '/medewerker/inzicht/dienstverlening?van=2026-01-05&tot=2026-01-25');
    expect(elders.statusCode).toBe(200);
    expect(elders.body).not.toContain('Burgerzaken');
    expect(elders.body).toContain('geen afgehandelde zaken in deze periode.');
  });
});
