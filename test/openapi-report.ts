import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { COVERAGE_DIRECTORY, type OperationCoverage } from './openapi-coverage.ts';

/*
 * The OpenAPI coverage report: every operationId of the specifications Loket implements, with the tests that
 * received a response from it that conformed to the spec. Test workers each write what they exercised
 * (./openapi-coverage.ts); after the run this merges those files into test-results/openapi-coverage.{md,json}.
 */

const STANDARDS = join(import.meta.dirname, '..', '..', 'shared', 'standards');

/** The specifications the report covers, by the short name the coverage files use. */
export const REPORTED_SPECS: Record<string, string> = {
  'catalogi-1.3.3': join(STANDARDS, 'zgw', 'catalogi-1.3.3.yaml'),
  'zaken-1.7.0': join(STANDARDS, 'zgw', 'zaken-1.7.0.yaml'),
  'besluiten-1.1.0': join(STANDARDS, 'zgw', 'besluiten-1.1.0.yaml'),
  'documenten-1.7.0': join(STANDARDS, 'zgw', 'documenten-1.7.0.yaml'),
  'notificaties-1.0.1': join(STANDARDS, 'zgw', 'notificaties-1.0.1.yaml'),
  'autorisaties-1.1.0': join(STANDARDS, 'zgw', 'autorisaties-1.1.0.yaml'),
  referentielijsten: join(STANDARDS, 'referentielijsten', 'openapi.yaml'),
  'klantinteracties-0.9.0': join(STANDARDS, 'klantinteracties', 'klantinteracties-0.9.0.yaml'),
};

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

interface SpecOperation {
  operationId: string;
  method: string;
  path: string;
}

function operationsOf(file: string): SpecOperation[] {
  const document = parse(readFileSync(file, 'utf8')) as { paths?: Record<string, Record<string, { operationId?: string }>> };
  const operations: SpecOperation[] = [];
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of METHODS) {
      const operationId = item[method]?.operationId;
      if (operationId) operations.push({ operationId, method: method.toUpperCase(), path });
    }
  }
  return operations;
}

/** What the test workers recorded, merged per spec and operationId. */
function recordedCoverage(): Map<string, Map<string, OperationCoverage>> {
  const merged = new Map<string, Map<string, OperationCoverage>>();
  if (!existsSync(COVERAGE_DIRECTORY)) return merged;
  for (const file of readdirSync(COVERAGE_DIRECTORY).filter((name) => name.endsWith('.json'))) {
    const { spec, operations } = JSON.parse(readFileSync(join(COVERAGE_DIRECTORY, file), 'utf8')) as { spec: string; operations: OperationCoverage[] };
    const bySpec = merged.get(spec) ?? new Map<string, OperationCoverage>();
    merged.set(spec, bySpec);
    for (const operation of operations) {
      const known = bySpec.get(operation.operationId);
      if (!known) bySpec.set(operation.operationId, { ...operation, statuses: [...operation.statuses], tests: [...operation.tests] });
      else {
        known.statuses = [...new Set([...known.statuses, ...operation.statuses])];
        known.tests = [...new Set([...known.tests, ...operation.tests])];
      }
    }
  }
  return merged;
}

/** Empties the workers' coverage files before a run, so the report shows this run only. */
export function resetOpenApiCoverage(): void {
  rmSync(COVERAGE_DIRECTORY, { recursive: true, force: true });
}

/** Writes the merged report and returns one summary line per spec (`zaken-1.7.0: 69/69 operations exercised`). */
export function writeOpenApiCoverageReport(outputDirectory = join(COVERAGE_DIRECTORY, '..')): string[] {
  const recorded = recordedCoverage();
  const summary: string[] = [];
  const json: Record<string, { operations: (SpecOperation & { statuses: number[]; tests: string[] })[] }> = {};
  const markdown: string[] = ['# OpenAPI coverage', '', 'Every operation of each specification, with the tests whose responses were validated against it.', ''];
  for (const [name, file] of Object.entries(REPORTED_SPECS)) {
    if (!existsSync(file)) continue;
    const exercised = recorded.get(name) ?? new Map<string, OperationCoverage>();
    const operations = operationsOf(file).map((operation) => {
      const coverage = exercised.get(operation.operationId);
      return { ...operation, statuses: [...(coverage?.statuses ?? [])].sort((a, b) => a - b), tests: [...(coverage?.tests ?? [])].sort() };
    });
    const covered = operations.filter((operation) => operation.tests.length > 0).length;
    const missing = operations.filter((operation) => operation.tests.length === 0).map((operation) => operation.operationId);
    const shown = missing.length > 8 ? `${missing.slice(0, 8).join(', ')} and ${missing.length - 8} more` : missing.join(', ');
    summary.push(`${name}: ${covered}/${operations.length} operations exercised${missing.length > 0 ? ` (not: ${shown})` : ''}`);
    json[name] = { operations };
    markdown.push(`## ${name}: ${covered} of ${operations.length} operations exercised`, '', '| operationId | method | path | statuses | tests |', '|---|---|---|---|---|');
    for (const operation of operations) {
      const tests = operation.tests.length > 0 ? operation.tests.map((test) => test.replaceAll('|', '\\|')).join('<br>') : '**not exercised**';
      markdown.push(`| ${operation.operationId} | ${operation.method} | \`${operation.path}\` | ${operation.statuses.join(', ')} | ${tests} |`);
    }
    markdown.push('');
  }
  mkdirSync(outputDirectory, { recursive: true });
  writeFileSync(join(outputDirectory, 'openapi-coverage.json'), `${JSON.stringify(json, null, 2)}\n`);
  writeFileSync(join(outputDirectory, 'openapi-coverage.md'), `${markdown.join('\n')}\n`);
  return summary;
}
