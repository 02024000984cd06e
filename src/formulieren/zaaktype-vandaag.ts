import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../platform/database/schema.ts';
import { listZaaktypePage } from '../components/catalogi/zaaktypen/service.ts';
import type { ZaaktypeFeiten } from './definitie-controle.ts';

/*
 * The zaaktype a form is for, as the Catalogi service presents the version valid on a day: its URL and the URLs of
 * the statustypen, roltypen, eigenschappen and informatieobjecttypen a submission refers to. Read through the
 * catalogue's own service (expand), never its tables.
 */

/** The parts of the zaaktype (valid on one day) that a submission uses. */
export interface ZaaktypeVandaag {
  url: string;
  identificatie: string;
  omschrijving: string;
  /** The legal decision term (ISO 8601 duration): the aanvraag's deadline counts from its startdatum. */
  doorlooptijd: string;
  /** Statustypen by volgnummer, lowest first. */
  statustypen: { url: string; volgnummer: number }[];
  /** Roltypen: omschrijving, omschrijvingGeneriek and URL. */
  roltypen: { url: string; omschrijving: string; omschrijvingGeneriek: string }[];
  /** Eigenschappen by naam. */
  eigenschappen: Map<string, { url: string; formaat: string; waardenverzameling: string[] }>;
  /** Informatieobjecttypen by omschrijving. */
  informatieobjecttypen: Map<string, string>;
}

type Json = Record<string, unknown>;

function list(value: unknown): Json[] {
  return Array.isArray(value) ? value.filter((item): item is Json => typeof item === 'object' && item !== null) : [];
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** Where the catalogue's URLs point: the host the request came in on. */
export interface ApiOrigin {
  protocol: 'http' | 'https';
  host: string;
}

/** The published zaaktype with this identificatie valid on `date` (YYYY-MM-DD), or undefined when there is none. */
export async function zaaktypeOpDatum(db: Kysely<Database>, tenantId: string, origin: ApiOrigin, identificatie: string, date: string): Promise<ZaaktypeVandaag | undefined> {
  const base = `${origin.protocol}://${origin.host}/catalogi/api/v1`;
  // Loket reads its own catalogue here (no API client): the caller without apiCaller, as the beheer screens do.
  const caller = { id: `eformulier-${randomUUID()}`, headers: {}, tenant: { id: tenantId }, apiCaller: undefined, staff: undefined, url: '/catalogi/api/v1/zaaktypen', ...origin };
  const page = await listZaaktypePage(db, caller, base, { identificatie, datumGeldigheid: date, status: 'definitief', expand: 'statustypen,roltypen,eigenschappen,informatieobjecttypen' });
  const zaaktype = page.results[0] as unknown as Json | undefined;
  if (!zaaktype) return undefined;
  const expanded = (zaaktype._expand ?? {}) as Json;
  const statustypen = list(expanded.statustypen)
    .map((item) => ({ url: text(item.url), volgnummer: typeof item.volgnummer === 'number' ? item.volgnummer : Number.MAX_SAFE_INTEGER }))
    .sort((a, b) => a.volgnummer - b.volgnummer);
  const roltypen = list(expanded.roltypen).map((item) => ({ url: text(item.url), omschrijving: text(item.omschrijving), omschrijvingGeneriek: text(item.omschrijvingGeneriek) }));
  const eigenschappen = new Map(
    list(expanded.eigenschappen).map((item) => {
      const spec = (item.specificatie ?? {}) as Json;
      const waarden = Array.isArray(spec.waardenverzameling) ? spec.waardenverzameling.filter((value): value is string => typeof value === 'string') : [];
      return [text(item.naam), { url: text(item.url), formaat: text(spec.formaat), waardenverzameling: waarden }] as const;
    }),
  );
  const informatieobjecttypen = new Map(list(expanded.informatieobjecttypen).map((item) => [text(item.omschrijving), text(item.url)] as const));
  return { url: text(zaaktype.url), identificatie: text(zaaktype.identificatie), omschrijving: text(zaaktype.omschrijving), doorlooptijd: text(zaaktype.doorlooptijd), statustypen, roltypen, eigenschappen, informatieobjecttypen };
}

/** What a form definition may map to, for the checks when it is saved. */
export function feitenVan(zaaktype: ZaaktypeVandaag): ZaaktypeFeiten {
  return {
    identificatie: zaaktype.identificatie,
    eigenschappen: zaaktype.eigenschappen,
    informatieobjecttypen: [...zaaktype.informatieobjecttypen.keys()],
    roltypen: zaaktype.roltypen.map((roltype) => roltype.omschrijving),
  };
}
