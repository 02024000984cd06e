import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffUser, type CreatedStaffUser } from '../../src/platform/auth/staff-user-repository.ts';
import { seedDemoKennisbank } from '../../src/kennisbank/demo/seed.ts';
import { logSearch, rateProduct } from '../../src/kennisbank/zoeklog/service.ts';
import { totpCode } from '../staff-session.ts';
import { serveForBrowser, type ServedApp } from './served-app.ts';
import { accessibilityViolations, CHROMIUM_MISSING, chromiumAvailable, launchChromium } from './chromium.ts';

describe.skipIf(!chromiumAvailable)(chromiumAvailable ? 'kennisbank beheer in a browser, meeting WCAG 2.1 AA' : CHROMIUM_MISSING, () => {
  let served: ServedApp;
  let browser: Browser;
  let browserContext: BrowserContext;
  let page: Page;
  let base: string;
  let beheerder: CreatedStaffUser;

  beforeAll(async () => {
    served = await serveForBrowser({ slug: 'kennisbanktest', name: 'Gemeente Kennisbanktest' });
    base = served.base;
    const db = served.database.db;
    beheerder = await createStaffUser(db, served.context.keys, { tenantId: served.tenant.id, email: 'ben@example.nl', displayName: 'Ben Beheerder', roles: ['beheerder'] });
    await seedDemoKennisbank(db, served.tenant.id, '2025-01-02');
    await logSearch(db, served.tenant.id, { q: 'hondenpoep', kanaal: 'portaal', aantalResultaten: 0 });
    await logSearch(db, served.tenant.id, { q: 'paspoort', kanaal: 'kcc', aantalResultaten: 3 });
    await rateProduct(db, served.tenant.id, 'afvalpas', { nuttig: false, opmerking: 'Te lang', kanaal: 'portaal' });
    browser = await launchChromium();
    browserContext = await browser.newContext();
    page = await browserContext.newPage();
  });
  afterAll(async () => {
    await browserContext?.close();
    await browser?.close();
    await served?.close();
  });

  async function submitWithEnter(url: string | RegExp): Promise<void> {
    await Promise.all([page.waitForURL(url), page.keyboard.press('Enter')]);
  }

  it('lists, edits with errors beside the fields, previews and reports without accessibility violations', { timeout: 120_000 }, async () => {
    await page.goto(`${base}/medewerker/kennisbank`);
    await page.fill('#email', beheerder.user.email);
    await page.fill('#wachtwoord', beheerder.password);
    await submitWithEnter(/\/medewerker\/inloggen\/code/);
    await page.fill('#code', totpCode(beheerder.totpSecret));
    await submitWithEnter(/\/medewerker(\/kennisbank)?$/);
    expect(page.url()).toBe(`${base}/medewerker/kennisbank`);
    expect(await page.textContent('h1')).toBe('Kennisbank beheren');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.goto(`${base}/medewerker/kennisbank/producten/paspoort-aanvragen`);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.fill('#titel', '');
    await page.fill('#reviewVoor', '');
    await page.fill('#kostenbedragen', 'zonder bedrag');
    await Promise.all([page.waitForLoadState('load'), page.click('button:has-text("Concept opslaan")')]);
    expect(await page.title()).toContain('Fout:');
    expect(await page.textContent('#titel-fout')).toContain('verplicht');
    expect(await page.textContent('#kostenbedragen-fout')).toContain('puntkomma');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.goto(`${base}/medewerker/kennisbank/producten/paspoort-aanvragen/voorbeeld`);
    expect(await page.textContent('h1')).toBe('Paspoort aanvragen');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.goto(`${base}/medewerker/kennisbank/rapportage`);
    expect(await page.textContent('main')).toContain('hondenpoep');
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
