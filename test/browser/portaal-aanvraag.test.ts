import { mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { amsterdamToday } from '../../src/kennisbank/dates.ts';
import { seedDemoKennisbank } from '../../src/kennisbank/demo/seed.ts';
import { seedDemoCatalogus } from '../../src/components/catalogi/demo/seed.ts';
import { seedDemoFormulieren } from '../../src/formulieren/demo/seed.ts';
import { RESIDENT_SESSION_COOKIE } from '../../src/platform/auth/resident-session.ts';
import { signInResident } from '../resident-session.ts';
import { serveForBrowser, type ServedApp } from './served-app.ts';
import { accessibilityViolations, CHROMIUM_MISSING, chromiumAvailable, focusedElement, launchChromium } from './chromium.ts';

/** Screenshots of the e-form's pages at desktop and phone width, for a person to look at (not committed). */
const screenshotDir = process.env.LOKET_SCREENSHOT_DIR ?? join('test-results', 'screenshots');
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
const FORM = '/producten/melding-openbare-ruimte/aanvragen';

describe.skipIf(!chromiumAvailable)(chromiumAvailable ? 'an e-form that becomes a zaak, in a browser, by keyboard, meeting WCAG 2.1 AA' : CHROMIUM_MISSING, () => {
  let served: ServedApp;
  let browser: Browser;
  let browserContext: BrowserContext;
  let page: Page;
  let dataDir: string;
  let photo: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'loket-aanvraag-browser-'));
    served = await serveForBrowser({ slug: 'aanvraagtest', name: 'Gemeente Voorbeeld' }, { LOKET_DATA_DIR: dataDir });
    const { db } = served.database;
    await seedDemoCatalogus(db, served.tenant);
    await seedDemoKennisbank(db, served.tenant.id, amsterdamToday());
    await seedDemoFormulieren(db, served.tenant);
    photo = join(dataDir, 'stoeptegel.jpg');
    const { writeFile } = await import('node:fs/promises');
    await writeFile(photo, Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(2048)]));
    browser = await launchChromium();
    browserContext = await browser.newContext({ viewport: DESKTOP });
    // A resident who signed in with DigiD (the sign-in itself is another journey's test).
    const resident = await signInResident(db, served.tenant, { naam: 'Suzanne Moulin', eMail: 'suzanne@voorbeeld.nl' });
    await browserContext.addCookies([{ name: RESIDENT_SESSION_COOKIE, value: resident.cookie.slice(RESIDENT_SESSION_COOKIE.length + 1), domain: '127.0.0.1', path: '/', httpOnly: true, sameSite: 'Lax' }]);
    page = await browserContext.newPage();
    mkdirSync(screenshotDir, { recursive: true });
  });
  afterAll(async () => {
    await browserContext?.close();
    await browser?.close();
    await served?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  async function checked(name: string): Promise<void> {
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: join(screenshotDir, `aanvraag-${name}-desktop.png`), fullPage: true });
    await page.setViewportSize(PHONE);
    await page.screenshot({ path: join(screenshotDir, `aanvraag-${name}-telefoon.png`), fullPage: true });
    await page.setViewportSize(DESKTOP);
  }

  async function tabTo(target: string, limit = 60): Promise<void> {
    let steps = 0;
    while ((await focusedElement(page)) !== target && steps++ < limit) await page.keyboard.press('Tab');
    expect(await focusedElement(page)).toBe(target);
  }

  async function pressAndWait(key: string, url: RegExp | string): Promise<void> {
    await Promise.all([page.waitForURL(url), page.keyboard.press(key)]);
  }

  it('fills the Melding openbare ruimte with its conditional step and a photo, checks the summary and gets a zaak number', async () => {
    const base = served.base;
    await page.goto(`${base}/producten/melding-openbare-ruimte`);
    await checked('product');
    await tabTo('a:Melding openbare ruimte doen: online regelen');
    await pressAndWait('Enter', `${base}${FORM}`);
    expect(await page.textContent('h1')).toBe('Melding openbare ruimte');
    await checked('start');
    await tabTo('button:Start');
    await pressAndWait('Enter', `${base}${FORM}/stap/melding`);
    await checked('stap-melding');

    // Next without answers: the error summary at the top, each error beside its field.
    await tabTo('button:Volgende');
    // The page answers in place (400), so wait for that answer rather than for another address.
    await Promise.all([page.waitForResponse((response) => response.request().method() === 'POST' && response.status() === 400), page.keyboard.press('Enter')]);
    // The response arrived; the browser may still be rendering it: wait for the new document's title.
    await page.waitForFunction(() => document.title.startsWith('Fout: '));
    expect(await page.title()).toMatch(/^Fout: Wat wilt u melden\?/);
    expect(await page.locator('#foutsamenvatting li').count()).toBe(3);
    expect(await page.getAttribute('#veld-omschrijving', 'aria-invalid')).toBe('true');
    await checked('stap-melding-fouten');

    // Keyboard only: the summary's link to the first field, then radio buttons, text, radio buttons.
    await tabTo('a:Kies een antwoord bij \'Waar gaat uw melding over?\'.');
    await page.keyboard.press('Enter');
    await tabTo('#veld-categorie-0');
    await page.keyboard.press('ArrowDown');
    expect(await page.isChecked('#veld-categorie-1')).toBe(true);
    await tabTo('#veld-omschrijving');
    await page.keyboard.type('Een losse stoeptegel op de stoep voor nummer 12.');
    await tabTo('#veld-gevaarlijk-0');
    await page.keyboard.press('Space');
    await tabTo('button:Volgende');
    await pressAndWait('Enter', `${base}${FORM}/stap/gevaar`);
    expect(await page.textContent('h1')).toBe('Gevaarlijke situatie');
    await checked('stap-gevaar');
    await tabTo('#veld-gevaar-uitleg');
    await page.keyboard.type('Er zijn al mensen over gestruikeld.');
    await tabTo('#veld-afgezet-0');
    await page.keyboard.press('ArrowDown');
    await tabTo('button:Volgende');
    await pressAndWait('Enter', `${base}${FORM}/stap/plek`);
    await checked('stap-plek');
    await tabTo('#veld-adres-postcode');
    await page.keyboard.type('1234ab');
    await page.keyboard.press('Tab');
    await page.keyboard.type('12');
    await tabTo('button:Volgende');
    await pressAndWait('Enter', `${base}${FORM}/stap/foto`);
    await checked('stap-foto');

    // Choosing a file opens the system's dialog; the test hands the file to the input instead.
    await page.setInputFiles('#veld-foto', photo);
    await tabTo('button:Volgende');
    await pressAndWait('Enter', `${base}${FORM}/stap/contact`);
    expect(await page.inputValue('#veld-email')).toBe('suzanne@voorbeeld.nl');
    await checked('stap-contact');
    await tabTo('button:Volgende');
    await pressAndWait('Enter', `${base}${FORM}/controleren`);

    expect(await page.textContent('h1')).toBe('Controleer uw antwoorden');
    const summary = (await page.textContent('main')) ?? '';
    expect(summary).toContain('Bestrating');
    expect(summary).toContain('Er zijn al mensen over gestruikeld.');
    expect(summary).toContain('1234 AB 12');
    expect(summary).toContain('stoeptegel.jpg');
    await checked('controleren');

    await tabTo('button:Versturen');
    await pressAndWait('Enter', new RegExp(`${FORM}/ontvangen/`));
    expect(await page.textContent('h1')).toBe('Uw aanvraag is verstuurd');
    const number = (await page.textContent('.portaal-zaaknummer')) ?? '';
    expect(number).toMatch(/^ZAAK-\d{4}-\d+$/);
    await checked('ontvangen');

    const zaak = await served.database.db.selectFrom('zaken').select(['uuid', 'identificatie']).where('tenant_id', '=', served.tenant.id).executeTakeFirstOrThrow();
    expect(zaak.identificatie).toBe(number);
    const documenten = await served.database.db.selectFrom('zaakinformatieobjecten').select('titel').where('zaak_uuid', '=', zaak.uuid).execute();
    expect(documenten.map((document) => document.titel).sort()).toEqual(['Foto van de plek: stoeptegel.jpg', 'Melding openbare ruimte']);
    // Eight pages, each checked by axe and photographed twice: more than the default time on a small machine.
  }, 240_000);
});
