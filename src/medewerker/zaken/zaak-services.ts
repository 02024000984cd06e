import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import type { Database } from '../../platform/database/schema.ts';
import { AVAILABLE_FOREIGN_EXPANDERS } from '../../components/besluiten/shared/foreign-expanders.ts';
import type { BesluitenDeps } from '../../components/besluiten/besluiten/service.ts';
import { besluitenBaseUrl } from '../../components/besluiten/shared/urls.ts';
import { BESLUITEN_DOCUMENTEN } from '../../components/documenten/local-documenten.ts';
import { relationExpanders } from '../../components/zaken/expand/relation-expanders.ts';
import { expandRollen } from '../../components/zaken/rollen/expand.ts';
import type { ResultaatDeps } from '../../components/zaken/resultaten/service.ts';
import type { RolDeps } from '../../components/zaken/rollen/service.ts';
import type { StatusDeps } from '../../components/zaken/statussen/service.ts';
import type { ZakenDeps } from '../../components/zaken/zaken/service.ts';
import { zakenBaseUrl } from '../../components/zaken/shared/urls.ts';
import { catalogiBaseUrl } from '../../components/catalogi/shared/urls.ts';

/*
 * What the zaak page's actions hand the ZGW services: their dependencies on one database handle (a transaction when
 * an action combines several writes) and the API roots of this host, so URLs are the ones the APIs present.
 */

export interface ZaakServices {
  zaken: ZakenDeps;
  statussen: StatusDeps;
  resultaten: ResultaatDeps;
  rollen: RolDeps;
  besluiten: BesluitenDeps;
}

export interface ApiBases {
  zaken: string;
  besluiten: string;
  catalogi: string;
}

/** The services' dependencies on `db` (the app's database or a transaction). */
export function zaakServices(context: AppContext, db: Kysely<Database>): ZaakServices {
  const expanders = relationExpanders();
  return {
    zaken: { db, keys: context.keys, outbound: { allowPrivateNetworks: context.config.outboundAllowPrivateNetworks } },
    statussen: { db, keys: context.keys, expanders: { gezetdoor: expandRollen, ...expanders } },
    resultaten: { db, expanders },
    rollen: { db, keys: context.keys, expanders },
    besluiten: { db, expanders: AVAILABLE_FOREIGN_EXPANDERS, documenten: BESLUITEN_DOCUMENTEN },
  };
}

/** The API roots of the host the request came to. */
export function apiBases(request: Pick<FastifyRequest, 'protocol' | 'host'>): ApiBases {
  return { zaken: zakenBaseUrl(request), besluiten: besluitenBaseUrl(request), catalogi: catalogiBaseUrl(request) };
}
