import { readdir } from 'node:fs/promises';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertTestZaak } from '../../../../test/zgw-fixtures.ts';
import type { KyselyPlugin } from 'kysely';
import { BOUNDARY, multipartBody, testSectieContext, ZaakSectiesTest, type TestZaak } from '../zaak-secties-test-kit.ts';
import { findZaakDocument, listDocumentVersies, listZaakDocumenten } from './zaak-documenten.ts';
import { MAX_DOCUMENT_BYTES } from './document-upload-body.ts';

const PDF = Buffer.from('%PDF-1.4\n% eerste versie\n');
const PDF_V2 = Buffer.from('%PDF-1.4\n% tweede versie, iets langer\n');

describe('the documents of a zaak on the zaak page', () => {
  const world = new ZaakSectiesTest();
  let aanvraagType: string;

  beforeAll(async () => {
    // A test route that reads a zaak's documents as the section does, counting the SQL statements it takes.
    await world.start({}, (app, context) => {
      app.get<{ Params: { zaak: string } }>('/medewerker/test/documenten-tellen/:zaak', { config: { staffRoles: ['behandelaar'] } }, async (request) => {
        const ctx = await testSectieContext(request, context, request.params.zaak);
        let statements = 0;
        const teller: KyselyPlugin = {
          transformQuery: (args) => {
            statements += 1;
            return args.node;
          },
          transformResult: async (args) => args.result,
        };
        const database = { ...context.database, db: context.database.db.withPlugin(teller) };
        const documenten = await listZaakDocumenten({ ...ctx, context: { ...context, database } });
        return { statements, documenten: documenten.map((document) => document.titel) };
      });
      // The same for the version list of the document page, the document itself found uncounted.
      app.get<{ Params: { zaak: string; document: string } }>('/medewerker/test/versies-tellen/:zaak/:document', { config: { staffRoles: ['behandelaar'] } }, async (request) => {
        const ctx = await testSectieContext(request, context, request.params.zaak);
        const document = await findZaakDocument(ctx, request.params.document);
        let statements = 0;
        const teller: KyselyPlugin = {
          transformQuery: (args) => {
            statements += 1;
            return args.node;
          },
          transformResult: async (args) => args.result,
        };
        const database = { ...context.database, db: context.database.db.withPlugin(teller) };
        const versies = await listDocumentVersies({ ...ctx, context: { ...context, database } }, document);
        return { statements, versies: versies.map((versie) => [versie.versie, versie.bestandsnaam]) };
      });
    });
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

  it('lists every document of a zaak with several, each with its own data, within the member\'s vertrouwelijkheid', async () => {
    const zaak = await world.newZaak();
    const inhoud = { Aanvraag: Buffer.from('%PDF-1.4\n% aanvraag\n'), Uittreksel: Buffer.from('%PDF-1.4\n% uittreksel, wat langer\n'), Machtiging: Buffer.from('%PDF-1.4\n% machtiging met nog meer tekst\n') };
    const aanvraag = await voegToe(zaak, 'Aanvraag', inhoud.Aanvraag);
    const uittreksel = await voegToe(zaak, 'Uittreksel', inhoud.Uittreksel);
    const machtiging = await voegToe(zaak, 'Machtiging', inhoud.Machtiging);
    expect((await world.upload(world.behandelaar, `${documentenPad(zaak)}/${uittreksel}/versies`, {}, { name: 'Uittreksel-v2.pdf', type: 'application/pdf', bytes: PDF_V2 })).statusCode).toBe(303);
    const geheim = await world.upload(world.behandelaar, documentenPad(zaak), { titel: 'Vertrouwelijk advies', informatieobjecttype: aanvraagType, vertrouwelijkheidaanduiding: 'vertrouwelijk' }, { name: 'advies.pdf', type: 'application/pdf', bytes: PDF });
    expect(geheim.statusCode).toBe(303);
    const advies = /\/documenten\/([0-9a-f-]{36})\?/.exec(String(geheim.headers.location))?.[1] ?? '';

    const rij = (body: string, uuid: string): string => {
      const start = body.lastIndexOf('<tr>', body.indexOf(`/documenten/${uuid}"`));
      return start < 0 ? '' : body.slice(start, body.indexOf('</tr>', start));
    };
    const behandelaar = (await world.sectiePagina(world.behandelaar, zaak.uuid, 'documenten')).body;
    expect(rij(behandelaar, aanvraag)).toContain('>Aanvraag</a>');
    expect(rij(behandelaar, aanvraag)).toContain(`${inhoud.Aanvraag.length} bytes`);
    expect(rij(behandelaar, aanvraag)).toContain('<td>1</td>');
    expect(rij(behandelaar, uittreksel)).toContain('>Uittreksel</a>');
    expect(rij(behandelaar, uittreksel)).toContain(`${PDF_V2.length} bytes`);
    expect(rij(behandelaar, uittreksel)).toContain('<td>2</td>');
    expect(rij(behandelaar, machtiging)).toContain('>Machtiging</a>');
    expect(rij(behandelaar, machtiging)).toContain(`${inhoud.Machtiging.length} bytes`);
    for (const uuid of [aanvraag, uittreksel, machtiging]) {
      expect(rij(behandelaar, uuid)).toContain('<td>Aangifte</td>');
      expect(rij(behandelaar, uuid)).toContain(`/documenten/${uuid}/inhoud`);
    }
    expect(rij(behandelaar, advies)).toContain('Vertrouwelijk advies');
    // In the order they were added.
    expect(behandelaar.indexOf(aanvraag)).toBeLessThan(behandelaar.indexOf(uittreksel));
    expect(behandelaar.indexOf(uittreksel)).toBeLessThan(behandelaar.indexOf(machtiging));
    expect(behandelaar.indexOf(machtiging)).toBeLessThan(behandelaar.indexOf(advies));

    // The KCC reads up to zaakvertrouwelijk: the same three, without the vertrouwelijk one.
    const kcc = (await world.sectiePagina(world.kcc, zaak.uuid, 'documenten')).body;
    for (const uuid of [aanvraag, uittreksel, machtiging]) expect(rij(kcc, uuid)).toBe(rij(behandelaar, uuid));
    expect(kcc).not.toContain(advies);
    expect(kcc).not.toContain('Vertrouwelijk advies');
  });

  it('reads the documents of a zaak in the same number of statements however many there are', async () => {
    const tellen = async (zaak: TestZaak): Promise<{ statements: number; documenten: string[] }> => {
      const response = await world.get(world.behandelaar, `/medewerker/test/documenten-tellen/${zaak.uuid}`);
      expect(response.statusCode, response.body).toBe(200);
      return response.json();
    };
    const een = await world.newZaak();
    await voegToe(een, 'Enig document');
    const vijf = await world.newZaak();
    for (const titel of ['Eerste', 'Tweede', 'Derde', 'Vierde', 'Vijfde']) await voegToe(vijf, titel);
    const bijEen = await tellen(een);
    const bijVijf = await tellen(vijf);
    expect(bijEen.documenten).toEqual(['Enig document']);
    expect(bijVijf.documenten).toEqual(['Eerste', 'Tweede', 'Derde', 'Vierde', 'Vijfde']);
    expect(bijVijf.statements).toBe(bijEen.statements);
  });

  it('reads the versions of a document in the same number of statements however many there are', async () => {
    const tellen = async (uuid: string): Promise<{ statements: number; versies: [number, string][] }> => {
      const response = await world.get(world.behandelaar, `/medewerker/test/versies-tellen/${world.zaak.uuid}/${uuid}`);
      expect(response.statusCode, response.body).toBe(200);
      return response.json();
    };
    const een = await voegToe(world.zaak, 'Eén versie');
    const vier = await voegToe(world.zaak, 'Vier versies');
    for (const naam of ['v2', 'v3', 'v4']) {
      const response = await world.upload(world.behandelaar, `${documentenPad(world.zaak)}/${vier}/versies`, {}, { name: `${naam}.pdf`, type: 'application/pdf', bytes: PDF_V2 });
      expect(response.statusCode, response.body).toBe(303);
    }
    const bijEen = await tellen(een);
    const bijVier = await tellen(vier);
    expect(bijEen.versies).toEqual([[1, 'Eén versie.pdf']]);
    expect(bijVier.versies).toEqual([
      [4, 'v4.pdf'],
      [3, 'v3.pdf'],
      [2, 'v2.pdf'],
      [1, 'Vier versies.pdf'],
    ]);
    expect(bijVier.statements).toBe(bijEen.statements);
  });

  describe('the processing log', () => {
    const BSNS = ['111222333', '123456782'];

    /** Makes two residents betrokkenen of the zaak, as initiator and belanghebbende would be. */
    async function metPersonen(tenantId: string, zaakUuid: string): Promise<void> {
      const zaak = await world.database.db.selectFrom('zaken').select('zaaktype_uuid').where('uuid', '=', zaakUuid).executeTakeFirstOrThrow();
      const roltype = await world.database.db.selectFrom('roltypen').select('uuid').where('zaaktype_uuid', '=', zaak.zaaktype_uuid).executeTakeFirstOrThrow();
      for (const bsn of BSNS) {
        await world.database.db
          .insertInto('rollen')
          .values({ tenant_id: tenantId, zaak_uuid: zaakUuid, roltype_uuid: roltype.uuid, betrokkene_type: 'natuurlijk_persoon', omschrijving_generiek: 'initiator', inp_bsn: bsn, data: JSON.stringify({ betrokkeneIdentificatie: { inpBsn: bsn, geslachtsnaam: 'Jansen' } }) })
          .execute();
      }
    }

    async function logRegels(tenantId: string, name: string) {
      return world.database.db.selectFrom('processing_log').selectAll().where('tenant_id', '=', tenantId).where('name', '=', name).orderBy('seq').execute();
    }

    it('logs each download of a document, any version, with the zaak\'s persons pseudonymised and no file name', async () => {
      const zaak = await world.newZaak();
      await metPersonen(world.tenant.id, zaak.uuid);
      const uuid = await voegToe(zaak, 'Kopie paspoort');
      expect((await world.upload(world.behandelaar, `${documentenPad(zaak)}/${uuid}/versies`, {}, { name: 'Kopie paspoort Jansen.pdf', type: 'application/pdf', bytes: PDF_V2 })).statusCode).toBe(303);
      const before = (await logRegels(world.tenant.id, 'document-bekijken')).length;

      const huidig = await world.get(world.kcc, `${documentenPad(zaak)}/${uuid}/inhoud`);
      expect(huidig.statusCode).toBe(200);
      expect(huidig.rawPayload.equals(PDF_V2)).toBe(true);
      const eerste = await world.get(world.behandelaar, `${documentenPad(zaak)}/${uuid}/inhoud?versie=1`);
      expect(eerste.rawPayload.equals(PDF)).toBe(true);

      const regels = (await logRegels(world.tenant.id, 'document-bekijken')).slice(before);
      // One record per person per download, the two of one download sharing their operation.
      expect(regels).toHaveLength(4);
      const pseudoniemen = BSNS.map((bsn) => world.context.keys.pseudonymise(world.tenant.id, bsn)).sort();
      expect(regels.slice(0, 2).map((regel) => regel.data_subject_id).sort()).toEqual(pseudoniemen);
      expect(regels.slice(2).map((regel) => regel.data_subject_id).sort()).toEqual(pseudoniemen);
      expect(regels[0]?.operation_id).toBe(regels[1]?.operation_id);
      expect(regels[2]?.operation_id).not.toBe(regels[0]?.operation_id);
      for (const regel of regels) {
        expect(regel.processing_activity_id).toBe('zaak-behandelen');
        expect(regel.data_subject_id_type).toBe('BSN');
        expect(regel.status_code).toBe(1);
      }
      expect(regels.map((regel) => regel.actor)).toEqual(['medewerker:kcc', 'medewerker:kcc', 'medewerker:behandelaar', 'medewerker:behandelaar']);
      expect(regels[0]?.attributes).toEqual({ zaak: zaak.uuid, document: uuid, versie: 2 });
      expect(regels[2]?.attributes).toEqual({ zaak: zaak.uuid, document: uuid, versie: 1 });
      // Neither the persons nor the document's names or content reach the log.
      const opgeslagen = JSON.stringify(regels);
      for (const woord of [...BSNS, 'paspoort', 'Jansen', '%PDF']) expect(opgeslagen).not.toContain(woord);

      // Nothing read, nothing logged: a refused download, a version that does not exist.
      expect((await world.get(world.elders, `${documentenPad(zaak)}/${uuid}/inhoud`)).statusCode).toBe(404);
      expect((await world.get(world.behandelaar, `${documentenPad(zaak)}/${uuid}/inhoud?versie=9`)).statusCode).toBe(404);
      expect(await logRegels(world.tenant.id, 'document-bekijken')).toHaveLength(before + 4);
    });

    it('logs the document page (its versions name their auteur), and not the section\'s list of titles', async () => {
      const zaak = await world.newZaak();
      await metPersonen(world.tenant.id, zaak.uuid);
      const uuid = await voegToe(zaak, 'Verklaring');
      const pagina = (await logRegels(world.tenant.id, 'document-versies-bekijken')).length;
      const downloads = (await logRegels(world.tenant.id, 'document-bekijken')).length;

      expect((await world.sectiePagina(world.behandelaar, zaak.uuid, 'documenten')).body).toContain('Verklaring');
      expect(await logRegels(world.tenant.id, 'document-versies-bekijken')).toHaveLength(pagina);
      expect(await logRegels(world.tenant.id, 'document-bekijken')).toHaveLength(downloads);

      const response = await world.get(world.behandelaar, `${documentenPad(zaak)}/${uuid}`);
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain('Bea Behandelaar');
      const regels = (await logRegels(world.tenant.id, 'document-versies-bekijken')).slice(pagina);
      expect(regels.map((regel) => regel.data_subject_id).sort()).toEqual(BSNS.map((bsn) => world.context.keys.pseudonymise(world.tenant.id, bsn)).sort());
      expect(regels[0]?.attributes).toEqual({ zaak: zaak.uuid, document: uuid, versie: 1 });
    });

    it('logs nothing for a zaak without natural persons', async () => {
      const zaak = await world.newZaak();
      const uuid = await voegToe(zaak, 'Zonder personen');
      const before = (await logRegels(world.tenant.id, 'document-bekijken')).length;
      expect((await world.get(world.behandelaar, `${documentenPad(zaak)}/${uuid}/inhoud`)).statusCode).toBe(200);
      expect(await logRegels(world.tenant.id, 'document-bekijken')).toHaveLength(before);
    });

    it('sends no document when its processing cannot be logged', async () => {
      // The other municipality's register without the zaak activity: every record under it fails to be written.
      const zaaktype = await world.database.db.selectFrom('zaaktypen').select('uuid').where('tenant_id', '=', world.other.id).where('identificatie', '=', 'VERHUIZING').executeTakeFirstOrThrow();
      const zaak = await insertTestZaak(world.database.db, world.other, zaaktype, { vertrouwelijkheidaanduiding: 'zaakvertrouwelijk' });
      await metPersonen(world.other.id, zaak.uuid);
      const upload = await world.upload(world.elders, `/medewerker/zaken/${zaak.uuid}/documenten`, { titel: 'Niet te loggen', informatieobjecttype: (await world.database.db.selectFrom('informatieobjecttypen').select('uuid').where('tenant_id', '=', world.other.id).where('omschrijving', '=', 'Aangifte').executeTakeFirstOrThrow()).uuid }, { name: 'n.pdf', type: 'application/pdf', bytes: PDF });
      expect(upload.statusCode, upload.body).toBe(303);
      const uuid = /\/documenten\/([0-9a-f-]{36})\?/.exec(String(upload.headers.location))?.[1] ?? '';
      const activiteit = await world.database.db.selectFrom('processing_activities').selectAll().where('tenant_id', '=', world.other.id).where('id', '=', 'zaak-behandelen').executeTakeFirstOrThrow();
      expect(await logRegels(world.other.id, 'document-bekijken')).toEqual([]);
      await world.database.db.deleteFrom('processing_activities').where('tenant_id', '=', world.other.id).where('id', '=', 'zaak-behandelen').execute();
      try {
        const download = await world.get(world.elders, `/medewerker/zaken/${zaak.uuid}/documenten/${uuid}/inhoud`);
        expect(download.statusCode).toBe(500);
        expect(download.headers['content-type']).not.toBe('application/pdf');
        expect(download.headers['content-disposition']).toBeUndefined();
        expect(download.rawPayload.includes(PDF)).toBe(false);
      } finally {
        await world.database.db.insertInto('processing_activities').values(activiteit).execute();
      }
      // With the register whole again, the same download is logged and sent.
      const download = await world.get(world.elders, `/medewerker/zaken/${zaak.uuid}/documenten/${uuid}/inhoud`);
      expect(download.rawPayload.equals(PDF)).toBe(true);
      expect(await logRegels(world.other.id, 'document-bekijken')).toHaveLength(BSNS.length);
    });
  });

  it('records every change in the audit trail in the member\'s name', async () => {
    const uuid = await voegToe(world.zaak, 'Geaudit');
    const rows = await world.database.db.selectFrom('audittrail').select(['resource', 'gebruikers_weergave']).where('tenant_id', '=', world.tenant.id).where('resource_url', 'like', `%${uuid}`).execute();
    expect(rows).toContainEqual({ resource: 'enkelvoudiginformatieobject', gebruikers_weergave: 'Bea Behandelaar' });
  });
});
