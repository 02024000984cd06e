import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/database/schema.ts';
import { taakvelden } from '../iv3/taakvelden.ts';
import type { BegrotingStand } from './saldo.ts';

interface ExportRow {
  taakveld: string;
  categorie: string;
  jaar: number;
  lasten: string | number;
  baten: string | number;
}

/** Cents as a Dutch spreadsheet reads euro: decimal comma, no thousands separator. */
function euroCell(centen: number): string {
  const sign = centen < 0 ? '-' : '';
  const absolute = Math.abs(centen);
  return `${sign}${Math.floor(absolute / 100)},${String(absolute % 100).padStart(2, '0')}`;
}

function cell(value: string): string {
  return /[";\r\n]/.test(value) || /^[=+\-@]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * The budget as adopted on the peildatum per taakveld × economische categorie × jaar, as semicolon-separated CSV
 * with decimal commas (what Dutch spreadsheets open directly): the shape of the Iv3 matrix the CBS asks for.
 */
export async function exportTaakveldCategorie(db: Kysely<Database>, tenantId: string, stand: BegrotingStand): Promise<string> {
  const result = await sql<ExportRow>`
    SELECT r.taakveld, r.categorie, r.jaar,
           sum(CASE WHEN r.soort = 'lasten' THEN r.bedrag_centen ELSE 0 END) AS lasten,
           sum(CASE WHEN r.soort = 'baten' THEN r.bedrag_centen ELSE 0 END) AS baten
    FROM begroting_totalen r
    JOIN begrotingsversies v ON v.uuid = r.versie_uuid
    WHERE v.tenant_id = ${tenantId} AND r.tenant_id = ${tenantId} AND v.begrotingsjaar = ${stand.begrotingsjaar}
      AND v.soort IN ('primitieve_begroting', 'begrotingswijziging') AND v.vastgesteld_op <= ${stand.peildatum ?? '9999-12-31'}::date
    GROUP BY r.taakveld, r.categorie, r.jaar`.execute(db);
  const rows = [...result.rows].sort((a, b) => a.taakveld.localeCompare(b.taakveld, 'nl', { numeric: true }) || a.categorie.localeCompare(b.categorie, 'nl', { numeric: true }) || a.jaar - b.jaar);
  const names = taakvelden();
  const lines = ['taakveld;taakveldnaam;categorie;jaar;lasten;baten;saldo'];
  for (const row of rows) {
    const lasten = Number(row.lasten);
    const baten = Number(row.baten);
    lines.push([row.taakveld, cell(names.get(row.taakveld)?.naam ?? ''), row.categorie, String(row.jaar), euroCell(lasten), euroCell(baten), euroCell(baten - lasten)].join(';'));
  }
  return `${lines.join('\r\n')}\r\n`;
}
