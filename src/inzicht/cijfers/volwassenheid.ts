import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/database/schema.ts';
import type { FormulierDefinitie } from '../../formulieren/definitie.ts';

/*
 * Digitale volwassenheid per product of the catalogue: five criteria read from what Loket holds (see docs/inzicht.md).
 * Computed live: the catalogue has hundreds of products, not millions of rows, and must show a change at once.
 */

export const CRITERIA = ['online', 'inloggen', 'statusvolgen', 'prefill', 'zonderPapier'] as const;
export type Criterium = (typeof CRITERIA)[number];

export const CRITERIUM_LABELS: Record<Criterium, string> = {
  online: 'Online aan te vragen',
  inloggen: 'Met DigiD of eHerkenning',
  statusvolgen: 'Status volgen in Mijn zaken',
  prefill: 'Gegevens vooraf ingevuld',
  zonderPapier: 'Zonder papier',
};

/** What a product lacks for a criterion: the next step the municipality can take. */
export const CRITERIUM_ACTIES: Record<Criterium, string> = {
  online: 'Koppel een zaaktype, publiceer een e-formulier en bied het kanaal online aan.',
  inloggen: 'Sluit het portaal aan op DigiD en eHerkenning (via een OIDC-makelaar).',
  statusvolgen: 'Geef het zaaktype ten minste twee statustypen, zodat de aanvrager de voortgang ziet.',
  prefill: 'Laat velden van het e-formulier vooraf invullen (BSN, KvK-nummer, naam of e-mail).',
  zonderPapier: 'Laat bewijsstukken uploaden in het e-formulier.',
};

export interface ProductVolwassenheid {
  uuid: string;
  slug: string;
  titel: string;
  zaaktype: string | null;
  criteria: Record<Criterium, boolean>;
  /** Criteria met, out of five. */
  score: number;
  /** The first criterion not met, in the order above (null: all met). */
  volgendeStap: Criterium | null;
}

export interface Volwassenheid {
  producten: ProductVolwassenheid[];
  /** Average score as a percentage (null without products). */
  gemiddeldProcent: number | null;
  /** Per criterion: how many products meet it. */
  perCriterium: Record<Criterium, number>;
}

/** Whether a published e-form asks for a file, and fills a field from the signed-in identity. */
function formulierKenmerken(definitie: FormulierDefinitie | null): { bestand: boolean; prefill: boolean } {
  const velden = (definitie?.stappen ?? []).flatMap((stap) => stap.velden ?? []);
  return { bestand: velden.some((veld) => veld.type === 'bestand'), prefill: velden.some((veld) => veld.prefill !== undefined) };
}

/**
 * Scores every published product. `inlogmiddel` says whether the portal signs in through a DigiD/eHerkenning broker
 * (a deployment setting); without it no product meets that criterion.
 */
export async function volwassenheid(db: Kysely<Database>, tenantId: string, inlogmiddel: boolean): Promise<Volwassenheid> {
  const rows = await sql<{ uuid: string; slug: string; titel: string; aanvraagkanalen: string[]; bewijs: string; zaaktype: string | null; formulier: FormulierDefinitie | null; statustypen: number }>`
    SELECT p.uuid, p.slug, v.titel, v.aanvraagkanalen, v.bewijs, v.zaaktype_identificatie AS zaaktype, f.gepubliceerd AS formulier,
      COALESCE((SELECT count(*) FROM statustypen st WHERE st.zaaktype_uuid = zt.uuid), 0)::int AS statustypen
    FROM kennisbank_producten p
    JOIN kennisbank_versies v ON v.uuid = p.gepubliceerde_versie_uuid
    LEFT JOIN eformulieren f ON f.tenant_id = p.tenant_id AND f.zaaktype_identificatie = v.zaaktype_identificatie AND f.gepubliceerd IS NOT NULL
    LEFT JOIN LATERAL (
      SELECT z.uuid FROM zaaktypen z WHERE z.tenant_id = p.tenant_id AND z.identificatie = v.zaaktype_identificatie AND NOT z.concept
      ORDER BY z.begin_geldigheid DESC, z.created_at DESC LIMIT 1
    ) zt ON true
    WHERE p.tenant_id = ${tenantId}
    ORDER BY v.titel`.execute(db);
  const producten = rows.rows.map((row): ProductVolwassenheid => {
    const formulier = formulierKenmerken(row.formulier);
    const online = row.aanvraagkanalen.includes('online') && row.zaaktype !== null && row.formulier !== null;
    const criteria: Record<Criterium, boolean> = {
      online,
      inloggen: online && inlogmiddel,
      statusvolgen: online && row.statustypen >= 2,
      prefill: online && formulier.prefill,
      zonderPapier: online && (row.bewijs.replace(/<[^>]*>/g, '').trim() === '' || formulier.bestand),
    };
    const score = CRITERIA.filter((criterium) => criteria[criterium]).length;
    return { uuid: row.uuid, slug: row.slug, titel: row.titel, zaaktype: row.zaaktype, criteria, score, volgendeStap: CRITERIA.find((criterium) => !criteria[criterium]) ?? null };
  });
  const perCriterium = Object.fromEntries(CRITERIA.map((criterium) => [criterium, producten.filter((product) => product.criteria[criterium]).length])) as Record<Criterium, number>;
  const gemiddeldProcent = producten.length === 0 ? null : Math.round((producten.reduce((som, product) => som + product.score, 0) / (producten.length * CRITERIA.length)) * 100);
  return { producten, gemiddeldProcent, perCriterium };
}
