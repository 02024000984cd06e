import { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { Database, Tenant } from '../../platform/database/schema.ts';
import { createDocumentStorage } from '../../components/documenten/storage/storage.ts';
import { insertTestZaak, type TestZaaktype } from '../../../test/zgw-fixtures.ts';
import { insertTestRol } from '../../components/zaken/zaken/zaken-test-kit.ts';

/*
 * Rows for the tests of Mijn omgeving, written straight into the tables: a zaaktype's informatieobjecttype, zaken
 * with an initiator (by BSN or KvK number, with an e-mail address) and documents of a given vertrouwelijkheid.
 */

const RANKS: Record<string, number> = { openbaar: 1, beperkt_openbaar: 2, intern: 3, zaakvertrouwelijk: 4, vertrouwelijk: 5, confidentieel: 6, geheim: 7, zeer_geheim: 8 };

/** A published informatieobjecttype in the zaaktype's catalogus, known to the zaaktype. */
export async function insertTestInformatieobjecttype(db: Kysely<Database>, tenant: Tenant, zaaktype: TestZaaktype, omschrijving = 'Bewijsstuk'): Promise<string> {
  const { uuid } = await db
    .insertInto('informatieobjecttypen')
    .values({ tenant_id: tenant.id, catalogus_uuid: zaaktype.catalogusUuid, omschrijving, vertrouwelijkheidaanduiding: 'zaakvertrouwelijk', concept: false, begin_geldigheid: '2020-01-01', data: JSON.stringify({ informatieobjectcategorie: 'bewijs' }) })
    .returning('uuid')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('zaaktype_informatieobjecttypen')
    .values({ tenant_id: tenant.id, zaaktype_uuid: zaaktype.uuid, informatieobjecttype_omschrijving: omschrijving, volgnummer: 1, richting: 'inkomend', statustype_uuid: null })
    .execute();
  return uuid;
}

/** A zaak whose initiator is this resident (BSN) or business (KvK number), optionally with an e-mail address. */
export async function insertOwnZaak(
  db: Kysely<Database>,
  tenant: Tenant,
  zaaktype: TestZaaktype,
  initiator: { bsn?: string; kvk?: string; email?: string },
  options: { startdatum?: string; einddatum?: string | null } = {},
): Promise<{ uuid: string; identificatie: string; url: string }> {
  const zaak = await insertTestZaak(db, tenant, zaaktype, options);
  if (initiator.kvk !== undefined) {
    await db
      .insertInto('rollen')
      .values({
        tenant_id: tenant.id,
        zaak_uuid: zaak.uuid,
        roltype_uuid: zaaktype.roltypen.initiator.uuid,
        betrokkene_type: 'niet_natuurlijk_persoon',
        omschrijving_generiek: 'initiator',
        inp_bsn: null,
        anp_identificatie: null,
        inp_a_nummer: null,
        inn_nnp_id: null,
        ann_identificatie: initiator.kvk,
        vestigings_nummer: null,
        medewerker_identificatie: null,
        organisatorische_eenheid_identificatie: null,
        data: JSON.stringify({ roltoelichting: 'Aanvrager', betrokkeneIdentificatie: { annIdentificatie: initiator.kvk, statutaireNaam: 'Bakkerij B.V.' } }),
      })
      .execute();
  } else {
    const rol = await insertTestRol(db, tenant, zaak.uuid, zaaktype, { bsn: initiator.bsn });
    if (initiator.email !== undefined) {
      const row = await db.selectFrom('rollen').select('data').where('uuid', '=', rol).executeTakeFirstOrThrow();
      await db.updateTable('rollen').set({ data: JSON.stringify({ ...row.data, contactpersoonRol: { emailadres: initiator.email, naam: 'S. Moulin' } }) }).where('uuid', '=', rol).execute();
    }
  }
  const { identificatie } = await db.selectFrom('zaken').select('identificatie').where('uuid', '=', zaak.uuid).executeTakeFirstOrThrow();
  return { ...zaak, identificatie };
}

/** A document of the zaak with this vertrouwelijkheid and content, related to the zaak as the Documenten API keeps it. */
export async function insertZaakDocument(
  db: Kysely<Database>,
  dataDir: string,
  tenant: Tenant,
  zaakUuid: string,
  informatieobjecttypeUuid: string,
  options: { titel: string; vertrouwelijkheidaanduiding: string; content?: string },
): Promise<string> {
  const bytes = Buffer.from(options.content ?? `%PDF-1.4 ${options.titel}`);
  const blob = await createDocumentStorage(dataDir).put(tenant.id, Readable.from([bytes]));
  const { uuid } = await db
    .insertInto('documenten')
    .values({ tenant_id: tenant.id, versie: 1, identificatie: `DOC-${Math.floor(Math.random() * 1e12)}`, bronorganisatie: '002220647', informatieobjecttype_uuid: informatieobjecttypeUuid, vertrouwelijkheid_rank: RANKS[options.vertrouwelijkheidaanduiding] ?? 8 })
    .returning('uuid')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('documentversies')
    .values({
      tenant_id: tenant.id,
      document_uuid: uuid,
      versie: 1,
      data: JSON.stringify({ titel: options.titel, bestandsnaam: `${options.titel}.pdf`, formaat: 'application/pdf', creatiedatum: '2026-01-06', vertrouwelijkheidaanduiding: options.vertrouwelijkheidaanduiding }),
      inhoud_sha256: blob.sha256,
      bestandsomvang: blob.size,
    })
    .execute();
  await db.insertInto('objectinformatieobjecten').values({ tenant_id: tenant.id, document_uuid: uuid, object_type: 'zaak', object_uuid: zaakUuid, object_url: null }).execute();
  return uuid;
}

/** A multipart/form-data body with the CSRF token and one file, as a browser sends the hand-in form. */
export function multipartBody(fields: Record<string, string>, file?: { name: string; type: string; content: Buffer }): { payload: Buffer; headers: { 'content-type': string } } {
  const boundary = `----loket${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  if (file) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="bestand"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`), file.content, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
