import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('start-up with a wrong configuration value', () => {
  it('exits non-zero and names the variable', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { ...process.env, PORT: 'not-a-port', LOKET_DATA_DIR: '/nonexistent/never-created' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('PORT');
    expect(result.stderr).toMatch(/whole number/);
  });
});
