import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import { familyKey, familyLifetimes } from '../shared/repository.ts';

/*
 * The zaaktype a part (statustype, resultaattype, roltype, eigenschap, zaaktype-informatieobjecttype,
 * zaakobjecttype) belongs to. A part has no life of its own: it is a concept while its zaaktype is (ztc-010), and
 * its geldigheid is the zaaktype's ("Deze velden bevatten de afgeleide waarden van de beginGeldigheid en
 * eindGeldigheid van het bijbehorende Zaaktype").
 */

/** What a part's rules need of its zaaktype. */
export interface OwningZaaktype {
  uuid: string;
  catalogusUuid: string;
  identificatie: string;
  concept: boolean;
  beginGeldigheid: string;
  eindeGeldigheid: string | null;
  /** The Selectielijst procestype URL, '' when the zaaktype names none (ztc-002 compares resultaten with it). */
  selectielijstProcestype: string;
}

/** What a part's presentation needs of its zaaktype: also the lifetime of the zaaktype over all its versions. */
export interface PresentedOwner extends OwningZaaktype {
  beginObject: string;
  eindeObject: string | null;
}

interface OwnerRow {
  uuid: string;
  catalogus_uuid: string;
  identificatie: string;
  concept: boolean;
  begin_geldigheid: string;
  einde_geldigheid: string | null;
  selectielijst_procestype: string | null;
}

function selectOwners(db: Kysely<Database>, tenantId: string) {
  return db
    .selectFrom('zaaktypen')
    .select([
      'uuid',
      'catalogus_uuid',
      'identificatie',
      'concept',
      'begin_geldigheid',
      'einde_geldigheid',
      sql<string | null>`data ->> 'selectielijstProcestype'`.as('selectielijst_procestype'),
    ])
    .where('tenant_id', '=', tenantId);
}

function toOwner(row: OwnerRow): OwningZaaktype {
  return {
    uuid: row.uuid,
    catalogusUuid: row.catalogus_uuid,
    identificatie: row.identificatie,
    concept: row.concept,
    beginGeldigheid: row.begin_geldigheid,
    eindeGeldigheid: row.einde_geldigheid,
    selectielijstProcestype: row.selectielijst_procestype ?? '',
  };
}

/**
 * One zaaktype of the tenant, or undefined. `lock` takes a share lock for the rest of the transaction, so the
 * zaaktype cannot be published (which locks it for update) while a part is being written to it.
 */
export async function findOwningZaaktype(db: Kysely<Database>, tenantId: string, uuid: string, options: { lock?: boolean } = {}): Promise<OwningZaaktype | undefined> {
  const query = selectOwners(db, tenantId).where('uuid', '=', uuid);
  const row = await (options.lock ? query.forShare() : query).executeTakeFirst();
  return row ? toOwner(row) : undefined;
}

/** The zaaktypen of a page of parts, with their lifetimes, by uuid: two queries for the whole page. */
export async function loadOwners(db: Kysely<Database>, tenantId: string, uuids: readonly string[]): Promise<Map<string, PresentedOwner>> {
  const distinct = [...new Set(uuids)];
  if (distinct.length === 0) return new Map();
  const owners = (await selectOwners(db, tenantId).where('uuid', 'in', distinct).execute()).map(toOwner);
  const lifetimes = await familyLifetimes(
    db,
    tenantId,
    'zaaktypen',
    owners.map((owner) => ({ catalogusUuid: owner.catalogusUuid, name: owner.identificatie })),
  );
  return new Map(
    owners.map((owner) => {
      const lifetime = lifetimes.get(familyKey(owner.catalogusUuid, owner.identificatie));
      return [owner.uuid, { ...owner, beginObject: lifetime?.beginObject ?? owner.beginGeldigheid, eindeObject: lifetime ? lifetime.eindeObject : owner.eindeGeldigheid }];
    }),
  );
}

/** The zaaktype of one part, which must exist (a part's zaaktype_uuid is a foreign key). */
export function ownerOf(owners: ReadonlyMap<string, PresentedOwner>, zaaktypeUuid: string): PresentedOwner {
  const owner = owners.get(zaaktypeUuid);
  if (!owner) throw new Error(`zaaktype ${zaaktypeUuid} of a part was not loaded`);
  return owner;
}
