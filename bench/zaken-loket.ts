import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

/*
 * Loket as the benchmark measures it: its own process, started as `npm start` starts it, so the load generator
 * and the raw-pg baseline in this process never share its event loop.
 */

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface LoketServer {
  port: number;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** The arguments `npm start` gives node (its V8 flags included), so a benchmark measures Loket as it runs. */
function startArguments(): string[] {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } };
  const [command, ...rest] = manifest.scripts.start.trim().split(/\s+/);
  if (command !== 'node') throw new Error(`npm start is expected to run node, not ${JSON.stringify(manifest.scripts.start)}`);
  return rest;
}

/** Starts Loket with `env` on a free port and waits until /health/ready answers (at most `timeoutMs`). */
export async function startLoketServer(env: Record<string, string>, timeoutMs = 60_000): Promise<LoketServer> {
  const port = await freePort();
  let output = '';
  // BENCH_PROFILE=DIR: a V8 CPU profile of the Loket process per run, written to DIR when it stops.
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
  const child = spawn(process.execPath, [...profile, ...startArguments()], {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', LOKET_LOG_LEVEL: 'warn', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Keep only the tail: a warning per request would otherwise grow without bound over a long run.
  const collect = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`Loket exited before it was ready:\n${output}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/health/ready`);
      if (response.status === 200) return { port, stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await stop();
  throw new Error(`Loket was not ready within ${timeoutMs} ms:\n${output}`);
}
