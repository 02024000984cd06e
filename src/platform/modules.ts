import type { FastifyInstance } from 'fastify';
import type { AppContext } from './context.ts';
import { registerMedewerker } from '../medewerker/routes.ts';
import { registerReferentielijsten } from '../components/referentielijsten/routes.ts';
import { registerCatalogi } from '../components/catalogi/routes.ts';
import { registerZaken } from '../components/zaken/routes.ts';
import { registerBesluiten } from '../components/besluiten/routes.ts';
import { registerKennisbank } from '../kennisbank/routes.ts';
import { registerDocumenten } from '../components/documenten/routes.ts';
import { registerNotificaties } from '../components/notificaties/routes.ts';
import { registerAutorisaties } from '../components/autorisaties/routes.ts';
import { registerPortaal } from '../portaal/routes.ts';
import { registerAfspraken } from '../afspraken/routes.ts';
import { registerFormulieren } from '../formulieren/routes.ts';
import { registerKlantinteracties } from '../components/klantinteracties/routes.ts';
import { registerFinancien } from '../financien/routes.ts';
import { registerInzicht } from '../inzicht/routes.ts';

/** Registers every feature module's routes. Each module adds one line here. */
export async function registerModules(app: FastifyInstance, context: AppContext): Promise<void> {
  await registerMedewerker(app, context);
  await registerReferentielijsten(app);
  await registerCatalogi(app, context);
  await registerZaken(app, context);
  await registerBesluiten(app, context);
  await registerKennisbank(app, context);
  await registerDocumenten(app, context);
  await registerNotificaties(app, context);
  await registerAutorisaties(app, context);
  await registerPortaal(app, context);
  await registerAfspraken(app, context);
  await registerFormulieren(app, context);
  await registerKlantinteracties(app, context);
  await registerFinancien(app, context);
  await registerInzicht(app, context);
}
