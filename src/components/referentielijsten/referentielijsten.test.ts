import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import type { Tenant } from '../../platform/database/schema.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { createTestApp, createTestTenant, hostOf, type TestApp } from '../../../test/fixtures.ts';
import { pageUrl } from './present.ts';
import { expectConformsTo, loadOpenApi, STANDARDS_DIRECTORY, type OpenApiSpec, type SpecErratum } from '../../../test/openapi.ts';

const SPEC_FILE = join(STANDARDS_DIRECTORY, 'referentielijsten', 'openapi.yaml');
const ROOT = '/referentielijsten/api/v1';

/*
 * Where the official file contradicts the data it was published with and its own reference implementation
 * (VNG-Realisatie/referentielijsten-api), the data and implementation win; every deviation is listed here.
 */
const ERRATA: SpecErratum[] = [
  {
    pointer: '/paths/~1procestypen/get/responses/200/content/application~1json/schema',
    value: { type: 'array', items: { $ref: '#/components/schemas/ProcesType' } },
    reason: 'The list operation documents a single ProcesType; the reference implementation returns an array of them.',
  },
  {
    pointer: '/paths/~1resultaattypeomschrijvingen/get/responses/200/content/application~1json/schema',
    value: { type: 'array', items: { $ref: '#/components/schemas/ResultaattypeOmschrijvingGeneriek' } },
    reason: 'The list operation documents a single ResultaattypeOmschrijvingGeneriek; the reference implementation returns an array.',
  },
  {
    pointer: '/components/schemas/Resultaat/properties/procestermijn/enum',
    value: ['bestaansduur_procesobject', 'ingeschatte_bestaansduur_procesobject', 'nihil', '', 'samengevoegd_met_bewaartermijn', 'vast_te_leggen_datum'],
    reason: 'The enum omits ingeschatte_bestaansduur_procesobject, which its own description lists and one shipped resultaat uses.',
  },
  {
    pointer: '/components/schemas/Resultaat/properties/waardering/enum',
    value: ['blijvend_bewaren', 'vernietigen', ''],
    reason: 'Two shipped resultaten have an empty waardering.',
  },
  {
    pointer: '/components/schemas/Resultaat/properties/toelichting',
    value: { type: 'string', description: 'Toelichting' },
    reason: 'maxLength 150 is exceeded by 26 shipped resultaten (up to 533 characters).',
  },
];

const PROCESTYPE = 'b594c8d1-ea6a-4bcd-a6aa-2c7a8ad3fe5b'; // 1 "Instellen en inrichten organisatie"
const RESULTAAT = '6711baff-798b-4c7f-9133-8ad02c8b7c6f'; // 1.1 "Ingericht", procestype 1
const OMSCHRIJVING = 'e6a0c939-3404-45b0-88e3-76c94fb80ea7'; // "Afgewezen"
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

describe('Referentielijsten API serving the Selectielijst', () => {
  let database: TestDatabase;
  let test: TestApp;
  let tenant: Tenant;
  let spec: OpenApiSpec;

  beforeAll(async () => {
    database = await createTestDatabase();
    test = await createTestApp(database);
    tenant = await createTestTenant(database.db);
    spec = await loadOpenApi(SPEC_FILE, { errata: ERRATA });
  });
  afterAll(async () => {
    await test.app.close();
    await database.close();
  });

  function base(): string {
    return `http://${hostOf(tenant)}${ROOT}`;
  }

  /** Calls the API without any credentials and checks the response against the operation in the spec. */
  async function get(url: string, template: string): Promise<LightMyRequestResponse> {
    const response = await test.app.inject({ method: 'GET', url: `${ROOT}${url}`, headers: { host: hostOf(tenant) } });
    expectConformsTo(spec, { method: 'GET', path: template, status: response.statusCode, contentType: response.headers['content-type'], body: response.json() });
    return response;
  }

  it('reports itself healthy', async () => {
    const response = await get('/health', '/health');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ healthy: true });
  });

  it('lists all 29 procestypen as a plain array, with full URLs, without authentication', async () => {
    const response = await get('/procestypen', '/procestypen');
    expect(response.statusCode).toBe(200);
    const procestypen = response.json() as { url: string; nummer: number }[];
    expect(procestypen).toHaveLength(29);
    expect(procestypen[0]).toMatchObject({ url: `${base()}/procestypen/${PROCESTYPE}`, nummer: 1, jaar: 2020 });
  });

  it('filters procestypen on jaar', async () => {
    expect((await get('/procestypen?jaar=2020', '/procestypen')).json()).toHaveLength(29);
    const none = await get('/procestypen?jaar=2017', '/procestypen');
    expect(none.statusCode).toBe(200);
    expect(none.json()).toEqual([]);
  });

  it('refuses a jaar that is not a year', async () => {
    const response = await get('/procestypen?jaar=twintig', '/procestypen');
    expect(response.statusCode).toBe(400);
    expect(response.json().invalidParams).toEqual([expect.objectContaining({ name: 'jaar' })]);
  });

  it('retrieves one procestype by uuid', async () => {
    const response = await get(`/procestypen/${PROCESTYPE}`, '/procestypen/{uuid}');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ url: `${base()}/procestypen/${PROCESTYPE}`, naam: 'Instellen en inrichten organisatie' });
  });

  it('answers 404 for an unknown procestype and 400 for a malformed uuid', async () => {
    const unknown = await get(`/procestypen/${UNKNOWN}`, '/procestypen/{uuid}');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    expect(unknown.json()).toMatchObject({ code: 'not_found', status: 404 });
    const malformed = await get('/procestypen/niet-een-uuid', '/procestypen/{uuid}');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().invalidParams).toEqual([expect.objectContaining({ name: 'uuid' })]);
  });

  it('pages the 346 resultaten by 100, with next and previous links', async () => {
    const first = await get('/resultaten', '/resultaten');
    expect(first.statusCode).toBe(200);
    const page1 = first.json() as { count: number; next: string | null; previous: string | null; results: { url: string }[] };
    expect(page1).toMatchObject({ count: 346, previous: null, next: `${base()}/resultaten?page=2` });
    expect(page1.results).toHaveLength(100);
    const last = (await get('/resultaten?page=4', '/resultaten')).json() as typeof page1;
    expect(last).toMatchObject({ count: 346, next: null, previous: `${base()}/resultaten?page=3` });
    expect(last.results).toHaveLength(46);
    const seen = new Set<string>();
    for (const page of [1, 2, 3, 4]) {
      const body = (await get(`/resultaten?page=${page}`, '/resultaten')).json() as typeof page1;
      for (const resultaat of body.results) seen.add(resultaat.url);
    }
    expect(seen.size).toBe(346);
  });

  it('answers 404 for a page past the end and 400 for a page that is not a positive number', async () => {
    expect((await get('/resultaten?page=5', '/resultaten')).statusCode).toBe(404);
    expect((await get('/resultaten?page=0', '/resultaten')).statusCode).toBe(400);
    expect((await get('/resultaten?page=een', '/resultaten')).statusCode).toBe(400);
  });

  it('filters resultaten on the procestype URL (proces_type, and procesType as alias)', async () => {
    const procestypeUrl = `${base()}/procestypen/${PROCESTYPE}`;
    const response = await get(`/resultaten?proces_type=${encodeURIComponent(procestypeUrl)}`, '/resultaten');
    expect(response.statusCode).toBe(200);
    const body = response.json() as { count: number; next: string | null; results: { procesType: string; volledigNummer: string }[] };
    expect(body.count).toBeGreaterThan(0);
    expect(body.count).toBe(body.results.length);
    expect(body.results.every((resultaat) => resultaat.procesType === procestypeUrl && resultaat.volledigNummer.startsWith('1.'))).toBe(true);
    const alias = await get(`/resultaten?procesType=${encodeURIComponent(procestypeUrl)}`, '/resultaten');
    expect(alias.json()).toEqual(body);
    // A URL of the same procestype on another host (the public Selectielijst) selects the same resultaten.
    const elsewhere = await get(`/resultaten?proces_type=${encodeURIComponent(`https://selectielijst.example.nl/api/v1/procestypen/${PROCESTYPE}`)}`, '/resultaten');
    expect(elsewhere.json().count).toBe(body.count);
    const none = await get(`/resultaten?proces_type=${encodeURIComponent(`${base()}/procestypen/${UNKNOWN}`)}`, '/resultaten');
    expect(none.json()).toMatchObject({ count: 0, next: null, previous: null, results: [] });
  });

  it('keeps the filters in the page links', () => {
    // No procestype has more than 100 resultaten, so a filtered second page never occurs in the shipped data.
    const procestypeUrl = `${base()}/procestypen/${PROCESTYPE}`;
    const next = new URL(pageUrl(base(), { proces_type: procestypeUrl, page: 1 }, 2));
    expect(next.pathname).toBe(`${ROOT}/resultaten`);
    expect(Object.fromEntries(next.searchParams)).toEqual({ proces_type: procestypeUrl, page: '2' });
  });

  it('refuses a procestype filter that is not the URL of a procestype', async () => {
    const notUrl = await get('/resultaten?proces_type=procestype-1', '/resultaten');
    expect(notUrl.statusCode).toBe(400);
    expect(notUrl.json().invalidParams).toEqual([expect.objectContaining({ name: 'proces_type' })]);
    const noUuid = await get(`/resultaten?proces_type=${encodeURIComponent(`${base()}/procestypen/`)}`, '/resultaten');
    expect(noUuid.statusCode).toBe(400);
  });

  it('retrieves one resultaat with its URL and its procestype URL', async () => {
    const response = await get(`/resultaten/${RESULTAAT}`, '/resultaten/{uuid}');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      url: `${base()}/resultaten/${RESULTAAT}`,
      procesType: `${base()}/procestypen/${PROCESTYPE}`,
      volledigNummer: '1.1',
      bewaartermijn: 'P10Y',
      waardering: 'vernietigen',
    });
  });

  it('answers 404 for an unknown or malformed resultaat uuid (the spec documents no 400 there)', async () => {
    const unknown = await get(`/resultaten/${UNKNOWN}`, '/resultaten/{uuid}');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'not_found' });
    expect((await get('/resultaten/niet-een-uuid', '/resultaten/{uuid}')).statusCode).toBe(404);
  });

  it('lists and retrieves the generic resultaattypeomschrijvingen', async () => {
    const list = await get('/resultaattypeomschrijvingen', '/resultaattypeomschrijvingen');
    expect(list.statusCode).toBe(200);
    expect(list.json()).toHaveLength(3);
    const one = await get(`/resultaattypeomschrijvingen/${OMSCHRIJVING}`, '/resultaattypeomschrijvingen/{uuid}');
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({ url: `${base()}/resultaattypeomschrijvingen/${OMSCHRIJVING}`, omschrijving: 'Afgewezen' });
  });

  it('answers 404 for an unknown resultaattypeomschrijving and 400 for a malformed uuid', async () => {
    expect((await get(`/resultaattypeomschrijvingen/${UNKNOWN}`, '/resultaattypeomschrijvingen/{uuid}')).statusCode).toBe(404);
    const malformed = await get('/resultaattypeomschrijvingen/123', '/resultaattypeomschrijvingen/{uuid}');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ code: 'invalid', name: 'uuid' });
  });

  it('refuses unknown query parameters with a 400 naming them', async () => {
    for (const [url, template] of [['/procestypen?naam=x', '/procestypen'], ['/resultaten?proces_typ=x', '/resultaten'], [`/procestypen/${PROCESTYPE}?expand=x`, '/procestypen/{uuid}']]) {
      const response = await get(url as string, template as string);
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ code: 'unknown-parameters' });
    }
    // These two operations document no 400, so their refusal is checked without the spec.
    for (const url of ['/resultaattypeomschrijvingen?x=1', `/resultaten/${RESULTAAT}?x=1`]) {
      const response = await test.app.inject({ method: 'GET', url: `${ROOT}${url}`, headers: { host: hostOf(tenant) } });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ code: 'unknown-parameters' });
    }
  });

  it('answers 405 for a write, as the spec documents', async () => {
    const response = await test.app.inject({ method: 'POST', url: `${ROOT}/resultaten`, headers: { host: hostOf(tenant) }, payload: {} });
    expect(response.statusCode).toBe(405);
    expectConformsTo(spec, { method: 'GET', path: '/resultaten', status: 405, contentType: response.headers['content-type'], body: response.json() });
  });
});

describe('the OpenAPI response check', () => {
  it('fails with the schema errors listed, and for an undocumented status', async () => {
    const spec = await loadOpenApi(SPEC_FILE, { errata: ERRATA });
    expect(() => expectConformsTo(spec, { method: 'GET', path: '/resultaattypeomschrijvingen/{uuid}', status: 200, contentType: 'application/json', body: { url: 1 } })).toThrow(
      /must have required property 'definitie'[\s\S]*\/url must be string/,
    );
    expect(() => expectConformsTo(spec, { method: 'GET', path: '/resultaten/{uuid}', status: 400, contentType: 'application/json', body: {} })).toThrow(/status 400 is not documented for resultaten_retrieve/);
    expect(() => expectConformsTo(spec, { method: 'GET', path: '/health', status: 200, contentType: 'text/html', body: {} })).toThrow(/content type text\/html is not documented/);
    expect(() => expectConformsTo(spec, { method: 'GET', path: '/bestaat-niet', status: 200, contentType: 'application/json', body: {} })).toThrow(/path template not in the spec/);
  });
});
