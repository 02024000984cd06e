import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, FileChooser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffUser, type CreatedStaffUser } from '../../src/platform/auth/staff-user-repository.ts';
import { seedDemoCatalogus } from '../../src/components/catalogi/demo/seed.ts';
import { createKlantToken } from '../../src/components/klantinteracties/klantinteracties-test-kit.ts';
import { createTeam, setTeamLeden, setTeamZaaktypen } from '../../src/medewerker/toegang/teams.ts';
import { registerSectieTestPagina, TEST_PAGINA } from '../../src/medewerker/zaak-secties/zaak-secties-test-kit.ts';
import { totpCode } from '../staff-session.ts';
import { insertTestZaak } from '../zgw-fixtures.ts';
import { serveForBrowser, type ServedApp } from './served-app.ts';
import { accessibilityViolations, CHROMIUM_MISSING, chromiumAvailable, focusedElement, launchChromium } from './chromium.ts';

/** Set LOKET_SCREENSHOT_DIR to keep screenshots of each page for a visual check. */
const screenshotDir = process.env.LOKET_SCREENSHOT_DIR;

/*
 * The zaak page's sections in a browser: a test-only page renders all four for a zaak (the zaak page itself is built
 * elsewhere), checked with axe for WCAG 2.1 AA; a behandelaar adds a document with the keyboard alone.
 */
describe.skipIf(!chromiumAvailable)(chromiumAvailable ? 'the zaak page sections in a browser, by keyboard, meeting WCAG 2.1 AA' : CHROMIUM_MISSING, () => {
  let served: ServedApp;
  let dataDir: string;
  let browser: Browser;
  let browserContext: BrowserContext;
  let page: Page;
  let staff: CreatedStaffUser;
  let zaakUuid: string;

  /** Space on the focused file input opens the chooser; on a busy machine Chromium can drop the first request, so ask again. */
  async function openFileChooserByKeyboard(): Promise<FileChooser> {
    for (let attempt = 1; ; attempt++) {
      try {
        const [chooser] = await Promise.all([page.waitForEvent('filechooser', { timeout: 5_000 }), page.keyboard.press('Space')]);
        return chooser;
      } catch (error) {
        if (attempt === 3) throw error;
      }
    }
  }

  async function screenshot(name: string): Promise<void> {
    if (screenshotDir) await page.screenshot({ path: join(screenshotDir, name), fullPage: true });
  }

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'loket-zaak-secties-browser-'));
    served = await serveForBrowser({ slug: 'zaaksecties', name: 'Gemeente Zaaksecties' }, { LOKET_DATA_DIR: dataDir }, registerSectieTestPagina);
    const db = served.database.db;
    await seedDemoCatalogus(db, served.tenant);
    staff = await createStaffUser(db, served.context.keys, { tenantId: served.tenant.id, email: 'bea@example.nl', displayName: 'Bea Behandelaar', roles: ['behandelaar'] });
    const team = await createTeam(db, served.tenant.id, 'Burgerzaken');
    await setTeamZaaktypen(db, served.tenant.id, team, ['VERHUIZING']);
    await setTeamLeden(db, served.tenant.id, team, [staff.user.id]);
    const zaaktype = await db.selectFrom('zaaktypen').select('uuid').where('tenant_id', '=', served.tenant.id).where('identificatie', '=', 'VERHUIZING').executeTakeFirstOrThrow();
    zaakUuid = (await insertTestZaak(db, served.tenant, zaaktype, { vertrouwelijkheidaanduiding: 'zaakvertrouwelijk' })).uuid;

    // A phone call about the zaak, through the Klantinteracties API as the KCC would register it.
    const token = await createKlantToken(db, served.context.keys, served.tenant);
    const post = async (path: string, body: unknown) => {
      const response = await fetch(`${served.base}/klantinteracties/api/v1${path}`, { method: 'POST', headers: { authorization: `Token ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      expect(response.status).toBe(201);
      return (await response.json()) as { uuid: string };
    };
    const contact = await post('/klantcontacten', { kanaal: 'telefoon', onderwerp: 'Vraag over de verhuisdatum', inhoud: '', taal: 'nld', vertrouwelijk: false, indicatieContactGelukt: true, reactie: 'Uitgelegd', plaatsgevondenOp: '2026-11-20T09:30:00Z' });
    await post('/onderwerpobjecten', { klantcontact: { uuid: contact.uuid }, wasKlantcontact: null, onderwerpobjectidentificator: { objectId: zaakUuid, codeObjecttype: 'zaak', codeRegister: 'openzaak', codeSoortObjectId: 'uuid' } });

    browser = await launchChromium();
    browserContext = await browser.newContext();
    page = await browserContext.newPage();
    await page.goto(`${served.base}/medewerker/inloggen`);
    await page.fill('#email', staff.user.email);
    await page.fill('#wachtwoord', staff.password);
    await Promise.all([page.waitForURL(`${served.base}/medewerker/inloggen/code`), page.press('#wachtwoord', 'Enter')]);
    await page.fill('#code', totpCode(staff.totpSecret));
    await Promise.all([page.waitForURL(`${served.base}/medewerker`), page.press('#code', 'Enter')]);
  }, 180_000);
  afterAll(async () => {
    await browserContext?.close();
    await browser?.close();
    await served?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('renders all four sections without a WCAG 2.1 AA violation, and a note added shows in notes and audit trail', async () => {
    await page.goto(`${served.base}${TEST_PAGINA}/${zaakUuid}`);
    for (const heading of ['Documenten', 'Notities', 'Contactmomenten', 'Audittrail']) expect(await page.textContent(`h2:text-is("${heading}")`)).toBe(heading);
    expect(await page.textContent('#contactmomenten')).toContain('Vraag over de verhuisdatum');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.fill('#notitie-onderwerp', 'Gebeld');
    await page.fill('#notitie-tekst', 'Inwoner gebeld over de verhuisdatum.');
    await Promise.all([page.waitForURL(/\/medewerker\/zaken\/.*#notities$/), page.click('button:text-is("Notitie opslaan")')]);
    // The zaak page is built elsewhere; back on the test page the note and its audit record show.
    await page.goto(`${served.base}${TEST_PAGINA}/${zaakUuid}`);
    expect(await page.textContent('#notities')).toContain('Inwoner gebeld over de verhuisdatum.');
    expect(await page.textContent('#audittrail')).toContain('Notitie: Gebeld');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot('zaak-secties.png');
  }, 120_000);

  it('shows the problems of an empty document form accessibly', async () => {
    await page.goto(`${served.base}${TEST_PAGINA}/${zaakUuid}`);
    await Promise.all([page.waitForURL(`${served.base}/medewerker/zaken/${zaakUuid}/documenten`), page.click('button:text-is("Document toevoegen")')]);
    expect(await page.textContent('.loket-error-summary')).toContain('Vul een titel in.');
    expect(await page.getAttribute('#document-nieuw-titel', 'aria-invalid')).toBe('true');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot('zaak-secties-document-fouten.png');
  }, 120_000);

  it('adds a document with the keyboard alone, then shows it with its versions', async () => {
    await page.goto(`${served.base}${TEST_PAGINA}/${zaakUuid}`);
    await page.keyboard.press('Tab');
    expect(await focusedElement(page)).toBe('a:Direct naar de inhoud');
    for (let presses = 0; presses < 40 && (await focusedElement(page)) !== '#document-nieuw-titel'; presses += 1) await page.keyboard.press('Tab');
    expect(await focusedElement(page)).toBe('#document-nieuw-titel');
    await page.keyboard.type('Aangifte verhuizing');
    await page.keyboard.press('Tab');
    expect(await focusedElement(page)).toBe('#document-nieuw-type');
    await page.keyboard.press('ArrowDown');
    expect(await page.$eval('#document-nieuw-type', (select) => (select as HTMLSelectElement).selectedOptions[0]?.textContent)).toBe('Aangifte');
    await page.keyboard.press('Tab');
    expect(await focusedElement(page)).toBe('#document-nieuw-vertrouwelijkheid');
    await page.keyboard.press('Tab');
    expect(await focusedElement(page)).toBe('#document-nieuw-beschrijving');
    await page.keyboard.type('Ingevuld aangifteformulier');
    await page.keyboard.press('Tab');
    expect(await focusedElement(page)).toBe('#document-nieuw-bestand');
    const chooser = await openFileChooserByKeyboard();
    await chooser.setFiles({ name: 'aangifte.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% aangifte\n') });
    await page.keyboard.press('Tab');
    expect(await focusedElement(page)).toBe('button:Document toevoegen');
    await Promise.all([page.waitForURL(/\/documenten\/[0-9a-f-]{36}\?melding=toegevoegd$/), page.keyboard.press('Enter')]);

    expect(await page.textContent('[role="status"]')).toContain('Het document is toegevoegd.');
    expect(await page.textContent('h1')).toBe('Aangifte verhuizing');
    expect(await page.textContent('main')).toContain('Versie 1 downloaden');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot('zaak-secties-document.png');

    await page.goto(`${served.base}${TEST_PAGINA}/${zaakUuid}`);
    expect(await page.textContent('#documenten')).toContain('Aangifte verhuizing');
    expect(await accessibilityViolations(page)).toEqual([]);
  }, 120_000);
});
