import { describe, expect, it } from 'vitest';
import { canonicalExport, serializeExport, type Attributes } from './format.ts';
import { readExportFile } from './read-file.ts';
import { SELECTIELIJST_PUBLIC_BASE } from './selectielijst.ts';

const PROCESTYPE_TOESTEMMING = `${SELECTIELIJST_PUBLIC_BASE}/procestypen/3e1f6d3e-617f-43e1-87be-8bd255ef4745`;
const RESULTAAT_VERLEEND = `${SELECTIELIJST_PUBLIC_BASE}/resultaten/183352aa-26d1-4bc3-8bbf-aec3a180ebbb`;
const TOEGEKEND = `${SELECTIELIJST_PUBLIC_BASE}/resultaattypeomschrijvingen/fb65d251-1518-4185-865f-b8bdcfad07b1`;

/** A small valid file to vary per test. */
function file(): Attributes {
  return {
    formaat: 'loket-catalogus-export',
    versie: 1,
    catalogus: { domein: 'TEST', rsin: '123456782', contactpersoonBeheerNaam: 'Beheer' },
    informatieobjecttypen: [{ omschrijving: 'Besluit', vertrouwelijkheidaanduiding: 'openbaar', informatieobjectcategorie: 'Besluit', beginGeldigheid: '2026-01-01' }],
    besluittypen: [],
    zaaktypen: [
      {
        identificatie: 'VERGUNNING',
        omschrijving: 'Vergunning',
        selectielijstProcestype: PROCESTYPE_TOESTEMMING,
        beginGeldigheid: '2026-01-01',
        statustypen: [
          { volgnummer: 2, omschrijving: 'Afgehandeld', informeren: true },
          { volgnummer: 1, omschrijving: 'Ontvangen', informeren: false },
        ],
        resultaattypen: [{ omschrijving: 'Verleend', resultaattypeomschrijving: TOEGEKEND, selectielijstklasse: RESULTAAT_VERLEEND }],
        eigenschappen: [{ naam: 'datum', definitie: 'Datum', specificatie: { formaat: 'datum', lengte: '8', kardinaliteit: '1' }, statustype: 2 }],
        zaaktypeInformatieobjecttypen: [{ volgnummer: 1, informatieobjecttype: 'Besluit', richting: 'uitgaand', statustype: 2 }],
      },
    ],
  };
}

function zaaktypeOf(json: Attributes): Attributes {
  const [zaaktype] = json.zaaktypen as Attributes[];
  if (!zaaktype) throw new Error('no zaaktype');
  return zaaktype;
}

describe('reading an exchange file', () => {
  it('accepts a well-formed file and fills in the lists a zaaktype left out', () => {
    const { file: read, problems } = readExportFile(file());
    expect(problems).toEqual([]);
    expect(read?.zaaktypen[0]?.roltypen).toEqual([]);
    expect(read?.zaaktypen[0]?.statustypen).toHaveLength(2);
  });

  it('refuses another format or a newer version before looking further', () => {
    expect(readExportFile({ ...file(), formaat: 'iets-anders' }).problems).toEqual([
      { name: 'formaat', code: 'invalid', reason: 'Dit is geen catalogusexport van Loket: verwacht "formaat": "loket-catalogus-export".' },
    ]);
    expect(readExportFile({ ...file(), versie: 2 }).problems.map((problem) => problem.name)).toEqual(['versie']);
    expect(readExportFile([]).problems.map((problem) => problem.name)).toEqual(['nonFieldErrors']);
  });

  it('lists every structural problem at once, each named by its place in the file', () => {
    const broken = file();
    broken.extra = true;
    const zaaktype = zaaktypeOf(broken);
    zaaktype.url = 'https://elders/zaaktypen/1';
    zaaktype.selectielijstProcestype = 'https://loket.example/referentielijsten/api/v1/procestypen/3e1f6d3e-617f-43e1-87be-8bd255ef4745';
    zaaktype.statustypen = [
      { volgnummer: 1, omschrijving: 'Ontvangen', informeren: false, beginGeldigheid: '2026-01-01' },
      { volgnummer: 1, omschrijving: 'Dubbel', informeren: false },
    ];
    zaaktype.resultaattypen = [{ omschrijving: 'Verleend', resultaattypeomschrijving: TOEGEKEND, selectielijstklasse: `${SELECTIELIJST_PUBLIC_BASE}/resultaten/00000000-0000-4000-8000-000000000000` }];
    zaaktype.roltypen = 'geen lijst';
    const { file: read, problems } = readExportFile(broken);
    expect(read).toBeUndefined();
    expect(problems).toEqual(
      expect.arrayContaining([
        { name: 'extra', code: 'unknown-field', reason: 'Onbekend veld: extra.' },
        { name: 'zaaktypen[0].url', code: 'unknown-field', reason: 'Onbekend veld: url.' },
        { name: 'zaaktypen[0].roltypen', code: 'invalid', reason: 'Verwacht een lijst.' },
        { name: 'zaaktypen[0].statustypen[1].volgnummer', code: 'unique', reason: 'Er is al een statustype met volgnummer 1.' },
        { name: 'zaaktypen[0].statustypen[0].beginGeldigheid', code: 'unknown-field', reason: 'Onbekend veld: beginGeldigheid.' },
        { name: 'zaaktypen[0].eigenschappen[0].statustype', code: 'does_not_exist', reason: 'Dit zaaktype heeft geen statustype met volgnummer 2.' },
        { name: 'zaaktypen[0].zaaktypeInformatieobjecttypen[0].statustype', code: 'does_not_exist', reason: 'Dit zaaktype heeft geen statustype met volgnummer 2.' },
        expect.objectContaining({ name: 'zaaktypen[0].selectielijstProcestype', code: 'invalid' }),
        {
          name: 'zaaktypen[0].resultaattypen[0].selectielijstklasse',
          code: 'invalid',
          reason: 'De Selectielijst kent geen resultaten met uuid 00000000-0000-4000-8000-000000000000.',
        },
      ]),
    );
    expect(problems).toHaveLength(9);
  });
});

describe('the canonical form', () => {
  it('sorts by what identifies an item and leaves out empty values', () => {
    const source = file();
    const zaaktype = zaaktypeOf(source);
    zaaktype.toelichting = '';
    zaaktype.servicenorm = null;
    zaaktype.trefwoorden = [];
    zaaktype.eindeGeldigheid = null;
    zaaktype.roltypen = [{ omschrijving: 'Behandelaar', omschrijvingGeneriek: 'behandelaar' }];
    const { file: read } = readExportFile(source);
    if (!read) throw new Error('file not read');
    const canonical = zaaktypeOf(canonicalExport(read));
    expect(Object.keys(canonical)).not.toContain('toelichting');
    expect(Object.keys(canonical)).not.toContain('servicenorm');
    expect(Object.keys(canonical)).not.toContain('trefwoorden');
    expect(Object.keys(canonical)).not.toContain('eindeGeldigheid');
    expect(Object.keys(canonical)).not.toContain('zaakobjecttypen');
    expect(canonical.roltypen).toEqual([{ omschrijving: 'Behandelaar', omschrijvingGeneriek: 'behandelaar' }]);
    expect((canonical.statustypen as Attributes[]).map((statustype) => statustype.volgnummer)).toEqual([1, 2]);
  });

  it('is stable: serialising a canonical file again changes nothing', () => {
    const { file: read } = readExportFile(file());
    if (!read) throw new Error('file not read');
    const text = serializeExport(read);
    const again = readExportFile(JSON.parse(text));
    if (!again.file) throw new Error('file not read again');
    expect(serializeExport(again.file)).toBe(text);
    expect(text.endsWith('}\n')).toBe(true);
  });
});
