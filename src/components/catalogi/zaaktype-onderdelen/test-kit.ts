import { join } from 'node:path';
import { expect } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import type { Tenant } from '../../../platform/database/schema.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/database.ts';
import { createTestApp, createTestClient, createTestTenant, hostOf, type TestApp } from '../../../../test/fixtures.ts';
import { expectConformsTo, loadOpenApi, STANDARDS_DIRECTORY, type OpenApiSpec, type SpecErratum } from '../../../../test/openapi.ts';
import { insertTestZaaktype, type TestZaaktype } from '../../../../test/zgw-fixtures.ts';

/*
 * What the tests of the zaaktype parts share: an app on a database of their own, two tenants, clients with the
 * Catalogi scopes, and a `call` that checks every response against catalogi-1.3.3.yaml.
 */

export const CATALOGI_ROOT = '/catalogi/api/v1';
const SPEC_FILE = join(STANDARDS_DIRECTORY, 'zgw', 'catalogi-1.3.3.yaml');

/** The part collections and their `…Embedded` schemas. */
const PARTS = {
  statustypen: 'StatusTypeEmbedded',
  resultaattypen: 'ResultaatTypeEmbedded',
  roltypen: 'RolTypeEmbedded',
  eigenschappen: 'EigenschapEmbedded',
  zaakobjecttypen: 'ZaakObjectTypeEmbedded',
  'zaaktype-informatieobjecttypen': 'ZaakTypeInformatieObjectTypeEmbedded',
} as const;

/** The single-object relations of each `…Embedded` schema, with the schema of the expanded object. */
const EMBEDDED_OBJECTS: Record<string, Record<string, string>> = {
  StatusTypeEmbedded: { catalogus: 'CatalogusExpanded', zaaktype: 'ZaakTypeExpanded' },
  ResultaatTypeEmbedded: { catalogus: 'CatalogusExpanded', zaaktype: 'ZaakTypeExpanded' },
  RolTypeEmbedded: { catalogus: 'CatalogusExpanded', zaaktype: 'ZaakTypeExpanded' },
  EigenschapEmbedded: { catalogus: 'CatalogusExpanded', zaaktype: 'ZaakTypeExpanded', statustype: 'StatusTypeExpanded' },
  ZaakObjectTypeEmbedded: { catalogus: 'CatalogusExpanded', zaaktype: 'ZaakTypeExpanded' },
  ZaakTypeInformatieObjectTypeEmbedded: {
    catalogus: 'CatalogusExpanded',
    zaaktype: 'ZaakTypeExpanded',
    informatieobjecttype: 'InformatieObjectTypeExpanded',
    statustype: 'StatusTypeExpanded',
  },
};

/** Where the tests check Loket against something other than the letter of catalogi-1.3.3.yaml, and why. */
const ERRATA: SpecErratum[] = [
  ...Object.entries(EMBEDDED_OBJECTS).flatMap(([schema, relations]) =>
    Object.entries(relations).map(([relation, expanded]) => ({
      pointer: `/components/schemas/${schema}/properties/${relation}`,
      value: { anyOf: [{ $ref: `#/components/schemas/${expanded}` }, { $ref: '#/components/schemas/EmptyObject' }] },
      reason: 'oneOf of an expanded object and EmptyObject (any object) can never hold for an expanded object (it matches both); anyOf is what is meant.',
    })),
  ),
  ...Object.keys(PARTS).map((collection) => ({
    pointer: `/paths/~1${collection}~1{uuid}/delete/responses/400`,
    value: { $ref: '#/components/responses/PartDestroyRefused' },
    reason: 'The reference implementation refuses to delete a part of a published zaaktype (ztc-010) with a 400 ValidatieFout (code non-concept-zaaktype); the generated spec documents no 400 for *_destroy.',
  })),
  {
    pointer: '/components/responses/PartDestroyRefused',
    value: { description: 'Bad request', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ValidatieFout' } } } },
    reason: 'The 400 response the delete operations above refer to.',
  },
];

export type Json = Record<string, unknown>;
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD';

export interface CallOptions {
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
  at?: Tenant;
}

/** The invalidParams of a 400 response. */
export interface Problem {
  code: string;
  invalidParams: { name: string; code: string; reason: string }[];
}

export interface PartsTest {
  database: TestDatabase;
  test: TestApp;
  tenant: Tenant;
  otherTenant: Tenant;
  spec: OpenApiSpec;
  tokens: {
    reader: string;
    writer: string;
    /** catalogi.geforceerd-schrijven only: may make a correctie. */
    forcedWriter: string;
    /** catalogi.geforceerd-verwijderen only. */
    forcedDeleter: string;
    zakenReader: string;
    noScopes: string;
    otherTenant: string;
  };
  /** The API base URL of a tenant, e.g. `http://t-….test/catalogi/api/v1`. */
  base(at?: Tenant): string;
  /** Calls the API and checks the response against the operation `template` of the official spec. */
  call(method: Method, path: string, template: string, options?: CallOptions): Promise<LightMyRequestResponse>;
  /** A zaaktype of the tenant (with three statustypen, a resultaattype and three roltypen), concept unless said. */
  zaaktype(options?: { concept?: boolean; at?: Tenant; catalogusUuid?: string; identificatie?: string }): Promise<TestZaaktype>;
  close(): Promise<void>;
}

/** Sets up the shared test context; call in `beforeAll` and close it in `afterAll`. */
export async function setUpPartsTest(): Promise<PartsTest> {
  const database = await createTestDatabase();
  const test = await createTestApp(database);
  const tenant = await createTestTenant(database.db);
  const otherTenant = await createTestTenant(database.db);
  const spec = await loadOpenApi(SPEC_FILE, { errata: ERRATA });
  const token = async (at: Tenant, options: Parameters<typeof createTestClient>[3]) => (await createTestClient(database.db, test.keys, at, options)).token();
  const tokens = {
    reader: await token(tenant, { scopes: ['catalogi.lezen'] }),
    writer: await token(tenant, { scopes: ['catalogi.lezen', 'catalogi.schrijven'] }),
    forcedWriter: await token(tenant, { scopes: ['catalogi.lezen', 'catalogi.geforceerd-schrijven'] }),
    forcedDeleter: await token(tenant, { scopes: ['catalogi.lezen', 'catalogi.geforceerd-verwijderen'] }),
    zakenReader: await token(tenant, { scopes: ['zaken.lezen'] }),
    noScopes: await token(tenant, { scopes: [] }),
    otherTenant: await token(otherTenant, { heeftAlleAutorisaties: true }),
  };

  async function call(method: Method, path: string, template: string, options: CallOptions = {}): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { host: hostOf(options.at ?? tenant), ...options.headers };
    if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
    const response = await test.app.inject({ method, url: `${CATALOGI_ROOT}${path}`, headers, ...(options.body === undefined ? {} : { payload: options.body as Json }) });
    if (response.statusCode !== 304) {
      const body = response.body === '' ? undefined : (response.json() as unknown);
      expectConformsTo(spec, { method, path: template, status: response.statusCode, contentType: response.headers['content-type'], body });
    }
    expect(response.headers['api-version']).toBe('1.3.3');
    return response;
  }

  return {
    database,
    test,
    tenant,
    otherTenant,
    spec,
    tokens,
    base: (at = tenant) => `http://${hostOf(at)}${CATALOGI_ROOT}`,
    call,
    zaaktype: (options = {}) => insertTestZaaktype(database.db, options.at ?? tenant, { concept: options.concept ?? true, catalogusUuid: options.catalogusUuid, identificatie: options.identificatie }),
    async close() {
      await test.app.close();
      await database.close();
    },
  };
}

/** The path of an absolute URL below the Catalogi root, for `call`. */
export function pathOf(url: unknown): string {
  return new URL(String(url)).pathname.slice(CATALOGI_ROOT.length);
}

/** The invalidParams of a response, as `name code` strings, sorted: easy to compare. */
export function problemsOf(response: LightMyRequestResponse): string[] {
  const problem = response.json() as Problem;
  return problem.invalidParams.map((param) => `${param.name} ${param.code}`).sort();
}
