import { describe, expect, it } from 'vitest';
import { ProblemError } from '../../../platform/errors/problem.ts';
import { below, parseExpand } from './expand.ts';

const ALLOWED = ['hadBetrokkenen', 'hadBetrokkenen.wasPartij', 'omvatteBijlagen'];

describe('expand', () => {
  it('reads a comma-separated list and brings the parents of nested paths along', () => {
    const paths = parseExpand('hadBetrokkenen.wasPartij, omvatteBijlagen', ALLOWED);
    expect([...paths].sort()).toEqual(['hadBetrokkenen', 'hadBetrokkenen.wasPartij', 'omvatteBijlagen']);
    expect([...below(paths, 'hadBetrokkenen')]).toEqual(['wasPartij']);
    expect(parseExpand(undefined, ALLOWED).size).toBe(0);
    expect([...parseExpand(['omvatteBijlagen', 'hadBetrokkenen'], ALLOWED)].sort()).toEqual(['hadBetrokkenen', 'omvatteBijlagen']);
  });

  it('names every path the operation does not offer', () => {
    try {
      parseExpand('zaken,omvatteBijlagen,taken', ALLOWED);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ProblemError);
      expect((error as ProblemError).invalidParams[0]?.reason).toContain('zaken, taken');
    }
  });
});
