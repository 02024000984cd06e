import { describe, expect, it } from 'vitest';
import { VERTROUWELIJKHEIDAANDUIDINGEN } from '../platform/auth/autorisaties.ts';
import { isValidBsn } from '../platform/personal-data/bsn.ts';
import { findProcestype, findResultaat } from '../components/referentielijsten/repository.ts';
import { selectielijstUuid } from '../components/catalogi/uitwisseling/selectielijst.ts';
import { addPeriod, utcDate } from './calendar.ts';
import { planCatalogue } from './catalogue.ts';
import { closingChance, createZaakGenerator, type GeneratedZaak } from './zaak-generator.ts';
import { createZaakTimeline } from './zaak-timeline.ts';
import { ZAAKTYPE_TEMPLATES } from './zaaktype-templates.ts';

const TENANT = '00000000-0000-4000-8000-000000000001';
const RSIN = '123456782';
const NOW = new Date('2026-03-18T09:30:00Z');
const COUNT = 20_000;

const { catalogue } = planCatalogue({ tenantId: TENANT, rsin: RSIN, domein: 'BN001', zaaktypen: 20, beginGeldigheid: '2020-01-01' });
const timeline = createZaakTimeline(COUNT, 6, NOW);
const generate = createZaakGenerator({ tenantId: TENANT, rsin: RSIN, zaaktypen: catalogue.zaaktypen, timeline, identificatie: (index) => `ZAAK-T-${index}`, seed: 7 });
const zaken: GeneratedZaak[] = Array.from({ length: COUNT }, (_, index) => generate(index));
const zaaktypeOf = (zaak: GeneratedZaak) => {
  const zaaktype = catalogue.zaaktypen.find((candidate) => candidate.uuid === zaak.zaak.zaaktype_uuid);
  if (!zaaktype) throw new Error('unknown zaaktype');
  return zaaktype;
};
const time = (value: unknown) => (value as Date).getTime();

/** Collects the zaken that break a rule, so one failure names them all without 20,000 assertions. */
function violations(rule: (zaak: GeneratedZaak) => string | undefined): string[] {
  return zaken.flatMap((zaak) => {
    const problem = rule(zaak);
    return problem === undefined ? [] : [`${String(zaak.zaak.identificatie)}: ${problem}`];
  });
}

describe('seeded zaken', () => {
  it('binds every zaaktype template to its Selectielijst procestype and resultaten of that procestype', () => {
    expect(catalogue.zaaktypen).toHaveLength(20);
    expect(new Set(catalogue.zaaktypen.map((zaaktype) => zaaktype.identificatie)).size).toBe(20);
    for (const zaaktype of catalogue.zaaktypen) {
      for (const resultaattype of zaaktype.resultaattypen) {
        const resultaat = findResultaat(selectielijstUuid('resultaten', resultaattype.binding.selectielijstklasse) ?? '');
        expect(resultaat?.procestermijn).toBe('nihil');
        expect(findProcestype(resultaat?.procesType ?? '')?.nummer).toBe(zaaktype.template.procestype);
        expect(resultaattype.binding.archiefactietermijn).toBe(resultaat?.bewaartermijn);
      }
    }
  });

  it('repeats the templates with a round number when more zaaktypen are asked for than there are templates', () => {
    const many = planCatalogue({ tenantId: TENANT, rsin: RSIN, domein: 'BN002', zaaktypen: ZAAKTYPE_TEMPLATES.length + 2, beginGeldigheid: '2020-01-01' }).catalogue;
    const identificaties = many.zaaktypen.map((zaaktype) => zaaktype.identificatie);
    expect(new Set(identificaties).size).toBe(identificaties.length);
    expect(identificaties.at(-1)).toBe(`${ZAAKTYPE_TEMPLATES[1]?.identificatie}-2`);
  });

  it('gives the same zaak for the same seed and number (apart from uuids)', () => {
    const again = createZaakGenerator({ tenantId: TENANT, rsin: RSIN, zaaktypen: catalogue.zaaktypen, timeline, identificatie: (index) => `ZAAK-T-${index}`, seed: 7 });
    const withoutUuids = (zaak: GeneratedZaak) => JSON.stringify(zaak, (key, value: unknown) => (key === 'uuid' || key === 'zaak_uuid' || key === 'gezetdoor_rol_uuid' ? undefined : value));
    expect(withoutUuids(again(1234))).toBe(withoutUuids(zaken[1234] as GeneratedZaak));
  });

  it('registers zaken in number order, each starting on or before its registratiedatum', () => {
    expect(violations((zaak) => (String(zaak.zaak.startdatum) > String(zaak.zaak.registratiedatum) ? 'starts after registration' : undefined))).toEqual([]);
    expect(violations((zaak) => (utcDate(zaak.zaak.created_at as Date) !== zaak.zaak.registratiedatum ? 'registratiedatum is not the day of created_at' : undefined))).toEqual([]);
    const times = zaken.map((zaak) => time(zaak.zaak.created_at));
    expect(times.every((at, index) => index === 0 || at >= (times[index - 1] ?? 0))).toBe(true);
  });

  it('zrc-016: gives each zaak 1–3 statussen of its own zaaktype, in volgnummer and time order, the first at registration', () => {
    expect(
      violations((zaak) => {
        const order = zaaktypeOf(zaak).statustypen;
        if (zaak.statussen.length < 1 || zaak.statussen.length > 3) return `${zaak.statussen.length} statussen`;
        if (time(zaak.statussen[0]?.datum_status_gezet) !== time(zaak.zaak.created_at)) return 'first status not at registration';
        const positions = zaak.statussen.map((status) => order.indexOf(String(status.statustype_uuid)));
        if (positions.some((position, index) => position < 0 || (index > 0 && position <= (positions[index - 1] ?? -1)))) return 'statustypen out of order';
        const moments = zaak.statussen.map((status) => time(status.datum_status_gezet));
        if (moments.some((moment, index) => index > 0 && moment <= (moments[index - 1] ?? 0))) return 'statussen not in time order';
        if (moments.some((moment) => moment > NOW.getTime())) return 'status in the future';
        return undefined;
      }),
    ).toEqual([]);
  });

  it('zrc-007: closes a zaak with its eindstatus, on the day of that status, after a resultaat of its own zaaktype (zrc-020)', () => {
    expect(
      violations((zaak) => {
        const zaaktype = zaaktypeOf(zaak);
        const last = zaak.statussen.at(-1);
        const eindstatus = last?.statustype_uuid === zaaktype.statustypen.at(-1);
        const closed = zaak.zaak.einddatum !== null;
        if (closed !== eindstatus) return 'einddatum and eindstatus disagree';
        if (closed !== (zaak.resultaat !== undefined)) return 'einddatum and resultaat disagree';
        if (!closed || !last || !zaak.resultaat) return undefined;
        if (utcDate(last.datum_status_gezet as Date) !== zaak.zaak.einddatum) return 'einddatum is not the day of the eindstatus';
        if (String(zaak.zaak.einddatum) > timeline.lastDay) return 'closed in the future';
        if (!zaaktype.resultaattypen.some((resultaattype) => resultaattype.uuid === zaak.resultaat?.resultaattype_uuid)) return 'resultaattype of another zaaktype';
        if (time(zaak.resultaat.created_at) >= time(last.datum_status_gezet)) return 'resultaat after the eindstatus';
        return undefined;
      }),
    ).toEqual([]);
  });

  it('zrc-021: derives archiefnominatie and archiefactiedatum of a closed zaak from its resultaattype, counted from the einddatum', () => {
    expect(
      violations((zaak) => {
        if (!zaak.resultaat) return zaak.zaak.archiefnominatie === null && zaak.zaak.archiefactiedatum === null ? undefined : 'open zaak with archiving parameters';
        const resultaattype = zaaktypeOf(zaak).resultaattypen.find((candidate) => candidate.uuid === zaak.resultaat?.resultaattype_uuid);
        if (!resultaattype) return 'no resultaattype';
        if (zaak.zaak.archiefnominatie !== resultaattype.binding.archiefnominatie) return 'archiefnominatie';
        if (zaak.zaak.archiefactiedatum !== addPeriod(String(zaak.zaak.einddatum), resultaattype.binding.archiefactietermijn)) return 'archiefactiedatum';
        return undefined;
      }),
    ).toEqual([]);
  });

  it('derives the planned and latest end dates from the zaaktype servicenorm and doorlooptijd', () => {
    expect(
      violations((zaak) => {
        const { template } = zaaktypeOf(zaak);
        if (zaak.zaak.uiterlijke_einddatum_afdoening !== addPeriod(String(zaak.zaak.startdatum), template.doorlooptijd)) return 'uiterlijke einddatum';
        const gepland = template.servicenorm ? addPeriod(String(zaak.zaak.startdatum), template.servicenorm) : null;
        return zaak.zaak.einddatum_gepland === gepland ? undefined : 'einddatum gepland';
      }),
    ).toEqual([]);
  });

  it('zrc-019: gives each zaak an initiator and at most a behandelaar besides (who sets the later statussen), with roltypen of its zaaktype and valid test BSNs', () => {
    expect(
      violations((zaak) => {
        const { roltypen } = zaaktypeOf(zaak);
        const [initiator, ...others] = zaak.rollen;
        if (!initiator || initiator.roltype_uuid !== roltypen.initiator || initiator.omschrijving_generiek !== 'initiator') return 'no initiator';
        if (others.length > 1 || others.some((rol) => rol.roltype_uuid !== roltypen.behandelaar || rol.betrokkene_type !== 'medewerker')) return 'unexpected rollen';
        const behandelaar = zaak.rollen[1];
        if (zaak.statussen.some((status, index) => status.gezetdoor_rol_uuid !== (index > 0 && behandelaar ? behandelaar.uuid : null))) return 'gezetdoor is not the behandelaar';
        for (const rol of zaak.rollen) {
          if (rol.betrokkene_type === 'natuurlijk_persoon' && !(isValidBsn(String(rol.inp_bsn)) && String(rol.inp_bsn).startsWith('999'))) return `BSN ${String(rol.inp_bsn)}`;
          if (rol.betrokkene_type === 'medewerker' && rol.medewerker_identificatie === null) return 'medewerker without identificatie';
        }
        return undefined;
      }),
    ).toEqual([]);
  });

  it('mixes zaaktypen, vertrouwelijkheidaanduidingen, betrokkenen and open and closed zaken', () => {
    expect(new Set(zaken.map((zaak) => zaak.zaak.zaaktype_uuid)).size).toBe(20);
    expect(new Set(zaken.map((zaak) => zaak.zaak.vertrouwelijkheidaanduiding))).toEqual(new Set(VERTROUWELIJKHEIDAANDUIDINGEN));
    const rollen = zaken.flatMap((zaak) => zaak.rollen);
    expect(rollen.filter((rol) => rol.betrokkene_type === 'natuurlijk_persoon').length / zaken.length).toBeGreaterThan(0.5);
    expect(rollen.some((rol) => rol.betrokkene_type === 'medewerker' && rol.omschrijving_generiek === 'initiator')).toBe(true);
    const closed = zaken.filter((zaak) => zaak.zaak.einddatum !== null).length / zaken.length;
    // Over six years nearly all older zaken are done; the last weeks' are mostly open.
    expect(closed).toBeGreaterThan(0.9);
    expect(closed).toBeLessThan(0.99);
    expect(zaken.slice(-50).some((zaak) => zaak.zaak.einddatum === null)).toBe(true);
    expect(new Set(zaken.map((zaak) => zaak.statussen.length))).toEqual(new Set([1, 2, 3]));
    expect(new Set(zaken.map((zaak) => zaak.rollen.length))).toEqual(new Set([1, 2]));
  });

  it('closes a zaak more likely the longer it runs past its doorlooptijd', () => {
    expect(closingChance(0, 56)).toBe(0);
    expect(closingChance(28, 56)).toBeCloseTo(0.3);
    expect(closingChance(56, 56)).toBe(0.85);
    expect(closingChance(400, 56)).toBe(0.97);
  });
});
