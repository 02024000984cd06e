import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import type { KlantDeps } from './shared/caller.ts';
import { KLANTINTERACTIES_API_VERSION, KLANTINTERACTIES_ROOT } from './shared/urls.ts';
import { registerPartijen } from './partijen/routes.ts';
import { registerPartijIdentificatoren } from './partij-identificatoren/routes.ts';
import { registerDigitaleAdressen } from './digitaleadressen/routes.ts';
import { registerRekeningnummers } from './rekeningnummers/routes.ts';
import { registerVertegenwoordigingen } from './vertegenwoordigingen/routes.ts';
import { registerKlantcontacten } from './klantcontacten/routes.ts';
import { registerBetrokkenen } from './betrokkenen/routes.ts';
import { registerOnderwerpobjecten } from './onderwerpobjecten/routes.ts';
import { registerBijlagen } from './bijlagen/routes.ts';
import { registerActoren } from './actoren/routes.ts';
import { registerActorKlantcontacten } from './actorklantcontacten/routes.ts';
import { registerInterneTaken } from './internetaken/routes.ts';
import { registerMaakKlantcontact } from './maak-klantcontact/routes.ts';
import { registerCategorieen } from './categorieen/routes.ts';
import { registerCategorieRelaties } from './categorie-relaties/routes.ts';

/**
 * The Klantinteracties API 0.9.0 at `/klantinteracties/api/v1`: the KCC's partijen, contacts and tasks. Every
 * operation takes the client's API token (`Authorization: Token …`, issued by `loket client add
 * --klantinteracties-token`). The KCC workspace calls the same services, so both see the same records.
 */
export async function registerKlantinteracties(app: FastifyInstance, context: AppContext): Promise<void> {
  const deps: KlantDeps = { db: context.database.db, keys: context.keys };
  await app.register(
    async (api) => {
      // Every response of the spec declares API-version; onSend also reaches the problems of refused requests.
      api.addHook('onSend', async (_request, reply, payload) => {
        reply.header('API-version', KLANTINTERACTIES_API_VERSION);
        return payload;
      });
      registerPartijen(api, deps);
      registerPartijIdentificatoren(api, deps);
      registerDigitaleAdressen(api, deps);
      registerRekeningnummers(api, deps);
      registerVertegenwoordigingen(api, deps);
      registerKlantcontacten(api, deps);
      registerBetrokkenen(api, deps);
      registerOnderwerpobjecten(api, deps);
      registerBijlagen(api, deps);
      registerActoren(api, deps);
      registerActorKlantcontacten(api, deps);
      registerInterneTaken(api, deps);
      registerMaakKlantcontact(api, deps);
      registerCategorieen(api, deps);
      registerCategorieRelaties(api, deps);
    },
    { prefix: KLANTINTERACTIES_ROOT },
  );
}
