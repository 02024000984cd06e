import { join } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { Tenant } from '../../platform/database/schema.ts';
import { hostOf, type TestApp } from '../../../test/fixtures.ts';
import { expectConformsTo, loadOpenApi, STANDARDS_DIRECTORY, type OpenApiSpec } from '../../../test/openapi.ts';
import { NOTIFICATIES_ROOT } from './shared/urls.ts';

/*
 * Test helpers for the Notificaties API: every response of an operation the spec documents is checked against
 * notificaties-1.0.1.yaml; Loket's own extension routes are checked by hand in their tests.
 */

export type Json = Record<string, unknown>;
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD';

/** The Notificaties API 1.0.1 spec. */
export function loadNotificatiesSpec(): Promise<OpenApiSpec> {
  return loadOpenApi(join(STANDARDS_DIRECTORY, 'zgw', 'notificaties-1.0.1.yaml'));
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Calls the API for a tenant; with a spec `template`, checks the response against that operation. */
export function apiCaller(test: () => TestApp, spec: () => OpenApiSpec, tenant: () => Tenant) {
  return async function call(method: Method, url: string, template: string | null, options: CallOptions & { at?: Tenant } = {}): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { host: hostOf(options.at ?? tenant()), ...options.headers };
    if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
    const response = await test().app.inject({ method, url: `${NOTIFICATIES_ROOT}${url}`, headers, ...(options.body === undefined ? {} : { payload: options.body as Json }) });
    if (template !== null && response.statusCode !== 304 && method !== 'HEAD') {
      const body = response.body === '' ? undefined : (response.json() as unknown);
      expectConformsTo(spec(), { method, path: template, status: response.statusCode, contentType: response.headers['content-type'], body });
    }
    expect(response.headers['api-version']).toBe('1.0.1');
    return response;
  };
}

/** A notification message as a publisher sends it. */
export function message(overrides: Json = {}): Json {
  return {
    kanaal: 'zaken',
    hoofdObject: 'https://zaken.example/api/v1/zaken/0d6b8d5e-2fb5-4a8f-a0a6-6d5b0d1f8a11',
    resource: 'zaak',
    resourceUrl: 'https://zaken.example/api/v1/zaken/0d6b8d5e-2fb5-4a8f-a0a6-6d5b0d1f8a11',
    actie: 'create',
    aanmaakdatum: '2026-03-01T10:00:00Z',
    kenmerken: { bronorganisatie: '002220647', zaaktype: 'https://catalogi.example/api/v1/zaaktypen/1', vertrouwelijkheidaanduiding: 'openbaar' },
    ...overrides,
  };
}
