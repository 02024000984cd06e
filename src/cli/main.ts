import { runCli } from './run.ts';

// The `loket` command (also reached through bin/loket.js and `npm run loket --`).
process.exitCode = await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env });
