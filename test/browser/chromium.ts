import { existsSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium (apt-get install chromium), or the one named by CHROMIUM_PATH. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Whether browser tests can run here. */
export const chromiumAvailable = existsSync(CHROMIUM_PATH);

/** What a skipped browser suite says, so a missing browser is never mistaken for a pass. */
export const CHROMIUM_MISSING = `Browser tests skipped: Chromium not found at ${CHROMIUM_PATH}; install it with apt-get install chromium`;

if (!chromiumAvailable) process.stderr.write(`${CHROMIUM_MISSING}\n`);

/** Starts headless Chromium without anything that reaches beyond this machine (no sync, updates or QUIC). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** The WCAG 2.1 A and AA rules axe checks. */
export const WCAG_21_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Violations of WCAG 2.1 AA on the current page, as readable lines (empty when there are none). */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA_TAGS).analyze();
  return results.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`);
}

/** The id, or else the tag and text, of the element that has keyboard focus. */
export function focusedElement(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element) return '';
    return element.id ? `#${element.id}` : `${element.tagName.toLowerCase()}:${(element.textContent ?? '').trim()}`;
  });
}

/**
 * Waits until the element with this class has the focus. Pages move the focus with `autofocus`, which Chromium
 * applies in a rendering step that can come after the load event on a busy machine, so reading it once can be early.
 */
export async function waitForFocusOn(page: Page, className: string): Promise<void> {
  await page.waitForFunction((wanted) => document.activeElement?.className === wanted, className, { timeout: 5_000 });
}
