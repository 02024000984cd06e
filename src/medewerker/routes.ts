import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../platform/context.ts';
import { StaffOidcClient, type OidcClientOptions } from '../platform/auth/oidc-staff-client.ts';
import type { StaffSignInDeps } from '../platform/auth/staff-sign-in.ts';
import type { ThrottlePolicy } from '../platform/auth/staff-sign-in-throttle.ts';
import { registerBeheer } from './beheer/beheer-routes.ts';
import { registerHomeRoutes } from './home/home-routes.ts';
import { registerInzageRoutes } from './privacy/inzage-routes.ts';
import { registerKccRoutes } from './kcc/routes.ts';
import { registerContactSettings } from './instellingen/contact-routes.ts';
import { registerContactverzoeken } from './contactverzoeken/routes.ts';
import { registerNamensAanvraag } from './namens/routes.ts';
import { registerOidcRoutes } from './sign-in/oidc-routes.ts';
import { registerSignInRoutes } from './sign-in/sign-in-routes.ts';
import { registerZaakafhandeling } from './zaken/routes.ts';
import { registerZaakSectieRoutes } from './zaak-secties/routes.ts';

/** Options that only code can set (tests), never the environment. */
export interface MedewerkerOptions {
  oidc?: OidcClientOptions;
  throttle?: ThrottlePolicy;
}

/** The staff workspace: sign-in (password + code, optional OIDC), sign-out, the landing page and the privacy officer's inzage. */
export async function registerMedewerker(app: FastifyInstance, context: AppContext, options: MedewerkerOptions = {}): Promise<void> {
  const { config, database, keys } = context;
  const signIn: StaffSignInDeps = {
    db: database.db,
    keys,
    sessions: { idleMinutes: config.sessionIdleMinutes, absoluteHours: config.sessionAbsoluteHours },
    mfaRequired: config.staffMfaRequired,
    throttle: options.throttle,
  };
  registerSignInRoutes(app, { signIn, keys, oidcEnabled: config.oidc !== undefined });
  if (config.oidc) registerOidcRoutes(app, { signIn, keys, client: new StaffOidcClient(config.oidc, options.oidc) });
  registerHomeRoutes(app);
  registerInzageRoutes(app, context);
  registerContactSettings(app, database.db);
  registerZaakafhandeling(app, context);
  await registerZaakSectieRoutes(app, context);
  registerContactverzoeken(app, context);
  await app.register(async (scope) => registerNamensAanvraag(scope, context));
  registerKccRoutes(app, context);
  registerBeheer(app, context);
}
