import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tenant } from '../../platform/database/schema.ts';
import { logProcessing } from '../../platform/processing-log/log.ts';
import { traceFromHeader } from '../../platform/http/trace-context.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { createTestApp, createTestTenant, type TestApp } from '../../../test/fixtures.ts';
import { signInStaff, type SignedInStaff } from '../../../test/staff-session.ts';

const BSN = '111222333';

describe('privacy officer lists the processing of one person', () => {
  let database: TestDatabase;
  let test: TestApp;
  let tenant: Tenant;
  let privacy: SignedInStaff;

  beforeAll(async () => {
    database = await createTestDatabase();
    test = await createTestApp(database);
    tenant = await createTestTenant(database.db);
    privacy = await signInStaff(test, tenant, { roles: ['privacy'] });
    for (const [bsn, name] of [[BSN, 'zaak-aanmaken'], ['123456782', 'zaak-inzien']] as const) {
      await logProcessing(database.db, test.keys, {
        tenantId: tenant.id,
        activityId: 'zaak-behandelen',
        name,
        status: 'ok',
        startTime: new Date(),
        dataSubjects: [{ type: 'BSN', id: bsn }],
        actor: 'applicatie:zaakapp',
        trace: traceFromHeader(undefined),
      });
    }
  });
  afterAll(async () => {
    await test.app.close();
    await database.close();
  });

  function search(staff: SignedInStaff, bsn: string) {
    return test.app.inject({ method: 'POST', url: '/medewerker/privacy/verwerkingen', headers: { ...staff.headers, accept: 'text/html' }, payload: { _csrf: staff.csrfToken, bsn } });
  }

  it('shows only that person’s processing, with activity, purpose and legal ground', async () => {
    const response = await search(privacy, BSN);
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('zaak-aanmaken');
    expect(response.body).not.toContain('zaak-inzien');
    expect(response.body).toContain('Zaak behandelen');
  });

  it('logs the lookup itself as processing of that person', async () => {
    const before = await database.db.selectFrom('processing_log').select('seq').where('tenant_id', '=', tenant.id).where('name', '=', 'verwerkingen-inzien').execute();
    await search(privacy, BSN);
    const after = await database.db
      .selectFrom('processing_log')
      .select(['processing_activity_id', 'actor', 'data_subject_id'])
      .where('tenant_id', '=', tenant.id)
      .where('name', '=', 'verwerkingen-inzien')
      .execute();
    expect(after.length).toBe(before.length + 1);
    expect(after.at(-1)).toMatchObject({ processing_activity_id: 'inzage-verzoek-afhandelen', actor: 'medewerker:privacy', data_subject_id: test.keys.pseudonymise(tenant.id, BSN) });
  });

  it('explains a malformed BSN beside the field', async () => {
    const response = await search(privacy, '123456789');
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('elfproef');
    expect(response.body).toContain('aria-invalid="true"');
  });

  it('is refused to a staff member without the privacy role', async () => {
    const kcc = await signInStaff(test, tenant, { roles: ['kcc'] });
    const response = await search(kcc, BSN);
    expect(response.statusCode).toBe(403);
  });

  it('refuses a search without the CSRF token', async () => {
    const response = await test.app.inject({ method: 'POST', url: '/medewerker/privacy/verwerkingen', headers: { ...privacy.headers, accept: 'text/html' }, payload: { bsn: BSN } });
    expect(response.statusCode).toBe(403);
  });
});
