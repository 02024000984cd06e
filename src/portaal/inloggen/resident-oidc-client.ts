import * as client from 'openid-client';
import type { PendingOidcSignIn } from '../../platform/auth/oidc-staff-client.ts';

/** How long a started sign-in may take at the broker (DigiD with the app can take a while). */
const PENDING_LIFETIME_MS = 10 * 60_000;

/** One issuer the portal's relying party talks to: the municipality's broker, or the demo provider of a host. */
export interface ResidentIssuer {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Extra parameters of the authorisation request (a scope or hint that selects DigiD or eHerkenning). */
  parameters: Record<string, string>;
  /** Only for the demo provider on plain http inside this process. */
  allowInsecureRequests?: boolean;
  /** How server-side requests reach the issuer (the demo provider is reached inside the process, not over the network). */
  fetch?: client.CustomFetch;
}

/**
 * The portal's OpenID Connect relying party: authorization code flow with PKCE, state and nonce. Each issuer's
 * metadata is discovered on first use and kept; a failed discovery is retried on the next sign-in.
 */
export class ResidentOidcClient {
  private readonly configurations = new Map<string, Promise<client.Configuration>>();

  private discover(issuer: ResidentIssuer): Promise<client.Configuration> {
    const key = `${issuer.issuer} ${issuer.clientId}`;
    let configuration = this.configurations.get(key);
    if (!configuration) {
      const options: client.DiscoveryRequestOptions = { execute: issuer.allowInsecureRequests ? [client.allowInsecureRequests] : [] };
      if (issuer.fetch) options[client.customFetch] = issuer.fetch;
      configuration = client.discovery(new URL(issuer.issuer), issuer.clientId, undefined, client.ClientSecretBasic(issuer.clientSecret), options).then((found) => {
        if (issuer.fetch) found[client.customFetch] = issuer.fetch;
        return found;
      });
      configuration.catch(() => this.configurations.delete(key));
      this.configurations.set(key, configuration);
    }
    return configuration;
  }

  /** The broker URL to send the browser to, and what must be kept to check its return. */
  async start(issuer: ResidentIssuer, input: { tenantId: string; redirectUri: string; returnPath: string; middel: string }, now: number = Date.now()): Promise<{ url: URL; pending: PendingOidcSignIn }> {
    const configuration = await this.discover(issuer);
    const codeVerifier = client.randomPKCECodeVerifier();
    const pending: PendingOidcSignIn = {
      tenantId: input.tenantId,
      state: client.randomState(),
      nonce: client.randomNonce(),
      codeVerifier,
      returnPath: input.returnPath,
      redirectUri: input.redirectUri,
      expiresAt: now + PENDING_LIFETIME_MS,
      middel: input.middel,
    };
    const url = client.buildAuthorizationUrl(configuration, {
      scope: 'openid',
      ...issuer.parameters,
      redirect_uri: input.redirectUri,
      response_type: 'code',
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state: pending.state,
      nonce: pending.nonce,
    });
    return { url, pending };
  }

  /**
   * Completes the flow at the callback: checks state, exchanges the code with the PKCE verifier, validates the ID
   * token and its nonce, and returns its claims merged with the userinfo endpoint's (brokers differ in where they put
   * the BSN). Throws when any check fails.
   */
  async finish(issuer: ResidentIssuer, callbackUrl: URL, pending: PendingOidcSignIn): Promise<Record<string, unknown>> {
    const configuration = await this.discover(issuer);
    const tokens = await client.authorizationCodeGrant(
      configuration,
      callbackUrl,
      { pkceCodeVerifier: pending.codeVerifier, expectedState: pending.state, expectedNonce: pending.nonce, idTokenExpected: true },
      { redirect_uri: pending.redirectUri },
    );
    const claims = tokens.claims();
    if (!claims) throw new Error('The broker returned no ID token');
    let userinfo: Record<string, unknown> = {};
    if (configuration.serverMetadata().userinfo_endpoint !== undefined) {
      userinfo = await client.fetchUserInfo(configuration, tokens.access_token, claims.sub);
    }
    return { ...userinfo, ...claims };
  }
}
