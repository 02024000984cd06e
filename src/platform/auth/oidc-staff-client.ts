import * as client from 'openid-client';
import type { OidcConfig } from '../config/config.ts';

/** How the OIDC client may talk to its issuer. */
export interface OidcClientOptions {
  /**
   * Allow an http:// issuer. Only for tests against a local provider on 127.0.0.1: it has to be
   * passed explicitly in code, no configuration value turns it on in production.
   */
  allowInsecureRequests?: boolean;
}

/** What the sign-in keeps between sending the browser to the issuer and its return (sealed in a cookie). */
export interface PendingOidcSignIn {
  tenantId: string;
  state: string;
  nonce: string;
  codeVerifier: string;
  returnPath: string;
  redirectUri: string;
  expiresAt: number;
  /** Portal sign-in only: the means the resident chose (digid, eherkenning). */
  middel?: string;
}

/** The identity the issuer vouched for. */
export interface OidcIdentity {
  subject: string;
  /** Value of the configured e-mail claim, if present as text. */
  email: string | undefined;
  /** False only when the issuer says outright that the address is not verified. */
  emailVerified: boolean;
}

/** How long a started sign-in may take at the issuer. */
const PENDING_LIFETIME_MS = 10 * 60_000;

function claimText(claims: Record<string, unknown> | undefined, name: string): string | undefined {
  const value = claims?.[name];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/**
 * Staff sign-in through an OpenID Connect issuer: authorization code flow with PKCE, state and
 * nonce. The issuer's metadata is discovered on first use and kept; a failed discovery is retried
 * on the next sign-in.
 */
export class StaffOidcClient {
  private configuration: Promise<client.Configuration> | undefined;

  constructor(
    private readonly config: OidcConfig,
    private readonly options: OidcClientOptions = {},
  ) {}

  private discover(): Promise<client.Configuration> {
    this.configuration ??= client
      .discovery(new URL(this.config.issuer), this.config.clientId, undefined, client.ClientSecretBasic(this.config.clientSecret), {
        execute: this.options.allowInsecureRequests ? [client.allowInsecureRequests] : [],
      })
      .catch((error: unknown) => {
        this.configuration = undefined;
        throw error;
      });
    return this.configuration;
  }

  /** The issuer URL to send the browser to, and what must be kept to check its return. */
  async start(input: { tenantId: string; redirectUri: string; returnPath: string }, now: number = Date.now()): Promise<{ url: URL; pending: PendingOidcSignIn }> {
    const configuration = await this.discover();
    const codeVerifier = client.randomPKCECodeVerifier();
    const pending: PendingOidcSignIn = {
      tenantId: input.tenantId,
      state: client.randomState(),
      nonce: client.randomNonce(),
      codeVerifier,
      returnPath: input.returnPath,
      redirectUri: input.redirectUri,
      expiresAt: now + PENDING_LIFETIME_MS,
    };
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: input.redirectUri,
      scope: 'openid email profile',
      response_type: 'code',
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state: pending.state,
      nonce: pending.nonce,
    });
    return { url, pending };
  }

  /**
   * Completes the flow at the callback: checks state, exchanges the code (with the PKCE verifier),
   * validates the ID token and its nonce, and reads the e-mail claim from the ID token or, when
   * the issuer puts it only there, from the userinfo endpoint. Throws when any check fails.
   */
  async finish(callbackUrl: URL, pending: PendingOidcSignIn): Promise<OidcIdentity> {
    const configuration = await this.discover();
    const tokens = await client.authorizationCodeGrant(
      configuration,
      callbackUrl,
      { pkceCodeVerifier: pending.codeVerifier, expectedState: pending.state, expectedNonce: pending.nonce, idTokenExpected: true },
      { redirect_uri: pending.redirectUri },
    );
    const claims = tokens.claims();
    if (!claims) throw new Error('The issuer returned no ID token');
    let source: Record<string, unknown> = claims;
    if (claimText(claims, this.config.emailClaim) === undefined) {
      source = await client.fetchUserInfo(configuration, tokens.access_token, claims.sub);
    }
    return {
      subject: claims.sub,
      email: claimText(source, this.config.emailClaim)?.trim().toLowerCase(),
      emailVerified: source.email_verified !== false,
    };
  }
}
