import { mkdirSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { amsterdamToday } from '../../src/kennisbank/dates.ts';
import { seedDemoKennisbank } from '../../src/kennisbank/demo/seed.ts';
import { seedDemoCatalogus } from '../../src/components/catalogi/demo/seed.ts';
import { seedDemoFormulieren } from '../../src/formulieren/demo/seed.ts';
import { registerNotificatiesDelivery } from '../../src/components/notificaties/delivery.ts';
import { statusMailSubscriber } from '../../src/portaal/mijn/status-mail.ts';
import { createLogger } from '../../src/platform/logging/logger.ts';
import { createMailer, type Mailer } from '../../src/platform/mail/mailer.ts';
import { registerMailDelivery } from '../../src/platform/mail/mail-outbox.ts';
import { OutboxDispatcher } from '../../src/platform/outbox/dispatcher.ts';
import { startTestSmtpServer, type TestSmtpServer } from '../smtp-server.ts';
import { serveForBrowser, type ServedApp } from './served-app.ts';
import { accessibilityViolations, CHROMIUM_MISSING, chromiumAvailable, launchChromium } from './chromium.ts';

const screenshotDir = process.env.LOKET_SCREENSHOT_DIR ?? join('test-results', 'screenshots');
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

/*
 * A resident's whole journey through the portal in one browser session, as the parts meet in production: sign in
 * with DigiD at the demo identity provider, search, read the product, fill in its e-form with a conditional step and
 * a photo, submit, find the new zaak in Mijn zaken and receive the e-mail its first status sends. Each part is also
 * tested on its own, keyboard only, in the other portal browser tests.
 */
describe.skipIf(!chromiumAvailable)(chromiumAvailable ? 'a resident from sign-in to zaak and e-mail, in one browser session' : CHROMIUM_MISSING, () => {
  let served: ServedApp;
  let browser: Browser;
  let browserContext: BrowserContext;
  let page: Page;
  let dataDir: string;
  let photo: string;
  let smtp: TestSmtpServer;
  let mailer: Mailer;
  let dispatcher: OutboxDispatcher;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'loket-reis-browser-'));
    served = await serveForBrowser({ slug: 'reistest', name: 'Gemeente Voorbeeld' }, { LOKET_DATA_DIR: dataDir });
    const { db } = served.database;
    await seedDemoCatalogus(db, served.tenant);
    await seedDemoKennisbank(db, served.tenant.id, amsterdamToday());
    await seedDemoFormulieren(db, served.tenant);
    photo = join(dataDir, 'stoeptegel.jpg');
    await writeFile(photo, Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(2048)]));
    // The served app has no dispatcher: this one runs the notification fan-out (with the status e-mail) and the mail.
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
    browser = await launchChromium();
    browserContext = await browser.newContext({ viewport: DESKTOP });
    page = await browserContext.newPage();
    mkdirSync(screenshotDir, { recursive: true });
  });
  afterAll(async () => {
    await browserContext?.close();
    await browser?.close();
    await dispatcher?.stop();
    mailer?.close();
    await smtp?.close();
    await served?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  async function navigate(action: Promise<unknown>, url: RegExp | string): Promise<void> {
    await Promise.all([page.waitForURL(url), action]);
  }

  it('signs in, searches, requests online, then sees the zaak in Mijn zaken and gets the e-mail', async () => {
    const base = served.base;
    await page.goto(`${base}/`);
    await navigate(page.click('.portaal-account a'), `${base}/inloggen`);
    await navigate(page.click('text=Inloggen met DigiD'), /\/demo-idp\/interaction\//);
    await page.check('#account-demo-suzanne');
    await navigate(page.click('button[value="inloggen"]'), `${base}/mijn`);
    expect(await page.textContent('.portaal-account__naam')).toBe('Ingelogd als Suzanne Moulin');

    await page.fill('#kop-zoekvraag', 'melding openbare ruimte');
    await navigate(page.press('#kop-zoekvraag', 'Enter'), /\/zoeken\?q=/);
    await navigate(page.click('.portaal-resultaten a[href*="melding-openbare-ruimte"]'), /\/producten\/melding-openbare-ruimte$/);
    await navigate(page.click('text=online regelen'), /\/producten\/melding-openbare-ruimte\/aanvragen$/);
    await navigate(page.click('button:has-text("Start")'), /\/stap\/melding$/);
    await page.check('#veld-categorie-1');
    await page.fill('#veld-omschrijving', 'Een losse stoeptegel voor nummer 12.');
    await page.check('#veld-gevaarlijk-0');
    await navigate(page.click('button:has-text("Volgende")'), /\/stap\/gevaar$/);
    await page.fill('#veld-gevaar-uitleg', 'Er is al iemand over gestruikeld.');
    await page.check('#veld-afgezet-1');
    await navigate(page.click('button:has-text("Volgende")'), /\/stap\/plek$/);
    await page.fill('#veld-adres-postcode', '1234AB');
    await page.fill('#veld-adres-huisnummer', '12');
    await navigate(page.click('button:has-text("Volgende")'), /\/stap\/foto$/);
    await page.setInputFiles('#veld-foto', photo);
    await navigate(page.click('button:has-text("Volgende")'), /\/stap\/contact$/);
    // Prefilled from what DigiD (here: the demo provider) said about her.
    expect(await page.inputValue('#veld-email')).toBe('suzanne.moulin@example.org');
    await navigate(page.click('button:has-text("Volgende")'), /\/controleren$/);
    await navigate(page.click('button:has-text("Versturen")'), /\/ontvangen\//);
    const number = ((await page.textContent('.portaal-zaaknummer')) ?? '').trim();
    expect(number).toMatch(/^ZAAK-\d{4}-\d+$/);

    await navigate(page.click('.portaal-account a:has-text("Mijn omgeving")'), `${base}/mijn`);
    await navigate(page.click('a:has-text("Mijn zaken")'), `${base}/mijn/zaken`);
    expect(await page.textContent('main')).toContain(number);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: join(screenshotDir, 'reis-mijn-zaken-desktop.png'), fullPage: true });
    await navigate(page.click(`a:has-text("${number}"), a[href*="${number}"]`), /\/mijn\/zaken\/.+/);
    const zaakPage = (await page.textContent('main')) ?? '';
    expect(zaakPage).toContain('Melding ontvangen');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.setViewportSize(PHONE);
    await page.screenshot({ path: join(screenshotDir, 'reis-zaak-telefoon.png'), fullPage: true });
    await page.setViewportSize(DESKTOP);

    // The first status informs the initiator: the mail goes through the notification fan-out and SMTP.
    const mail = await smtp.waitForMessage('suzanne.moulin@example.org', 20_000);
    expect(mail.subject).toContain(number);
    expect(mail.text).toContain('/mijn/zaken/');
  }, 180_000);
});
