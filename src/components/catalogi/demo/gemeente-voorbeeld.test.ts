import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findProcestype, findResultaat } from '../../referentielijsten/repository.ts';
import { serializeExport, type Attributes, type ZaaktypeExport } from '../uitwisseling/format.ts';
import { readExportFile } from '../uitwisseling/read-file.ts';
import { selectielijstUuid } from '../uitwisseling/selectielijst.ts';
import { DEMO_CATALOGUS_FILE } from './gemeente-voorbeeld.ts';

/*
 * The demo catalogue is what a newcomer sees first, so its content is checked here against the standard's rules and
 * the Selectielijst, not only by importing it (../uitwisseling tests that).
 */

const text = readFileSync(DEMO_CATALOGUS_FILE, 'utf8');
const { file, problems } = readExportFile(JSON.parse(text));
if (!file) throw new Error(`demo catalogue unreadable: ${JSON.stringify(problems)}`);
const demo = file;

function zaaktype(omschrijving: string): ZaaktypeExport {
  const found = demo.zaaktypen.find((candidate) => candidate.omschrijving === omschrijving);
  if (!found) throw new Error(`no zaaktype ${omschrijving}`);
  return found;
}

function resultaatOf(resultaattype: Attributes) {
  const uuid = selectielijstUuid('resultaten', String(resultaattype.selectielijstklasse));
  return uuid === undefined ? undefined : findResultaat(uuid);
}

describe('the demo catalogue of Gemeente Voorbeeld', () => {
  it('is a valid exchange file in canonical form (an export of it is the same file)', () => {
    expect(problems).toEqual([]);
    expect(serializeExport(demo)).toBe(text);
  });

  it('holds the eight zaaktypen municipalities run, each with 3–5 statustypen and 2–3 resultaattypen', () => {
    expect(demo.zaaktypen.map((item) => item.omschrijving).sort()).toEqual(
      [
        'Verhuizing doorgeven',
        'Aanvraag parkeervergunning',
        'Melding openbare ruimte',
        'Evenementenvergunning',
        'Aanvraag uittreksel BRP',
        'Bezwaarschrift',
        'Kapvergunning',
        'Wmo-melding',
      ].sort(),
    );
    for (const item of demo.zaaktypen) {
      expect(item.statustypen.length, String(item.identificatie)).toBeGreaterThanOrEqual(3);
      expect(item.statustypen.length, String(item.identificatie)).toBeLessThanOrEqual(5);
      expect(item.resultaattypen.length, String(item.identificatie)).toBeGreaterThanOrEqual(2);
      expect(item.resultaattypen.length, String(item.identificatie)).toBeLessThanOrEqual(3);
      expect(item.roltypen.map((rol) => rol.omschrijvingGeneriek)).toEqual(expect.arrayContaining(['initiator', 'behandelaar']));
    }
  });

  it('ztc-001/ztc-002: binds every resultaattype to a Selectielijst resultaat of its zaaktype’s procestype, with its waardering and bewaartermijn', () => {
    const expectedProcestype: Record<string, number> = {
      'Verhuizing doorgeven': 7,
      'Aanvraag parkeervergunning': 11,
      'Melding openbare ruimte': 15,
      Evenementenvergunning: 11,
      'Aanvraag uittreksel BRP': 5,
      Bezwaarschrift: 13,
      Kapvergunning: 11,
      'Wmo-melding': 8,
    };
    for (const item of demo.zaaktypen) {
      const procestypeUuid = selectielijstUuid('procestypen', String(item.selectielijstProcestype));
      const procestype = procestypeUuid === undefined ? undefined : findProcestype(procestypeUuid);
      expect(procestype?.nummer, String(item.omschrijving)).toBe(expectedProcestype[String(item.omschrijving)]);
      for (const resultaattype of item.resultaattypen) {
        const resultaat = resultaatOf(resultaattype);
        expect(resultaat?.procesType, `${item.identificatie} ${resultaattype.omschrijving}`).toBe(procestypeUuid);
        expect(resultaattype.archiefnominatie).toBe(resultaat?.waardering);
        expect(resultaattype.archiefactietermijn).toBe(resultaat?.bewaartermijn);
      }
    }
  });

  it('ztc-003 to ztc-008: derives every brondatum in a way the Selectielijst procestermijn allows', () => {
    for (const item of demo.zaaktypen) {
      const eigenschapNamen = item.eigenschappen.map((eigenschap) => eigenschap.naam);
      for (const resultaattype of item.resultaattypen) {
        const brondatum = resultaattype.brondatumArchiefprocedure as Attributes;
        const procestermijn = resultaatOf(resultaattype)?.procestermijn;
        const at = `${item.identificatie} ${resultaattype.omschrijving}`;
        if (procestermijn === 'nihil') expect(brondatum.afleidingswijze, at).toBe('afgehandeld');
        if (procestermijn === 'ingeschatte_bestaansduur_procesobject') expect(brondatum.afleidingswijze, at).toBe('termijn');
        // Datumkenmerk only for eigenschap/zaakobject/ander_datumkenmerk; here it names one of the zaaktype's eigenschappen.
        if (brondatum.afleidingswijze === 'eigenschap') expect(eigenschapNamen, at).toContain(brondatum.datumkenmerk);
        else expect(brondatum.datumkenmerk, at).toBeUndefined();
        expect(brondatum.objecttype, at).toBeUndefined();
        expect(brondatum.registratie, at).toBeUndefined();
        expect(brondatum.procestermijn, at).toBeUndefined();
      }
    }
  });

  it('ztc-015: specifies every date eigenschap with length 8', () => {
    const dates = demo.zaaktypen.flatMap((item) => item.eigenschappen).filter((eigenschap) => (eigenschap.specificatie as Attributes).formaat === 'datum');
    expect(dates.length).toBeGreaterThan(0);
    for (const eigenschap of dates) expect((eigenschap.specificatie as Attributes).lengte).toBe('8');
  });

  it('names only informatieobjecttypen and besluittypen the catalogue holds', () => {
    const informatieobjecttypen = new Set(demo.informatieobjecttypen.map((item) => item.omschrijving));
    const besluittypen = new Set(demo.besluittypen.map((item) => item.omschrijving));
    const named = (value: unknown) => (Array.isArray(value) ? value : []);
    for (const item of demo.besluittypen) for (const naam of named(item.informatieobjecttypen)) expect(informatieobjecttypen).toContain(naam);
    for (const item of demo.zaaktypen) {
      for (const naam of named(item.besluittypen)) expect(besluittypen).toContain(naam);
      for (const ziot of item.zaaktypeInformatieobjecttypen) expect(informatieobjecttypen).toContain(ziot.informatieobjecttype);
      for (const resultaattype of item.resultaattypen) {
        for (const naam of named(resultaattype.besluittypen)) expect(besluittypen).toContain(naam);
        for (const naam of named(resultaattype.informatieobjecttypen)) expect(informatieobjecttypen).toContain(naam);
      }
    }
  });

  it('uses the legal terms: Awb 7:10 for bezwaar, Omgevingswet for kappen, Wmo 2015 for the onderzoek, Awb 4:13 for APV permits', () => {
    expect(zaaktype('Bezwaarschrift')).toMatchObject({ doorlooptijd: 'P6W', verlengingMogelijk: true, verlengingstermijn: 'P6W' });
    expect(zaaktype('Kapvergunning')).toMatchObject({ doorlooptijd: 'P8W', verlengingMogelijk: true, verlengingstermijn: 'P6W' });
    expect(zaaktype('Wmo-melding')).toMatchObject({ doorlooptijd: 'P6W' });
    expect(zaaktype('Evenementenvergunning')).toMatchObject({ doorlooptijd: 'P8W' });
    expect(zaaktype('Aanvraag parkeervergunning')).toMatchObject({ doorlooptijd: 'P8W' });
    for (const item of demo.zaaktypen) expect(item.servicenorm, String(item.identificatie)).toBeDefined();
  });
});
