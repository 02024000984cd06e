import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { Database, Tenant } from '../../platform/database/schema.ts';
import type { Keys } from '../../platform/crypto/keys.ts';
import { insertApiClient } from '../../platform/auth/api-client-repository.ts';
import { issueApiToken } from '../../platform/auth/api-token.ts';
import { hostOf, type TestApp } from '../../../test/fixtures.ts';
import { expectConformsTo, loadOpenApi, STANDARDS_DIRECTORY, type OpenApiSpec, type SpecErratum } from '../../../test/openapi.ts';
import { KLANTINTERACTIES_ROOT } from './shared/urls.ts';

/*
 * Test helpers of the Klantinteracties API: the official spec (with the errata below), a token per client, and a
 * call that checks every successful response against the operation's documented schema.
 */

function discriminated(property: string, mapping: Record<string, string>): unknown {
  return {
    type: 'object',
    required: [property],
    properties: { [property]: { type: 'string', enum: Object.keys(mapping) } },
    allOf: Object.entries(mapping).map(([value, schema]) => ({ if: { properties: { [property]: { const: value } } }, then: { $ref: `#/components/schemas/${schema}` } })),
  };
}

const DISCRIMINATOR_REASON =
  'The spec selects the variant by its discriminator, which JSON Schema validators ignore; as a plain oneOf over open schemas several variants match (a persoon also fits organisatie) and every response would fail. The erratum makes the discriminator the selector.';

/** Where Loket validates against something other than the letter of the file, and why. */
export const KLANTINTERACTIES_ERRATA: SpecErratum[] = [
  {
    pointer: '/components/schemas/Partij',
    value: discriminated('soortPartij', { persoon: 'persoon_PartijSerializer', organisatie: 'organisatie_PartijSerializer', contactpersoon: 'contactpersoon_PartijSerializer' }),
    reason: DISCRIMINATOR_REASON,
  },
  {
    pointer: '/components/schemas/Actor',
    value: discriminated('soortActor', { medewerker: 'medewerker_ActorSerializer', geautomatiseerde_actor: 'geautomatiseerde_actor_ActorSerializer', organisatorische_eenheid: 'organisatorische_eenheid_ActorSerializer' }),
    reason: DISCRIMINATOR_REASON,
  },
];

/** The Klantinteracties API 0.9.0 specification. */
export function loadKlantinteractiesSpec(): Promise<OpenApiSpec> {
  return loadOpenApi(join(STANDARDS_DIRECTORY, 'klantinteracties', 'klantinteracties-0.9.0.yaml'), { errata: KLANTINTERACTIES_ERRATA });
}

/** A new API client of the tenant with a Klantinteracties token; returns the token. */
export async function createKlantToken(db: Kysely<Database>, keys: Keys, tenant: Tenant): Promise<string> {
  const client = await insertApiClient(db, keys, { tenantId: tenant.id, clientId: `kcc-${randomBytes(4).toString('hex')}`, secret: randomBytes(24).toString('base64url') });
  return issueApiToken(db, tenant.id, client.id, 'klantinteracties');
}

type Json = Record<string, unknown>;
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A caller of the API for one tenant and token that validates every 2xx response against the spec. */
export interface KlantApi {
  call(method: Method, url: string, template: string, body?: unknown, token?: string | null): Promise<LightMyRequestResponse>;
  /** POST that must answer 201; returns the body. */
  create(template: string, body: unknown): Promise<Json>;
  base: string;
}

/** Builds a `KlantApi`. Error responses are not in the spec (it documents only successes); tests check those by hand. */
export function klantApi(test: TestApp, spec: OpenApiSpec, tenant: Tenant, token: string): KlantApi {
  const api: KlantApi = {
    base: `http://${hostOf(tenant)}${KLANTINTERACTIES_ROOT}`,
    async call(method, url, template, body, useToken = token) {
      const headers: Record<string, string> = { host: hostOf(tenant) };
      if (useToken !== null) headers.authorization = `Token ${useToken}`;
      const response = await test.app.inject({ method, url: `${KLANTINTERACTIES_ROOT}${url}`, headers, ...(body === undefined ? {} : { payload: body as Json }) });
      expect(response.headers['api-version']).toBe('0.9.0');
      if (response.statusCode < 300) {
        const parsed = response.body === '' ? undefined : (response.json() as unknown);
        expectConformsTo(spec, { method, path: template, status: response.statusCode, contentType: response.headers['content-type'], body: parsed });
      } else {
        expect(response.headers['content-type']).toContain('application/problem+json');
      }
      return response;
    },
    async create(template, body) {
      const response = await api.call('POST', template, template, body);
      expect(response.statusCode, response.body).toBe(201);
      return response.json() as Json;
    },
  };
  return api;
}
