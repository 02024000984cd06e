import type { Kysely } from 'kysely';
import type { Database } from '../database/schema.ts';

/*
 * The Autorisaties API model of what an application may do: per component a set of scopes, and for the Zaken,
 * Documenten and Besluiten APIs the type and maximum vertrouwelijkheidaanduiding those scopes reach. Components
 * ask `typeAccess` which types a caller may touch with a scope and filter their lists on it in SQL.
 */

/** The aanduidingen from least to most confidential. */
export const VERTROUWELIJKHEIDAANDUIDINGEN = ['openbaar', 'beperkt_openbaar', 'intern', 'zaakvertrouwelijk', 'vertrouwelijk', 'confidentieel', 'geheim', 'zeer_geheim'] as const;
export type Vertrouwelijkheidaanduiding = (typeof VERTROUWELIJKHEIDAANDUIDINGEN)[number];

/** 1 (openbaar) … 8 (zeer_geheim), as `zaken.vertrouwelijkheid_rank` stores it; 0 for an unknown value. */
export function vertrouwelijkheidRank(aanduiding: string): number {
  return VERTROUWELIJKHEIDAANDUIDINGEN.indexOf(aanduiding as Vertrouwelijkheidaanduiding) + 1;
}

/** Components as the Autorisaties API names them. */
export type AutorisatieComponent = 'ac' | 'nrc' | 'zrc' | 'ztc' | 'drc' | 'brc' | 'cmc' | 'kc' | 'vrc';

/** One autorisatie of an application. The type fields are URLs, as the Autorisaties API exchanges them. */
export interface Autorisatie {
  component: AutorisatieComponent;
  scopes: string[];
  zaaktype: string | null;
  informatieobjecttype: string | null;
  besluittype: string | null;
  maxVertrouwelijkheidaanduiding: Vertrouwelijkheidaanduiding | null;
}

/** What a caller may reach with one scope: everything, or only these types up to a confidentiality rank. */
export type TypeAccess =
  | { all: true }
  | {
      all: false;
      /** typeUuid is the last path segment of typeUrl when it is a uuid (Loket's own catalogue), else null. */
      types: ReadonlyArray<{ typeUrl: string; typeUuid: string | null; maxRank: number }>;
    };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The uuid at the end of a resource URL, or null. */
export function uuidFromUrl(url: string): string | null {
  const last = url.replace(/\/+$/, '').split('/').pop() ?? '';
  return UUID.test(last) ? last.toLowerCase() : null;
}

const TYPE_FIELD = { zrc: 'zaaktype', drc: 'informatieobjecttype', brc: 'besluittype' } as const;

/**
 * Which types of `component` the caller may use with `scope`. A client with heeftAlleAutorisaties reaches all;
 * otherwise every autorisatie of that component holding the scope adds its type (the highest rank wins when a
 * type appears twice). No matching autorisatie gives an empty list: the caller sees nothing.
 */
export function typeAccess(
  caller: { heeftAlleAutorisaties: boolean; autorisaties: readonly Autorisatie[] },
  component: 'zrc' | 'drc' | 'brc',
  scope: string,
): TypeAccess {
  if (caller.heeftAlleAutorisaties) return { all: true };
  // Every request of a client asks this of the same autorisaties (the credential store keeps one array per load).
  let known = accessByAutorisaties.get(caller.autorisaties);
  if (known === undefined) {
    known = new Map();
    accessByAutorisaties.set(caller.autorisaties, known);
  }
  const key = `${component} ${scope}`;
  let access = known.get(key);
  if (access === undefined) {
    access = computeTypeAccess(caller.autorisaties, component, scope);
    known.set(key, access);
  }
  return access;
}

const accessByAutorisaties = new WeakMap<readonly Autorisatie[], Map<string, TypeAccess>>();

function computeTypeAccess(autorisaties: readonly Autorisatie[], component: 'zrc' | 'drc' | 'brc', scope: string): TypeAccess {
  const field = TYPE_FIELD[component];
  const byType = new Map<string, number>();
  for (const autorisatie of autorisaties) {
    const typeUrl = autorisatie[field];
    if (autorisatie.component !== component || !autorisatie.scopes.includes(scope) || typeUrl === null) continue;
    const rank = autorisatie.maxVertrouwelijkheidaanduiding ? vertrouwelijkheidRank(autorisatie.maxVertrouwelijkheidaanduiding) : 0;
    byType.set(typeUrl, Math.max(rank, byType.get(typeUrl) ?? 0));
  }
  return Object.freeze({ all: false, types: Object.freeze([...byType].map(([typeUrl, maxRank]) => Object.freeze({ typeUrl, typeUuid: uuidFromUrl(typeUrl), maxRank }))) });
}

/** Whether the caller may use `scope` on an object of this type and aanduiding (for retrieve, create, update). */
export function mayAccess(access: TypeAccess, type: { url?: string; uuid: string }, aanduiding: string): boolean {
  if (access.all) return true;
  const rank = vertrouwelijkheidRank(aanduiding);
  return access.types.some((allowed) => (allowed.typeUuid === type.uuid.toLowerCase() || allowed.typeUrl === type.url) && rank <= allowed.maxRank);
}

/** Every autorisatie of one applicatie, in the order they were given. */
export async function loadAutorisaties(db: Kysely<Database>, applicatieUuid: string): Promise<Autorisatie[]> {
  const rows = await db
    .selectFrom('applicatie_autorisaties')
    .select(['component', 'scopes', 'zaaktype', 'informatieobjecttype', 'besluittype', 'max_vertrouwelijkheidaanduiding'])
    .where('applicatie_uuid', '=', applicatieUuid)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    component: row.component as AutorisatieComponent,
    scopes: row.scopes,
    zaaktype: row.zaaktype,
    informatieobjecttype: row.informatieobjecttype,
    besluittype: row.besluittype,
    maxVertrouwelijkheidaanduiding: row.max_vertrouwelijkheidaanduiding as Vertrouwelijkheidaanduiding | null,
  }));
}

/** Adds one autorisatie to an applicatie (CLI, tests and the Autorisaties API). */
export async function insertAutorisatie(db: Kysely<Database>, tenantId: string, applicatieUuid: string, autorisatie: Autorisatie): Promise<void> {
  await db
    .insertInto('applicatie_autorisaties')
    .values({
      tenant_id: tenantId,
      applicatie_uuid: applicatieUuid,
      component: autorisatie.component,
      scopes: autorisatie.scopes,
      zaaktype: autorisatie.zaaktype,
      informatieobjecttype: autorisatie.informatieobjecttype,
      besluittype: autorisatie.besluittype,
      max_vertrouwelijkheidaanduiding: autorisatie.maxVertrouwelijkheidaanduiding,
    })
    .execute();
}
