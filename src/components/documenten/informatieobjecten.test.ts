import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import { hostOf } from '../../../test/fixtures.ts';
import { claimBlobs, removeUnusedBlobs } from './informatieobjecten/service.ts';
import { createDocumentStorage } from './storage/storage.ts';
import { DocumentenTest, documentBody, drcAutorisatie, insertTestInformatieobjecttype, invalidCodes, pathOf, problemOf, uuidOf, type Json } from './documenten-test-fixtures.ts';

const LIST = '/enkelvoudiginformatieobjecten';
const DETAIL = '/enkelvoudiginformatieobjecten/{uuid}';
const DOWNLOAD = '/enkelvoudiginformatieobjecten/{uuid}/download';

function base64(text: string): string {
  return Buffer.from(text).toString('base64');
}

describe('Documenten API: enkelvoudiginformatieobjecten', () => {
  const t = new DocumentenTest();
  let type: { uuid: string; url: string };
  let geheimType: { uuid: string; url: string };

  beforeAll(async () => {
    await t.start();
    type = await insertTestInformatieobjecttype(t.database.db, t.tenant, { vertrouwelijkheidaanduiding: 'zaakvertrouwelijk' });
    geheimType = await insertTestInformatieobjecttype(t.database.db, t.tenant, { vertrouwelijkheidaanduiding: 'geheim' });
  });
  afterAll(async () => {
    await t.stop();
  });

  it('creates a document with base64 inhoud, serves it back and derives the vertrouwelijkheidaanduiding from the type', async () => {
    const document = await t.createDocument(type.url, { inhoud: base64('Hallo gemeente'), bestandsnaam: 'brief.txt', formaat: 'text/plain', trefwoorden: ['brief'] });
    expect(document).toMatchObject({ versie: 1, lock: '', locked: false, bestandsomvang: 14, vertrouwelijkheidaanduiding: 'zaakvertrouwelijk', bestandsdelen: [], informatieobjecttype: type.url });
    expect(document.identificatie).toBe(uuidOf(document.url));
    expect(String(document.inhoud)).toBe(`${String(document.url)}/download?versie=1`);
    const download = await t.call('GET', `${pathOf(document.url)}/download`, DOWNLOAD, { token: t.all });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/octet-stream');
    expect(download.headers['content-disposition']).toContain('brief.txt');
    expect(download.body).toBe('Hallo gemeente');
    const head = await t.test.app.inject({ method: 'HEAD', url: `/documenten/api/v1${pathOf(document.url)}/download`, headers: { host: hostOf(t.tenant), authorization: `Bearer ${t.all}` } });
    expect(head.statusCode).toBe(200);
    expect(head.headers['content-length']).toBe('14');
    expect(head.body).toBe('');
    const retrieved = await t.call('GET', pathOf(document.url), DETAIL, { token: t.all });
    expect(retrieved.json()).toMatchObject({ url: document.url, versie: 1, titel: 'Aanvraag omgevingsvergunning' });
  });

  it('refuses a body with several problems at once, and invalid base64', async () => {
    const response = await t.call('POST', LIST, LIST, { token: t.all, body: { titel: '', taal: 'nl', informatieobjecttype: type.url } });
    expect(response.statusCode).toBe(400);
    expect(invalidCodes(response)).toEqual(expect.arrayContaining(['bronorganisatie:required', 'creatiedatum:required', 'auteur:required', 'titel:minLength', 'taal:minLength']));
    const bad = await t.call('POST', LIST, LIST, { token: t.all, body: documentBody(type.url, { inhoud: 'dit is geen base64!' }) });
    expect(bad.statusCode).toBe(400);
    expect(invalidCodes(bad)).toEqual(['inhoud:invalid']);
  });

  it('lists with the spec filters and pagination, newest first', async () => {
    const first = await t.createDocument(type.url, { identificatie: 'LIJST-1', trefwoorden: ['parkeren', 'vergunning'] });
    await t.createDocument(type.url, { identificatie: 'LIJST-2', bronorganisatie: '123456782', trefwoorden: ['afval'] });
    const byIdentificatie = await t.call('GET', `${LIST}?identificatie=LIJST-1`, LIST, { token: t.all });
    expect(byIdentificatie.json()).toMatchObject({ count: 1, next: null, previous: null, results: [{ url: first.url }] });
    const byBron = await t.call('GET', `${LIST}?bronorganisatie=123456782`, LIST, { token: t.all });
    expect((byBron.json() as { results: Json[] }).results.map((item) => item.identificatie)).toEqual(['LIJST-2']);
    const byTrefwoord = await t.call('GET', `${LIST}?trefwoorden=vergunning,iets`, LIST, { token: t.all });
    expect((byTrefwoord.json() as { results: Json[] }).results.map((item) => item.identificatie)).toEqual(['LIJST-1']);
    const all = (await t.call('GET', LIST, LIST, { token: t.all })).json() as { count: number; results: Json[] };
    expect(all.results[0]?.identificatie).toBe('LIJST-2');
    const unknownParameter = await t.call('GET', `${LIST}?titel=x`, LIST, { token: t.all });
    expect(unknownParameter.statusCode).toBe(400);
  });

  it('never shows one tenant the documents of another', async () => {
    const document = await t.createDocument(type.url, { identificatie: 'ANDERE-GEMEENTE' });
    const other = await t.client({ heeftAlleAutorisaties: true }, t.otherTenant);
    const list = await t.call('GET', `${LIST}?identificatie=ANDERE-GEMEENTE`, LIST, { token: other, at: t.otherTenant });
    expect((list.json() as { count: number }).count).toBe(0);
    const retrieve = await t.call('GET', pathOf(document.url), DETAIL, { token: other, at: t.otherTenant });
    expect(retrieve.statusCode).toBe(404);
    const download = await t.call('GET', `${pathOf(document.url)}/download`, DOWNLOAD, { token: other, at: t.otherTenant });
    expect(download.statusCode).toBe(404);
  });

  it('answers HEAD with the GET headers and If-None-Match with a 304', async () => {
    const document = await t.createDocument(type.url);
    const get = await t.call('GET', pathOf(document.url), DETAIL, { token: t.all });
    const etag = String(get.headers.etag);
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    const head = await t.call('HEAD', pathOf(document.url), DETAIL, { token: t.all });
    expect(head.statusCode).toBe(200);
    expect(head.headers.etag).toBe(etag);
    expect(head.body).toBe('');
    const cached = await t.call('GET', pathOf(document.url), DETAIL, { token: t.all, headers: { 'if-none-match': etag } });
    expect(cached.statusCode).toBe(304);
  });

  it('keeps every version: update and partial_update make new ones, readable by ?versie= and ?registratieOp=', async () => {
    const document = await t.createDocument(type.url, { inhoud: base64('versie een') });
    const lock = await t.lock(document.url);
    const put = await t.call('PUT', pathOf(document.url), DETAIL, { token: t.all, body: documentBody(type.url, { titel: 'Tweede titel', lock }) });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ versie: 2, titel: 'Tweede titel', locked: true, bestandsomvang: 10 });
    const afterTwo = new Date().toISOString();
    const patch = await t.call('PATCH', pathOf(document.url), DETAIL, { token: t.all, body: { inhoud: base64('versie drie!'), lock } });
    expect(patch.statusCode, patch.body).toBe(200);
    expect(patch.json()).toMatchObject({ versie: 3, titel: 'Tweede titel', bestandsomvang: 12 });
    expect((await t.unlock(document.url, lock)).statusCode).toBe(204);

    const one = await t.call('GET', `${pathOf(document.url)}?versie=1`, DETAIL, { token: t.all });
    expect(one.json()).toMatchObject({ versie: 1, titel: 'Aanvraag omgevingsvergunning' });
    const atTwo = await t.call('GET', `${pathOf(document.url)}?registratieOp=${encodeURIComponent(afterTwo)}`, DETAIL, { token: t.all });
    expect(atTwo.json()).toMatchObject({ versie: 2, titel: 'Tweede titel' });
    const before = await t.call('GET', `${pathOf(document.url)}?registratieOp=2000-01-01T00:00:00Z`, DETAIL, { token: t.all });
    expect(before.statusCode).toBe(404);
    const missing = await t.call('GET', `${pathOf(document.url)}?versie=9`, DETAIL, { token: t.all });
    expect(missing.statusCode).toBe(404);
    expect((await t.call('GET', `${pathOf(document.url)}/download?versie=1`, DOWNLOAD, { token: t.all })).body).toBe('versie een');
    expect((await t.call('GET', `${pathOf(document.url)}/download`, DOWNLOAD, { token: t.all })).body).toBe('versie drie!');
  });

  it('lists only the documents of the types a client may read, up to its maximum vertrouwelijkheidaanduiding (in SQL)', async () => {
    const openbaar = await t.createDocument(type.url, { identificatie: 'AUT-OPENBAAR', vertrouwelijkheidaanduiding: 'openbaar' });
    const vertrouwelijk = await t.createDocument(type.url, { identificatie: 'AUT-VERTROUWELIJK', vertrouwelijkheidaanduiding: 'vertrouwelijk' });
    const geheim = await t.createDocument(geheimType.url, { identificatie: 'AUT-GEHEIM' });
    const reader = await t.client({ scopes: ['documenten.lezen'], autorisaties: [drcAutorisatie(type.url, ['documenten.lezen'], 'zaakvertrouwelijk')] });
    const list = (await t.call('GET', `${LIST}?page=1`, LIST, { token: reader })).json() as { results: Json[] };
    const seen = list.results.map((item) => item.identificatie);
    expect(seen).toContain('AUT-OPENBAAR');
    expect(seen).not.toContain('AUT-VERTROUWELIJK');
    expect(seen).not.toContain('AUT-GEHEIM');
    expect((await t.call('GET', pathOf(openbaar.url), DETAIL, { token: reader })).statusCode).toBe(200);
    expect((await t.call('GET', pathOf(vertrouwelijk.url), DETAIL, { token: reader })).statusCode).toBe(403);
    expect((await t.call('GET', `${pathOf(geheim.url)}/download`, DOWNLOAD, { token: reader })).statusCode).toBe(403);
    const creator = await t.client({ scopes: ['documenten.aanmaken'], autorisaties: [drcAutorisatie(type.url, ['documenten.aanmaken'], 'zaakvertrouwelijk')] });
    const tooSecret = await t.call('POST', LIST, LIST, { token: creator, body: documentBody(type.url, { vertrouwelijkheidaanduiding: 'geheim' }) });
    expect(tooSecret.statusCode).toBe(403);
    const otherType = await t.call('POST', LIST, LIST, { token: creator, body: documentBody(geheimType.url) });
    expect(otherType.statusCode).toBe(403);
    const allowed = await t.call('POST', LIST, LIST, { token: creator, body: documentBody(type.url) });
    expect(allowed.statusCode).toBe(201);
    const noToken = await t.call('GET', LIST, LIST);
    expect(noToken.statusCode).toBe(401);
  });

  it('finds documents by uuid with _zoek, paginated and filtered on authorisation', async () => {
    const a = await t.createDocument(type.url);
    const b = await t.createDocument(geheimType.url);
    const body = { uuid__in: [uuidOf(a.url), uuidOf(b.url)] };
    const found = await t.call('POST', `${LIST}/_zoek`, '/enkelvoudiginformatieobjecten/_zoek', { token: t.all, body });
    expect(found.statusCode, found.body).toBe(200);
    expect((found.json() as { count: number }).count).toBe(2);
    const reader = await t.client({ scopes: ['documenten.lezen'], autorisaties: [drcAutorisatie(type.url, ['documenten.lezen'])] });
    const filtered = (await t.call('POST', `${LIST}/_zoek`, '/enkelvoudiginformatieobjecten/_zoek', { token: reader, body })).json() as { results: Json[] };
    expect(filtered.results.map((item) => item.url)).toEqual([a.url]);
    const invalid = await t.call('POST', `${LIST}/_zoek`, '/enkelvoudiginformatieobjecten/_zoek', { token: t.all, body: { uuid__in: ['geen-uuid'] } });
    expect(invalid.statusCode).toBe(400);
  });

  it('drc-011/drc-013: expands the informatieobjecttype as the Catalogi API presents it, and refuses an unknown expand', async () => {
    const document = await t.createDocument(type.url);
    const expanded = await t.call('GET', `${pathOf(document.url)}?expand=informatieobjecttype`, DETAIL, { token: t.all });
    expect(expanded.statusCode, expanded.body).toBe(200);
    expect((expanded.json() as { _expand: { informatieobjecttype: Json } })._expand.informatieobjecttype).toMatchObject({ url: type.url });
    // drc-013: an expand that is no attribute of the resource is a 404 on a single resource, a 400 on a list.
    const unknown = await t.call('GET', `${pathOf(document.url)}?expand=zaak`, DETAIL, { token: t.all });
    expect(unknown.statusCode).toBe(404);
    const unknownInList = await t.call('GET', `${LIST}?expand=zaak`, LIST, { token: t.all });
    expect(unknownInList.statusCode).toBe(400);
  });

  it('records every change in the audit trail and publishes it on kanaal documenten', async () => {
    const document = await t.createDocument(type.url);
    const lock = await t.lock(document.url);
    await t.call('PATCH', pathOf(document.url), DETAIL, { token: t.all, body: { beschrijving: 'Aangevuld', lock } });
    const trail = await t.call('GET', `${pathOf(document.url)}/audittrail`, '/enkelvoudiginformatieobjecten/{enkelvoudiginformatieobject_uuid}/audittrail', { token: t.all });
    expect(trail.statusCode).toBe(200);
    const records = trail.json() as Json[];
    expect(records.map((record) => record.actie)).toEqual(['create', 'partial_update']);
    expect(records[0]).toMatchObject({ bron: 'drc', hoofdObject: document.url, resource: 'enkelvoudiginformatieobject' });
    const one = await t.call('GET', `${pathOf(document.url)}/audittrail/${String(records[1]?.uuid)}`, '/enkelvoudiginformatieobjecten/{enkelvoudiginformatieobject_uuid}/audittrail/{uuid}', {
      token: t.all,
    });
    expect(one.json()).toMatchObject({ actie: 'partial_update' });
    const missing = await t.call('GET', `${pathOf(document.url)}/audittrail/${uuidOf(document.url)}`, '/enkelvoudiginformatieobjecten/{enkelvoudiginformatieobject_uuid}/audittrail/{uuid}', {
      token: t.all,
    });
    expect(missing.statusCode).toBe(404);
    const events = await t.database.db.selectFrom('outbox').select('payload').where('tenant_id', '=', t.tenant.id).execute();
    const mine = events.map((event) => event.payload as unknown as Json).filter((payload) => payload.resourceUrl === document.url);
    expect(mine.map((payload) => payload.actie)).toEqual(['create', 'partial_update']);
    expect(mine[0]).toMatchObject({ kanaal: 'documenten', kenmerken: { bronorganisatie: '002220647', informatieobjecttype: type.url, vertrouwelijkheidaanduiding: 'zaakvertrouwelijk' } });
  });

  it('deletes a document with its versions, audit trail and bytes', async () => {
    const text = `Te verwijderen ${Math.random()}`;
    const document = await t.createDocument(type.url, { inhoud: base64(text) });
    const sha256 = createHash('sha256').update(text).digest('hex');
    const stored = async () => (await readdir(join(t.dataDir, 'documenten', t.tenant.id), { recursive: true })).some((name) => name.endsWith(sha256));
    expect(await stored()).toBe(true);
    const response = await t.call('DELETE', pathOf(document.url), DETAIL, { token: t.all });
    expect(response.statusCode).toBe(204);
    expect((await t.call('GET', pathOf(document.url), DETAIL, { token: t.all })).statusCode).toBe(404);
    expect(await stored()).toBe(false);
    const trail = await t.database.db.selectFrom('audittrail').select('uuid').where('hoofd_object', '=', String(document.url)).execute();
    expect(trail).toEqual([]);
    expect(problemOf(await t.call('DELETE', pathOf(document.url), DETAIL, { token: t.all })).code).toBe('not_found');
  });

  it('a write whose bytes a concurrent delete removed fails (409) rather than keep a document without content', async () => {
    const storage = createDocumentStorage(t.dataDir);
    const deps = { db: t.database.db, keys: t.test.keys, storage, partSize: 16 };
    const blob = await storage.put(t.tenant.id, Readable.from([Buffer.from(`gedeelde inhoud ${Math.random()}`)]));
    // The delete of another document with these bytes checks "unused" and removes them ...
    await removeUnusedBlobs(deps, t.tenant.id, [blob.sha256]);
    expect(await storage.has(t.tenant.id, blob.sha256)).toBe(false);
    // ... so the upload that stored the same bytes just before cannot claim them in its transaction.
    const claim = t.database.db.transaction().execute((trx) => claimBlobs(deps, trx, t.tenant.id, [blob.sha256]));
    await expect(claim).rejects.toMatchObject({ code: 'conflict' });
  });
});
