import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffUser, type CreatedStaffUser } from '../../src/platform/auth/staff-user-repository.ts';
import { seedDemoFinancien } from '../../src/financien/demo/seed.ts';
import { listMaatregelen } from '../../src/financien/maatregelen/maatregelen.ts';
import { listVerbondenPartijen } from '../../src/financien/verbonden-partijen/verbonden-partijen.ts';
import { listRisicos } from '../../src/financien/weerstand/risicos.ts';
import { totpCode } from '../staff-session.ts';
import { serveForBrowser, type ServedApp } from './served-app.ts';
import { accessibilityViolations, CHROMIUM_MISSING, chromiumAvailable, focusedElement, launchChromium } from './chromium.ts';

/** Screenshots for a person to look at: LOKET_SCREENSHOT_DIR, or test-results/screenshots. */
const screenshotDir = process.env.LOKET_SCREENSHOT_DIR ?? join('test-results', 'screenshots');

describe.skipIf(!chromiumAvailable)(chromiumAvailable ? 'the finance pages and Begroting in beeld in a browser, meeting WCAG 2.1 AA' : CHROMIUM_MISSING, () => {
  let served: ServedApp;
  let browser: Browser;
  let page: Page;
  let base: string;
  let controller: CreatedStaffUser;
  let bestuur: CreatedStaffUser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    mkdirSync(screenshotDir, { recursive: true });
    served = await serveForBrowser({ slug: 'financientest', name: 'Gemeente Voorbeeld' });
    base = served.base;
    await seedDemoFinancien(served.database.db, served.tenant.id);
    controller = await createStaffUser(served.database.db, served.context.keys, { tenantId: served.tenant.id, email: 'carla@example.nl', displayName: 'Carla Controller', roles: ['controller'] });
    bestuur = await createStaffUser(served.database.db, served.context.keys, { tenantId: served.tenant.id, email: 'wim@example.nl', displayName: 'Wim Wethouder', roles: ['bestuur'] });
    browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await served?.close();
  });

  async function signedIn(user: CreatedStaffUser): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    const signedInPage = await context.newPage();
    await signedInPage.goto(`${base}/medewerker`);
    await signedInPage.fill('#email', user.user.email);
    await signedInPage.fill('#wachtwoord', user.password);
    await Promise.all([signedInPage.waitForURL(`${base}/medewerker/inloggen/code`), signedInPage.keyboard.press('Enter')]);
    await signedInPage.fill('#code', totpCode(user.totpSecret));
    await Promise.all([signedInPage.waitForURL(`${base}/medewerker`), signedInPage.keyboard.press('Enter')]);
    return signedInPage;
  }

  async function check(target: Page, path: string, screenshot: string): Promise<void> {
    const response = await target.goto(`${base}${path}`);
    expect(response?.status(), path).toBe(200);
    expect(await accessibilityViolations(target), path).toEqual([]);
    await target.screenshot({ path: join(screenshotDir, `${screenshot}.png`), fullPage: true });
  }

  it('opens every controller page without a WCAG 2.1 AA violation', async () => {
    page = await signedIn(controller);
    const risico = (await listRisicos(served.database.db, served.tenant.id))[0];
    const partij = (await listVerbondenPartijen(served.database.db, served.tenant.id))[0];
    const maatregel = (await listMaatregelen(served.database.db, served.tenant.id))[0];
    const pages: [string, string][] = [
      ['/medewerker/financien', 'financien-overzicht'],
      ['/medewerker/financien?jaar=2027&peildatum=2026-11-05', 'financien-overzicht-primitief'],
      ['/medewerker/financien/maatregelen', 'financien-maatregelen'],
      ['/medewerker/financien/maatregelen/nieuw', 'financien-maatregel-nieuw'],
      [`/medewerker/financien/maatregelen/${maatregel?.uuid ?? ''}`, 'financien-maatregel-wijzigen'],
      ['/medewerker/financien/weerstandsvermogen', 'financien-weerstandsvermogen'],
      ['/medewerker/financien/weerstandscapaciteit', 'financien-weerstandscapaciteit'],
      ['/medewerker/financien/risicos', 'financien-risicos'],
      [`/medewerker/financien/risicos/${risico?.uuid ?? ''}`, 'financien-risico-wijzigen'],
      ['/medewerker/financien/verbonden-partijen', 'financien-verbonden-partijen'],
      ['/medewerker/financien/verbonden-partijen/nieuw', 'financien-verbonden-partij-nieuw'],
      [`/medewerker/financien/verbonden-partijen/${partij?.uuid ?? ''}`, 'financien-verbonden-partij-wijzigen'],
      ['/medewerker/financien/importeren', 'financien-importeren'],
      ['/medewerker/financien/kengetallen/invoer?jaar=2027', 'financien-kengetallen-invoer'],
      ['/medewerker/financien/kengetallen/importeren', 'financien-kengetallen-importeren'],
      ['/medewerker/financien/signaalwaarden', 'financien-signaalwaarden'],
    ];
    for (const [path, name] of pages) await check(page, path, name);
  }, 300_000);

  it('adds a risk by keyboard alone, through the error summary', async () => {
    await page.goto(`${base}/medewerker`);
    let steps = 0;
    while ((await focusedElement(page)) !== 'a:Begroting, risico’s en weerstandsvermogen' && steps++ < 20) await page.keyboard.press('Tab');
    await Promise.all([page.waitForURL(`${base}/medewerker/financien`), page.keyboard.press('Enter')]);
    steps = 0;
    while ((await focusedElement(page)) !== 'a:Risico’s' && steps++ < 20) await page.keyboard.press('Tab');
    await Promise.all([page.waitForURL(`${base}/medewerker/financien/risicos`), page.keyboard.press('Enter')]);
    steps = 0;
    while ((await focusedElement(page)) !== 'a:Nieuw risico' && steps++ < 20) await page.keyboard.press('Tab');
    await Promise.all([page.waitForURL(`${base}/medewerker/financien/risicos/nieuw`), page.keyboard.press('Enter')]);
    steps = 0;
    while ((await focusedElement(page)) !== '#naam' && steps++ < 20) await page.keyboard.press('Tab');
    await page.keyboard.type('Uitval hoofdserver');
    // Submitted without chance and impact: the error summary takes focus and names both.
    await Promise.all([page.waitForLoadState('load'), page.keyboard.press('Enter')]);
    await page.waitForSelector('.loket-error-summary');
    expect(await page.title()).toContain('Fout:');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('loket-error-summary'))).toBe(true);
    expect(await page.textContent('.loket-error-summary')).toContain('Vul de kans in');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: join(screenshotDir, 'financien-risico-fouten.png'), fullPage: true });
    // The summary's first link leads to the field.
    await page.keyboard.press('Tab');
    expect(await focusedElement(page)).toBe('a:Vul de kans in als een percentage van 0 tot en met 100, bijvoorbeeld 25 of 12,5.');
    await page.keyboard.press('Enter');
    steps = 0;
    while ((await focusedElement(page)) !== '#kans' && steps++ < 20) await page.keyboard.press('Tab');
    await page.keyboard.type('15');
    await page.keyboard.press('Tab');
    expect(await focusedElement(page)).toBe('#impact');
    await page.keyboard.type('350000');
    await Promise.all([page.waitForURL(`${base}/medewerker/financien/risicos?melding=opgeslagen`), page.keyboard.press('Enter')]);
    expect(await page.textContent('[role="status"]')).toContain('opgeslagen');
    expect(await page.textContent('table')).toContain('Uitval hoofdserver');
  }, 120_000);

  it('corrects a refused signal band by keyboard alone, through the error summary, and names the bad rows of a kengetallen file', async () => {
    await page.goto(`${base}/medewerker/financien/signaalwaarden`);
    await page.fill('#nettoSchuldquote_hoog', '50');
    await Promise.all([page.waitForLoadState('load'), page.click('text=Signaalwaarden opslaan')]);
    await page.waitForSelector('.loket-error-summary');
    expect(await page.title()).toContain('Fout:');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('loket-error-summary'))).toBe(true);
    expect(await page.textContent('#nettoSchuldquote_hoog-fout')).toContain('de grenzen moeten oplopen');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: join(screenshotDir, 'financien-signaalwaarden-fouten.png'), fullPage: true });
    await page.keyboard.press('Tab');
    expect(await focusedElement(page)).toContain('a:Bij de netto schuldquote ligt de bovenste grens');
    await page.keyboard.press('Enter');
    let steps = 0;
    while ((await focusedElement(page)) !== '#nettoSchuldquote_hoog' && steps++ < 20) await page.keyboard.press('Tab');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('120');
    await Promise.all([page.waitForURL(`${base}/medewerker/financien/signaalwaarden?melding=banden`), page.keyboard.press('Enter')]);
    expect(await page.textContent('[role="status"]')).toContain('De signaalwaarden zijn opgeslagen.');
    expect(await page.inputValue('#nettoSchuldquote_hoog')).toBe('120');
    // Back to the provincial table by keyboard: the button is the next stop after the form's own button.
    steps = 0;
    while ((await focusedElement(page)) !== 'button:Terug naar de signaalwaarden van de provincie' && steps++ < 60) await page.keyboard.press('Tab');
    await Promise.all([page.waitForURL(`${base}/medewerker/financien/signaalwaarden?melding=banden-standaard`), page.keyboard.press('Enter')]);
    expect(await page.inputValue('#nettoSchuldquote_hoog')).toBe('130');

    await page.goto(`${base}/medewerker/financien/kengetallen/importeren`);
    await page.setInputFiles('#bestand', { name: 'kengetallen.csv', mimeType: 'text/csv', buffer: Buffer.from('jaar;veld;bedrag\n2027;vaste_schulden;96000000\n2027;schulden;5\n') });
    await Promise.all([page.waitForLoadState('load'), page.click('button:has-text("Importeren")')]);
    await page.waitForSelector('#problemen-titel');
    expect(await page.textContent('.financien-tabel:has(#problemen-titel) tbody')).toContain('schulden');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: join(screenshotDir, 'financien-kengetallen-import-fouten.png'), fullPage: true });
  }, 120_000);

  it('shows college and raad the overviews without forms', async () => {
    const reader = await signedIn(bestuur);
    for (const [path, name] of [
      ['/medewerker/financien', 'financien-bestuur-overzicht'],
      ['/medewerker/financien/maatregelen?haalbaarheid=gemiddeld', 'financien-bestuur-maatregelen'],
      ['/medewerker/financien/weerstandsvermogen', 'financien-bestuur-weerstandsvermogen'],
      ['/medewerker/financien/risicos', 'financien-bestuur-risicos'],
      ['/medewerker/financien/verbonden-partijen', 'financien-bestuur-verbonden-partijen'],
    ] as const) {
      await check(reader, path, name);
      expect(await reader.locator('form[method="post"]').count(), path).toBe(0);
    }
  }, 180_000);

  it('publishes Begroting in beeld with charts beside their tables, wide and narrow', async () => {
    // The page has no script at all (asserted in its route test), so what is checked here is what every visitor gets.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    const visitor = await context.newPage();
    await check(visitor, '/begroting', 'begroting-in-beeld');
    expect(await visitor.locator('svg[role="img"]').count()).toBe(2);
    expect(await visitor.locator('table').count()).toBe(3);
    await visitor.setViewportSize({ width: 390, height: 844 });
    await check(visitor, '/begroting', 'begroting-in-beeld-smal');
  }, 240_000);
});
