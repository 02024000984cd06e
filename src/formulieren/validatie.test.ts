import { describe, expect, it } from 'vitest';
import { controleerDefinitie, type ZaaktypeFeiten } from './definitie-controle.ts';
import type { FormulierDefinitie, Veld } from './definitie.ts';
import { MELDING_OPENBARE_RUIMTE, VERHUIZING } from './demo/demo-formulieren.ts';
import { normaliseEmail, normaliseIban, normalisePostcode, normaliseTelefoon } from './invoer-formaten.ts';
import { checkBestand, checkVeld } from './veld-validatie.ts';
import { zichtbareStappen, zichtbareVelden } from './voorwaarden.ts';

const TODAY = '2026-11-23';

function veld(overrides: Partial<Veld>): Veld {
  return { id: 'v', type: 'tekst', label: 'Veld', verplicht: true, ...overrides };
}

describe('input formats', () => {
  it('accepts IBANs whose mod-97 check holds and refuses a changed digit', () => {
    expect(normaliseIban('NL91 ABNA 0417 1643 00')).toBe('NL91ABNA0417164300');
    expect(normaliseIban('nl91abna0417164300')).toBe('NL91ABNA0417164300');
    expect(normaliseIban('DE89 3704 0044 0532 0130 00')).toBe('DE89370400440532013000');
    expect(normaliseIban('NL91 ABNA 0417 1643 01')).toBeUndefined();
    expect(normaliseIban('NL91ABNA041716430')).toBeUndefined();
  });

  it('reads Dutch postcodes and refuses SA, SD, SS and a leading zero', () => {
    expect(normalisePostcode('1234ab')).toBe('1234 AB');
    expect(normalisePostcode(' 1234 AB ')).toBe('1234 AB');
    expect(normalisePostcode('0123 AB')).toBeUndefined();
    expect(normalisePostcode('1234 SS')).toBeUndefined();
    expect(normalisePostcode('123 AB')).toBeUndefined();
  });

  it('reads Dutch phone numbers with or without country code', () => {
    expect(normaliseTelefoon('06-12345678')).toBe('0612345678');
    expect(normaliseTelefoon('+31 20 123 45 67')).toBe('0201234567');
    expect(normaliseTelefoon('14 0999')).toBe('140999');
    expect(normaliseTelefoon('0612345')).toBeUndefined();
    expect(normaliseTelefoon('+32 470 12 34 56')).toBeUndefined();
  });

  it('reads e-mail addresses', () => {
    expect(normaliseEmail('Jan@Voorbeeld.NL')).toBe('Jan@voorbeeld.nl');
    expect(normaliseEmail('jan@voorbeeld')).toBeUndefined();
    expect(normaliseEmail('jan voorbeeld.nl')).toBeUndefined();
  });
});

describe('field checks', () => {
  it('checks a BSN with the 11-proef and says how to fix it', () => {
    expect(checkVeld(veld({ type: 'bsn' }), '999993653', TODAY)).toEqual({ waarde: '999993653' });
    expect(checkVeld(veld({ type: 'bsn' }), '999993654', TODAY).fout).toContain('geen geldig BSN');
    expect(checkVeld(veld({ type: 'bsn' }), '12345', TODAY).fout).toContain('9 cijfers');
    expect(checkVeld(veld({ type: 'bsn', meerdere: true }), '999993653\n999991772', TODAY)).toEqual({ waarde: '999993653\n999991772' });
    expect(checkVeld(veld({ type: 'bsn', meerdere: true }), '999993653\n999993653', TODAY).fout).toContain('maar één keer');
  });

  it('requires a required field and lets an optional one be empty', () => {
    expect(checkVeld(veld({ label: 'Kenteken' }), '  ', TODAY).fout).toBe("Vul 'Kenteken' in.");
    expect(checkVeld(veld({ verplicht: false }), '', TODAY)).toEqual({ waarde: undefined });
    expect(checkVeld(veld({ type: 'keuze', label: 'Soort', opties: [{ waarde: 'a', label: 'A' }] }), undefined, TODAY).fout).toBe("Kies een antwoord bij 'Soort'.");
  });

  it('checks addresses, numbers, dates within their limits and patterns', () => {
    expect(checkVeld(veld({ type: 'adres' }), { postcode: '1234ab', huisnummer: '12', toevoeging: 'a' }, TODAY)).toEqual({ waarde: { postcode: '1234 AB', huisnummer: '12', toevoeging: 'A' } });
    expect(checkVeld(veld({ type: 'adres' }), { postcode: '1234', huisnummer: '12', toevoeging: '' }, TODAY).fout).toContain('postcode');
    expect(checkVeld(veld({ type: 'getal', min: 1, max: 20 }), '0', TODAY).fout).toContain('minimaal 1');
    expect(checkVeld(veld({ type: 'getal', min: 1, max: 20 }), '3', TODAY)).toEqual({ waarde: '3' });
    expect(checkVeld(veld({ type: 'datum', minDagen: -5, maxDagen: 28 }), '2026-11-18', TODAY)).toEqual({ waarde: '2026-11-18' });
    expect(checkVeld(veld({ type: 'datum', minDagen: -5, maxDagen: 28 }), '17-11-2026', TODAY).fout).toContain('niet vóór 18-11-2026');
    expect(checkVeld(veld({ type: 'datum', maxDagen: 0 }), '2026-11-24', TODAY).fout).toContain('niet in de toekomst');
    expect(checkVeld(veld({ type: 'datum' }), '31-02-2026', TODAY).fout).toContain('bestaande datum');
    const kenteken = veld({ patroon: '[A-Z0-9]{1,3}-[A-Z0-9]{1,3}-[A-Z0-9]{1,3}', patroonMelding: 'Met streepjes.' });
    expect(checkVeld(kenteken, 'AB-123-C', TODAY)).toEqual({ waarde: 'AB-123-C' });
    expect(checkVeld(kenteken, 'AB123C', TODAY).fout).toBe('Met streepjes.');
  });

  it('refuses a file of another type or over the size limit', () => {
    const foto = veld({ type: 'bestand', bestandstypen: ['image/jpeg'], maxBytes: 1000 });
    expect(checkBestand(foto, { bestandsnaam: 'a.jpg', formaat: 'image/jpeg', grootte: 999 }).fout).toBeUndefined();
    expect(checkBestand(foto, { bestandsnaam: 'a.jpg', formaat: 'image/jpeg', grootte: 1001 }).fout).toContain('te groot');
    expect(checkBestand(foto, { bestandsnaam: 'a.exe', formaat: 'application/octet-stream', grootte: 10 }).fout).toContain('JPG-foto');
  });
});

describe('conditions', () => {
  it('shows the step about danger only when the situation is dangerous', () => {
    expect(zichtbareStappen(MELDING_OPENBARE_RUIMTE, { gevaarlijk: 'nee' }).map((stap) => stap.id)).toEqual(['melding', 'plek', 'foto', 'contact']);
    expect(zichtbareStappen(MELDING_OPENBARE_RUIMTE, { gevaarlijk: 'ja' }).map((stap) => stap.id)).toEqual(['melding', 'gevaar', 'plek', 'foto', 'contact']);
  });

  it('shows a field for one of several values, and hides what depends on a hidden field', () => {
    expect(zichtbareVelden(VERHUIZING, { meeverhuizers: 'ja' }).has('meeverhuizende-bsn')).toBe(true);
    expect(zichtbareVelden(VERHUIZING, { meeverhuizers: 'nee' }).has('meeverhuizende-bsn')).toBe(false);
    const chain: FormulierDefinitie = {
      titel: 't',
      inleiding: '',
      zaakomschrijving: 't',
      stappen: [
        {
          id: 'a',
          titel: 'A',
          velden: [
            veld({ id: 'eerste', type: 'keuze', opties: [{ waarde: 'ja', label: 'Ja' }] }),
            veld({ id: 'tweede', type: 'keuze', opties: [{ waarde: 'ja', label: 'Ja' }], voorwaarde: { veld: 'eerste', is: ['ja'] } }),
            veld({ id: 'derde', voorwaarde: { veld: 'tweede', is: ['ja'] } }),
          ],
        },
      ],
    };
    // 'tweede' still holds 'ja' from before, but it is hidden now: 'derde' goes with it.
    expect([...zichtbareVelden(chain, { eerste: 'nee', tweede: 'ja' })]).toEqual(['eerste']);
    expect([...zichtbareVelden(chain, { eerste: 'ja', tweede: 'ja' })]).toEqual(['eerste', 'tweede', 'derde']);
  });
});

describe('definition checks', () => {
  const melding: ZaaktypeFeiten = {
    identificatie: 'MELDING-OPENBARE-RUIMTE',
    eigenschappen: new Map([['categorie', { formaat: 'tekst', waardenverzameling: ['Straatverlichting', 'Bestrating', 'Groen', 'Afval', 'Speelplaats', 'Riolering', 'Overig'] }]]),
    informatieobjecttypen: ['Melding', 'Foto'],
    roltypen: ['Melder'],
  };

  it('accepts the demo form of the zaaktype', () => {
    expect(controleerDefinitie(MELDING_OPENBARE_RUIMTE, melding).problemen).toEqual([]);
  });

  it('lists every problem: unknown type, condition on an unknown field, missing eigenschap, duplicate id', () => {
    const raw = {
      titel: 'Kapot',
      zaakomschrijving: 'Kapot',
      stappen: [
        {
          id: 'een',
          titel: 'Een',
          velden: [
            { id: 'a', type: 'kleur', label: 'A' },
            { id: 'b', type: 'tekst', label: 'B', voorwaarde: { veld: 'bestaat-niet', is: ['x'] } },
            { id: 'c', type: 'tekst', label: 'C', eigenschap: 'kenteken' },
            { id: 'c', type: 'bestand', label: 'D', informatieobjecttype: 'Besluit' },
          ],
        },
      ],
    };
    const problemen = controleerDefinitie(raw, melding).problemen.map((probleem) => `${probleem.plaats}: ${probleem.melding}`);
    expect(problemen).toEqual([
      expect.stringContaining("stappen[0].velden[0].type: Onbekend veldtype 'kleur'"),
      expect.stringContaining("stappen[0].velden[1].voorwaarde.veld: De voorwaarde noemt veld 'bestaat-niet'"),
      expect.stringContaining("stappen[0].velden[2].eigenschap: Zaaktype MELDING-OPENBARE-RUIMTE heeft geen eigenschap 'kenteken'"),
      expect.stringContaining("stappen[0].velden[3].id: Het id 'c' komt twee keer voor"),
      expect.stringContaining("stappen[0].velden[3].informatieobjecttype: Zaaktype MELDING-OPENBARE-RUIMTE heeft geen informatieobjecttype 'Besluit'"),
    ]);
  });

  it('refuses a field whose answer would not fit the eigenschap formaat', () => {
    const verhuizing: ZaaktypeFeiten = {
      identificatie: 'VERHUIZING',
      eigenschappen: new Map([['verhuisdatum', { formaat: 'datum', waardenverzameling: [] }]]),
      informatieobjecttypen: [],
      roltypen: [],
    };
    const raw = { titel: 'x', zaakomschrijving: 'x', stappen: [{ id: 'een', titel: 'Een', velden: [{ id: 'wanneer', type: 'tekst', label: 'Wanneer?', eigenschap: 'verhuisdatum' }] }] };
    expect(controleerDefinitie(raw, verhuizing).problemen).toEqual([{ plaats: 'stappen[0].velden[0].eigenschap', melding: "Eigenschap 'verhuisdatum' heeft formaat datum; een veld van soort tekst past daar niet bij." }]);
  });

  it('refuses choice options the eigenschap does not know and a condition value the field cannot have', () => {
    const raw = {
      titel: 'x',
      zaakomschrijving: 'x',
      stappen: [
        {
          id: 'een',
          titel: 'Een',
          velden: [
            { id: 'categorie', type: 'keuze', label: 'Categorie', eigenschap: 'categorie', opties: [{ waarde: 'Lantaarnpaal', label: 'Lantaarnpaal' }] },
            { id: 'uitleg', type: 'tekst', label: 'Uitleg', voorwaarde: { veld: 'categorie', is: ['Groen'] } },
          ],
        },
      ],
    };
    const problemen = controleerDefinitie(raw, melding).problemen.map((probleem) => probleem.melding);
    expect(problemen).toEqual([expect.stringContaining("kent de waarde 'Lantaarnpaal' niet"), expect.stringContaining("heeft geen antwoord 'Groen'")]);
  });
});
