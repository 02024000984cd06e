#!/usr/bin/env node
// The `loket` command: registers tsx so the TypeScript sources run as they are (no build step),
// then hands over to the CLI. A relative specifier resolves against this file, not the working
// directory, so the command works from anywhere.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
