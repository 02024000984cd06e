import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import { registerZgwConventions } from '../../platform/zgw/conventions.ts';
import { registerInformatieobjectAudittrail } from './audittrail/routes.ts';
import { registerBestandsdelen } from './bestandsdelen/routes.ts';
import { registerGebruiksrechten } from './gebruiksrechten/routes.ts';
import { registerInformatieobjecten } from './informatieobjecten/routes.ts';
import { registerObjectinformatieobjecten } from './objectinformatieobjecten/routes.ts';
import { registerVerzendingen } from './verzendingen/routes.ts';
import type { DocumentenDeps } from './informatieobjecten/service.ts';
import { createDocumentStorage } from './storage/storage.ts';
import { DOCUMENTEN_ROOT } from './shared/urls.ts';

/** The size of one part of a chunked upload: 64 MiB (each part streams to the storage, so it costs no memory). */
export const DEFAULT_PART_SIZE = 64 * 1024 * 1024;

/**
 * The Documenten API (ZGW Documenten 1.7.0) at `/documenten/api/v1`, registered inside a prefixed plugin so the ZGW
 * conventions (API-version, ETag) reach exactly its routes. The document bytes live in the storage under the data
 * directory unless `deps` hands in another.
 */
export async function registerDocumenten(app: FastifyInstance, context: AppContext, deps: Partial<Omit<DocumentenDeps, 'db' | 'keys'>> = {}): Promise<void> {
  const documentenDeps: DocumentenDeps = {
    db: context.database.db,
    keys: context.keys,
    storage: deps.storage ?? createDocumentStorage(context.config.dataDir),
    partSize: deps.partSize ?? DEFAULT_PART_SIZE,
  };
  await app.register(
    async (documenten) => {
      registerZgwConventions(documenten, 'documenten');
      registerInformatieobjecten(documenten, documentenDeps);
      registerBestandsdelen(documenten, documentenDeps);
      registerInformatieobjectAudittrail(documenten, documentenDeps.db);
      registerGebruiksrechten(documenten, documentenDeps);
      registerObjectinformatieobjecten(documenten, { ...documentenDeps, outbound: { allowPrivateNetworks: context.config.outboundAllowPrivateNetworks } });
      registerVerzendingen(documenten, documentenDeps);
    },
    { prefix: DOCUMENTEN_ROOT },
  );
}
