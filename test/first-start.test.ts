import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { authenticator } from 'otplib';
import { signZgwToken } from './fixtures.ts';
import { spawnLoket, waitUntilReady, type LoketProcess } from './process.ts';

/** A tiny cookie-keeping browser over fetch: enough to walk the sign-in forms of a real process. */
class CookieClient {
  private readonly jar = new Map<string, string>();
  constructor(private readonly base: string) {}

  async request(path: string, form?: Record<string, string>): Promise<Response> {
    const response = await fetch(this.base + path, {
      method: form ? 'POST' : 'GET',
      redirect: 'manual',
      headers: {
        accept: 'text/html',
        cookie: [...this.jar].map(([name, value]) => `${name}=${value}`).join('; '),
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded', origin: this.base } : {}),
      },
      body: form ? new URLSearchParams(form).toString() : undefined,
    });
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(';');
      const [name, ...value] = (pair ?? '').split('=');
      if (name) this.jar.set(name.trim(), value.join('='));
    }
    return response;
  }
}

function csrfOf(body: string): string {
  const token = /name="_csrf" value="([^"]+)"/.exec(body)?.[1];
  if (!token) throw new Error('no _csrf field on the page');
  return token;
}

/** The newcomer's path: `npm start` on an empty data directory, then a restart. */
describe('first start on the embedded database', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'loket-first-start-'));
  // DATABASE_URL is emptied so this always exercises the embedded database, as a newcomer's machine does.
  const env = { LOKET_DATA_DIR: dataDir, DATABASE_URL: '' };
  const started: LoketProcess[] = [];

  afterAll(() => {
    for (const loket of started) loket.child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  let apiClient = { clientId: '', secret: '' };

  // The test's own limit sits above the 60 s it checks, so a slow machine fails on the check, not on the runner's timeout.
  it('is ready within 60 s, seeds Gemeente Voorbeeld and prints the credentials once', { timeout: 90_000 }, async () => {
    const loket = await spawnLoket(env);
    started.push(loket);
    await waitUntilReady(loket, 60_000);
    const output = loket.output();
    expect(output).toContain('Gemeente Voorbeeld');
    for (const role of ['kcc', 'behandelaar', 'teamleider', 'beheerder', 'privacy']) expect(output).toContain(`${role}@voorbeeld.nl`);
    expect(output).toMatch(/otpauth:\/\/totp\//);
    const match = /client_id: (\S+)\s+secret: (\S+)/.exec(output);
    expect(match).not.toBeNull();
    apiClient = { clientId: match?.[1] ?? '', secret: match?.[2] ?? '' };
  });

  it('lets a demo staff member sign in with password and TOTP', async () => {
    const loket = started[0];
    if (!loket) throw new Error('no process');
    const match = /(behandelaar@voorbeeld\.nl)\s+password: (\S+)\s+TOTP: (otpauth:\/\/\S+)/.exec(loket.output());
    expect(match).not.toBeNull();
    const [, email = '', password = '', uri = ''] = match ?? [];
    const secret = new URL(uri).searchParams.get('secret') ?? '';
    const browser = new CookieClient(`http://127.0.0.1:${loket.port}`);
    const form = await browser.request('/medewerker/inloggen');
    expect(form.status).toBe(200);
    const afterPassword = await browser.request('/medewerker/inloggen', { _csrf: csrfOf(await form.text()), email, wachtwoord: password });
    expect(afterPassword.status).toBe(303);
    const codePage = await browser.request('/medewerker/inloggen/code');
    const afterCode = await browser.request('/medewerker/inloggen/code', { _csrf: csrfOf(await codePage.text()), code: authenticator.generate(secret) });
    expect(afterCode.status).toBe(303);
    const home = await browser.request('/medewerker');
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('Bas Behandelaar');
  });

  it('answers the demo API client', async () => {
    const loket = started[0];
    if (!loket) throw new Error('no process');
    const token = await signZgwToken(apiClient.clientId, apiClient.secret);
    const response = await fetch(`http://127.0.0.1:${loket.port}/platform/api/v1/gemeente`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ naam: 'Gemeente Voorbeeld' });
  });

  it('refuses a second process on the same data directory with a clear message', async () => {
    const second = await spawnLoket(env);
    started.push(second);
    expect(await second.exited).not.toBe(0);
    expect(second.output()).toMatch(/in use by a running Loket process/);
  });

  it('stops gracefully on SIGTERM and keeps its data over a restart', async () => {
    const first = started[0];
    if (!first) throw new Error('no process');
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    const again = await spawnLoket(env);
    started.push(again);
    await waitUntilReady(again, 60_000);
    expect(again.output()).not.toContain('shown only once');
    const token = await signZgwToken(apiClient.clientId, apiClient.secret);
    const response = await fetch(`http://127.0.0.1:${again.port}/platform/api/v1/gemeente`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    again.child.kill('SIGTERM');
    expect(await again.exited).toBe(0);
  });
});
