import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Kysely } from 'kysely';
import { expect } from 'vitest';
import type { Database, Tenant } from '../../platform/database/schema.ts';
import type { Autorisatie, Vertrouwelijkheidaanduiding } from '../../platform/auth/autorisaties.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { createTestApp, createTestClient, createTestTenant, hostOf, type TestApp } from '../../../test/fixtures.ts';
import { expectConformsTo, loadOpenApi, STANDARDS_DIRECTORY, type OpenApiSpec, type SpecErratum } from '../../../test/openapi.ts';
import { insertTestCatalogus } from '../../../test/zgw-fixtures.ts';

/*
 * Test data and a caller for the Documenten API: informatieobjecttypen written straight into the catalogue table,
 * autorisaties for component drc, and `call`, which sends a request through the whole Loket app and checks every
 * response against documenten-1.7.0 (which also records the operation for the coverage report).
 */

export const ROOT = '/documenten/api/v1';

/*
 * `_expand` relations are `oneOf: [<X>Expanded, EmptyObject]`, and EmptyObject is written as any object, so every
 * expanded object matches both and oneOf can never hold. Read as what it says: an object without properties.
 */
const BAD_REQUEST = {
  description: 'Bad request',
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ValidatieFout' } } },
};

const ERRATA: SpecErratum[] = [
  {
    pointer: '/paths/~1enkelvoudiginformatieobjecten~1{uuid}/delete/responses/400',
    value: BAD_REQUEST,
    reason: 'drc-008 demands a 400 for a document that still has objectinformatieobjecten; the operation lists no 400.',
  },
  {
    pointer: '/paths/~1objectinformatieobjecten~1{uuid}/delete/responses/400',
    value: BAD_REQUEST,
    reason: 'drc-004 read the other way round (the source still has the relation) is a validation error, a 400 as in the reference implementation; the operation lists none.',
  },
  {
    pointer: '/components/schemas/ztc_1_3_2__EmptyObject',
    value: { type: 'object', maxProperties: 0 },
    reason: 'As written (any object) EmptyObject makes every oneOf with an expanded object fail; it means an empty object.',
  },
];

/** The Documenten API 1.7.0 spec (the bundled file: its `_expand` schemas reference the Catalogi API). */
export function loadDocumentenSpec(): Promise<OpenApiSpec> {
  return loadOpenApi(join(STANDARDS_DIRECTORY, 'zgw', 'bundled', 'documenten-1.7.0.bundled.yaml'), { errata: ERRATA });
}

/** An informatieobjecttype in a catalogus of the tenant (published unless `concept`). */
export async function insertTestInformatieobjecttype(
  db: Kysely<Database>,
  tenant: Tenant,
  options: { concept?: boolean; vertrouwelijkheidaanduiding?: Vertrouwelijkheidaanduiding; catalogusUuid?: string } = {},
): Promise<{ uuid: string; url: string }> {
  const catalogusUuid = options.catalogusUuid ?? (await insertTestCatalogus(db, tenant));
  const { uuid } = await db
    .insertInto('informatieobjecttypen')
    .values({
      tenant_id: tenant.id,
      catalogus_uuid: catalogusUuid,
      omschrijving: `Testdocument ${Math.floor(Math.random() * 1e9)}`,
      vertrouwelijkheidaanduiding: options.vertrouwelijkheidaanduiding ?? 'openbaar',
      concept: options.concept ?? false,
      begin_geldigheid: '2020-01-01',
    })
    .returning('uuid')
    .executeTakeFirstOrThrow();
  return { uuid, url: `http://${hostOf(tenant)}/catalogi/api/v1/informatieobjecttypen/${uuid}` };
}

/** An autorisatie for component drc on one informatieobjecttype up to a vertrouwelijkheidaanduiding. */
export function drcAutorisatie(informatieobjecttypeUrl: string, scopes: string[], max: Vertrouwelijkheidaanduiding = 'zeer_geheim'): Autorisatie {
  return { component: 'drc', scopes, zaaktype: null, informatieobjecttype: informatieobjecttypeUrl, besluittype: null, maxVertrouwelijkheidaanduiding: max };
}

/** A valid document body for an informatieobjecttype URL (RSIN 002220647). */
export function documentBody(informatieobjecttypeUrl: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    bronorganisatie: '002220647',
    creatiedatum: '2026-01-10',
    titel: 'Aanvraag omgevingsvergunning',
    auteur: 'Behandelaar',
    taal: 'dut',
    informatieobjecttype: informatieobjecttypeUrl,
    ...overrides,
  };
}

export type Json = Record<string, unknown>;
export interface Problem {
  code: string;
  invalidParams?: { name: string; code: string }[];
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
  at?: Tenant;
  app?: FastifyInstance;
  payload?: string | Buffer;
}

/** A test setup for the Documenten API: its own database, data directory, tenant and spec. */
export class DocumentenTest {
  database!: TestDatabase;
  test!: TestApp;
  tenant!: Tenant;
  otherTenant!: Tenant;
  spec!: OpenApiSpec;
  dataDir!: string;
  /** A client with heeftAlleAutorisaties in `tenant`. */
  all!: string;

  async start(config: Record<string, string> = {}): Promise<void> {
    this.dataDir = await mkdtemp(join(tmpdir(), 'loket-documenten-'));
    this.database = await createTestDatabase();
    this.test = await createTestApp(this.database, { LOKET_DATA_DIR: this.dataDir, ...config });
    this.tenant = await createTestTenant(this.database.db);
    this.otherTenant = await createTestTenant(this.database.db);
    this.spec = await loadDocumentenSpec();
    this.all = await this.client({ heeftAlleAutorisaties: true });
  }

  async stop(): Promise<void> {
    await this.test.app.close();
    await this.database.close();
    await rm(this.dataDir, { recursive: true, force: true });
  }

  /** A token for a new client of the tenant (or `at`). */
  async client(options: Parameters<typeof createTestClient>[3], at: Tenant = this.tenant): Promise<string> {
    return (await createTestClient(this.database.db, this.test.keys, at, options)).token();
  }

  /** Calls the API and checks the response against the spec (HEAD, 304 and downloads are checked by the caller). */
  async call(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD', url: string, template: string, options: CallOptions = {}): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { host: hostOf(options.at ?? this.tenant), ...options.headers };
    if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
    const app = options.app ?? this.test.app;
    const payload = options.payload ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
    if (options.body !== undefined && headers['content-type'] === undefined) headers['content-type'] = 'application/json';
    const response = await app.inject({ method, url: `${ROOT}${url}`, headers, ...(payload === undefined ? {} : { payload }) });
    const download = template.endsWith('/download') && response.statusCode === 200;
    if (response.statusCode !== 304 && method !== 'HEAD' && !download) {
      const body = response.body === '' ? undefined : (response.json() as unknown);
      expectConformsTo(this.spec, { method, path: template, status: response.statusCode, contentType: response.headers['content-type'], body });
    }
    if (method === 'HEAD' && response.statusCode === 200) expectConformsTo(this.spec, { method, path: template, status: 200, contentType: undefined, body: undefined });
    if (download) expectConformsTo(this.spec, { method, path: template, status: 200, contentType: response.headers['content-type'], body: response.body });
    expect(response.headers['api-version']).toBe('1.7.0');
    return response;
  }

  /** Creates a document (201 expected) and returns its JSON. */
  async createDocument(informatieobjecttypeUrl: string, overrides: Record<string, unknown> = {}, token = this.all): Promise<Json> {
    const response = await this.call('POST', '/enkelvoudiginformatieobjecten', '/enkelvoudiginformatieobjecten', { token, body: documentBody(informatieobjecttypeUrl, overrides) });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as Json;
  }

  /** Locks a document and returns the lock id. */
  async lock(url: unknown, token = this.all): Promise<string> {
    const response = await this.call('POST', `${pathOf(url)}/lock`, '/enkelvoudiginformatieobjecten/{uuid}/lock', { token });
    expect(response.statusCode, response.body).toBe(200);
    return String((response.json() as { lock: string }).lock);
  }

  /** Unlocks a document with its lock id (204 expected). */
  async unlock(url: unknown, lock: string | undefined, token = this.all): Promise<LightMyRequestResponse> {
    return this.call('POST', `${pathOf(url)}/unlock`, '/enkelvoudiginformatieobjecten/{uuid}/unlock', { token, body: lock === undefined ? {} : { lock } });
  }
}

/** The path of an API URL below the Documenten root (`…/enkelvoudiginformatieobjecten/<uuid>`). */
export function pathOf(url: unknown): string {
  const path = new URL(String(url)).pathname;
  return path.slice(path.indexOf(ROOT) + ROOT.length);
}

/** The uuid at the end of a URL. */
export function uuidOf(url: unknown): string {
  return String(url).split('?')[0]?.split('/').pop() ?? '';
}

export function problemOf(response: LightMyRequestResponse): Problem {
  return response.json() as Problem;
}

/** The invalidParams codes of a problem, as `name:code`. */
export function invalidCodes(response: LightMyRequestResponse): string[] {
  return (problemOf(response).invalidParams ?? []).map((param) => `${param.name}:${param.code}`);
}

export { createTestDatabase, createTestTenant };
