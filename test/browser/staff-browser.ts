import type { Page } from 'playwright-core';
import type { CreatedStaffUser } from '../../src/platform/auth/staff-user-repository.ts';
import { totpCode } from '../staff-session.ts';
import { focusedElement } from './chromium.ts';

/* Staff in the browser: sign in and out through the real pages, and move with the Tab key alone. */

/** Signs in with password and (when asked) the code, and waits for the workspace. */
export async function signInInBrowser(page: Page, base: string, staff: CreatedStaffUser): Promise<void> {
  await page.goto(`${base}/medewerker/inloggen`);
  await page.fill('#email', staff.user.email);
  await page.fill('#wachtwoord', staff.password);
  await Promise.all([page.waitForURL((url) => url.pathname === '/medewerker/inloggen/code' || url.pathname === '/medewerker'), page.press('#wachtwoord', 'Enter')]);
  if (new URL(page.url()).pathname === '/medewerker/inloggen/code') {
    await page.fill('#code', totpCode(staff.totpSecret));
    await Promise.all([page.waitForURL(`${base}/medewerker`), page.press('#code', 'Enter')]);
  }
}

export async function signOutInBrowser(page: Page, base: string): Promise<void> {
  await Promise.all([page.waitForURL(`${base}/medewerker/inloggen?uitgelogd=1`), page.click('button:has-text("Uitloggen")')]);
}

/**
 * Presses Tab until `target` (as `focusedElement` names it) has focus, as a keyboard user moves through a page;
 * fails when it is not reached within `limit` presses (then it cannot be reached by keyboard).
 */
export async function tabTo(page: Page, target: string | RegExp, limit = 60): Promise<void> {
  const seen: string[] = [];
  for (let press = 0; press < limit; press += 1) {
    await page.keyboard.press('Tab');
    const focused = await focusedElement(page);
    if (typeof target === 'string' ? focused === target : target.test(focused)) return;
    seen.push(focused);
  }
  throw new Error(`Tab never reached ${String(target)}; focus went through: ${seen.join(' | ')}`);
}
