import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffUser, type CreatedStaffUser } from '../../src/platform/auth/staff-user-repository.ts';
import { totpCode } from '../staff-session.ts';
import { serveForBrowser, type ServedApp } from './served-app.ts';
import { accessibilityViolations, CHROMIUM_MISSING, chromiumAvailable, focusedElement, launchChromium, waitForFocusOn } from './chromium.ts';

/** Set LOKET_SCREENSHOT_DIR to keep screenshots of each page of the flow for a visual check. */
const screenshotDir = process.env.LOKET_SCREENSHOT_DIR;

describe.skipIf(!chromiumAvailable)(chromiumAvailable ? 'staff sign-in in a browser, by keyboard, meeting WCAG 2.1 AA' : CHROMIUM_MISSING, () => {
  let served: ServedApp;
  let browser: Browser;
  let browserContext: BrowserContext;
  let page: Page;
  let base: string;
  let staff: CreatedStaffUser;

  beforeAll(async () => {
    served = await serveForBrowser({ slug: 'browsertest', name: 'Gemeente Browsertest' });
    base = served.base;
    staff = await createStaffUser(served.database.db, served.context.keys, { tenantId: served.tenant.id, email: 'kim@example.nl', displayName: 'Kim Klantcontact', roles: ['kcc', 'behandelaar'] });
    browser = await launchChromium();
    // axe needs pages from an explicit context.
    browserContext = await browser.newContext();
    page = await browserContext.newPage();
  });
  afterAll(async () => {
    await browserContext?.close();
    await browser?.close();
    await served?.close();
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
    await waitForFocusOn(page, 'loket-error-summary');
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
