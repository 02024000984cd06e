import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffUser, type CreatedStaffUser } from '../../src/platform/auth/staff-user-repository.ts';
import { totpCode } from '../staff-session.ts';
import { serveForBrowser, type ServedApp } from './served-app.ts';
import { accessibilityViolations, CHROMIUM_MISSING, chromiumAvailable, focusedElement, launchChromium } from './chromium.ts';

describe.skipIf(!chromiumAvailable)(chromiumAvailable ? 'privacy officer inzage in a browser, by keyboard, meeting WCAG 2.1 AA' : CHROMIUM_MISSING, () => {
  let served: ServedApp;
  let browser: Browser;
  let browserContext: BrowserContext;
  let page: Page;
  let base: string;
  let officer: CreatedStaffUser;

  beforeAll(async () => {
    served = await serveForBrowser({ slug: 'inzagetest', name: 'Gemeente Inzagetest' });
    base = served.base;
    officer = await createStaffUser(served.database.db, served.context.keys, { tenantId: served.tenant.id, email: 'pim@example.nl', displayName: 'Pim Privacy', roles: ['privacy'] });
    browser = await launchChromium();
    browserContext = await browser.newContext();
    page = await browserContext.newPage();
  });
  afterAll(async () => {
    await browserContext?.close();
    await browser?.close();
    await served?.close();
  });

  async function submitWithEnter(url: string): Promise<void> {
    await Promise.all([page.waitForURL(url), page.keyboard.press('Enter')]);
  }

  it('finds the inzage from the workspace, explains a wrong BSN and lists the processing, all by keyboard', async () => {
    await page.goto(`${base}/medewerker`);
    await page.fill('#email', officer.user.email);
    await page.fill('#wachtwoord', officer.password);
    await submitWithEnter(`${base}/medewerker/inloggen/code`);
    await page.fill('#code', totpCode(officer.totpSecret));
    await submitWithEnter(`${base}/medewerker`);

    // Tab from the top of the workspace to the inzage link.
    let steps = 0;
    while ((await focusedElement(page)) !== 'a:Verwerkingen van een persoon opzoeken' && steps++ < 10) await page.keyboard.press('Tab');
    await submitWithEnter(`${base}/medewerker/privacy/verwerkingen`);
    expect(await page.textContent('h1')).toBe('Verwerkingen van een persoon');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await focusedElement(page)).toBe('#bsn');
    await page.keyboard.type('123456789');
    await submitWithEnter(`${base}/medewerker/privacy/verwerkingen`);
    expect(await page.title()).toContain('Fout:');
    expect(await page.textContent('#bsn-fout')).toContain('elfproef');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.fill('#bsn', '111222333');
    await submitWithEnter(`${base}/medewerker/privacy/verwerkingen`);
    await page.fill('#bsn', '111222333');
    await submitWithEnter(`${base}/medewerker/privacy/verwerkingen`);
    // The first lookup was itself logged, so the second one finds it.
    expect(await page.textContent('table')).toContain('verwerkingen-inzien');
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
