import { describe, expect, it } from 'vitest';
import { deelzaakArchiefactiedatum, deriveArchiefparameters, type ArchiveringsRegime } from './archiefparameters.ts';
import type { BrondatumArchiefprocedure, ZaakFacts } from './brondatum.ts';

const FACTS: ZaakFacts = { einddatum: '2024-06-10', hoofdzaak: null, eigenschappen: [], zaakobjecten: [], gerelateerdeZaken: [], besluiten: [] };
const OPEN = { archiefnominatie: null, archiefactiedatum: null };

function regime(afleidingswijze: string, extra: Partial<BrondatumArchiefprocedure> = {}, termijn: string | null = 'P10Y'): ArchiveringsRegime {
  return {
    archiefnominatie: 'vernietigen',
    archiefactietermijn: termijn,
    brondatumArchiefprocedure: { afleidingswijze, datumkenmerk: '', einddatumBekend: false, objecttype: '', registratie: '', procestermijn: null, ...extra },
  };
}

describe('zrc-021: archiving parameters on closing', () => {
  it('takes the archiefnominatie from the resultaattype and counts the archiefactietermijn from the brondatum', () => {
    expect(deriveArchiefparameters(OPEN, regime('afgehandeld'), FACTS)).toEqual({
      ok: true,
      parameters: { archiefnominatie: 'vernietigen', archiefactiedatum: '2034-06-10', brondatum: '2024-06-10' },
    });
  });

  it('keeps an archiefnominatie the zaak already has', () => {
    const outcome = deriveArchiefparameters({ archiefnominatie: 'blijvend_bewaren', archiefactiedatum: null }, regime('afgehandeld'), FACTS);
    expect(outcome).toMatchObject({ ok: true, parameters: { archiefnominatie: 'blijvend_bewaren', archiefactiedatum: '2034-06-10' } });
  });

  it('keeps an archiefactiedatum the zaak already has, and then derives nothing (not even a broken procedure)', () => {
    const outcome = deriveArchiefparameters({ archiefnominatie: null, archiefactiedatum: '2040-01-01' }, regime('termijn'), FACTS);
    expect(outcome).toEqual({ ok: true, parameters: { archiefnominatie: 'vernietigen', archiefactiedatum: '2040-01-01', brondatum: null } });
  });

  it('sets no archiefactiedatum without an archiefactietermijn or a procedure', () => {
    expect(deriveArchiefparameters(OPEN, regime('afgehandeld', {}, null), FACTS)).toMatchObject({ ok: true, parameters: { archiefactiedatum: null } });
    expect(deriveArchiefparameters(OPEN, { archiefnominatie: 'blijvend_bewaren', archiefactietermijn: 'P10Y', brondatumArchiefprocedure: null }, FACTS)).toEqual({
      ok: true,
      parameters: { archiefnominatie: 'blijvend_bewaren', archiefactiedatum: null, brondatum: null },
    });
  });

  it('leaves the archiefactiedatum empty when the brondatum is not known (missing datumkenmerk value)', () => {
    const outcome = deriveArchiefparameters(OPEN, regime('eigenschap', { datumkenmerk: 'vervaldatum' }), FACTS);
    expect(outcome).toEqual({ ok: true, parameters: { archiefnominatie: 'vernietigen', archiefactiedatum: null, brondatum: null } });
  });

  it('refuses to close when the brondatum is not known but the resultaattype says it must be (einddatumBekend)', () => {
    const outcome = deriveArchiefparameters(OPEN, regime('eigenschap', { datumkenmerk: 'vervaldatum', einddatumBekend: true }), FACTS);
    expect(outcome.ok).toBe(false);
    expect(outcome.ok ? '' : outcome.reason).toContain('einddatumBekend');
    // ander_datumkenmerk with einddatumBekend: only a hand-set archiefactiedatum lets the zaak close.
    expect(deriveArchiefparameters(OPEN, regime('ander_datumkenmerk', { einddatumBekend: true }), FACTS).ok).toBe(false);
    expect(deriveArchiefparameters({ archiefnominatie: null, archiefactiedatum: '2040-01-01' }, regime('ander_datumkenmerk', { einddatumBekend: true }), FACTS).ok).toBe(true);
  });

  it('refuses an unusable procedure or archiefactietermijn', () => {
    expect(deriveArchiefparameters(OPEN, regime('termijn'), FACTS).ok).toBe(false);
    expect(deriveArchiefparameters(OPEN, regime('afgehandeld', {}, 'tien jaar'), FACTS).ok).toBe(false);
  });

  it('counts from the brondatum of each afleidingswijze', () => {
    const withData: ZaakFacts = {
      ...FACTS,
      hoofdzaak: { einddatum: '2024-01-01' },
      eigenschappen: [{ naam: 'vervaldatum', waarde: '20250101' }],
      zaakobjecten: [{ objectType: 'overige', objectIdentificatie: { overigeData: { datum: '2026-01-01' } } }],
      gerelateerdeZaken: [{ einddatum: '2023-01-01' }],
      besluiten: [{ ingangsdatum: '2024-03-01', vervaldatum: '2029-03-01' }],
    };
    const cases: [string, Partial<BrondatumArchiefprocedure>, string][] = [
      ['afgehandeld', {}, '2034-06-10'],
      ['hoofdzaak', {}, '2034-01-01'],
      ['eigenschap', { datumkenmerk: 'vervaldatum' }, '2035-01-01'],
      ['zaakobject', { objecttype: 'overige', datumkenmerk: 'overigeData.datum' }, '2036-01-01'],
      ['termijn', { procestermijn: 'P2Y' }, '2036-06-10'],
      ['gerelateerde_zaak', {}, '2033-01-01'],
      ['ingangsdatum_besluit', {}, '2034-03-01'],
      ['vervaldatum_besluit', {}, '2039-03-01'],
    ];
    for (const [afleidingswijze, extra, expected] of cases) {
      expect(deriveArchiefparameters(OPEN, regime(afleidingswijze, extra), withData), afleidingswijze).toMatchObject({ ok: true, parameters: { archiefactiedatum: expected } });
    }
    expect(deriveArchiefparameters(OPEN, regime('ander_datumkenmerk'), withData)).toMatchObject({ ok: true, parameters: { archiefactiedatum: null } });
  });

  it('gives a deelzaak that counts from its hoofdzaak its date once the hoofdzaak closes, and none when it reopens', () => {
    expect(deelzaakArchiefactiedatum(regime('hoofdzaak', {}, 'P5Y'), '2024-06-10')).toBe('2029-06-10');
    expect(deelzaakArchiefactiedatum(regime('hoofdzaak', {}, 'P5Y'), null)).toBeNull();
    expect(deelzaakArchiefactiedatum(regime('hoofdzaak', {}, null), '2024-06-10')).toBeNull();
  });
});
