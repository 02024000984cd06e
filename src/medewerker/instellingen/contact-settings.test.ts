import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tenant } from '../../platform/database/schema.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { createTestApp, createTestTenant, hostOf, type TestApp } from '../../../test/fixtures.ts';
import { signInStaff, type SignedInStaff } from '../../../test/staff-session.ts';
import { contactProblems, DEFAULT_CONTACT_OPTIONS } from '../../portaal/contact-options.ts';

const OWN = { telefoon: '030 123 45 67', telefoonTijden: 'werkdagen van 9.00 tot 16.00 uur', balie: 'Stadskantoor, Stationsplein 3. Kom op afspraak.', email: 'info@eigen-gemeente.example', chatTijden: 'werkdagen van 10.00 tot 15.00 uur' };

describe('contact options a beheerder sets for the portal', () => {
  let database: TestDatabase;
  let test: TestApp;
  let tenant: Tenant;
  let other: Tenant;
  let beheerder: SignedInStaff;

  beforeAll(async () => {
    database = await createTestDatabase();
    test = await createTestApp(database);
    tenant = await createTestTenant(database.db, 'Gemeente Eigen');
    other = await createTestTenant(database.db, 'Gemeente Ander');
    beheerder = await signInStaff(test, tenant, { roles: ['beheerder'] });
  });
  afterAll(async () => {
    await test.app.close();
    await database.close();
  });

  it('checks every field and says what is wrong beside it', () => {
    expect(contactProblems(OWN)).toEqual({});
    expect(contactProblems({ ...OWN, telefoon: 'bel ons', email: 'geen-adres', balie: ' ' })).toEqual({
      telefoon: 'Vul een telefoonnummer in, bijvoorbeeld 14 0999 of 030 123 45 67.',
      email: 'Vul een e-mailadres in, bijvoorbeeld info@gemeente.nl.',
      balie: 'Vul dit veld in.',
    });
  });

  it('shows the saved options on every portal page of that municipality only', async () => {
    const saved = await test.app.inject({ method: 'POST', url: '/medewerker/instellingen/contact', headers: beheerder.headers, payload: { _csrf: beheerder.csrfToken, ...OWN } });
    expect(saved.statusCode).toBe(200);
    expect(saved.body).toContain('De contactgegevens zijn opgeslagen');
    // The tenant resolver keeps a tenant for a few seconds; a fresh app reads it at once.
    const fresh = await createTestApp(database);
    try {
      const home = await fresh.app.inject({ method: 'GET', url: '/', headers: { host: hostOf(tenant) } });
      expect(home.body).toContain('href="tel:0301234567"');
      expect(home.body).toContain('Stadskantoor, Stationsplein 3.');
      expect(home.body).not.toContain(DEFAULT_CONTACT_OPTIONS.telefoon);
      const elsewhere = await fresh.app.inject({ method: 'GET', url: '/', headers: { host: hostOf(other) } });
      expect(elsewhere.body).toContain(DEFAULT_CONTACT_OPTIONS.telefoon);
    } finally {
      await fresh.app.close();
    }
  });

  it('keeps the stored options when the form has errors, and shows them in a summary and beside the field', async () => {
    const refused = await test.app.inject({ method: 'POST', url: '/medewerker/instellingen/contact', headers: beheerder.headers, payload: { _csrf: beheerder.csrfToken, ...OWN, telefoon: 'onbekend' } });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('<title>Fout: Contactgegevens op de website');
    expect(refused.body).toContain('href="#contact-telefoon"');
    expect(refused.body).toContain('id="contact-telefoon-fout"');
    const stored = await database.db.selectFrom('tenants').select('contact').where('id', '=', tenant.id).executeTakeFirstOrThrow();
    expect(stored.contact.telefoon).toBe(OWN.telefoon);
  });

  it('is for beheerders only, and refuses a form without the session token', async () => {
    const kcc = await signInStaff(test, tenant, { roles: ['kcc'] });
    const page = await test.app.inject({ method: 'GET', url: '/medewerker/instellingen/contact', headers: { ...kcc.headers, accept: 'text/html' } });
    expect(page.statusCode).toBe(403);
    const forged = await test.app.inject({ method: 'POST', url: '/medewerker/instellingen/contact', headers: beheerder.headers, payload: { ...OWN } });
    expect(forged.statusCode).toBe(403);
  });
});
