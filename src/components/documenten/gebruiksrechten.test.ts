import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DocumentenTest, drcAutorisatie, insertTestInformatieobjecttype, invalidCodes, pathOf, type Json } from './documenten-test-fixtures.ts';

const LIST = '/gebruiksrechten';
const DETAIL = '/gebruiksrechten/{uuid}';
const DOCUMENT = '/enkelvoudiginformatieobjecten/{uuid}';

describe('Documenten API: gebruiksrechten', () => {
  const t = new DocumentenTest();
  let type: { uuid: string; url: string };

  beforeAll(async () => {
    await t.start();
    type = await insertTestInformatieobjecttype(t.database.db, t.tenant);
  });
  afterAll(async () => {
    await t.stop();
  });

  async function indicatie(document: Json): Promise<unknown> {
    return ((await t.call('GET', pathOf(document.url), DOCUMENT, { token: t.all })).json() as Json).indicatieGebruiksrecht;
  }

  it('drc-006: the first gebruiksrechten set indicatieGebruiksrecht to true, removing the last sets it back to null', async () => {
    const document = await t.createDocument(type.url, { indicatieGebruiksrecht: false });
    const body = { informatieobject: document.url, startdatum: '2026-01-01T00:00:00Z', omschrijvingVoorwaarden: 'Alleen intern gebruik' };
    const first = await t.call('POST', LIST, LIST, { token: t.all, body });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ informatieobject: document.url, einddatum: null, omschrijvingVoorwaarden: 'Alleen intern gebruik' });
    expect(await indicatie(document)).toBe(true);
    const second = await t.call('POST', LIST, LIST, { token: t.all, body: { ...body, einddatum: '2027-01-01T00:00:00Z' } });
    expect((await t.call('DELETE', pathOf((first.json() as Json).url), DETAIL, { token: t.all })).statusCode).toBe(204);
    expect(await indicatie(document)).toBe(true);
    expect((await t.call('DELETE', pathOf((second.json() as Json).url), DETAIL, { token: t.all })).statusCode).toBe(204);
    expect(await indicatie(document)).toBeNull();
    // The indicatie belongs to the document, not to a new version of it.
    expect(((await t.call('GET', pathOf(document.url), DOCUMENT, { token: t.all })).json() as Json).versie).toBe(1);
  });

  it('lists with the date filters, reads, updates and partially updates; the informatieobject cannot change', async () => {
    const document = await t.createDocument(type.url);
    const other = await t.createDocument(type.url);
    const created = (await t.call('POST', LIST, LIST, { token: t.all, body: { informatieobject: document.url, startdatum: '2026-03-01T00:00:00Z', omschrijvingVoorwaarden: 'Voorwaarden' } })).json() as Json;
    const filtered = await t.call('GET', `${LIST}?informatieobject=${encodeURIComponent(String(document.url))}&startdatum__gte=2026-02-01T00:00:00Z`, LIST, { token: t.all });
    expect((filtered.json() as Json[]).map((item) => item.url)).toEqual([created.url]);
    const none = await t.call('GET', `${LIST}?informatieobject=${encodeURIComponent(String(document.url))}&startdatum__lt=2026-02-01T00:00:00Z`, LIST, { token: t.all });
    expect(none.json()).toEqual([]);
    const expanded = await t.call('GET', `${pathOf(created.url)}?expand=informatieobject`, DETAIL, { token: t.all });
    expect((expanded.json() as { _expand: { informatieobject: Json } })._expand.informatieobject).toMatchObject({ url: document.url });
    const head = await t.call('HEAD', pathOf(created.url), DETAIL, { token: t.all });
    expect(head.statusCode).toBe(200);
    expect(head.headers.etag).toMatch(/^"[0-9a-f]{32}"$/);
    const put = await t.call('PUT', pathOf(created.url), DETAIL, { token: t.all, body: { informatieobject: document.url, startdatum: '2026-04-01T00:00:00Z', omschrijvingVoorwaarden: 'Nieuw' } });
    expect(put.json()).toMatchObject({ startdatum: '2026-04-01T00:00:00.000Z', omschrijvingVoorwaarden: 'Nieuw' });
    const patch = await t.call('PATCH', pathOf(created.url), DETAIL, { token: t.all, body: { einddatum: '2026-12-31T00:00:00Z' } });
    expect(patch.json()).toMatchObject({ omschrijvingVoorwaarden: 'Nieuw', einddatum: '2026-12-31T00:00:00.000Z' });
    const moved = await t.call('PATCH', pathOf(created.url), DETAIL, { token: t.all, body: { informatieobject: other.url } });
    expect(invalidCodes(moved)).toEqual(['informatieobject:wijzigen-niet-toegelaten']);
    const bad = await t.call('POST', LIST, LIST, { token: t.all, body: { informatieobject: 'https://elders.example/documenten/api/v1/enkelvoudiginformatieobjecten/x', startdatum: 'gisteren' } });
    expect(invalidCodes(bad)).toEqual(expect.arrayContaining(['omschrijvingVoorwaarden:required', 'startdatum:format']));
  });

  it('shows and changes only gebruiksrechten of documents the caller may use', async () => {
    const secret = await insertTestInformatieobjecttype(t.database.db, t.tenant, { vertrouwelijkheidaanduiding: 'geheim' });
    const document = await t.createDocument(secret.url);
    const created = (await t.call('POST', LIST, LIST, { token: t.all, body: { informatieobject: document.url, startdatum: '2026-03-01T00:00:00Z', omschrijvingVoorwaarden: 'Geheim' } })).json() as Json;
    const reader = await t.client({ scopes: ['documenten.lezen'], autorisaties: [drcAutorisatie(type.url, ['documenten.lezen'])] });
    const list = (await t.call('GET', LIST, LIST, { token: reader })).json() as Json[];
    expect(list.map((item) => item.url)).not.toContain(created.url);
    expect((await t.call('GET', pathOf(created.url), DETAIL, { token: reader })).statusCode).toBe(403);
    expect((await t.call('POST', LIST, LIST, { token: reader, body: { informatieobject: document.url, startdatum: '2026-03-01T00:00:00Z', omschrijvingVoorwaarden: 'x' } })).statusCode).toBe(403);
  });
});
