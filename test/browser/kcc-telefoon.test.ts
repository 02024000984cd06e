import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoCatalogus } from '../../src/components/catalogi/demo/seed.ts';
import { createStaffUser, type CreatedStaffUser } from '../../src/platform/auth/staff-user-repository.ts';
import { insertZaakVan, publishAnswer } from '../../src/medewerker/kcc/kcc-test-kit.ts';
import { totpCode } from '../staff-session.ts';
import { serveForBrowser, type ServedApp } from './served-app.ts';
import { accessibilityViolations, CHROMIUM_MISSING, chromiumAvailable, focusedElement, launchChromium } from './chromium.ts';

/** Screenshots of each page of the journey, for a person to look at (not committed). */
const screenshotDir = process.env.LOKET_SCREENSHOT_DIR ?? join('test-results', 'screenshots');
const BSN = '999993653';

describe.skipIf(!chromiumAvailable)(chromiumAvailable ? 'KCC: a phone call answered from the kennisbank and closed, in a browser, meeting WCAG 2.1 AA' : CHROMIUM_MISSING, () => {
  let served: ServedApp;
  let browser: Browser;
  let browserContext: BrowserContext;
  let page: Page;
  let zaaknummer: string;

  beforeAll(async () => {
    served = await serveForBrowser({ slug: 'kcctest', name: 'Gemeente Voorbeeld' });
    await seedDemoCatalogus(served.database.db, served.tenant);
    ({ identificatie: zaaknummer } = await insertZaakVan(
      served.database.db,
      served.tenant,
      'VERHUIZING',
      'zaakvertrouwelijk',
      { bsn: BSN, voornamen: 'Noor', voorvoegselGeslachtsnaam: 'de', geslachtsnaam: 'Vries', geboortedatum: '1980-12-31' },
      'Verhuizing binnen de gemeente',
    ));
    await publishAnswer(served.database.db, served.tenant, 'zwembadpas');
    browser = await launchChromium();
    browserContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await browserContext.newPage();
    mkdirSync(screenshotDir, { recursive: true });
  }, 180_000);
  afterAll(async () => {
    await browserContext?.close();
    await browser?.close();
    await served?.close();
  });

  async function newAgent(): Promise<CreatedStaffUser> {
    return createStaffUser(served.database.db, served.context.keys, { tenantId: served.tenant.id, email: `kcc-${String(Date.now())}@example.nl`, displayName: 'Kim Klantcontact', roles: ['kcc'] });
  }

  async function signIn(agent: CreatedStaffUser): Promise<void> {
    // Each journey starts signed out, as its own agent.
    await browserContext.clearCookies();
    await page.goto(`${served.base}/medewerker/inloggen`);
    await page.fill('#email', agent.user.email);
    await page.fill('#wachtwoord', agent.password);
    await Promise.all([page.waitForURL(/\/medewerker(\/inloggen\/code)?$/), page.press('#wachtwoord', 'Enter')]);
    if (page.url().endsWith('/code')) {
      await page.fill('#code', totpCode(agent.totpSecret));
      await Promise.all([page.waitForURL(`${served.base}/medewerker`), page.press('#code', 'Enter')]);
    }
  }

  async function checkPage(name: string): Promise<void> {
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: join(screenshotDir, `kcc-${name}.png`), fullPage: true });
  }

  async function tabTo(target: string, limit = 80): Promise<void> {
    let steps = 0;
    while ((await focusedElement(page)) !== target && steps++ < limit) await page.keyboard.press('Tab');
    expect(await focusedElement(page)).toBe(target);
  }

  async function closedRow() {
    return served.database.db
      .selectFrom('kcc_contacten')
      .select(['kanaal', 'onderwerp', 'resultaat', 'afgehandeld_bij_eerste_contact', 'status', 'partij_uuid'])
      .where('tenant_id', '=', served.tenant.id)
      .orderBy('gesloten_op', 'desc')
      .executeTakeFirstOrThrow();
  }

  it('registers the call, identifies the caller by BSN, finds the answer, opens it and closes the contact as answered', async () => {
    await signIn(await newAgent());
    await page.click('a:has-text("Klantcontact (KCC)")');
    expect(await page.title()).toBe('Klantcontact (KCC) - Gemeente Voorbeeld');
    await checkPage('start');

    // A missing channel is explained beside the field.
    await Promise.all([page.waitForURL(`${served.base}/medewerker/kcc/contacten`), page.click('button:has-text("Contact registreren")')]);
    expect(await page.title()).toBe('Fout: Klantcontact (KCC) - Gemeente Voorbeeld');
    await checkPage('start-fout');

    await page.check('#kanaal');
    await Promise.all([page.waitForURL(/\/medewerker\/kcc\/contacten\/[0-9a-f-]{36}$/), page.click('button:has-text("Contact registreren")')]);
    const contactUrl = page.url();
    expect(await page.textContent('h1')).toMatch(/^Contact \d+/);
    await checkPage('contact');

    await page.fill('#waarde', BSN);
    await page.click('button:has-text("Persoon zoeken")');
    await page.waitForSelector('text=Noor de Vries');
    await checkPage('identificatie');
    await Promise.all([page.waitForURL(contactUrl), page.click('button:has-text("Koppelen aan dit contact")')]);
    expect(await page.textContent('#wie-titel + p')).toContain('Noor de Vries');
    expect(await page.textContent('main')).toContain(zaaknummer);

    await page.fill('#q', 'zwembadpas');
    await Promise.all([page.waitForURL(/\?q=zwembadpas$/), page.click('form[role="search"] button')]);
    expect(await page.textContent('main')).toContain('Kassasysteem storing');
    await checkPage('zoeken');

    await Promise.all([page.waitForURL(/\/medewerker\/kcc\/antwoorden\/zwembadpas\?contact=/), page.click('a:has-text("Zwembadpas aanvragen")')]);
    expect(await page.title()).toBe('Zwembadpas aanvragen - Gemeente Voorbeeld');
    await checkPage('antwoord');
    await Promise.all([page.waitForURL(contactUrl), page.click('main > p > a:has-text("Terug naar het contact")')]);

    await page.fill('#notities', 'Vraagt of de zwembadpas gedeeld mag worden.');
    await Promise.all([page.waitForURL(contactUrl), page.click('button:has-text("Notities opslaan")')]);
    await page.fill('#afsluiten-onderwerp', 'Zwembadpas');
    await page.check('#resultaat');
    await page.check('#eersteContact');
    await Promise.all([page.waitForURL(`${served.base}/medewerker/kcc?gesloten=ja`), page.click('button:has-text("Contact afsluiten")')]);
    expect(await page.textContent('main')).toContain('Het contact is afgesloten.');
    await checkPage('afgesloten');
    expect(await closedRow()).toMatchObject({ kanaal: 'telefoon', onderwerp: 'Zwembadpas', resultaat: 'beantwoord', afgehandeld_bij_eerste_contact: true, status: 'gesloten' });
  }, 180_000);

  it('does the whole call with the keyboard alone', async () => {
    await signIn(await newAgent());
    await page.goto(`${served.base}/medewerker/kcc`);
    await page.keyboard.press('Tab');
    expect(await focusedElement(page)).toBe('a:Direct naar de inhoud');
    await page.keyboard.press('Enter');
    await tabTo('#kanaal');
    await page.keyboard.press('Space');
    await tabTo('button:Contact registreren');
    await Promise.all([page.waitForURL(/\/medewerker\/kcc\/contacten\/[0-9a-f-]{36}$/), page.keyboard.press('Enter')]);
    const contactUrl = page.url();

    // BSN is the preselected key: the value field is next.
    await tabTo('#waarde');
    await page.keyboard.type(BSN);
    await tabTo('button:Persoon zoeken');
    await Promise.all([page.waitForLoadState('load'), page.keyboard.press('Enter')]);
    await page.waitForSelector('text=Noor de Vries');
    await tabTo('button:Koppelen aan dit contact');
    await Promise.all([page.waitForURL(contactUrl), page.keyboard.press('Enter')]);

    await tabTo('#q');
    await page.keyboard.type('zwembadpas');
    await Promise.all([page.waitForURL(/\?q=zwembadpas$/), page.keyboard.press('Enter')]);
    await tabTo('a:Zwembadpas aanvragen');
    await Promise.all([page.waitForURL(/\/medewerker\/kcc\/antwoorden\/zwembadpas/), page.keyboard.press('Enter')]);
    await tabTo('a:Terug naar het contact');
    await Promise.all([page.waitForURL(contactUrl), page.keyboard.press('Enter')]);

    await tabTo('#afsluiten-onderwerp', 120);
    await page.keyboard.type('Zwembadpas');
    await tabTo('#resultaat');
    await page.keyboard.press('Space');
    await tabTo('#eersteContact');
    await page.keyboard.press('Space');
    await tabTo('button:Contact afsluiten');
    await Promise.all([page.waitForURL(`${served.base}/medewerker/kcc?gesloten=ja`), page.keyboard.press('Enter')]);
    expect(await page.textContent('main')).toContain('Het contact is afgesloten.');
    expect(await closedRow()).toMatchObject({ kanaal: 'telefoon', onderwerp: 'Zwembadpas', resultaat: 'beantwoord', afgehandeld_bij_eerste_contact: true });
  }, 180_000);
});
