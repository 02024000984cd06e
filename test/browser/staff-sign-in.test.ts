import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeys } from '../../src/platform/crypto/keys.ts';
import { createLogger } from '../../src/platform/logging/logger.ts';
import { buildApp } from '../../src/platform/http/app.ts';
import { registerModules } from '../../src/platform/modules.ts';
import { insertTenant } from '../../src/platform/tenants/repository.ts';
import { seedTenantDefaults } from '../../src/platform/seed/tenant-defaults.ts';
import { createStaffUser, type CreatedStaffUser } from '../../src/platform/auth/staff-user-repository.ts';
import type { AppContext } from '../../src/platform/context.ts';
import { createTestDatabase, type TestDatabase } from '../database.ts';
import { testConfig } from '../fixtures.ts';
import { totpCode } from '../staff-session.ts';
import { accessibilityViolations, CHROMIUM_MISSING, chromiumAvailable, focusedElement, launchChromium } from './chromium.ts';

/** Set LOKET_SCREENSHOT_DIR to keep screenshots of each page of the flow for a visual check. */
const screenshotDir = process.env.LOKET_SCREENSHOT_DIR;

describe.skipIf(!chromiumAvailable)(chromiumAvailable ? 'staff sign-in in a browser, by keyboard, meeting WCAG 2.1 AA' : CHROMIUM_MISSING, () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let browser: Browser;
  let browserContext: BrowserContext;
  let page: Page;
  let base: string;
  let staff: CreatedStaffUser;

  beforeAll(async () => {
    database = await createTestDatabase();
    const context: AppContext = { config: testConfig(), database, keys: createKeys(randomBytes(32)), logger: createLogger('silent') };
    // The browser reaches the app as 127.0.0.1, so this file's own database gets a tenant for that host.
    const tenant = await insertTenant(database.db, { slug: 'browsertest', name: 'Gemeente Browsertest', rsin: '123456782', hostnames: ['127.0.0.1'] });
    await seedTenantDefaults(database.db, tenant.id);
    staff = await createStaffUser(database.db, context.keys, { tenantId: tenant.id, email: 'kim@example.nl', displayName: 'Kim Klantcontact', roles: ['kcc', 'behandelaar'] });
    app = await buildApp(context, (instance) => registerModules(instance, context));
    await app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    browser = await launchChromium();
    // axe needs pages from an explicit context.
    browserContext = await browser.newContext();
    page = await browserContext.newPage();
  });
  afterAll(async () => {
    await browserContext?.close();
    await browser?.close();
    await app?.close();
    await database?.close();
  });

  it('shows the sign-in page and its error state accessibly', async () => {
    await page.goto(`${base}/medewerker/inloggen`);
    expect(await page.title()).toBe('Inloggen voor medewerkers - Gemeente Browsertest');
    expect(await accessibilityViolations(page)).toEqual([]);
    if (screenshotDir) await page.screenshot({ path: join(screenshotDir, 'loket-inloggen.png'), fullPage: true });

    await page.fill('#email', staff.user.email);
    await page.fill('#wachtwoord', 'niet-het-wachtwoord');
    await Promise.all([page.waitForURL(`${base}/medewerker/inloggen`), page.press('#wachtwoord', 'Enter')]);
    expect(await page.title()).toBe('Fout: Inloggen voor medewerkers - Gemeente Browsertest');
    // The error summary takes focus on load, without any script.
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('loket-error-summary');
    expect(await page.textContent('#inloggegevens-fout')).toContain('E-mailadres of wachtwoord onjuist.');
    expect(await page.getAttribute('#wachtwoord', 'aria-describedby')).toBe('inloggegevens-fout');
    expect(await accessibilityViolations(page)).toEqual([]);
    if (screenshotDir) await page.screenshot({ path: join(screenshotDir, 'loket-inloggen-fout.png'), fullPage: true });
  });

  it('signs in with the keyboard alone: skip link, e-mail, password, code, and lands on the workspace', async () => {
    await page.goto(`${base}/medewerker/inloggen`);
    await page.keyboard.press('Tab');
    expect(await focusedElement(page)).toBe('a:Direct naar de inhoud');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await focusedElement(page)).toBe('#email');
    await page.keyboard.type(staff.user.email);
    await page.keyboard.press('Tab');
    expect(await focusedElement(page)).toBe('#wachtwoord');
    await page.keyboard.type(staff.password);
    await page.keyboard.press('Tab');
    expect(await focusedElement(page)).toBe('button:Inloggen');
    await Promise.all([page.waitForURL(`${base}/medewerker/inloggen/code`), page.keyboard.press('Enter')]);

    expect(await page.title()).toBe('Inlogcode invoeren - Gemeente Browsertest');
    expect(await accessibilityViolations(page)).toEqual([]);
    if (screenshotDir) await page.screenshot({ path: join(screenshotDir, 'loket-inlogcode.png'), fullPage: true });
    await page.keyboard.press('Tab');
    expect(await focusedElement(page)).toBe('a:Direct naar de inhoud');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await focusedElement(page)).toBe('#code');
    await page.keyboard.type(totpCode(staff.totpSecret));
    await page.keyboard.press('Tab');
    expect(await focusedElement(page)).toBe('button:Verder');
    await Promise.all([page.waitForURL(`${base}/medewerker`), page.keyboard.press('Enter')]);

    expect(await page.textContent('h1')).toBe('Werkplek medewerkers');
    expect(await page.textContent('main')).toContain('Ingelogd als Kim Klantcontact');
    expect(await page.textContent('main')).toContain('Behandelaar');
    expect(await accessibilityViolations(page)).toEqual([]);
    if (screenshotDir) await page.screenshot({ path: join(screenshotDir, 'loket-werkplek.png'), fullPage: true });

    await Promise.all([page.waitForURL(`${base}/medewerker/inloggen?uitgelogd=1`), page.click('button:has-text("Uitloggen")')]);
    expect(await page.textContent('main')).toContain('U bent uitgelogd.');
  });
});
