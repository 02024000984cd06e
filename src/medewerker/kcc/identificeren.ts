import type { FastifyRequest } from 'fastify';
import type { KlantDeps } from '../../components/klantinteracties/shared/caller.ts';
import type { StaffZaakToegang } from '../toegang/zaak-toegang.ts';
import type { NieuwePartij, Zoeksleutel } from './identificatie.ts';
import { partijenByDigitaalAdres, partijenByIdentificator, rolBetrokkenen, type PartijSamenvatting, type RolBetrokkene } from './persoon-repository.ts';
import { logKccProcessing } from './processing.ts';

/** Someone the look-up found: a known partij, or a person or business a zaak names that is no partij yet. */
export type Kandidaat = { bestaand: PartijSamenvatting } | { nieuw: NieuwePartij; naam: string };

function nieuwVan(betrokkene: RolBetrokkene): Kandidaat {
  if (betrokkene.soort === 'organisatie') return { nieuw: { soort: 'organisatie', kvkNummer: betrokkene.nummer, naam: betrokkene.naam }, naam: betrokkene.naam };
  return { nieuw: { soort: 'persoon', bsn: betrokkene.nummer, voornaam: betrokkene.voornaam, voorvoegsel: betrokkene.voorvoegsel, achternaam: betrokkene.achternaam }, naam: betrokkene.naam };
}

/** The partijen with this BSN or KvK number, or else (as a new partij) the person or business itself. */
async function byNummer(deps: KlantDeps, tenantId: string, betrokkene: RolBetrokkene | { soort: 'persoon' | 'organisatie'; nummer: string }): Promise<Kandidaat[]> {
  const partijen = await partijenByIdentificator(deps.db, tenantId, betrokkene.soort === 'persoon' ? 'bsn' : 'kvk_nummer', betrokkene.nummer);
  if (partijen.length > 0) return partijen.map((partij) => ({ bestaand: partij }));
  if ('naam' in betrokkene) return [nieuwVan(betrokkene)];
  return [];
}

/**
 * Looks up who the caller is: the partijen the key identifies and, where none exists yet, the person or business as
 * the rollen of the zaken the agent may read name them (a BSN or KvK number the agent typed is offered as a new
 * partij even without zaken). A zaak above the agent's vertrouwelijkheid is never read, so its zaak number finds
 * nobody. The look-up is logged in the processing log with every BSN it touched, found or not.
 */
export async function identificeer(deps: KlantDeps, request: FastifyRequest, toegang: StaffZaakToegang, sleutel: Zoeksleutel): Promise<Kandidaat[]> {
  const startTime = new Date();
  const tenantId = request.tenant.id;
  let kandidaten: Kandidaat[];
  switch (sleutel.sleutel) {
    case 'bsn': {
      const [fromRol] = await rolBetrokkenen(deps.db, tenantId, toegang, { bsn: sleutel.bsn });
      kandidaten = await byNummer(deps, tenantId, fromRol ?? { soort: 'persoon', nummer: sleutel.bsn, voornaam: '', voorvoegsel: '', achternaam: '', naam: '' });
      break;
    }
    case 'kvk': {
      const [fromRol] = await rolBetrokkenen(deps.db, tenantId, toegang, { kvkNummer: sleutel.kvkNummer });
      kandidaten = await byNummer(deps, tenantId, fromRol ?? { soort: 'organisatie', nummer: sleutel.kvkNummer, voornaam: '', voorvoegsel: '', achternaam: '', naam: '' });
      break;
    }
    case 'zaaknummer':
    case 'naam': {
      const selectie = sleutel.sleutel === 'zaaknummer' ? { zaaknummer: sleutel.zaaknummer } : { achternaam: sleutel.achternaam, geboortedatum: sleutel.geboortedatum };
      const betrokkenen = await rolBetrokkenen(deps.db, tenantId, toegang, selectie);
      kandidaten = (await Promise.all(betrokkenen.map((betrokkene) => byNummer(deps, tenantId, betrokkene)))).flat();
      break;
    }
    case 'email':
      kandidaten = (await partijenByDigitaalAdres(deps.db, tenantId, { email: sleutel.email })).map((partij) => ({ bestaand: partij }));
      break;
    case 'telefoon':
      kandidaten = (await partijenByDigitaalAdres(deps.db, tenantId, { telefoon: sleutel.telefoon })).map((partij) => ({ bestaand: partij }));
      break;
  }
  const unique = dedupe(kandidaten);
  const bsns = [...unique.map((kandidaat) => ('bestaand' in kandidaat ? kandidaat.bestaand.bsn : kandidaat.nieuw.soort === 'persoon' ? kandidaat.nieuw.bsn : null)), sleutel.sleutel === 'bsn' ? sleutel.bsn : null];
  await logKccProcessing(deps, request, 'persoon-identificeren', bsns, { sleutel: sleutel.sleutel, gevonden: unique.length }, startTime);
  return unique;
}

function dedupe(kandidaten: Kandidaat[]): Kandidaat[] {
  const seen = new Set<string>();
  return kandidaten.filter((kandidaat) => {
    const key = 'bestaand' in kandidaat ? kandidaat.bestaand.uuid : kandidaat.nieuw.soort === 'persoon' ? `bsn:${kandidaat.nieuw.bsn}` : `kvk:${kandidaat.nieuw.kvkNummer}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
