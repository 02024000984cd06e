import type { Kysely, RawBuilder } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import type { FilterSet } from './filters.ts';
import type { KlantCaller, KlantDeps } from './caller.ts';
import type { ColumnValues, KlantRow, KlantTable } from './rows.ts';
import type { KlantResource } from './urls.ts';

/** What an operation did with personal data, as the processing log names the operation. */
export type ProcessingOperation = 'raadplegen' | 'zoeken' | 'aanmaken' | 'wijzigen' | 'verwijderen';

/**
 * One resource of the Klantinteracties API, declared as data plus its rules: the generic operations in
 * ./resource-service.ts do list, read, create, update and delete with it, so every resource pages, filters,
 * validates, expands and logs the same way.
 */
export interface ResourceDefinition<T extends KlantTable, J> {
  table: T;
  resource: KlantResource;
  /** The resource's name in messages, e.g. "Partij". */
  label: string;
  filters: FilterSet;
  /** The list order, on the table aliased `r`; ends in a unique column so pages are stable. */
  order: RawBuilder<unknown>;
  /** The `expand` paths the spec offers on this resource's list and read; none: no `expand` parameter. */
  expandable?: readonly string[];
  /**
   * The column values of a write: the body's fields over the current row (none on create), checked against
   * the rules and the referenced rows. Throws `invalid` listing every problem.
   */
  values(db: Kysely<Database>, caller: KlantCaller, body: Record<string, unknown>, current: KlantRow<T> | undefined): Promise<ColumnValues>;
  /** Writes that belong to the row but live elsewhere (a partij's identificatoren), in the same transaction. */
  afterWrite?(db: Kysely<Database>, caller: KlantCaller, row: KlantRow<T>, body: Record<string, unknown>, created: boolean): Promise<void>;
  /** Work before a delete, in its transaction (clearing references the database cannot clear itself). */
  beforeDelete?(db: Kysely<Database>, caller: KlantCaller, row: KlantRow<T>): Promise<void>;
  /** The rows as API JSON, with their relations loaded for the whole page at once. */
  present(db: Kysely<Database>, caller: KlantCaller, rows: readonly KlantRow<T>[], expand: ReadonlySet<string>): Promise<J[]>;
  /** Records the processing of personal data these rows hold, when they hold any. */
  logProcessing?(deps: KlantDeps, caller: KlantCaller, operation: ProcessingOperation, rows: readonly KlantRow<T>[], query: Record<string, unknown>): Promise<void>;
}
