import { mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoCatalogus } from '../../src/components/catalogi/demo/seed.ts';
import { registerNotificatiesDelivery } from '../../src/components/notificaties/delivery.ts';
import { createDocumentStorage } from '../../src/components/documenten/storage/storage.ts';
import { PARKEERVERGUNNING } from '../../src/formulieren/demo/demo-formulieren.ts';
import { submitAanvraag } from '../../src/formulieren/submit-aanvraag.ts';
import { seedDemoTeams } from '../../src/medewerker/toegang/demo-teams.ts';
import { createStaffUser, type CreatedStaffUser } from '../../src/platform/auth/staff-user-repository.ts';
import { traceFromHeader } from '../../src/platform/http/trace-context.ts';
import { createLogger } from '../../src/platform/logging/logger.ts';
import { createMailer, type Mailer } from '../../src/platform/mail/mailer.ts';
import { registerMailDelivery } from '../../src/platform/mail/mail-outbox.ts';
import { OutboxDispatcher } from '../../src/platform/outbox/dispatcher.ts';
import { statusMailSubscriber } from '../../src/portaal/mijn/status-mail.ts';
import { startTestSmtpServer, type TestSmtpServer } from '../smtp-server.ts';
import { totpCode } from '../staff-session.ts';
import { waitUntil } from '../wait-until.ts';
import { serveForBrowser, type ServedApp } from './served-app.ts';
import { accessibilityViolations, CHROMIUM_MISSING, chromiumAvailable, focusedElement, launchChromium } from './chromium.ts';

const screenshotDir = process.env.LOKET_SCREENSHOT_DIR ?? join('test-results', 'screenshots');
const DESKTOP = { width: 1280, height: 900 };
const RESIDENT_EMAIL = 'suzanne.moulin@example.org';

/*
 * A behandelaar's journey with one zaak, beside the resident's view of it: the resident's request (a parkeervergunning,
 * submitted as the portal does) lands in the werkvoorraad; the behandelaar takes it, sets a status with the keyboard
 * alone, suspends the deadline while asking the resident for a document, resumes, records the besluit and closes the
 * zaak with its resultaat. The resident, signed in through the demo identity provider, sees each step in Mijn zaken
 * and receives the status e-mails of the statustypen that inform.
 */
describe.skipIf(!chromiumAvailable)(chromiumAvailable ? 'a zaak from the queue to closed, with the resident following along' : CHROMIUM_MISSING, () => {
  let served: ServedApp;
  let browser: Browser;
  let staffContext: BrowserContext;
  let residentContext: BrowserContext;
  let staffPage: Page;
  let residentPage: Page;
  let dataDir: string;
  let smtp: TestSmtpServer;
  let mailer: Mailer;
  let dispatcher: OutboxDispatcher;
  let behandelaar: CreatedStaffUser;
  let zaak: { uuid: string; identificatie: string };

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'loket-zaakafhandeling-browser-'));
    served = await serveForBrowser({ slug: 'afhandeltest', name: 'Gemeente Voorbeeld' }, { LOKET_DATA_DIR: dataDir });
    const { db } = served.database;
    await seedDemoCatalogus(db, served.tenant);
    behandelaar = await createStaffUser(db, served.context.keys, { tenantId: served.tenant.id, email: 'bas@example.nl', displayName: 'Bas Behandelaar', roles: ['behandelaar'] });
    await seedDemoTeams(db, served.tenant.id, { behandelaar: behandelaar.user.id });
    smtp = await startTestSmtpServer();
    mailer = createMailer({ kind: 'smtp', url: smtp.url });
    dispatcher = new OutboxDispatcher({ db, logger: createLogger('silent'), leaseSeconds: 30, pollMs: 50 });
    registerNotificatiesDelivery(dispatcher.handlers, {
      db,
      keys: served.context.keys,
      outbound: { allowPrivateNetworks: true },
      notify: () => dispatcher.notify(),
      internalSubscribers: [statusMailSubscriber({ keys: served.context.keys, logger: createLogger('silent') })],
    });
    registerMailDelivery(dispatcher.handlers, { db, mailer, fromAddress: 'noreply@voorbeeld.nl' });
    dispatcher.start();
    // The resident's request, through the same service the portal's e-form uses.
    const url = new URL(served.base);
    const ingediend = await submitAanvraag(
      { db, keys: served.context.keys, storage: createDocumentStorage(dataDir) },
      {
        tenant: served.tenant,
        origin: { protocol: 'http', host: url.host },
        trace: traceFromHeader(undefined),
        kanaal: 'portaal',
        sleutel: randomUUID(),
        zaaktypeIdentificatie: 'PARKEERVERGUNNING',
        definitie: PARKEERVERGUNNING,
        antwoorden: { kenteken: 'AB-123-C', lease: 'nee', woonadres: { postcode: '1234 AB', huisnummer: '12', toevoeging: '' }, email: RESIDENT_EMAIL },
        bestanden: [],
        aanvrager: { soort: 'bsn', identificatie: '999993653', naam: 'Suzanne Moulin', eMail: RESIDENT_EMAIL },
      },
    );
    zaak = { uuid: ingediend.zaakUuid, identificatie: ingediend.zaakIdentificatie };
    browser = await launchChromium();
    staffContext = await browser.newContext({ viewport: DESKTOP });
    residentContext = await browser.newContext({ viewport: DESKTOP });
    staffPage = await staffContext.newPage();
    residentPage = await residentContext.newPage();
    mkdirSync(screenshotDir, { recursive: true });
  }, 300_000);

  afterAll(async () => {
    await staffContext?.close();
    await residentContext?.close();
    await browser?.close();
    await dispatcher?.stop();
    mailer?.close();
    await smtp?.close();
    await served?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  async function navigate(page: Page, action: Promise<unknown>, url: RegExp | string): Promise<void> {
    await Promise.all([page.waitForURL(url), action]);
  }

  /** Presses Tab until `target` (as focusedElement names it) has focus; fails after `max` presses. */
  async function tabTo(page: Page, target: string, max = 80): Promise<void> {
    for (let presses = 0; presses < max; presses++) {
      await page.keyboard.press('Tab');
      if ((await focusedElement(page)) === target) return;
    }
    throw new Error(`Tab never reached ${target}`);
  }

  async function statusMails(): Promise<string[]> {
    return smtp.messages.filter((mail) => (mail.subject ?? '').includes(zaak.identificatie)).map((mail) => mail.text ?? '');
  }

  async function residentSees(): Promise<string> {
    await residentPage.goto(`${served.base}/mijn/zaken/${encodeURIComponent(zaak.identificatie)}`);
    return (await residentPage.textContent('main')) ?? '';
  }

  it('is handled from the queue to closed while the resident follows it in Mijn zaken and by e-mail', async () => {
    const base = served.base;
    // The resident signs in with DigiD at the demo provider and sees the new zaak; its first status e-mailed them.
    await residentPage.goto(`${base}/inloggen`);
    await navigate(residentPage, residentPage.click('text=Inloggen met DigiD'), /\/demo-idp\/interaction\//);
    await residentPage.check('#account-demo-suzanne');
    await navigate(residentPage, residentPage.click('button[value="inloggen"]'), `${base}/mijn`);
    await residentPage.goto(`${base}/mijn/zaken`);
    expect(await residentPage.textContent('main')).toContain(zaak.identificatie);
    await waitUntil('the e-mail of the first status arrived', async () => (await statusMails()).length === 1, 20_000);

    // The behandelaar signs in (password and code) and opens the werkvoorraad.
    await staffPage.goto(`${base}/medewerker/inloggen`);
    await staffPage.fill('#email', behandelaar.user.email);
    await staffPage.fill('#wachtwoord', behandelaar.password);
    await navigate(staffPage, staffPage.press('#wachtwoord', 'Enter'), `${base}/medewerker/inloggen/code`);
    await staffPage.fill('#code', totpCode(behandelaar.totpSecret));
    await navigate(staffPage, staffPage.press('#code', 'Enter'), `${base}/medewerker`);
    await navigate(staffPage, staffPage.click('a:has-text("Werkvoorraad")'), `${base}/medewerker/werkvoorraad`);
    await navigate(staffPage, staffPage.click('a:has-text("Niet toegewezen")'), /lijst=niet-toegewezen/);
    expect(await staffPage.textContent('main')).toContain(zaak.identificatie);
    expect(await accessibilityViolations(staffPage)).toEqual([]);
    await staffPage.screenshot({ path: join(screenshotDir, 'zaakafhandeling-werkvoorraad.png'), fullPage: true });

    // Take the zaak: it moves to "Mijn zaken".
    await navigate(staffPage, staffPage.click(`button:has-text("Toewijzen"):has-text("${zaak.identificatie}")`), /toegewezen=/);
    expect(await staffPage.textContent('[role="status"]')).toContain(`Zaak ${zaak.identificatie} is toegewezen.`);
    await navigate(staffPage, staffPage.click('a:has-text("Mijn zaken")'), /lijst=mijn/);

    // Keyboard alone: from the queue to the zaak, then set a status.
    await tabTo(staffPage, `a:${zaak.identificatie}`);
    await navigate(staffPage, staffPage.keyboard.press('Enter'), `${base}/medewerker/zaken/${zaak.uuid}`);
    expect(await accessibilityViolations(staffPage)).toEqual([]);
    await tabTo(staffPage, '#status-statustype', 200);
    await staffPage.keyboard.press('ArrowDown');
    await staffPage.keyboard.press('ArrowDown');
    expect(await staffPage.$eval('#status-statustype', (select) => (select as HTMLSelectElement).selectedOptions[0]?.textContent)).toBe('In behandeling');
    await staffPage.keyboard.press('Tab');
    expect(await focusedElement(staffPage)).toBe('#status-toelichting');
    await staffPage.keyboard.type('Aanvraag is compleet genoeg om te starten.');
    await staffPage.keyboard.press('Tab');
    expect(await focusedElement(staffPage)).toBe('button:Status zetten');
    await navigate(staffPage, staffPage.keyboard.press('Enter'), /gelukt=status/);
    expect(await staffPage.textContent('[role="status"]')).toContain('De status is gezet.');
    expect(await residentSees()).toContain('In behandeling');

    // Suspend while waiting for the resident's document, and tell the resident.
    await staffPage.fill('#opschorten-reden', 'Wacht op kentekenbewijs van de aanvrager');
    await navigate(staffPage, staffPage.click('button:has-text("Termijn opschorten")'), /gelukt=opschorten/);
    expect(await staffPage.textContent('#termijnen')).toContain('Opgeschort');
    await staffPage.fill('#bericht-onderwerp', 'Kentekenbewijs nodig');
    await staffPage.fill('#bericht-tekst', 'Wilt u een kopie van uw kentekenbewijs sturen? Tot dan staat de termijn stil.');
    await navigate(staffPage, staffPage.click('button:has-text("Bericht versturen")'), /gelukt=bericht/);
    expect(await residentSees()).toContain('Kentekenbewijs nodig');

    // Resume, decide, close.
    await navigate(staffPage, staffPage.click('button:has-text("Termijn hervatten")'), /gelukt=hervatten/);
    expect(await staffPage.textContent('#termijnen')).not.toContain('Sinds');
    await staffPage.selectOption('#besluit-besluittype', { label: 'Besluit op aanvraag' });
    await staffPage.fill('#besluit-toelichting', 'Parkeervergunning verleend');
    await navigate(staffPage, staffPage.click('button:has-text("Besluit vastleggen")'), /gelukt=besluit/);
    expect(await staffPage.textContent('#besluiten')).toContain('Besluit op aanvraag');
    await staffPage.selectOption('#afsluiten-resultaattype', { label: 'Verleend' });
    await navigate(staffPage, staffPage.click('button:has-text("Zaak afsluiten")'), /gelukt=afsluiten/);
    expect(await staffPage.textContent('main')).toContain('Zaak heropenen');
    expect(await accessibilityViolations(staffPage)).toEqual([]);
    await staffPage.screenshot({ path: join(screenshotDir, 'zaakafhandeling-zaak-afgesloten.png'), fullPage: true });

    // The resident sees the zaak closed and got the e-mail of its last status.
    const afgerond = await residentSees();
    expect(afgerond).toContain('Besluit verzonden (afgerond)');
    expect(afgerond).toContain('Afgerond op');
    await waitUntil('the e-mail of the closing status arrived', async () => (await statusMails()).length === 2, 20_000);
    expect((await statusMails()).join('\n')).toContain('/mijn/zaken/');
  }, 240_000);
});
