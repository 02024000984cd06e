import { describe, expect, it } from 'vitest';
import { maskPersonalData } from './mask.ts';
import { loggedQuery } from './service.ts';

describe('masking personal data before the search log stores it', () => {
  it.each([
    ['uittreksel 123456782', 'uittreksel [bsn]'],
    ['bsn 123.456.782 paspoort', 'bsn [bsn] paspoort'],
    ['bsn 12 34 56 782', 'bsn [bsn]'],
    ['012345672', '[bsn]'],
    ['mail jan.de.vries@example.nl over afval', 'mail [e-mail] over afval'],
    ['bel me op 06-12345678', 'bel me op [telefoonnummer]'],
    ['0612345678 terugbellen', '[telefoonnummer] terugbellen'],
    ['+31 6 12345678', '[telefoonnummer]'],
    ['020 123 4567 balie', '[telefoonnummer] balie'],
    ['NL91 ABNA 0417 1643 00 terugbetaling', '[rekeningnummer] terugbetaling'],
    ['klantnummer 88776655443', 'klantnummer [nummer]'],
    ['grofvuil 1234 AB 12', 'grofvuil [adres]'],
  ])('masks %j', (input, expected) => {
    expect(maskPersonalData(input)).toBe(expected);
  });

  it.each(['paspoort kwijt', 'kosten 2026', 'parkeervergunning 2 auto’s', 'afval 1 januari', 'grofvuil 4 keer per jaar'])('keeps an ordinary query %j', (query) => {
    expect(maskPersonalData(query)).toBe(query);
  });

  it('stores a query lower case with single spaces, masked', () => {
    expect(loggedQuery('  Paspoort   KWIJT  jan@Example.NL ')).toBe('paspoort kwijt [e-mail]');
  });

  it('cuts a very long query', () => {
    expect(loggedQuery('a'.repeat(1000)).length).toBe(200);
  });
});
