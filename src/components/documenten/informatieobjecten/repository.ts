import { sql, type Expression, type ExpressionBuilder, type Kysely, type Selectable, type SqlBool } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import type { BestandsdelenTable, DocumentenTable, DocumentversiesTable } from '../../../platform/database/tables/documenten.ts';
import type { AllowedDocumentType, DocumentAccess } from '../shared/access.ts';

/** A stored document (identity, lock, the current version's filter columns). */
export type DocumentRow = Selectable<DocumentenTable>;
/** One stored version of a document. */
export type VersieRow = Selectable<DocumentversiesTable>;
/** One part of a chunked upload. */
export type BestandsdeelRow = Selectable<BestandsdelenTable>;

/** The list filters, already resolved: an object filter that names nothing of ours is `null` and matches nothing. */
export interface DocumentFilter {
  identificatie?: string;
  bronorganisatie?: string;
  uuids?: readonly string[];
  trefwoorden?: readonly string[];
  object?: { uuid: string | null; url: string } | null;
  objectType?: string;
  /** The documents the caller may read; undefined when it may read all. */
  access?: DocumentAccess;
}

/** The SQL form of an access list: a document of one of the types, at or below that type's rank. */
function typesCondition(eb: ExpressionBuilder<Database, 'documenten'>, allowed: readonly AllowedDocumentType[]): Expression<SqlBool> {
  if (allowed.length === 0) return eb.val(false);
  return eb.or(
    allowed.map((type) => eb.and([eb('documenten.informatieobjecttype_uuid', '=', type.informatieobjecttypeUuid), eb('documenten.vertrouwelijkheid_rank', '<=', type.maxRank)])),
  );
}

/** The SQL form of what a caller may read: its types and ranks, and only documents gereed voor publicatie when so marked. */
export function accessCondition(eb: ExpressionBuilder<Database, 'documenten'>, access: DocumentAccess): Expression<SqlBool> {
  const conditions: Expression<SqlBool>[] = [];
  if (access.types !== undefined) conditions.push(typesCondition(eb, access.types));
  // `= true`: NULL (gereedheid not known) is not gereed.
  if (access.alleenGereedVoorPublicatie) conditions.push(eb('documenten.is_gereed_voor_publicatie', '=', true));
  return conditions.length === 0 ? eb.val(true) : eb.and(conditions);
}

function filtered(db: Kysely<Database>, tenantId: string, filter: DocumentFilter) {
  let query = db.selectFrom('documenten').where('documenten.tenant_id', '=', tenantId);
  if (filter.identificatie !== undefined) query = query.where('documenten.identificatie', '=', filter.identificatie);
  if (filter.bronorganisatie !== undefined) query = query.where('documenten.bronorganisatie', '=', filter.bronorganisatie);
  if (filter.uuids !== undefined) query = filter.uuids.length === 0 ? query.where((eb) => eb.val(false)) : query.where('documenten.uuid', 'in', filter.uuids);
  if (filter.trefwoorden !== undefined && filter.trefwoorden.length > 0) {
    query = query.where(sql<boolean>`documenten.trefwoorden && ${sql.val(filter.trefwoorden)}::text[]`);
  }
  if (filter.object !== undefined || filter.objectType !== undefined) {
    const object = filter.object;
    const objectType = filter.objectType;
    if (object === null) return query.where((eb) => eb.val(false));
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('objectinformatieobjecten as oio')
          .select('oio.uuid')
          .whereRef('oio.document_uuid', '=', 'documenten.uuid')
          .$if(objectType !== undefined, (sub) => sub.where('oio.object_type', '=', objectType ?? ''))
          .$if(object !== undefined, (sub) =>
            object?.uuid ? sub.where('oio.object_uuid', '=', object.uuid) : sub.where('oio.object_url', '=', object?.url ?? ''),
          ),
      ),
    );
  }
  if (filter.access !== undefined) {
    const access = filter.access;
    query = query.where((eb) => accessCondition(eb, access));
  }
  return query;
}

/** A document with its current version. */
export interface CurrentDocument {
  document: DocumentRow;
  versie: VersieRow;
}

async function withVersions(db: Kysely<Database>, documents: DocumentRow[]): Promise<CurrentDocument[]> {
  if (documents.length === 0) return [];
  const versies = await db
    .selectFrom('documentversies')
    .selectAll()
    .where((eb) => eb.or(documents.map((document) => eb.and([eb('document_uuid', '=', document.uuid), eb('versie', '=', document.versie)]))))
    .execute();
  const byUuid = new Map(versies.map((versie) => [versie.document_uuid, versie]));
  return documents.map((document) => {
    const versie = byUuid.get(document.uuid);
    if (!versie) throw new Error(`document ${document.uuid} has no version ${document.versie}`);
    return { document, versie };
  });
}

/** One page of the tenant's documents matching the filter, newest first, with the total. */
export async function listDocumenten(
  db: Kysely<Database>,
  tenantId: string,
  filter: DocumentFilter,
  window: { limit: number; offset: number },
): Promise<{ count: number; rows: CurrentDocument[] }> {
  const [counted, documents] = await Promise.all([
    filtered(db, tenantId, filter).select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow(),
    filtered(db, tenantId, filter).selectAll('documenten').orderBy('documenten.created_at', 'desc').orderBy('documenten.uuid', 'desc').limit(window.limit).offset(window.offset).execute(),
  ]);
  return { count: Number(counted.count), rows: await withVersions(db, documents) };
}

/** One document of the tenant, or undefined; `forUpdate` locks its row until the transaction ends. */
export async function findDocument(db: Kysely<Database>, tenantId: string, uuid: string, options: { forUpdate?: boolean } = {}): Promise<DocumentRow | undefined> {
  const query = db.selectFrom('documenten').selectAll().where('tenant_id', '=', tenantId).where('uuid', '=', uuid);
  return (options.forUpdate ? query.forUpdate() : query).executeTakeFirst();
}

/** The tenant's documents with these uuids, with their current versions (for expanding a page of relations). */
export async function findCurrentDocuments(db: Kysely<Database>, tenantId: string, uuids: readonly string[]): Promise<CurrentDocument[]> {
  if (uuids.length === 0) return [];
  const documents = await db.selectFrom('documenten').selectAll().where('tenant_id', '=', tenantId).where('uuid', 'in', uuids).execute();
  return withVersions(db, documents);
}

/**
 * The tenant's documents with these uuids that `access` lets a caller read, with their current versions: the same
 * conditions as the lists (type, rank, gereed voor publicatie), so one statement decides for a whole set of documents
 * what retrieving each of them would have decided one by one.
 */
export async function findReadableCurrentDocuments(db: Kysely<Database>, tenantId: string, uuids: readonly string[], access: DocumentAccess): Promise<CurrentDocument[]> {
  if (uuids.length === 0) return [];
  const documents = await filtered(db, tenantId, { uuids, access }).selectAll('documenten').execute();
  return withVersions(db, documents);
}

/**
 * The version of a document a retrieve or download asks for: `versie` exactly, the newest registered at or before
 * `registratieOp`, both, or else the current one. Undefined when there is no such version.
 */
export async function findVersie(db: Kysely<Database>, document: DocumentRow, wanted: { versie?: number; registratieOp?: Date }): Promise<VersieRow | undefined> {
  let query = db.selectFrom('documentversies').selectAll().where('tenant_id', '=', document.tenant_id).where('document_uuid', '=', document.uuid);
  if (wanted.versie !== undefined) query = query.where('versie', '=', wanted.versie);
  if (wanted.registratieOp !== undefined) query = query.where('begin_registratie', '<=', wanted.registratieOp);
  if (wanted.versie === undefined && wanted.registratieOp === undefined) query = query.where('versie', '=', document.versie);
  return query.orderBy('versie', 'desc').limit(1).executeTakeFirst();
}

/** Every stored version of a document, newest first, in one statement. */
export async function findVersies(db: Kysely<Database>, document: DocumentRow): Promise<VersieRow[]> {
  return db.selectFrom('documentversies').selectAll().where('tenant_id', '=', document.tenant_id).where('document_uuid', '=', document.uuid).orderBy('versie', 'desc').execute();
}

/** The columns of `documenten` a new version decides. */
export type DocumentColumns = Pick<DocumentRow, 'identificatie' | 'bronorganisatie' | 'informatieobjecttype_uuid' | 'vertrouwelijkheid_rank' | 'trefwoorden' | 'is_gereed_voor_publicatie'>;

/** The document row's copy of a version's isGereedVoorPublicatie (anything but a boolean is not known: null). */
export function gereedVoorPublicatieOf(data: Record<string, unknown>): boolean | null {
  return typeof data.isGereedVoorPublicatie === 'boolean' ? data.isGereedVoorPublicatie : null;
}

/** The content of a version: a stored blob, or none (yet). */
export interface VersieContent {
  inhoud_sha256: string | null;
  bestandsomvang: number | null;
}

/** Stores a new document with its first version. */
export async function insertDocument(
  db: Kysely<Database>,
  tenantId: string,
  uuid: string,
  columns: DocumentColumns,
  data: Record<string, unknown>,
  content: VersieContent,
  lock: string,
): Promise<CurrentDocument> {
  const document = await db.insertInto('documenten').values({ uuid, tenant_id: tenantId, versie: 1, lock, ...columns }).returningAll().executeTakeFirstOrThrow();
  const versie = await db
    .insertInto('documentversies')
    .values({ tenant_id: tenantId, document_uuid: document.uuid, versie: 1, data: JSON.stringify(data), ...content })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { document, versie };
}

/** Stores the next version of a document and makes it current. */
export async function insertVersie(db: Kysely<Database>, document: DocumentRow, columns: DocumentColumns, data: Record<string, unknown>, content: VersieContent): Promise<CurrentDocument> {
  const next = document.versie + 1;
  const versie = await db
    .insertInto('documentversies')
    .values({ tenant_id: document.tenant_id, document_uuid: document.uuid, versie: next, data: JSON.stringify(data), ...content })
    .returningAll()
    .executeTakeFirstOrThrow();
  const updated = await db
    .updateTable('documenten')
    .set({ versie: next, ...columns })
    .where('tenant_id', '=', document.tenant_id)
    .where('uuid', '=', document.uuid)
    .returningAll()
    .executeTakeFirstOrThrow();
  return { document: updated, versie };
}

/**
 * Changes the current version in place (drc-006's indicatieGebruiksrecht, an assembled chunked upload). New data
 * carries its isGereedVoorPublicatie to the document row too, so the row never disagrees with its current version.
 */
export async function updateCurrentVersie(db: Kysely<Database>, document: DocumentRow, changes: { data?: Record<string, unknown> } & Partial<VersieContent>): Promise<VersieRow> {
  const { data, ...content } = changes;
  if (data !== undefined) {
    await db
      .updateTable('documenten')
      .set({ is_gereed_voor_publicatie: gereedVoorPublicatieOf(data) })
      .where('tenant_id', '=', document.tenant_id)
      .where('uuid', '=', document.uuid)
      .execute();
  }
  return db
    .updateTable('documentversies')
    .set({ ...content, ...(data === undefined ? {} : { data: JSON.stringify(data) }) })
    .where('tenant_id', '=', document.tenant_id)
    .where('document_uuid', '=', document.uuid)
    .where('versie', '=', document.versie)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Sets or clears (`''`) the document's lock. */
export async function setLock(db: Kysely<Database>, document: DocumentRow, lock: string): Promise<void> {
  await db.updateTable('documenten').set({ lock }).where('tenant_id', '=', document.tenant_id).where('uuid', '=', document.uuid).execute();
}

/** Whether another document of the tenant already has this identificatie within the bronorganisatie. */
export async function identificatieTaken(db: Kysely<Database>, tenantId: string, bronorganisatie: string, identificatie: string, except?: string): Promise<boolean> {
  let query = db.selectFrom('documenten').select('uuid').where('tenant_id', '=', tenantId).where('bronorganisatie', '=', bronorganisatie).where('identificatie', '=', identificatie);
  if (except !== undefined) query = query.where('uuid', '!=', except);
  return (await query.executeTakeFirst()) !== undefined;
}

/** The blobs a document's versions and parts use (to remove the unused ones after a delete). */
export async function blobsOfDocument(db: Kysely<Database>, tenantId: string, uuid: string): Promise<string[]> {
  const rows = await db
    .selectFrom('documentversies')
    .select('inhoud_sha256 as sha256')
    .where('tenant_id', '=', tenantId)
    .where('document_uuid', '=', uuid)
    .union(db.selectFrom('bestandsdelen').select('inhoud_sha256 as sha256').where('tenant_id', '=', tenantId).where('document_uuid', '=', uuid))
    .execute();
  return [...new Set(rows.flatMap((row) => (row.sha256 === null ? [] : [row.sha256])))];
}

/**
 * Serialises, per blob, a write that starts using it and the removal of an unused one (until the transaction ends):
 * without it a removal could check "unused" just before a concurrent upload of the same bytes commits its reference.
 */
export async function lockBlob(db: Kysely<Database>, tenantId: string, sha256: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`documentblob:${tenantId}:${sha256}`}, 0))`.execute(db);
}

/** Whether any version or part of the tenant still uses the blob. */
export async function blobInUse(db: Kysely<Database>, tenantId: string, sha256: string): Promise<boolean> {
  const [versie, deel] = await Promise.all([
    db.selectFrom('documentversies').select('versie').where('tenant_id', '=', tenantId).where('inhoud_sha256', '=', sha256).limit(1).executeTakeFirst(),
    db.selectFrom('bestandsdelen').select('volgnummer').where('tenant_id', '=', tenantId).where('inhoud_sha256', '=', sha256).limit(1).executeTakeFirst(),
  ]);
  return versie !== undefined || deel !== undefined;
}

/** Whether the document still has objectinformatieobjecten (drc-008). */
export async function hasRelations(db: Kysely<Database>, tenantId: string, uuid: string): Promise<boolean> {
  const row = await db.selectFrom('objectinformatieobjecten').select('uuid').where('tenant_id', '=', tenantId).where('document_uuid', '=', uuid).limit(1).executeTakeFirst();
  return row !== undefined;
}

/** Deletes a document; versions, parts, gebruiksrechten and verzendingen go with it (ON DELETE CASCADE). */
export async function deleteDocument(db: Kysely<Database>, tenantId: string, uuid: string): Promise<void> {
  await db.deleteFrom('documenten').where('tenant_id', '=', tenantId).where('uuid', '=', uuid).execute();
}

/** drc-008: the audit trail of a deleted document goes too (matched on the path: records hold absolute URLs). */
export async function deleteAuditTrailOfDocument(db: Kysely<Database>, tenantId: string, uuid: string): Promise<void> {
  await db.deleteFrom('audittrail').where('tenant_id', '=', tenantId).where('hoofd_object', 'like', `%/documenten/api/v1/enkelvoudiginformatieobjecten/${uuid}`).execute();
}

/** The parts of the document's chunked upload, in order. */
export async function bestandsdelenOf(db: Kysely<Database>, tenantId: string, documentUuid: string): Promise<BestandsdeelRow[]> {
  return db.selectFrom('bestandsdelen').selectAll().where('tenant_id', '=', tenantId).where('document_uuid', '=', documentUuid).orderBy('volgnummer').execute();
}

/** The parts of several documents, grouped by document. */
export async function bestandsdelenOfDocuments(db: Kysely<Database>, tenantId: string, documentUuids: readonly string[]): Promise<Map<string, BestandsdeelRow[]>> {
  const grouped = new Map<string, BestandsdeelRow[]>();
  if (documentUuids.length === 0) return grouped;
  const rows = await db.selectFrom('bestandsdelen').selectAll().where('tenant_id', '=', tenantId).where('document_uuid', 'in', documentUuids).orderBy('volgnummer').execute();
  for (const row of rows) grouped.set(row.document_uuid, [...(grouped.get(row.document_uuid) ?? []), row]);
  return grouped;
}

/** Replaces the document's parts by empty ones of these sizes; returns the blobs the old parts held. */
export async function replaceBestandsdelen(db: Kysely<Database>, tenantId: string, documentUuid: string, sizes: readonly number[]): Promise<string[]> {
  const removed = await db.deleteFrom('bestandsdelen').where('tenant_id', '=', tenantId).where('document_uuid', '=', documentUuid).returning('inhoud_sha256').execute();
  if (sizes.length > 0) {
    await db
      .insertInto('bestandsdelen')
      .values(sizes.map((omvang, index) => ({ tenant_id: tenantId, document_uuid: documentUuid, volgnummer: index + 1, omvang })))
      .execute();
  }
  return removed.flatMap((row) => (row.inhoud_sha256 === null ? [] : [row.inhoud_sha256]));
}

/** One part of the tenant, or undefined. */
export async function findBestandsdeel(db: Kysely<Database>, tenantId: string, uuid: string): Promise<BestandsdeelRow | undefined> {
  return db.selectFrom('bestandsdelen').selectAll().where('tenant_id', '=', tenantId).where('uuid', '=', uuid).executeTakeFirst();
}

/** Records a part's bytes; returns the blob it held before, if any. */
export async function completeBestandsdeel(db: Kysely<Database>, tenantId: string, uuid: string, sha256: string): Promise<BestandsdeelRow | undefined> {
  return db.updateTable('bestandsdelen').set({ inhoud_sha256: sha256 }).where('tenant_id', '=', tenantId).where('uuid', '=', uuid).returningAll().executeTakeFirst();
}
