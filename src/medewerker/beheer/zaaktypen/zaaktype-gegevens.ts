import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import { listCatalogusPage } from '../../../components/catalogi/catalogussen/service.ts';
import { listEigenschapPage } from '../../../components/catalogi/eigenschappen/service.ts';
import { listInformatieobjecttypePage } from '../../../components/catalogi/informatieobjecttypen/service.ts';
import { listResultaattypePage } from '../../../components/catalogi/resultaattypen/service.ts';
import { listRoltypePage } from '../../../components/catalogi/roltypen/service.ts';
import type { CatalogiCaller } from '../../../components/catalogi/shared/caller.ts';
import { listStatustypePage } from '../../../components/catalogi/statustypen/service.ts';
import { listZaaktypeInformatieobjecttypePage } from '../../../components/catalogi/zaaktype-informatieobjecttypen/service.ts';
import { listZaaktypePage, retrieveZaaktype } from '../../../components/catalogi/zaaktypen/service.ts';
import type { ZaaktypeJson } from '../../../components/catalogi/zaaktypen/present.ts';

/*
 * What the zaaktype beheer pages show, read through the Catalogi services as an API client would: the catalogussen
 * with their zaaktypen (every version, concepts included) and one zaaktype with its parts.
 */

export type BeheerCatalogiCaller = CatalogiCaller & Pick<FastifyRequest, 'protocol' | 'host' | 'url'>;
type Json = Record<string, unknown>;

/** Every page of a list operation (a catalogue of a municipality holds hundreds of types at most). */
async function allPages<T>(load: (page: number) => Promise<{ next: string | null; results: T[] }>): Promise<T[]> {
  const results: T[] = [];
  for (let page = 1; page <= 50; page += 1) {
    const list = await load(page);
    results.push(...list.results);
    if (list.next === null) break;
  }
  return results;
}

export interface CatalogusMetZaaktypen {
  url: string;
  naam: string;
  zaaktypen: ZaaktypeJson[];
}

/** The tenant's catalogussen, each with all versions of its zaaktypen sorted by identificatie and begin. */
export async function loadCatalogussen(db: Kysely<Database>, caller: BeheerCatalogiCaller, base: string): Promise<CatalogusMetZaaktypen[]> {
  const catalogussen = await allPages((page) => listCatalogusPage(db, caller, base, { page }));
  const zaaktypen = await allPages((page) => listZaaktypePage(db, caller, base, { status: 'alles', page }));
  return catalogussen.map((catalogus) => ({
    url: catalogus.url,
    naam: String(catalogus.naam || `${catalogus.domein} (${catalogus.rsin})`),
    zaaktypen: zaaktypen
      .filter((zaaktype) => zaaktype.catalogus === catalogus.url)
      .sort((a, b) => String(a.identificatie).localeCompare(String(b.identificatie)) || String(a.beginGeldigheid).localeCompare(String(b.beginGeldigheid))),
  }));
}

export interface ZaaktypeMetOnderdelen {
  zaaktype: ZaaktypeJson;
  statustypen: Json[];
  resultaattypen: Json[];
  roltypen: Json[];
  eigenschappen: Json[];
  /** Per link (zaaktype-informatieobjecttype): the informatieobjecttype shown, its direction and place. */
  informatieobjecttypen: GekoppeldInformatieobjecttype[];
  /** The informatieobjecttypen of the zaaktype's catalogus, every version, concepts included. */
  catalogusInformatieobjecttypen: Json[];
  /** The other versions of the same zaaktype (same catalogus and identificatie). */
  versies: ZaaktypeJson[];
}

export interface GekoppeldInformatieobjecttype {
  /** The link's URL (a zaaktype-informatieobjecttype). */
  koppeling: string;
  /** The URL of the informatieobjecttype version that applies; '' when the catalogus has none of the omschrijving. */
  url: string;
  omschrijving: string;
  concept: boolean;
  richting: string;
  volgnummer: number;
}

/** One zaaktype of the tenant with its parts; a not_found problem for anything else. */
export async function loadZaaktype(db: Kysely<Database>, caller: BeheerCatalogiCaller, base: string, uuid: string): Promise<ZaaktypeMetOnderdelen> {
  const zaaktype = await retrieveZaaktype(db, caller, base, uuid);
  const query = { zaaktype: zaaktype.url, status: 'alles' as const };
  const [statustypen, resultaattypen, roltypen, eigenschappen, ziots, versies, iots] = await Promise.all([
    allPages((page) => listStatustypePage(db, caller, base, { ...query, page })),
    allPages((page) => listResultaattypePage(db, caller, base, { ...query, page })),
    allPages((page) => listRoltypePage(db, caller, base, { ...query, page })),
    allPages((page) => listEigenschapPage(db, caller, base, { ...query, page })),
    allPages((page) => listZaaktypeInformatieobjecttypePage(db, caller, base, { ...query, page })),
    allPages((page) => listZaaktypePage(db, caller, base, { status: 'alles', identificatie: String(zaaktype.identificatie), catalogus: String(zaaktype.catalogus), page })),
    allPages((page) => listInformatieobjecttypePage(db, caller, base, { catalogus: String(zaaktype.catalogus), status: 'alles', page })),
  ]);
  const iotOf = new Map((iots as unknown as Json[]).map((iot) => [String(iot.url), iot]));
  return {
    zaaktype,
    statustypen: (statustypen as unknown as Json[]).sort((a, b) => Number(a.volgnummer) - Number(b.volgnummer)),
    resultaattypen: resultaattypen as unknown as Json[],
    roltypen: roltypen as unknown as Json[],
    eigenschappen: eigenschappen as unknown as Json[],
    informatieobjecttypen: (ziots as unknown as Json[])
      .map((ziot) => {
        const iot = iotOf.get(String(ziot.informatieobjecttype));
        return {
          koppeling: String(ziot.url),
          url: iot ? String(iot.url) : '',
          omschrijving: iot ? String(iot.omschrijving) : String(ziot.informatieobjecttype),
          concept: iot?.concept === true,
          richting: String(ziot.richting ?? ''),
          volgnummer: Number(ziot.volgnummer),
        };
      })
      .sort((a, b) => a.volgnummer - b.volgnummer),
    catalogusInformatieobjecttypen: (iots as unknown as Json[]).sort((a, b) => String(a.omschrijving).localeCompare(String(b.omschrijving)) || String(a.beginGeldigheid).localeCompare(String(b.beginGeldigheid))),
    versies: versies.filter((versie) => versie.url !== zaaktype.url).sort((a, b) => String(a.beginGeldigheid).localeCompare(String(b.beginGeldigheid))),
  };
}
