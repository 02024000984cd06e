import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertApiClient } from '../../src/platform/auth/api-client-repository.ts';
import { createStaffUser, type CreatedStaffUser } from '../../src/platform/auth/staff-user-repository.ts';
import { totpCode } from '../staff-session.ts';
import { insertTestCatalogus } from '../zgw-fixtures.ts';
import { serveForBrowser, type ServedApp } from './served-app.ts';
import { accessibilityViolations, CHROMIUM_MISSING, chromiumAvailable, focusedElement, launchChromium } from './chromium.ts';

/** Screenshots of the beheer pages go here (LOKET_SCREENSHOT_DIR, else test-results/beheer) for a visual check. */
const screenshotDir = process.env.LOKET_SCREENSHOT_DIR ?? join('test-results', 'beheer');

describe.skipIf(!chromiumAvailable)(chromiumAvailable ? 'beheer pages in a browser, by keyboard, meeting WCAG 2.1 AA' : CHROMIUM_MISSING, () => {
  let served: ServedApp;
  let browser: Browser;
  let browserContext: BrowserContext;
  let page: Page;
  let base: string;
  let beheerder: CreatedStaffUser;

  beforeAll(async () => {
    mkdirSync(screenshotDir, { recursive: true });
    served = await serveForBrowser({ slug: 'beheertest', name: 'Gemeente Beheertest' });
    base = served.base;
    beheerder = await createStaffUser(served.database.db, served.context.keys, { tenantId: served.tenant.id, email: 'bea@example.nl', displayName: 'Bea Beheerder', roles: ['beheerder'] });
    await insertTestCatalogus(served.database.db, served.tenant);
    browser = await launchChromium();
    browserContext = await browser.newContext();
    page = await browserContext.newPage();
  });
  afterAll(async () => {
    await browserContext?.close();
    await browser?.close();
    await served?.close();
  });

  async function pressEnter(url: RegExp): Promise<void> {
    await Promise.all([page.waitForURL(url), page.keyboard.press('Enter')]);
  }

  async function typeInto(selector: string, text: string): Promise<void> {
    await page.focus(selector);
    await page.keyboard.press('Control+A');
    await page.keyboard.type(text);
  }

  async function expectAccessible(name: string): Promise<void> {
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
  }

  it('opens every beheer page without violations and publishes a new zaaktype with the keyboard alone', { timeout: 180_000 }, async () => {
    await page.goto(`${base}/medewerker/beheer`);
    await page.fill('#email', beheerder.user.email);
    await page.fill('#wachtwoord', beheerder.password);
    await pressEnter(/\/medewerker\/inloggen\/code/);
    await page.fill('#code', totpCode(beheerder.totpSecret));
    await pressEnter(/\/medewerker(\/beheer)?$/);
    await page.goto(`${base}/medewerker/beheer`);
    expect(await page.textContent('h1')).toBe('Beheer');
    await expectAccessible('beheer-index');
    for (const [path, name] of [
      ['/medewerker/beheer/zaaktypen', 'zaaktypen'],
      ['/medewerker/beheer/api-clients', 'api-clients'],
      ['/medewerker/beheer/medewerkers', 'medewerkers'],
      ['/medewerker/beheer/teams', 'teams'],
      ['/medewerker/beheer/vertrouwelijkheid', 'vertrouwelijkheid'],
      ['/medewerker/beheer/zaaktypen/nieuw', 'zaaktype-nieuw'],
    ] as const) {
      await page.goto(`${base}${path}`);
      await expectAccessible(name);
    }

    // A new concept, by keyboard: type into the fields, choose the procestype with the arrow keys, submit with Enter.
    await typeInto('#identificatie', 'BROWSER-MELDING');
    await typeInto('#omschrijving', 'Melding openbare ruimte');
    await typeInto('#doel', 'Meldingen over de openbare ruimte afhandelen.');
    await typeInto('#aanleiding', 'Een melding van een inwoner.');
    await typeInto('#onderwerp', 'Openbare ruimte');
    await typeInto('#doorlooptijd', '4 weken');
    await page.focus('#selectielijstProcestype');
    await page.keyboard.press('ArrowDown');
    await typeInto('#referentieprocesNaam', 'Melding afhandelen');
    await pressEnter(/\/medewerker\/beheer\/zaaktypen\/[0-9a-f-]{36}\?gedaan=aangemaakt/);
    expect(await page.textContent('main')).toContain('Het concept is gemaakt.');
    await expectAccessible('zaaktype-concept');

    // Publishing too early: the rules, readable.
    let steps = 0;
    while ((await focusedElement(page)) !== 'button:Zaaktype publiceren' && steps++ < 80) await page.keyboard.press('Tab');
    await pressEnter(/\/publiceren$/);
    expect(await page.title()).toContain('Fout:');
    expect(await page.textContent('.loket-error-summary')).toContain('ten minste twee statustypen');
    await expectAccessible('zaaktype-publiceren-fout');

    for (const omschrijving of ['Ontvangen', 'Afgehandeld']) {
      await typeInto('#statustype-omschrijving', omschrijving);
      await pressEnter(/gedaan=statustype/);
    }
    await typeInto('#resultaattype-omschrijving', 'Afgehandeld');
    await page.focus('#resultaattype-resultaattypeomschrijving');
    await page.keyboard.press('ArrowDown');
    await page.focus('#resultaattype-selectielijstklasse');
    await page.keyboard.press('ArrowDown');
    await page.focus('#resultaattype-omschrijving');
    await pressEnter(/gedaan=resultaattype/);
    await typeInto('#roltype-omschrijving', 'Melder');
    await pressEnter(/gedaan=roltype/);
    const zaaktypeUrl = page.url().split('?')[0] ?? '';

    // An eigenschap whose lengte does not suit its formaat: the Catalogi service's rule beside the field; then a good one.
    await typeInto('#eigenschap-naam', 'locatie');
    await typeInto('#eigenschap-definitie', 'Waar de melding over gaat');
    await typeInto('#eigenschap-lengte', 'veel');
    await page.focus('#eigenschap-naam');
    await pressEnter(/\/eigenschappen$/);
    expect(await page.textContent('#eigenschap-lengte-fout')).toContain('moet de lengte een getal');
    await expectAccessible('eigenschap-fout');
    await typeInto('#eigenschap-lengte', '200');
    await page.focus('#eigenschap-naam');
    await pressEnter(/gedaan=eigenschap/);

    // A new informatieobjecttype, made as a concept and linked; published before the zaaktype can be.
    await typeInto('#nieuwiot-omschrijving', 'Foto van de melding');
    await typeInto('#nieuwiot-informatieobjectcategorie', 'Bijlage');
    await page.focus('#nieuwiot-omschrijving');
    await pressEnter(/gedaan=gekoppeld/);
    expect(await page.textContent('#informatieobjecttypen-sectie')).toContain('1. Foto van de melding (inkomend)');
    await expectAccessible('zaaktype-met-informatieobjecttype');
    await page.goto(`${base}${(await page.getAttribute('a[href*="/eigenschappen/"]', 'href')) ?? ''}`);
    expect(await page.textContent('h1')).toBe('Eigenschap bewerken');
    await expectAccessible('eigenschap-bewerken');
    await page.goto(zaaktypeUrl);
    let iotSteps = 0;
    while ((await focusedElement(page)) !== 'button:Publiceer informatieobjecttype Foto van de melding' && iotSteps++ < 160) await page.keyboard.press('Tab');
    await pressEnter(/gedaan=iot-gepubliceerd/);
    await expectAccessible('zaaktype-met-onderdelen');

    steps = 0;
    while ((await focusedElement(page)) !== 'button:Zaaktype publiceren' && steps++ < 160) await page.keyboard.press('Tab');
    await pressEnter(/gedaan=gepubliceerd/);
    expect(await page.textContent('main')).toContain('Het zaaktype is gepubliceerd.');
    expect(await page.textContent('main')).toContain('Gepubliceerd');
    expect(await page.textContent('#eigenschappen-sectie')).toContain('de eigenschappen veranderen niet meer');
    await expectAccessible('zaaktype-gepubliceerd');
  });

  it('revokes an API client by keyboard and asks before deleting one, without violations', { timeout: 120_000 }, async () => {
    // Signed in by the test above (same browser context).
    const client = await insertApiClient(served.database.db, served.context.keys, { tenantId: served.tenant.id, clientId: 'zaak-koppeling', secret: 'een-geheim-van-genoeg-tekens', label: 'Zaakkoppeling', heeftAlleAutorisaties: true });
    const path = `/medewerker/beheer/api-clients/${client.applicatie_uuid}`;
    await page.goto(`${base}${path}`);
    let steps = 0;
    while ((await focusedElement(page)) !== 'button:API-client intrekken' && steps++ < 120) await page.keyboard.press('Tab');
    await pressEnter(/gedaan=ingetrokken/);
    expect(await page.textContent('main')).toContain('Ingetrokken sinds');
    expect(await page.textContent('main')).toContain('Bea Beheerder');
    await expectAccessible('api-client-ingetrokken');

    await page.goto(`${base}${path}/verwijderen`);
    await expectAccessible('api-client-verwijderen');
    steps = 0;
    while ((await focusedElement(page)) !== 'button:Definitief verwijderen' && steps++ < 120) await page.keyboard.press('Tab');
    // The refused form comes back at the same URL, so wait for its message rather than for a URL.
    await page.keyboard.press('Enter');
    await page.getByText('Vink aan dat u de API-client definitief wilt verwijderen').first().waitFor();
    await expectAccessible('api-client-verwijderen-fout');
    await page.focus('#bevestigen');
    await page.keyboard.press('Space');
    steps = 0;
    while ((await focusedElement(page)) !== 'button:Definitief verwijderen' && steps++ < 120) await page.keyboard.press('Tab');
    await pressEnter(/gedaan=verwijderd/);
    expect(await page.textContent('main')).toContain('De API-client is verwijderd.');
  });
});
