import { join } from 'node:path';
import { expect } from 'vitest';
import type { Kysely } from 'kysely';
import type { LightMyRequestResponse } from 'fastify';
import type { Database, Tenant } from '../../../platform/database/schema.ts';
import type { Autorisatie, Vertrouwelijkheidaanduiding } from '../../../platform/auth/autorisaties.ts';
import { hostOf, type TestApp } from '../../../../test/fixtures.ts';
import { expectConformsTo, loadOpenApi, STANDARDS_DIRECTORY, type OpenApiSpec, type SpecErratum } from '../../../../test/openapi.ts';
import { NOTIFICATIE_KIND, type Notificatie } from '../../../platform/zgw/notificatie.ts';

/*
 * Test helpers shared by the tests of the zaak's relation resources (zaakobjecten, zaakinformatieobjecten, …):
 * calling the Zaken API with every response checked against the official spec, autorisaties per zaaktype, and
 * reading back the notifications a change published. Used by tests only.
 */

export const ZAKEN_ROOT = '/zaken/api/v1';

/**
 * `objectTypeOverige`'s pattern `[a-z\_]+` escapes an underscore, which Python's regular expressions allow and
 * JavaScript's unicode ones refuse: the same character class without the needless escape.
 */
const ERRATA: SpecErratum[] = ['ZaakObject', 'PatchedZaakObject', 'ZaakObjectExpanded'].map((schema) => ({
  pointer: `/components/schemas/${schema}/properties/objectTypeOverige/pattern`,
  value: '[a-z_]+',
  reason: 'The escaped underscore is valid in Python (the reference implementation) but not in a JavaScript unicode RegExp.',
}));

/** The Zaken 1.7.0 spec, self-contained (the VNG file refers to other specs). */
export function loadZakenSpec(): Promise<OpenApiSpec> {
  return loadOpenApi(join(STANDARDS_DIRECTORY, 'zgw', 'bundled', 'zaken-1.7.0.bundled.yaml'), { errata: ERRATA });
}

export type Json = Record<string, unknown>;
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD';

export interface CallOptions {
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
  at?: Tenant;
}

/**
 * A function that calls the Zaken API of a tenant and checks each response (status and body) against the operation
 * in the official spec, which also records the operation as covered.
 */
export function zakenApi(test: Pick<TestApp, 'app'>, spec: OpenApiSpec, tenant: Tenant) {
  return async function call(method: Method, url: string, template: string, options: CallOptions = {}): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { host: hostOf(options.at ?? tenant), ...options.headers };
    if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
    const response = await test.app.inject({ method, url: `${ZAKEN_ROOT}${url}`, headers, ...(options.body === undefined ? {} : { payload: options.body as Json }) });
    if (response.statusCode !== 304) {
      const body = response.body === '' ? undefined : (response.json() as unknown);
      expectConformsTo(spec, { method, path: template, status: response.statusCode, contentType: response.headers['content-type'], body });
    }
    expect(response.headers['api-version']).toBe('1.7.0');
    return response;
  };
}

/** An autorisatie of the Zaken API for one zaaktype. */
export function zaakAutorisatie(zaaktypeUrl: string, scopes: string[], maxVertrouwelijkheidaanduiding: Vertrouwelijkheidaanduiding = 'zeer_geheim'): Autorisatie {
  return { component: 'zrc', scopes, zaaktype: zaaktypeUrl, informatieobjecttype: null, besluittype: null, maxVertrouwelijkheidaanduiding };
}

/** The invalidParams of a problem response as `name:code` pairs, sorted. */
export function problemCodes(response: LightMyRequestResponse): string[] {
  const body = response.json() as { invalidParams?: { name: string; code: string }[] };
  return (body.invalidParams ?? []).map((param) => `${param.name}:${param.code}`).sort();
}

/** The notifications published (into the outbox) about one resource URL, oldest first. */
export async function notificatiesAbout(db: Kysely<Database>, tenant: Tenant, resourceUrl: string): Promise<Notificatie[]> {
  const rows = await db.selectFrom('outbox').select(['payload']).where('tenant_id', '=', tenant.id).where('kind', '=', NOTIFICATIE_KIND).orderBy('id').execute();
  return rows.map((row) => row.payload as Notificatie).filter((message) => message.resourceUrl === resourceUrl);
}

/** Inserts an eigenschap of a zaaktype straight into the catalogue table; returns its uuid. */
export async function insertTestEigenschap(db: Kysely<Database>, tenant: Tenant, zaaktypeUuid: string, naam: string, specificatie: Json): Promise<string> {
  const { uuid } = await db
    .insertInto('eigenschappen')
    .values({ tenant_id: tenant.id, zaaktype_uuid: zaaktypeUuid, naam, specificatie: JSON.stringify(specificatie), data: JSON.stringify({ definitie: naam }) })
    .returning('uuid')
    .executeTakeFirstOrThrow();
  return uuid;
}

/** Inserts a zaakobjecttype of a zaaktype straight into the catalogue table; returns its uuid. */
export async function insertTestZaakobjecttype(db: Kysely<Database>, tenant: Tenant, zaaktypeUuid: string): Promise<string> {
  const { uuid } = await db
    .insertInto('zaakobjecttypen')
    .values({ tenant_id: tenant.id, zaaktype_uuid: zaaktypeUuid, objecttype: 'https://objecttypen.example/api/v2/objecttypes/boom', relatie_omschrijving: 'Boom' })
    .returning('uuid')
    .executeTakeFirstOrThrow();
  return uuid;
}

/** The catalogue URL of a resource of a tenant, as the API presents it. */
export function catalogiUrlOf(tenant: Tenant, resource: string, uuid: string): string {
  return `http://${hostOf(tenant)}/catalogi/api/v1/${resource}/${uuid}`;
}

/** The Zaken API URL of a resource of a tenant. */
export function zakenUrlOf(tenant: Tenant, resource: string, uuid: string): string {
  return `http://${hostOf(tenant)}${ZAKEN_ROOT}/${resource}/${uuid}`;
}
