import { join } from 'node:path';
import { expect } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import type { Tenant } from '../../../platform/database/schema.ts';
import { NOTIFICATIE_KIND, type Notificatie } from '../../../platform/zgw/notificatie.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/database.ts';
import { createTestApp, createTestClient, createTestTenant, hostOf, type TestApp } from '../../../../test/fixtures.ts';
import { expectConformsTo, loadOpenApi, STANDARDS_DIRECTORY, type OpenApiSpec, type SpecErratum } from '../../../../test/openapi.ts';

/*
 * Test support for the zaaktypen, informatieobjecttypen and besluittypen tests: one database, app and tenant per
 * test file, clients with the scopes the tests need, and a `call` that checks every response against
 * catalogi-1.3.3.yaml.
 */

export const ROOT = '/catalogi/api/v1';
const SPEC_FILE = join(STANDARDS_DIRECTORY, 'zgw', 'catalogi-1.3.3.yaml');

// RSINs that pass the 11-proef.
export const RSIN = '002220647';

const COLLECTIONS = ['zaaktypen', 'besluittypen', 'informatieobjecttypen'] as const;
const EMBEDDED = ['ZaakTypeEmbedded', 'BesluitTypeEmbedded', 'InformatieObjectTypeEmbedded'] as const;

/**
 * Where Loket answers as the reference implementation does rather than as the generated spec file says:
 * - the spec documents `200` for the three `*_destroy` operations and for `informatieobjecttype_create`; the
 *   reference implementation answers 204 No Content and 201 Created, as every other ZGW delete and create (and this
 *   file's own `zaakinformatieobjecttype_destroy`) documents;
 * - `*_destroy` of a published type is refused with 400 `non-concept-object` (ztc-009), and `*_retrieve` with an
 *   `expand` naming no relation with 400 `invalid` (its detail filter validates `expand`), by the reference
 *   implementation: statuses the generated operations leave out;
 * - an expanded single relation is `oneOf: [CatalogusExpanded, EmptyObject]`, but EmptyObject (any object) matches
 *   every expanded catalogus too, so `oneOf` can never hold: read as `anyOf`.
 */
export const CATALOGI_ERRATA: SpecErratum[] = [
  ...COLLECTIONS.map((collection) => ({
    pointer: `/paths/~1${collection}~1{uuid}/delete/responses/204`,
    value: { description: 'No content' },
    reason: 'The reference implementation deletes with 204 No Content.',
  })),
  ...COLLECTIONS.flatMap((collection) =>
    (['delete', 'get'] as const).map((method) => ({
      pointer: `/paths/~1${collection}~1{uuid}/${method}/responses/400`,
      value: { description: 'Bad request', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ValidatieFout' } } } },
      reason: method === 'delete' ? 'ztc-009: deleting a published type is a 400 non-concept-object.' : 'An expand naming no relation is a 400.',
    })),
  ),
  ...EMBEDDED.map((schema) => ({
    pointer: `/components/schemas/${schema}/properties/catalogus`,
    value: { anyOf: [{ $ref: '#/components/schemas/CatalogusExpanded' }, { $ref: '#/components/schemas/EmptyObject' }] },
    reason: 'EmptyObject matches every object, so oneOf with it can never hold for an expanded catalogus.',
  })),
  {
    pointer: '/paths/~1informatieobjecttypen/post/responses/201',
    value: { description: 'Created', content: { 'application/json': { schema: { $ref: '#/components/schemas/InformatieObjectType' } } } },
    reason: 'The reference implementation creates with 201 Created and a Location header.',
  },
];

type Json = Record<string, unknown>;
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'HEAD' | 'DELETE';

/** Everything a Catalogi types test file uses. */
export interface CatalogiTestKit {
  database: TestDatabase;
  test: TestApp;
  tenant: Tenant;
  otherTenant: Tenant;
  spec: OpenApiSpec;
  tokens: {
    reader: string;
    writer: string;
    forcedWriter: string;
    forcedDeleter: string;
    zakenReader: string;
    documentenReader: string;
    noScopes: string;
    otherTenant: string;
  };
  /** The API base URL as a tenant's clients see it. */
  base(at?: Tenant): string;
  /** Calls the API and checks the response against the operation in the official spec. */
  call(method: Method, url: string, template: string, options?: { token?: string; body?: unknown; headers?: Record<string, string>; at?: Tenant }): Promise<LightMyRequestResponse>;
  /** A new catalogus of the tenant, by the API; returns its URL. */
  catalogus(at?: Tenant): Promise<string>;
  /** The notifications published in the tenant, newest last. */
  notificaties(kanaal: string): Promise<Notificatie[]>;
  close(): Promise<void>;
}

let domeinCounter = 0;

/** Sets up the kit (call in beforeAll). */
export async function createCatalogiTestKit(): Promise<CatalogiTestKit> {
  const database = await createTestDatabase();
  const test = await createTestApp(database);
  const tenant = await createTestTenant(database.db);
  const otherTenant = await createTestTenant(database.db);
  const spec = await loadOpenApi(SPEC_FILE, { errata: CATALOGI_ERRATA });
  const token = async (at: Tenant, options: Parameters<typeof createTestClient>[3]) => (await createTestClient(database.db, test.keys, at, options)).token();
  const tokens = {
    reader: await token(tenant, { scopes: ['catalogi.lezen'] }),
    writer: await token(tenant, { scopes: ['catalogi.lezen', 'catalogi.schrijven'] }),
    forcedWriter: await token(tenant, { scopes: ['catalogi.lezen', 'catalogi.geforceerd-schrijven'] }),
    forcedDeleter: await token(tenant, { scopes: ['catalogi.lezen', 'catalogi.geforceerd-verwijderen'] }),
    zakenReader: await token(tenant, { scopes: ['zaken.lezen'] }),
    documentenReader: await token(tenant, { scopes: ['documenten.lezen'] }),
    noScopes: await token(tenant, { scopes: [] }),
    otherTenant: await token(otherTenant, { heeftAlleAutorisaties: true }),
  };
  const base = (at: Tenant = tenant) => `http://${hostOf(at)}${ROOT}`;
  const call: CatalogiTestKit['call'] = async (method, url, template, options = {}) => {
    const headers: Record<string, string> = { host: hostOf(options.at ?? tenant), ...options.headers };
    if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
    const response = await test.app.inject({ method, url: `${ROOT}${url}`, headers, ...(options.body === undefined ? {} : { payload: options.body as Json }) });
    if (response.statusCode !== 304) {
      const body = response.body === '' ? undefined : (response.json() as unknown);
      expectConformsTo(spec, { method, path: template, status: response.statusCode, contentType: response.headers['content-type'], body });
    }
    expect(response.headers['api-version']).toBe('1.3.3');
    return response;
  };
  return {
    database,
    test,
    tenant,
    otherTenant,
    spec,
    tokens,
    base,
    call,
    async catalogus(at = tenant) {
      domeinCounter += 1;
      const response = await call('POST', '/catalogussen', '/catalogussen', {
        token: at === tenant ? tokens.writer : tokens.otherTenant,
        at,
        body: { domein: `K${domeinCounter}`.slice(0, 5), rsin: RSIN, contactpersoonBeheerNaam: 'Beheer' },
      });
      expect(response.statusCode).toBe(201);
      return String((response.json() as Json).url);
    },
    async notificaties(kanaal) {
      const rows = await database.db.selectFrom('outbox').select('payload').where('tenant_id', '=', tenant.id).where('kind', '=', NOTIFICATIE_KIND).orderBy('id').execute();
      return rows.map((row) => row.payload as unknown as Notificatie).filter((notificatie) => notificatie.kanaal === kanaal);
    },
    async close() {
      await test.app.close();
      await database.close();
    },
  };
}

/** The path under the API root of an absolute URL, e.g. `/zaaktypen/<uuid>`. */
export function pathOf(url: unknown): string {
  return new URL(String(url)).pathname.slice(ROOT.length);
}

/** The uuid at the end of a URL. */
export function uuidOf(url: unknown): string {
  return String(url).split('/').pop() ?? '';
}

/** The problem+json body of a 400. */
export function problemOf(response: LightMyRequestResponse): { code: string; invalidParams: { name: string; code: string; reason: string }[] } {
  return response.json() as { code: string; invalidParams: { name: string; code: string; reason: string }[] };
}
