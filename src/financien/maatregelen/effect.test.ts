import { describe, expect, it } from 'vitest';
import { berekenKengetallen } from '../kengetallen/kengetallen.ts';
import { exploitatieMetMaatregelen, inScenario, saldoMetMaatregelen, type MaatregelEffect } from './effect.ts';

const M = 100_000_000; // one million euro in cents

describe('the effect of maatregelen before adoption, worked by hand', () => {
  // 2027: baten en lasten −1.0 mln, reserves +0.2 mln → na bestemming −0.8 mln; incidenteel −0.3 mln → structureel −0.5 mln.
  const saldi = [
    { jaar: 2027, saldoBatenLasten: -1_000_000, saldoReserves: 200_000, saldoNaBestemming: -800_000, saldoIncidenteel: -300_000, structureelSaldo: -500_000 },
    { jaar: 2028, saldoBatenLasten: -400_000, saldoReserves: 0, saldoNaBestemming: -400_000, saldoIncidenteel: 0, structureelSaldo: -400_000 },
  ];
  const ombuiging: MaatregelEffect = { status: 'voorgesteld', haalbaarheid: 'hoog', effectOp: 'lasten', structureel: true, bedragen: new Map([[2027, 0.6 * M], [2028, 0.3 * M]]) };
  const verkoop: MaatregelEffect = { status: 'voorgesteld', haalbaarheid: 'laag', effectOp: 'baten', structureel: false, bedragen: new Map([[2027, 0.25 * M]]) };
  const vastgesteld: MaatregelEffect = { status: 'vastgesteld', haalbaarheid: 'hoog', effectOp: 'lasten', structureel: true, bedragen: new Map([[2027, 5 * M]]) };

  it('takes only the voorgestelde maatregelen of at least the chosen feasibility into the scenario', () => {
    expect(inScenario([ombuiging, verkoop, vastgesteld])).toEqual([ombuiging, verkoop]);
    expect(inScenario([ombuiging, verkoop, vastgesteld], 'gemiddeld')).toEqual([ombuiging]);
  });

  it('moves the structural balance by the structural measures only', () => {
    const met = saldoMetMaatregelen(saldi, [ombuiging, verkoop]);
    // 2027: baten en lasten −1.0 + 0.6 + 0.25 = −0.15; na bestemming −0.8 + 0.85 = +0.05; incidenteel −0.3 + 0.25 = −0.05;
    // structureel +0.05 − (−0.05) = +0.1 mln, i.e. −0.5 + 0.6 (only the structural ombuiging counts).
    expect(met[0]).toEqual({ jaar: 2027, saldoBatenLasten: -150_000, saldoReserves: 200_000, saldoNaBestemming: 50_000, saldoIncidenteel: -50_000, structureelSaldo: 100_000 });
    // 2028: −0.4 + 0.3 = −0.1 mln, the verkoop has no amount that year.
    expect(met[1]?.structureelSaldo).toBe(-100_000);
  });

  it('changes the structurele exploitatieruimte and, through the baten, the schuldquote', () => {
    const cijfers = { totaleBaten: 100 * M, structureleBaten: 98 * M, structureleLasten: 97 * M, structureleToevoegingenReserves: 2 * M, structureleOnttrekkingenReserves: M / 2 };
    const invoer = { vasteSchulden: 80 * M, nettoVlottendeSchuld: 10 * M, overlopendePassiva: 5 * M, financieleActiva: 4 * M, uitzettingenKorterDanJaar: M, liquideMiddelen: 2 * M, overlopendeActiva: 3 * M };
    const met = exploitatieMetMaatregelen(2027, cijfers, [ombuiging, verkoop]);
    // Structural lasten 97 − 0.6 = 96.4; the incidental verkoop adds 0.25 to the totale baten only.
    expect(met).toEqual({ ...cijfers, structureleLasten: 96.4 * M, totaleBaten: 100.25 * M });
    const voor = Object.fromEntries(berekenKengetallen(invoer, cijfers).map((kengetal) => [kengetal.naam, [kengetal.waarde, kengetal.klasse]]));
    const na = Object.fromEntries(berekenKengetallen(invoer, met).map((kengetal) => [kengetal.naam, [kengetal.waarde, kengetal.klasse]]));
    // Ruimte: ((98 − 97) + (0.5 − 2)) / 100 = −0.5% (C) becomes ((98 − 96.4) + (0.5 − 2)) / 100.25 = 0.0998 → 0.1% (A).
    expect(voor.structureleExploitatieruimte).toEqual([-0.5, 'C']);
    expect(na.structureleExploitatieruimte).toEqual([0.1, 'A']);
    // Schuldquote: 85 / 100 = 85% becomes 85 / 100.25 = 84.8%.
    expect(voor.nettoSchuldquote).toEqual([85, 'A']);
    expect(na.nettoSchuldquote).toEqual([84.8, 'A']);
  });
});
