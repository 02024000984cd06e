import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { signZgwToken } from './fixtures.ts';
import { spawnLoket, waitUntilReady, type LoketProcess } from './process.ts';

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

  it('is ready within 60 s, seeds Gemeente Voorbeeld and prints the credentials once', async () => {
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
