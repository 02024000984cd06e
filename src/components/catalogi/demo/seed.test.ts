import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestClient, createTestTenant } from '../../../../test/fixtures.ts';
import { seedDemo } from '../../../platform/seed/demo-tenant.ts';
import { createCatalogiTestKit, type CatalogiTestKit } from '../shared/test-kit.ts';
import { seedDemoCatalogus } from './seed.ts';

type Json = Record<string, unknown>;

describe('the demo catalogue in the demo seed', () => {
  let t: CatalogiTestKit;

  beforeAll(async () => {
    t = await createCatalogiTestKit();
  });
  afterAll(async () => {
    await t.close();
  });

  async function zaaktypen(tenantId: string): Promise<{ identificatie: string; concept: boolean }[]> {
    return t.database.db.selectFrom('zaaktypen').select(['identificatie', 'concept']).where('tenant_id', '=', tenantId).execute();
  }

  it('seeds Gemeente Voorbeeld with the demo catalogue, published, so the API serves its zaaktypen at once', async () => {
    const { tenant } = await seedDemo(t.database.db, t.test.keys);
    const published = await zaaktypen(tenant.id);
    expect(published).toHaveLength(8);
    expect(published.every((zaaktype) => !zaaktype.concept)).toBe(true);

    const reader = await createTestClient(t.database.db, t.test.keys, tenant, { scopes: ['catalogi.lezen'] });
    // Without `status`, the list shows published zaaktypen only: what a zaaksysteem may make zaken of.
    const response = await t.call('GET', '/zaaktypen', '/zaaktypen', { token: await reader.token(), at: tenant });
    expect(response.statusCode).toBe(200);
    const listed = (response.json() as { results: Json[] }).results;
    expect(listed.map((zaaktype) => zaaktype.omschrijving)).toEqual(expect.arrayContaining(['Verhuizing doorgeven', 'Bezwaarschrift', 'Wmo-melding']));
    expect(listed.find((zaaktype) => zaaktype.identificatie === 'PARKEERVERGUNNING')).toMatchObject({
      concept: false,
      besluittypen: [expect.stringMatching(/\/besluittypen\/[0-9a-f-]{36}$/)],
      statustypen: expect.arrayContaining([expect.stringMatching(/\/statustypen\//)]) as unknown,
    });
  });

  it('is idempotent: a tenant that has the demo catalogus gets nothing twice', async () => {
    const tenant = await createTestTenant(t.database.db);
    const first = await seedDemoCatalogus(t.database.db, tenant);
    expect(first?.zaaktypen).toHaveLength(8);
    expect(await seedDemoCatalogus(t.database.db, tenant)).toBeUndefined();
    expect(await zaaktypen(tenant.id)).toHaveLength(8);
  });

  it('joins the caller’s transaction: a seed that fails later leaves no catalogue behind', async () => {
    const tenant = await createTestTenant(t.database.db);
    await expect(
      t.database.db.transaction().execute(async (trx) => {
        await seedDemoCatalogus(trx, tenant);
        throw new Error('later step failed');
      }),
    ).rejects.toThrow('later step failed');
    expect(await zaaktypen(tenant.id)).toHaveLength(0);
  });
});
