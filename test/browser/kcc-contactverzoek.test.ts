import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffUser, type CreatedStaffUser } from '../../src/platform/auth/staff-user-repository.ts';
import { createTeam, setTeamLeden } from '../../src/medewerker/toegang/teams.ts';
import { plusWerkdagen } from '../../src/medewerker/contactverzoeken/termijn.ts';
import { vandaag } from '../../src/formulieren/dagen.ts';
import { registreerKlantcontact } from '../klantcontact-fixtures.ts';
import { serveForBrowser, type ServedApp } from './served-app.ts';
import { accessibilityViolations, CHROMIUM_MISSING, chromiumAvailable, launchChromium, waitForFocusOn } from './chromium.ts';
import { signInInBrowser, signOutInBrowser, tabTo } from './staff-browser.ts';

/** Set LOKET_SCREENSHOT_DIR to keep screenshots of each page of the journey for a visual check. */
const screenshotDir = process.env.LOKET_SCREENSHOT_DIR;

describe.skipIf(!chromiumAvailable)(chromiumAvailable ? 'a contactverzoek handed over by the KCC, picked up and closed by the back office, in a browser' : CHROMIUM_MISSING, () => {
  let served: ServedApp;
  let browser: Browser;
  let browserContext: BrowserContext;
  let page: Page;
  let base: string;
  let kcc: CreatedStaffUser;
  let behandelaar: CreatedStaffUser;
  let klantcontact: string;

  async function shot(name: string): Promise<void> {
    if (screenshotDir) await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
  }

  beforeAll(async () => {
    served = await serveForBrowser({ slug: 'kcc-contactverzoek', name: 'Gemeente Contactverzoek' });
    base = served.base;
    const { db } = served.database;
    const { keys } = served.context;
    kcc = await createStaffUser(db, keys, { tenantId: served.tenant.id, email: 'karin@example.nl', displayName: 'Karin KCC', roles: ['kcc'] });
    behandelaar = await createStaffUser(db, keys, { tenantId: served.tenant.id, email: 'bram@example.nl', displayName: 'Bram Behandelaar', roles: ['behandelaar'] });
    const team = await createTeam(db, served.tenant.id, 'Burgerzaken');
    await setTeamLeden(db, served.tenant.id, team, [behandelaar.user.id]);
    klantcontact = (await registreerKlantcontact({ db, keys }, served.tenant, { kanaal: 'telefoon', onderwerp: 'Paspoort kwijt', inhoud: 'Mevrouw is haar paspoort kwijt en wil weten wat ze moet doen.', bsn: '999993653', voornaam: 'Suzanne', achternaam: 'Moulin' })).klantcontactUuid;
    browser = await launchChromium();
    browserContext = await browser.newContext();
    page = await browserContext.newPage();
  });
  afterAll(async () => {
    await browserContext?.close();
    await browser?.close();
    await served?.close();
  });

  it('the KCC hands the contact over; a mistake is shown beside its field', async () => {
    await signInInBrowser(page, base, kcc);
    await page.goto(`${base}/medewerker/kcc/contacten/${klantcontact}/contactverzoek`);
    expect(await page.title()).toBe('Contactverzoek doorzetten - Gemeente Contactverzoek');
    expect(await page.inputValue('#cv-naam')).toBe('Suzanne Moulin');
    expect(await page.inputValue('#cv-deadline')).toBe(plusWerkdagen(vandaag(), 2));
    expect(await accessibilityViolations(page)).toEqual([]);
    await shot('kcc-contactverzoek-formulier');

    await page.fill('#cv-vraag', '');
    await Promise.all([page.waitForURL(/\/contactverzoek$/), page.click('button:has-text("Contactverzoek doorzetten")')]);
    expect(await page.title()).toBe('Fout: Contactverzoek doorzetten - Gemeente Contactverzoek');
    await waitForFocusOn(page, 'loket-error-summary');
    expect(await page.textContent('#cv-vraag-fout')).toContain('Vul de vraag van de klant in.');
    expect(await page.textContent('#cv-bereikbaarheid-fout')).toContain('Vul een telefoonnummer of een e-mailadres in');
    expect(await page.textContent('#cv-ontvanger-fout')).toContain('Kies een team of een medewerker.');
    expect(await accessibilityViolations(page)).toEqual([]);
    await shot('kcc-contactverzoek-fouten');

    await page.fill('#cv-vraag', 'Paspoort kwijt: wat moet mevrouw doen, en kan ze deze week nog een afspraak krijgen?');
    await page.fill('#cv-telefoon', '06 1234 5678');
    await page.fill('#cv-voorkeur', 'dinsdagochtend');
    await page.selectOption('#cv-ontvanger', { label: 'Burgerzaken' });
    await Promise.all([page.waitForURL(/verstuurd=/), page.click('button:has-text("Contactverzoek doorzetten")')]);
    expect(await page.textContent('[role="status"]')).toMatch(/Contactverzoek \S+ is doorgezet naar team Burgerzaken/);
    expect(await accessibilityViolations(page)).toEqual([]);
    await shot('kcc-contactverzoek-doorgezet');
    await signOutInBrowser(page, base);
  }, 180_000);

  it('the behandelaar finds it in the team list, picks it up and closes it, with the keyboard alone', async () => {
    await signInInBrowser(page, base, behandelaar);
    // From the workspace's start page, through the menu.
    await tabTo(page, 'a:Contactverzoeken');
    await Promise.all([page.waitForURL(`${base}/medewerker/contactverzoeken`), page.keyboard.press('Enter')]);
    expect(await page.title()).toBe('Contactverzoeken: Voor mijn team(s) - Gemeente Contactverzoek');
    expect(await page.textContent('main')).toContain('Voor mijn team(s) (1)');
    expect(await accessibilityViolations(page)).toEqual([]);
    await shot('kcc-contactverzoek-lijst');

    const nummer = (await page.textContent('tbody tr td a')) ?? '';
    await tabTo(page, `a:${nummer}`);
    await Promise.all([page.waitForURL(/\/medewerker\/contactverzoeken\/[0-9a-f-]{36}$/), page.keyboard.press('Enter')]);
    expect(await page.textContent('h1')).toBe(`Contactverzoek ${nummer}`);
    expect(await page.textContent('main')).toContain('Paspoort kwijt: wat moet mevrouw doen');
    expect(await page.textContent('main')).toContain('0612345678');
    expect(await page.textContent('main')).toContain('dinsdagochtend');
    expect(await accessibilityViolations(page)).toEqual([]);
    await shot('kcc-contactverzoek-detail');

    await tabTo(page, 'button:Oppakken');
    await Promise.all([page.waitForURL(/gedaan=opgepakt/), page.keyboard.press('Enter')]);
    expect(await page.textContent('main')).toContain('Opgepakt door Bram Behandelaar');

    await tabTo(page, 'button:Afsluiten');
    await Promise.all([page.waitForURL(/\/afsluiten$/), page.keyboard.press('Enter')]);
    // The error summary has focus, so the next Tab goes to its link to the field.
    await waitForFocusOn(page, 'loket-error-summary');
    expect(await page.title()).toBe(`Fout: Contactverzoek ${nummer} - Gemeente Contactverzoek`);
    expect(await page.textContent('#cv-uitkomst-fout')).toContain('Vul de uitkomst in');
    expect(await accessibilityViolations(page)).toEqual([]);

    await tabTo(page, '#cv-uitkomst');
    await page.keyboard.type('Mevrouw teruggebeld: vermissing melden bij de balie, afspraak gemaakt voor donderdag.');
    await tabTo(page, 'button:Afsluiten');
    await Promise.all([page.waitForURL(/gedaan=afgesloten/), page.keyboard.press('Enter')]);
    expect(await page.textContent('[role="status"]')).toContain('Het contactverzoek is afgesloten.');
    expect(await page.textContent('main')).toContain('afspraak gemaakt voor donderdag');
    expect(await page.textContent('main')).toMatch(/Afgehandeld door Bram Behandelaar/);
    expect(await accessibilityViolations(page)).toEqual([]);
    await shot('kcc-contactverzoek-afgesloten');

    await page.goto(`${base}/medewerker/contactverzoeken?lijst=team`);
    expect(await page.textContent('main')).toContain('geen open contactverzoeken');
    expect(await accessibilityViolations(page)).toEqual([]);
  }, 180_000);
});
