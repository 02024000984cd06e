import type { Kysely } from 'kysely';
import type { Database, Tenant } from '../src/platform/database/schema.ts';

/*
 * Catalogue and zaak rows written straight into the tables, for tests of the Zaken and Besluiten APIs that need
 * a published zaaktype with its statustypen, resultaattypen and roltypen without going through the Catalogi API.
 * URLs follow the tenant's test host (`http://<slug>.test`), as the API presents them.
 */

const SELECTIELIJST = 'https://selectielijst.openzaak.nl/api/v1';
/** A real Selectielijst 2020 resultaat (1.1 Ingericht, vernietigen, P10Y), its procestype 1 and 'Afgewezen'. */
export const SELECTIELIJST_RESULTAAT = `${SELECTIELIJST}/resultaten/6711baff-798b-4c7f-9133-8ad02c8b7c6f`;
export const SELECTIELIJST_PROCESTYPE = `${SELECTIELIJST}/procestypen/b594c8d1-ea6a-4bcd-a6aa-2c7a8ad3fe5b`;
export const RESULTAATTYPEOMSCHRIJVING_AFGEWEZEN = `${SELECTIELIJST}/resultaattypeomschrijvingen/e6a0c939-3404-45b0-88e3-76c94fb80ea7`;

export interface TestZaaktype {
  uuid: string;
  url: string;
  catalogusUuid: string;
  statustypen: { uuid: string; url: string; volgnummer: number }[];
  /** The last statustype: setting it closes the zaak. */
  eindstatustype: { uuid: string; url: string };
  resultaattype: { uuid: string; url: string };
  roltypen: Record<'initiator' | 'behandelaar' | 'belanghebbende', { uuid: string; url: string }>;
}

function catalogiUrl(tenant: Tenant, resource: string, uuid: string): string {
  return `http://${tenant.hostnames[0] ?? `${tenant.slug}.test`}/catalogi/api/v1/${resource}/${uuid}`;
}

// Domeinen (at most 5 characters) unique within a test process: a counter from a random start, in base 36, so
// many catalogussen of one tenant never collide on the (tenant, domein, rsin) key.
let domeinCounter = Math.floor(Math.random() * 36 ** 4);
function nextDomein(): string {
  domeinCounter = (domeinCounter + 1) % 36 ** 4;
  return `T${domeinCounter.toString(36).toUpperCase().padStart(4, '0')}`;
}

/** A catalogus for the tenant (one per call). */
export async function insertTestCatalogus(db: Kysely<Database>, tenant: Tenant): Promise<string> {
  const domein = nextDomein();
  const { uuid } = await db
    .insertInto('catalogussen')
    .values({ tenant_id: tenant.id, domein, rsin: '002220647', contactpersoon_beheer_naam: 'Test Beheer' })
    .returning('uuid')
    .executeTakeFirstOrThrow();
  return uuid;
}

/**
 * A zaaktype with three statustypen (ontvangen, in behandeling, afgehandeld), one resultaattype (afgewezen,
 * vernietigen after P10Y from the afgehandeld date) and the initiator/behandelaar/belanghebbende roltypen.
 * Published unless `concept` is true.
 */
export async function insertTestZaaktype(
  db: Kysely<Database>,
  tenant: Tenant,
  options: { concept?: boolean; vertrouwelijkheidaanduiding?: string; catalogusUuid?: string; identificatie?: string; doorlooptijd?: string } = {},
): Promise<TestZaaktype> {
  const catalogusUuid = options.catalogusUuid ?? (await insertTestCatalogus(db, tenant));
  const zaaktype = await db
    .insertInto('zaaktypen')
    .values({
      tenant_id: tenant.id,
      catalogus_uuid: catalogusUuid,
      identificatie: options.identificatie ?? `ZT-${Math.floor(Math.random() * 1e9)}`,
      omschrijving: 'Testzaaktype',
      vertrouwelijkheidaanduiding: options.vertrouwelijkheidaanduiding ?? 'openbaar',
      doorlooptijd: options.doorlooptijd ?? 'P8W',
      servicenorm: null,
      opschorting_en_aanhouding_mogelijk: true,
      verlenging_mogelijk: true,
      verlengingstermijn: 'P6W',
      concept: options.concept ?? false,
      begin_geldigheid: '2020-01-01',
      data: JSON.stringify({
        doel: 'Testen',
        aanleiding: 'Tests',
        indicatieInternOfExtern: 'extern',
        handelingInitiator: 'aanvragen',
        onderwerp: 'Test',
        handelingBehandelaar: 'behandelen',
        publicatieIndicatie: false,
        productenOfDiensten: ['https://example.com/producten/1'],
        referentieproces: { naam: 'Test' },
        verantwoordelijke: '002220647',
        selectielijstProcestype: SELECTIELIJST_PROCESTYPE,
        trefwoorden: [],
        verantwoordingsrelatie: [],
        gerelateerdeZaaktypen: [],
        deelzaaktypen: [],
      }),
    })
    .returning('uuid')
    .executeTakeFirstOrThrow();
  const statustypen = [];
  for (const [index, omschrijving] of ['Ontvangen', 'In behandeling', 'Afgehandeld'].entries()) {
    const { uuid } = await db
      .insertInto('statustypen')
      .values({ tenant_id: tenant.id, zaaktype_uuid: zaaktype.uuid, omschrijving, volgnummer: index + 1, data: JSON.stringify({ statustekst: omschrijving }) })
      .returning('uuid')
      .executeTakeFirstOrThrow();
    statustypen.push({ uuid, url: catalogiUrl(tenant, 'statustypen', uuid), volgnummer: index + 1 });
  }
  const resultaattype = await db
    .insertInto('resultaattypen')
    .values({
      tenant_id: tenant.id,
      zaaktype_uuid: zaaktype.uuid,
      omschrijving: 'Afgewezen',
      resultaattypeomschrijving: RESULTAATTYPEOMSCHRIJVING_AFGEWEZEN,
      selectielijstklasse: SELECTIELIJST_RESULTAAT,
      archiefnominatie: 'vernietigen',
      archiefactietermijn: 'P10Y',
      brondatum_archiefprocedure: JSON.stringify({ afleidingswijze: 'afgehandeld', datumkenmerk: '', einddatumBekend: false, objecttype: '', registratie: '', procestermijn: null }),
    })
    .returning('uuid')
    .executeTakeFirstOrThrow();
  const roltypen = {} as TestZaaktype['roltypen'];
  for (const generiek of ['initiator', 'behandelaar', 'belanghebbende'] as const) {
    const { uuid } = await db
      .insertInto('roltypen')
      .values({ tenant_id: tenant.id, zaaktype_uuid: zaaktype.uuid, omschrijving: generiek, omschrijving_generiek: generiek })
      .returning('uuid')
      .executeTakeFirstOrThrow();
    roltypen[generiek] = { uuid, url: catalogiUrl(tenant, 'roltypen', uuid) };
  }
  const last = statustypen[statustypen.length - 1];
  if (!last) throw new Error('no statustypen');
  return {
    uuid: zaaktype.uuid,
    url: catalogiUrl(tenant, 'zaaktypen', zaaktype.uuid),
    catalogusUuid,
    statustypen,
    eindstatustype: last,
    resultaattype: { uuid: resultaattype.uuid, url: catalogiUrl(tenant, 'resultaattypen', resultaattype.uuid) },
    roltypen,
  };
}

/** A zaak of the zaaktype written straight into the table (identificatie unique per call). */
export async function insertTestZaak(
  db: Kysely<Database>,
  tenant: Tenant,
  zaaktype: Pick<TestZaaktype, 'uuid'>,
  options: { vertrouwelijkheidaanduiding?: string; einddatum?: string | null; startdatum?: string } = {},
): Promise<{ uuid: string; url: string }> {
  const { uuid } = await db
    .insertInto('zaken')
    .values({
      tenant_id: tenant.id,
      identificatie: `TEST-${Math.floor(Math.random() * 1e12)}`,
      bronorganisatie: '002220647',
      zaaktype_uuid: zaaktype.uuid,
      verantwoordelijke_organisatie: '002220647',
      registratiedatum: options.startdatum ?? '2026-01-05',
      startdatum: options.startdatum ?? '2026-01-05',
      einddatum: options.einddatum ?? null,
      vertrouwelijkheidaanduiding: options.vertrouwelijkheidaanduiding ?? 'openbaar',
    })
    .returning('uuid')
    .executeTakeFirstOrThrow();
  return { uuid, url: `http://${tenant.hostnames[0] ?? `${tenant.slug}.test`}/zaken/api/v1/zaken/${uuid}` };
}
