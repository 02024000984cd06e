import { describe, expect, it } from 'vitest';
import { simuleerRisicos, type SimulatieRisico } from './monte-carlo.ts';
import { weerstandsratio } from './weerstandsratio.ts';

const opties = { trekkingen: 10_000, seed: 2027, zekerheid: 0.9 };

describe('Monte Carlo simulation of the risk register', () => {
  it('with every chance at 100% needs exactly the sum of the impacts', () => {
    const risicos: SimulatieRisico[] = [
      { id: 'a', kans: 1, impactCenten: 150_000_00 },
      { id: 'b', kans: 1, impactCenten: 2_500_000_00 },
      { id: 'c', kans: 1, impactCenten: 75_000_00 },
    ];
    const uitkomst = simuleerRisicos(risicos, opties);
    expect(uitkomst.benodigdCenten).toBe(2_725_000_00);
    expect(uitkomst.gemiddeldCenten).toBe(2_725_000_00);
    expect(uitkomst.bijdragen).toEqual([{ id: 'b', centen: 2_500_000_00 }, { id: 'a', centen: 150_000_00 }, { id: 'c', centen: 75_000_00 }]);
  });

  it('with one risk of 50% and impact X needs X at 90% certainty, and about X/2 on average', () => {
    const uitkomst = simuleerRisicos([{ id: 'x', kans: 0.5, impactCenten: 1_000_000_00 }], opties);
    expect(uitkomst.benodigdCenten).toBe(1_000_000_00);
    expect(uitkomst.gemiddeldCenten / 1_000_000_00).toBeGreaterThan(0.47);
    expect(uitkomst.gemiddeldCenten / 1_000_000_00).toBeLessThan(0.53);
  });

  it('repeats exactly with the same seed, and differs with another', () => {
    const risicos = Array.from({ length: 50 }, (_, index) => ({ id: `r${index}`, kans: ((index * 7) % 90) / 100 + 0.05, impactCenten: (index + 1) * 100_000_00 }));
    const first = simuleerRisicos(risicos, opties);
    expect(simuleerRisicos(risicos, opties)).toEqual(first);
    expect(simuleerRisicos(risicos, { ...opties, seed: 2028 }).benodigdCenten).not.toBe(first.benodigdCenten);
    // The need lies between the mean and the worst case, and the largest contributions come first.
    expect(first.benodigdCenten).toBeGreaterThan(first.gemiddeldCenten);
    expect(first.benodigdCenten).toBeLessThan(risicos.reduce((total, risico) => total + risico.impactCenten, 0));
    expect(first.bijdragen[0]?.centen).toBeGreaterThanOrEqual(first.bijdragen[1]?.centen ?? 0);
  });

  it('refuses fewer than 10,000 draws and a certainty outside (0, 1)', () => {
    expect(() => simuleerRisicos([], { ...opties, trekkingen: 9_999 })).toThrow('ten minste 10000');
    expect(() => simuleerRisicos([], { ...opties, zekerheid: 1 })).toThrow('tussen 0 en 1');
  });
});

describe('the weerstandsratio and its class', () => {
  it('rates with the common A–F table at its band edges', () => {
    expect(weerstandsratio(200, 100).klasse.klasse).toBe('A');
    expect(weerstandsratio(199, 100).klasse.klasse).toBe('B');
    expect(weerstandsratio(140, 100).klasse.klasse).toBe('B');
    expect(weerstandsratio(100, 100)).toMatchObject({ ratio: 1, klasse: { klasse: 'C', betekenis: 'voldoende' } });
    expect(weerstandsratio(80, 100).klasse.klasse).toBe('D');
    expect(weerstandsratio(60, 100).klasse.klasse).toBe('E');
    expect(weerstandsratio(59, 100).klasse.klasse).toBe('F');
    expect(weerstandsratio(10, 0)).toMatchObject({ ratio: null, klasse: { klasse: 'A' } });
  });

  it('takes a municipality’s own table', () => {
    const eigen = [
      { klasse: 'Goed', vanaf: 1.5, betekenis: 'goed' },
      { klasse: 'Slecht', vanaf: Number.NEGATIVE_INFINITY, betekenis: 'slecht' },
    ];
    expect(weerstandsratio(140, 100, eigen).klasse.klasse).toBe('Slecht');
  });
});
