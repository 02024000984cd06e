import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import type { SafeHtml } from '../../platform/http/html.ts';
import type { StaffZaken } from '../toegang/staff-zaken-caller.ts';

/*
 * A section of the staff zaak page (documents, notes, contactmomenten, audit trail, …). The zaak page checks that the
 * member may read the zaak before any section renders; a section that offers changes still checks `magBehandelen`
 * on the server in its own POST routes.
 */

export interface ZaakSectieContext {
  request: FastifyRequest;
  context: AppContext;
  zaken: StaffZaken;
  zaak: {
    uuid: string;
    /** The zaak's URL in the Zaken API of this host. */
    url: string;
    identificatie: string;
    zaaktypeUuid: string;
    vertrouwelijkheidaanduiding: string;
    /** Closed zaken can be read, not changed, until reopened. */
    afgesloten: boolean;
  };
  /** Whether this member may change the zaak (see toegang/zaak-toegang.ts `mayHandleZaak`). */
  magBehandelen: boolean;
}

export interface ZaakSectie {
  /** The fragment id of the section (`#documenten`), also used in the page's table of contents. */
  id: string;
  titel: string;
  render(context: ZaakSectieContext): Promise<SafeHtml>;
}
