import { authenticator } from 'otplib';
import { describe, expect, it } from 'vitest';
import { matchTotpStep, normaliseTotpCode } from './staff-totp.ts';

const secret = authenticator.generateSecret(20);
// The middle of a 30-second step, so ±1 step is unambiguous.
const now = Math.floor(Date.UTC(2026, 2, 1, 12) / 30_000) * 30_000 + 15_000;
const step = Math.floor(now / 30_000);
const codeAt = (offsetSteps: number) => authenticator.clone({ epoch: now + offsetSteps * 30_000 }).generate(secret);

describe('TOTP code check', () => {
  it('accepts the current code and one step either side, reporting the step it belongs to', () => {
    expect(matchTotpStep(secret, codeAt(0), now)).toBe(step);
    expect(matchTotpStep(secret, codeAt(-1), now)).toBe(step - 1);
    expect(matchTotpStep(secret, codeAt(1), now)).toBe(step + 1);
  });

  it('refuses codes two steps away and anything that is not six digits', () => {
    for (const offset of [-2, 2]) {
      const code = codeAt(offset);
      // Two steps can share a code by chance (one in a million); then the check rightly matches a nearer step.
      if ([-1, 0, 1].some((near) => codeAt(near) === code)) continue;
      expect(matchTotpStep(secret, code, now)).toBeUndefined();
    }
    expect(matchTotpStep(secret, '12345', now)).toBeUndefined();
    expect(matchTotpStep(secret, 'abcdef', now)).toBeUndefined();
  });

  it('ignores the spaces and dashes apps show between digit groups', () => {
    expect(normaliseTotpCode(' 123 456 ')).toBe('123456');
    expect(normaliseTotpCode('123-456')).toBe('123456');
  });
});
