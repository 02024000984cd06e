import { readdir } from 'node:fs/promises';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOUNDARY, multipartBody, ZaakSectiesTest, type TestZaak } from '../zaak-secties-test-kit.ts';
import { MAX_DOCUMENT_BYTES } from './document-upload-body.ts';

const PDF = Buffer.from('%PDF-1.4\n% eerste versie\n');
const PDF_V2 = Buffer.from('%PDF-1.4\n% tweede versie, iets langer\n');

describe('the documents of a zaak on the zaak page', () => {
  const world = new ZaakSectiesTest();
  let aanvraagType: string;

  beforeAll(async () => {
    await world.start();
    aanvraagType = await world.informatieobjecttype('Aangifte');
  }, 180_000);
  afterAll(async () => {
    await world.stop();
  });

  const documentenPad = (zaak: TestZaak) => `/medewerker/zaken/${zaak.uuid}/documenten`;

  async function voegToe(zaak: TestZaak, titel: string, bytes = PDF): Promise<string> {
    const response = await world.upload(world.behandelaar, documentenPad(zaak), { titel, informatieobjecttype: aanvraagType }, { name: `${titel}.pdf`, type: 'application/pdf', bytes });
    expect(response.statusCode, response.body).toBe(303);
    const match = /\/documenten\/([0-9a-f-]{36})\?melding=toegevoegd$/.exec(String(response.headers.location));
    if (!match?.[1]) throw new Error(`unexpected redirect ${String(response.headers.location)}`);
    return match[1];
  }

  async function documentCount(): Promise<number> {
    const row = await world.database.db.selectFrom('documenten').select((eb) => eb.fn.countAll<string>().as('n')).where('tenant_id', '=', world.tenant.id).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async function blobCount(): Promise<number> {
    const root = join(world.dataDir, 'documenten', world.tenant.id);
    const dirs = await readdir(root).catch(() => [] as string[]);
    let count = 0;
    for (const dir of dirs) count += (await readdir(join(root, dir))).length;
    return count;
  }

  it('shows a behandelaar the documents with the upload form, and a KCC agent the same list without it', async () => {
    const uuid = await voegToe(world.zaak, 'Aangifte verhuizing');
    const behandelaar = await world.sectiePagina(world.behandelaar, world.zaak.uuid, 'documenten');
    expect(behandelaar.statusCode).toBe(200);
    expect(behandelaar.body).toContain('id="documenten"');
    expect(behandelaar.body).toContain('Aangifte verhuizing');
    expect(behandelaar.body).toContain(`/documenten/${uuid}/inhoud`);
    expect(behandelaar.body).toContain('Document toevoegen');
    expect(behandelaar.body).toContain('<option value="' + aanvraagType + '">Aangifte</option>');
    expect(behandelaar.body).toContain('Niet vergrendeld');
    // Only the vertrouwelijkheid the behandelaar may give is offered (up to confidentieel).
    expect(behandelaar.body).toContain('<option value="confidentieel">Confidentieel</option>');
    expect(behandelaar.body).not.toContain('<option value="geheim">');
    expect(behandelaar.body).toContain(`${PDF.length} bytes`);

    const kcc = await world.sectiePagina(world.kcc, world.zaak.uuid, 'documenten');
    expect(kcc.statusCode).toBe(200);
    expect(kcc.body).toContain('Aangifte verhuizing');
    expect(kcc.body).not.toContain('enctype="multipart/form-data"');
    expect(kcc.body).toContain('U mag deze zaak inzien, maar niet behandelen.');

    const gesloten = await world.sectiePagina(world.behandelaar, world.geslotenZaak.uuid, 'documenten');
    expect(gesloten.body).not.toContain('enctype="multipart/form-data"');
    expect(gesloten.body).toContain('Deze zaak is afgesloten');
  });

  it('streams a document with its content type and a download name, to members who may read the zaak only', async () => {
    const uuid = await voegToe(world.zaak, 'Bewijs');
    const download = await world.get(world.kcc, `${documentenPad(world.zaak)}/${uuid}/inhoud`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toBe(`attachment; filename="Bewijs.pdf"; filename*=UTF-8''Bewijs.pdf`);
    expect(download.rawPayload.equals(PDF)).toBe(true);

    expect((await world.get(world.elders, `${documentenPad(world.zaak)}/${uuid}/inhoud`)).statusCode).toBe(404);
    // A document of another zaak is not reachable through this zaak.
    const andereZaak = await world.newZaak();
    expect((await world.get(world.behandelaar, `${documentenPad(andereZaak)}/${uuid}/inhoud`)).statusCode).toBe(404);
  });

  it('refuses changes to a member who may only read (403), on a closed zaak (403) and in another municipality (404)', async () => {
    const uuid = await voegToe(world.zaak, 'Alleen lezen');
    const before = await documentCount();
    const file = { name: 'x.pdf', type: 'application/pdf', bytes: PDF };
    expect((await world.upload(world.kcc, documentenPad(world.zaak), { titel: 'Door KCC', informatieobjecttype: aanvraagType }, file)).statusCode).toBe(403);
    expect((await world.upload(world.behandelaar, documentenPad(world.geslotenZaak), { titel: 'Te laat', informatieobjecttype: aanvraagType }, file)).statusCode).toBe(403);
    expect((await world.upload(world.elders, documentenPad(world.zaak), { titel: 'Elders', informatieobjecttype: aanvraagType }, file)).statusCode).toBe(404);
    expect((await world.upload(world.kcc, `${documentenPad(world.zaak)}/${uuid}/versies`, {}, file)).statusCode).toBe(403);
    expect((await world.post(world.kcc, `${documentenPad(world.zaak)}/${uuid}/vergrendeling`)).statusCode).toBe(403);
    expect((await world.post(world.elders, `${documentenPad(world.zaak)}/${uuid}/vergrendeling`)).statusCode).toBe(404);
    expect((await world.get(world.elders, `${documentenPad(world.zaak)}/${uuid}`)).statusCode).toBe(404);
    expect((await world.get(world.kcc, `${documentenPad(world.zaak)}/nieuw`)).statusCode).toBe(403);
    // Without the form's CSRF token, even the behandelaar's upload is refused.
    const zonderToken = await world.app.inject({
      method: 'POST',
      url: documentenPad(world.zaak),
      headers: { ...world.behandelaar.headers, accept: 'text/html', 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
      payload: multipartBody({ titel: 'Zonder token', informatieobjecttype: aanvraagType }, file),
    });
    expect(zonderToken.statusCode).toBe(403);
    expect(zonderToken.body).toContain('Het formulier is verlopen');
    expect(await documentCount()).toBe(before);
  });

  it('lists and serves only the documents within the member\'s vertrouwelijkheid, and refuses one above their own', async () => {
    const response = await world.upload(world.behandelaar, documentenPad(world.zaak), { titel: 'Vertrouwelijk verslag', informatieobjecttype: aanvraagType, vertrouwelijkheidaanduiding: 'vertrouwelijk' }, { name: 'v.pdf', type: 'application/pdf', bytes: PDF });
    expect(response.statusCode).toBe(303);
    const uuid = /\/documenten\/([0-9a-f-]{36})\?/.exec(String(response.headers.location))?.[1] ?? '';
    expect((await world.sectiePagina(world.behandelaar, world.zaak.uuid, 'documenten')).body).toContain('Vertrouwelijk verslag');
    // The KCC reads up to zaakvertrouwelijk: the document is not listed and cannot be fetched.
    expect((await world.sectiePagina(world.kcc, world.zaak.uuid, 'documenten')).body).not.toContain('Vertrouwelijk verslag');
    expect((await world.get(world.kcc, `${documentenPad(world.zaak)}/${uuid}/inhoud`)).statusCode).toBe(404);
    expect((await world.get(world.kcc, `${documentenPad(world.zaak)}/${uuid}`)).statusCode).toBe(404);
    // Above the behandelaar's own maximum (confidentieel): refused beside the field, nothing stored.
    const before = await documentCount();
    const geheim = await world.upload(world.behandelaar, documentenPad(world.zaak), { titel: 'Geheim', informatieobjecttype: aanvraagType, vertrouwelijkheidaanduiding: 'geheim' }, { name: 'g.pdf', type: 'application/pdf', bytes: PDF });
    expect(geheim.statusCode).toBe(403);
    expect(geheim.body).toContain('U mag geen document van dit type met deze vertrouwelijkheid toevoegen.');
    expect(await documentCount()).toBe(before);
  });

  it('names every problem of the form beside its field', async () => {
    const response = await world.upload(world.behandelaar, documentenPad(world.zaak), { titel: '', informatieobjecttype: '' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Er is een probleem');
    expect(response.body).toContain('<a href="#document-nieuw-titel">Vul een titel in.</a>');
    expect(response.body).toContain('<a href="#document-nieuw-type">Kies een documenttype.</a>');
    expect(response.body).toContain('<a href="#document-nieuw-bestand">Kies een bestand.</a>');
    // A type of another zaaktype is not offered, and not accepted either.
    const vreemd = await world.informatieobjecttype('Besluit');
    const ander = await world.upload(world.behandelaar, documentenPad(world.zaak), { titel: 'Vreemd', informatieobjecttype: vreemd }, { name: 'a.pdf', type: 'application/pdf', bytes: PDF });
    expect(ander.statusCode).toBe(400);
    expect(ander.body).toContain('Dit documenttype hoort niet bij het zaaktype.');
    expect(ander.body).toContain('value="Vreemd"');
  });

  it('refuses a file above the size limit with a clear message and stores nothing', async () => {
    const before = await documentCount();
    const blobs = await blobCount();
    const response = await world.upload(
      world.behandelaar,
      documentenPad(world.zaak),
      { titel: 'Te groot', informatieobjecttype: aanvraagType },
      { name: 'groot.pdf', type: 'application/pdf', bytes: Buffer.alloc(MAX_DOCUMENT_BYTES + 1, 0x20) },
    );
    expect(response.statusCode).toBe(413);
    expect(response.body).toContain('Het bestand is groter dan 20 MB. Kies een kleiner bestand.');
    expect(response.body).toContain('value="Te groot"');
    expect(await documentCount()).toBe(before);
    expect(await blobCount()).toBe(blobs);
  });

  it('leaves nothing behind when the client goes away mid-upload', async () => {
    const before = await documentCount();
    const blobs = await blobCount();
    await world.app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = world.app.server.address() as AddressInfo;
    const head = Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${world.behandelaar.csrfToken}\r\n--${BOUNDARY}\r\nContent-Disposition: form-data; name="titel"\r\n\r\nAfgebroken\r\n--${BOUNDARY}\r\nContent-Disposition: form-data; name="informatieobjecttype"\r\n\r\n${aanvraagType}\r\n--${BOUNDARY}\r\nContent-Disposition: form-data; name="bestand"; filename="half.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    );
    const received = new Promise<IncomingMessage>((resolve) => world.app.server.once('request', resolve));
    const client = httpRequest({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: documentenPad(world.zaak),
      headers: { host: world.behandelaar.headers.host, cookie: world.behandelaar.headers.cookie, 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, 'content-length': String(head.length + 100_000) },
    });
    client.on('error', () => undefined);
    client.write(head);
    client.write(Buffer.alloc(10_000, 0x41));
    // The server has the request; now the client goes away with most of the file unsent.
    const serverSide = await received;
    const closed = new Promise<void>((resolve) => serverSide.once('close', () => resolve()));
    client.destroy();
    await closed;
    // A following request is served normally, and the broken one left no document and no bytes.
    expect((await world.sectiePagina(world.behandelaar, world.zaak.uuid, 'documenten')).statusCode).toBe(200);
    expect(await documentCount()).toBe(before);
    expect(await blobCount()).toBe(blobs);
  });

  it('adds a new version the Documenten API way: the version goes up and the old one stays retrievable', async () => {
    const uuid = await voegToe(world.zaak, 'Versies');
    const response = await world.upload(world.behandelaar, `${documentenPad(world.zaak)}/${uuid}/versies`, {}, { name: 'Versies-v2.pdf', type: 'application/pdf', bytes: PDF_V2 });
    expect(response.statusCode, response.body).toBe(303);
    const pagina = await world.get(world.behandelaar, `${documentenPad(world.zaak)}/${uuid}?melding=versie`);
    expect(pagina.body).toContain('De nieuwe versie is opgeslagen.');
    expect(pagina.body).toContain('Versie 2 downloaden');
    expect(pagina.body).toContain('Versie 1 downloaden');
    // Unlocked again after the update.
    expect(pagina.body).toContain('Niet vergrendeld');
    const v1 = await world.get(world.behandelaar, `${documentenPad(world.zaak)}/${uuid}/inhoud?versie=1`);
    const v2 = await world.get(world.behandelaar, `${documentenPad(world.zaak)}/${uuid}/inhoud?versie=2`);
    const huidig = await world.get(world.behandelaar, `${documentenPad(world.zaak)}/${uuid}/inhoud`);
    expect(v1.rawPayload.equals(PDF)).toBe(true);
    expect(v2.rawPayload.equals(PDF_V2)).toBe(true);
    expect(huidig.rawPayload.equals(PDF_V2)).toBe(true);
    expect(v2.headers['content-disposition']).toContain('Versies-v2.pdf');
    const document = await world.database.db.selectFrom('documenten').select(['versie', 'lock']).where('uuid', '=', uuid).executeTakeFirstOrThrow();
    expect(document).toEqual({ versie: 2, lock: '' });
  });

  it('locks a document while a member edits it: others see who and since when, and cannot add a version or unlock', async () => {
    const uuid = await voegToe(world.zaak, 'Vergrendeld');
    const pad = `${documentenPad(world.zaak)}/${uuid}`;
    expect((await world.post(world.behandelaar, `${pad}/vergrendeling`)).statusCode).toBe(303);
    const lock = await world.database.db.selectFrom('documenten').select('lock').where('uuid', '=', uuid).executeTakeFirstOrThrow();
    expect(lock.lock).not.toBe('');

    const zelf = await world.get(world.behandelaar, pad);
    expect(zelf.body).toContain('Vergrendeld door u sinds');
    expect(zelf.body).toContain('Ontgrendelen');
    // The lock id never reaches a page.
    expect(zelf.body).not.toContain(lock.lock);

    const ander = await world.get(world.collega, pad);
    expect(ander.body).toContain('Vergrendeld door Bea Behandelaar sinds');
    expect(ander.body).not.toContain(lock.lock);
    expect(ander.body).not.toContain('Nieuwe versie opslaan');
    const sectie = await world.sectiePagina(world.collega, world.zaak.uuid, 'documenten');
    expect(sectie.body).toContain('Vergrendeld door Bea Behandelaar sinds');

    const geweigerd = await world.upload(world.collega, `${pad}/versies`, {}, { name: 'v2.pdf', type: 'application/pdf', bytes: PDF_V2 });
    expect(geweigerd.statusCode).toBe(409);
    expect(geweigerd.body).toContain('Dit document is vergrendeld door iemand anders.');
    expect((await world.post(world.collega, `${pad}/ontgrendeling`)).statusCode).toBe(409);
    expect((await world.post(world.collega, `${pad}/vergrendeling`)).statusCode).toBe(409);
    expect((await world.database.db.selectFrom('documenten').select('versie').where('uuid', '=', uuid).executeTakeFirstOrThrow()).versie).toBe(1);

    // The member who locked it adds a version and keeps the lock; then unlocks, and the colleague can go on.
    expect((await world.upload(world.behandelaar, `${pad}/versies`, {}, { name: 'v2.pdf', type: 'application/pdf', bytes: PDF_V2 })).statusCode).toBe(303);
    expect((await world.database.db.selectFrom('documenten').select(['versie', 'lock']).where('uuid', '=', uuid).executeTakeFirstOrThrow())).toEqual({ versie: 2, lock: lock.lock });
    expect((await world.post(world.behandelaar, `${pad}/ontgrendeling`)).statusCode).toBe(303);
    expect((await world.get(world.collega, pad)).body).toContain('Niet vergrendeld');
    expect((await world.upload(world.collega, `${pad}/versies`, {}, { name: 'v3.pdf', type: 'application/pdf', bytes: PDF })).statusCode).toBe(303);
    expect((await world.database.db.selectFrom('documenten').select('versie').where('uuid', '=', uuid).executeTakeFirstOrThrow()).versie).toBe(3);
    expect(await world.database.db.selectFrom('zaak_document_vergrendelingen').selectAll().where('informatieobject_uuid', '=', uuid).execute()).toEqual([]);
  });

  it('ignores a lock record the Documenten API no longer holds (a forced unlock), naming no one wrongly', async () => {
    const uuid = await voegToe(world.zaak, 'Geforceerd');
    const pad = `${documentenPad(world.zaak)}/${uuid}`;
    expect((await world.post(world.behandelaar, `${pad}/vergrendeling`)).statusCode).toBe(303);
    // An application with documenten.geforceerd-unlock unlocks it, and another locks it again.
    await world.database.db.updateTable('documenten').set({ lock: 'slot-van-een-andere-toepassing' }).where('uuid', '=', uuid).execute();
    const pagina = await world.get(world.collega, pad);
    expect(pagina.body).toContain('Vergrendeld door een andere toepassing');
    expect(pagina.body).not.toContain('Bea Behandelaar sinds');
    expect((await world.upload(world.behandelaar, `${pad}/versies`, {}, { name: 'v2.pdf', type: 'application/pdf', bytes: PDF_V2 })).statusCode).toBe(409);
    // Unlocked by that application: the stale record is cleared when its member unlocks, and work goes on.
    await world.database.db.updateTable('documenten').set({ lock: '' }).where('uuid', '=', uuid).execute();
    expect((await world.get(world.collega, pad)).body).toContain('Niet vergrendeld');
    expect((await world.post(world.behandelaar, `${pad}/ontgrendeling`)).statusCode).toBe(303);
    expect(await world.database.db.selectFrom('zaak_document_vergrendelingen').selectAll().where('informatieobject_uuid', '=', uuid).execute()).toEqual([]);
    expect((await world.upload(world.collega, `${pad}/versies`, {}, { name: 'v2.pdf', type: 'application/pdf', bytes: PDF_V2 })).statusCode).toBe(303);
  });

  it('records every change in the audit trail in the member\'s name', async () => {
    const uuid = await voegToe(world.zaak, 'Geaudit');
    const rows = await world.database.db.selectFrom('audittrail').select(['resource', 'gebruikers_weergave']).where('tenant_id', '=', world.tenant.id).where('resource_url', 'like', `%${uuid}`).execute();
    expect(rows).toContainEqual({ resource: 'enkelvoudiginformatieobject', gebruikers_weergave: 'Bea Behandelaar' });
  });
});
