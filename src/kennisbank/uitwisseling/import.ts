import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/database/schema.ts';
import { inTransaction } from '../../platform/database/transaction.ts';
import type { InvalidParam } from '../../platform/errors/catalogue.ts';
import { invalid } from '../../platform/errors/problem.ts';
import { amsterdamToday } from '../dates.ts';
import { readProductInhoud, SLUG_PATTERN, type ProductInhoud } from '../producten/content.ts';
import { publishProduct, saveConcept, submitForReview, type Door } from '../producten/service.ts';
import { indexVersions } from '../zoeken/index-repository.ts';
import { versieColumns } from '../producten/repository.ts';
import { normaliseText } from '../zoeken/query.ts';

/** The `formaat` of a kennisbank exchange file (described in README.md, section Kennisbank). */
export const EXCHANGE_FORMAT = 'loket-kennisbank';
export const EXCHANGE_VERSION = 1;
/** Statuses a product may have in an import file: where the import leaves its newest version. */
export const IMPORT_STATUSES = ['concept', 'review', 'gepubliceerd'] as const;
type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** The detail of a refused import: nothing was changed. */
export const NOT_IMPORTED = 'Er is niets geïmporteerd: los de problemen op en importeer het bestand opnieuw.';

export interface ImportRow {
  slug: string;
  status: ImportStatus;
  inhoud: ProductInhoud;
}

export interface ImportFile {
  producten: ImportRow[];
  /** Replaces the tenant's synonym list when present. */
  synoniemen?: string[][];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What reading a file has found so far: the rows that passed, every problem, the slugs seen (and at which row). */
interface ReadState {
  producten: unknown[];
  rows: ImportRow[];
  problems: InvalidParam[];
  seen: Map<string, number>;
}

/** Checks the envelope; a file without a product list ends here (`done`). */
function beginRead(json: unknown): { state: ReadState } | { done: { problems: InvalidParam[] } } {
  const problems: InvalidParam[] = [];
  if (!isRecord(json)) return { done: { problems: [{ name: '', code: 'invalid', reason: 'Het bestand is geen JSON-object.' }] } };
  if (json.formaat !== EXCHANGE_FORMAT) problems.push({ name: 'formaat', code: 'invalid', reason: `Verwacht "${EXCHANGE_FORMAT}".` });
  if (json.versie !== EXCHANGE_VERSION) problems.push({ name: 'versie', code: 'invalid', reason: `Verwacht versie ${EXCHANGE_VERSION}.` });
  for (const key of Object.keys(json)) {
    if (!['formaat', 'versie', 'producten', 'synoniemen', 'geexporteerdOp'].includes(key)) problems.push({ name: key, code: 'unknown', reason: 'Onbekend veld.' });
  }
  if (!Array.isArray(json.producten)) {
    problems.push({ name: 'producten', code: 'required', reason: 'Een lijst met producten.' });
    return { done: { problems } };
  }
  return { state: { producten: json.producten as unknown[], rows: [], problems, seen: new Map() } };
}

/** Checks one product of the file (row `index`). */
function readRow(state: ReadState, item: unknown, index: number): void {
  const { problems, seen } = state;
  const prefix = `producten[${index}].`;
  const record = isRecord(item) ? item : {};
  const slug = typeof record.slug === 'string' ? record.slug.trim() : '';
  if (!SLUG_PATTERN.test(slug) || slug.length > 100) problems.push({ name: `${prefix}slug`, code: 'invalid', reason: 'Kleine letters, cijfers en streepjes, zoals "paspoort-aanvragen".' });
  else if (seen.has(slug)) problems.push({ name: `${prefix}slug`, code: 'unique', reason: `"${slug}" staat ook in producten[${seen.get(slug)}].` });
  else seen.set(slug, index);
  const status = record.status ?? 'concept';
  if (!(IMPORT_STATUSES as readonly unknown[]).includes(status)) problems.push({ name: `${prefix}status`, code: 'invalid_choice', reason: `Een van: ${IMPORT_STATUSES.join(', ')}.` });
  const read = readProductInhoud(item, prefix);
  problems.push(...read.problems);
  if (read.inhoud) state.rows.push({ slug, status: status as ImportStatus, inhoud: read.inhoud });
}

/** Checks the synonym groups and assembles the result: the file, or every problem. */
function endRead(state: ReadState, json: Record<string, unknown>): { file?: ImportFile; problems: InvalidParam[] } {
  const { problems, rows } = state;
  let synoniemen: string[][] | undefined;
  if (json.synoniemen !== undefined) {
    if (!Array.isArray(json.synoniemen)) problems.push({ name: 'synoniemen', code: 'invalid', reason: 'Een lijst met groepen woorden.' });
    else {
      synoniemen = [];
      json.synoniemen.forEach((group: unknown, index) => {
        const terms = Array.isArray(group) ? [...new Set(group.filter((term): term is string => typeof term === 'string').map(normaliseText).filter((term) => term !== ''))] : [];
        if (!Array.isArray(group) || terms.length < 2 || terms.length !== group.length) {
          problems.push({ name: `synoniemen[${index}]`, code: 'invalid', reason: 'Een groep is een lijst van ten minste twee verschillende woorden.' });
        } else synoniemen?.push(terms);
      });
    }
  }
  return problems.length > 0 ? { problems } : { file: { producten: rows, ...(synoniemen ? { synoniemen } : {}) }, problems };
}

/**
 * Checks a whole exchange file before anything is written: its envelope, every product (each problem named by its
 * row, e.g. `producten[12].titel`), duplicate slugs and the synonym groups. Related products may point at products
 * elsewhere in the file; those pointing nowhere are found by `importKennisbank` against the database.
 */
export function readImportFile(json: unknown): { file?: ImportFile; problems: InvalidParam[] } {
  const begun = beginRead(json);
  if ('done' in begun) return begun.done;
  begun.state.producten.forEach((item, index) => readRow(begun.state, item, index));
  return endRead(begun.state, json as Record<string, unknown>);
}

/** Products checked between two pauses of `readImportFileStepwise`. */
const CHECK_STEP = 100;

/**
 * `readImportFile` for a server: checking 10,000 products (sanitising every text) takes seconds, so it pauses every
 * CHECK_STEP products to let other requests (such as the import's own status page) through, and reports how far it is.
 */
export async function readImportFileStepwise(json: unknown, onProgress?: (done: number, total: number) => void): Promise<{ file?: ImportFile; problems: InvalidParam[] }> {
  const begun = beginRead(json);
  if ('done' in begun) return begun.done;
  const { state } = begun;
  for (let index = 0; index < state.producten.length; index += 1) {
    if (index > 0 && index % CHECK_STEP === 0) {
      onProgress?.(index, state.producten.length);
      await new Promise((resolve) => setImmediate(resolve));
    }
    readRow(state, state.producten[index], index);
  }
  onProgress?.(state.producten.length, state.producten.length);
  return endRead(state, json as Record<string, unknown>);
}

export interface ImportResult {
  created: number;
  updated: number;
  published: number;
  synoniemen: number | undefined;
}

export interface ImportOptions {
  door: Door;
  today?: string;
  /** Told after each product (for a progress bar). */
  onProgress?: (done: number, total: number) => void;
}

/** New products are written in batches of this many rows per statement. */
const BATCH = 250;

/**
 * Imports a checked exchange file into a tenant in one transaction: the whole file or, with every problem listed,
 * nothing. A new slug becomes a new product (written in batches, so 10,000 articles take seconds); an existing one
 * gets a new concept version. Each product ends in the file's status, published ones in the search index.
 */
export async function importKennisbank(db: Kysely<Database>, tenantId: string, file: ImportFile, options: ImportOptions): Promise<ImportResult> {
  const today = options.today ?? amsterdamToday();
  const total = file.producten.length;
  return inTransaction(db, async (trx) => {
    const existing = new Set(
      (await trx.selectFrom('kennisbank_producten').select('slug').where('tenant_id', '=', tenantId).execute()).map((row) => row.slug),
    );
    const known = new Set([...existing, ...file.producten.map((row) => row.slug)]);
    const problems: InvalidParam[] = [];
    file.producten.forEach((row, index) => {
      for (const related of row.inhoud.gerelateerd) {
        if (related === row.slug) problems.push({ name: `producten[${index}].gerelateerd`, code: 'invalid', reason: 'Een product kan niet aan zichzelf gerelateerd zijn.' });
        else if (!known.has(related)) problems.push({ name: `producten[${index}].gerelateerd`, code: 'invalid', reason: `Er is geen product "${related}", niet in het bestand en niet in de kennisbank.` });
      }
    });
    if (problems.length > 0) throw invalid(problems, NOT_IMPORTED);

    let done = 0;
    const fresh = file.producten.filter((row) => !existing.has(row.slug));
    for (let start = 0; start < fresh.length; start += BATCH) {
      await insertNewProducts(trx, tenantId, fresh.slice(start, start + BATCH), options.door, today);
      done += Math.min(BATCH, fresh.length - start);
      options.onProgress?.(done, total);
    }
    let published = fresh.filter((row) => row.status === 'gepubliceerd').length;
    for (const row of file.producten.filter((item) => existing.has(item.slug))) {
      await saveConcept(trx, tenantId, options.door, row.slug, row.inhoud);
      if (row.status === 'review') await submitForReview(trx, tenantId, options.door, row.slug);
      if (row.status === 'gepubliceerd') {
        await publishProduct(trx, tenantId, options.door, row.slug, { today });
        published += 1;
      }
      done += 1;
      options.onProgress?.(done, total);
    }
    if (file.synoniemen) {
      await trx.deleteFrom('kennisbank_synoniemen').where('tenant_id', '=', tenantId).execute();
      if (file.synoniemen.length > 0) {
        await trx.insertInto('kennisbank_synoniemen').values(file.synoniemen.map((termen) => ({ tenant_id: tenantId, termen }))).execute();
      }
    }
    return { created: fresh.length, updated: total - fresh.length, published, synoniemen: file.synoniemen?.length };
  });
}

/** Writes one batch of new products with their first version, history line and (when published) index row. */
async function insertNewProducts(trx: Kysely<Database>, tenantId: string, rows: ImportRow[], door: Door, today: string): Promise<void> {
  const products = rows.map((row) => ({ uuid: randomUUID(), slug: row.slug }));
  await trx.insertInto('kennisbank_producten').values(products.map((product) => ({ uuid: product.uuid, tenant_id: tenantId, slug: product.slug }))).execute();
  const versies = await trx
    .insertInto('kennisbank_versies')
    .values(
      rows.map((row, index) => ({
        ...versieColumns(row.inhoud),
        tenant_id: tenantId,
        product_uuid: products[index]?.uuid ?? '',
        versienummer: 1,
        status: row.status,
        gewijzigd_door: door,
        publicatiedatum: row.status === 'gepubliceerd' ? (row.inhoud.publicatiedatum ?? today) : row.inhoud.publicatiedatum,
      })),
    )
    .returningAll()
    .execute();
  await trx
    .insertInto('kennisbank_wijzigingen')
    .values(versies.map((versie) => ({ tenant_id: tenantId, product_uuid: versie.product_uuid, versie_uuid: versie.uuid, actie: 'geimporteerd' as const, door })))
    .execute();
  const published = versies.filter((versie) => versie.status === 'gepubliceerd');
  if (published.length === 0) return;
  const slugOf = new Map<string, string>(products.map((product) => [product.uuid, product.slug]));
  // One UPDATE for the batch: each product points at its published version.
  await sql`UPDATE kennisbank_producten p SET gepubliceerde_versie_uuid = v.uuid
    FROM kennisbank_versies v
    WHERE v.product_uuid = p.uuid AND p.tenant_id = ${tenantId} AND v.uuid IN (${sql.join(published.map((versie) => versie.uuid))})`.execute(trx);
  await indexVersions(trx, tenantId, published.map((versie) => ({ slug: slugOf.get(versie.product_uuid) ?? '', versie })));
}
