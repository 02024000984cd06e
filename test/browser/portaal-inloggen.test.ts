import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveForBrowser, type ServedApp } from './served-app.ts';
import { accessibilityViolations, CHROMIUM_MISSING, chromiumAvailable, focusedElement, launchChromium } from './chromium.ts';

const screenshotDir = process.env.LOKET_SCREENSHOT_DIR ?? join('test-results', 'screenshots');
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

describe.skipIf(!chromiumAvailable)(chromiumAvailable ? 'resident sign-in through the demo identity provider, by keyboard, with the time-out warning' : CHROMIUM_MISSING, () => {
  let served: ServedApp;
  let browser: Browser;
  let browserContext: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    served = await serveForBrowser({ slug: 'inlogtest', name: 'Gemeente Voorbeeld' });
    browser = await launchChromium();
    browserContext = await browser.newContext({ viewport: DESKTOP });
    page = await browserContext.newPage();
    mkdirSync(screenshotDir, { recursive: true });
  });
  afterAll(async () => {
    await browserContext?.close();
    await browser?.close();
    await served?.close();
  });

  async function screenshots(name: string): Promise<void> {
    await page.screenshot({ path: join(screenshotDir, `portaal-${name}-desktop.png`), fullPage: true });
    await page.setViewportSize(PHONE);
    await page.screenshot({ path: join(screenshotDir, `portaal-${name}-telefoon.png`), fullPage: true });
    await page.setViewportSize(DESKTOP);
  }

  async function tabTo(target: string, limit = 40): Promise<void> {
    let steps = 0;
    while ((await focusedElement(page)) !== target && steps++ < limit) await page.keyboard.press('Tab');
    expect(await focusedElement(page)).toBe(target);
  }

  it('signs in with DigiD at the demo provider with the keyboard alone, and signs out', async () => {
    // The browser's clock is under the test's control, so the 15-minute warning can be reached without waiting.
    await page.clock.install();
    await page.goto(`${served.base}/mijn`);
    expect(page.url()).toBe(`${served.base}/inloggen`);
    expect(await page.title()).toBe('Inloggen - Gemeente Voorbeeld');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshots('inloggen');

    await tabTo('a:Inloggen met DigiD');
    await Promise.all([page.waitForURL(/\/demo-idp\/interaction\//), page.keyboard.press('Enter')]);
    expect(await page.title()).toContain('geen echte DigiD');
    expect(await page.textContent('h1')).toBe('Demo-inloggen');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshots('demo-inloggen');

    await tabTo('#account-demo-suzanne');
    await page.keyboard.press('Space');
    await tabTo('button:Inloggen');
    await Promise.all([page.waitForURL(`${served.base}/mijn`), page.keyboard.press('Enter')]);
    expect(await page.textContent('.portaal-account__naam')).toBe('Ingelogd als Suzanne Moulin');
    expect(await page.isHidden('.portaal-sessie__waarschuwing')).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);

    // Two minutes before the end the warning appears, and "Blijf ingelogd" extends the session on the server.
    await page.clock.fastForward('13:30');
    await page.waitForSelector('.portaal-sessie__waarschuwing:not([hidden])');
    expect(await page.textContent('.portaal-sessie__tekst')).toMatch(/U wordt over (2 minuten|1 minuut|\d+ seconden) automatisch uitgelogd/);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshots('sessie-waarschuwing');
    const before = await served.database.db.selectFrom('inwoner_sessies').select('last_seen_at').where('tenant_id', '=', served.tenant.id).executeTakeFirstOrThrow();
    await tabTo('button:Blijf ingelogd');
    await Promise.all([page.waitForResponse((response) => response.url().endsWith('/mijn/sessie') && response.status() === 200), page.keyboard.press('Enter')]);
    await page.waitForSelector('.portaal-sessie__waarschuwing', { state: 'hidden' });
    const after = await served.database.db.selectFrom('inwoner_sessies').select('last_seen_at').where('tenant_id', '=', served.tenant.id).executeTakeFirstOrThrow();
    expect(after.last_seen_at.getTime()).toBeGreaterThanOrEqual(before.last_seen_at.getTime());

    // Past the end without activity the page says the resident was signed out.
    await page.clock.fastForward('16:00');
    await page.waitForSelector('.portaal-sessie__waarschuwing:not([hidden])');
    expect(await page.textContent('.portaal-sessie__tekst')).toContain('U bent automatisch uitgelogd');

    await tabTo('button:Uitloggen');
    await Promise.all([page.waitForURL(`${served.base}/uitgelogd`), page.keyboard.press('Enter')]);
    expect(await page.textContent('h1')).toBe('U bent uitgelogd');
    expect(await accessibilityViolations(page)).toEqual([]);
    const left = await served.database.db.selectFrom('inwoner_sessies').select('id_hash').where('tenant_id', '=', served.tenant.id).execute();
    expect(left).toEqual([]);
  });
});
