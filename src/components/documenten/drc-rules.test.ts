import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DocumentenTest, documentBody, drcAutorisatie, insertTestInformatieobjecttype, invalidCodes, pathOf, problemOf, type Json } from './documenten-test-fixtures.ts';

const LIST = '/enkelvoudiginformatieobjecten';
const DETAIL = '/enkelvoudiginformatieobjecten/{uuid}';

/*
 * The Documenten API's business rules (docs/documenten_index.md, "Run-time gedrag"), one test each. drc-002, drc-003
 * and drc-004 are in objectinformatieobjecten.test.ts, drc-006 in gebruiksrechten.test.ts, as they need those
 * resources' set-up; drc-011 and drc-013 also in informatieobjecten.test.ts.
 */
describe('Documenten API: business rules drc-001 … drc-014', () => {
  const t = new DocumentenTest();
  let type: { uuid: string; url: string };

  beforeAll(async () => {
    await t.start();
    type = await insertTestInformatieobjecttype(t.database.db, t.tenant, { vertrouwelijkheidaanduiding: 'beperkt_openbaar' });
  });
  afterAll(async () => {
    await t.stop();
  });

  it('drc-001: the informatieobjecttype must exist in the catalogue and be published, on create and on update', async () => {
    const concept = await insertTestInformatieobjecttype(t.database.db, t.tenant, { concept: true });
    const otherTenantType = await insertTestInformatieobjecttype(t.database.db, t.otherTenant);
    const unknown = await t.call('POST', LIST, LIST, { token: t.all, body: documentBody(`http://${t.tenant.hostnames[0] ?? ''}/catalogi/api/v1/informatieobjecttypen/6f1e1d3c-0d55-4b5a-9b8f-1c2d3e4f5a6b`) });
    expect(invalidCodes(unknown)).toEqual(['informatieobjecttype:bad-url']);
    expect(invalidCodes(await t.call('POST', LIST, LIST, { token: t.all, body: documentBody('https://elders.example/iets/anders') }))).toEqual(['informatieobjecttype:bad-url']);
    expect(invalidCodes(await t.call('POST', LIST, LIST, { token: t.all, body: documentBody(otherTenantType.url) }))).toEqual(['informatieobjecttype:bad-url']);
    expect(invalidCodes(await t.call('POST', LIST, LIST, { token: t.all, body: documentBody(concept.url) }))).toEqual(['informatieobjecttype:not-published']);
    const document = await t.createDocument(type.url);
    const lock = await t.lock(document.url);
    const update = await t.call('PATCH', pathOf(document.url), DETAIL, { token: t.all, body: { informatieobjecttype: concept.url, lock } });
    expect(invalidCodes(update)).toEqual(['informatieobjecttype:not-published']);
    const other = await insertTestInformatieobjecttype(t.database.db, t.tenant);
    // Since 1.3.0 the type may change (drc-010 no longer forbids it), as long as drc-001 holds.
    const changed = await t.call('PATCH', pathOf(document.url), DETAIL, { token: t.all, body: { informatieobjecttype: other.url, lock } });
    expect(changed.json()).toMatchObject({ informatieobjecttype: other.url, versie: 2 });
  });

  it('drc-005: with an ontvangstdatum the status cannot be in_bewerking or ter_vaststelling', async () => {
    for (const status of ['in_bewerking', 'ter_vaststelling']) {
      const refused = await t.call('POST', LIST, LIST, { token: t.all, body: documentBody(type.url, { ontvangstdatum: '2026-01-05', status }) });
      expect(invalidCodes(refused)).toEqual(['status:invalid_for_received']);
    }
    const received = await t.createDocument(type.url, { ontvangstdatum: '2026-01-05', status: 'definitief' });
    const lock = await t.lock(received.url);
    const back = await t.call('PATCH', pathOf(received.url), DETAIL, { token: t.all, body: { status: 'in_bewerking', lock } });
    expect(invalidCodes(back)).toEqual(['status:invalid_for_received']);
    const cleared = await t.call('PATCH', pathOf(received.url), DETAIL, { token: t.all, body: { status: 'in_bewerking', ontvangstdatum: null, lock } });
    expect(cleared.statusCode).toBe(200);
  });

  it('drc-007: the vertrouwelijkheidaanduiding is the client’s when given, else the informatieobjecttype’s; a response always has one', async () => {
    expect(await t.createDocument(type.url)).toMatchObject({ vertrouwelijkheidaanduiding: 'beperkt_openbaar' });
    expect(await t.createDocument(type.url, { vertrouwelijkheidaanduiding: '' })).toMatchObject({ vertrouwelijkheidaanduiding: 'beperkt_openbaar' });
    expect(await t.createDocument(type.url, { vertrouwelijkheidaanduiding: 'geheim' })).toMatchObject({ vertrouwelijkheidaanduiding: 'geheim' });
  });

  it('drc-008: deleting a document really removes it with its gebruiksrechten, verzendingen and audit trail', async () => {
    const document = await t.createDocument(type.url);
    const recht = (await t.call('POST', '/gebruiksrechten', '/gebruiksrechten', { token: t.all, body: { informatieobject: document.url, startdatum: '2026-01-01T00:00:00Z', omschrijvingVoorwaarden: 'x' } })).json() as Json;
    expect((await t.call('DELETE', pathOf(document.url), DETAIL, { token: t.all })).statusCode).toBe(204);
    expect((await t.call('GET', pathOf(recht.url), '/gebruiksrechten/{uuid}', { token: t.all })).statusCode).toBe(404);
    const uuid = String(document.url).split('/').pop() ?? '';
    for (const table of ['documentversies', 'gebruiksrechten', 'verzendingen'] as const) {
      expect(await t.database.db.selectFrom(table).select('document_uuid').where('document_uuid', '=', uuid).execute()).toEqual([]);
    }
    expect(await t.database.db.selectFrom('audittrail').select('uuid').where('hoofd_object', '=', String(document.url)).execute()).toEqual([]);
  });

  it('drc-009: updates need the lock; a locked document cannot be locked again; only documenten.geforceerd-unlock unlocks without the lock', async () => {
    const document = await t.createDocument(type.url);
    const unlocked = await t.call('PATCH', pathOf(document.url), DETAIL, { token: t.all, body: { titel: 'Nieuw' } });
    expect(invalidCodes(unlocked)).toEqual(['nonFieldErrors:unlocked']);
    const lock = await t.lock(document.url);
    expect(lock).toMatch(/^[0-9a-f]{32}$/);
    const again = await t.call('POST', `${pathOf(document.url)}/lock`, '/enkelvoudiginformatieobjecten/{uuid}/lock', { token: t.all });
    expect(invalidCodes(again)).toEqual(['nonFieldErrors:existing-lock']);
    const wrong = await t.call('PUT', pathOf(document.url), DETAIL, { token: t.all, body: documentBody(type.url, { lock: 'geraden' }) });
    expect(invalidCodes(wrong)).toEqual(['nonFieldErrors:incorrect-lock-id']);
    const withoutLock = await t.call('PUT', pathOf(document.url), DETAIL, { token: t.all, body: documentBody(type.url) });
    expect(invalidCodes(withoutLock)).toEqual(['lock:required']);
    const locker = await t.client({ scopes: ['documenten.lock'], autorisaties: [drcAutorisatie(type.url, ['documenten.lock'])] });
    expect(invalidCodes(await t.unlock(document.url, undefined, locker))).toEqual(['nonFieldErrors:incorrect-lock-id']);
    expect(invalidCodes(await t.unlock(document.url, 'geraden', locker))).toEqual(['nonFieldErrors:incorrect-lock-id']);
    const admin = await t.client({ scopes: ['documenten.geforceerd-unlock'], autorisaties: [drcAutorisatie(type.url, ['documenten.geforceerd-unlock'])] });
    expect((await t.unlock(document.url, undefined, admin)).statusCode).toBe(204);
    const after = (await t.call('GET', pathOf(document.url), DETAIL, { token: t.all })).json() as Json;
    expect(after.locked).toBe(false);
    const noScope = await t.client({ scopes: ['documenten.lezen'], autorisaties: [drcAutorisatie(type.url, ['documenten.lezen'])] });
    expect(problemOf(await t.call('POST', `${pathOf(document.url)}/lock`, '/enkelvoudiginformatieobjecten/{uuid}/lock', { token: noScope })).code).toBe('permission_denied');
  });

  it('drc-010: with the right lock a document can be changed whatever its status, by documenten.bijwerken or .geforceerd-bijwerken', async () => {
    const document = await t.createDocument(type.url, { status: 'definitief' });
    const lock = await t.lock(document.url);
    const writer = await t.client({ scopes: ['documenten.geforceerd-bijwerken'], autorisaties: [drcAutorisatie(type.url, ['documenten.geforceerd-bijwerken'])] });
    const changed = await t.call('PATCH', pathOf(document.url), DETAIL, { token: writer, body: { beschrijving: 'Na vaststelling aangevuld', lock } });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ status: 'definitief', beschrijving: 'Na vaststelling aangevuld', versie: 2 });
  });

  it('drc-012: expand goes deeper through the Catalogi API (informatieobjecttype.catalogus)', async () => {
    const document = await t.createDocument(type.url);
    const response = await t.call('GET', `${pathOf(document.url)}?expand=informatieobjecttype.catalogus`, DETAIL, { token: t.all });
    expect(response.statusCode, response.body).toBe(200);
    const expanded = (response.json() as { _expand: { informatieobjecttype: { _expand?: { catalogus?: Json } } } })._expand.informatieobjecttype;
    expect(expanded._expand?.catalogus).toMatchObject({ url: expect.stringContaining('/catalogi/api/v1/catalogussen/') });
  });

  it('drc-014: a single resource with an expand that cannot be served answers 404, not a partial body', async () => {
    const document = await t.createDocument(type.url);
    const response = await t.call('GET', `${pathOf(document.url)}?expand=informatieobjecttype.bestaatniet`, DETAIL, { token: t.all });
    expect(response.statusCode).toBe(404);
  });
});
