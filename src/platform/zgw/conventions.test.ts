import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyRequest } from 'fastify';
import type { Tenant } from '../database/schema.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { createTestApp, createTestTenant, hostOf, type TestApp } from '../../../test/fixtures.ts';
import { ProblemError } from '../errors/problem.ts';
import { registerZgwConventions } from './conventions.ts';
import { PAGE_PARAMETER, pageRequest, paginatedList } from './pagination.ts';

const PREFIX = '/test/zgw/api/v1';
const DINGEN = Array.from({ length: 250 }, (_, index) => ({ naam: `ding-${index + 1}`, kleur: index % 2 === 0 ? 'rood' : 'blauw' }));

/** A mutable test resource, so a change must change its ETag. */
const ding = { naam: 'eerste' };

function resourceUrl(request: FastifyRequest, id: string): string {
  return `${request.protocol}://${request.host}${PREFIX}/dingen/${id}`;
}

describe('ZGW conventions: pagination, ETag, API-version and CRS through HTTP', () => {
  let database: TestDatabase;
  let test: TestApp;
  let tenant: Tenant;

  beforeAll(async () => {
    database = await createTestDatabase();
    test = await createTestApp(database, {}, (app) => {
      void app.register(
        async (zgw) => {
          registerZgwConventions(zgw, 'zaken');
          zgw.get<{ Querystring: { page?: number; kleur?: string } }>(
            '/dingen',
            {
              config: { public: true },
              schema: { querystring: { type: 'object', additionalProperties: false, properties: { page: PAGE_PARAMETER, kleur: { type: 'string' } } } },
            },
            async (request) => {
              const window = pageRequest(request.query);
              const matching = DINGEN.filter((item) => request.query.kleur === undefined || item.kleur === request.query.kleur);
              return paginatedList(request, window, matching.length, matching.slice(window.offset, window.offset + window.limit));
            },
          );
          zgw.get<{ Params: { id: string } }>('/dingen/:id', { config: { public: true, etag: true } }, async (request) => {
            if (request.params.id !== '1') throw new ProblemError('not_found');
            return { url: resourceUrl(request, '1'), naam: ding.naam };
          });
          zgw.get('/beveiligd', { config: { scopes: ['zaken.lezen'] } }, async () => ({ geheim: true }));
          zgw.get('/plekken', { config: { public: true, crs: true } }, async () => ({ geometrie: { type: 'Point', coordinates: [5.1, 52.1] } }));
          zgw.post(
            '/plekken',
            { config: { public: true, crs: true }, schema: { body: { type: 'object', required: ['geometrie'], properties: { geometrie: { type: 'object' } } } } },
            async (request, reply) => reply.code(201).send(request.body),
          );
          zgw.delete('/plekken/:id', { config: { public: true, crs: true } }, async (_request, reply) => reply.code(204).send());
        },
        { prefix: PREFIX },
      );
      app.get('/test/niet-zgw', { config: { public: true } }, async () => ({ ok: true }));
    });
    tenant = await createTestTenant(database.db);
  });
  afterAll(async () => {
    await test.app.close();
    await database.close();
  });

  const get = (url: string, headers: Record<string, string> = {}) => test.app.inject({ method: 'GET', url, headers: { host: hostOf(tenant), ...headers } });

  describe('pagination', () => {
    it('answers the standard envelope with absolute next/previous URLs that keep the filters', async () => {
      const response = await get(`${PREFIX}/dingen?kleur=rood&page=1`);
      expect(response.statusCode).toBe(200);
      const body = response.json();
      expect(body.count).toBe(125);
      expect(body.results).toHaveLength(100);
      expect(body.results[0]).toEqual({ naam: 'ding-1', kleur: 'rood' });
      expect(body.previous).toBeNull();
      expect(body.next).toBe(`http://${hostOf(tenant)}${PREFIX}/dingen?kleur=rood&page=2`);

      const second = await get(new URL(body.next).pathname + new URL(body.next).search);
      expect(second.json()).toMatchObject({ count: 125, next: null, previous: `http://${hostOf(tenant)}${PREFIX}/dingen?kleur=rood&page=1` });
      expect(second.json().results).toHaveLength(25);
    });

    it('gives the same result without page as with page=1', async () => {
      expect((await get(`${PREFIX}/dingen`)).json()).toEqual((await get(`${PREFIX}/dingen?page=1`)).json());
    });

    it('answers a page past the last, or page 0, with 404 not_found', async () => {
      for (const page of ['4', '0']) {
        const response = await get(`${PREFIX}/dingen?page=${page}`);
        expect(response.statusCode).toBe(404);
        expect(response.headers['content-type']).toContain('application/problem+json');
        expect(response.json().code).toBe('not_found');
      }
    });

    it('refuses a page that is not a number as invalid', async () => {
      const response = await get(`${PREFIX}/dingen?page=twee`);
      expect(response.statusCode).toBe(400);
      expect(response.json().invalidParams.map((param: { name: string }) => param.name)).toEqual(['page']);
    });
  });

  describe('ETag and HEAD', () => {
    it('sets an ETag on GET and the same headers without a body on HEAD', async () => {
      const response = await get(`${PREFIX}/dingen/1`);
      expect(response.statusCode).toBe(200);
      const etag = response.headers.etag;
      expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
      const head = await test.app.inject({ method: 'HEAD', url: `${PREFIX}/dingen/1`, headers: { host: hostOf(tenant) } });
      expect(head.statusCode).toBe(200);
      expect(head.body).toBe('');
      expect(head.headers.etag).toBe(etag);
      expect(head.headers['api-version']).toBe('1.7.0');
      expect(head.headers['content-type']).toBe(response.headers['content-type']);
    });

    it('answers If-None-Match with the current ETag with an empty 304, on GET and HEAD', async () => {
      const etag = String((await get(`${PREFIX}/dingen/1`)).headers.etag);
      for (const method of ['GET', 'HEAD'] as const) {
        const response = await test.app.inject({ method, url: `${PREFIX}/dingen/1`, headers: { host: hostOf(tenant), 'if-none-match': `"ouder", ${etag}` } });
        expect(`${method} ${response.statusCode} ${response.body}`).toBe(`${method} 304 `);
        expect(response.headers.etag).toBe(etag);
        expect(response.headers['content-type']).toBeUndefined();
      }
      const star = await get(`${PREFIX}/dingen/1`, { 'if-none-match': '*' });
      expect(star.statusCode).toBe(304);
    });

    it('answers 200 with the body when If-None-Match holds only other ETags', async () => {
      const response = await get(`${PREFIX}/dingen/1`, { 'if-none-match': '"0123456789abcdef0123456789abcdef"' });
      expect(response.statusCode).toBe(200);
      expect(response.json().naam).toBe(ding.naam);
    });

    it('changes the ETag when the resource changes', async () => {
      const before = (await get(`${PREFIX}/dingen/1`)).headers.etag;
      ding.naam = 'gewijzigd';
      const after = await get(`${PREFIX}/dingen/1`, { 'if-none-match': String(before) });
      expect(after.statusCode).toBe(200);
      expect(after.headers.etag).not.toBe(before);
    });

    it('gives a problem no ETag', async () => {
      const response = await get(`${PREFIX}/dingen/2`, { 'if-none-match': '*' });
      expect(response.statusCode).toBe(404);
      expect(response.headers.etag).toBeUndefined();
    });
  });

  describe('API-version', () => {
    it('is on every response of the component, problems and refused callers included', async () => {
      expect((await get(`${PREFIX}/dingen`)).headers['api-version']).toBe('1.7.0');
      expect((await get(`${PREFIX}/dingen?page=9`)).headers['api-version']).toBe('1.7.0');
      expect((await get(`${PREFIX}/dingen?onbekend=1`)).headers['api-version']).toBe('1.7.0');
      const refused = await get(`${PREFIX}/beveiligd`);
      expect(refused.statusCode).toBe(401);
      expect(refused.headers['api-version']).toBe('1.7.0');
    });

    it('stays off routes outside the component', async () => {
      expect((await get('/test/niet-zgw')).headers['api-version']).toBeUndefined();
    });
  });

  describe('Accept-Crs and Content-Crs', () => {
    const point = { geometrie: { type: 'Point', coordinates: [5.1, 52.1] } };
    const post = (headers: Record<string, string>) => test.app.inject({ method: 'POST', url: `${PREFIX}/plekken`, headers: { host: hostOf(tenant), ...headers }, payload: point });

    it('serves geometry in EPSG:4326 and says so in Content-Crs', async () => {
      const response = await get(`${PREFIX}/plekken`, { 'accept-crs': 'EPSG:4326' });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-crs']).toBe('EPSG:4326');
    });

    it('answers a read without Accept-Crs with 412 precondition_failed', async () => {
      const response = await get(`${PREFIX}/plekken`);
      expect(response.statusCode).toBe(412);
      expect(response.json()).toMatchObject({ code: 'precondition_failed', status: 412 });
    });

    it('answers an unsupported Accept-Crs with 406 not_acceptable', async () => {
      const response = await get(`${PREFIX}/plekken`, { 'accept-crs': 'EPSG:28992' });
      expect(response.statusCode).toBe(406);
      expect(response.json().code).toBe('not_acceptable');
    });

    it('requires Content-Crs on a body with geometry: 412 when missing, 406 when unsupported', async () => {
      const missing = await post({ 'accept-crs': 'EPSG:4326' });
      expect(missing.statusCode).toBe(412);
      expect(missing.json().detail).toContain('Content-Crs');
      const unsupported = await post({ 'accept-crs': 'EPSG:4326', 'content-crs': 'EPSG:28992' });
      expect(unsupported.statusCode).toBe(406);
      const accepted = await post({ 'accept-crs': 'EPSG:4326', 'content-crs': 'EPSG:4326' });
      expect(accepted.statusCode).toBe(201);
      expect(accepted.headers['content-crs']).toBe('EPSG:4326');
    });

    it('checks the CRS before the body is validated', async () => {
      const response = await test.app.inject({ method: 'POST', url: `${PREFIX}/plekken`, headers: { host: hostOf(tenant), 'accept-crs': 'EPSG:4326' }, payload: {} });
      expect(response.statusCode).toBe(412);
    });

    it('lets a DELETE through without CRS headers', async () => {
      const response = await test.app.inject({ method: 'DELETE', url: `${PREFIX}/plekken/1`, headers: { host: hostOf(tenant) } });
      expect(response.statusCode).toBe(204);
    });

    it('leaves routes without geometry alone', async () => {
      const response = await get(`${PREFIX}/dingen`);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-crs']).toBeUndefined();
    });
  });
});
