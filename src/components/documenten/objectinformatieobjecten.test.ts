import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostOf } from '../../../test/fixtures.ts';
import { insertTestCatalogus, insertTestZaak, insertTestZaaktype, type TestZaaktype } from '../../../test/zgw-fixtures.ts';
import { besluitBody, insertTestBesluittype } from '../besluiten/besluiten-test-fixtures.ts';
import { DocumentenTest, insertTestInformatieobjecttype, invalidCodes, pathOf, uuidOf, type Json } from './documenten-test-fixtures.ts';

const LIST = '/objectinformatieobjecten';
const DETAIL = '/objectinformatieobjecten/{uuid}';
const DOCUMENT = '/enkelvoudiginformatieobjecten/{uuid}';

/*
 * OBJECTINFORMATIEOBJECT kept consistent with the Zaken and Besluiten APIs of this Loket (zrc-003/005/017,
 * brc-003/005/008 against Loket's own Documenten API, drc-002/003/004/008), and with an object of another API
 * (a loopback server standing in for a remote Zaken API, reached through the outbound URL guard).
 */
describe('Documenten API: objectinformatieobjecten', () => {
  const t = new DocumentenTest();
  let zaaktype: TestZaaktype;
  let type: { uuid: string; url: string };
  let strangeType: { uuid: string; url: string };
  let besluittype: { uuid: string; url: string };
  let remote: Server;
  let remoteBase: string;
  /** The relations the remote Zaken API lists (by informatieobject URL). */
  const remoteRelations = new Set<string>();

  beforeAll(async () => {
    await t.start({ LOKET_OUTBOUND_ALLOW_PRIVATE_NETWORKS: 'true' });
    const catalogus = await insertTestCatalogus(t.database.db, t.tenant);
    zaaktype = await insertTestZaaktype(t.database.db, t.tenant, { catalogusUuid: catalogus });
    type = await insertTestInformatieobjecttype(t.database.db, t.tenant, { catalogusUuid: catalogus });
    strangeType = await insertTestInformatieobjecttype(t.database.db, t.tenant, { catalogusUuid: catalogus });
    const omschrijving = (await t.database.db.selectFrom('informatieobjecttypen').select('omschrijving').where('uuid', '=', type.uuid).executeTakeFirstOrThrow()).omschrijving;
    await t.database.db
      .insertInto('zaaktype_informatieobjecttypen')
      .values({ tenant_id: t.tenant.id, zaaktype_uuid: zaaktype.uuid, informatieobjecttype_omschrijving: omschrijving, volgnummer: 1, richting: 'inkomend' })
      .execute();
    besluittype = await insertTestBesluittype(t.database.db, t.tenant, catalogus, { informatieobjecttypeUuids: [type.uuid] });
    remote = createServer((request, response) => {
      const url = new URL(request.url ?? '/', remoteBase);
      response.setHeader('Content-Type', 'application/json');
      if (url.pathname.startsWith('/zaken/api/v1/zaken/')) return response.end(JSON.stringify({ url: `${remoteBase}${url.pathname}` }));
      if (url.pathname === '/zaken/api/v1/zaakinformatieobjecten') {
        const informatieobject = url.searchParams.get('informatieobject') ?? '';
        return response.end(JSON.stringify(remoteRelations.has(informatieobject) ? [{ informatieobject, zaak: url.searchParams.get('zaak') }] : []));
      }
      response.statusCode = 404;
      return response.end('{}');
    });
    await new Promise<void>((resolve) => remote.listen(0, '127.0.0.1', resolve));
    remoteBase = `http://127.0.0.1:${(remote.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => remote.close(resolve));
    await t.stop();
  });

  /** A call to another API of the same Loket (not checked against the Documenten spec). */
  async function other(method: 'POST' | 'DELETE' | 'PATCH', url: string, body?: unknown): Promise<LightMyRequestResponse> {
    const headers = { host: hostOf(t.tenant), authorization: `Bearer ${t.all}`, 'accept-crs': 'EPSG:4326', 'content-crs': 'EPSG:4326' };
    return t.test.app.inject({ method, url, headers, ...(body === undefined ? {} : { payload: body as Json }) });
  }

  async function relationsOf(document: Json): Promise<Json[]> {
    return (await t.call('GET', `${LIST}?informatieobject=${encodeURIComponent(String(document.url))}`, LIST, { token: t.all })).json() as Json[];
  }

  it('zrc-005/drc-003/drc-004/drc-008: a zaakinformatieobject is mirrored here in its own transaction, and only the Zaken API can end it', async () => {
    const document = await t.createDocument(type.url);
    const zaak = await insertTestZaak(t.database.db, t.tenant, zaaktype);
    const zio = await other('POST', '/zaken/api/v1/zaakinformatieobjecten', { zaak: zaak.url, informatieobject: document.url });
    expect(zio.statusCode, zio.body).toBe(201);
    const [mirror] = await relationsOf(document);
    expect(mirror).toMatchObject({ informatieobject: document.url, object: zaak.url, objectType: 'zaak' });
    expect((await t.call('GET', `${LIST}?object=${encodeURIComponent(zaak.url)}`, LIST, { token: t.all })).json()).toEqual([mirror]);
    const found = await t.call('GET', `/enkelvoudiginformatieobjecten?objectinformatieobjecten_object=${encodeURIComponent(zaak.url)}&objectinformatieobjecten_objectType=zaak`, '/enkelvoudiginformatieobjecten', { token: t.all });
    expect((found.json() as { results: Json[] }).results.map((item) => item.url)).toEqual([document.url]);
    const retrieved = await t.call('GET', `${pathOf(mirror?.url)}?expand=informatieobject`, DETAIL, { token: t.all });
    expect(retrieved.statusCode).toBe(200);
    expect((await t.call('HEAD', pathOf(mirror?.url), DETAIL, { token: t.all })).statusCode).toBe(200);

    const duplicate = await t.call('POST', LIST, LIST, { token: t.all, body: { informatieobject: document.url, object: zaak.url, objectType: 'zaak' } });
    expect(invalidCodes(duplicate)).toEqual(['nonFieldErrors:unique']);
    const destroy = await t.call('DELETE', pathOf(mirror?.url), DETAIL, { token: t.all });
    expect(invalidCodes(destroy)).toEqual(['nonFieldErrors:inconsistent-relation']);
    const deleteDocument = await t.call('DELETE', pathOf(document.url), DOCUMENT, { token: t.all });
    expect(invalidCodes(deleteDocument)).toEqual(['nonFieldErrors:pending-relations']);

    expect((await other('DELETE', new URL(String((zio.json() as Json).url)).pathname)).statusCode).toBe(204);
    expect(await relationsOf(document)).toEqual([]);
    const withoutSource = await t.call('POST', LIST, LIST, { token: t.all, body: { informatieobject: document.url, object: zaak.url, objectType: 'zaak' } });
    expect(invalidCodes(withoutSource)).toEqual(['nonFieldErrors:inconsistent-relation']);
    expect((await t.call('DELETE', pathOf(document.url), DOCUMENT, { token: t.all })).statusCode).toBe(204);
  });

  it('zrc-003/zrc-017: the Zaken API takes only an existing document whose informatieobjecttype the zaaktype lists', async () => {
    const zaak = await insertTestZaak(t.database.db, t.tenant, zaaktype);
    const unknown = await other('POST', '/zaken/api/v1/zaakinformatieobjecten', { zaak: zaak.url, informatieobject: `http://${hostOf(t.tenant)}/documenten/api/v1/enkelvoudiginformatieobjecten/${randomUUID()}` });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ invalidParams: [{ name: 'informatieobject', code: 'bad-url' }] });
    const strange = await t.createDocument(strangeType.url);
    const refused = await other('POST', '/zaken/api/v1/zaakinformatieobjecten', { zaak: zaak.url, informatieobject: strange.url });
    expect(refused.json()).toMatchObject({ invalidParams: [{ code: 'missing-zaaktype-informatieobjecttype-relation' }] });
    expect(await relationsOf(strange)).toEqual([]);
  });

  it('brc-003/brc-005/brc-008: a besluitinformatieobject is mirrored here and goes with its besluit', async () => {
    const document = await t.createDocument(type.url);
    const besluit = (await other('POST', '/besluiten/api/v1/besluiten', besluitBody(besluittype.url))).json() as Json;
    const unknown = await other('POST', '/besluiten/api/v1/besluitinformatieobjecten', { besluit: besluit.url, informatieobject: `http://${hostOf(t.tenant)}/documenten/api/v1/enkelvoudiginformatieobjecten/${randomUUID()}` });
    expect(unknown.statusCode).toBe(400);
    const strange = await other('POST', '/besluiten/api/v1/besluitinformatieobjecten', { besluit: besluit.url, informatieobject: (await t.createDocument(strangeType.url)).url });
    expect(strange.json()).toMatchObject({ invalidParams: [{ code: 'missing-besluittype-informatieobjecttype-relation' }] });
    const bio = await other('POST', '/besluiten/api/v1/besluitinformatieobjecten', { besluit: besluit.url, informatieobject: document.url });
    expect(bio.statusCode, bio.body).toBe(201);
    expect(await relationsOf(document)).toMatchObject([{ object: besluit.url, objectType: 'besluit' }]);
    expect((await other('DELETE', new URL(String(besluit.url)).pathname)).statusCode).toBe(204);
    expect(await relationsOf(document)).toEqual([]);
  });

  it('drc-002/drc-004: relates an object of another API only when it exists and its API lists the relation, and ends it only when that API no longer does', async () => {
    const document = await t.createDocument(type.url);
    const zaak = `${remoteBase}/zaken/api/v1/zaken/${randomUUID()}`;
    const body = { informatieobject: document.url, object: zaak, objectType: 'zaak' };
    const missing = await t.call('POST', LIST, LIST, { token: t.all, body: { ...body, object: `${remoteBase}/bestaat/niet` } });
    expect(invalidCodes(missing)).toEqual(['object:bad-url']);
    const notInSource = await t.call('POST', LIST, LIST, { token: t.all, body });
    expect(invalidCodes(notInSource)).toEqual(['nonFieldErrors:inconsistent-relation']);
    remoteRelations.add(String(document.url));
    const created = await t.call('POST', LIST, LIST, { token: t.all, body });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ object: zaak, objectType: 'zaak' });
    const url = (created.json() as Json).url;
    expect(invalidCodes(await t.call('DELETE', pathOf(url), DETAIL, { token: t.all }))).toEqual(['nonFieldErrors:inconsistent-relation']);
    remoteRelations.delete(String(document.url));
    expect((await t.call('DELETE', pathOf(url), DETAIL, { token: t.all })).statusCode).toBe(204);
    const trail = (await t.call('GET', `${pathOf(document.url)}/audittrail`, '/enkelvoudiginformatieobjecten/{enkelvoudiginformatieobject_uuid}/audittrail', { token: t.all })).json() as Json[];
    expect(trail.map((record) => `${String(record.resource)}:${String(record.actie)}`)).toEqual(['enkelvoudiginformatieobject:create', 'objectinformatieobject:create', 'objectinformatieobject:destroy']);
    expect((await t.call('GET', `${LIST}/${uuidOf(url)}`, DETAIL, { token: t.all })).statusCode).toBe(404);
  });

  it('zrc-022: a zaak is archived only when Loket\u2019s own documents of it are gearchiveerd', async () => {
    const document = await t.createDocument(type.url, { status: 'definitief' });
    const zaak = await insertTestZaak(t.database.db, t.tenant, zaaktype);
    expect((await other('POST', '/zaken/api/v1/zaakinformatieobjecten', { zaak: zaak.url, informatieobject: document.url })).statusCode).toBe(201);
    const archiving = { archiefstatus: 'gearchiveerd', archiefnominatie: 'vernietigen', archiefactiedatum: '2036-03-02' };
    const refused = await other('PATCH', `/zaken/api/v1/zaken/${zaak.uuid}`, archiving);
    expect(refused.json()).toMatchObject({ invalidParams: [{ name: 'archiefstatus', code: 'documents-not-archived' }] });
    const lock = await t.lock(document.url);
    expect((await t.call('PATCH', pathOf(document.url), DOCUMENT, { token: t.all, body: { status: 'gearchiveerd', lock } })).statusCode).toBe(200);
    await t.unlock(document.url, lock);
    const archived = await other('PATCH', `/zaken/api/v1/zaken/${zaak.uuid}`, archiving);
    expect(archived.statusCode, archived.body).toBe(200);
  });
});
