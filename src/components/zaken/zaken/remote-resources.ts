import type { InvalidParam } from '../../../platform/errors/catalogue.ts';
import { findResultaat } from '../../referentielijsten/repository.ts';
import { uuidFromUrl } from '../../../platform/auth/autorisaties.ts';

/*
 * References from a zaak to resources of other APIs that the Zaken API must check exist (zrc-010 communicatiekanaal,
 * the selectielijstklasse). The Selectielijst ships with Loket, so its resultaten are looked up locally; a
 * communicatiekanaal lives in the VNG Referentielijsten API (or a copy of it) and is fetched.
 */

/** How long a remote reference may take to answer before it counts as unreachable. */
const FETCH_TIMEOUT_MS = 5000;

/** The JSON a URL answers with a 200, or undefined (unreachable, another status, not JSON, or not http(s)). */
export async function fetchJsonResource(url: string): Promise<unknown> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  try {
    const response = await fetch(parsed, { headers: { accept: 'application/json' }, redirect: 'follow', signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
    if (response.status !== 200) return undefined;
    return (await response.json()) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * zrc-010: the communicatiekanaal must answer 200 (`bad-url` otherwise) with a communicatiekanaal of the
 * Referentielijsten API: an object with `url`, `naam` and `omschrijving` (`invalid-resource` otherwise).
 */
export async function communicatiekanaalProblems(url: string, fetchJson: (url: string) => Promise<unknown> = fetchJsonResource): Promise<InvalidParam[]> {
  const resource = await fetchJson(url);
  if (resource === undefined) return [{ name: 'communicatiekanaal', code: 'bad-url', reason: 'De URL kon niet worden opgevraagd (geen HTTP 200 met JSON).' }];
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
