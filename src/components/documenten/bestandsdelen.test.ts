import { readdir } from 'node:fs/promises';
import { connect } from 'node:net';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../platform/http/app.ts';
import { hostOf } from '../../../test/fixtures.ts';
import { waitUntil } from '../../../test/wait-until.ts';
import { DocumentenTest, documentBody, insertTestInformatieobjecttype, invalidCodes, pathOf, ROOT, type Json } from './documenten-test-fixtures.ts';
import { registerDocumenten } from './routes.ts';

const PART = '/bestandsdelen/{uuid}';
const DETAIL = '/enkelvoudiginformatieobjecten/{uuid}';
const DOWNLOAD = '/enkelvoudiginformatieobjecten/{uuid}/download';

/** A multipart/form-data body with the part's bytes as file `inhoud` and, unless left out, the lock. */
function multipart(bytes: Buffer, lock: string | undefined): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----loket${Math.random().toString(16).slice(2)}`;
  const pieces: Buffer[] = [];
  if (lock !== undefined) pieces.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="lock"\r\n\r\n${lock}\r\n`));
  pieces.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="inhoud"; filename="deel.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`), bytes, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(pieces), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('Documenten API: chunked upload through bestandsdelen', () => {
  const t = new DocumentenTest();
  let app: FastifyInstance;
  let type: { uuid: string; url: string };
  const file = Buffer.from('Dit document komt in vier delen van tien bytes binnen.');

  beforeAll(async () => {
    await t.start();
    // The same API with parts of 16 bytes, so a small file arrives in several parts.
    app = await buildApp(t.test.context, (instance) => registerDocumenten(instance, t.test.context, { partSize: 16 }));
    await app.ready();
    type = await insertTestInformatieobjecttype(t.database.db, t.tenant);
  });
  afterAll(async () => {
    await app.close();
    await t.stop();
  });

  async function start(size: number): Promise<Json & { lock: string; bestandsdelen: { url: string; omvang: number; volgnummer: number; voltooid: boolean }[] }> {
    const response = await t.call('POST', '/enkelvoudiginformatieobjecten', '/enkelvoudiginformatieobjecten', {
      app,
      token: t.all,
      body: documentBody(type.url, { inhoud: null, bestandsomvang: size, bestandsnaam: 'groot.txt' }),
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as Json & { lock: string; bestandsdelen: { url: string; omvang: number; volgnummer: number; voltooid: boolean }[] };
  }

  async function sendPart(url: string, bytes: Buffer, lock: string | undefined) {
    const { payload, headers } = multipart(bytes, lock);
    return t.call('PUT', pathOf(url), PART, { app, token: t.all, payload, headers });
  }

  it('announces the parts, keeps the document locked and without content until the unlock joins them', async () => {
    const document = await start(file.length);
    expect(document.locked).toBe(true);
    expect(document.lock).toMatch(/^[0-9a-f]{32}$/);
    expect(document.inhoud).toBeNull();
    expect(document.bestandsdelen.map((deel) => [deel.volgnummer, deel.omvang, deel.voltooid])).toEqual([
      [1, 16],
      [2, 16],
      [3, 16],
      [4, file.length - 48],
    ].map(([volgnummer, omvang]) => [volgnummer, omvang, false]));

    for (const deel of document.bestandsdelen.slice(0, 3)) {
      const offset = (deel.volgnummer - 1) * 16;
      const response = await sendPart(deel.url, file.subarray(offset, offset + deel.omvang), document.lock);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toMatchObject({ url: deel.url, volgnummer: deel.volgnummer, omvang: deel.omvang, voltooid: true });
    }
    // Three of four parts: the document still has no content, and the unlock refuses.
    const halfway = (await t.call('GET', pathOf(document.url), DETAIL, { app, token: t.all })).json() as Json & { bestandsdelen: { voltooid: boolean }[] };
    expect(halfway.inhoud).toBeNull();
    expect(halfway.bestandsdelen.map((deel) => deel.voltooid)).toEqual([true, true, true, false]);
    expect((await t.call('GET', `${pathOf(document.url)}/download`, DOWNLOAD, { app, token: t.all })).statusCode).toBe(404);
    const early = await t.unlock(document.url, document.lock);
    expect(early.statusCode).toBe(400);
    expect(invalidCodes(early)).toEqual(['nonFieldErrors:incomplete-upload']);

    const last = document.bestandsdelen[3];
    if (!last) throw new Error('no fourth part');
    expect((await sendPart(last.url, file.subarray(48), document.lock)).statusCode).toBe(200);
    expect((await t.unlock(document.url, document.lock)).statusCode).toBe(204);
    const done = (await t.call('GET', pathOf(document.url), DETAIL, { app, token: t.all })).json() as Json;
    expect(done).toMatchObject({ locked: false, bestandsomvang: file.length, bestandsdelen: [], versie: 1 });
    const download = await t.call('GET', `${pathOf(document.url)}/download`, DOWNLOAD, { app, token: t.all });
    expect(download.rawPayload.equals(file)).toBe(true);
    // The parts' own blobs are gone once joined: only the whole file stays.
    const stored = await readdir(join(t.dataDir, 'documenten', t.tenant.id), { recursive: true, withFileTypes: true });
    expect(stored.filter((entry) => entry.isFile()).length).toBe(1);
  });

  it('refuses a part with the wrong lock, the wrong size or no lock, and stores none of those bytes', async () => {
    const document = await start(20);
    const [first] = document.bestandsdelen;
    if (!first) throw new Error('no part');
    const wrongLock = await sendPart(first.url, file.subarray(0, 16), 'niet-het-lock');
    expect(wrongLock.statusCode).toBe(400);
    expect(invalidCodes(wrongLock)).toEqual(['nonFieldErrors:incorrect-lock-id']);
    const tooSmall = await sendPart(first.url, file.subarray(0, 10), document.lock);
    expect(invalidCodes(tooSmall)).toEqual(['inhoud:file-size']);
    const tooLarge = await sendPart(first.url, file.subarray(0, 17), document.lock);
    expect(invalidCodes(tooLarge)).toEqual(['inhoud:file-size']);
    const noLock = await sendPart(first.url, file.subarray(0, 16), undefined);
    expect(invalidCodes(noLock)).toEqual(['lock:required']);
    const parts = await t.database.db.selectFrom('bestandsdelen').select('inhoud_sha256').where('document_uuid', '=', String(document.url).split('/').pop() ?? '').execute();
    expect(parts.every((part) => part.inhoud_sha256 === null)).toBe(true);
    const garbage = await t.call('PUT', pathOf(first.url), PART, { app, token: t.all, payload: 'geen multipart', headers: { 'content-type': 'multipart/form-data; boundary=xyz' } });
    expect(garbage.statusCode).toBe(400);
    const noBoundary = await t.call('PUT', pathOf(first.url), PART, { app, token: t.all, payload: 'geen multipart', headers: { 'content-type': 'multipart/form-data' } });
    expect(noBoundary.statusCode).toBe(400);
    const unknown = await sendPart(first.url.replace(/[0-9a-f]{12}$/, '000000000000'), file.subarray(0, 16), document.lock);
    expect(unknown.statusCode).toBe(404);
  });

  it('a forced unlock of an incomplete upload discards the parts: no half document becomes the content', async () => {
    const document = await start(40);
    const [first] = document.bestandsdelen;
    if (!first) throw new Error('no part');
    expect((await sendPart(first.url, file.subarray(0, 16), document.lock)).statusCode).toBe(200);
    const admin = await t.client({ scopes: ['documenten.geforceerd-unlock', 'documenten.lezen'], heeftAlleAutorisaties: true });
    expect((await t.unlock(document.url, undefined, admin)).statusCode).toBe(204);
    const after = (await t.call('GET', pathOf(document.url), DETAIL, { app, token: t.all })).json() as Json;
    expect(after).toMatchObject({ locked: false, inhoud: null, bestandsdelen: [] });
  });

  it('an update with a new bestandsomvang starts a new chunked upload for the next version', async () => {
    const document = await t.createDocument(type.url, { inhoud: Buffer.from('klein').toString('base64') });
    const lock = await t.lock(document.url);
    const response = await t.call('PATCH', pathOf(document.url), DETAIL, { app, token: t.all, body: { inhoud: null, bestandsomvang: 20, lock } });
    expect(response.statusCode, response.body).toBe(200);
    const patched = response.json() as Json & { bestandsdelen: { url: string; omvang: number }[] };
    expect(patched).toMatchObject({ versie: 2, inhoud: null, bestandsomvang: 20 });
    expect(patched.bestandsdelen.map((deel) => deel.omvang)).toEqual([16, 4]);
    for (const [index, deel] of patched.bestandsdelen.entries()) expect((await sendPart(deel.url, file.subarray(index * 16, index * 16 + deel.omvang), lock)).statusCode).toBe(200);
    expect((await t.unlock(document.url, lock)).statusCode).toBe(204);
    expect((await t.call('GET', `${pathOf(document.url)}/download`, DOWNLOAD, { app, token: t.all })).body).toBe(file.subarray(0, 20).toString());
    expect((await t.call('GET', `${pathOf(document.url)}/download?versie=1`, DOWNLOAD, { app, token: t.all })).body).toBe('klein');
  });
});

describe('Documenten API: a part upload that breaks off', () => {
  const t = new DocumentenTest();
  let app: FastifyInstance;
  let port: number;
  let type: { uuid: string; url: string };

  beforeAll(async () => {
    await t.start();
    app = await buildApp(t.test.context, (instance) => registerDocumenten(instance, t.test.context, { partSize: 4 * 1024 * 1024 }));
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    port = typeof address === 'object' && address !== null ? address.port : 0;
    type = await insertTestInformatieobjecttype(t.database.db, t.tenant);
  });
  afterAll(async () => {
    await app.close();
    await t.stop();
  });

  it('leaves no half part and no temporary file when the client disconnects mid-part', async () => {
    const created = await t.call('POST', '/enkelvoudiginformatieobjecten', '/enkelvoudiginformatieobjecten', {
      app,
      token: t.all,
      body: documentBody(type.url, { inhoud: null, bestandsomvang: 4 * 1024 * 1024 }),
    });
    const document = created.json() as { url: string; lock: string; bestandsdelen: { url: string }[] };
    const part = document.bestandsdelen[0];
    if (!part) throw new Error('no part');
    const { payload, headers } = multipart(Buffer.alloc(4 * 1024 * 1024, 7), document.lock);
    // Send the headers and half the body over a real connection, then drop it.
    const socket = connect(port, '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.write(
      `PUT ${ROOT}${pathOf(part.url)} HTTP/1.1\r\nHost: ${hostOf(t.tenant)}\r\nAuthorization: Bearer ${t.all}\r\n` +
        `Content-Type: ${headers['content-type']}\r\nContent-Length: ${payload.length}\r\n\r\n`,
    );
    socket.write(payload.subarray(0, payload.length / 2));
    const incoming = join(t.dataDir, 'documenten', '.incoming');
    const temporaryFiles = async () => (await readdir(incoming).catch(() => [])).length;
    await waitUntil('the part is being written to a temporary file', async () => (await temporaryFiles()) > 0);
    socket.destroy();
    // The server notices the disconnect on its own schedule: wait until its temporary file is gone.
    await waitUntil('the temporary file is removed', async () => (await temporaryFiles()) === 0);
    const after = (await t.call('GET', pathOf(document.url), DETAIL, { app, token: t.all })).json() as { inhoud: unknown; bestandsdelen: { voltooid: boolean }[] };
    expect(after.inhoud).toBeNull();
    expect(after.bestandsdelen.map((deel) => deel.voltooid)).toEqual([false]);
    const stored = await readdir(join(t.dataDir, 'documenten', t.tenant.id)).catch(() => []);
    expect(stored).toEqual([]);
  });
});
