import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DocumentenTest, drcAutorisatie, insertTestInformatieobjecttype, invalidCodes, pathOf, type Json } from './documenten-test-fixtures.ts';

const LIST = '/verzendingen';
const DETAIL = '/verzendingen/{uuid}';

describe('Documenten API: verzendingen', () => {
  const t = new DocumentenTest();
  let type: { uuid: string; url: string };
  const betrokkene = 'https://klanten.example/klantinteracties/api/v1/partijen/3a0b7c54-3f43-4b3c-8d0c-7a1e5d3a9c11';
  const contactPersoon = 'https://klanten.example/klantinteracties/api/v1/partijen/9a7c2a0e-6c5d-4f0a-8b7a-1a2b3c4d5e6f';

  beforeAll(async () => {
    await t.start();
    type = await insertTestInformatieobjecttype(t.database.db, t.tenant);
  });
  afterAll(async () => {
    await t.stop();
  });

  function body(document: Json, overrides: Record<string, unknown> = {}): Record<string, unknown> {
    return { informatieobject: document.url, betrokkene, aardRelatie: 'geadresseerde', contactPersoon, emailadres: 'inwoner@example.com', ...overrides };
  }

  it('records a verzending to exactly one address, lists it with filters and pagination, and changes it', async () => {
    const document = await t.createDocument(type.url);
    const created = await t.call('POST', LIST, LIST, { token: t.all, body: body(document, { toelichting: 'Per e-mail verstuurd' }) });
    expect(created.statusCode, created.body).toBe(201);
    const verzending = created.json() as Json;
    expect(verzending).toMatchObject({ informatieobject: document.url, aardRelatie: 'geadresseerde', emailadres: 'inwoner@example.com', mijnOverheid: false, binnenlandsCorrespondentieadres: null });
    const list = await t.call('GET', `${LIST}?aardRelatie=geadresseerde&informatieobject=${encodeURIComponent(String(document.url))}`, LIST, { token: t.all });
    expect(list.json()).toMatchObject({ count: 1, next: null, previous: null, results: [{ url: verzending.url }] });
    expect(((await t.call('GET', `${LIST}?aardRelatie=afzender&informatieobject=${encodeURIComponent(String(document.url))}`, LIST, { token: t.all })).json() as Json).count).toBe(0);
    const retrieved = await t.call('GET', `${pathOf(verzending.url)}?expand=informatieobject`, DETAIL, { token: t.all });
    expect((retrieved.json() as { _expand: { informatieobject: Json } })._expand.informatieobject).toMatchObject({ url: document.url });
    expect((await t.call('HEAD', pathOf(verzending.url), DETAIL, { token: t.all })).statusCode).toBe(200);
    const address = { naamOpenbareRuimte: 'Stationsplein', huisnummer: 1, woonplaatsnaam: 'Utrecht', postcode: '3511ED' };
    const put = await t.call('PUT', pathOf(verzending.url), DETAIL, { token: t.all, body: body(document, { emailadres: null, binnenlandsCorrespondentieadres: address }) });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ emailadres: null, binnenlandsCorrespondentieadres: address });
    const patch = await t.call('PATCH', pathOf(verzending.url), DETAIL, { token: t.all, body: { toelichting: 'Per post' } });
    expect(patch.json()).toMatchObject({ toelichting: 'Per post', binnenlandsCorrespondentieadres: address });
    expect((await t.call('DELETE', pathOf(verzending.url), DETAIL, { token: t.all })).statusCode).toBe(204);
    expect((await t.call('GET', pathOf(verzending.url), DETAIL, { token: t.all })).statusCode).toBe(404);
  });

  it('records every read and write of a verzending (an address of a person) in the processing log, the betrokkene pseudonymised', async () => {
    const document = await t.createDocument(type.url);
    const person = `https://klanten.example/klantinteracties/api/v1/partijen/${randomUUID()}`;
    const verzending = (await t.call('POST', LIST, LIST, { token: t.all, body: body(document, { betrokkene: person }) })).json() as Json;
    await t.call('GET', pathOf(verzending.url), DETAIL, { token: t.all });
    await t.call('GET', `${LIST}?betrokkene=${encodeURIComponent(person)}`, LIST, { token: t.all });
    await t.call('PATCH', pathOf(verzending.url), DETAIL, { token: t.all, body: { toelichting: 'Nagestuurd' } });
    await t.call('DELETE', pathOf(verzending.url), DETAIL, { token: t.all });
    const subject = t.test.keys.pseudonymise(t.tenant.id, person);
    const records = await t.database.db.selectFrom('processing_log').select(['name', 'processing_activity_id', 'data_subject_id', 'actor']).where('tenant_id', '=', t.tenant.id).where('data_subject_id', '=', subject).orderBy('seq').execute();
    expect(records.map((record) => record.name)).toEqual(['verzending-aanmaken', 'verzending-raadplegen', 'verzendingen-raadplegen', 'verzending-wijzigen', 'verzending-verwijderen']);
    expect(records.every((record) => record.processing_activity_id === 'zaak-behandelen' && record.actor.startsWith('applicatie:'))).toBe(true);
    const raw = await t.database.db.selectFrom('processing_log').select('data_subject_id').where('data_subject_id', '=', person).execute();
    expect(raw).toEqual([]);
  });

  it('refuses no address or two addresses (one verzending is one address)', async () => {
    const document = await t.createDocument(type.url);
    const none = await t.call('POST', LIST, LIST, { token: t.all, body: body(document, { emailadres: null }) });
    expect(invalidCodes(none)).toEqual(['nonFieldErrors:invalid-address']);
    const two = await t.call('POST', LIST, LIST, { token: t.all, body: body(document, { mijnOverheid: true }) });
    expect(invalidCodes(two)).toEqual(['nonFieldErrors:invalid-address']);
    const missing = await t.call('POST', LIST, LIST, { token: t.all, body: { aardRelatie: 'postduif' } });
    expect(invalidCodes(missing)).toEqual(expect.arrayContaining(['betrokkene:required', 'informatieobject:required', 'contactPersoon:required', 'aardRelatie:enum']));
  });

  it('shows only verzendingen of documents the caller may read', async () => {
    const other = await insertTestInformatieobjecttype(t.database.db, t.tenant);
    const hidden = (await t.call('POST', LIST, LIST, { token: t.all, body: body(await t.createDocument(other.url)) })).json() as Json;
    const reader = await t.client({ scopes: ['documenten.lezen'], autorisaties: [drcAutorisatie(type.url, ['documenten.lezen'])] });
    const seen = ((await t.call('GET', LIST, LIST, { token: reader })).json() as { results: Json[] }).results.map((item) => item.url);
    expect(seen).not.toContain(hidden.url);
    expect((await t.call('GET', pathOf(hidden.url), DETAIL, { token: reader })).statusCode).toBe(403);
  });
});
