import { readFile } from 'node:fs/promises';
import { basename, dirname, relative, resolve } from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import formatsPlugin from 'ajv-formats';
import { parse } from 'yaml';
import { expect } from 'vitest';
import { recordOperation } from './openapi-coverage.ts';

const REPOSITORY_ROOT = resolve(import.meta.dirname, '..');

/** The folder with the official specifications, next to the repository (`../shared/standards`). */
export const STANDARDS_DIRECTORY = resolve(import.meta.dirname, '..', '..', 'shared', 'standards');

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

type JsonObject = Record<string, unknown>;

/** One operation of a spec, as a report lists it. */
export interface OpenApiOperation {
  operationId: string;
  method: string;
  path: string;
}

/** A loaded OpenAPI 3 document with a validator that knows all its local `$ref`s. */
export interface OpenApiSpec {
  /** Short name used in coverage files, e.g. `referentielijsten` or `zaken-1.7.0`. */
  name: string;
  file: string;
  document: JsonObject;
  operations: OpenApiOperation[];
  validatorFor(pointer: string): ValidateFunction;
}

/** What a test received: the real response, and the path template of the operation it called. */
export interface ResponseToCheck {
  method: string;
  /** The path template as the spec writes it, e.g. `/resultaten/{uuid}`. */
  path: string;
  status: number;
  /** The response's Content-Type header (parameters such as charset are ignored). */
  contentType?: string | string[] | number | undefined;
  body: unknown;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Escapes one JSON pointer segment (RFC 6901). */
function pointerSegment(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * Rewrites OpenAPI 3.0 schema dialect into JSON Schema that Ajv understands: `nullable: true` becomes an
 * explicit null alternative. Refuses external `$ref`s, which would silently validate nothing.
 */
function toJsonSchemaDialect(node: unknown, file: string, formats: Set<string>): unknown {
  if (Array.isArray(node)) return node.map((item) => toJsonSchemaDialect(item, file, formats));
  if (!isObject(node)) return node;
  const ref = node.$ref;
  if (typeof ref === 'string' && !ref.startsWith('#')) {
    throw new Error(`${file} has an external $ref (${ref}); for ZGW use the self-contained file in zgw/bundled/`);
  }
  if (typeof node.format === 'string') formats.add(node.format);
  const converted: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    // `example` and `discriminator` are documentation in OpenAPI 3.0; Ajv would treat them as unknown keywords.
    if (key === 'example' || key === 'discriminator' || key === 'xml' || key === 'externalDocs') continue;
    converted[key] = toJsonSchemaDialect(value, file, formats);
  }
  if (converted.nullable === true) {
    delete converted.nullable;
    if (typeof converted.type === 'string' && converted.$ref === undefined) {
      converted.type = [converted.type, 'null'];
      if (Array.isArray(converted.enum) && !converted.enum.includes(null)) converted.enum = [...converted.enum, null];
      return converted;
    }
    return { anyOf: [converted, { type: 'null' }] };
  }
  return converted;
}

function specName(file: string): string {
  const base = basename(file).replace(/(\.bundled)?\.ya?ml$/, '');
  // An official file called plain `openapi.yaml` is named after its folder.
  return base === 'openapi' ? basename(dirname(file)) : base;
}

function listOperations(document: JsonObject): OpenApiOperation[] {
  const operations: OpenApiOperation[] = [];
  const paths = isObject(document.paths) ? document.paths : {};
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    for (const method of METHODS) {
      const operation = item[method];
      if (isObject(operation)) operations.push({ operationId: String(operation.operationId ?? `${method} ${path}`), method, path });
    }
  }
  return operations;
}

/**
 * A correction to an official spec where it contradicts its own data or reference implementation, set at a
 * JSON pointer of the document (in OpenAPI dialect, before conversion). Each one states why, so a reviewer
 * sees every place where Loket is checked against something other than the letter of the file.
 */
export interface SpecErratum {
  pointer: string;
  value: unknown;
  reason: string;
}

const cache = new Map<string, Promise<OpenApiSpec>>();

/** Loads an OpenAPI 3 YAML file once per process (per set of errata) and prepares a validator over its local `$ref`s. */
export function loadOpenApi(file: string, options: { errata?: readonly SpecErratum[] } = {}): Promise<OpenApiSpec> {
  const absolute = resolve(file);
  const errata = options.errata ?? [];
  const key = `${absolute}\n${JSON.stringify(errata)}`;
  let loaded = cache.get(key);
  if (!loaded) {
    loaded = readSpec(absolute, errata);
    cache.set(key, loaded);
  }
  return loaded;
}

function applyErratum(document: JsonObject, erratum: SpecErratum, file: string): void {
  const segments = erratum.pointer.replace(/^#?\//, '').split('/').map((raw) => raw.replace(/~1/g, '/').replace(/~0/g, '~'));
  const last = segments.pop();
  let node: unknown = document;
  for (const segment of segments) node = isObject(node) ? node[segment] : undefined;
  if (!isObject(node) || last === undefined) throw new Error(`${file}: erratum pointer ${erratum.pointer} does not exist`);
  node[last] = erratum.value;
}

async function readSpec(file: string, errata: readonly SpecErratum[]): Promise<OpenApiSpec> {
  const parsed: unknown = parse(await readFile(file, 'utf8'));
  if (!isObject(parsed) || typeof parsed.openapi !== 'string' || !parsed.openapi.startsWith('3.')) {
    throw new Error(`${file} is not an OpenAPI 3 document`);
  }
  for (const erratum of errata) applyErratum(parsed, erratum, file);
  const formats = new Set<string>();
  const document = toJsonSchemaDialect(parsed, file, formats) as JsonObject;
  // The spec's own schemas decide; Ajv's strict mode would reject OpenAPI-only keywords such as readOnly's siblings.
  const ajv = new Ajv({ allErrors: true, strict: false, validateSchema: false });
  // ajv-formats is CommonJS: depending on the loader, its plugin is the module itself or its `default`.
  const plugin = formatsPlugin as unknown as { default?: (instance: Ajv) => Ajv } & ((instance: Ajv) => Ajv);
  const addFormats = plugin.default ?? plugin;
  addFormats(ajv);
  // OpenAPI allows any format name as a hint; an unknown one must not stop validation of everything else.
  for (const format of formats) if (!ajv.formats[format]) ajv.addFormat(format, true);
  const id = `openapi:${specName(file)}`;
  ajv.addSchema({ ...document, $id: id }, id);
  const validators = new Map<string, ValidateFunction>();
  return {
    name: specName(file),
    file,
    document,
    operations: listOperations(document),
    validatorFor(pointer) {
      let validate = validators.get(pointer);
      if (!validate) {
        validate = ajv.compile({ $ref: `${id}#${pointer}` });
        validators.set(pointer, validate);
      }
      return validate;
    },
  };
}

function describeErrors(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? [])
    .map((error) => `  - ${error.instancePath || '(body)'} ${error.message ?? error.keyword} ${JSON.stringify(error.params)} [${error.schemaPath}]`)
    .join('\n');
}

function mediaType(contentType: string | string[] | number | undefined): string | undefined {
  const value = Array.isArray(contentType) ? contentType[0] : typeof contentType === 'number' ? undefined : contentType;
  return value?.split(';')[0]?.trim().toLowerCase() || undefined;
}

/**
 * The spec's content entry for the media type received. A `+json` type such as `application/problem+json`
 * is JSON by its structured suffix (RFC 6839), so it also matches an `application/json` entry: some specs
 * (the Referentielijsten API) document their errors as plain JSON while Loket sends problem+json everywhere.
 */
function contentKey(content: JsonObject, received: string): string | undefined {
  if (received in content) return received;
  if (received.endsWith('+json') && 'application/json' in content) return 'application/json';
  return undefined;
}

/**
 * Fails the current test unless the response is documented for the operation (`method` + path template)
 * and its content type and JSON body conform to the documented schema; on success records the
 * operationId as exercised by this test, for the coverage report.
 */
export function expectConformsTo(spec: OpenApiSpec, response: ResponseToCheck): void {
  const method = response.method.toLowerCase();
  const label = `${response.method.toUpperCase()} ${response.path} → ${response.status} (${spec.name})`;
  const paths = isObject(spec.document.paths) ? spec.document.paths : {};
  const item = paths[response.path];
  if (!isObject(item)) throw new Error(`${label}: path template not in the spec; known: ${Object.keys(paths).join(', ')}`);
  const operation = item[method];
  if (!isObject(operation)) throw new Error(`${label}: the spec has no ${method.toUpperCase()} operation on this path`);
  const operationId = String(operation.operationId ?? `${method} ${response.path}`);
  const responses = isObject(operation.responses) ? operation.responses : {};
  const statusKey = [String(response.status), `${String(response.status).charAt(0)}XX`, 'default'].find((key) => key in responses);
  if (statusKey === undefined) {
    throw new Error(`${label}: status ${response.status} is not documented for ${operationId}; documented: ${Object.keys(responses).join(', ')}`);
  }
  const documented = responses[statusKey];
  const documentedResponse = isObject(documented) && typeof documented.$ref === 'string' ? resolvePointer(spec.document, documented.$ref) : documented;
  const content = isObject(documentedResponse) && isObject(documentedResponse.content) ? documentedResponse.content : undefined;
  const received = mediaType(response.contentType);
  if (!content) {
    expect(response.body === undefined || response.body === '' || response.body === null, `${label}: the spec documents no body`).toBe(true);
  } else {
    if (received === undefined) throw new Error(`${label}: response has no Content-Type; documented: ${Object.keys(content).join(', ')}`);
    const key = contentKey(content, received);
    if (key === undefined) throw new Error(`${label}: content type ${received} is not documented; documented: ${Object.keys(content).join(', ')}`);
    const mediaObject = content[key];
    if (isObject(mediaObject) && mediaObject.schema !== undefined) {
      // A response given as `$ref: '#/components/responses/…'` is validated at the place it points to.
      const responseKey = isObject(documented) && typeof documented.$ref === 'string'
        ? documented.$ref.slice(1)
        : `/paths/${pointerSegment(response.path)}/${method}/responses/${pointerSegment(statusKey)}`;
      const validate = spec.validatorFor(`${responseKey}/content/${pointerSegment(key)}/schema`);
      if (!validate(response.body)) {
        throw new Error(`${label}: body does not conform to the ${operationId} response schema:\n${describeErrors(validate.errors)}`);
      }
    }
  }
  const state = expect.getState();
  const testFile = state.testPath ? relative(REPOSITORY_ROOT, state.testPath) : 'unknown file';
  recordOperation(spec.name, { operationId, method, path: response.path, status: response.status, test: `${testFile} › ${state.currentTestName ?? 'unnamed test'}` });
}

function resolvePointer(document: JsonObject, ref: string): unknown {
  let node: unknown = document;
  for (const raw of ref.replace(/^#\//, '').split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    node = isObject(node) ? node[segment] : undefined;
  }
  return node;
}
