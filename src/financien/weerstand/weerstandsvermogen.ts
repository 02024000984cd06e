import type { Kysely } from 'kysely';
import type { Database } from '../../platform/database/schema.ts';
import { beschikbaarCenten, capaciteitVan, type Capaciteit } from './capaciteit.ts';
import { simuleerRisicos, type SimulatieUitkomst } from './monte-carlo.ts';
import { listRisicos, type Risico } from './risicos.ts';
import { ratioKlassenVan } from './ratio-klassen-instelling.ts';
import { weerstandsratio, type RatioKlasse } from './weerstandsratio.ts';

/** How the paragraaf weerstandsvermogen is computed: the usual 10,000 draws at 90% certainty, seeded by the year. */
export const WEERSTAND_TREKKINGEN = 10_000;
export const WEERSTAND_ZEKERHEID = 0.9;

export interface Weerstandsvermogen {
  jaar: number;
  capaciteit: Capaciteit;
  beschikbaarCenten: number;
  simulatie: SimulatieUitkomst;
  ratio: number | null;
  klasse: RatioKlasse;
  /** The tenant's rating table (its own or the common one), best class first. */
  klassen: readonly RatioKlasse[];
  eigenKlassen: boolean;
  /** The risks that drive the need most, with their mean share in the draws at or above the certainty level. */
  topRisicos: { risico: Risico; bijdrageCenten: number }[];
  aantalRisicos: number;
}

/**
 * The weerstandsvermogen of a year: the entered beschikbare capaciteit against the benodigde capaciteit that a seeded
 * Monte Carlo simulation of the risk register gives at 90% certainty, rated in the tenant's table. The seed is the year, so the same register gives
 * the same figure every time (a council document can be reproduced).
 */
export async function weerstandsvermogen(db: Kysely<Database>, tenantId: string, jaar: number, opties: { top?: number } = {}): Promise<Weerstandsvermogen> {
  const [risicos, capaciteit, tabel] = await Promise.all([listRisicos(db, tenantId), capaciteitVan(db, tenantId, jaar), ratioKlassenVan(db, tenantId)]);
  const simulatie = simuleerRisicos(
    risicos.map((risico) => ({ id: risico.uuid, kans: risico.kansProcent / 100, impactCenten: risico.impactCenten })),
    { trekkingen: WEERSTAND_TREKKINGEN, seed: jaar, zekerheid: WEERSTAND_ZEKERHEID },
  );
  const beschikbaar = beschikbaarCenten(capaciteit);
  const { ratio, klasse } = weerstandsratio(beschikbaar, simulatie.benodigdCenten, tabel.klassen);
  const byId = new Map(risicos.map((risico) => [risico.uuid, risico]));
  const topRisicos = simulatie.bijdragen
    .slice(0, opties.top ?? 5)
    .flatMap((bijdrage) => {
      const risico = byId.get(bijdrage.id);
      return risico && bijdrage.centen > 0 ? [{ risico, bijdrageCenten: bijdrage.centen }] : [];
    });
  return { jaar, capaciteit, beschikbaarCenten: beschikbaar, simulatie, ratio, klasse, klassen: tabel.klassen, eigenKlassen: tabel.eigen, topRisicos, aantalRisicos: risicos.length };
}
