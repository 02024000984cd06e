import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostOf } from '../../../../test/fixtures.ts';
import { createKlantToken } from '../../../components/klantinteracties/klantinteracties-test-kit.ts';
import { insertZaakcontactmoment } from '../../../components/zaken/zaakcontactmomenten/repository.ts';
import { ZaakSectiesTest } from '../zaak-secties-test-kit.ts';

type Json = Record<string, unknown>;

describe('contactmomenten about a zaak on the zaak page', () => {
  const world = new ZaakSectiesTest();
  let token: string;

  beforeAll(async () => {
    await world.start();
    token = await createKlantToken(world.database.db, world.context.keys, world.tenant);
  }, 180_000);
  afterAll(async () => {
    await world.stop();
  });

  async function create(path: string, body: Json): Promise<Json> {
    const response = await world.app.inject({ method: 'POST', url: `/klantinteracties/api/v1${path}`, headers: { host: hostOf(world.tenant), authorization: `Token ${token}` }, payload: body });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as Json;
  }

  async function contact(fields: Json, objectId?: string): Promise<Json> {
    const created = await create('/klantcontacten', { taal: 'nld', vertrouwelijk: false, inhoud: '', ...fields });
    if (objectId !== undefined) {
      await create('/onderwerpobjecten', {
        klantcontact: { uuid: created.uuid },
        wasKlantcontact: null,
        onderwerpobjectidentificator: { objectId, codeObjecttype: 'zaak', codeRegister: 'openzaak', codeSoortObjectId: 'uuid' },
      });
    }
    return created;
  }

  it('lists the klantcontacten about the zaak and its zaakcontactmomenten, newest first, linking to the KCC page', async () => {
    const actor = await create('/actoren', { naam: 'Karin KCC', soortActor: 'medewerker', indicatieActief: true, actoridentificator: { objectId: 'karin', codeObjecttype: 'mdw', codeRegister: 'loket', codeSoortObjectId: 'gebruikersnaam' } });
    const telefoon = await contact({ kanaal: 'telefoon', onderwerp: 'Vraag over verhuisdatum', reactie: 'Uitgelegd hoe lang het duurt', indicatieContactGelukt: true, plaatsgevondenOp: '2026-11-20T09:30:00Z' }, world.zaak.uuid);
    await create('/actorklantcontacten', { actor: { uuid: actor.uuid }, klantcontact: { uuid: telefoon.uuid } });
    const balie = await contact({ kanaal: 'balie', onderwerp: 'Bewijs van bewoning gebracht', plaatsgevondenOp: '2026-11-22T14:00:00Z' }, world.zaak.url);
    const viaZaak = await contact({ kanaal: 'email', onderwerp: 'Bevestiging gevraagd', plaatsgevondenOp: '2026-11-21T08:00:00Z' });
    await insertZaakcontactmoment(world.database.db, world.tenant.id, { zaak_uuid: world.zaak.uuid, contactmoment: `http://${hostOf(world.tenant)}/klantinteracties/api/v1/klantcontacten/${String(viaZaak.uuid)}` });
    // Linked both ways: listed once.
    await insertZaakcontactmoment(world.database.db, world.tenant.id, { zaak_uuid: world.zaak.uuid, contactmoment: `http://${hostOf(world.tenant)}/klantinteracties/api/v1/klantcontacten/${String(telefoon.uuid)}` });
    await contact({ kanaal: 'telefoon', onderwerp: 'Over een andere zaak', plaatsgevondenOp: '2026-11-23T10:00:00Z' }, (await world.newZaak()).uuid);

    const pagina = await world.sectiePagina(world.kcc, world.zaak.uuid, 'contactmomenten');
    expect(pagina.statusCode).toBe(200);
    const body = pagina.body;
    expect(body).toContain('id="contactmomenten"');
    expect(body).not.toContain('Over een andere zaak');
    expect(body.match(/Vraag over verhuisdatum/g)).toHaveLength(2); // the row and the link's hidden name
    const volgorde = ['Bewijs van bewoning gebracht', 'Bevestiging gevraagd', 'Vraag over verhuisdatum'].map((tekst) => body.indexOf(tekst));
    expect([...volgorde].sort((a, b) => a - b)).toEqual(volgorde);
    expect(body).toContain('Telefoon');
    expect(body).toContain('Balie');
    expect(body).toContain('Contact gelukt: Uitgelegd hoe lang het duurt');
    expect(body).toContain('Karin KCC');
    expect(body).toContain(`href="/medewerker/kcc/contacten/${String(telefoon.uuid)}"`);
    expect(body).toContain(`href="/medewerker/kcc/contacten/${String(balie.uuid)}"`);
  });

  it('says so when there are none, and is not reachable from another municipality', async () => {
    const leeg = await world.newZaak();
    expect((await world.sectiePagina(world.behandelaar, leeg.uuid, 'contactmomenten')).body).toContain('Er zijn geen contactmomenten over deze zaak vastgelegd.');
    expect((await world.get(world.elders, `/medewerker/zaken/${world.zaak.uuid}/audittrail`)).statusCode).toBe(404);
  });
});
