import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import { verifyCsrf } from '../../platform/auth/csrf.ts';
import { setOidcStateCookie, takeOidcStateCookie, type OidcStateCookieScope } from '../../platform/auth/oidc-state-cookie.ts';
import { RESIDENT_PATHS, safeResidentReturnPath } from '../../platform/auth/resident-paths.ts';
import {
  clearResidentSessionCookie,
  endResidentSession,
  loadResidentSession,
  RESIDENT_SESSION_COOKIE,
  setResidentSessionCookie,
  startResidentSession,
} from '../../platform/auth/resident-session.ts';
import { ProblemError } from '../../platform/errors/problem.ts';
import { sendPortaalPage } from '../portaal-page.ts';
import { identityFromClaims, type ClaimsRefusal } from './resident-claims.ts';
import { ResidentOidcClient, type ResidentIssuer } from './resident-oidc-client.ts';
import { signedOutPage, signInFailedPage, signInPage } from './sign-in-page.ts';
import { DEMO_CLIENT_ID, DemoIdentityProviders } from './demo-idp/provider.ts';
import { inProcessFetch } from './demo-idp/in-process-fetch.ts';
import { registerDemoIdentityProvider, requestOrigin } from './demo-idp/routes.ts';

const PUBLIC = { public: true } as const;
const SIGNED_OUT_PATH = '/uitgelogd';
const STATE_COOKIE: OidcStateCookieScope = { name: 'loket_inwoner_oidc', path: RESIDENT_PATHS.callback };
const MIDDELEN = ['digid', 'eherkenning'] as const;
type Middel = (typeof MIDDELEN)[number];

function isLoopbackUrl(url: string): boolean {
  const { hostname } = new URL(url);
  return hostname === '127.0.0.1' || hostname === '[::1]' || hostname === 'localhost';
}

const REFUSALS: Record<ClaimsRefusal, string> = {
  'geen-identificatie': 'Wij hebben van DigiD of eHerkenning geen burgerservicenummer of KvK-nummer ontvangen. Probeer het opnieuw.',
  'ongeldig-bsn': 'Het burgerservicenummer dat wij ontvingen is niet geldig. Neem contact op met de gemeente.',
  'ongeldig-kvk': 'Het KvK-nummer dat wij ontvingen is niet geldig. Neem contact op met de gemeente.',
};

/**
 * Sign-in and sign-out of residents (DigiD) and businesses (eHerkenning) through the municipality's OpenID Connect
 * broker, or through the built-in demo identity provider when that is on. The broker's answer is checked (state,
 * PKCE, nonce, ID token) and the BSN or KvK number taken from the configured claims; then a portal session starts.
 */
export async function registerResidentSignIn(app: FastifyInstance, context: AppContext): Promise<void> {
  const { config, keys } = context;
  const db = context.database.db;
  const client = new ResidentOidcClient();
  const demo = config.demoIdp ? new DemoIdentityProviders(config.trustProxy) : undefined;
  if (demo) await registerDemoIdentityProvider(app, demo);
  const demoFetch = inProcessFetch(app);
  const broker = config.residentOidc;
  const policy = { idleMinutes: config.residentIdleMinutes, absoluteHours: config.residentAbsoluteHours };

  /** The broker when one is configured (a real installation), otherwise this host's demo provider. */
  function issuerFor(request: FastifyRequest, middel: Middel): ResidentIssuer | undefined {
    if (broker) {
      return {
        issuer: broker.issuer,
        clientId: broker.clientId,
        clientSecret: broker.clientSecret,
        parameters: middel === 'digid' ? broker.digidParameters : broker.eherkenningParameters,
        // Plain http only to a broker on this same machine (a local test broker); anything on a network needs https.
        allowInsecureRequests: isLoopbackUrl(broker.issuer),
      };
    }
    if (!demo) return undefined;
    const origin = requestOrigin(request);
    return {
      issuer: DemoIdentityProviders.issuerFor(origin),
      clientId: DEMO_CLIENT_ID,
      clientSecret: demo.clientSecret,
      parameters: { middel },
      allowInsecureRequests: origin.startsWith('http:'),
      fetch: demoFetch,
    };
  }

  app.get<{ Querystring: { terug?: string; verlopen?: string } }>(
    RESIDENT_PATHS.signIn,
    { config: PUBLIC, schema: { querystring: { type: 'object', additionalProperties: false, properties: { terug: { type: 'string', maxLength: 2000 }, verlopen: { type: 'string', enum: ['1'] } } } } },
    async (request, reply) =>
      sendPortaalPage(
        reply,
        200,
        signInPage({ tenant: request.tenant, returnPath: safeResidentReturnPath(request.query.terug), expired: request.query.verlopen === '1', demo: broker === undefined && demo !== undefined }),
        { privateForm: true },
      ),
  );

  app.get<{ Querystring: { middel: Middel; terug?: string } }>(
    RESIDENT_PATHS.signInStart,
    {
      config: PUBLIC,
      schema: { querystring: { type: 'object', required: ['middel'], additionalProperties: false, properties: { middel: { type: 'string', enum: MIDDELEN }, terug: { type: 'string', maxLength: 2000 } } } },
    },
    async (request, reply) => {
      const issuer = issuerFor(request, request.query.middel);
      if (!issuer) {
        return sendPortaalPage(reply, 503, signInFailedPage(request.tenant, 'Inloggen is niet mogelijk', 'Inloggen met DigiD of eHerkenning is bij deze gemeente nog niet ingesteld. Bel of kom langs om uw zaak te regelen.'));
      }
      let started: Awaited<ReturnType<ResidentOidcClient['start']>>;
      try {
        started = await client.start(issuer, {
          tenantId: request.tenant.id,
          redirectUri: `${requestOrigin(request)}${RESIDENT_PATHS.callback}`,
          returnPath: safeResidentReturnPath(request.query.terug),
          middel: request.query.middel,
        });
      } catch (error) {
        request.log.error({ err: error, event: 'resident.oidc_unavailable' }, 'identity broker unreachable');
        return sendPortaalPage(reply, 503, signInFailedPage(request.tenant, 'Inloggen lukt nu niet', 'DigiD of eHerkenning is op dit moment niet bereikbaar. Probeer het over een paar minuten opnieuw.'));
      }
      setOidcStateCookie(request, reply, keys, started.pending, Date.now(), STATE_COOKIE);
      reply.header('Cache-Control', 'no-store');
      return reply.redirect(started.url.href, 303);
    },
  );

  // The broker decides which parameters it appends (session_state, iss, …): they are read, not refused.
  app.get<{ Querystring: { error?: string } }>(
    RESIDENT_PATHS.callback,
    { config: PUBLIC, schema: { querystring: { type: 'object', additionalProperties: true, properties: { code: { type: 'string' }, state: { type: 'string' }, error: { type: 'string' } } } } },
    async (request, reply) => {
      reply.header('Cache-Control', 'no-store');
      const fail = (status: number, heading: string, message: string) => sendPortaalPage(reply, status, signInFailedPage(request.tenant, heading, message));
      const pending = takeOidcStateCookie(request, reply, keys, Date.now(), STATE_COOKIE);
      const middel = MIDDELEN.find((candidate) => candidate === pending?.middel);
      if (!pending || !middel) return fail(400, 'Inloggen is verlopen', 'Het inloggen duurde te lang of is al afgerond. Probeer het opnieuw.');
      if (request.query.error !== undefined) {
        request.log.info({ event: 'resident.sign_in_failed', tenantId: request.tenant.id, reason: 'oidc_error', oidcError: request.query.error }, 'resident sign-in failed');
        return fail(400, 'Inloggen is afgebroken', 'U bent niet ingelogd. Wilt u het opnieuw proberen?');
      }
      const issuer = issuerFor(request, middel);
      if (!issuer) return fail(503, 'Inloggen is niet mogelijk', 'Inloggen met DigiD of eHerkenning is bij deze gemeente niet ingesteld.');
      let claims: Record<string, unknown>;
      try {
        claims = await client.finish(issuer, new URL(request.url, requestOrigin(request)), pending);
      } catch (error) {
        request.log.warn({ event: 'resident.sign_in_failed', tenantId: request.tenant.id, reason: 'oidc_invalid_response', err: error }, 'resident sign-in failed');
        return fail(400, 'Inloggen is niet gelukt', 'Het antwoord van DigiD of eHerkenning kon niet worden gecontroleerd. Probeer het opnieuw.');
      }
      const names = broker ?? { bsnClaim: 'bsn', kvkClaim: 'kvk', nameClaim: 'name' };
      const identity = identityFromClaims(claims, names, broker ? middel : 'demo');
      if (typeof identity === 'string') {
        request.log.warn({ event: 'resident.sign_in_failed', tenantId: request.tenant.id, reason: identity }, 'resident sign-in failed');
        return fail(403, 'Inloggen is niet gelukt', REFUSALS[identity]);
      }
      const cookieValue = await startResidentSession(db, { ...identity, tenantId: request.tenant.id }, request.cookies[RESIDENT_SESSION_COOKIE]);
      request.log.info({ event: 'resident.signed_in', tenantId: request.tenant.id, soort: identity.soort, middel: identity.middel }, 'resident signed in');
      setResidentSessionCookie(request, reply, cookieValue);
      return reply.redirect(pending.returnPath, 303);
    },
  );

  // Sign-out is a POST with the session's token: a link on another site cannot sign a resident out.
  app.post(RESIDENT_PATHS.signOut, { config: PUBLIC }, async (request, reply) => {
    const lookup = await loadResidentSession(db, policy, request);
    if (lookup.state === 'active') {
      verifyCsrf(request, lookup.identity.csrfToken);
      await endResidentSession(db, request);
    }
    clearResidentSessionCookie(request, reply);
    return reply.redirect(SIGNED_OUT_PATH, 303);
  });

  app.get(SIGNED_OUT_PATH, { config: PUBLIC }, async (request, reply) => sendPortaalPage(reply, 200, signedOutPage(request.tenant)));

  // "Blijf ingelogd" in the time-out warning: the request itself counts as activity; answers when the session now ends.
  app.post(RESIDENT_PATHS.keepAlive, { config: { resident: true } }, async (request, reply) => {
    const resident = request.resident;
    if (!resident) throw new ProblemError('not_authenticated');
    return reply.header('Cache-Control', 'no-store').send({ verloopt: resident.expiresAt.toISOString(), nu: new Date().toISOString() });
  });
}
