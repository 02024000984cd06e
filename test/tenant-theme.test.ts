import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertTenant } from '../src/platform/tenants/repository.ts';
import { ProblemError } from '../src/platform/errors/problem.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';
import { createTestApp, type TestApp } from './fixtures.ts';

describe('tenant theming', () => {
  let database: TestDatabase;
  let test: TestApp;

  beforeAll(async () => {
    database = await createTestDatabase();
    test = await createTestApp(database);
    await insertTenant(database.db, { slug: 'groen', name: 'Gemeente Groen', rsin: '123456782', hostnames: ['groen.test'], theme: { primaryColor: '#1e6b36' } });
    await insertTenant(database.db, { slug: 'standaard', name: 'Gemeente Standaard', rsin: '123456782', hostnames: ['standaard.test'] });
  });
  afterAll(async () => {
    await test.app.close();
    await database.close();
  });

  it("serves each host its own tenant's colours", async () => {
    const green = await test.app.inject({ url: '/thema.css', headers: { host: 'groen.test' } });
    expect(green.headers['content-type']).toContain('text/css');
    expect(green.body).toContain('--loket-primary: #1e6b36;');
    const plain = await test.app.inject({ url: '/thema.css', headers: { host: 'standaard.test' } });
    expect(plain.body).not.toContain('--loket-primary');
  });

  it('links the theme from every page', async () => {
    const page = await test.app.inject({ url: '/medewerker/inloggen', headers: { host: 'groen.test', accept: 'text/html' } });
    expect(page.body).toContain('href="/thema.css"');
  });

  it('refuses a tenant with a wrong RSIN or a colour that fails WCAG contrast, listing both', async () => {
    const attempt = insertTenant(database.db, { slug: 'fout', name: 'Gemeente Fout', rsin: '123456789', theme: { primaryColor: '#ffff00' } });
    await expect(attempt).rejects.toBeInstanceOf(ProblemError);
    await expect(attempt).rejects.toMatchObject({ invalidParams: [{ name: 'rsin' }, { name: 'theme.primaryColor', code: 'insufficient-contrast' }] });
  });
});
