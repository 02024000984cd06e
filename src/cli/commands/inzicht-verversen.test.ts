import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { testEngine } from '../../../test/engine.ts';
import { runCli } from '../run.ts';

const TIMEOUT = 60_000;

describe('loket inzicht verversen', () => {
  const workDir = mkdtempSync(join(tmpdir(), 'loket-inzicht-'));
  const env: Record<string, string> = { LOKET_DATA_DIR: join(workDir, 'data'), LOKET_LOG_LEVEL: 'silent' };
  let database: TestDatabase | undefined;

  async function loket(...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
    let stdout = '';
    let stderr = '';
    const status = await runCli(args, { stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text), isTTY: false }, env });
    return { status, stdout, stderr };
  }

  beforeAll(async () => {
    if (testEngine().kind === 'postgres') {
      database = await createTestDatabase();
      env.DATABASE_URL = database.url ?? '';
      env.LOKET_SECRET_KEY = randomBytes(32).toString('base64');
    }
    const run = await loket('tenant', 'add', '--slug', 'voorbeeld', '--name', 'Gemeente Voorbeeld', '--rsin', '123456782');
    expect(run.status, run.stderr).toBe(0);
  }, TIMEOUT);

  afterAll(async () => {
    await database?.close();
    rmSync(workDir, { recursive: true, force: true });
  });

  it('processes what waits, and with --volledig rebuilds the tenant first', { timeout: TIMEOUT }, async () => {
    const eerst = await loket('inzicht', 'verversen');
    expect(eerst.status, eerst.stderr).toBe(0);
    expect(eerst.stdout).toMatch(/^\d+ changes processed/);
    const volledig = await loket('inzicht', 'verversen', '--volledig', '--tenant', 'voorbeeld');
    expect(volledig.status, volledig.stderr).toBe(0);
    expect(volledig.stdout).toMatch(/^1 changes processed \(0 zaken, 0 days\)/);
    const fout = await loket('inzicht', 'verversen', '--tenant', 'bestaat-niet', '--volledig');
    expect(fout.status).not.toBe(0);
  });
});
