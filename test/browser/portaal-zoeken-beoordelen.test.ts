import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { amsterdamToday } from '../../src/kennisbank/dates.ts';
import { seedDemoKennisbank } from '../../src/kennisbank/demo/seed.ts';
import { serveForBrowser, type ServedApp } from './served-app.ts';
import { accessibilityViolations, CHROMIUM_MISSING, chromiumAvailable, focusedElement, launchChromium } from './chromium.ts';

/** Screenshots of the main portal pages at desktop and phone width, for a person to look at (not committed). */
const screenshotDir = process.env.LOKET_SCREENSHOT_DIR ?? join('test-results', 'screenshots');
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

describe.skipIf(!chromiumAvailable)(chromiumAvailable ? 'residents portal in a browser, by keyboard only, meeting WCAG 2.1 AA' : CHROMIUM_MISSING, () => {
  let served: ServedApp;
  let browser: Browser;
  let browserContext: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    served = await serveForBrowser({ slug: 'portaaltest', name: 'Gemeente Voorbeeld' });
    await seedDemoKennisbank(served.database.db, served.tenant.id, amsterdamToday());
    browser = await launchChromium();
    // The portal pages load no script (axe needs the page's JavaScript engine, so it stays on).
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

  it('searches, opens a result and rates it, with the keyboard alone', async () => {
    const base = served.base;
    await page.goto(`${base}/`);
    expect(await page.title()).toBe('Home - Gemeente Voorbeeld');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshots('home');

    // The first Tab reaches the skip link; the search box follows the site name.
    await page.keyboard.press('Tab');
    expect(await focusedElement(page)).toBe('a:Direct naar de inhoud');
    await tabTo('#zoekvraag', 5);
    await page.keyboard.type('paspoort kwijt');
    await Promise.all([page.waitForURL(/\/zoeken\?q=paspoort/), page.keyboard.press('Enter')]);
    expect(await page.textContent('h1')).toBe('Zoekresultaten');
    expect(await page.textContent('[role="status"]')).toMatch(/resultaten? voor ‘paspoort kwijt’/);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshots('zoekresultaten');

    await tabTo('a:Paspoort of ID-kaart kwijt of gestolen');
    await Promise.all([page.waitForURL(`${base}/producten/vermissing-reisdocument`), page.keyboard.press('Enter')]);
    expect(await page.textContent('h1')).toBe('Paspoort of ID-kaart kwijt of gestolen');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshots('product');

    // The click went through the log before the product page opened.
    const clicked = await served.database.db.selectFrom('kennisbank_zoekopdrachten').select('geklikte_positie').where('tenant_id', '=', served.tenant.id).where('geklikte_positie', 'is not', null).execute();
    expect(clicked).toHaveLength(1);

    await tabTo('#nuttig-ja');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    expect(await focusedElement(page)).toBe('#opmerking');
    await page.keyboard.type('Duidelijk uitgelegd.');
    await page.keyboard.press('Tab');
    expect(await focusedElement(page)).toBe('button:Verstuur');
    await Promise.all([page.waitForURL(/bedankt=ja/), page.keyboard.press('Enter')]);
    expect(await page.textContent('#beoordeling-kop')).toBe('Bedankt voor uw reactie');
    expect(await accessibilityViolations(page)).toEqual([]);

    const ratings = await served.database.db.selectFrom('kennisbank_beoordelingen').select(['nuttig', 'opmerking', 'kanaal']).where('tenant_id', '=', served.tenant.id).execute();
    expect(ratings).toEqual([{ nuttig: true, opmerking: 'Duidelijk uitgelegd.', kanaal: 'portaal' }]);
  });

  it('explains an empty result and a missing page readably, meeting WCAG 2.1 AA', async () => {
    await page.goto(`${served.base}/zoeken?q=xqzwvbnm`);
    expect(await page.textContent('main')).toContain('Wij hebben niets gevonden');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.goto(`${served.base}/zoeken?q=gemeente&pagina=2`);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.goto(`${served.base}/producten/bestaat-niet`);
    expect(await page.textContent('h1')).toBe('Deze pagina bestaat niet');
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
