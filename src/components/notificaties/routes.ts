import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import { registerZgwConventions } from '../../platform/zgw/conventions.ts';
import { registerAbonnementen } from './abonnementen/routes.ts';
import { registerMislukteAfleveringen } from './afleveringen/routes.ts';
import { registerKanalen } from './kanalen/routes.ts';
import { registerPubliceren } from './notificaties/routes.ts';
import { NOTIFICATIES_ROOT } from './shared/urls.ts';

/**
 * The Notificaties API (ZGW Notificaties 1.0.1) at `/notificaties/api/v1`: kanalen, abonnementen and publishing,
 * plus Loket's failed-deliveries extension. Delivery itself runs in the outbox dispatcher (see
 * `createNotificatiesDelivery` in delivery.ts, registered by the server).
 */
export async function registerNotificaties(app: FastifyInstance, context: AppContext): Promise<void> {
  const db = context.database.db;
  const notify = () => context.outbox?.notify();
  await app.register(
    async (notificaties) => {
      registerZgwConventions(notificaties, 'notificaties');
      registerKanalen(notificaties, db);
      registerAbonnementen(notificaties, { db, keys: context.keys, outbound: { allowPrivateNetworks: context.config.outboundAllowPrivateNetworks } });
      registerPubliceren(notificaties, { db, notify });
      registerMislukteAfleveringen(notificaties, { db, notify });
    },
    { prefix: NOTIFICATIES_ROOT },
  );
}
