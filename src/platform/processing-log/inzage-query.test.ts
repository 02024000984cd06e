import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { createTestTenant } from '../../../test/fixtures.ts';
import type { Tenant } from '../database/schema.ts';
import { createKeys } from '../crypto/keys.ts';
import { traceFromHeader } from '../http/trace-context.ts';
import { ProblemError } from '../errors/problem.ts';
import { logProcessing, type DataSubject } from './log.ts';
import { seedProcessingRegister } from './register.ts';
import { listProcessingForPerson } from './query.ts';

const keys = createKeys(randomBytes(32));
const PERSON = '111222333';
const OTHER_PERSON = '123456782';
let database: TestDatabase;
let tenant: Tenant;
let otherTenant: Tenant;

async function log(tenantId: string, activityId: string, name: string, dataSubjects: DataSubject[]): Promise<void> {
  await logProcessing(database.db, keys, { tenantId, activityId, name, status: 'ok', startTime: new Date(), actor: 'medewerker:behandelaar', trace: traceFromHeader(undefined), dataSubjects });
}

beforeAll(async () => {
  database = await createTestDatabase();
  tenant = await createTestTenant(database.db, 'Gemeente Inzage');
  otherTenant = await createTestTenant(database.db, 'Gemeente Elders');
  await seedProcessingRegister(database.db, tenant.id, [
    { id: 'handhaving-onderzoek', name: 'Handhavingsonderzoek', purpose: 'Onderzoek naar overtredingen.', legalGround: 'AVG art. 6 lid 1 sub e', confidential: true, retentionYears: 10 },
  ]);
  await log(tenant.id, 'klantcontact-registreren', 'contact-vastleggen', [{ type: 'BSN', id: PERSON }]);
  await log(tenant.id, 'zaak-behandelen', 'zaak-aanmaken', [{ type: 'BSN', id: PERSON }, { type: 'BSN', id: OTHER_PERSON }]);
  await log(tenant.id, 'zaak-behandelen', 'zaak-raadplegen', [{ type: 'BSN', id: OTHER_PERSON }]);
  await log(tenant.id, 'handhaving-onderzoek', 'dossier-raadplegen', [{ type: 'BSN', id: PERSON }]);
  await log(otherTenant.id, 'zaak-behandelen', 'zaak-aanmaken-elders', [{ type: 'BSN', id: PERSON }]);
});
afterAll(async () => {
  await database.close();
});

describe('listing one person\'s processing for an inzage request', () => {
  it('returns only that person\'s records in this tenant, newest first, with the register\'s purpose and legal ground', async () => {
    const page = await listProcessingForPerson(database.db, keys, { tenantId: tenant.id, bsn: PERSON });
    expect(page.items.map((item) => item.name)).toEqual(['dossier-raadplegen', 'zaak-aanmaken', 'contact-vastleggen']);
    expect(page.nextBefore).toBeUndefined();
    const zaak = page.items[1];
    expect(zaak?.activity).toEqual({
      id: 'zaak-behandelen',
      name: 'Zaak behandelen',
      purpose: expect.stringContaining('zaak'),
      legalGround: 'AVG art. 6 lid 1 sub e: taak van algemeen belang (Awb, Gemeentewet)',
      confidential: false,
      retentionYears: 20,
    });
    expect(zaak?.status).toBe('ok');
    expect(zaak?.actor).toBe('medewerker:behandelaar');
  });

  it('flags records of a confidential activity instead of hiding them', async () => {
    const page = await listProcessingForPerson(database.db, keys, { tenantId: tenant.id, bsn: PERSON });
    expect(page.items.filter((item) => item.activity.confidential).map((item) => item.name)).toEqual(['dossier-raadplegen']);
  });

  it('does not return the same BSN\'s records of another tenant', async () => {
    const here = await listProcessingForPerson(database.db, keys, { tenantId: tenant.id, bsn: PERSON });
    expect(here.items.map((item) => item.name)).not.toContain('zaak-aanmaken-elders');
    const there = await listProcessingForPerson(database.db, keys, { tenantId: otherTenant.id, bsn: PERSON });
    expect(there.items.map((item) => item.name)).toEqual(['zaak-aanmaken-elders']);
  });

  it('pages through the records with a keyset on seq, without gaps or repeats', async () => {
    const first = await listProcessingForPerson(database.db, keys, { tenantId: tenant.id, bsn: PERSON, limit: 2 });
    expect(first.items.map((item) => item.name)).toEqual(['dossier-raadplegen', 'zaak-aanmaken']);
    expect(first.nextBefore).toBe(first.items[1]?.seq);
    const second = await listProcessingForPerson(database.db, keys, { tenantId: tenant.id, bsn: PERSON, limit: 2, before: first.nextBefore });
    expect(second.items.map((item) => item.name)).toEqual(['contact-vastleggen']);
    expect(second.nextBefore).toBeUndefined();
  });

  it('refuses a malformed BSN or page size with a 400 problem', async () => {
    await expect(listProcessingForPerson(database.db, keys, { tenantId: tenant.id, bsn: '111222334' })).rejects.toBeInstanceOf(ProblemError);
    await expect(listProcessingForPerson(database.db, keys, { tenantId: tenant.id, bsn: PERSON, limit: 0 })).rejects.toMatchObject({ status: 400, invalidParams: [{ name: 'limit' }] });
  });
});
