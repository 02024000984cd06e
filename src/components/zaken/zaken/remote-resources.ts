import type { InvalidParam } from '../../../platform/errors/catalogue.ts';
import { findResultaat } from '../../referentielijsten/repository.ts';
import { uuidFromUrl } from '../../../platform/auth/autorisaties.ts';
import { fetchOutboundJson, OutboundRequestError, type OutboundPolicy } from '../../../platform/http/outbound-url.ts';

/*
 * References from a zaak to resources of other APIs that the Zaken API must check exist (zrc-010 communicatiekanaal,
 * the selectielijstklasse). The Selectielijst ships with Loket, so its resultaten are looked up locally; a
 * communicatiekanaal lives in the VNG Referentielijsten API (or a copy of it) and is fetched.
 */

/** Private networks refused: the policy when none is configured. */
const PUBLIC_NETWORKS_ONLY: OutboundPolicy = { allowPrivateNetworks: false };

/**
 * The JSON a client-supplied URL answers with a 200, or undefined (refused by the outbound guard, unreachable, another
 * status, a redirect, too large, or not JSON): fetched from the server, so under the guard of outbound-url.ts.
 */
export async function fetchJsonResource(url: string, policy: OutboundPolicy = PUBLIC_NETWORKS_ONLY): Promise<unknown> {
  try {
    return await fetchOutboundJson(url, policy);
  } catch (error) {
    if (error instanceof OutboundRequestError) return undefined;
    throw error;
  }
}

/**
 * zrc-010: the communicatiekanaal must answer 200 (`bad-url` otherwise) with a communicatiekanaal of the
 * Referentielijsten API: an object with `url`, `naam` and `omschrijving` (`invalid-resource` otherwise).
 */
export async function communicatiekanaalProblems(url: string, fetchJson: (url: string) => Promise<unknown> = fetchJsonResource): Promise<InvalidParam[]> {
  const resource = await fetchJson(url);
  if (resource === undefined) return [{ name: 'communicatiekanaal', code: 'bad-url', reason: 'De URL kon niet worden opgevraagd (geen HTTP 200 met JSON, of een adres dat Loket niet mag benaderen).' }];
  const isKanaal = typeof resource === 'object' && resource !== null && ['url', 'naam', 'omschrijving'].every((key) => key in resource);
  if (!isKanaal) return [{ name: 'communicatiekanaal', code: 'invalid-resource', reason: 'De URL verwijst niet naar een communicatiekanaal van de Referentielijsten API.' }];
  return [];
}

/** The selectielijstklasse must be a resultaat of the Selectielijst (`…/api/v1/resultaten/<uuid>`, `bad-url` otherwise). */
export function selectielijstklasseProblems(url: string): InvalidParam[] {
  let path = '';
  try {
    path = new URL(url).pathname;
  } catch {
    // Not a URL: reported below.
  }
  const uuid = /\/api\/v1\/resultaten\/[0-9a-f-]{36}\/?$/i.test(path) ? uuidFromUrl(url) : null;
  if (uuid !== null && findResultaat(uuid) !== undefined) return [];
  return [{ name: 'selectielijstklasse', code: 'bad-url', reason: 'De URL verwijst niet naar een resultaat van de Selectielijst.' }];
}
