import type { Kysely } from 'kysely';
import type { LightMyRequestResponse } from 'fastify';
import type { Database, Tenant } from '../../platform/database/schema.ts';
import { createProduct, publishProduct } from '../../kennisbank/producten/service.ts';
import { testInhoud } from '../../kennisbank/kennisbank-test-fixtures.ts';
import { insertTestZaak } from '../../../test/zgw-fixtures.ts';
import type { TestApp } from '../../../test/fixtures.ts';
import type { SignedInStaff } from '../../../test/staff-session.ts';
import { completeSearchLog } from '../../kennisbank/zoeklog/service.ts';

/* Test helpers of the KCC workspace: zaken with a rol naming a person or business, a published answer, and page calls. */

/** A person as a rol of a zaak names them. */
export interface RolPersoon {
  bsn: string;
  voornamen: string;
  geslachtsnaam: string;
  voorvoegselGeslachtsnaam?: string;
  geboortedatum: string;
}

/** A zaak of the demo zaaktype with this identificatie, with an initiator rol and its first status set. */
export async function insertZaakVan(
  db: Kysely<Database>,
  tenant: Tenant,
  zaaktypeIdentificatie: string,
  aanduiding: string,
  initiator: RolPersoon | { kvkNummer: string; statutaireNaam: string },
  omschrijving = '',
): Promise<{ uuid: string; identificatie: string }> {
  const zaaktype = await db.selectFrom('zaaktypen').select('uuid').where('tenant_id', '=', tenant.id).where('identificatie', '=', zaaktypeIdentificatie).orderBy('created_at', 'desc').executeTakeFirstOrThrow();
  const zaak = await insertTestZaak(db, tenant, zaaktype, { vertrouwelijkheidaanduiding: aanduiding });
  if (omschrijving !== '') await db.updateTable('zaken').set({ omschrijving }).where('uuid', '=', zaak.uuid).execute();
  const roltype = await db.selectFrom('roltypen').select('uuid').where('tenant_id', '=', tenant.id).where('zaaktype_uuid', '=', zaaktype.uuid).executeTakeFirstOrThrow();
  const persoon = 'bsn' in initiator;
  await db
    .insertInto('rollen')
    .values({
      tenant_id: tenant.id,
      zaak_uuid: zaak.uuid,
      roltype_uuid: roltype.uuid,
      betrokkene_type: persoon ? 'natuurlijk_persoon' : 'niet_natuurlijk_persoon',
      omschrijving_generiek: 'initiator',
      inp_bsn: persoon ? initiator.bsn : null,
      ann_identificatie: persoon ? null : initiator.kvkNummer,
      data: JSON.stringify({
        betrokkeneIdentificatie: persoon
          ? { inpBsn: initiator.bsn, voornamen: initiator.voornamen, geslachtsnaam: initiator.geslachtsnaam, voorvoegselGeslachtsnaam: initiator.voorvoegselGeslachtsnaam ?? '', geboortedatum: initiator.geboortedatum }
          : { annIdentificatie: initiator.kvkNummer, statutaireNaam: initiator.statutaireNaam },
      }),
    })
    .execute();
  const statustype = await db.selectFrom('statustypen').select('uuid').where('tenant_id', '=', tenant.id).where('zaaktype_uuid', '=', zaaktype.uuid).orderBy('volgnummer').executeTakeFirstOrThrow();
  await db.insertInto('statussen').values({ tenant_id: tenant.id, zaak_uuid: zaak.uuid, statustype_uuid: statustype.uuid, datum_status_gezet: new Date() }).execute();
  const { identificatie } = await db.selectFrom('zaken').select('identificatie').where('uuid', '=', zaak.uuid).executeTakeFirstOrThrow();
  return { uuid: zaak.uuid, identificatie };
}

/** A published kennisbank answer with an internal KCC note. */
export async function publishAnswer(db: Kysely<Database>, tenant: Tenant, slug: string, overrides: Parameters<typeof testInhoud>[0] = {}): Promise<void> {
  await createProduct(db, tenant.id, 'redactie', slug, testInhoud(overrides));
  await publishProduct(db, tenant.id, 'redactie', slug);
}

/** Calls on the KCC pages as one signed-in staff member. */
export function kccPages(test: TestApp, staff: SignedInStaff) {
  const headers = { ...staff.headers, accept: 'text/html' };
  return {
    get: (url: string): Promise<LightMyRequestResponse> => test.app.inject({ method: 'GET', url, headers }),
    post: (url: string, payload: Record<string, string>): Promise<LightMyRequestResponse> => test.app.inject({ method: 'POST', url, headers, payload: { _csrf: staff.csrfToken, ...payload } }),
    /** Registers a contact; returns the klantcontact's uuid. */
    async register(kanaal: string, onderwerp = ''): Promise<string> {
      const response = await test.app.inject({ method: 'POST', url: '/medewerker/kcc/contacten', headers, payload: { _csrf: staff.csrfToken, kanaal, onderwerp } });
      const location = String(response.headers.location ?? '');
      const uuid = /\/medewerker\/kcc\/contacten\/([0-9a-f-]{36})$/.exec(location)?.[1];
      if (response.statusCode !== 303 || uuid === undefined) throw new Error(`Registering answered ${response.statusCode}: ${response.body.slice(0, 300)}`);
      return uuid;
    },
  };
}

/** The search log rows of the tenant (after writing what this process still holds). */
export async function searchLogOf(db: Kysely<Database>, tenant: Tenant) {
  await completeSearchLog(db);
  return db.selectFrom('kennisbank_zoekopdrachten').select(['uuid', 'zoekterm', 'kanaal', 'aantal_resultaten', 'geklikt_product_uuid', 'geklikte_positie']).where('tenant_id', '=', tenant.id).orderBy('gezocht_op').execute();
}
