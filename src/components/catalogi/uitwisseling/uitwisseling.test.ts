import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditTrail } from '../../../platform/audit/repository.ts';
import { ProblemError } from '../../../platform/errors/problem.ts';
import { createTestTenant } from '../../../../test/fixtures.ts';
import { DEMO_CATALOGUS_FILE } from '../demo/gemeente-voorbeeld.ts';
import { createCatalogiTestKit, uuidOf, type CatalogiTestKit } from '../shared/test-kit.ts';
import { exportCatalogus, exportZaaktype } from './export.ts';
import { serializeExport, type Attributes } from './format.ts';
import { importCatalogus, NOT_IMPORTED } from './import.ts';
import { NOT_PUBLISHED, publishImport } from './publish.ts';
import { readExportFile } from './read-file.ts';
import { SELECTIELIJST_PUBLIC_BASE } from './selectielijst.ts';

const DEMO_TEXT = readFileSync(DEMO_CATALOGUS_FILE, 'utf8');
const demo = (): Attributes => JSON.parse(DEMO_TEXT) as Attributes;

type Json = Record<string, unknown>;

/** The problems of a refusal, as `name code` (or the code alone when it names no field). */
async function refusal(promise: Promise<unknown>): Promise<{ detail: string | undefined; problems: string[]; reasons: string[] }> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof ProblemError)) throw new Error(`expected a ProblemError, got ${String(error)}`);
  if (error.invalidParams.length === 0) return { detail: error.detail, problems: [error.code], reasons: [] };
  return { detail: error.detail, problems: error.invalidParams.map((problem) => `${problem.name} ${problem.code}`), reasons: error.invalidParams.map((problem) => problem.reason) };
}

function zaaktypenOf(file: Attributes): Attributes[] {
  return file.zaaktypen as Attributes[];
}

function zaaktype(file: Attributes, identificatie: string): Attributes {
  const found = zaaktypenOf(file).find((item) => item.identificatie === identificatie);
  if (!found) throw new Error(`no zaaktype ${identificatie}`);
  return found;
}

describe('catalogue import and export', () => {
  let t: CatalogiTestKit;

  beforeAll(async () => {
    t = await createCatalogiTestKit();
  });
  afterAll(async () => {
    await t.close();
  });

  async function count(table: 'catalogussen' | 'zaaktypen' | 'statustypen' | 'informatieobjecttypen', tenantId: string): Promise<number> {
    const row = await t.database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('count')).where('tenant_id', '=', tenantId).executeTakeFirstOrThrow();
    return Number(row.count);
  }

  it('imports the demo catalogue as concepts that the API serves, and exports it as the same file, byte for byte', async () => {
    const result = await importCatalogus(t.database.db, t.tenant, demo(), { base: t.base() });
    expect(result.catalogus.created).toBe(true);
    expect(result.zaaktypen).toHaveLength(8);
    expect(result.informatieobjecttypen.map((type) => type.naam)).toContain('Besluit');

    const catalogus = await t.call('GET', `/catalogussen/${result.catalogus.uuid}`, '/catalogussen/{uuid}', { token: t.tokens.reader });
    expect(catalogus.statusCode).toBe(200);
    expect(catalogus.json()).toMatchObject({ domein: 'VRBLD', naam: 'Zaaktypecatalogus Gemeente Voorbeeld' });
    const listed = await t.call('GET', `/zaaktypen?status=concept&catalogus=${t.base()}/catalogussen/${result.catalogus.uuid}`, '/zaaktypen', { token: t.tokens.reader });
    expect(listed.statusCode).toBe(200);
    const zaaktypen = (listed.json() as { results: Json[] }).results;
    expect(zaaktypen).toHaveLength(8);
    expect(zaaktypen.every((item) => item.concept === true)).toBe(true);
    const kap = zaaktypen.find((item) => item.identificatie === 'KAPVERGUNNING');
    expect(kap).toMatchObject({ doorlooptijd: 'P8W', verlengingstermijn: 'P6W', besluittypeOmschrijving: ['Omgevingsvergunning'] });
    const resultaattypen = await t.call('GET', `/resultaattypen?status=concept&zaaktype=${String(kap?.url)}`, '/resultaattypen', { token: t.tokens.reader });
    expect((resultaattypen.json() as { results: Json[] }).results.map((item) => item.omschrijving).sort()).toEqual(['Aanvraag ingetrokken', 'Geweigerd', 'Verleend']);

    const exported = serializeExport(await exportCatalogus(t.database.db, t.tenant.id, result.catalogus.uuid));
    expect(exported).toBe(DEMO_TEXT);
  });

  it('round trip: export → import into another tenant → export gives the same file', async () => {
    const source = await createTestTenant(t.database.db);
    const target = await createTestTenant(t.database.db);
    const first = await importCatalogus(t.database.db, source, demo());
    const exported = serializeExport(await exportCatalogus(t.database.db, source.id, first.catalogus.uuid));
    const second = await importCatalogus(t.database.db, target, JSON.parse(exported));
    expect(serializeExport(await exportCatalogus(t.database.db, target.id, second.catalogus.uuid))).toBe(exported);
  });

  it('keeps relations between zaaktypen by identificatie, creating a deelzaaktype before the zaaktype that names it', async () => {
    const tenant = await createTestTenant(t.database.db);
    const file = demo();
    // EVENEMENTENVERGUNNING comes before PARKEERVERGUNNING in the file; the API needs the deelzaaktype to exist first.
    zaaktype(file, 'EVENEMENTENVERGUNNING').deelzaaktypen = ['PARKEERVERGUNNING'];
    const imported = await importCatalogus(t.database.db, tenant, file);
    const exported = await exportCatalogus(t.database.db, tenant.id, imported.catalogus.uuid);
    const read = readExportFile(file);
    if (!read.file) throw new Error('file not read');
    expect(serializeExport(exported)).toBe(serializeExport(read.file));
    expect(zaaktype(JSON.parse(serializeExport(exported)) as Attributes, 'BEZWAARSCHRIFT').gerelateerdeZaaktypen).toHaveLength(3);
  });

  it('writes through the services: audit records by the importing application and notifications on the kanalen', async () => {
    const tenant = await createTestTenant(t.database.db);
    const before = await t.database.db.selectFrom('outbox').select((eb) => eb.fn.countAll<number>().as('count')).where('tenant_id', '=', tenant.id).executeTakeFirstOrThrow();
    const result = await importCatalogus(t.database.db, tenant, demo(), { actor: { applicatie: 'loket-cli', gebruiker: 'beheerder', toelichting: 'test-import' }, base: 'https://loket.example/catalogi/api/v1' });
    const [first] = result.zaaktypen;
    const trail = await listAuditTrail(t.database.db, tenant.id, `https://loket.example/catalogi/api/v1/zaaktypen/${first?.uuid ?? ''}`);
    expect(trail[0]).toMatchObject({ bron: 'ztc', actie: 'create', applicatie_id: 'loket-cli', gebruikers_weergave: 'beheerder', toelichting: 'test-import' });
    const after = await t.database.db.selectFrom('outbox').select((eb) => eb.fn.countAll<number>().as('count')).where('tenant_id', '=', tenant.id).executeTakeFirstOrThrow();
    // One notification per informatieobjecttype, besluittype and zaaktype created.
    expect(Number(after.count) - Number(before.count)).toBe(result.informatieobjecttypen.length + result.besluittypen.length + result.zaaktypen.length);
  });

  it('is all or nothing, and lists every problem by its place in the file', async () => {
    const tenant = await createTestTenant(t.database.db);
    const file = demo();
    const iots = file.informatieobjecttypen as Attributes[];
    iots[0] = { ...iots[0], vertrouwelijkheidaanduiding: 'topgeheim' };
    const bezwaar = zaaktype(file, 'BEZWAARSCHRIFT');
    bezwaar.besluittypen = ['Bestaat niet'];
    const kap = zaaktype(file, 'KAPVERGUNNING');
    kap.verlengingstermijn = null;
    // ztc-002: a resultaat of another procestype (15.1 Onderhouden en repareren) for a vergunning.
    const [verleend] = zaaktype(file, 'EVENEMENTENVERGUNNING').resultaattypen as Attributes[];
    if (verleend) verleend.selectielijstklasse = `${SELECTIELIJST_PUBLIC_BASE}/resultaten/d8b21822-3ff1-4414-b17b-cbfd662b40d8`;
    const { detail, problems } = await refusal(importCatalogus(t.database.db, tenant, file));
    expect(detail).toBe(NOT_IMPORTED);
    expect(problems).toEqual(
      expect.arrayContaining([
        'informatieobjecttypen[0].vertrouwelijkheidaanduiding enum',
        expect.stringMatching(/^zaaktypen\[0\]\.besluittypen /),
        expect.stringMatching(/^zaaktypen\[2\]\.verlengingstermijn /),
        expect.stringMatching(/^zaaktypen\[1\]\.resultaattypen\[\d\]\.selectielijstklasse /),
        // The refused informatieobjecttype (Aangifte) is missing where VERHUIZING names it, too.
        'zaaktypen[6].zaaktypeInformatieobjecttypen[0].informatieobjecttype relations-incorrect-catalogus',
      ]),
    );
    expect(problems, problems.join('\n')).toHaveLength(5);
    expect(await count('catalogussen', tenant.id)).toBe(0);
    expect(await count('informatieobjecttypen', tenant.id)).toBe(0);
    expect(await count('zaaktypen', tenant.id)).toBe(0);
  });

  it('refuses a file of another format before touching the database, naming the envelope', async () => {
    const tenant = await createTestTenant(t.database.db);
    const { problems } = await refusal(importCatalogus(t.database.db, tenant, { ...demo(), versie: 2 }));
    expect(problems).toEqual(['versie invalid']);
    expect(await count('catalogussen', tenant.id)).toBe(0);
  });

  it('adds to the tenant’s catalogus with the file’s domein and RSIN, or to the catalogus asked for', async () => {
    const tenant = await createTestTenant(t.database.db);
    const first = await importCatalogus(t.database.db, tenant, demo());
    const again = await importCatalogus(t.database.db, tenant, demo());
    expect(again.catalogus).toEqual({ uuid: first.catalogus.uuid, created: false });
    const other = await t.catalogus();
    const into = await importCatalogus(t.database.db, t.tenant, demo(), { catalogusUuid: uuidOf(other), base: t.base() });
    expect(into.catalogus).toEqual({ uuid: uuidOf(other), created: false });
    const { problems } = await refusal(importCatalogus(t.database.db, tenant, demo(), { catalogusUuid: uuidOf(other) }));
    expect(problems).toEqual(['not_found']);
  });

  it('exports one zaaktype with exactly the besluittypen and informatieobjecttypen it names, importable elsewhere', async () => {
    const tenant = await createTestTenant(t.database.db);
    const source = await importCatalogus(t.database.db, tenant, demo());
    const kap = source.zaaktypen.find((type) => type.naam === 'KAPVERGUNNING');
    const file = await exportZaaktype(t.database.db, tenant.id, kap?.uuid ?? '');
    expect(file.zaaktypen.map((item) => item.identificatie)).toEqual(['KAPVERGUNNING']);
    expect(file.besluittypen.map((item) => item.omschrijving)).toEqual(['Omgevingsvergunning']);
    expect(file.informatieobjecttypen.map((item) => item.omschrijving).sort()).toEqual(['Advies', 'Aanvraag', 'Besluit', 'Foto', 'Situatietekening'].sort());
    const text = serializeExport(file);
    const target = await createTestTenant(t.database.db);
    const imported = await importCatalogus(t.database.db, target, JSON.parse(text));
    const kapInTarget = imported.zaaktypen[0]?.uuid ?? '';
    expect(serializeExport(await exportZaaktype(t.database.db, target.id, kapInTarget))).toBe(text);
  });

  it('exports only the tenant’s own catalogue: another tenant’s uuid is not found', async () => {
    const tenant = await createTestTenant(t.database.db);
    const imported = await importCatalogus(t.database.db, tenant, demo());
    const stranger = await createTestTenant(t.database.db);
    expect((await refusal(exportCatalogus(t.database.db, stranger.id, imported.catalogus.uuid))).problems).toEqual(['not_found']);
    const [first] = imported.zaaktypen;
    expect((await refusal(exportZaaktype(t.database.db, stranger.id, first?.uuid ?? ''))).problems).toEqual(['not_found']);
  });

  it('publishes what it imported through the publish operations, in one transaction', async () => {
    const tenant = await createTestTenant(t.database.db);
    const imported = await importCatalogus(t.database.db, tenant, demo());
    await publishImport(t.database.db, tenant, imported);
    const concepts = await t.database.db
      .selectFrom('zaaktypen')
      .select('uuid')
      .where('tenant_id', '=', tenant.id)
      .where('concept', '=', true)
      .execute();
    expect(concepts).toEqual([]);
    const published = await t.database.db.selectFrom('besluittypen').select('concept').where('tenant_id', '=', tenant.id).execute();
    expect(published.every((row) => !row.concept)).toBe(true);
  });

  it('ztc-016: refuses to import versions that overlap the published ones, naming each', async () => {
    const tenant = await createTestTenant(t.database.db);
    const published = await importCatalogus(t.database.db, tenant, demo());
    await publishImport(t.database.db, tenant, published);
    const { problems } = await refusal(importCatalogus(t.database.db, tenant, demo()));
    const places = new Set(problems.map((problem) => problem.split(/[ .]/)[0]));
    const file = demo();
    for (const list of ['informatieobjecttypen', 'besluittypen', 'zaaktypen'] as const) {
      (file[list] as Attributes[]).forEach((_, index) => expect(places).toContain(`${list}[${index}]`));
    }
    expect(await count('zaaktypen', tenant.id)).toBe(8);
  });

  it('publishing refuses, for all at once, and publishes nothing when a rule says no (a zaaktype needs two statustypen)', async () => {
    const tenant = await createTestTenant(t.database.db);
    const file = demo();
    const melding = zaaktype(file, 'MELDING-OPENBARE-RUIMTE');
    melding.statustypen = (melding.statustypen as Attributes[]).slice(0, 1);
    const wmo = zaaktype(file, 'WMO-MELDING');
    wmo.roltypen = [];
    const imported = await importCatalogus(t.database.db, tenant, file);
    const { detail, problems } = await refusal(publishImport(t.database.db, tenant, imported));
    expect(detail).toBe(NOT_PUBLISHED);
    expect(problems).toEqual(['zaaktype MELDING-OPENBARE-RUIMTE.statustypen concept-relation', 'zaaktype WMO-MELDING.roltypen concept-relation']);
    const stillConcept = await t.database.db.selectFrom('informatieobjecttypen').select('uuid').where('tenant_id', '=', tenant.id).where('concept', '=', true).execute();
    expect(stillConcept).toHaveLength(imported.informatieobjecttypen.length);
  });
});
