import type { JWTPayload } from 'jose';

/*
 * API clients send the same token with every request until it ages out, and checking its HMAC signature is a
 * noticeable share of a small request's work. A token that verified under a client's secret verifies again under
 * that same secret, so the outcome is remembered per token, tied to the very secret object it was checked with: the
 * credential store hands out a new object when it reloads a client (at least every second), so a changed or revoked
 * secret is never trusted from this memory. Time-dependent claims are still judged on every request.
 */

interface Verified {
  clientId: string;
  secret: Uint8Array;
  payload: JWTPayload;
}

/** Enough for every busy client's current token; when full, the memory starts again rather than growing. */
const MAX_ENTRIES = 10_000;

export class VerifiedTokens {
  private readonly entries = new Map<string, Verified>();

  /**
   * What `token` was verified as before: the client it named, the secret object it verified under and its payload.
   * The caller trusts the payload only while that client's current secret is this very object.
   */
  find(token: string): Readonly<Verified> | undefined {
    return this.entries.get(token);
  }

  remember(token: string, clientId: string, secret: Uint8Array, payload: JWTPayload): void {
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(token, { clientId, secret, payload });
  }
}
