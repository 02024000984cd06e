import { findInformatieobjecttypen } from '../../catalogi/informatieobjecttypen/repository.ts';
import { loadInformatieobjecttypeRecords } from '../../catalogi/informatieobjecttypen/records.ts';
import { presentInformatieobjecttype } from '../../catalogi/informatieobjecttypen/present.ts';
import { expandObjects, parseExpand as parseCatalogiExpand } from '../../catalogi/shared/expand.ts';
import { amsterdamToday } from '../../besluiten/besluiten/rules.ts';
import { parseExpand, withExpansions, type Expander } from '../../besluiten/shared/expand.ts';
import type { Kysely } from 'kysely';
import { ProblemError } from '../../../platform/errors/problem.ts';
import type { Database } from '../../../platform/database/schema.ts';
import { catalogiBaseFromDocumenten } from '../shared/urls.ts';
import { presentCurrent, type InformatieobjectJson } from './present.ts';
import { bestandsdelenOfDocuments, findCurrentDocuments, type CurrentDocument } from './repository.ts';

/*
 * `expand` in the Documenten API (drc-011 … drc-014): a document expands its informatieobjecttype (as the Catalogi
 * API beside it presents it, and deeper by the Catalogi API's own rules); gebruiksrechten, objectinformatieobjecten
 * and verzendingen expand their informatieobject (and `informatieobject.informatieobjecttype`).
 */

/** `expand=informatieobjecttype`: the types as the Catalogi API presents them today. */
const expandInformatieobjecttypen: Expander = async (db, tenantId, uuids, base, below) => {
  const tree = parseCatalogiExpand(below, 'informatieobjecttype');
  const catalogiBase = catalogiBaseFromDocumenten(base);
  const date = amsterdamToday();
  const rows = await findInformatieobjecttypen(db, tenantId, uuids);
  const presented = (await loadInformatieobjecttypeRecords(db, tenantId, rows, date)).map((record) => presentInformatieobjecttype(record, catalogiBase));
  await expandObjects({ db, tenantId, base: catalogiBase, date }, 'informatieobjecttype', presented, tree);
  return new Map(rows.map((row, index) => [row.uuid, presented[index]]));
};

const DOCUMENT_RELATIONS = ['informatieobjecttype'] as const;
type DocumentRelation = (typeof DOCUMENT_RELATIONS)[number];

/** The relations a document's `expand` asks for (a 400 for anything else). */
export function parseDocumentExpand(value: string | undefined): Map<DocumentRelation, string | undefined> {
  return parseExpand(value, DOCUMENT_RELATIONS, () => true);
}

/**
 * drc-013/drc-014: on a single resource, an expand that names no attribute of it (at any depth) is a 404, not a 400
 * (the spec lists no 400 there) and not a partial body. Wraps the parsing and the presenting of the expansion.
 */
export async function expandedOne<T>(work: () => Promise<T> | T): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ProblemError && error.code === 'invalid') {
      throw new ProblemError('not_found', `De expand-parameter noemt geen attribuut van deze resource: ${error.invalidParams.map((param) => param.reason).join(' ')}`);
    }
    throw error;
  }
}

/** Documents (current or an older version) as API JSON, with `_expand` when asked. */
export async function presentDocumenten(
  db: Kysely<Database>,
  tenantId: string,
  rows: readonly CurrentDocument[],
  base: string,
  asked: ReadonlyMap<DocumentRelation, string | undefined>,
): Promise<InformatieobjectJson[]> {
  const delen = await bestandsdelenOfDocuments(db, tenantId, rows.filter((row) => row.versie.versie === row.document.versie).map((row) => row.document.uuid));
  const presented = rows.map((row) => presentCurrent(row, base, delen.get(row.document.uuid) ?? []));
  return withExpansions(db, tenantId, base, rows, presented, asked, { informatieobjecttype: (row) => String(row.versie.data.informatieobjecttypeUuid) }, { informatieobjecttype: expandInformatieobjecttypen });
}

/** `expand=informatieobject` from a relation resource: the current documents, expanded further as asked below. */
export const expandInformatieobjecten: Expander = async (db, tenantId, uuids, base, below) => {
  const rows = await findCurrentDocuments(db, tenantId, uuids);
  const presented = await presentDocumenten(db, tenantId, rows, base, parseDocumentExpand(below));
  return new Map(rows.map((row, index) => [row.document.uuid, presented[index]]));
};
