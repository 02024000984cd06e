import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffUser, type CreatedStaffUser } from '../../src/platform/auth/staff-user-repository.ts';
import { demoExchangeFile } from '../../src/kennisbank/demo/seed.ts';
import { finishImportJob, insertImportJob, recordImportProgress } from '../../src/kennisbank/importen/repository.ts';
import { sanitizeRichText } from '../../src/kennisbank/producten/content.ts';
import { totpCode } from '../staff-session.ts';
import { serveForBrowser, type ServedApp } from './served-app.ts';
import { accessibilityViolations, CHROMIUM_MISSING, chromiumAvailable, focusedElement, launchChromium } from './chromium.ts';

/** Set LOKET_SCREENSHOT_DIR to keep screenshots of the editor and the import progress for a visual check. */
const screenshotDir = process.env.LOKET_SCREENSHOT_DIR;
const BEHEER = '/medewerker/kennisbank';

describe.skipIf(!chromiumAvailable)(chromiumAvailable ? 'kennisbank rich-text editor and import progress in a browser, by keyboard, meeting WCAG 2.1 AA' : CHROMIUM_MISSING, () => {
  let served: ServedApp;
  let browser: Browser;
  let browserContext: BrowserContext;
  let page: Page;
  let base: string;
  let beheerder: CreatedStaffUser;

  beforeAll(async () => {
    served = await serveForBrowser({ slug: 'editortest', name: 'Gemeente Editortest' });
    base = served.base;
    beheerder = await createStaffUser(served.database.db, served.context.keys, { tenantId: served.tenant.id, email: 'bea@example.nl', displayName: 'Bea Beheerder', roles: ['beheerder'] });
    browser = await launchChromium();
    browserContext = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    page = await browserContext.newPage();
    await page.goto(`${base}${BEHEER}/nieuw`);
    await page.fill('#email', beheerder.user.email);
    await page.fill('#wachtwoord', beheerder.password);
    await Promise.all([page.waitForURL(/\/medewerker\/inloggen\/code/), page.keyboard.press('Enter')]);
    await page.fill('#code', totpCode(beheerder.totpSecret));
    await Promise.all([page.waitForURL(/\/medewerker(\/kennisbank\/nieuw)?$/), page.keyboard.press('Enter')]);
  }, 120_000);
  afterAll(async () => {
    await browserContext?.close();
    await browser?.close();
    await served?.close();
  });

  /** The id of the editor the focused element belongs to (toolbar button or the text itself). */
  function focusedEditor(): Promise<string | undefined> {
    return page.evaluate(() => document.activeElement?.closest('.loket-rte')?.querySelector('[role="textbox"]')?.id);
  }

  async function storedVersion(slug: string) {
    return served.database.db
      .selectFrom('kennisbank_versies as v')
      .innerJoin('kennisbank_producten as p', 'p.uuid', 'v.product_uuid')
      .select(['v.inleiding', 'v.aanvraag', 'v.vraag_antwoord'])
      .where('p.tenant_id', '=', served.tenant.id)
      .where('p.slug', '=', slug)
      .executeTakeFirstOrThrow();
  }

  /** The box around the form fields of these elements, with a margin, for a screenshot of part of the page. */
  async function clipOf(...selectors: string[]) {
    const boxes = await Promise.all(
      selectors.map((selector) =>
        page.locator(selector).evaluate((element) => {
          const rect = (element.closest('.loket-form-field') ?? element).getBoundingClientRect();
          return { x: rect.x, y: rect.y + window.scrollY, right: rect.right, bottom: rect.bottom + window.scrollY };
        }),
      ),
    );
    const x = Math.max(0, Math.min(...boxes.map((box) => box.x)) - 16);
    const y = Math.max(0, Math.min(...boxes.map((box) => box.y)) - 16);
    return { x, y, width: Math.max(...boxes.map((box) => box.right)) - x + 16, height: Math.max(...boxes.map((box) => box.bottom)) - y + 16 };
  }

  it('formats text with the keyboard through the toolbar and stores clean HTML, pasted markup included', { timeout: 120_000 }, async () => {
    if (!page.url().endsWith(`${BEHEER}/nieuw`)) await page.goto(`${base}${BEHEER}/nieuw`);
    expect(await page.textContent('h1')).toBe('Nieuw product');
    const toolbar = page.locator('[role="toolbar"][aria-label="Opmaak van Inleiding"]');
    expect(await toolbar.count()).toBe(1);
    const editor = page.locator('#sectie-inleiding');
    expect(await editor.getAttribute('role')).toBe('textbox');
    expect(await editor.getAttribute('aria-multiline')).toBe('true');
    expect(await page.textContent(`#${await editor.getAttribute('aria-labelledby')}`)).toBe('Inleiding');
    expect(await page.locator('textarea[name="sectie-inleiding"]').isHidden()).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.fill('#slug', 'zwembadpas');
    await page.fill('#titel', 'Zwembadpas aanvragen');
    await page.fill('#uplNaam', 'Zwembadpas');
    await page.fill('#samenvatting', 'Met een zwembadpas zwemt u met korting.');

    // From the last checkbox, Tab reaches the first editor's toolbar (one tab stop), then the text.
    await page.focus('#aanvraagkanalen-email');
    await page.keyboard.press('Tab');
    expect(await focusedElement(page)).toBe('button:Vet');
    expect(await focusedEditor()).toBe('sectie-inleiding');
    await page.keyboard.press('Tab');
    expect(await focusedElement(page)).toBe('#sectie-inleiding');

    await page.keyboard.type('Met deze pas zwemt u ');
    await page.keyboard.press('Control+b');
    await page.keyboard.type('goedkoper');
    expect(await toolbar.locator('.loket-rte__button--vet').getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.press('Control+b');
    await page.keyboard.type('. ');
    await page.keyboard.press('Control+i');
    await page.keyboard.type('Ook');
    await page.keyboard.press('Control+i');
    await page.keyboard.type(' in de vakantie.');
    await page.keyboard.press('Enter');

    // Back to the toolbar, arrow to "Opsomming", turn the list on, Tab back into the text.
    await page.keyboard.press('Shift+Tab');
    expect(await focusedElement(page)).toBe('button:Vet');
    for (let step = 0; step < 3; step += 1) await page.keyboard.press('ArrowRight');
    expect(await focusedElement(page)).toBe('button:Opsomming');
    await page.keyboard.press('Enter');
    expect(await toolbar.locator('.loket-rte__button--opsomming').getAttribute('aria-pressed')).toBe('true');
    // The toolbar remembers its place (roving tabindex): only "Opsomming" is in the tab order now.
    expect(await toolbar.locator('button[tabindex="0"]').textContent()).toBe('Opsomming');
    await page.keyboard.press('Tab');
    expect(await focusedElement(page)).toBe('#sectie-inleiding');
    await page.keyboard.type('Zwemmen');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Saunabezoek');

    // A link on the last item: the address is asked in a labelled field; javascript: is refused with a message.
    await page.keyboard.press('Shift+Home');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    expect(await focusedElement(page)).toBe('button:Link');
    await page.keyboard.press('Enter');
    expect(await focusedElement(page)).toBe('#sectie-inleiding-link-adres');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.keyboard.type('javascript:alert(1)');
    await page.keyboard.press('Enter');
    expect(await page.textContent('#sectie-inleiding-link-fout')).toContain('https://');
    expect(await focusedElement(page)).toBe('#sectie-inleiding-link-adres');
    if (screenshotDir) await page.screenshot({ path: join(screenshotDir, 'kennisbank-editor-link.png'), fullPage: true, clip: await clipOf('#sectie-inleiding') });
    await page.keyboard.press('Control+a');
    await page.keyboard.type('https://www.example.nl/sauna');
    await page.keyboard.press('Enter');
    expect(await focusedElement(page)).toBe('#sectie-inleiding');

    // Tab leaves the editor for the next field (the next editor's toolbar): nothing traps the keyboard.
    await page.keyboard.press('End');
    await page.keyboard.press('Tab');
    expect(await focusedElement(page)).toBe('button:Vet');
    expect(await focusedEditor()).toBe('sectie-aanvraag');

    // Pasted markup keeps only the allowed formatting.
    await page.keyboard.press('Tab');
    expect(await focusedElement(page)).toBe('#sectie-aanvraag');
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.setData(
        'text/html',
        '<meta charset="utf-8"><h1 style="color:red">Aanvragen</h1><p class="x" onclick="alert(1)">Kom naar <b>de balie</b> <span style="font-size:30px">of</span> <a href="javascript:alert(1)">klik</a> <a href="https://www.example.nl/afspraak" target="_blank" rel="x">maak een afspraak</a>.<img src="x" onerror="alert(1)"><script>alert(1)</script></p><table><tr><td>Cel</td></tr></table>',
      );
      document.activeElement?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    if (screenshotDir) {
      await page.locator('#sectie-inleiding').scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(screenshotDir, 'kennisbank-editor.png'), fullPage: true, clip: await clipOf('#sectie-inleiding', '#sectie-aanvraag') });
    }

    // Answers to questions get the same editor.
    await page.fill('#vraag-1', 'Kan ik de pas delen?');
    await page.keyboard.press('Tab');
    expect(await focusedEditor()).toBe('antwoord-1');
    await page.keyboard.press('Tab');
    expect(await focusedElement(page)).toBe('#antwoord-1');
    await page.keyboard.type('Nee, de pas is ');
    await page.keyboard.press('Control+b');
    await page.keyboard.type('persoonlijk');
    await page.keyboard.press('Control+b');
    await page.keyboard.type('.');

    await page.focus('button[type="submit"]');
    await Promise.all([page.waitForURL(`${base}${BEHEER}/producten/zwembadpas?melding=aangemaakt`), page.keyboard.press('Enter')]);
    const stored = await storedVersion('zwembadpas');
    expect(stored.inleiding).toBe(
      '<p>Met deze pas zwemt u <strong>goedkoper</strong>. <em>Ook</em> in de vakantie.</p><ul><li>Zwemmen</li><li><a href="https://www.example.nl/sauna">Saunabezoek</a></li></ul>',
    );
    expect(stored.aanvraag).toBe('<h3>Aanvragen</h3><p>Kom naar <strong>de balie</strong> of klik <a href="https://www.example.nl/afspraak">maak een afspraak</a>.</p><p>Cel</p>');
    expect(stored.vraag_antwoord).toEqual([{ vraag: 'Kan ik de pas delen?', antwoord: '<p>Nee, de pas is <strong>persoonlijk</strong>.</p>' }]);
    // What the editor posts is already what the server keeps.
    expect(sanitizeRichText(stored.inleiding)).toBe(stored.inleiding);
    expect(sanitizeRichText(stored.aanvraag)).toBe(stored.aanvraag);

    // Editing shows the stored formatting in the editor again, and the page stays free of violations.
    expect(await page.innerHTML('#sectie-inleiding')).toContain('<strong>goedkoper</strong>');
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('imports a file from the upload form and follows a running import on an accessible status page', { timeout: 120_000 }, async () => {
    await page.goto(`${base}${BEHEER}/importeren`);
    expect(await page.textContent('h1')).toBe('Kennisbank importeren');
    expect(await accessibilityViolations(page)).toEqual([]);
    const file = demoExchangeFile('2026-03-02');
    await page.setInputFiles('#bestand', { name: 'kennisbank.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
    await Promise.all([page.waitForURL(/\/medewerker\/kennisbank\/importen\/[0-9a-f-]{36}$/), page.click('button:has-text("Import starten")')]);
    const total = (file.producten as unknown[]).length;
    await page.waitForFunction(() => document.getElementById('import-vernieuwen')?.textContent === 'Resultaat bekijken' || document.title.startsWith('Import voltooid'), undefined, {
      timeout: 60_000,
    });
    await page.reload();
    expect(await page.textContent('h1')).toBe('Import voltooid');
    expect(await page.textContent('main')).toContain(`Klaar: ${total} producten geïmporteerd`);
    expect(await accessibilityViolations(page)).toEqual([]);

    // A large import in progress, as its row shows while another process writes it: the bar, its text and the
    // polite announcements follow the row.
    const db = served.database.db;
    const job = await insertImportJob(db, served.tenant.id, { bestandsnaam: 'gemeente-groot.json', door: 'Bea Beheerder (bea@example.nl)' });
    await recordImportProgress(db, served.tenant.id, job.uuid, { fase: 'importeren', totaal: 10_000, verwerkt: 1_234 });
    await page.goto(`${base}${BEHEER}/importen/${job.uuid}`);
    expect(await page.textContent('h1')).toBe('Import bezig');
    expect(await page.getAttribute('#import-voortgang', 'value')).toBe('1234');
    expect(await page.textContent('#import-voortgang-tekst')).toBe('Importeren: 1.234 van 10.000 producten geïmporteerd.');
    expect(await page.getAttribute('#import-melding', 'aria-live')).toBe('polite');
    expect(await page.getAttribute('#import-vernieuwen', 'href')).toBe(`${BEHEER}/importen/${job.uuid}`);
    expect(await accessibilityViolations(page)).toEqual([]);
    if (screenshotDir) await page.screenshot({ path: join(screenshotDir, 'kennisbank-import-voortgang.png'), fullPage: true });

    await recordImportProgress(db, served.tenant.id, job.uuid, { fase: 'importeren', totaal: 10_000, verwerkt: 5_000 });
    await page.waitForFunction(() => (document.getElementById('import-voortgang') as HTMLProgressElement | null)?.value === 5000, undefined, { timeout: 15_000 });
    expect(await page.textContent('#import-voortgang-tekst')).toBe('Importeren: 5.000 van 10.000 producten geïmporteerd.');
    expect(await page.textContent('#import-melding')).toBe('Importeren: 5.000 van 10.000 producten geïmporteerd.');

    await finishImportJob(db, served.tenant.id, job.uuid, { status: 'voltooid', totaal: 10_000, resultaat: { created: 10_000, updated: 0, published: 0, synoniemen: null } });
    await page.waitForFunction(() => document.getElementById('import-vernieuwen')?.textContent === 'Resultaat bekijken', undefined, { timeout: 15_000 });
    expect(await page.textContent('#import-melding')).toContain('Klaar: 10.000 producten geïmporteerd');
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
