import { describe, expect, it } from 'vitest';
import { controleerContactverzoek, type ContactverzoekInvoer } from './invoer.ts';
import { isTeLaat, plusWerkdagen } from './termijn.ts';

const TEAM = 'team:0d3f6a52-9c1e-4f55-8f3a-6b7e2b1c9d01';
const toegestaan = new Set([TEAM]);
const GOED: ContactverzoekInvoer = { gevraagdeHandeling: 'Terugbellen', vraag: 'Wanneer wordt de container geleegd?', naam: 'Fatima El Amrani', telefoon: '06 1234 5678', email: '', voorkeur: 'na 16.00 uur', deadline: '2026-11-26', ontvanger: TEAM };

describe('the hand-over form rules', () => {
  it('accepts a complete contactverzoek and normalises the phone number', () => {
    const controle = controleerContactverzoek(GOED, { today: '2026-11-24', toegestaan });
    expect(controle.fouten).toBeUndefined();
    expect(controle.contactverzoek).toMatchObject({ telefoon: '0612345678', deadline: '2026-11-26', ontvanger: { soort: 'team', id: TEAM.slice(5) } });
  });

  it('names every problem at once, each for its own field', () => {
    const controle = controleerContactverzoek({ ...GOED, vraag: ' ', naam: '', telefoon: '', email: '', deadline: '31-02-2026', ontvanger: '' }, { today: '2026-11-24', toegestaan });
    expect(controle.fouten).toEqual({
      vraag: 'Vul de vraag van de klant in.',
      naam: 'Vul de naam in van wie teruggebeld of gemaild wil worden.',
      bereikbaarheid: 'Vul een telefoonnummer of een e-mailadres in, zodat de behandelaar contact kan opnemen.',
      deadline: 'Dit is geen datum. Vul een datum in zoals 27-11-2026.',
      ontvanger: 'Kies een team of een medewerker.',
    });
  });

  it('checks the e-mail address with the one mail-address rule, the phone number, the deadline and the recipient', () => {
    const controle = controleerContactverzoek({ ...GOED, telefoon: 'bel me', email: 'naam@voorbeeld', deadline: '2026-11-23', ontvanger: 'team:5b0e9c5e-0000-4000-8000-000000000000' }, { today: '2026-11-24', toegestaan });
    expect(controle.fouten).toEqual({
      telefoon: 'Dit is geen telefoonnummer. Vul 10 cijfers in, zoals 0612345678, of met +31.',
      email: 'Dit is geen e-mailadres. Vul een adres in zoals naam@voorbeeld.nl.',
      deadline: 'De deadline ligt in het verleden. Kies 24-11-2026 of later.',
      ontvanger: 'Kies een team of een medewerker uit de lijst.',
    });
    expect(controleerContactverzoek({ ...GOED, telefoon: '', email: 'a"b@voorbeeld.nl' }, { today: '2026-11-24', toegestaan }).fouten).toEqual({ email: 'Dit is geen e-mailadres. Vul een adres in zoals naam@voorbeeld.nl.' });
    expect(controleerContactverzoek({ ...GOED, telefoon: '', email: 'fatima@voorbeeld.nl', deadline: '2026-11-24' }, { today: '2026-11-24', toegestaan }).contactverzoek?.email).toBe('fatima@voorbeeld.nl');
  });

  it('counts the default deadline in working days and flags an open one whose day has passed', () => {
    expect(plusWerkdagen('2026-11-24', 2)).toBe('2026-11-26'); // Tuesday → Thursday
    expect(plusWerkdagen('2026-11-27', 2)).toBe('2026-12-01'); // Friday → Tuesday
    expect(plusWerkdagen('2026-11-28', 0)).toBe('2026-11-30'); // Saturday → Monday
    // Public holidays are not working days: Christmas, Easter Monday, King's Day and Ascension Day are skipped.
    expect(plusWerkdagen('2026-12-24', 2)).toBe('2026-12-29'); // Thursday → Tuesday after Christmas
    expect(plusWerkdagen('2026-04-03', 1)).toBe('2026-04-07'); // Good Friday (a working day) → past Easter Monday
    expect(plusWerkdagen('2026-04-24', 1)).toBe('2026-04-28'); // Friday → past King's Day on Monday the 27th
    expect(plusWerkdagen('2026-05-13', 1)).toBe('2026-05-15'); // Wednesday → past Ascension Day
    expect(plusWerkdagen('2026-12-25', 0)).toBe('2026-12-28'); // zero days from Christmas: the next working day
    expect(isTeLaat('2026-11-26', false, '2026-11-26')).toBe(false);
    expect(isTeLaat('2026-11-26', false, '2026-11-27')).toBe(true);
    expect(isTeLaat('2026-11-26', true, '2026-11-27')).toBe(false);
  });
});
