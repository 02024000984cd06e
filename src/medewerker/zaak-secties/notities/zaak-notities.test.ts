import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZaakSectiesTest } from '../zaak-secties-test-kit.ts';
import { MAX_TEKST } from './zaak-notities.ts';

describe('notes on the zaak page (Zaken API zaaknotities)', () => {
  const world = new ZaakSectiesTest();

  beforeAll(async () => {
    await world.start();
  }, 180_000);
  afterAll(async () => {
    await world.stop();
  });

  const notitiesPad = (zaak: string) => `/medewerker/zaken/${zaak}/notities`;

  it('adds a note in the member\'s name as a definitieve, internal zaaknotitie, and lists the notes newest first', async () => {
    const eerste = await world.post(world.behandelaar, notitiesPad(world.zaak.uuid), { onderwerp: 'Gebeld', tekst: 'Inwoner gebeld over de verhuisdatum.' });
    expect(eerste.statusCode).toBe(303);
    expect(eerste.headers.location).toBe(`/medewerker/zaken/${world.zaak.uuid}#notities`);
    expect((await world.post(world.collega, notitiesPad(world.zaak.uuid), { onderwerp: 'Terugbellen', tekst: 'Morgen <b>opnieuw</b> bellen.' })).statusCode).toBe(303);

    const rows = await world.database.db.selectFrom('zaaknotities').select(['onderwerp', 'aangemaakt_door', 'notitie_type', 'status']).where('zaak_uuid', '=', world.zaak.uuid).orderBy('aanmaakdatum').execute();
    expect(rows).toEqual([
      { onderwerp: 'Gebeld', aangemaakt_door: 'Bea Behandelaar', notitie_type: 'intern', status: 'definitief' },
      { onderwerp: 'Terugbellen', aangemaakt_door: 'Cas Collega', notitie_type: 'intern', status: 'definitief' },
    ]);

    const pagina = await world.sectiePagina(world.kcc, world.zaak.uuid, 'notities');
    expect(pagina.statusCode).toBe(200);
    expect(pagina.body).toContain('id="notities"');
    expect(pagina.body.indexOf('Terugbellen')).toBeLessThan(pagina.body.indexOf('Gebeld'));
    expect(pagina.body).toContain('Cas Collega');
    expect(pagina.body).toContain('Morgen &lt;b&gt;opnieuw&lt;/b&gt; bellen.');
    // The KCC may read the notes, not add one; nobody is offered deleting a note.
    expect(pagina.body).not.toContain('Notitie opslaan');
    expect(pagina.body).not.toContain('verwijderen');
    expect((await world.sectiePagina(world.behandelaar, world.zaak.uuid, 'notities')).body).toContain('Notitie opslaan');
  });

  it('names a missing or too long field beside it and keeps what was typed', async () => {
    const leeg = await world.post(world.behandelaar, notitiesPad(world.zaak.uuid), { onderwerp: '  ', tekst: '' });
    expect(leeg.statusCode).toBe(400);
    expect(leeg.body).toContain('<a href="#notitie-onderwerp">Vul een onderwerp in.</a>');
    expect(leeg.body).toContain('<a href="#notitie-tekst">Vul de notitie in.</a>');
    const lang = await world.post(world.behandelaar, notitiesPad(world.zaak.uuid), { onderwerp: 'Lang', tekst: 'x'.repeat(MAX_TEKST + 1) });
    expect(lang.statusCode).toBe(400);
    expect(lang.body).toContain(`De notitie is te lang: hoogstens ${MAX_TEKST} tekens`);
    expect(lang.body).toContain('value="Lang"');
    const teLangOnderwerp = await world.post(world.behandelaar, notitiesPad(world.zaak.uuid), { onderwerp: 'o'.repeat(256), tekst: 'Tekst' });
    expect(teLangOnderwerp.body).toContain('Het onderwerp is te lang: hoogstens 255 tekens.');
    expect(await world.database.db.selectFrom('zaaknotities').select('uuid').where('onderwerp', '=', 'Lang').execute()).toEqual([]);
  });

  it('refuses a note from a member who may only read (403), on a closed zaak (403) and from another municipality (404)', async () => {
    const note = { onderwerp: 'Mag niet', tekst: 'Deze notitie mag er niet komen.' };
    expect((await world.post(world.kcc, notitiesPad(world.zaak.uuid), note)).statusCode).toBe(403);
    expect((await world.post(world.behandelaar, notitiesPad(world.geslotenZaak.uuid), note)).statusCode).toBe(403);
    expect((await world.post(world.elders, notitiesPad(world.zaak.uuid), note)).statusCode).toBe(404);
    const zonderToken = await world.app.inject({ method: 'POST', url: notitiesPad(world.zaak.uuid), headers: { ...world.behandelaar.headers, accept: 'text/html' }, payload: note });
    expect(zonderToken.statusCode).toBe(403);
    expect(await world.database.db.selectFrom('zaaknotities').select('uuid').where('onderwerp', '=', 'Mag niet').execute()).toEqual([]);
    // The closed zaak's section shows why it offers no form.
    expect((await world.sectiePagina(world.behandelaar, world.geslotenZaak.uuid, 'notities')).body).toContain('Deze zaak is afgesloten');
  });
});
