import { describe, expect, it } from 'vitest';
import { atwFeestdagen, volgendeAtwWerkdag } from '../../../platform/kalender/feestdagen.ts';
import { addDays, atwEinddag, atwTermijn, berekenTermijnen, daysBetween, risicoDagen, termijnBijStart, termijnStand, verlengingBinnenTermijn, verschuifTermijnen } from './awb-termijnen.ts';

describe('the deadlines a zaaktype gives', () => {
  it('is startdatum + doorlooptijd without suspensions or extension, and the service norm beside it', () => {
    const termijnen = berekenTermijnen({ startdatum: '2026-03-02', doorlooptijd: 'P8W', servicenorm: 'P30D', verlenging: null, opschortingen: [] });
    // 27 April 2026 is Koningsdag: the legal deadline runs on to the 28th (Algemene termijnenwet).
    expect(termijnen).toEqual({ oorspronkelijk: '2026-04-27', uiterlijk: '2026-04-28', uiterlijkVoorAtw: '2026-04-27', servicenorm: '2026-04-01', opgeschorteDagen: 0, opgeschortSinds: null });
  });

  it('moves by the days of each finished suspension of a zaak suspended twice', () => {
    // 3 → 10 March: 7 days; 1 → 15 April: 14 days; 21 days in all.
    const termijnen = berekenTermijnen({
      startdatum: '2026-03-02',
      doorlooptijd: 'P8W',
      servicenorm: 'P30D',
      verlenging: null,
      opschortingen: [
        { begindatum: '2026-03-03', einddatum: '2026-03-10' },
        { begindatum: '2026-04-01', einddatum: '2026-04-15' },
      ],
    });
    expect(termijnen.opgeschorteDagen).toBe(21);
    expect(termijnen.uiterlijk).toBe('2026-05-18');
    expect(termijnen.servicenorm).toBe('2026-04-22');
  });

  it('does not move while a suspension still runs, and says since when it runs', () => {
    const termijnen = berekenTermijnen({
      startdatum: '2026-03-02',
      doorlooptijd: 'P8W',
      servicenorm: null,
      verlenging: null,
      opschortingen: [{ begindatum: '2026-03-20', einddatum: null }],
    });
    expect(termijnen.uiterlijk).toBe('2026-04-28');
    expect(termijnen.opgeschortSinds).toBe('2026-03-20');
    expect(termijnen.servicenorm).toBeNull();
  });

  it('adds an extension to the legal deadline only, on top of the suspensions', () => {
    const termijnen = berekenTermijnen({
      startdatum: '2026-03-02',
      doorlooptijd: 'P8W',
      servicenorm: 'P30D',
      verlenging: { duur: 'P6W' },
      opschortingen: [{ begindatum: '2026-03-03', einddatum: '2026-03-10' }],
    });
    // 27 April + 6 weeks = 8 June, + 7 suspended days = 15 June; the service norm moves by the 7 days only.
    expect(termijnen.uiterlijk).toBe('2026-06-15');
    expect(termijnen.servicenorm).toBe('2026-04-08');
  });

  it('counts across month ends and a leap day', () => {
    expect(berekenTermijnen({ startdatum: '2028-01-31', doorlooptijd: 'P1M', servicenorm: null, verlenging: null, opschortingen: [] }).uiterlijk).toBe('2028-02-29');
    expect(daysBetween('2028-02-27', '2028-03-02')).toBe(4);
    expect(addDays('2026-12-30', 5)).toBe('2027-01-04');
    const termijnen = berekenTermijnen({
      startdatum: '2026-01-15',
      doorlooptijd: 'P6W',
      servicenorm: null,
      verlenging: null,
      opschortingen: [{ begindatum: '2026-01-28', einddatum: '2026-02-03' }],
    });
    // 15 January + 6 weeks = 26 February, + 6 days = 4 March.
    expect(termijnen.uiterlijk).toBe('2026-03-04');
  });

  it('allows an extension up to the verlengingstermijn and not beyond', () => {
    expect(verlengingBinnenTermijn('2026-03-02', 'P42D', 'P6W')).toBe(true);
    expect(verlengingBinnenTermijn('2026-03-02', 'P43D', 'P6W')).toBe(false);
  });
});

describe('moving the deadlines a zaak has', () => {
  const zaaktype = { uiterlijk: '2026-04-27', servicenorm: '2026-04-01' };

  it('moves a date set otherwise than the zaaktype gives by the suspended days, both deadlines', () => {
    const huidig = { uiterlijk: '2026-06-01', servicenorm: '2026-05-01' };
    const eerste = verschuifTermijnen(huidig, { soort: 'opschorting', periode: { begindatum: '2026-03-03', einddatum: '2026-03-10' } }, zaaktype);
    expect(eerste).toEqual({ uiterlijk: '2026-06-08', servicenorm: '2026-05-08' });
    const tweede = verschuifTermijnen(eerste, { soort: 'opschorting', periode: { begindatum: '2026-04-01', einddatum: '2026-04-04' } }, zaaktype);
    expect(tweede).toEqual({ uiterlijk: '2026-06-11', servicenorm: '2026-05-11' });
  });

  it('moves only the legal deadline by the extension', () => {
    expect(verschuifTermijnen({ uiterlijk: '2026-06-01', servicenorm: '2026-05-01' }, { soort: 'verlenging', duur: 'P2W' }, zaaktype)).toEqual({ uiterlijk: '2026-06-15', servicenorm: '2026-05-01' });
  });

  it('takes the zaaktype’s deadline only for a date the zaak lacks', () => {
    const moved = verschuifTermijnen({ uiterlijk: null, servicenorm: '2026-05-01' }, { soort: 'opschorting', periode: { begindatum: '2026-03-03', einddatum: '2026-03-10' } }, zaaktype);
    // The zaaktype's 27 April is Koningsdag: the Atw moves it to the 28th.
    expect(moved).toEqual({ uiterlijk: '2026-04-28', uiterlijkVoorAtw: '2026-04-27', servicenorm: '2026-05-08' });
    expect(verschuifTermijnen({ uiterlijk: null, servicenorm: null }, { soort: 'verlenging', duur: 'P7D' }, { uiterlijk: null, servicenorm: null })).toEqual({ uiterlijk: null, servicenorm: null });
  });
});

describe('the Algemene termijnenwet on the legal deadline', () => {
  /** The zaaktype's legal deadline for a zaak whose count (startdatum + 8 weeks) ends on `einde`. */
  const uiterlijkBij = (einde: string) => berekenTermijnen({ startdatum: addDays(einde, -56), doorlooptijd: 'P8W', servicenorm: null, verlenging: null, opschortingen: [] });

  it('moves a deadline on a Saturday or a Sunday to the Monday, and keeps the Awb count beside it', () => {
    expect(uiterlijkBij('2026-06-06')).toMatchObject({ oorspronkelijk: '2026-06-06', uiterlijk: '2026-06-08', uiterlijkVoorAtw: '2026-06-06' });
    expect(uiterlijkBij('2026-06-07')).toMatchObject({ uiterlijk: '2026-06-08', uiterlijkVoorAtw: '2026-06-07' });
  });

  it('moves a deadline on Goede Vrijdag past the Easter weekend and Tweede paasdag', () => {
    // Easter 2026 is 5 April: Friday 3, Saturday 4, Sunday 5 and Monday 6 April are no working days.
    expect(uiterlijkBij('2026-04-03')).toMatchObject({ uiterlijk: '2026-04-07', uiterlijkVoorAtw: '2026-04-03' });
  });

  it('takes Koningsdag on Saturday 26 April when 27 April is a Sunday, and on the 27th otherwise', () => {
    expect(atwFeestdagen(2025)).toContainEqual({ datum: '2025-04-26', omschrijving: 'Koningsdag' });
    expect(atwFeestdagen(2025).map((feestdag) => feestdag.datum)).not.toContain('2025-04-27');
    expect(uiterlijkBij('2025-04-26').uiterlijk).toBe('2025-04-28');
    expect(uiterlijkBij('2026-04-27').uiterlijk).toBe('2026-04-28');
  });

  it('moves a deadline on 5 May, also outside a lustrum year', () => {
    expect(uiterlijkBij('2026-05-05')).toMatchObject({ uiterlijk: '2026-05-06', uiterlijkVoorAtw: '2026-05-05' });
  });

  it('moves a deadline on Tweede kerstdag on a Friday past the weekend', () => {
    expect(uiterlijkBij('2025-12-26')).toMatchObject({ uiterlijk: '2025-12-29', uiterlijkVoorAtw: '2025-12-26' });
  });

  it('leaves a deadline on a working day where it is', () => {
    expect(uiterlijkBij('2026-06-09')).toMatchObject({ uiterlijk: '2026-06-09', uiterlijkVoorAtw: null });
    expect(atwTermijn('2026-06-09')).toEqual({ uiterlijk: '2026-06-09' });
    expect(volgendeAtwWerkdag('2026-06-09')).toBe('2026-06-09');
  });

  it('moves the legal deadline after a suspension or an extension, not the service norm', () => {
    const zaaktype = { uiterlijk: '2026-04-27', servicenorm: '2026-04-01' };
    // 1 June + 5 suspended days = Saturday 6 June; the service norm, 1 May + 5, is a Wednesday.
    const opgeschort = verschuifTermijnen({ uiterlijk: '2026-06-01', servicenorm: '2026-05-01' }, { soort: 'opschorting', periode: { begindatum: '2026-03-03', einddatum: '2026-03-08' } }, zaaktype);
    expect(opgeschort).toEqual({ uiterlijk: '2026-06-08', uiterlijkVoorAtw: '2026-06-06', servicenorm: '2026-05-06' });
    expect(verschuifTermijnen({ uiterlijk: '2026-06-01', servicenorm: '2026-05-30' }, { soort: 'verlenging', duur: 'P6D' }, zaaktype)).toEqual({ uiterlijk: '2026-06-08', uiterlijkVoorAtw: '2026-06-07', servicenorm: '2026-05-30' });
  });

  it('counts a later move from the Awb count, so the days the Atw added are not added twice', () => {
    const zaaktype = { uiterlijk: '2026-04-27', servicenorm: null };
    // Saturday 6 June was moved to Monday 8 June; 3 more suspended days end on Tuesday 9 June, not Thursday 11 June.
    const moved = verschuifTermijnen({ uiterlijk: '2026-06-08', uiterlijkVoorAtw: '2026-06-06', servicenorm: null }, { soort: 'opschorting', periode: { begindatum: '2026-05-01', einddatum: '2026-05-04' } }, zaaktype);
    expect(moved).toEqual({ uiterlijk: '2026-06-09', servicenorm: null });
  });

  it('gives a zaak Loket starts the zaaktype’s deadline on a working day, with the Awb count only when it moved', () => {
    expect(termijnBijStart('2026-04-11', 'P8W')).toEqual({ uiterlijk: '2026-06-08', uiterlijkVoorAtw: '2026-06-06' });
    expect(termijnBijStart('2026-03-20', 'P2W')).toEqual({ uiterlijk: '2026-04-07', uiterlijkVoorAtw: '2026-04-03' });
    expect(termijnBijStart('2026-01-05', 'P8W')).toEqual({ uiterlijk: '2026-03-02' });
    expect(termijnBijStart('2026-01-05', '')).toEqual({ uiterlijk: null });
  });

  it('gives a zaak without a date of its own the zaaktype’s deadline on a working day', () => {
    const zaaktype = { uiterlijk: '2026-06-08', uiterlijkVoorAtw: '2026-06-06', servicenorm: null };
    expect(verschuifTermijnen({ uiterlijk: null, servicenorm: null }, { soort: 'verlenging', duur: 'P7D' }, zaaktype)).toEqual({ uiterlijk: '2026-06-08', uiterlijkVoorAtw: '2026-06-06', servicenorm: null });
  });
});

describe('deadline badges', () => {
  it('takes 20% of the doorlooptijd as the risk window, at least 3 days', () => {
    expect(risicoDagen('2026-03-02', 'P8W')).toBe(12);
    expect(risicoDagen('2026-03-02', 'P7D')).toBe(3);
  });

  it('is late after the deadline day, at risk inside the window, on time before it, and neither while suspended', () => {
    // Wednesday 29 April 2026: an ordinary working day.
    const zaak = { uiterlijk: '2026-04-29', opgeschort: false, risicoDagen: 12 };
    expect(termijnStand(zaak, '2026-04-30')).toBe('te-laat');
    expect(termijnStand(zaak, '2026-04-29')).toBe('risico');
    expect(termijnStand(zaak, '2026-04-18')).toBe('risico');
    expect(termijnStand(zaak, '2026-04-17')).toBe('op-tijd');
    expect(termijnStand({ ...zaak, opgeschort: true }, '2026-05-30')).toBe('opgeschort');
    expect(termijnStand({ ...zaak, uiterlijk: null }, '2026-05-30')).toBe('geen-termijn');
  });

  it('judges a deadline stored on a Saturday against the Monday the Atw runs it on to, as it judges a moved one', () => {
    expect(atwEinddag('2026-06-06')).toBe('2026-06-08');
    expect(atwEinddag('2026-04-03')).toBe('2026-04-07');
    expect(atwEinddag('2026-06-08')).toBe('2026-06-08');
    expect(atwEinddag(null)).toBeNull();
    const zaterdag = { uiterlijk: '2026-06-06', opgeschort: false, risicoDagen: 12 };
    const verschoven = { ...zaterdag, uiterlijk: '2026-06-08' };
    for (const zaak of [zaterdag, verschoven]) {
      expect(termijnStand(zaak, '2026-06-07')).toBe('risico');
      expect(termijnStand(zaak, '2026-06-08')).toBe('risico');
      expect(termijnStand(zaak, '2026-06-09')).toBe('te-laat');
      expect(termijnStand(zaak, '2026-05-28')).toBe('risico');
      expect(termijnStand(zaak, '2026-05-27')).toBe('op-tijd');
    }
    // Koningsdag, Monday 27 April 2026, runs on to the Tuesday.
    expect(termijnStand({ ...zaterdag, uiterlijk: '2026-04-27' }, '2026-04-28')).toBe('risico');
  });
});
