import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database } from '../platform/database/schema.ts';

/*
 * Rows gathered in PostgreSQL's COPY text format and sent with COPY … FROM STDIN: one round trip per batch
 * instead of one per row, and no parameter limit. Column names are checked against the schema types, and each
 * row must give exactly the batch's columns.
 */

/** What a column can hold here: objects become JSON (jsonb), string lists become arrays (uuid[], text[]). */
export type CopyValue = string | number | boolean | Date | null | readonly string[] | Record<string, unknown>;

type ColumnOf<T extends keyof Database> = keyof Database[T] & string;

/** Escapes one field for the text format: backslash, and the tab, newline and carriage return that delimit. */
function escapeText(text: string): string {
  return /[\\\t\n\r]/.test(text) ? text.replace(/[\\\t\n\r]/g, (character) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[character] ?? character) : text;
}

/** A PostgreSQL array literal of strings: every element quoted, so commas, braces and NULL stay text. */
function arrayLiteral(items: readonly string[]): string {
  return `{${items.map((item) => `"${item.replace(/[\\"]/g, (character) => `\\${character}`)}"`).join(',')}}`;
}

/** One value in COPY text format; NULL is `\N`. */
export function copyField(value: CopyValue): string {
  if (value === null) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`COPY cannot hold ${value}`);
    return String(value);
  }
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string') return escapeText(value);
  if (Array.isArray(value)) return escapeText(arrayLiteral(value as readonly string[]));
  return escapeText(JSON.stringify(value));
}

/** Rows for one table, gathered until they are sent. */
export interface CopyBatch<C extends string> {
  readonly table: string;
  readonly columns: readonly C[];
  /** Rows gathered since the last send. */
  readonly size: number;
  add(row: Readonly<Record<C, CopyValue>>): void;
  /** Sends the gathered rows over `client` (in the caller's transaction) and starts afresh; resolves to the row count. */
  send(client: pg.ClientBase): Promise<number>;
}

/** A batch for `table` with these columns, in this order. */
export function copyBatch<T extends keyof Database, C extends ColumnOf<T>>(table: T, columns: readonly C[]): CopyBatch<C> {
  let lines: string[] = [];
  // Identifiers come from the schema types, never from input; quoting keeps reserved words such as "data" harmless.
  const statement = `COPY "${table}" (${columns.map((column) => `"${column}"`).join(', ')}) FROM STDIN`;
  return {
    table,
    columns,
    get size() {
      return lines.length;
    },
    add(row) {
      lines.push(`${columns.map((column) => copyField(row[column])).join('\t')}\n`);
    },
    async send(client) {
      if (lines.length === 0) return 0;
      const sending = lines;
      lines = [];
      const stream = client.query(copyFrom(statement));
      // One chunk per few thousand rows keeps the socket busy without building one huge string.
      const chunks: string[] = [];
      for (let start = 0; start < sending.length; start += 2000) chunks.push(sending.slice(start, start + 2000).join(''));
      await pipeline(Readable.from(chunks), stream);
      return sending.length;
    },
  };
}
