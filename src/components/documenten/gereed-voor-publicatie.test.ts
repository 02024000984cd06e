import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestClient, hostOf } from '../../../test/fixtures.ts';
import type { ApiCaller } from '../../platform/auth/api-jwt.ts';
import { ProblemError } from '../../platform/errors/problem.ts';
import { traceFromHeader } from '../../platform/http/trace-context.ts';
import { retrieveInformatieobjectVersies } from './informatieobjecten/service.ts';
import type { DocumentenCaller } from './shared/caller.ts';
import { createDocumentStorage } from './storage/storage.ts';
import { DocumentenTest, drcAutorisatie, insertTestInformatieobjecttype, invalidCodes, pathOf, uuidOf, type Json } from './documenten-test-fixtures.ts';

/*
 * Autorisaties API 1.1 `alleenIsGereedVoorPublicatie`: "Indien `true` mag de betreffende applicatie alleen documenten
 * lezen met waarde `true` voor `isGereedVoorPublicatie`." The flag is set through the Autorisaties API, as a
 * beheerder would, and every Documenten route that shows a document is tried with it.
 */

const LIST = '/enkelvoudiginformatieobjecten';
const DETAIL = '/enkelvoudiginformatieobjecten/{uuid}';
const DOWNLOAD = '/enkelvoudiginformatieobjecten/{uuid}/download';
const ZOEK = '/enkelvoudiginformatieobjecten/_zoek';
const LOCK = '/enkelvoudiginformatieobjecten/{uuid}/lock';
const UNLOCK = '/enkelvoudiginformatieobjecten/{uuid}/unlock';
const TRAIL = '/enkelvoudiginformatieobjecten/{enkelvoudiginformatieobject_uuid}/audittrail';
const TRAIL_RECORD = '/enkelvoudiginformatieobjecten/{enkelvoudiginformatieobject_uuid}/audittrail/{uuid}';
const GEBRUIKSRECHTEN = '/gebruiksrechten';
const GEBRUIKSRECHT = '/gebruiksrechten/{uuid}';
const VERZENDINGEN = '/verzendingen';
const VERZENDING = '/verzendingen/{uuid}';
const OIOS = '/objectinformatieobjecten';
const OIO = '/objectinformatieobjecten/{uuid}';
const PART = '/bestandsdelen/{uuid}';

const EVERY_SCOPE = [
  'documenten.lezen',
  'documenten.aanmaken',
  'documenten.bijwerken',
  'documenten.verwijderen',
  'documenten.lock',
  'audittrails.lezen',
];

function base64(text: string): string {
  return Buffer.from(text).toString('base64');
}

/** A bestandsdeel upload: multipart/form-data with the lock and the bytes as file `inhoud`. */
function partUpload(bytes: Buffer, lock: string): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----gereed${Date.now().toString(16)}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="lock"\r\n\r\n${lock}\r\n--${boundary}\r\nContent-Disposition: form-data; name="inhoud"; filename="deel.bin"\r\n\r\n`;
  return { payload: Buffer.concat([Buffer.from(head), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('Documenten API: an applicatie that may only read documents gereed voor publicatie', () => {
  const t = new DocumentenTest();
  let type: { uuid: string; url: string };
  /** alleenIsGereedVoorPublicatie, with every scope for the type. */
  let publicatie: string;
  /** The same autorisaties without the flag. */
  let gewoon: string;

  /** A client with every scope for `type`, its applicatie given alleenIsGereedVoorPublicatie through the Autorisaties API. */
  async function publicatieClient(scopes: string[]): Promise<string> {
    const client = await createTestClient(t.database.db, t.test.keys, t.tenant, { autorisaties: [drcAutorisatie(type.url, scopes)] });
    const headers = { host: hostOf(t.tenant), authorization: `Bearer ${t.all}` };
    const consumer = await t.test.app.inject({ method: 'GET', url: `/autorisaties/api/v1/applicaties/consumer?clientId=${client.clientId}`, headers });
    expect(consumer.statusCode, consumer.body).toBe(200);
    // The consumer look-up answers a list of (at most) one applicatie.
    const [found] = consumer.json() as Json[];
    const applicatie = new URL(String(found?.url)).pathname;
    const patched = await t.test.app.inject({ method: 'PATCH', url: applicatie, headers: { ...headers, 'content-type': 'application/json' }, payload: JSON.stringify({ alleenIsGereedVoorPublicatie: true }) });
    expect(patched.statusCode, patched.body).toBe(200);
    expect((patched.json() as Json).alleenIsGereedVoorPublicatie).toBe(true);
    return client.token();
  }

  beforeAll(async () => {
    await t.start();
    type = await insertTestInformatieobjecttype(t.database.db, t.tenant);
    publicatie = await publicatieClient(EVERY_SCOPE);
    gewoon = await t.client({ autorisaties: [drcAutorisatie(type.url, EVERY_SCOPE)] });
  });
  afterAll(async () => {
    await t.stop();
  });

  async function storedGereedheid(document: Json): Promise<boolean | null | undefined> {
    const row = await t.database.db.selectFrom('documenten').select('is_gereed_voor_publicatie').where('uuid', '=', uuidOf(document.url)).executeTakeFirst();
    return row?.is_gereed_voor_publicatie;
  }

  /** Changes a document as the all-powerful client: lock, PATCH, unlock. */
  async function patch(document: Json, body: Json): Promise<Json> {
    const lock = await t.lock(document.url);
    const response = await t.call('PATCH', pathOf(document.url), DETAIL, { token: t.all, body: { ...body, lock } });
    expect(response.statusCode, response.body).toBe(200);
    expect((await t.unlock(document.url, lock)).statusCode).toBe(204);
    return response.json() as Json;
  }

  it('keeps the document row’s isGereedVoorPublicatie in step with its current version on create, update, partial update and gebruiksrechten', async () => {
    const document = await t.createDocument(type.url, { isGereedVoorPublicatie: true });
    expect(await storedGereedheid(document)).toBe(true);
    await patch(document, { isGereedVoorPublicatie: false });
    expect(await storedGereedheid(document)).toBe(false);
    const lock = await t.lock(document.url);
    const put = await t.call('PUT', pathOf(document.url), DETAIL, { token: t.all, body: { bronorganisatie: '002220647', creatiedatum: '2026-01-10', titel: 'Besluit', auteur: 'Behandelaar', taal: 'dut', informatieobjecttype: type.url, isGereedVoorPublicatie: null, lock } });
    expect(put.statusCode, put.body).toBe(200);
    expect(await storedGereedheid(document)).toBeNull();
    await t.unlock(document.url, lock);
    await patch(document, { isGereedVoorPublicatie: true });
    // drc-006 changes the current version in place; the row must still agree with it.
    const recht = await t.call('POST', GEBRUIKSRECHTEN, GEBRUIKSRECHTEN, { token: t.all, body: { informatieobject: document.url, startdatum: '2026-01-01T00:00:00Z', omschrijvingVoorwaarden: 'Vrij' } });
    expect(recht.statusCode, recht.body).toBe(201);
    expect(await storedGereedheid(document)).toBe(true);
    const current = (await t.call('GET', pathOf(document.url), DETAIL, { token: t.all })).json() as Json;
    expect(current).toMatchObject({ versie: 4, isGereedVoorPublicatie: true, indicatieGebruiksrecht: true });
  });

  it('lists, searches, retrieves and downloads only the documents whose isGereedVoorPublicatie is true', async () => {
    const gereed = await t.createDocument(type.url, { identificatie: 'PUBLICATIE-JA', isGereedVoorPublicatie: true, inhoud: base64('Openbaar besluit') });
    const nietGereed = await t.createDocument(type.url, { identificatie: 'PUBLICATIE-NEE', isGereedVoorPublicatie: false, inhoud: base64('Concept') });
    const onbekend = await t.createDocument(type.url, { identificatie: 'PUBLICATIE-ONBEKEND', inhoud: base64('Nog niet beoordeeld') });
    expect(onbekend.isGereedVoorPublicatie).toBeNull();
    const mine = [gereed, nietGereed, onbekend].map((document) => String(document.url));

    const listed = (await t.call('GET', `${LIST}?bronorganisatie=002220647`, LIST, { token: publicatie })).json() as { count: number; results: Json[] };
    const listedUrls = listed.results.map((item) => String(item.url));
    expect(listedUrls).toContain(gereed.url);
    expect(listedUrls).not.toContain(nietGereed.url);
    expect(listedUrls).not.toContain(onbekend.url);
    expect(listed.results.every((item) => item.isGereedVoorPublicatie === true)).toBe(true);
    expect(listed.count).toBe(listed.results.length);
    const byIdentificatie = await t.call('GET', `${LIST}?identificatie=PUBLICATIE-NEE`, LIST, { token: publicatie });
    expect(byIdentificatie.json()).toMatchObject({ count: 0, results: [] });

    const zoek = await t.call('POST', ZOEK, ZOEK, { token: publicatie, body: { uuid__in: mine.map(uuidOf) } });
    expect(zoek.statusCode, zoek.body).toBe(200);
    expect((zoek.json() as { results: Json[] }).results.map((item) => item.url)).toEqual([gereed.url]);

    expect((await t.call('GET', pathOf(gereed.url), DETAIL, { token: publicatie })).statusCode).toBe(200);
    const download = await t.call('GET', `${pathOf(gereed.url)}/download`, DOWNLOAD, { token: publicatie });
    expect(download.statusCode).toBe(200);
    expect(download.body).toBe('Openbaar besluit');
    for (const hidden of [nietGereed, onbekend]) {
      expect((await t.call('GET', pathOf(hidden.url), DETAIL, { token: publicatie })).statusCode).toBe(404);
      expect((await t.call('GET', `${pathOf(hidden.url)}/download`, DOWNLOAD, { token: publicatie })).statusCode).toBe(404);
    }

    // The same autorisaties without the flag read all three.
    const all = (await t.call('POST', ZOEK, ZOEK, { token: gewoon, body: { uuid__in: mine.map(uuidOf) } })).json() as { results: Json[] };
    expect(all.results.map((item) => String(item.url)).sort()).toEqual([...mine].sort());
    expect((await t.call('GET', `${pathOf(nietGereed.url)}/download`, DOWNLOAD, { token: gewoon })).body).toBe('Concept');
  });

  it('follows the current version: a document becomes visible once gereed and disappears when no longer, and its older versions that were not gereed stay hidden', async () => {
    const document = await t.createDocument(type.url, { isGereedVoorPublicatie: false, inhoud: base64('Eerste versie') });
    expect((await t.call('GET', pathOf(document.url), DETAIL, { token: publicatie })).statusCode).toBe(404);
    await patch(document, { isGereedVoorPublicatie: true, inhoud: base64('Tweede versie') });
    const current = await t.call('GET', pathOf(document.url), DETAIL, { token: publicatie });
    expect(current.statusCode).toBe(200);
    expect(current.json()).toMatchObject({ versie: 2, isGereedVoorPublicatie: true });
    expect((await t.call('GET', `${pathOf(document.url)}?versie=2`, DETAIL, { token: publicatie })).statusCode).toBe(200);
    expect((await t.call('GET', `${pathOf(document.url)}?versie=1`, DETAIL, { token: publicatie })).statusCode).toBe(404);
    expect((await t.call('GET', `${pathOf(document.url)}/download?versie=1`, DOWNLOAD, { token: publicatie })).statusCode).toBe(404);
    const beforeSecond = encodeURIComponent(new Date(Date.parse(String(current.json().beginRegistratie)) - 1).toISOString());
    expect((await t.call('GET', `${pathOf(document.url)}?registratieOp=${beforeSecond}`, DETAIL, { token: publicatie })).statusCode).toBe(404);
    expect((await t.call('GET', `${pathOf(document.url)}/download?versie=2`, DOWNLOAD, { token: publicatie })).body).toBe('Tweede versie');
    expect((await t.call('GET', `${pathOf(document.url)}?versie=1`, DETAIL, { token: gewoon })).statusCode).toBe(200);

    await patch(document, { isGereedVoorPublicatie: null });
    expect((await t.call('GET', pathOf(document.url), DETAIL, { token: publicatie })).statusCode).toBe(404);
    expect((await t.call('GET', `${pathOf(document.url)}?versie=2`, DETAIL, { token: publicatie })).statusCode).toBe(404);
  });

  it('reads all versions of a document at once with the checks of a retrieve per version', async () => {
    /** A caller of the service as a route would make it, for an applicatie with these autorisaties for `type`. */
    const caller = (scopes: string[], alleenIsGereedVoorPublicatie: boolean): DocumentenCaller => {
      const apiCaller: ApiCaller = { clientId: 'versies-test', userId: '', userRepresentation: '', heeftAlleAutorisaties: false, scopes, autorisaties: [drcAutorisatie(type.url, scopes)], alleenIsGereedVoorPublicatie };
      return { id: 'versies-test', headers: {}, tenant: t.tenant, staff: null, apiCaller, protocol: 'http', host: hostOf(t.tenant), url: '/', trace: traceFromHeader(undefined) };
    };
    const deps = { db: t.database.db, keys: t.test.keys, storage: createDocumentStorage(t.dataDir), partSize: 1024 };
    const base = `http://${hostOf(t.tenant)}/documenten/api/v1`;
    const versies = async (who: DocumentenCaller, document: Json) => (await retrieveInformatieobjectVersies(deps, who, base, uuidOf(document.url))).map((json) => [json.versie, json.isGereedVoorPublicatie]);
    const refusal = async (who: DocumentenCaller, document: Json) => retrieveInformatieobjectVersies(deps, who, base, uuidOf(document.url)).then(() => undefined, (error: unknown) => (error instanceof ProblemError ? error.status : error));

    const document = await t.createDocument(type.url, { isGereedVoorPublicatie: false, inhoud: base64('Eerste versie') });
    await patch(document, { isGereedVoorPublicatie: true, inhoud: base64('Tweede versie') });
    await patch(document, { titel: 'Derde versie' });
    expect(await versies(caller(['documenten.lezen'], false), document)).toEqual([
      [3, true],
      [2, true],
      [1, false],
    ]);
    // Version 1 answers 404 to this applicatie's retrieve with ?versie=1: it is left out, the others are there.
    expect(await versies(caller(['documenten.lezen'], true), document)).toEqual([
      [3, true],
      [2, true],
    ]);
    expect(await refusal(caller(['documenten.aanmaken'], false), document)).toBe(403);
    const nietGereed = await t.createDocument(type.url, { isGereedVoorPublicatie: false });
    expect(await refusal(caller(['documenten.lezen'], true), nietGereed)).toBe(404);
  });

  it('hides the gebruiksrechten, verzendingen and objectinformatieobjecten of documents not gereed voor publicatie, and cannot add them there', async () => {
    const gereed = await t.createDocument(type.url, { isGereedVoorPublicatie: true });
    const nietGereed = await t.createDocument(type.url, { isGereedVoorPublicatie: false });
    const relations: Record<string, { gereed: Json; nietGereed: Json }> = {};
    const betrokkene = 'https://klanten.example/klantinteracties/api/v1/partijen/3a0b7c54-3f43-4b3c-8d0c-7a1e5d3a9c11';
    const contactPersoon = 'https://klanten.example/klantinteracties/api/v1/partijen/9a7c2a0e-6c5d-4f0a-8b7a-1a2b3c4d5e6f';
    for (const [list, body] of [
      [GEBRUIKSRECHTEN, { startdatum: '2026-01-01T00:00:00Z', omschrijvingVoorwaarden: 'Vrij te gebruiken' }],
      [VERZENDINGEN, { betrokkene, contactPersoon, aardRelatie: 'geadresseerde', emailadres: 'inwoner@example.com' }],
    ] as const) {
      const made = await Promise.all(
        [gereed, nietGereed].map(async (document) => {
          const response = await t.call('POST', list, list, { token: t.all, body: { ...body, informatieobject: document.url } });
          expect(response.statusCode, response.body).toBe(201);
          return response.json() as Json;
        }),
      );
      relations[list] = { gereed: made[0] as Json, nietGereed: made[1] as Json };
    }
    // A relation with a verzoek of another API (its source is asked over HTTP when made through the API).
    const oios = await t.database.db
      .insertInto('objectinformatieobjecten')
      .values([gereed, nietGereed].map((document) => ({ tenant_id: t.tenant.id, document_uuid: uuidOf(document.url), object_type: 'verzoek', object_url: 'https://verzoeken.example/api/v1/verzoeken/1' })))
      .returning(['uuid', 'document_uuid'])
      .execute();
    const oioOf = (document: Json) => String(oios.find((row) => row.document_uuid === uuidOf(document.url))?.uuid);

    for (const [list, detail] of [
      [GEBRUIKSRECHTEN, GEBRUIKSRECHT],
      [VERZENDINGEN, VERZENDING],
    ] as const) {
      const pair = relations[list];
      if (!pair) throw new Error(`no ${list}`);
      const listed = await t.call('GET', list, list, { token: publicatie });
      expect(listed.statusCode, listed.body).toBe(200);
      const body = listed.json() as Json[] | { results: Json[] };
      const urls = (Array.isArray(body) ? body : body.results).map((item) => item.url);
      expect(urls).toContain(pair.gereed.url);
      expect(urls).not.toContain(pair.nietGereed.url);
      const filtered = await t.call('GET', `${list}?informatieobject=${encodeURIComponent(String(nietGereed.url))}`, list, { token: publicatie });
      const filteredBody = filtered.json() as Json[] | { results: Json[] };
      expect(Array.isArray(filteredBody) ? filteredBody : filteredBody.results).toEqual([]);
      expect((await t.call('GET', pathOf(pair.gereed.url), detail, { token: publicatie })).statusCode).toBe(200);
      expect((await t.call('GET', pathOf(pair.nietGereed.url), detail, { token: publicatie })).statusCode).toBe(404);
      expect((await t.call('DELETE', pathOf(pair.nietGereed.url), detail, { token: publicatie })).statusCode).toBe(404);
      // The expanded informatieobject of a visible relation is a document the caller may read.
      const expanded = await t.call('GET', `${pathOf(pair.gereed.url)}?expand=informatieobject`, detail, { token: publicatie });
      expect((expanded.json() as { _expand: { informatieobject: Json } })._expand.informatieobject).toMatchObject({ url: gereed.url, isGereedVoorPublicatie: true });
    }
    const oioList = (await t.call('GET', `${OIOS}?object=${encodeURIComponent('https://verzoeken.example/api/v1/verzoeken/1')}`, OIOS, { token: publicatie })).json() as Json[];
    expect(oioList.map((item) => uuidOf(item.url))).toEqual([oioOf(gereed)]);
    expect((await t.call('GET', `/objectinformatieobjecten/${oioOf(gereed)}`, OIO, { token: publicatie })).statusCode).toBe(200);
    expect((await t.call('GET', `/objectinformatieobjecten/${oioOf(nietGereed)}`, OIO, { token: publicatie })).statusCode).toBe(404);
    expect(((await t.call('GET', `${OIOS}?object=${encodeURIComponent('https://verzoeken.example/api/v1/verzoeken/1')}`, OIOS, { token: gewoon })).json() as Json[]).length).toBe(2);

    // A body naming a document the caller cannot see names no document at all.
    const recht = await t.call('POST', GEBRUIKSRECHTEN, GEBRUIKSRECHTEN, { token: publicatie, body: { informatieobject: nietGereed.url, startdatum: '2026-01-01T00:00:00Z', omschrijvingVoorwaarden: 'X' } });
    expect(invalidCodes(recht)).toEqual(['informatieobject:bad-url']);
    const verzending = await t.call('POST', VERZENDINGEN, VERZENDINGEN, { token: publicatie, body: { informatieobject: nietGereed.url, betrokkene, contactPersoon, aardRelatie: 'afzender', emailadres: 'a@example.com' } });
    expect(invalidCodes(verzending)).toEqual(['informatieobject:bad-url']);
    const oio = await t.call('POST', OIOS, OIOS, { token: publicatie, body: { informatieobject: nietGereed.url, object: 'https://verzoeken.example/api/v1/verzoeken/2', objectType: 'verzoek' } });
    expect(invalidCodes(oio)).toEqual(['informatieobject:bad-url']);
  });

  it('shows the audit trail only of documents gereed voor publicatie, and none of their states that were not', async () => {
    const document = await t.createDocument(type.url, { isGereedVoorPublicatie: false, titel: 'Concept met een naam erin' });
    expect(await t.call('GET', `${pathOf(document.url)}/audittrail`, TRAIL, { token: publicatie }).then((response) => response.json())).toEqual([]);
    await patch(document, { isGereedVoorPublicatie: true, titel: 'Geanonimiseerd besluit' });
    await patch(document, { beschrijving: 'Klaar voor de publicatie' });
    const full = (await t.call('GET', `${pathOf(document.url)}/audittrail`, TRAIL, { token: gewoon })).json() as Json[];
    expect(full.map((record) => record.actie)).toEqual(['create', 'partial_update', 'partial_update']);
    const shown = await t.call('GET', `${pathOf(document.url)}/audittrail`, TRAIL, { token: publicatie });
    expect(shown.statusCode).toBe(200);
    expect((shown.json() as Json[]).map((record) => record.uuid)).toEqual([full[2]?.uuid]);
    expect(shown.body).not.toContain('Concept met een naam erin');
    expect((await t.call('GET', `${pathOf(document.url)}/audittrail/${String(full[2]?.uuid)}`, TRAIL_RECORD, { token: publicatie })).statusCode).toBe(200);
    expect((await t.call('GET', `${pathOf(document.url)}/audittrail/${String(full[0]?.uuid)}`, TRAIL_RECORD, { token: publicatie })).statusCode).toBe(404);
  });

  it('reading a document’s audit trail needs audittrails.lezen for its informatieobjecttype', async () => {
    const document = await t.createDocument(type.url, { isGereedVoorPublicatie: true });
    const otherType = await insertTestInformatieobjecttype(t.database.db, t.tenant);
    const elsewhere = await t.client({ autorisaties: [drcAutorisatie(otherType.url, ['audittrails.lezen'])] });
    expect((await t.call('GET', `${pathOf(document.url)}/audittrail`, TRAIL, { token: elsewhere })).statusCode).toBe(403);
    expect((await t.call('GET', `${pathOf(document.url)}/audittrail`, TRAIL, { token: gewoon })).statusCode).toBe(200);
  });

  it('cannot create or change a document into one it may not read, nor lock, change or delete one it cannot see', async () => {
    const unknown = await t.call('POST', LIST, LIST, { token: publicatie, body: { bronorganisatie: '002220647', creatiedatum: '2026-01-10', titel: 'Zonder gereedheid', auteur: 'Publicatie', taal: 'dut', informatieobjecttype: type.url } });
    expect(unknown.statusCode).toBe(403);
    const notReady = await t.call('POST', LIST, LIST, { token: publicatie, body: { bronorganisatie: '002220647', creatiedatum: '2026-01-10', titel: 'Niet gereed', auteur: 'Publicatie', taal: 'dut', informatieobjecttype: type.url, isGereedVoorPublicatie: false } });
    expect(notReady.statusCode).toBe(403);
    const own = await t.createDocument(type.url, { isGereedVoorPublicatie: true }, publicatie);
    expect((await t.call('GET', pathOf(own.url), DETAIL, { token: publicatie })).statusCode).toBe(200);

    const lock = await t.lock(own.url, publicatie);
    const hide = await t.call('PATCH', pathOf(own.url), DETAIL, { token: publicatie, body: { isGereedVoorPublicatie: false, lock } });
    expect(hide.statusCode).toBe(403);
    const change = await t.call('PATCH', pathOf(own.url), DETAIL, { token: publicatie, body: { titel: 'Nieuwe titel', lock } });
    expect(change.statusCode, change.body).toBe(200);
    expect(change.json()).toMatchObject({ versie: 2, isGereedVoorPublicatie: true, titel: 'Nieuwe titel' });
    expect((await t.unlock(own.url, lock, publicatie)).statusCode).toBe(204);

    const hidden = await t.createDocument(type.url, { isGereedVoorPublicatie: false });
    expect((await t.call('POST', `${pathOf(hidden.url)}/lock`, LOCK, { token: publicatie })).statusCode).toBe(404);
    const hiddenLock = await t.lock(hidden.url);
    expect((await t.call('PATCH', pathOf(hidden.url), DETAIL, { token: publicatie, body: { isGereedVoorPublicatie: true, lock: hiddenLock } })).statusCode).toBe(404);
    expect((await t.call('POST', `${pathOf(hidden.url)}/unlock`, UNLOCK, { token: publicatie, body: { lock: hiddenLock } })).statusCode).toBe(404);
    await t.unlock(hidden.url, hiddenLock);
    expect((await t.call('DELETE', pathOf(hidden.url), DETAIL, { token: publicatie })).statusCode).toBe(404);
    expect((await t.call('GET', pathOf(hidden.url), DETAIL, { token: t.all })).statusCode).toBe(200);
    expect((await t.call('DELETE', pathOf(own.url), DETAIL, { token: publicatie })).statusCode).toBe(204);

    // A chunked upload of a document it cannot see: its parts do not exist for it either.
    const upload = await t.call('POST', LIST, LIST, { token: t.all, body: { bronorganisatie: '002220647', creatiedatum: '2026-01-10', titel: 'In delen', auteur: 'Behandelaar', taal: 'dut', informatieobjecttype: type.url, isGereedVoorPublicatie: false, bestandsomvang: 5 } });
    const started = upload.json() as { lock: string; bestandsdelen: { url: string }[] };
    const part = started.bestandsdelen[0]?.url;
    const { payload, headers } = partUpload(Buffer.from('12345'), started.lock);
    expect((await t.call('PUT', pathOf(part), PART, { token: publicatie, payload, headers })).statusCode).toBe(404);
    expect((await t.call('PUT', pathOf(part), PART, { token: t.all, payload, headers })).statusCode).toBe(200);
  });
});
