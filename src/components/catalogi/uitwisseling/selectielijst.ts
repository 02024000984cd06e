import { findProcestype, findResultaat, findResultaattypeomschrijving } from '../../referentielijsten/repository.ts';

/*
 * A file names Selectielijst entries by their public URL at VNG's Referentielijsten API, whatever API the exporting
 * installation pointed at: the uuids are the national dataset's own (the same in Loket's shipped copy), so the URL
 * means the same thing everywhere.
 */

export const SELECTIELIJST_PUBLIC_BASE = 'https://selectielijst.openzaak.nl/api/v1';

/** The Referentielijsten resources a catalogue refers to. */
export type SelectielijstResource = 'procestypen' | 'resultaten' | 'resultaattypeomschrijvingen';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

const KNOWN: Record<SelectielijstResource, (uuid: string) => unknown> = {
  procestypen: findProcestype,
  resultaten: findResultaat,
  resultaattypeomschrijvingen: findResultaattypeomschrijving,
};

/** The public URL of one entry. */
export function publicSelectielijstUrl(resource: SelectielijstResource, uuid: string): string {
  return `${SELECTIELIJST_PUBLIC_BASE}/${resource}/${uuid.toLowerCase()}`;
}

/** The uuid at the end of any Referentielijsten URL of this resource (on any host), or undefined. */
export function selectielijstUuid(resource: SelectielijstResource, url: string): string | undefined {
  const match = new RegExp(`/${resource}/(${UUID})/?$`, 'i').exec(url);
  return match?.[1]?.toLowerCase();
}

/**
 * The uuid of an entry named by its public URL, when the URL has the public form and the shipped dataset knows the
 * entry; otherwise the reason it is refused, in Dutch.
 */
export function readPublicSelectielijstUrl(resource: SelectielijstResource, url: string): { uuid: string } | { reason: string } {
  const prefix = `${SELECTIELIJST_PUBLIC_BASE}/${resource}/`;
  const uuid = url.startsWith(prefix) ? selectielijstUuid(resource, url) : undefined;
  if (uuid === undefined) return { reason: `Verwacht een URL van de vorm ${prefix}<uuid>.` };
  if (KNOWN[resource](uuid) === undefined) return { reason: `De Selectielijst kent geen ${resource} met uuid ${uuid}.` };
  return { uuid };
}

/**
 * A stored Selectielijst reference in the file's public form: whatever Referentielijsten API it was written against
 * (Loket's own at any host, or VNG's), the entry's uuid under the public base. Empty stays empty; a value that names
 * no entry of this resource is kept as it is, for the import to refuse.
 */
export function toPublicSelectielijstUrl(resource: SelectielijstResource, url: string): string {
  const uuid = url === '' ? undefined : selectielijstUuid(resource, url);
  return uuid === undefined ? url : publicSelectielijstUrl(resource, uuid);
}
