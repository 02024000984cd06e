import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZaakSectiesTest } from '../zaak-secties-test-kit.ts';
import { veldWijzigingen, waardeWeergave } from './audit-wijzigingen.ts';
import { AUDIT_IN_SECTIE, AUDIT_PAGINA_GROOTTE } from './zaak-audittrail.ts';

describe('the audit trail of a zaak on the zaak page', () => {
  const world = new ZaakSectiesTest();

  beforeAll(async () => {
    await world.start();
  }, 180_000);
  afterAll(async () => {
    await world.stop();
  });

  it('shows when, who, the action, the resource and the changed fields, newest first', async () => {
    expect((await world.post(world.behandelaar, `/medewerker/zaken/${world.zaak.uuid}/notities`, { onderwerp: 'Eerste notitie', tekst: 'Tekst een' })).statusCode).toBe(303);
    expect((await world.post(world.collega, `/medewerker/zaken/${world.zaak.uuid}/notities`, { onderwerp: 'Tweede notitie', tekst: 'Tekst twee' })).statusCode).toBe(303);
    const pagina = await world.sectiePagina(world.kcc, world.zaak.uuid, 'audittrail');
    expect(pagina.statusCode).toBe(200);
    const body = pagina.body;
    expect(body).toContain('id="audittrail"');
    expect(body).toContain('Notitie: Tweede notitie');
    expect(body.indexOf('Tweede notitie')).toBeLessThan(body.indexOf('Eerste notitie'));
    expect(body).toContain('Cas Collega');
    expect(body).toContain('Aangemaakt');
    expect(body).toContain('<strong>tekst</strong>: Tekst twee');
    expect(body).not.toContain('Hele audittrail bekijken');
  });

  it('pages a long trail: the section shows the newest, the trail page the rest', async () => {
    const zaak = await world.newZaak();
    const aantal = AUDIT_PAGINA_GROOTTE + 3;
    for (let index = 1; index <= aantal; index += 1) {
      expect((await world.post(world.behandelaar, `/medewerker/zaken/${zaak.uuid}/notities`, { onderwerp: `Notitie ${index}`, tekst: 'Tekst' })).statusCode).toBe(303);
    }
    const sectie = await world.sectiePagina(world.behandelaar, zaak.uuid, 'audittrail');
    expect(sectie.body).toContain(`De ${AUDIT_IN_SECTIE} nieuwste van ${aantal} wijzigingen`);
    expect(sectie.body).toContain(`Notitie: Notitie ${aantal}<`);
    expect(sectie.body).not.toContain('Notitie: Notitie 1<');
    expect(sectie.body).toContain(`href="/medewerker/zaken/${zaak.uuid}/audittrail"`);

    const eerste = await world.get(world.behandelaar, `/medewerker/zaken/${zaak.uuid}/audittrail`);
    expect(eerste.statusCode).toBe(200);
    expect(eerste.body).toContain('Pagina 1 van 2');
    expect(eerste.body).toContain(`href="/medewerker/zaken/${zaak.uuid}/audittrail?pagina=2"`);
    expect(eerste.body).not.toContain('Notitie: Notitie 1<');
    const tweede = await world.get(world.behandelaar, `/medewerker/zaken/${zaak.uuid}/audittrail?pagina=2`);
    expect(tweede.body).toContain('Notitie: Notitie 1<');
    expect(tweede.body).toContain('Pagina 2 van 2');
    expect((await world.get(world.elders, `/medewerker/zaken/${zaak.uuid}/audittrail`)).statusCode).toBe(404);
  });

  it('names only the fields an update changed, old and new, in words', () => {
    const changes = veldWijzigingen({ wijzigingen: { oud: { url: 'a', status: 'concept', tekst: 'gelijk', toelichting: null }, nieuw: { url: 'b', status: 'definitief', tekst: 'gelijk', toelichting: 'Nu ingevuld' } } });
    expect(changes).toEqual([
      { veld: 'status', oud: 'concept', nieuw: 'definitief' },
      { veld: 'toelichting', oud: '(leeg)', nieuw: 'Nu ingevuld' },
    ]);
    expect(veldWijzigingen({ wijzigingen: { nieuw: { onderwerp: 'X', leeg: '', lijst: [] } } })).toEqual([{ veld: 'onderwerp', oud: undefined, nieuw: 'X' }]);
    expect(veldWijzigingen({ wijzigingen: { oud: { onderwerp: 'X' } } })).toEqual([]);
    expect(waardeWeergave(true)).toBe('ja');
    expect(waardeWeergave({ a: 1 })).toBe('{"a":1}');
    expect(waardeWeergave('x'.repeat(300))).toHaveLength(120);
  });
});
