import type { Kysely } from 'kysely';
import type { Database } from '../../platform/database/schema.ts';
import type { VersieSoort } from '../../platform/database/tables/financien.ts';

/** A stored version as the version picker shows it. */
export interface VersieOverzicht {
  uuid: string;
  begrotingsjaar: number;
  soort: VersieSoort;
  naam: string;
  raadsbesluitNummer: string | null;
  vastgesteldOp: string;
  aantalRegels: number;
}

function isoDate(value: Date | string): string {
  if (typeof value === 'string') return value.slice(0, 10);
  // A date column arrives as local midnight: read it back in local time.
  return `${value.getFullYear()}-${String(value.getMonth() + 1).padStart(2, '0')}-${String(value.getDate()).padStart(2, '0')}`;
}

/** Every version of the tenant, in order of adoption. */
export async function listVersies(db: Kysely<Database>, tenantId: string): Promise<VersieOverzicht[]> {
  const rows = await db
    .selectFrom('begrotingsversies')
    .select(['uuid', 'begrotingsjaar', 'soort', 'naam', 'raadsbesluit_nummer', 'vastgesteld_op', 'aantal_regels'])
    .where('tenant_id', '=', tenantId)
    .orderBy('vastgesteld_op')
    .orderBy('created_at')
    .execute();
  return rows.map((row) => ({
    uuid: row.uuid,
    begrotingsjaar: row.begrotingsjaar,
    soort: row.soort,
    naam: row.naam,
    raadsbesluitNummer: row.raadsbesluit_nummer,
    vastgesteldOp: isoDate(row.vastgesteld_op),
    aantalRegels: row.aantal_regels,
  }));
}

/** The budget years that have a primitieve begroting, newest first. */
export function begrotingsjaren(versies: readonly VersieOverzicht[]): number[] {
  return [...new Set(versies.filter((versie) => versie.soort === 'primitieve_begroting').map((versie) => versie.begrotingsjaar))].sort((a, b) => b - a);
}

/** The versions that make up a budget year's adopted states: its primitieve begroting and wijzigingen, in order. */
export function standenVan(versies: readonly VersieOverzicht[], begrotingsjaar: number): VersieOverzicht[] {
  return versies.filter((versie) => versie.begrotingsjaar === begrotingsjaar && (versie.soort === 'primitieve_begroting' || versie.soort === 'begrotingswijziging'));
}
