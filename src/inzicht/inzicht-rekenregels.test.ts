import { describe, expect, it } from 'vitest';
import { percentiel } from './cijfers/percentielen.ts';
import { onderdruk } from './cijfers/open-data.ts';
import { leesFilters } from './filters.ts';
import { indelingVan, vakken, vakLabel } from './periode.ts';
import { tabelCsv } from './weergave/tabel.ts';
import { beschrijving } from './weergave/grafiek.ts';

describe('inzicht calculation rules', () => {
  it('takes percentiles from a histogram by nearest rank', () => {
    expect(percentiel([], 0.5)).toBeNull();
    expect(percentiel([{ dagen: 7, aantal: 1 }], 0.9)).toBe(7);
    // 10 zaken: 4 took 2 days, 5 took 10, 1 took 40. Median is the 5th (10 days), p90 the 9th (10 days).
    const histogram = [{ dagen: 10, aantal: 5 }, { dagen: 2, aantal: 4 }, { dagen: 40, aantal: 1 }];
    expect(percentiel(histogram, 0.5)).toBe(10);
    expect(percentiel(histogram, 0.9)).toBe(10);
    expect(percentiel(histogram, 0.4)).toBe(2);
    expect(percentiel(histogram, 1)).toBe(40);
  });

  it('suppresses counts from 1 to 9 and publishes 0 and 10 or more', () => {
    expect([0, 1, 9, 10, 250].map(onderdruk)).toEqual([0, null, null, 10, 250]);
  });

  it('reads filters, names every wrong value and falls back to the default period', () => {
    expect(leesFilters({}, '2027-03-31').filters).toEqual({ van: '2027-01-07', tot: '2027-03-31' });
    const fout = leesFilters({ van: '2027-02-30', kanaal: 'duif', team: 'x' }, '2027-03-31');
    expect(fout.fouten.map((item) => item.veld)).toEqual(['van', 'kanaal', 'team']);
    expect(fout.filters).toEqual({ van: '2027-01-07', tot: '2027-03-31' });
    expect(leesFilters({ van: '2027-03-01', tot: '2027-02-01' }, '2027-03-31').fouten[0]?.melding).toContain('vóór de begindatum');
    expect(leesFilters({ van: '2010-01-01', tot: '2027-01-01' }, '2027-03-31').fouten[0]?.veld).toBe('van');
    expect(leesFilters({ van: '2027-01-01', tot: '2027-01-31', kanaal: 'balie', zoekkanaal: 'kcc' }, '2027-03-31').filters).toEqual({ van: '2027-01-01', tot: '2027-01-31', kanaal: 'balie', zoekkanaal: 'kcc' });
  });

  it('splits a period into Monday weeks up to half a year and into months beyond', () => {
    expect(indelingVan({ van: '2027-01-01', tot: '2027-06-30' })).toBe('week');
    expect(indelingVan({ van: '2027-01-01', tot: '2027-12-31' })).toBe('maand');
    expect(vakken({ van: '2027-01-06', tot: '2027-01-18' }, 'week')).toEqual(['2027-01-04', '2027-01-11', '2027-01-18']);
    expect(vakken({ van: '2026-11-15', tot: '2027-02-01' }, 'maand')).toEqual(['2026-11-01', '2026-12-01', '2027-01-01', '2027-02-01']);
    expect(vakLabel('2027-01-04', 'week')).toBe('4 jan');
    expect(vakLabel('2027-02-01', 'maand')).toBe('feb 2027');
  });

  it('writes CSV with semicolons, quotes where needed and defuses formulas typed into search terms', () => {
    const csv = tabelCsv({ id: 't', titel: 'T', leeg: '', kolommen: [{ kop: 'Zoekterm' }, { kop: 'Aantal', getal: true }], rijen: [['=HYPERLINK("x")', 3], ['a;b', null], [{ tekst: 'Paspoort', href: '/x' }, 1200]] });
    expect(csv).toBe('Zoekterm;Aantal\r\n"\'=HYPERLINK(""x"")";3\r\n"a;b";\r\nPaspoort;1200\r\n');
  });

  it('describes a chart in words for assistive technology', () => {
    expect(beschrijving('Contacten per kanaal', [{ label: 'Telefoon', waarde: 1200 }, { label: 'Chat', waarde: 3 }], 'contacten')).toBe(
      'Contacten per kanaal, 2 staven. Hoogste: Telefoon met 1.200 contacten. Laagste: Chat met 3 contacten. De tabel bij de grafiek geeft alle cijfers.',
    );
    expect(beschrijving('Contacten per kanaal', [], 'contacten')).toBe('Contacten per kanaal: geen gegevens in deze periode.');
  });
});
