import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import { ProblemError } from '../../platform/errors/problem.ts';
import { zaakUrl, zakenBaseUrl } from '../../components/zaken/shared/urls.ts';
import { staffZaken } from '../toegang/staff-zaken-caller.ts';
import { mayHandleZaak, zaakToegangFilter } from '../toegang/zaak-toegang.ts';
import type { ZaakSectieContext } from '../zaken/zaak-sectie.ts';

/*
 * The zaak a section route works on, loaded the way the zaak page loads it: of this tenant, within the member's view
 * (filtered in SQL), else 404, so a zaak the member may not see is indistinguishable from one that does not exist.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The path of the zaak page. */
export function zaakPagePath(zaakUuid: string): string {
  return `/medewerker/zaken/${zaakUuid}`;
}

/** The section context for a zaak the signed-in member may read; 404 when there is none they may read. */
export async function loadSectieContext(request: FastifyRequest, context: AppContext, zaakUuid: string): Promise<ZaakSectieContext> {
  if (!UUID.test(zaakUuid)) throw new ProblemError('not_found', 'Deze zaak bestaat niet of u mag haar niet inzien.');
  const db = context.database.db;
  const zaken = await staffZaken(db, request);
  const row = await db
    .selectFrom('zaken')
    .select(['uuid', 'identificatie', 'zaaktype_uuid', 'vertrouwelijkheidaanduiding', 'einddatum'])
    .where('tenant_id', '=', request.tenant.id)
    .where('uuid', '=', zaakUuid.toLowerCase())
    .where((eb) => zaakToegangFilter(eb, zaken.toegang))
    .executeTakeFirst();
  if (!row) throw new ProblemError('not_found', 'Deze zaak bestaat niet of u mag haar niet inzien.');
  return sectieContextVan(request, context, zaken, row);
}

/** The section context for a zaak row that was found (and, outside tests, filtered on the member's view). */
export function sectieContextVan(
  request: FastifyRequest,
  context: AppContext,
  zaken: ZaakSectieContext['zaken'],
  row: { uuid: string; identificatie: string; zaaktype_uuid: string; vertrouwelijkheidaanduiding: string; einddatum: string | null },
): ZaakSectieContext {
  const zaak = {
    uuid: row.uuid,
    url: zaakUrl(zakenBaseUrl(request), row.uuid),
    identificatie: row.identificatie,
    zaaktypeUuid: row.zaaktype_uuid,
    vertrouwelijkheidaanduiding: row.vertrouwelijkheidaanduiding,
    afgesloten: row.einddatum !== null,
  };
  return { request, context, zaken, zaak, magBehandelen: mayHandleZaak(zaken.toegang, zaak) };
}

/** Whether the page may offer changes: the member handles this zaak and it is not closed. */
export function magWijzigen(ctx: ZaakSectieContext): boolean {
  return ctx.magBehandelen && !ctx.zaak.afgesloten;
}

/** Every change re-checks on the server what the page showed: 403 for a reader or a closed zaak. */
export function assertMagWijzigen(ctx: ZaakSectieContext): void {
  if (!ctx.magBehandelen) throw new ProblemError('permission_denied', 'U mag deze zaak inzien, maar niet behandelen.');
  if (ctx.zaak.afgesloten) throw new ProblemError('permission_denied', 'Deze zaak is afgesloten en kan niet meer worden gewijzigd.');
}

/** The highest vertrouwelijkheid rank the member may give a document of this zaak (0 when they handle none). */
export function maxBehandelRank(ctx: ZaakSectieContext): number {
  const ranks = ctx.zaken.toegang.delen.filter((deel) => deel.behandelen && (deel.zaaktypeUuids === null || deel.zaaktypeUuids.includes(ctx.zaak.zaaktypeUuid))).map((deel) => deel.maxRank);
  return ranks.length === 0 ? 0 : Math.max(...ranks);
}
