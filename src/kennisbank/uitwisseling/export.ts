import type { Kysely } from 'kysely';
import type { Database } from '../../platform/database/schema.ts';
import { inhoudOf, type VersieRow } from '../producten/repository.ts';
import type { ProductInhoud } from '../producten/content.ts';
import { synonymGroups } from '../zoeken/repository.ts';
import { CSV_COLUMNS, toCsv, type CsvColumn } from './csv.ts';
import { EXCHANGE_FORMAT, EXCHANGE_VERSION } from './import.ts';

type ExportStatus = 'concept' | 'review' | 'gepubliceerd';

/** One product of an export: its slug, status and text. */
export type ExportProduct = { slug: string; status: ExportStatus } & ProductInhoud;

/**
 * The version an export carries for a product: the published one when there is one (what every channel shows),
 * otherwise the newest. An archived product comes out as a concept, so importing an export never republishes it.
 */
async function exportedVersions(db: Kysely<Database>, tenantId: string): Promise<{ slug: string; versie: VersieRow; status: ExportStatus }[]> {
  const rows = await db
    .selectFrom('kennisbank_producten as p')
    .innerJoin('kennisbank_versies as v', 'v.product_uuid', 'p.uuid')
    .selectAll('v')
    .select('p.slug as product_slug')
    .where('p.tenant_id', '=', tenantId)
    .where((eb) =>
      eb.or([
        eb('v.uuid', '=', eb.ref('p.gepubliceerde_versie_uuid')),
        eb.and([
          eb('p.gepubliceerde_versie_uuid', 'is', null),
          eb('v.versienummer', '=', eb.selectFrom('kennisbank_versies as w').select((w) => w.fn.max('w.versienummer').as('n')).whereRef('w.product_uuid', '=', 'p.uuid')),
        ]),
      ]),
    )
    .orderBy('p.slug')
    .execute();
  return rows.map(({ product_slug, ...versie }) => ({
    slug: product_slug,
    versie,
    status: versie.status === 'gearchiveerd' ? 'concept' : versie.status,
  }));
}

/** The tenant's whole kennisbank as an exchange file (the format `importKennisbank` reads). */
export async function exportKennisbank(db: Kysely<Database>, tenantId: string, now: Date = new Date()): Promise<Record<string, unknown>> {
  const products = await exportedVersions(db, tenantId);
  return {
    formaat: EXCHANGE_FORMAT,
    versie: EXCHANGE_VERSION,
    geexporteerdOp: now.toISOString(),
    synoniemen: await synonymGroups(db, tenantId),
    producten: products.map(({ slug, status, versie }): ExportProduct => ({ slug, status, ...inhoudOf(versie) })),
  };
}

/** The flat fields of the tenant's products as CSV (see csv.ts). */
export async function exportKennisbankCsv(db: Kysely<Database>, tenantId: string): Promise<string> {
  const products = await exportedVersions(db, tenantId);
  return toCsv(
    products.map(({ slug, status, versie }) => {
      const inhoud = inhoudOf(versie);
      const row: Record<CsvColumn, string> = {
        slug,
        status,
        uplNaam: inhoud.uplNaam,
        titel: inhoud.titel,
        samenvatting: inhoud.samenvatting,
        doelgroepen: inhoud.doelgroepen.join('|'),
        aanvraagkanalen: inhoud.aanvraagkanalen.join('|'),
        trefwoorden: inhoud.trefwoorden.join('|'),
        gerelateerd: inhoud.gerelateerd.join('|'),
        zaaktypeIdentificatie: inhoud.zaaktypeIdentificatie ?? '',
        publicatiedatum: inhoud.publicatiedatum ?? '',
        reviewVoor: inhoud.reviewVoor ?? '',
      };
      return row;
    }),
  );
}

export { CSV_COLUMNS };
