import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffUser, type CreatedStaffUser } from '../../src/platform/auth/staff-user-repository.ts';
import { seedDemoCatalogus } from '../../src/components/catalogi/demo/seed.ts';
import { seedDemoFormulieren } from '../../src/formulieren/demo/seed.ts';
import { registreerKlantcontact } from '../klantcontact-fixtures.ts';
import { serveForBrowser, type ServedApp } from './served-app.ts';
import { accessibilityViolations, CHROMIUM_MISSING, chromiumAvailable, launchChromium, waitForFocusOn } from './chromium.ts';
import { signInInBrowser } from './staff-browser.ts';

/** Set LOKET_SCREENSHOT_DIR to keep screenshots of each page of the visit for a visual check. */
const screenshotDir = process.env.LOKET_SCREENSHOT_DIR;

describe.skipIf(!chromiumAvailable)(chromiumAvailable ? 'a counter visit: the agent starts a request for the resident, in a browser' : CHROMIUM_MISSING, () => {
  let served: ServedApp;
  let browser: Browser;
  let browserContext: BrowserContext;
  let page: Page;
  let base: string;
  let dataDir: string;
  let photo: string;
  let kcc: CreatedStaffUser;
  let bezoek: string;
  let anoniem: string;

  async function checked(name: string): Promise<void> {
    expect(await accessibilityViolations(page)).toEqual([]);
    if (screenshotDir) await page.screenshot({ path: join(screenshotDir, `kcc-balie-${name}.png`), fullPage: true });
  }

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'loket-balie-browser-'));
    served = await serveForBrowser({ slug: 'balietest', name: 'Gemeente Balie' }, { LOKET_DATA_DIR: dataDir });
    base = served.base;
    const { db } = served.database;
    const { keys } = served.context;
    await seedDemoCatalogus(db, served.tenant);
    await seedDemoFormulieren(db, served.tenant);
    kcc = await createStaffUser(db, keys, { tenantId: served.tenant.id, email: 'baliemedewerker@example.nl', displayName: 'Bas Balie', roles: ['kcc'] });
    bezoek = (await registreerKlantcontact({ db, keys }, served.tenant, { kanaal: 'balie', onderwerp: 'Losse stoeptegel', bsn: '999993653', voornaam: 'Suzanne', achternaam: 'Moulin' })).klantcontactUuid;
    anoniem = (await registreerKlantcontact({ db, keys }, served.tenant, { kanaal: 'balie', onderwerp: 'Vraag' })).klantcontactUuid;
    photo = join(dataDir, 'stoeptegel.jpg');
    await writeFile(photo, Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(2048)]));
    browser = await launchChromium();
    browserContext = await browser.newContext();
    page = await browserContext.newPage();
  });
  afterAll(async () => {
    await browserContext?.close();
    await browser?.close();
    await served?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('asks to identify the resident first when nobody is identified', async () => {
    await signInInBrowser(page, base, kcc);
    await page.goto(`${base}/medewerker/kcc/contacten/${anoniem}/aanvraag`);
    expect(await page.textContent('[role="alert"]')).toContain('Identificeer eerst de inwoner (BSN) of het bedrijf (KvK-nummer)');
    await checked('eerst-identificeren');
  }, 120_000);

  it('chooses the product, fills in the same e-form with the resident and ends with the zaak number', async () => {
    await page.goto(`${base}/medewerker/kcc/contacten/${bezoek}/aanvraag`);
    expect(await page.textContent('main')).toContain('Namens Suzanne Moulin (BSN 999993653)');
    await checked('keuze');
    await page.check('input[value="MELDING-OPENBARE-RUIMTE"]');
    await Promise.all([page.waitForURL(/zaaktype=MELDING-OPENBARE-RUIMTE/), page.click('button:has-text("Formulier openen")')]);
    expect(await page.textContent('h1')).toBe('Melding openbare ruimte');
    expect(await page.textContent('main')).toContain('Kanaal: balie.');
    await checked('formulier');

    // Sent too early: the e-form's own checks, beside each field.
    await Promise.all([page.waitForURL(`${base}/medewerker/kcc/contacten/${bezoek}/aanvraag`), page.click('button:has-text("Aanvraag indienen")')]);
    expect(await page.title()).toBe('Fout: Melding openbare ruimte namens de klant - Gemeente Balie');
    await waitForFocusOn(page, 'loket-error-summary');
    expect(await page.locator('.portaal-fout').count()).toBeGreaterThanOrEqual(4);
    await checked('fouten');

    await page.check('#veld-categorie-1');
    await page.fill('#veld-omschrijving', 'Losse stoeptegel voor nummer 12; mevrouw is er bijna over gestruikeld.');
    await page.check('#veld-gevaarlijk-0');
    // The answer 'ja' brings up the step about the danger: the server shows it before going on.
    await Promise.all([page.waitForURL(`${base}/medewerker/kcc/contacten/${bezoek}/aanvraag`), page.click('button:has-text("Vragen bijwerken")')]);
    expect(await page.textContent('[role="status"]')).toContain('zijn er vragen bijgekomen');
    await page.fill('#veld-gevaar-uitleg', 'De tegel steekt vijf centimeter uit.');
    await page.check('#veld-afgezet-1');
    await page.fill('#veld-adres-postcode', '1234 AB');
    await page.fill('#veld-adres-huisnummer', '12');
    await page.fill('#veld-email', 'suzanne@voorbeeld.nl');
    await page.setInputFiles('#veld-foto', photo);
    await checked('ingevuld');
    await Promise.all([page.waitForURL(/\/aanvraag\/ingediend\/[0-9a-f-]{36}$/), page.click('button:has-text("Aanvraag indienen")')]);

    const inzending = await served.database.db.selectFrom('eformulier_inzendingen').selectAll().where('tenant_id', '=', served.tenant.id).executeTakeFirstOrThrow();
    expect(inzending).toMatchObject({ kanaal: 'balie', soort: 'bsn', identificatie: '999993653', zaaktype_identificatie: 'MELDING-OPENBARE-RUIMTE' });
    expect(await page.textContent('.loket-zaaknummer')).toBe(inzending.zaak_identificatie);
    expect(await page.textContent('main')).toContain('is ingediend via balie');
    await checked('ingediend');
    // The photo and the filled-in form are the zaak's documents, as online.
    const documenten = await served.database.db.selectFrom('zaakinformatieobjecten').select('uuid').where('zaak_uuid', '=', String(inzending.zaak_uuid)).execute();
    expect(documenten).toHaveLength(2);
  }, 240_000);
});
