import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { amsterdamToday } from '../../src/kennisbank/dates.ts';
import { seedDemoKennisbank } from '../../src/kennisbank/demo/seed.ts';
import { seedDemoAfspraken } from '../../src/afspraken/demo-seed.ts';
import { createLogger } from '../../src/platform/logging/logger.ts';
import { createMailer, type Mailer } from '../../src/platform/mail/mailer.ts';
import { registerMailDelivery } from '../../src/platform/mail/mail-outbox.ts';
import { OutboxDispatcher } from '../../src/platform/outbox/dispatcher.ts';
import { startTestSmtpServer, type TestSmtpServer } from '../smtp-server.ts';
import { totpCode } from '../staff-session.ts';
import { createStaffUser } from '../../src/platform/auth/staff-user-repository.ts';
import { serveForBrowser, type ServedApp } from './served-app.ts';
import { accessibilityViolations, CHROMIUM_MISSING, chromiumAvailable, focusedElement, launchChromium } from './chromium.ts';

/** Screenshots of the appointment pages at desktop and phone width, for a person to look at (not committed). */
const screenshotDir = process.env.LOKET_SCREENSHOT_DIR ?? join('test-results', 'screenshots');
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

describe.skipIf(!chromiumAvailable)(chromiumAvailable ? 'booking and cancelling a counter appointment in a browser, by keyboard only, meeting WCAG 2.1 AA' : CHROMIUM_MISSING, () => {
  let served: ServedApp;
  let smtp: TestSmtpServer;
  let mailer: Mailer;
  let dispatcher: OutboxDispatcher;
  let browser: Browser;
  let browserContext: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    served = await serveForBrowser({ slug: 'afspraaktest', name: 'Gemeente Voorbeeld' });
    await seedDemoKennisbank(served.database.db, served.tenant.id, amsterdamToday());
    await seedDemoAfspraken(served.database.db, served.tenant.id, amsterdamToday());
    // The served app has no outbox dispatcher of its own: this one delivers its e-mail to the test SMTP server.
    smtp = await startTestSmtpServer();
    mailer = createMailer({ kind: 'smtp', url: smtp.url });
    dispatcher = new OutboxDispatcher({ db: served.database.db, logger: createLogger('silent'), leaseSeconds: 30, pollMs: 50 });
    registerMailDelivery(dispatcher.handlers, { db: served.database.db, mailer, fromAddress: 'noreply@voorbeeld.nl' });
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
  });

  async function screenshots(name: string): Promise<void> {
    await page.screenshot({ path: join(screenshotDir, `afspraak-${name}-desktop.png`), fullPage: true });
    await page.setViewportSize(PHONE);
    await page.screenshot({ path: join(screenshotDir, `afspraak-${name}-telefoon.png`), fullPage: true });
    await page.setViewportSize(DESKTOP);
  }

  async function tabTo(target: string, limit = 60): Promise<void> {
    let steps = 0;
    while ((await focusedElement(page)) !== target && steps++ < limit) await page.keyboard.press('Tab');
    expect(await focusedElement(page)).toBe(target);
  }

  async function follow(target: string, url: RegExp | string): Promise<void> {
    await tabTo(target);
    await Promise.all([page.waitForURL(url), page.keyboard.press('Enter')]);
    expect(await accessibilityViolations(page)).toEqual([]);
  }

  it('books from the product page, gets the e-mail and cancels with its link, with the keyboard alone', async () => {
    await page.goto(`${served.base}/producten/paspoort-aanvragen`);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshots('product');

    await follow('a:Maak een afspraak', /\/afspraak\/locatie\?product=/);
    expect(await page.textContent('h1')).toBe('Kies een locatie');
    await screenshots('locatie');

    await follow('a:Gemeentehuis', /\/afspraak\/datum\?/);
    expect(await page.textContent('h1')).toBe('Kies een datum');
    await screenshots('datum');
    const day = (await page.textContent('.portaal-afspraak-dagen a')) ?? '';
    await follow(`a:${day}`, /\/afspraak\/tijd\?/);
    expect(await page.textContent('h1')).toBe('Kies een tijd');
    await screenshots('tijd');
    const time = (await page.textContent('.portaal-afspraak-tijden a')) ?? '';
    await follow(`a:${time}`, /\/afspraak\/gegevens\?/);
    expect(await page.textContent('h1')).toBe('Uw gegevens');
    await screenshots('gegevens');

    // A mistake first: the error summary takes focus and links to the field.
    await tabTo('#naam');
    await page.keyboard.type('Fatima el Amrani');
    await page.keyboard.press('Tab');
    expect(await focusedElement(page)).toBe('#e_mail');
    await page.keyboard.type('fatima@');
    await tabTo('button:Afspraak maken');
    await Promise.all([page.waitForURL(/\/afspraak\/gegevens$/), page.keyboard.press('Enter')]);
    expect(await page.title()).toMatch(/^Fout: /);
    expect(await page.textContent('.portaal-foutoverzicht')).toContain('Vul een e-mailadres in zoals naam@voorbeeld.nl.');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('portaal-foutoverzicht'))).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshots('gegevens-fout');
    await page.keyboard.press('Tab');
    expect(await focusedElement(page)).toBe('a:Vul een e-mailadres in zoals naam@voorbeeld.nl.');
    await page.keyboard.press('Enter');
    await tabTo('#e_mail', 5);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('fatima@example.org');
    await tabTo('button:Afspraak maken');
    await Promise.all([page.waitForURL(/\/afspraak\/bevestiging\//), page.keyboard.press('Enter')]);
    expect(await page.textContent('h1')).toBe('Uw afspraak is gemaakt');
    expect(await page.textContent('main')).toContain(time);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshots('bevestiging');

    const mail = await smtp.waitForMessage('fatima@example.org');
    expect(mail.subject).toBe('Bevestiging van uw afspraak: Paspoort aanvragen of ophalen');
    expect(mail.attachments[0]?.filename).toBe('afspraak.ics');
    const link = /(http:\/\/\S+\/afspraak\/wijzigen\/[A-Za-z0-9_-]{43})/.exec(mail.text ?? '')?.[1] ?? '';
    expect(link.startsWith(served.base)).toBe(true);

    await page.goto(link);
    expect(await page.textContent('h1')).toBe('Uw afspraak');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshots('beheren');
    await follow('a:Afspraak annuleren', /\/annuleren$/);
    expect(await page.textContent('h1')).toBe('Weet u zeker dat u deze afspraak wilt annuleren?');
    await screenshots('annuleren');
    await tabTo('button:Ja, annuleer mijn afspraak');
    await Promise.all([page.waitForURL(/melding=geannuleerd/), page.keyboard.press('Enter')]);
    expect(await page.textContent('h1')).toBe('Afspraak geannuleerd');
    expect(await page.textContent('[role="status"]')).toContain('Uw afspraak is geannuleerd');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshots('geannuleerd');

    await expect.poll(() => smtp.messages.filter((message) => message.subject?.startsWith('Uw afspraak is geannuleerd')).length).toBe(1);
    const rows = await served.database.db.selectFrom('afspraken').select('status').where('tenant_id', '=', served.tenant.id).execute();
    expect(rows).toEqual([{ status: 'geannuleerd' }]);
  }, 180_000);

  it('explains an unknown link readably, meeting WCAG 2.1 AA', async () => {
    await page.goto(`${served.base}/afspraak/wijzigen/${'x'.repeat(43)}`);
    expect(await page.textContent('h1')).toBe('Deze link werkt niet');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.goto(`${served.base}/afspraak`);
    expect(await page.textContent('h1')).toBe('Afspraak maken');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshots('start');
  }, 60_000);

  it('gives the counter staff and the beheerder pages without accessibility violations', async () => {
    const beheerder = await createStaffUser(served.database.db, served.context.keys, { tenantId: served.tenant.id, email: 'ben@example.nl', displayName: 'Ben Beheerder', roles: ['beheerder'] });
    await page.goto(`${served.base}/medewerker/afspraken`);
    await page.fill('#email', beheerder.user.email);
    await page.fill('#wachtwoord', beheerder.password);
    await Promise.all([page.waitForURL(/\/medewerker\/inloggen\/code/), page.keyboard.press('Enter')]);
    await page.fill('#code', totpCode(beheerder.totpSecret));
    await Promise.all([page.waitForURL(/\/medewerker(\/afspraken)?$/), page.keyboard.press('Enter')]);
    await page.goto(`${served.base}/medewerker/afspraken`);
    expect(await page.textContent('h1')).toBe('Afspraken aan de balie');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshots('balie-lijst');

    await page.goto(`${served.base}/medewerker/afspraken/locaties`);
    expect(await accessibilityViolations(page)).toEqual([]);
    await follow('a:Gemeentehuis', /\/medewerker\/afspraken\/locaties\/[0-9a-f-]{36}$/);
    expect(await page.inputValue('#donderdag')).toBe('09:00-12:30, 13:30-17:00, 18:00-20:00');
    await page.fill('#maandag', '9 tot 12');
    await tabTo('button:Opslaan');
    await Promise.all([page.waitForLoadState('load'), page.keyboard.press('Enter')]);
    await page.waitForSelector('.loket-error-summary');
    expect(await page.textContent('.loket-error-summary')).toContain('Maandag: Schrijf de tijden als 09:00-12:30');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshots('beheer-locatie-fout');

    await page.goto(`${served.base}/medewerker/afspraken/producten`);
    expect(await accessibilityViolations(page)).toEqual([]);
    await follow('a:Uittreksel BRP', /\/medewerker\/afspraken\/producten\/[0-9a-f-]{36}$/);
    await screenshots('beheer-product');
    await page.goto(`${served.base}/medewerker/afspraken/producten/nieuw`);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.goto(`${served.base}/medewerker/afspraken/sluitingsdagen`);
    expect(await page.textContent('h1')).toBe('Sluitingsdagen');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshots('beheer-sluitingsdagen');
  }, 120_000);
});
