import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESIDENT_SESSION_COOKIE } from '../../src/platform/auth/resident-session.ts';
import { insertTestStatus } from '../../src/components/zaken/zaken/zaken-test-kit.ts';
import { insertBericht } from '../../src/portaal/mijn/berichten-repository.ts';
import { createDocumentverzoek } from '../../src/portaal/mijn/documentverzoeken.ts';
import { insertOwnZaak, insertTestInformatieobjecttype, insertZaakDocument } from '../../src/portaal/mijn/mijn-test-kit.ts';
import { signInResident } from '../resident-session.ts';
import { insertTestZaaktype } from '../zgw-fixtures.ts';
import { serveForBrowser, type ServedApp } from './served-app.ts';
import { accessibilityViolations, CHROMIUM_MISSING, chromiumAvailable, focusedElement, launchChromium } from './chromium.ts';

/** Screenshots of Mijn omgeving at desktop and phone width, for a person to look at (not committed). */
const screenshotDir = process.env.LOKET_SCREENSHOT_DIR ?? join('test-results', 'screenshots');
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
const BSN = '999993653';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');

describe.skipIf(!chromiumAvailable)(chromiumAvailable ? 'Mijn omgeving in a browser, by keyboard only, meeting WCAG 2.1 AA' : CHROMIUM_MISSING, () => {
  let served: ServedApp;
  let browser: Browser;
  let browserContext: BrowserContext;
  let page: Page;
  let zaak: { uuid: string; identificatie: string };
  let verzoek: string;
  let bericht: string;

  beforeAll(async () => {
    served = await serveForBrowser({ slug: 'mijntest', name: 'Gemeente Voorbeeld' });
    const db = served.database.db;
    const tenant = served.tenant;
    const zaaktype = await insertTestZaaktype(db, tenant);
    await db.updateTable('zaaktypen').set({ omschrijving: 'Parkeervergunning' }).where('uuid', '=', zaaktype.uuid).execute();
    const iotype = await insertTestInformatieobjecttype(db, tenant, zaaktype, 'Huurcontract');
    zaak = await insertOwnZaak(db, tenant, zaaktype, { bsn: BSN, email: 'suzanne@example.org' }, { startdatum: '2026-03-02' });
    await insertOwnZaak(db, tenant, zaaktype, { bsn: BSN }, { startdatum: '2025-10-01', einddatum: '2025-11-15' });
    await insertTestStatus(db, tenant, zaak.uuid, zaaktype.statustypen[0]?.uuid ?? '', '2026-03-02T09:00:00Z');
    await insertTestStatus(db, tenant, zaak.uuid, zaaktype.statustypen[1]?.uuid ?? '', '2026-03-04T09:00:00Z');
    await insertZaakDocument(db, served.context.config.dataDir, tenant, zaak.uuid, iotype, { titel: 'Ontvangstbevestiging', vertrouwelijkheidaanduiding: 'zaakvertrouwelijk' });
    verzoek = await createDocumentverzoek(db, tenant.id, { zaakUuid: zaak.uuid, omschrijving: 'Een kopie van uw huurcontract', informatieobjecttypeUuid: iotype, deadline: '2026-04-01', aangevraagdDoor: 'Bert Behandelaar' });
    bericht = await insertBericht(db, { tenantId: tenant.id, zaakUuid: zaak.uuid, richting: 'van_behandelaar', onderwerp: 'Aanvullende gegevens', tekst: 'Wij missen uw huurcontract. Wilt u dat sturen?', afzender: 'Bert Behandelaar' });
    const resident = await signInResident(db, tenant, { identificatie: BSN, naam: 'Suzanne Moulin' });
    browser = await launchChromium();
    browserContext = await browser.newContext({ viewport: DESKTOP });
    await browserContext.addCookies([{ name: RESIDENT_SESSION_COOKIE, value: resident.cookie.slice(RESIDENT_SESSION_COOKIE.length + 1), url: served.base }]);
    page = await browserContext.newPage();
    mkdirSync(screenshotDir, { recursive: true });
  });
  afterAll(async () => {
    await browserContext?.close();
    await browser?.close();
    await served?.close();
  });

  async function screenshots(name: string): Promise<void> {
    await page.screenshot({ path: join(screenshotDir, `mijn-${name}-desktop.png`), fullPage: true });
    await page.setViewportSize(PHONE);
    await page.screenshot({ path: join(screenshotDir, `mijn-${name}-telefoon.png`), fullPage: true });
    await page.setViewportSize(DESKTOP);
  }

  async function tabTo(target: string, limit = 60): Promise<void> {
    let steps = 0;
    while ((await focusedElement(page)) !== target && steps++ < limit) await page.keyboard.press('Tab');
    expect(await focusedElement(page)).toBe(target);
  }

  it('goes from Mijn omgeving to a zaak, hands in the requested document and answers the behandelaar, with the keyboard alone', async () => {
    const base = served.base;
    await page.goto(`${base}/mijn`);
    expect(await page.textContent('h1')).toBe('Mijn omgeving');
    expect(await page.textContent('main')).toContain('Wij vragen u om 1 document');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshots('home');

    await tabTo('a:Mijn zaken');
    await Promise.all([page.waitForURL(`${base}/mijn/zaken`), page.keyboard.press('Enter')]);
    expect(await page.textContent('h1')).toBe('Mijn zaken');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshots('zaken');

    await tabTo(`a:Parkeervergunning, zaak ${zaak.identificatie}`);
    await Promise.all([page.waitForURL(`${base}/mijn/zaken/${zaak.identificatie}`), page.keyboard.press('Enter')]);
    expect(await page.textContent('h1')).toBe('Parkeervergunning');
    expect(await page.textContent('[aria-current="step"]')).toContain('In behandeling');
    expect(await page.textContent('main')).toContain('Ontvangstbevestiging');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshots('zaak');

    // The file input opens the file chooser from the keyboard; the chosen file is the resident's huurcontract.
    await tabTo(`#bestand-${verzoek}`);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Space')]);
    await chooser.setFiles({ name: 'huurcontract.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.keyboard.press('Tab');
    expect(await focusedElement(page)).toBe('button:Document versturen');
    await Promise.all([page.waitForURL(/ingediend=ja/), page.keyboard.press('Enter')]);
    expect(await page.textContent('[role="status"]')).toContain('Wij hebben uw document ontvangen');
    expect(await accessibilityViolations(page)).toEqual([]);
    const handedIn = await served.database.db.selectFrom('documentverzoeken').select(['status', 'document_uuid']).where('uuid', '=', verzoek).executeTakeFirstOrThrow();
    expect(handedIn.status).toBe('ingediend');
    expect(handedIn.document_uuid).not.toBeNull();

    await tabTo('a:Aanvullende gegevens');
    await Promise.all([page.waitForURL(`${base}/mijn/berichten/${bericht}`), page.keyboard.press('Enter')]);
    expect(await page.textContent('h1')).toBe('Aanvullende gegevens');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshots('bericht');

    // Only spaces: the server refuses it, the error summary takes focus and links to the field.
    await tabTo('#antwoord');
    await page.keyboard.type('   ');
    await page.keyboard.press('Tab');
    expect(await focusedElement(page)).toBe('button:Antwoord versturen');
    await Promise.all([page.waitForResponse((response) => response.url().endsWith('/antwoord') && response.status() === 400), page.keyboard.press('Enter')]);
    await page.waitForSelector('.mijn-foutoverzicht');
    expect(await page.title()).toMatch(/^Fout: /);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('mijn-foutoverzicht'))).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshots('bericht-fout');

    await page.keyboard.press('Tab');
    expect(await focusedElement(page)).toBe('a:Schrijf uw bericht.');
    await page.keyboard.press('Enter');
    expect(await focusedElement(page)).toBe('#antwoord');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Ik heb het huurcontract zojuist gestuurd.');
    await page.keyboard.press('Tab');
    await Promise.all([page.waitForURL(/verstuurd=ja/), page.keyboard.press('Enter')]);
    expect(await page.textContent('[role="status"]')).toContain('Uw antwoord is verstuurd');
    expect(await accessibilityViolations(page)).toEqual([]);
    const replies = await served.database.db.selectFrom('inwoner_berichten').select(['onderwerp', 'tekst']).where('zaak_uuid', '=', zaak.uuid).where('richting', '=', 'van_inwoner').execute();
    expect(replies).toEqual([{ onderwerp: 'Re: Aanvullende gegevens', tekst: 'Ik heb het huurcontract zojuist gestuurd.' }]);

    await page.goto(`${base}/mijn/berichten`);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshots('berichten');
  }, 120_000);
});
