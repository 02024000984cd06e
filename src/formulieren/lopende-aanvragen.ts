import { sql, type Kysely } from 'kysely';
import type { Database } from '../platform/database/schema.ts';
import type { Persoon } from './repository.ts';

/** A saved, unsent aanvraag of a resident, as Mijn omgeving lists it. */
export interface LopendeAanvraag {
  titel: string;
  /** The product whose page starts this form (its `/aanvragen` continues the draft); null when no published product links it. */
  productSlug: string | null;
  bijgewerktOp: Date;
  verlooptOp: Date;
}

interface Row {
  titel: string | null;
  slug: string | null;
  updated_at: Date | string;
  verloopt_op: Date | string;
}

/** The person's live drafts, most recently worked on first, with the product page that continues each. */
export async function lopendeAanvragen(db: Kysely<Database>, tenantId: string, persoon: Persoon, now: Date = new Date()): Promise<LopendeAanvraag[]> {
  const result = await sql<Row>`
    SELECT coalesce(f.gepubliceerd ->> 'titel', f.concept ->> 'titel') AS titel, product.slug, c.updated_at, c.verloopt_op
    FROM eformulier_concepten c
    JOIN eformulieren f ON f.uuid = c.eformulier_uuid AND f.tenant_id = c.tenant_id
    LEFT JOIN LATERAL (
      SELECT p.slug FROM kennisbank_producten p
      JOIN kennisbank_versies v ON v.uuid = p.gepubliceerde_versie_uuid
      WHERE p.tenant_id = c.tenant_id AND v.zaaktype_identificatie = f.zaaktype_identificatie
      ORDER BY p.slug LIMIT 1
    ) product ON true
    WHERE c.tenant_id = ${tenantId} AND c.soort = ${persoon.soort} AND c.identificatie = ${persoon.identificatie} AND c.verloopt_op > ${now}
    ORDER BY c.updated_at DESC`.execute(db);
  return result.rows.map((row) => ({ titel: row.titel ?? 'Aanvraag', productSlug: row.slug, bijgewerktOp: new Date(row.updated_at), verlooptOp: new Date(row.verloopt_op) }));
}
