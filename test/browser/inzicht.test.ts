import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffUser, type CreatedStaffUser } from '../../src/platform/auth/staff-user-repository.ts';
import { verversAlles } from '../../src/inzicht/aggregaten/verversen.ts';
import { insertInzichtDataset } from '../../src/inzicht/inzicht-test-dataset.ts';
import { totpCode } from '../staff-session.ts';
import { serveForBrowser, type ServedApp } from './served-app.ts';
import { accessibilityViolations, CHROMIUM_MISSING, chromiumAvailable, focusedElement, launchChromium } from './chromium.ts';

/** Screenshots for a person to look at: LOKET_SCREENSHOT_DIR, or test-results/screenshots. */
const screenshotDir = process.env.LOKET_SCREENSHOT_DIR ?? join('test-results', 'screenshots');
const PERIODE = '?van=2026-01-05&tot=2026-01-25';

describe.skipIf(!chromiumAvailable)(chromiumAvailable ? 'the inzicht dashboards in a browser, meeting WCAG 2.1 AA' : CHROMIUM_MISSING, () => {
  let served: ServedApp;
  let browser: Browser;
  let base: string;
  // One account per test: a TOTP code is accepted once, so a second sign-in within the same 30 s would be refused.
  let teamleider: CreatedStaffUser;
  let zonderScript: CreatedStaffUser;
  let toetsenbord: CreatedStaffUser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    mkdirSync(screenshotDir, { recursive: true });
    served = await serveForBrowser({ slug: 'inzichttest', name: 'Gemeente Voorbeeld' });
    base = served.base;
    await insertInzichtDataset(served.database.db, served.tenant);
    await verversAlles(served.database.db);
    teamleider = await createStaffUser(served.database.db, served.context.keys, { tenantId: served.tenant.id, email: 'tessa@example.nl', displayName: 'Tessa Teamleider', roles: ['teamleider'] });
    zonderScript = await createStaffUser(served.database.db, served.context.keys, { tenantId: served.tenant.id, email: 'wim@example.nl', displayName: 'Wim Wethouder', roles: ['bestuur'] });
    toetsenbord = await createStaffUser(served.database.db, served.context.keys, { tenantId: served.tenant.id, email: 'koen@example.nl', displayName: 'Koen Controller', roles: ['controller'] });
    browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await served?.close();
  });

  async function signedIn(user: CreatedStaffUser, javaScript = true): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: javaScript });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${base}/medewerker`);
    await page.fill('#email', user.user.email);
    await page.fill('#wachtwoord', user.password);
    await Promise.all([page.waitForURL(`${base}/medewerker/inloggen/code`), page.keyboard.press('Enter')]);
    await page.fill('#code', totpCode(user.totpSecret));
    await Promise.all([page.waitForURL(`${base}/medewerker`), page.keyboard.press('Enter')]);
    return page;
  }

  it('opens every dashboard without a WCAG 2.1 AA violation, also with a filter error', async () => {
    const page = await signedIn(teamleider);
    const pages: [string, string][] = [
      ['/medewerker/inzicht', 'inzicht-index'],
      [`/medewerker/inzicht/kanalen${PERIODE}`, 'inzicht-kanalen'],
      [`/medewerker/inzicht/dienstverlening${PERIODE}`, 'inzicht-dienstverlening'],
      [`/medewerker/inzicht/kcc${PERIODE}`, 'inzicht-kcc'],
      [`/medewerker/inzicht/kennisbank${PERIODE}`, 'inzicht-kennisbank'],
      ['/medewerker/inzicht/volwassenheid', 'inzicht-volwassenheid'],
      ['/medewerker/inzicht/kanalen?van=2025-01-01&tot=2025-01-31', 'inzicht-kanalen-leeg'],
    ];
    for (const [path, screenshot] of pages) {
      const response = await page.goto(`${base}${path}`);
      expect(response?.status(), path).toBe(200);
      expect(await accessibilityViolations(page), path).toEqual([]);
      await page.screenshot({ path: join(screenshotDir, `${screenshot}.png`), fullPage: true });
    }
    const fout = await page.goto(`${base}/medewerker/inzicht/dienstverlening?van=2026-02-30`);
    expect(fout?.status()).toBe(400);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: join(screenshotDir, 'inzicht-filterfout.png'), fullPage: true });
  }, 180_000);

  it('reads the same figures without JavaScript', async () => {
    const page = await signedIn(zonderScript, false);
    await page.goto(`${base}/medewerker/inzicht/dienstverlening${PERIODE}`);
    await expect(page.locator('#werkvoorraad-teams tbody tr').first().textContent()).resolves.toContain('Burgerzaken');
    await expect(page.locator('svg[role="img"]').count()).resolves.toBeGreaterThan(0);
  }, 60_000);

  it('reaches a dashboard, filters it and downloads a table by keyboard alone', async () => {
    const page = await signedIn(toetsenbord);
    let steps = 0;
    while ((await focusedElement(page)) !== 'a:Inzicht: dashboards en open data' && steps++ < 30) await page.keyboard.press('Tab');
    await Promise.all([page.waitForURL(`${base}/medewerker/inzicht`), page.keyboard.press('Enter')]);
    expect(steps).toBeLessThan(30);
    steps = 0;
    while ((await focusedElement(page)) !== 'a:Dienstverlening' && steps++ < 30) await page.keyboard.press('Tab');
    await Promise.all([page.waitForURL(/\/medewerker\/inzicht\/dienstverlening/), page.keyboard.press('Enter')]);
    steps = 0;
    while ((await focusedElement(page)) !== '#van' && steps++ < 40) await page.keyboard.press('Tab');
    expect(await focusedElement(page)).toBe('#van');
    await page.fill('#van', '2026-01-05');
    steps = 0;
    while ((await focusedElement(page)) !== '#tot' && steps++ < 10) await page.keyboard.press('Tab');
    await page.fill('#tot', '2026-01-25');
    steps = 0;
    while ((await focusedElement(page)) !== 'button:Toon' && steps++ < 10) await page.keyboard.press('Tab');
    await Promise.all([page.waitForURL(/van=2026-01-05/), page.keyboard.press('Enter')]);
    await expect(page.locator('#zaken-tijd tbody tr').count()).resolves.toBe(3);
    steps = 0;
    while (!(await focusedElement(page)).startsWith('a:Download de tabel ‘Geopende') && steps++ < 60) await page.keyboard.press('Tab');
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toBe('dienstverlening-zaken-tijd-2026-01-05-2026-01-25.csv');
  }, 120_000);
});
