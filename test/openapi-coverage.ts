import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

/** Where each test process writes the operations it exercised; a report later merges these files. */
export const COVERAGE_DIRECTORY = join(import.meta.dirname, '..', 'test-results', 'openapi-coverage');

/** One operation of one spec, with the tests (file › name) that received a checked response from it and the statuses seen. */
export interface OperationCoverage {
  operationId: string;
  method: string;
  path: string;
  statuses: number[];
  tests: string[];
}

// Per module instance, per spec. A worker process may run several test files one after the other, each with
// freshly imported modules, so the file name carries this instance's own id as well as the pid.
const instance = `${process.pid}-${randomBytes(4).toString('hex')}`;
const registry = new Map<string, Map<string, OperationCoverage>>();

/**
 * Records that a test exercised an operation and rewrites this process's file for the spec
 * (`test-results/openapi-coverage/<spec>-<pid>-<random>.json`). Rewriting on every call, rather than at exit,
 * means a worker that is torn down abruptly still leaves its record behind.
 */
export function recordOperation(spec: string, entry: { operationId: string; method: string; path: string; status: number; test: string }): void {
  let operations = registry.get(spec);
  if (!operations) {
    operations = new Map();
    registry.set(spec, operations);
  }
  let coverage = operations.get(entry.operationId);
  if (!coverage) {
    coverage = { operationId: entry.operationId, method: entry.method, path: entry.path, statuses: [], tests: [] };
    operations.set(entry.operationId, coverage);
  }
  if (!coverage.statuses.includes(entry.status)) coverage.statuses.push(entry.status);
  if (!coverage.tests.includes(entry.test)) coverage.tests.push(entry.test);
  mkdirSync(COVERAGE_DIRECTORY, { recursive: true });
  const file = join(COVERAGE_DIRECTORY, `${spec}-${instance}.json`);
  writeFileSync(file, `${JSON.stringify({ spec, operations: [...operations.values()] }, null, 2)}\n`);
}
