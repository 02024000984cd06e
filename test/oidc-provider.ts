import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair } from 'jose';
import Provider from 'oidc-provider';

/** A local OpenID Connect issuer on 127.0.0.1 (random port) for tests; logins happen without a form. */
export interface TestOidcProvider {
  issuer: string;
  /** The account (subject) the next login at the issuer signs in as. */
  loginAs(subject: string): void;
  close(): Promise<void>;
}

export interface TestOidcClient {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
}

/**
 * Starts `oidc-provider` with one confidential client (code flow, PKCE required) and the given
 * accounts' claims. The interaction step (login and consent) is completed at once for the
 * subject set with `loginAs`, so a test only follows redirects.
 */
export async function startTestOidcProvider(client: TestOidcClient, accounts: Record<string, Record<string, unknown>>): Promise<TestOidcProvider> {
  // The issuer URL holds the port, known only once the server listens: the provider is made after that.
  const holder: { provider?: Provider } = {};
  let nextSubject: string | undefined;

  async function finishInteraction(request: IncomingMessage, response: ServerResponse, issuer: Provider): Promise<void> {
    const details = await issuer.interactionDetails(request, response);
    if (nextSubject === undefined) throw new Error('Call loginAs(subject) before signing in');
    const grant = new issuer.Grant({ accountId: nextSubject, clientId: String(details.params.client_id) });
    grant.addOIDCScope(String(details.params.scope));
    const grantId = await grant.save();
    await issuer.interactionFinished(request, response, { login: { accountId: nextSubject }, consent: { grantId } }, { mergeWithLastSubmission: false });
  }

  const server = createServer((request, response) => {
    const provider = holder.provider;
    if (!provider) {
      response.statusCode = 503;
      response.end();
      return;
    }
    if (request.url?.startsWith('/interaction/')) {
      finishInteraction(request, response, provider).catch((error: unknown) => {
        response.statusCode = 500;
        response.end(String(error));
      });
      return;
    }
    provider.callback()(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  holder.provider = new Provider(issuer, {
    clients: [
      {
        client_id: client.clientId,
        client_secret: client.clientSecret,
        redirect_uris: client.redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [{ ...(await exportJWK(privateKey)), alg: 'RS256', use: 'sig', kid: 'test' }] },
    cookies: { keys: ['test-cookie-key-not-secret'] },
    // `burgerservicenummer`: how a DigiD broker may name the BSN (the portal reads the claim its configuration names).
    claims: { openid: ['sub', 'burgerservicenummer'], email: ['email', 'email_verified'], profile: ['name'] },
    pkce: { required: () => true },
    // Explicit lifetimes keep the provider from printing a notice for each default it falls back on.
    ttl: { Interaction: 600, Grant: 600, Session: 600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_context: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    findAccount: async (_context: unknown, subject: string) => {
      const claims = accounts[subject];
      if (!claims) return undefined;
      return { accountId: subject, claims: async () => ({ sub: subject, ...claims }) };
    },
  });

  return {
    issuer,
    loginAs(subject) {
      nextSubject = subject;
    },
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

/**
 * Follows the browser's redirects through the issuer (keeping its cookies) until it is sent to a
 * URL starting with `stopAt`, and returns that URL.
 */
export async function followIssuerRedirects(start: string, stopAt: string): Promise<URL> {
  const jar = new Map<string, string>();
  let location = start;
  for (let hop = 0; hop < 10; hop++) {
    if (location.startsWith(stopAt)) return new URL(location);
    const response = await fetch(location, { redirect: 'manual', headers: { cookie: [...jar].map(([name, value]) => `${name}=${value}`).join('; ') } });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const separator = pair?.indexOf('=') ?? -1;
      if (pair && separator > 0) jar.set(pair.slice(0, separator), pair.slice(separator + 1));
    }
    const next = response.headers.get('location');
    if (!next) throw new Error(`The issuer answered ${response.status} without a redirect: ${await response.text()}`);
    location = new URL(next, location).href;
  }
  throw new Error('Too many redirects at the issuer');
}
