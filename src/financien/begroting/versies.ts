import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/database/schema.ts';
import type { VersieSoort } from '../../platform/database/tables/financien.ts';
import { isUniqueViolation } from '../../platform/zgw/request-body.ts';
import type { JaarBereik, NieuweRegel } from './csv-regels.ts';
import { inTransaction } from '../../platform/database/transaction.ts';

/** The budget runs over four jaarschijven: the budget year t and the meerjarenraming t+1 … t+3. */
export const JAARSCHIJVEN = 4;

export const VERSIE_SOORTEN: readonly VersieSoort[] = ['primitieve_begroting', 'begrotingswijziging', 'realisatie', 'jaarrekening'];

/** A version to create, with what identifies it to the raad. */
export interface NieuweVersie {
  begrotingsjaar: number;
  soort: VersieSoort;
  naam: string;
  raadsbesluitNummer?: string;
  /** Adoption date (a wijziging counts from then); for realisatie the quarter's last day. */
  vastgesteldOp: string;
  kwartaal?: number;
}

/** A version's refusal in words for the controller. */
export class VersieError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'VersieError';
  }
}

/** The years a version may hold: the four jaarschijven of a budget, the one year of actuals. */
export function jarenVan(versie: Pick<NieuweVersie, 'begrotingsjaar' | 'soort'>): JaarBereik {
  const budget = versie.soort === 'primitieve_begroting' || versie.soort === 'begrotingswijziging';
  return { van: versie.begrotingsjaar, tot: budget ? versie.begrotingsjaar + JAARSCHIJVEN - 1 : versie.begrotingsjaar };
}

const ROWS_PER_INSERT = 1000;

/**
 * Stores a version with all its rows in one transaction: the whole file or nothing. A wijziging needs the primitieve
 * begroting of its year to exist; each year has one primitieve begroting and one jaarrekening.
 */
export async function createVersie(db: Kysely<Database>, tenantId: string, versie: NieuweVersie, regels: readonly NieuweRegel[], onWritten?: (done: number, total: number) => void): Promise<string> {
  if (versie.soort === 'realisatie' && versie.kwartaal === undefined) throw new VersieError('Een realisatie hoort bij een kwartaal (1 tot en met 4).');
  if (versie.soort !== 'realisatie' && versie.kwartaal !== undefined) throw new VersieError('Alleen een realisatie hoort bij een kwartaal.');
  if (versie.soort === 'begrotingswijziging' && !versie.raadsbesluitNummer) throw new VersieError('Een begrotingswijziging heeft het nummer van het raadsbesluit nodig.');
  try {
    return await inTransaction(db, async (trx) => {
      if (versie.soort === 'begrotingswijziging') {
        const primitieve = await trx
          .selectFrom('begrotingsversies')
          .select('vastgesteld_op')
          .where('tenant_id', '=', tenantId)
          .where('begrotingsjaar', '=', versie.begrotingsjaar)
          .where('soort', '=', 'primitieve_begroting')
          .executeTakeFirst();
        if (!primitieve) throw new VersieError(`Er is nog geen primitieve begroting ${versie.begrotingsjaar}: importeer die eerst.`);
      }
      const created = await trx
        .insertInto('begrotingsversies')
        .values({
          tenant_id: tenantId,
          begrotingsjaar: versie.begrotingsjaar,
          soort: versie.soort,
          naam: versie.naam,
          raadsbesluit_nummer: versie.raadsbesluitNummer ?? null,
          vastgesteld_op: versie.vastgesteldOp,
          kwartaal: versie.kwartaal ?? null,
          aantal_regels: regels.length,
        })
        .returning('uuid')
        .executeTakeFirstOrThrow();
      for (let start = 0; start < regels.length; start += ROWS_PER_INSERT) {
        const chunk = regels.slice(start, start + ROWS_PER_INSERT);
        await trx
          .insertInto('begrotingsregels')
          .values(
            chunk.map((regel) => ({
              tenant_id: tenantId,
              versie_uuid: created.uuid,
              jaar: regel.jaar,
              programma: regel.programma,
              taakveld: regel.taakveld,
              categorie: regel.categorie,
              soort: regel.soort,
              bedrag_centen: regel.bedragCenten,
              structureel: regel.structureel,
              reserve: regel.reserve,
              omschrijving: regel.omschrijving,
              regelnummer: regel.regelnummer,
            })),
          )
          .execute();
        onWritten?.(start + chunk.length, regels.length);
      }
      await writeTotalen(trx, tenantId, created.uuid);
      return created.uuid;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new VersieError(
        versie.soort === 'primitieve_begroting' || versie.soort === 'jaarrekening'
          ? `Er is al een ${versie.soort === 'primitieve_begroting' ? 'primitieve begroting' : 'jaarrekening'} ${versie.begrotingsjaar}; een wijziging gaat als begrotingswijziging.`
          : `Er is al een versie "${versie.naam}" in ${versie.begrotingsjaar}.`,
      );
    }
    throw error;
  }
}

/**
 * Writes a version's sums (begroting_totalen) from its rows, in the transaction that wrote them: the balance, the
 * kengetallen and the export then read a few thousand sums instead of every begrotingsregel.
 */
export async function writeTotalen(db: Kysely<Database>, tenantId: string, versieUuid: string): Promise<void> {
  await sql`
    INSERT INTO begroting_totalen (tenant_id, versie_uuid, jaar, taakveld, categorie, soort, structureel, reserve, bedrag_centen, aantal_regels)
    SELECT tenant_id, versie_uuid, jaar, taakveld, categorie, soort, structureel, reserve, sum(bedrag_centen), count(*)
    FROM begrotingsregels
    WHERE tenant_id = ${tenantId} AND versie_uuid = ${versieUuid}
    GROUP BY tenant_id, versie_uuid, jaar, taakveld, categorie, soort, structureel, reserve`.execute(db);
  await sql`
    INSERT INTO begroting_jaartotalen (tenant_id, versie_uuid, jaar, soort, structureel, reservemutatie, bedrag_centen)
    SELECT tenant_id, versie_uuid, jaar, soort, structureel, reserve IS NOT NULL, sum(bedrag_centen)
    FROM begroting_totalen
    WHERE tenant_id = ${tenantId} AND versie_uuid = ${versieUuid}
    GROUP BY tenant_id, versie_uuid, jaar, soort, structureel, reserve IS NOT NULL`.execute(db);
}
