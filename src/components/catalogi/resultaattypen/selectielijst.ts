import { ProblemError } from '../../../platform/errors/problem.ts';
import { API_ROOT as REFERENTIELIJSTEN_ROOT } from '../../referentielijsten/present.ts';
import type { ResultaatRecord, ResultaattypeomschrijvingRecord } from '../../referentielijsten/repository.ts';
import { getResultaat, getResultaattypeomschrijving } from '../../referentielijsten/service.ts';
import { CATALOGI_ROOT } from '../shared/urls.ts';
import { SELECTIELIJST_PUBLIC_BASE, selectielijstUuid } from '../uitwisseling/selectielijst.ts';

/*
 * A resultaattype points into the Selectielijst (`selectielijstklasse`, a resultaat) and the Referentielijsten
 * (`resultaattypeomschrijving`). Loket ships that national data (../../referentielijsten) and accepts two addresses
 * for an entry: its own Referentielijsten API on the host the client used, and the public address of VNG's
 * reference API, whose uuids the shipped data shares. The URL is stored as given.
 */

type Resource = 'resultaten' | 'resultaattypeomschrijvingen';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The uuid an accepted address names, or undefined for any other URL. */
function entryUuid(resource: Resource, url: string, catalogiBase: string): string | undefined {
  const origin = catalogiBase.endsWith(CATALOGI_ROOT) ? catalogiBase.slice(0, -CATALOGI_ROOT.length) : catalogiBase;
  for (const prefix of [`${origin}${REFERENTIELIJSTEN_ROOT}/${resource}/`, `${SELECTIELIJST_PUBLIC_BASE}/${resource}/`]) {
    if (!url.startsWith(prefix)) continue;
    const rest = url.slice(prefix.length).replace(/\/$/, '');
    return UUID.test(rest) ? rest.toLowerCase() : undefined;
  }
  return undefined;
}

function known<T>(lookup: () => T): T | undefined {
  try {
    return lookup();
  } catch (error) {
    if (error instanceof ProblemError && error.code === 'not_found') return undefined;
    throw error;
  }
}

/** The Selectielijst resultaat an accepted address names, or undefined. */
export function selectielijstResultaat(url: string, catalogiBase: string): ResultaatRecord | undefined {
  const uuid = entryUuid('resultaten', url, catalogiBase);
  return uuid === undefined ? undefined : known(() => getResultaat(uuid));
}

/** The resultaattypeomschrijving an accepted address names, or undefined. */
export function resultaattypeomschrijving(url: string, catalogiBase: string): ResultaattypeomschrijvingRecord | undefined {
  const uuid = entryUuid('resultaattypeomschrijvingen', url, catalogiBase);
  return uuid === undefined ? undefined : known(() => getResultaattypeomschrijving(uuid));
}

/**
 * The omschrijving of a stored resultaattypeomschrijving (`omschrijvingGeneriek`). Stored URLs may name another
 * host (the same data served elsewhere), so the entry is found by its uuid alone; '' when unknown.
 */
export function omschrijvingGeneriek(url: string): string {
  const uuid = selectielijstUuid('resultaattypeomschrijvingen', url);
  return (uuid === undefined ? undefined : known(() => getResultaattypeomschrijving(uuid)))?.omschrijving ?? '';
}

/** The procestype uuid of a zaaktype's `selectielijstProcestype` URL, or undefined. */
export function procestypeUuid(url: string): string | undefined {
  return selectielijstUuid('procestypen', url);
}
