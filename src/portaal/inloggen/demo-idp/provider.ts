import { randomBytes } from 'node:crypto';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import type Provider from 'oidc-provider';
import { RESIDENT_PATHS } from '../../../platform/auth/resident-paths.ts';
import { DEMO_ACCOUNTS, demoClaims } from './accounts.ts';

/** Where the demo identity provider lives on each tenant's host. */
export const DEMO_IDP_PREFIX = '/demo-idp';
export const DEMO_CLIENT_ID = 'loket-portaal-demo';

/** More hosts than this are not a demo: the oldest provider is dropped rather than growing without end. */
const MAX_HOSTS = 50;

/**
 * The demo identity provider (`oidc-provider`), one issuer per host (`<origin>/demo-idp`) so the browser stays on the
 * municipality's own host. Signing key, cookie keys and the client secret live only in this process: demo sessions
 * do not survive a restart, which suits a demo.
 */
export class DemoIdentityProviders {
  readonly clientSecret = randomBytes(24).toString('base64url');
  private readonly cookieKeys = [randomBytes(32).toString('base64url')];
  private signingKey: Promise<JWK> | undefined;
  private readonly byOrigin = new Map<string, Promise<Provider>>();

  /** `trustProxy`: behind a TLS-terminating proxy the provider must read X-Forwarded-Proto like Loket does. */
  constructor(private readonly trustProxy: boolean) {}

  private key(): Promise<JWK> {
    this.signingKey ??= generateKeyPair('RS256', { extractable: true }).then(async ({ privateKey }) => ({ ...(await exportJWK(privateKey)), alg: 'RS256', use: 'sig', kid: 'demo' }));
    return this.signingKey;
  }

  /** The issuer identifier for a host's demo provider. */
  static issuerFor(origin: string): string {
    return `${origin}${DEMO_IDP_PREFIX}`;
  }

  /** The provider for this origin (`http://localhost:8080`), made on first use. */
  forOrigin(origin: string): Promise<Provider> {
    let provider = this.byOrigin.get(origin);
    if (!provider) {
      if (this.byOrigin.size >= MAX_HOSTS) this.byOrigin.delete(this.byOrigin.keys().next().value as string);
      provider = this.create(origin);
      provider.catch(() => this.byOrigin.delete(origin));
      this.byOrigin.set(origin, provider);
    }
    return provider;
  }

  private async create(origin: string): Promise<Provider> {
    const { default: ProviderClass } = await import('oidc-provider');
    const provider = new ProviderClass(DemoIdentityProviders.issuerFor(origin), {
      clients: [
        {
          client_id: DEMO_CLIENT_ID,
          client_secret: this.clientSecret,
          redirect_uris: [`${origin}${RESIDENT_PATHS.callback}`],
          grant_types: ['authorization_code'],
          response_types: ['code'],
          token_endpoint_auth_method: 'client_secret_basic',
        },
      ],
      jwks: { keys: [await this.key()] },
      cookies: { keys: this.cookieKeys },
      // Everything under `openid`: the portal asks for no more than a DigiD/eHerkenning broker gives.
      claims: { openid: ['sub', 'bsn', 'kvk', 'name', 'email', 'acr'] },
      extraParams: ['middel'],
      pkce: { required: () => true },
      ttl: { Interaction: 600, Grant: 600, Session: 900, AccessToken: 300, IdToken: 300, AuthorizationCode: 60 },
      features: { devInteractions: { enabled: false } },
      interactions: { url: (_context: unknown, interaction: { uid: string }) => `${DEMO_IDP_PREFIX}/interaction/${interaction.uid}` },
      findAccount: async (_context: unknown, subject: string) => {
        const account = DEMO_ACCOUNTS.find((candidate) => candidate.sub === subject);
        if (!account) return undefined;
        return { accountId: subject, claims: async () => demoClaims(account) };
      },
    });
    provider.proxy = this.trustProxy;
    return provider;
  }
}
