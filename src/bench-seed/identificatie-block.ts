import type pg from 'pg';
import { DEFAULT_ZAAK_IDENTIFICATIE_SETTINGS } from '../components/zaken/identificatie-settings.ts';
import { ZAAK_IDENTIFICATIE_MAX_LENGTH } from '../components/zaken/identificatie.ts';

/*
 * Seeded zaken get identificaties from the tenant's own counter, in the tenant's own format, so they look like
 * any other and the Zaken API continues after them. Per year one statement takes a whole block of numbers (the
 * same upsert the API uses for one number), in the seeding transaction: the row lock makes concurrent zaak creation
 * wait for the seed to commit, and a failed seed hands the numbers back.
 */

/** A block of consecutive zaak numbers: zaken firstIndex … firstIndex + count − 1 of one year. */
export interface YearRange {
  year: number;
  firstIndex: number;
  count: number;
}

/** Takes a block of numbers per year from the tenant's counter and returns the identificatie of zaak `index`. */
export async function reserveIdentificaties(client: pg.ClientBase, tenantId: string, ranges: readonly YearRange[]): Promise<(index: number) => string> {
  const settings = await client.query<{ prefix: string; digits: number }>('SELECT prefix, digits FROM zaak_identificatie_settings WHERE tenant_id = $1', [tenantId]);
  const { prefix, digits } = settings.rows[0] ?? DEFAULT_ZAAK_IDENTIFICATIE_SETTINGS;
  const blocks: { year: number; firstIndex: number; count: number; firstNumber: number }[] = [];
  for (const range of ranges) {
    if (range.count === 0) continue;
    const reserved = await client.query<{ last_number: number }>(
      `INSERT INTO zaak_identificatie_counters (tenant_id, year, last_number) VALUES ($1, $2, $3)
       ON CONFLICT (tenant_id, year) DO UPDATE SET last_number = zaak_identificatie_counters.last_number + EXCLUDED.last_number
       RETURNING last_number`,
      [tenantId, range.year, range.count],
    );
    const last = Number(reserved.rows[0]?.last_number);
    blocks.push({ ...range, firstNumber: last - range.count + 1 });
  }
  return (index) => {
    const block = blocks.find((candidate) => index >= candidate.firstIndex && index < candidate.firstIndex + candidate.count);
    if (!block) throw new RangeError(`zaak ${index} lies in no reserved year`);
    const identificatie = `${prefix}-${block.year}-${String(block.firstNumber + index - block.firstIndex).padStart(digits, '0')}`;
    if (identificatie.length > ZAAK_IDENTIFICATIE_MAX_LENGTH) throw new RangeError(`identificatie ${identificatie} is longer than ${ZAAK_IDENTIFICATIE_MAX_LENGTH} characters`);
    return identificatie;
  };
}
