import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, Tenant } from '../database/schema.ts';
import type { Keys } from '../crypto/keys.ts';
import { insertTenant } from '../tenants/repository.ts';
import { createStaffUser } from '../auth/staff-user-repository.ts';
import { insertApiClient } from '../auth/api-client-repository.ts';
import { STAFF_ROLES, type StaffRole } from '../http/route-policy.ts';
import { seedTenantDefaults } from './tenant-defaults.ts';
import { seedDemoCatalogus } from '../../components/catalogi/demo/seed.ts';
import { seedDemoKennisbank } from '../../kennisbank/demo/seed.ts';
import { seedDemoAfspraken } from '../../afspraken/demo-seed.ts';
import { amsterdamToday } from '../../kennisbank/dates.ts';
import { seedDemoFormulieren } from '../../formulieren/demo/seed.ts';
import { seedDemoTeams } from '../../medewerker/toegang/demo-teams.ts';
import { seedDemoFinancien } from '../../financien/demo/seed.ts';
import { seedDemoInzicht } from '../../inzicht/demo/seed.ts';

/** Fictional demo municipality; its RSIN passes the 11-proef but belongs to no real organisation. */
export const DEMO_TENANT = {
  slug: 'voorbeeld',
  name: 'Gemeente Voorbeeld',
  rsin: '123456782',
  hostnames: ['localhost', '127.0.0.1', '::1', 'voorbeeld.loket.localhost'],
  theme: { primaryColor: '#01689b' },
};

const DEMO_NAMES: Record<StaffRole, string> = {
  kcc: 'Kim Klantcontact',
  behandelaar: 'Bas Behandelaar',
  teamleider: 'Tara Teamleider',
  beheerder: 'Ben Beheerder',
  privacy: 'Pim Privacy',
  controller: 'Carla Controller',
  bestuur: 'Wim Wethouder',
};

export interface DemoCredentials {
  tenant: Tenant;
  staff: { role: StaffRole; email: string; password: string; totpUri: string; totpSecret: string }[];
  apiClient: { clientId: string; secret: string };
}

/**
 * Creates the demo municipality with its published demo catalogue, one staff account per role and one API client with
 * all authorisations.
 */
export async function seedDemo(db: Kysely<Database>, keys: Keys): Promise<DemoCredentials> {
  return db.transaction().execute(async (trx) => {
    const tenant = await insertTenant(trx, DEMO_TENANT);
    await seedTenantDefaults(trx, tenant.id);
    await seedDemoCatalogus(trx, tenant);
    await seedDemoKennisbank(trx, tenant.id);
    await seedDemoAfspraken(trx, tenant.id, amsterdamToday());
    await seedDemoFormulieren(trx, tenant);
    await seedDemoFinancien(trx, tenant.id);
    const staff: DemoCredentials['staff'] = [];
    const staffIds: Partial<Record<StaffRole, string>> = {};
    for (const role of STAFF_ROLES) {
      const created = await createStaffUser(trx, keys, { tenantId: tenant.id, email: `${role}@voorbeeld.nl`, displayName: DEMO_NAMES[role], roles: [role] }, tenant.name);
      staff.push({ role, email: created.user.email, password: created.password, totpUri: created.totpUri, totpSecret: created.totpSecret });
      staffIds[role] = created.user.id;
    }
    await seedDemoTeams(trx, tenant.id, staffIds);
    await seedDemoInzicht(trx, tenant.id, amsterdamToday());
    const apiClient = { clientId: 'loket-demo', secret: randomBytes(24).toString('base64url') };
    await insertApiClient(trx, keys, { tenantId: tenant.id, clientId: apiClient.clientId, secret: apiClient.secret, label: 'Demo-applicatie', heeftAlleAutorisaties: true });
    return { tenant, staff, apiClient };
  });
}

/** The one-time printout of the demo credentials. */
export function formatDemoCredentials(credentials: DemoCredentials): string {
  const lines = [
    '',
    `Loket: demo municipality "${credentials.tenant.name}" created. These credentials are shown only once:`,
    '',
    ...credentials.staff.flatMap((member) => [
      `  ${member.role.padEnd(12)} ${member.email}  password: ${member.password}`,
      `  ${''.padEnd(12)} TOTP: ${member.totpUri}`,
    ]),
    '',
    `  API client   client_id: ${credentials.apiClient.clientId}  secret: ${credentials.apiClient.secret}`,
    '',
  ];
  return lines.join('\n');
}
