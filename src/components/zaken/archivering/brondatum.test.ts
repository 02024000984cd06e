import { describe, expect, it } from 'vitest';
import { deriveBrondatum, type BrondatumArchiefprocedure, type ZaakFacts } from './brondatum.ts';

/** A zaak closing on 2024-06-10 with no related data; each test adds what its afleidingswijze reads. */
function facts(extra: Partial<ZaakFacts> = {}): ZaakFacts {
  return { einddatum: '2024-06-10', hoofdzaak: null, eigenschappen: [], zaakobjecten: [], gerelateerdeZaken: [], besluiten: [], ...extra };
}

function procedure(afleidingswijze: string, extra: Partial<BrondatumArchiefprocedure> = {}): BrondatumArchiefprocedure {
  return { afleidingswijze, datumkenmerk: '', einddatumBekend: false, objecttype: '', registratie: '', procestermijn: null, ...extra };
}

describe('zrc-021: the brondatum per afleidingswijze', () => {
  it('afgehandeld: the zaak’s einddatum', () => {
    expect(deriveBrondatum(procedure('afgehandeld'), facts())).toEqual({ kind: 'date', date: '2024-06-10' });
  });

  describe('hoofdzaak', () => {
    it('is the hoofdzaak’s einddatum', () => {
      expect(deriveBrondatum(procedure('hoofdzaak'), facts({ hoofdzaak: { einddatum: '2024-05-01' } }))).toEqual({ kind: 'date', date: '2024-05-01' });
    });

    it('is unknown while the hoofdzaak is open, and for a zaak that is no deelzaak', () => {
      expect(deriveBrondatum(procedure('hoofdzaak'), facts({ hoofdzaak: { einddatum: null } })).kind).toBe('unknown');
      expect(deriveBrondatum(procedure('hoofdzaak'), facts()).kind).toBe('unknown');
    });
  });

  describe('eigenschap', () => {
    const datum = procedure('eigenschap', { datumkenmerk: 'vervaldatum' });

    it('is the value of the zaakeigenschap named by datumkenmerk, in either date format', () => {
      const eigenschappen = [
        { naam: 'kenteken', waarde: 'AB-12-CD' },
        { naam: 'vervaldatum', waarde: '20250115' },
      ];
      expect(deriveBrondatum(datum, facts({ eigenschappen }))).toEqual({ kind: 'date', date: '2025-01-15' });
      expect(deriveBrondatum(datum, facts({ eigenschappen: [{ naam: 'vervaldatum', waarde: '2025-01-16' }] }))).toEqual({ kind: 'date', date: '2025-01-16' });
    });

    it('takes the latest when the eigenschap has several values', () => {
      const eigenschappen = [
        { naam: 'vervaldatum', waarde: '20250115' },
        { naam: 'vervaldatum', waarde: '20260101' },
      ];
      expect(deriveBrondatum(datum, facts({ eigenschappen }))).toEqual({ kind: 'date', date: '2026-01-01' });
    });

    it('is unknown when the zaak has no value for it (missing or empty)', () => {
      expect(deriveBrondatum(datum, facts()).kind).toBe('unknown');
      expect(deriveBrondatum(datum, facts({ eigenschappen: [{ naam: 'vervaldatum', waarde: '' }] })).kind).toBe('unknown');
    });

    it('is invalid for a value that is no date, or a procedure without datumkenmerk', () => {
      expect(deriveBrondatum(datum, facts({ eigenschappen: [{ naam: 'vervaldatum', waarde: 'volgend jaar' }] })).kind).toBe('invalid');
      expect(deriveBrondatum(procedure('eigenschap'), facts()).kind).toBe('invalid');
    });
  });

  it('ander_datumkenmerk: not derivable, the archiefactiedatum is set by hand', () => {
    expect(deriveBrondatum(procedure('ander_datumkenmerk', { datumkenmerk: 'overlijdensdatum' }), facts()).kind).toBe('unknown');
  });

  describe('zaakobject', () => {
    const overige = procedure('zaakobject', { objecttype: 'overige', datumkenmerk: 'overigeData.einddatumVergunning' });

    it('is the latest datumkenmerk (a dotted path) of the zaakobjecten of the objecttype', () => {
      const zaakobjecten = [
        { objectType: 'overige', objectIdentificatie: { overigeData: { einddatumVergunning: '2030-01-01' } } },
        { objectType: 'overige', objectIdentificatie: { overigeData: { einddatumVergunning: '2031-05-05' } } },
        { objectType: 'pand', objectIdentificatie: { einddatumVergunning: '2099-01-01' } },
      ];
      expect(deriveBrondatum(overige, facts({ zaakobjecten }))).toEqual({ kind: 'date', date: '2031-05-05' });
    });

    it('reads a top-level attribute too', () => {
      const woz = procedure('zaakobject', { objecttype: 'woz_waarde', datumkenmerk: 'waardepeildatum' });
      expect(deriveBrondatum(woz, facts({ zaakobjecten: [{ objectType: 'woz_waarde', objectIdentificatie: { waardepeildatum: '20230101' } }] }))).toEqual({
        kind: 'date',
        date: '2023-01-01',
      });
    });

    it('is unknown when no zaakobject of the type has the attribute', () => {
      expect(deriveBrondatum(overige, facts()).kind).toBe('unknown');
      expect(deriveBrondatum(overige, facts({ zaakobjecten: [{ objectType: 'overige', objectIdentificatie: { overigeData: {} } }] })).kind).toBe('unknown');
      expect(deriveBrondatum(overige, facts({ zaakobjecten: [{ objectType: 'overige', objectIdentificatie: undefined }] })).kind).toBe('unknown');
    });

    it('is invalid for an attribute that is no date, or a procedure without objecttype or datumkenmerk', () => {
      const zaakobjecten = [{ objectType: 'overige', objectIdentificatie: { overigeData: { einddatumVergunning: 'onbekend' } } }];
      expect(deriveBrondatum(overige, facts({ zaakobjecten })).kind).toBe('invalid');
      expect(deriveBrondatum(procedure('zaakobject', { datumkenmerk: 'x' }), facts()).kind).toBe('invalid');
      expect(deriveBrondatum(procedure('zaakobject', { objecttype: 'pand' }), facts()).kind).toBe('invalid');
    });
  });

  describe('termijn', () => {
    it('is the einddatum plus the procestermijn', () => {
      expect(deriveBrondatum(procedure('termijn', { procestermijn: 'P5Y' }), facts())).toEqual({ kind: 'date', date: '2029-06-10' });
      expect(deriveBrondatum(procedure('termijn', { procestermijn: 'P1M' }), facts({ einddatum: '2024-01-31' }))).toEqual({ kind: 'date', date: '2024-02-29' });
    });

    it('is invalid without a usable procestermijn', () => {
      expect(deriveBrondatum(procedure('termijn'), facts()).kind).toBe('invalid');
      expect(deriveBrondatum(procedure('termijn', { procestermijn: 'vijf jaar' }), facts()).kind).toBe('invalid');
    });
  });

  describe('gerelateerde_zaak', () => {
    it('is the latest einddatum of the related zaken that are closed', () => {
      const gerelateerdeZaken = [{ einddatum: '2024-01-01' }, { einddatum: null }, { einddatum: '2024-03-03' }];
      expect(deriveBrondatum(procedure('gerelateerde_zaak'), facts({ gerelateerdeZaken }))).toEqual({ kind: 'date', date: '2024-03-03' });
    });

    it('is unknown without related zaken or when none of them is closed', () => {
      expect(deriveBrondatum(procedure('gerelateerde_zaak'), facts()).kind).toBe('unknown');
      expect(deriveBrondatum(procedure('gerelateerde_zaak'), facts({ gerelateerdeZaken: [{ einddatum: null }] })).kind).toBe('unknown');
    });
  });

  describe('ingangsdatum_besluit and vervaldatum_besluit', () => {
    const besluiten = [
      { ingangsdatum: '2024-02-01', vervaldatum: '2026-02-01' },
      { ingangsdatum: '2024-04-01', vervaldatum: null },
      { ingangsdatum: '2023-12-01', vervaldatum: '2027-01-01' },
    ];

    it('is the latest ingangsdatum of the zaak’s besluiten', () => {
      expect(deriveBrondatum(procedure('ingangsdatum_besluit'), facts({ besluiten }))).toEqual({ kind: 'date', date: '2024-04-01' });
    });

    it('is the latest vervaldatum of the zaak’s besluiten (besluiten without one do not count)', () => {
      expect(deriveBrondatum(procedure('vervaldatum_besluit'), facts({ besluiten }))).toEqual({ kind: 'date', date: '2027-01-01' });
    });

    it('is unknown without besluiten, or when no besluit has a vervaldatum', () => {
      expect(deriveBrondatum(procedure('ingangsdatum_besluit'), facts()).kind).toBe('unknown');
      expect(deriveBrondatum(procedure('vervaldatum_besluit'), facts()).kind).toBe('unknown');
      expect(deriveBrondatum(procedure('vervaldatum_besluit'), facts({ besluiten: [{ ingangsdatum: '2024-01-01', vervaldatum: null }] })).kind).toBe('unknown');
    });
  });

  it('refuses an afleidingswijze the standard does not know', () => {
    expect(deriveBrondatum(procedure('bij_benadering'), facts())).toEqual({ kind: 'invalid', reason: 'Onbekende afleidingswijze "bij_benadering".' });
  });
});
