import type { Kysely } from 'kysely';
import type { Database } from '../../platform/database/schema.ts';
import { amsterdamToday } from '../dates.ts';
import { EXCHANGE_FORMAT, EXCHANGE_VERSION, importKennisbank, readImportFile, type ImportResult } from '../uitwisseling/import.ts';
import { toImportProduct } from './demo-format.ts';
import { BURGERZAKEN } from './producten-burgerzaken.ts';
import { WONEN } from './producten-wonen.ts';
import { ZORG_WERK_ONDERNEMEN } from './producten-zorg-werk-ondernemen.ts';

/** Every demo product of Gemeente Voorbeeld. */
export const DEMO_PRODUCTEN = [...BURGERZAKEN, ...WONEN, ...ZORG_WERK_ONDERNEMEN];

/** The demo's synonym list: words people use side by side for the same thing. */
export const DEMO_SYNONIEMEN: string[][] = [
  ['id-kaart', 'identiteitskaart', 'idkaart'],
  ['verhuizen', 'verhuizing', 'adreswijziging'],
  ['kliko', 'minicontainer', 'container'],
  ['bouwvergunning', 'omgevingsvergunning'],
  ['bijstand', 'bijstandsuitkering'],
  ['trouwen', 'huwelijk'],
  ['gpk', 'gehandicaptenparkeerkaart'],
  ['uittreksel gba', 'uittreksel brp'],
  ['ozb', 'onroerendezaakbelasting'],
  ['drankvergunning', 'alcoholvergunning'],
];

/** The demo content as an exchange file, every product published from `today`. */
export function demoExchangeFile(today: string): Record<string, unknown> {
  return {
    formaat: EXCHANGE_FORMAT,
    versie: EXCHANGE_VERSION,
    synoniemen: DEMO_SYNONIEMEN.map((group) => [...group]),
    producten: DEMO_PRODUCTEN.map((product) => toImportProduct(product, today)),
  };
}

/**
 * Gives a tenant the demo kennisbank, published, through the same import as any exchange file (in the caller's
 * transaction when `db` is one). Does nothing when the tenant already has products, so seeding twice changes nothing.
 */
export async function seedDemoKennisbank(db: Kysely<Database>, tenantId: string, today = amsterdamToday()): Promise<ImportResult | undefined> {
  const any = await db.selectFrom('kennisbank_producten').select('uuid').where('tenant_id', '=', tenantId).limit(1).executeTakeFirst();
  if (any) return undefined;
  const read = readImportFile(demoExchangeFile(today));
  if (!read.file) throw new Error(`demo kennisbank is invalid: ${read.problems.map((problem) => `${problem.name}: ${problem.reason}`).join('; ')}`);
  return importKennisbank(db, tenantId, read.file, { door: 'Demo-inrichting', today });
}
