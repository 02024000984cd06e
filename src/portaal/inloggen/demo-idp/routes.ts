import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { IncomingMessage } from 'node:http';
import { assertSameOrigin } from '../../../platform/auth/csrf.ts';
import { sendPortaalPage } from '../../portaal-page.ts';
import { DEMO_ACCOUNTS } from './accounts.ts';
import { demoInteractionPage } from './interaction-page.ts';
import { DEMO_IDP_PREFIX, DemoIdentityProviders } from './provider.ts';

const PUBLIC = { public: true } as const;
const UID = { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' } as const;

/** The origin the browser used: the demo provider's issuer lives on it. */
export function requestOrigin(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

function middelOf(params: Record<string, unknown>): 'digid' | 'eherkenning' {
  return params.middel === 'eherkenning' ? 'eherkenning' : 'digid';
}

/**
 * The built-in demo identity provider at `/demo-idp` of each tenant host: the provider's own endpoints (discovery,
 * authorisation, token, keys, userinfo) handed to `oidc-provider`, and its log-in step as a portal page where one
 * picks a fictional resident or business. Registered only when `config.demoIdp` is on.
 */
export async function registerDemoIdentityProvider(app: FastifyInstance, providers: DemoIdentityProviders): Promise<void> {
  await app.register(async (scope) => {
    // The provider reads request bodies itself (token endpoint): leave the stream unread here.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));
    scope.all(`${DEMO_IDP_PREFIX}/*`, { config: PUBLIC, schema: { querystring: { type: 'object', additionalProperties: true } } }, async (request, reply) => {
      const provider = await providers.forOrigin(requestOrigin(request));
      const raw = request.raw as IncomingMessage & { originalUrl?: string };
      // The provider routes on paths below its issuer's; `originalUrl` tells it where it is mounted.
      raw.originalUrl = raw.url;
      raw.url = (raw.url ?? '/').slice(DEMO_IDP_PREFIX.length) || '/';
      reply.hijack();
      provider.callback()(raw, reply.raw);
    });
  });

  const interactionPath = `${DEMO_IDP_PREFIX}/interaction/:uid`;
  const params = { type: 'object', required: ['uid'], properties: { uid: UID } } as const;

  app.get<{ Params: { uid: string } }>(interactionPath, { config: PUBLIC, schema: { params } }, async (request, reply) => {
    const provider = await providers.forOrigin(requestOrigin(request));
    const details = await provider.interactionDetails(request.raw, reply.raw);
    const middel = middelOf(details.params);
    const accounts = DEMO_ACCOUNTS.filter((account) => account.soort === (middel === 'digid' ? 'bsn' : 'kvk'));
    return sendPortaalPage(reply, 200, demoInteractionPage({ tenant: request.tenant, action: `${DEMO_IDP_PREFIX}/interaction/${details.uid}`, middel, accounts }), { privateForm: true });
  });

  app.post<{ Params: { uid: string }; Body: { account?: string; actie?: string } }>(
    interactionPath,
    {
      config: PUBLIC,
      schema: { params, body: { type: 'object', additionalProperties: false, properties: { account: { type: 'string', maxLength: 100 }, actie: { type: 'string', enum: ['inloggen', 'annuleren'] } } } },
    },
    async (request, reply) => {
      assertSameOrigin(request);
      const provider = await providers.forOrigin(requestOrigin(request));
      const details = await provider.interactionDetails(request.raw, reply.raw);
      const middel = middelOf(details.params);
      const accounts = DEMO_ACCOUNTS.filter((account) => account.soort === (middel === 'digid' ? 'bsn' : 'kvk'));
      if (request.body.actie === 'annuleren') {
        const location = await provider.interactionResult(request.raw, reply.raw, { error: 'access_denied', error_description: 'Inloggen geannuleerd' }, { mergeWithLastSubmission: false });
        return reply.redirect(location, 303);
      }
      const account = accounts.find((candidate) => candidate.sub === request.body.account);
      if (!account) {
        const page = demoInteractionPage({ tenant: request.tenant, action: `${DEMO_IDP_PREFIX}/interaction/${details.uid}`, middel, accounts, error: `Kies als wie u wilt inloggen.` });
        return sendPortaalPage(reply, 400, page, { privateForm: true });
      }
      const grant = new provider.Grant({ accountId: account.sub, clientId: String(details.params.client_id) });
      grant.addOIDCScope(String(details.params.scope ?? 'openid'));
      const grantId = await grant.save();
      const location = await provider.interactionResult(request.raw, reply.raw, { login: { accountId: account.sub }, consent: { grantId } }, { mergeWithLastSubmission: false });
      return reply.redirect(location, 303);
    },
  );
}
