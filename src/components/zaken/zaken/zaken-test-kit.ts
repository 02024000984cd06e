import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { parse } from 'yaml';
import type { Kysely } from 'kysely';
import type { LightMyRequestResponse } from 'fastify';
import type { Database, Tenant } from '../../../platform/database/schema.ts';
import { hostOf, type TestApp } from '../../../../test/fixtures.ts';
import { expectConformsTo, loadOpenApi, STANDARDS_DIRECTORY, type OpenApiSpec, type SpecErratum } from '../../../../test/openapi.ts';
import type { TestZaaktype } from '../../../../test/zgw-fixtures.ts';

/*
 * Test helpers of the ZAAK resource tests: calling the Zaken API with the CRS headers its zaak operations require,
 * every response checked against the official spec (with the errata below), and rows for the zaak's relations.
 * Used by tests only.
 */

export const ZAKEN_ROOT = '/zaken/api/v1';
export const CRS = { 'accept-crs': 'EPSG:4326', 'content-crs': 'EPSG:4326' } as const;

const SPEC_FILE = join(STANDARDS_DIRECTORY, 'zgw', 'bundled', 'zaken-1.7.0.bundled.yaml');

/**
 * The spec's `_expand` schemas say `oneOf: [<the object>, EmptyObject | GenesteExpansie]`, but EmptyObject and
 * GenesteExpansie accept every object, so a full object matches both alternatives and `oneOf` can never hold: the
 * intended "either" is `anyOf`. And `zaaknummer_reserveren` answers one object for one number (its own description:
 * "Als aantal niet wordt opgegeven of gelijk is aan 1, wordt een enkel object teruggegeven") while its schema says
 * array: the spec's own OneOrMultipleZaakIdentificaties says it right. And GeoJSONGeometry relies on its discriminator.
 */
function zakenErrata(): SpecErratum[] {
  const document = parse(readFileSync(SPEC_FILE, 'utf8')) as { components: { schemas: Record<string, { properties: Record<string, Record<string, unknown>> }> } };
  const either: SpecErratum[] = [];
  for (const [schema, definition] of Object.entries(document.components.schemas)) {
    for (const [property, node] of Object.entries(definition.properties ?? {})) {
      const alternatives = node.oneOf;
      if (!Array.isArray(alternatives) || !alternatives.some((item) => /\/(GenesteExpansie|EmptyObject)$/.test(String((item as { $ref?: unknown }).$ref)))) continue;
      const { oneOf: _oneOf, ...rest } = node;
      either.push({
        pointer: `/components/schemas/${schema}/properties/${property}`,
        value: { ...rest, anyOf: alternatives },
        reason: 'oneOf with an alternative that accepts any object can never be satisfied by a full object; anyOf is meant.',
      });
    }
  }
  const objectTypeOverige = ['ZaakObject', 'PatchedZaakObject', 'ZaakObjectExpanded'].map((schema) => ({
    pointer: `/components/schemas/${schema}/properties/objectTypeOverige/pattern`,
    value: '[a-z_]+',
    reason: 'The escaped underscore is valid in Python (the reference implementation) but not in a JavaScript unicode RegExp.',
  }));
  const reservering = {
    pointer: '/paths/~1zaaknummer_reserveren/post/responses/201/content/application~1json/schema',
    value: { $ref: '#/components/schemas/OneOrMultipleZaakIdentificaties' },
    reason: 'The operation answers one object for one number, as its description says; the schema says array only.',
  };
  // The discriminator on `type` picks the alternative in OpenAPI; JSON Schema needs it spelled out, or a LineString
  // also matches MultiPoint (the same shape) and `oneOf` fails.
  const geometryTypes = ['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection'];
  const geometry = {
    pointer: '/components/schemas/GeoJSONGeometry/oneOf',
    value: geometryTypes.map((type) => ({ allOf: [{ $ref: `#/components/schemas/${type}` }, { properties: { type: { enum: [type] } } }] })),
    reason: 'The `type` discriminator is OpenAPI-only; spelled out so that exactly one alternative matches.',
  };
  return [...either, ...objectTypeOverige, reservering, geometry];
}

/** The Zaken 1.7.0 spec, self-contained, with the errata above. */
export function loadZakenSpecForZaken(): Promise<OpenApiSpec> {
  return loadOpenApi(SPEC_FILE, { errata: zakenErrata() });
}

export type Json = Record<string, unknown>;
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD';

export interface CallOptions {
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
  at?: Tenant;
  /** Leave out the CRS headers (to test their rules). */
  noCrs?: boolean;
  /** Skip the spec check (a `fields` search answers only the fields asked for). */
  unchecked?: boolean;
}

/** Calls the Zaken API of a tenant; each response (status and body) is checked against the operation in the spec. */
export function zakenCaller(test: TestApp, spec: OpenApiSpec, tenant: Tenant) {
  return async function call(method: Method, url: string, template: string, options: CallOptions = {}): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { host: hostOf(options.at ?? tenant), ...(options.noCrs ? {} : CRS), ...options.headers };
    if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
    const response = await test.app.inject({ method, url: `${ZAKEN_ROOT}${url}`, headers, ...(options.body === undefined ? {} : { payload: options.body as Json }) });
    if (response.statusCode !== 304 && !options.unchecked) {
      const body = response.body === '' ? undefined : (response.json() as unknown);
      expectConformsTo(spec, { method, path: template, status: response.statusCode, contentType: response.headers['content-type'], body });
    }
    expect(response.headers['api-version']).toBe('1.7.0');
    return response;
  };
}

/** The invalidParams of a problem response as `name:code` pairs, sorted. */
export function problemCodes(response: LightMyRequestResponse): string[] {
  const body = response.json() as { invalidParams?: { name: string; code: string }[] };
  return (body.invalidParams ?? []).map((param) => `${param.name}:${param.code}`).sort();
}

/** A status of a zaak written straight into the table. */
export async function insertTestStatus(db: Kysely<Database>, tenant: Tenant, zaakUuid: string, statustypeUuid: string, at: string): Promise<string> {
  const { uuid } = await db
    .insertInto('statussen')
    .values({ tenant_id: tenant.id, zaak_uuid: zaakUuid, statustype_uuid: statustypeUuid, datum_status_gezet: at, data: JSON.stringify({}) })
    .returning('uuid')
    .executeTakeFirstOrThrow();
  return uuid;
}

/** A natuurlijk-persoon rol of a zaak (the initiator) written straight into the table. */
export async function insertTestRol(
  db: Kysely<Database>,
  tenant: Tenant,
  zaakUuid: string,
  zaaktype: TestZaaktype,
  person: { bsn?: string; medewerker?: string },
): Promise<string> {
  const medewerker = person.medewerker !== undefined;
  const { uuid } = await db
    .insertInto('rollen')
    .values({
      tenant_id: tenant.id,
      zaak_uuid: zaakUuid,
      roltype_uuid: medewerker ? zaaktype.roltypen.behandelaar.uuid : zaaktype.roltypen.initiator.uuid,
      betrokkene_type: medewerker ? 'medewerker' : 'natuurlijk_persoon',
      omschrijving_generiek: medewerker ? 'behandelaar' : 'initiator',
      inp_bsn: person.bsn ?? null,
      medewerker_identificatie: person.medewerker ?? null,
      data: JSON.stringify({
        roltoelichting: medewerker ? 'Behandelaar' : 'Aanvrager',
        betrokkeneIdentificatie: medewerker ? { identificatie: person.medewerker, achternaam: 'Jansen' } : { inpBsn: person.bsn ?? '', geslachtsnaam: 'Vries' },
      }),
    })
    .returning('uuid')
    .executeTakeFirstOrThrow();
  return uuid;
}
