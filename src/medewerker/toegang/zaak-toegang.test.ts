import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { createTestTenant } from '../../../test/fixtures.ts';
import { insertTestZaak } from '../../../test/zgw-fixtures.ts';
import type { Tenant } from '../../platform/database/schema.ts';
import { createKeys } from '../../platform/crypto/keys.ts';
import { createStaffUser } from '../../platform/auth/staff-user-repository.ts';
import { mayAccess, typeAccess } from '../../platform/auth/autorisaties.ts';
import type { StaffRole } from '../../platform/http/route-policy.ts';
import { seedDemoCatalogus } from '../../components/catalogi/demo/seed.ts';
import { seedDemoTeams } from './demo-teams.ts';
import { setRolVertrouwelijkheid } from './rol-vertrouwelijkheid.ts';
import { loadStaffZaakToegang, mayHandleZaak, mayReadZaak, staffApiCaller, zaakToegangFilter, type StaffZaakToegang } from './zaak-toegang.ts';

describe('which zaken a staff member may see and handle', () => {
  let database: TestDatabase;
  let tenant: Tenant;
  let other: Tenant;
  const keys = createKeys(randomBytes(32));
  const staff: Partial<Record<StaffRole, string>> = {};
  const zaken: Record<string, { uuid: string; zaaktypeUuid: string; vertrouwelijkheidaanduiding: string }> = {};

  async function zaaktypeUuid(target: Tenant, identificatie: string): Promise<string> {
    const row = await database.db.selectFrom('zaaktypen').select('uuid').where('tenant_id', '=', target.id).where('identificatie', '=', identificatie).executeTakeFirstOrThrow();
    return row.uuid;
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    tenant = await createTestTenant(database.db, 'Gemeente Voorbeeld');
    other = await createTestTenant(database.db, 'Gemeente Elders');
    for (const target of [tenant, other]) await seedDemoCatalogus(database.db, target);
    for (const role of ['kcc', 'behandelaar', 'teamleider', 'beheerder'] as const) {
      const created = await createStaffUser(database.db, keys, { tenantId: tenant.id, email: `${role}@voorbeeld.test`, displayName: role, roles: [role] });
      staff[role] = created.user.id;
    }
    await seedDemoTeams(database.db, tenant.id, staff);
    for (const [name, identificatie, aanduiding] of [
      ['verhuizing', 'VERHUIZING', 'zaakvertrouwelijk'],
      ['wmo', 'WMO-MELDING', 'vertrouwelijk'],
      ['bezwaar', 'BEZWAARSCHRIFT', 'zaakvertrouwelijk'],
      ['geheimeKap', 'KAPVERGUNNING', 'geheim'],
    ] as const) {
      const uuid = await zaaktypeUuid(tenant, identificatie);
      const zaak = await insertTestZaak(database.db, tenant, { uuid }, { vertrouwelijkheidaanduiding: aanduiding });
      zaken[name] = { uuid: zaak.uuid, zaaktypeUuid: uuid, vertrouwelijkheidaanduiding: aanduiding };
    }
    const elders = await insertTestZaak(database.db, other, { uuid: await zaaktypeUuid(other, 'VERHUIZING') }, { vertrouwelijkheidaanduiding: 'openbaar' });
    zaken.elders = { uuid: elders.uuid, zaaktypeUuid: await zaaktypeUuid(other, 'VERHUIZING'), vertrouwelijkheidaanduiding: 'openbaar' };
  });
  afterAll(async () => {
    await database.close();
  });

  function zaak(name: string): { uuid: string; zaaktypeUuid: string; vertrouwelijkheidaanduiding: string } {
    const found = zaken[name];
    if (!found) throw new Error(`no test zaak ${name}`);
    return found;
  }

  const toegangOf = (role: StaffRole) => loadStaffZaakToegang(database.db, tenant.id, { userId: staff[role] ?? '', roles: [role] });

  /** The zaken of the tenant that the SQL filter lets through, by name. */
  async function visibleInSql(toegang: StaffZaakToegang, handlingOnly = false): Promise<string[]> {
    const rows = await database.db
      .selectFrom('zaken')
      .select('uuid')
      .where('tenant_id', '=', tenant.id)
      .where((eb) => zaakToegangFilter(eb, toegang, handlingOnly))
      .execute();
    const uuids = new Set(rows.map((row) => row.uuid));
    return Object.entries(zaken).filter(([, zaak]) => uuids.has(zaak.uuid)).map(([name]) => name).sort();
  }

  it('lets the KCC read ordinary zaken of every zaaktype, not a vertrouwelijk Wmo-melding, and handle none', async () => {
    const toegang = await toegangOf('kcc');
    expect(await visibleInSql(toegang)).toEqual(['bezwaar', 'verhuizing']);
    expect(await visibleInSql(toegang, true)).toEqual([]);
    expect(mayReadZaak(toegang, zaak('wmo'))).toBe(false);
    expect(mayHandleZaak(toegang, zaak('verhuizing'))).toBe(false);
  });

  it("lets a behandelaar read and handle only the zaken of their teams' zaaktypen, up to their maximum", async () => {
    const toegang = await toegangOf('behandelaar');
    // Burgerzaken, Vergunningen and Openbare ruimte: not Juridische zaken (bezwaar) nor Zorg (Wmo); the geheime kapvergunning is above confidentieel.
    expect(await visibleInSql(toegang)).toEqual(['verhuizing']);
    expect(await visibleInSql(toegang, true)).toEqual(['verhuizing']);
    expect(mayHandleZaak(toegang, zaak('verhuizing'))).toBe(true);
    expect(mayReadZaak(toegang, zaak('bezwaar'))).toBe(false);
    expect(mayReadZaak(toegang, zaak('geheimeKap'))).toBe(false);
  });

  it('gives a beheerder, who keeps the catalogue, no zaken at all', async () => {
    expect(await visibleInSql(await toegangOf('beheerder'))).toEqual([]);
  });

  it("follows the municipality's own maximum per role", async () => {
    await setRolVertrouwelijkheid(database.db, tenant.id, 'kcc', 'vertrouwelijk');
    expect(await visibleInSql(await toegangOf('kcc'))).toEqual(['bezwaar', 'verhuizing', 'wmo']);
    await setRolVertrouwelijkheid(database.db, tenant.id, 'kcc', 'zaakvertrouwelijk');
  });

  it("never reaches another municipality's zaaktypen", async () => {
    const toegang = await toegangOf('teamleider');
    const own = new Set((await database.db.selectFrom('zaaktypen').select('uuid').where('tenant_id', '=', tenant.id).execute()).map((row) => row.uuid));
    const reached = toegang.delen.flatMap((deel) => deel.zaaktypeUuids ?? []);
    expect(reached.length).toBeGreaterThan(0);
    expect(reached.every((uuid) => own.has(uuid))).toBe(true);
    expect(mayReadZaak(toegang, zaak('elders'))).toBe(false);
  });

  it('gives the ZGW services the same view through the staff member as an API caller', async () => {
    const base = 'http://voorbeeld.test/catalogi/api/v1';
    const behandelaar = await staffApiCaller(database.db, tenant.id, { userId: staff.behandelaar ?? '', displayName: 'Bas' }, await toegangOf('behandelaar'), base);
    const lezen = typeAccess(behandelaar, 'zrc', 'zaken.lezen');
    const bijwerken = typeAccess(behandelaar, 'zrc', 'zaken.bijwerken');
    expect(mayAccess(lezen, { uuid: zaak('verhuizing').zaaktypeUuid }, 'zaakvertrouwelijk')).toBe(true);
    expect(mayAccess(bijwerken, { uuid: zaak('verhuizing').zaaktypeUuid }, 'zaakvertrouwelijk')).toBe(true);
    expect(mayAccess(lezen, { uuid: zaak('bezwaar').zaaktypeUuid }, 'zaakvertrouwelijk')).toBe(false);
    expect(mayAccess(lezen, { uuid: zaak('verhuizing').zaaktypeUuid }, 'geheim')).toBe(false);
    expect(typeAccess(behandelaar, 'drc', 'documenten.lezen')).toMatchObject({ all: false, types: expect.arrayContaining([expect.anything()]) as unknown });

    const kcc = await staffApiCaller(database.db, tenant.id, { userId: staff.kcc ?? '', displayName: 'Kim' }, await toegangOf('kcc'), base);
    expect(mayAccess(typeAccess(kcc, 'zrc', 'zaken.lezen'), { uuid: zaak('bezwaar').zaaktypeUuid }, 'zaakvertrouwelijk')).toBe(true);
    expect(mayAccess(typeAccess(kcc, 'zrc', 'zaken.bijwerken'), { uuid: zaak('bezwaar').zaaktypeUuid }, 'openbaar')).toBe(false);
    expect(kcc.scopes).not.toContain('zaken.bijwerken');
  });
});
