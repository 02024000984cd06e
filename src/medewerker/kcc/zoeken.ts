import type { FastifyRequest } from 'fastify';
import type { KlantDeps } from '../../components/klantinteracties/shared/caller.ts';
import { searchKennisbank, type ZoekAntwoord } from '../../kennisbank/zoeken/service.ts';
import type { StaffZaakToegang } from '../toegang/zaak-toegang.ts';
import { contactenVanPartij, zakenVanPartij, type PartijContact, type PartijSamenvatting, type PartijZaak } from './persoon-repository.ts';
import { logKccProcessing } from './processing.ts';

/** What the one search box of a contact finds. */
export interface KccZoekresultaat {
  q: string;
  /** Absent without a query. */
  antwoorden?: ZoekAntwoord;
  /** Absent while nobody is identified. */
  zaken?: PartijZaak[];
  contacten?: PartijContact[];
  /** True when nothing matched the query and the lists show the newest instead. */
  zakenOngefilterd?: boolean;
  contactenOngefilterd?: boolean;
}

/** How many zaken and earlier contacts of the person the contact page lists. */
export const PERSOON_LIMIT = 10;
const ANTWOORDEN_LIMIT = 8;

/**
 * The KCC search: kennisbank answers including the internal KCC notes (logged in the search log with channel "kcc"),
 * and the identified person's zaken (only those the agent may read, with their status) and earlier contacts, narrowed
 * by the query when there is one. Reading the person's zaken and contacts is logged in the processing log.
 */
export async function kccZoeken(
  deps: KlantDeps,
  request: FastifyRequest,
  toegang: StaffZaakToegang,
  search: { q: string; partij: PartijSamenvatting | undefined; klantcontactUuid: string },
): Promise<KccZoekresultaat> {
  const startTime = new Date();
  const tenantId = request.tenant.id;
  const { q, partij } = search;
  const eigenaar = partij === undefined ? undefined : { bsn: partij.bsn, kvkNummer: partij.kvkNummer };
  const [antwoorden, gevondenZaken, gevondenContacten] = await Promise.all([
    q === '' ? undefined : searchKennisbank(deps.db, tenantId, { q, kanaal: 'kcc', limit: ANTWOORDEN_LIMIT }),
    partij === undefined || eigenaar === undefined ? undefined : zakenVanPartij(deps.db, tenantId, toegang, eigenaar, q, PERSOON_LIMIT),
    partij === undefined ? undefined : contactenVanPartij(deps.db, tenantId, partij.uuid, search.klantcontactUuid, q, PERSOON_LIMIT),
  ]);
  // A question about the kennisbank matches none of the person's zaken; the agent still sees the newest ones.
  const zaken = gevondenZaken?.rijen;
  const contacten = gevondenContacten?.rijen;
  const zakenOngefilterd = gevondenZaken?.ongefilterd ?? false;
  const contactenOngefilterd = gevondenContacten?.ongefilterd ?? false;
  if (partij !== undefined && partij.soort !== 'organisatie') {
    await logKccProcessing(deps, request, 'zaken-en-contacten-raadplegen', [partij.bsn], { zaken: zaken?.length ?? 0, contacten: contacten?.length ?? 0, gezocht: q !== '' }, startTime);
  }
  return { q, ...(antwoorden ? { antwoorden } : {}), ...(zaken ? { zaken, zakenOngefilterd } : {}), ...(contacten ? { contacten, contactenOngefilterd } : {}) };
}
