import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/database/schema.ts';

/** A zaaktype as the dashboards name it: its latest published version, and the product it is requested for. */
export interface ZaaktypeInfo {
  identificatie: string;
  omschrijving: string;
  doorlooptijd: string;
  servicenorm: string | null;
  /** The published kennisbank product whose online request makes this zaaktype, if any. */
  product: { uuid: string; slug: string; titel: string } | null;
}

/** Every zaaktype of the tenant (latest published version per identificatie), with its product. */
export async function zaaktypenVan(db: Kysely<Database>, tenantId: string): Promise<Map<string, ZaaktypeInfo>> {
  const rows = await sql<{ identificatie: string; omschrijving: string; doorlooptijd: string; servicenorm: string | null; product_uuid: string | null; slug: string | null; titel: string | null }>`
    SELECT DISTINCT ON (zt.identificatie) zt.identificatie, zt.omschrijving, zt.doorlooptijd, zt.servicenorm, p.product_uuid, p.slug, p.titel
    FROM zaaktypen zt
    LEFT JOIN LATERAL (
      SELECT pr.uuid AS product_uuid, pr.slug, v.titel FROM kennisbank_producten pr JOIN kennisbank_versies v ON v.uuid = pr.gepubliceerde_versie_uuid
      WHERE pr.tenant_id = zt.tenant_id AND v.zaaktype_identificatie = zt.identificatie ORDER BY v.titel LIMIT 1
    ) p ON true
    WHERE zt.tenant_id = ${tenantId} AND NOT zt.concept
    ORDER BY zt.identificatie, zt.begin_geldigheid DESC, zt.created_at DESC`.execute(db);
  return new Map(
    rows.rows.map((row) => [
      row.identificatie,
      {
        identificatie: row.identificatie,
        omschrijving: row.omschrijving,
        doorlooptijd: row.doorlooptijd,
        servicenorm: row.servicenorm,
        product: row.product_uuid && row.slug && row.titel ? { uuid: row.product_uuid, slug: row.slug, titel: row.titel } : null,
      },
    ]),
  );
}

/** The name a dashboard shows for a zaaktype: the product's title when it has one, else the zaaktype's omschrijving. */
export function zaaktypeNaam(zaaktypen: ReadonlyMap<string, ZaaktypeInfo>, identificatie: string): string {
  const info = zaaktypen.get(identificatie);
  if (!info) return identificatie;
  return info.product ? `${info.product.titel} (${info.omschrijving})` : info.omschrijving;
}

/** The teams of the tenant and the zaaktypen each handles. */
export async function teamsVan(db: Kysely<Database>, tenantId: string): Promise<{ id: string; naam: string; zaaktypen: string[] }[]> {
  const teams = await db.selectFrom('teams').select(['id', 'naam']).where('tenant_id', '=', tenantId).orderBy('naam').execute();
  const koppelingen = await db.selectFrom('team_zaaktypen').select(['team_id', 'zaaktype_identificatie']).where('tenant_id', '=', tenantId).execute();
  return teams.map((team) => ({ id: team.id, naam: team.naam, zaaktypen: koppelingen.filter((k) => k.team_id === team.id).map((k) => k.zaaktype_identificatie).sort() }));
}
