/*
 * CSV for the flat fields of the catalogue (RFC 4180: comma-separated, fields with a comma, quote or line break in
 * double quotes). Lists (doelgroepen, trefwoorden, …) are joined with "|" inside one field.
 */

/** The flat fields, in column order. */
export const CSV_COLUMNS = [
  'slug',
  'status',
  'uplNaam',
  'titel',
  'samenvatting',
  'doelgroepen',
  'aanvraagkanalen',
  'trefwoorden',
  'gerelateerd',
  'zaaktypeIdentificatie',
  'publicatiedatum',
  'reviewVoor',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** Columns that hold a list. */
export const CSV_LIST_COLUMNS: readonly CsvColumn[] = ['doelgroepen', 'aanvraagkanalen', 'trefwoorden', 'gerelateerd'];

function quote(value: string): string {
  // A leading =, +, - or @ would make a spreadsheet run the cell as a formula: prefix it so it stays text.
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) || safe !== value ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows as CSV text with a header line; every line ends in CRLF. */
export function toCsv(rows: readonly Record<CsvColumn, string>[]): string {
  const lines = [CSV_COLUMNS.join(','), ...rows.map((row) => CSV_COLUMNS.map((column) => quote(row[column])).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * Parses CSV text into records of fields, with the line each record starts on (so errors can name the row as the
 * user's spreadsheet numbers it); a quote error names its line. `separator` is ',' by default; Dutch spreadsheets
 * write ';'.
 */
export function parseCsv(text: string, separator: ',' | ';' = ','): { records: string[][]; lines: number[]; error?: string } {
  const records: string[][] = [];
  const lines: number[] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text;
  for (let index = 0; index < input.length; index += 1) {
    const char = input[index];
    if (quoted) {
      if (char === '"' && input[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (char === '"') {
        quoted = false;
      } else {
        if (char === '\n') line += 1;
        field += char;
      }
    } else if (char === '"' && field === '') {
      quoted = true;
    } else if (char === separator) {
      record.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && input[index + 1] === '\n') index += 1;
      record.push(field);
      records.push(record);
      lines.push(recordLine);
      record = [];
      field = '';
      line += 1;
      recordLine = line;
    } else {
      field += char;
    }
  }
  if (quoted) return { records, lines, error: `Regel ${line}: een veld tussen aanhalingstekens is niet afgesloten.` };
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
    lines.push(recordLine);
  }
  const kept = records.map((item, index) => ({ item, line: lines[index] ?? 0 })).filter(({ item }) => !(item.length === 1 && item[0] === ''));
  return { records: kept.map(({ item }) => item), lines: kept.map(({ line: at }) => at) };
}

/** A field from a spreadsheet as the value: the formula guard removed. */
export function unquoteCell(value: string): string {
  return /^'[=+\-@]/.test(value) ? value.slice(1) : value;
}
