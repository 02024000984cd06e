import { sql } from 'kysely';
import type { InvalidParam } from '../../../platform/errors/catalogue.ts';
import { invalid } from '../../../platform/errors/problem.ts';
import { given } from '../shared/groups.ts';
import { logPartijProcessing, searchedBsn } from '../shared/person-processing.ts';
import { resolveReference, type Reference } from '../shared/references.ts';
import type { ResourceDefinition } from '../shared/resource.ts';
import { presentDigitaleAdressen, type DigitaalAdresJson } from './present.ts';
import { clearOtherStandaardAdressen, DIGITAAL_ADRES_FILTERS, partijenOfBetrokkenen } from './repository.ts';
import { adresProblem } from './rules.ts';

/**
 * The digitaleadressen resource. An adres is given by a partij (for future contact) or by a betrokkene (during one
 * contact); a partij has at most one standaard adres per soort. An adres of a person is personal data.
 */
export const digitaleAdressen: ResourceDefinition<'ki_digitale_adressen', DigitaalAdresJson> = {
  table: 'ki_digitale_adressen',
  resource: 'digitaleadressen',
  label: 'DigitaalAdres',
  filters: DIGITAAL_ADRES_FILTERS,
  order: sql`r.created_at, r.uuid`,
  expandable: ['verstrektDoorBetrokkene', 'verstrektDoorBetrokkene.hadKlantcontact', 'verstrektDoorBetrokkene.hadKlantcontact.leiddeTotInterneTaken'],

  async values(db, caller, body, current) {
    const tenantId = caller.tenant.id;
    const problems: InvalidParam[] = [];
    const betrokkene = 'verstrektDoorBetrokkene' in body
      ? ((await resolveReference(db, 'ki_betrokkenen', tenantId, body.verstrektDoorBetrokkene as Reference | null, 'verstrektDoorBetrokkene', problems))?.uuid ?? null)
      : (current?.verstrekt_door_betrokkene_uuid ?? null);
    const partij = 'verstrektDoorPartij' in body
      ? ((await resolveReference(db, 'ki_partijen', tenantId, body.verstrektDoorPartij as Reference | null, 'verstrektDoorPartij', problems))?.uuid ?? null)
      : (current?.verstrekt_door_partij_uuid ?? null);
    const soort = given(body, 'soortDigitaalAdres', current?.soort_digitaal_adres ?? '');
    const adres = given(body, 'adres', current?.adres ?? '');
    const form = adresProblem(soort, adres);
    if (form) problems.push({ name: 'adres', code: 'invalid', reason: form });
    if (problems.length > 0) throw invalid(problems);
    return {
      verstrekt_door_betrokkene_uuid: betrokkene,
      verstrekt_door_partij_uuid: partij,
      adres,
      soort_digitaal_adres: soort,
      is_standaard_adres: given(body, 'isStandaardAdres', current?.is_standaard_adres ?? false),
      omschrijving: given(body, 'omschrijving', current?.omschrijving ?? ''),
      referentie: given(body, 'referentie', current?.referentie ?? ''),
      verificatie_datum: given(body, 'verificatieDatum', current?.verificatie_datum ?? null),
    };
  },

  async afterWrite(db, caller, row) {
    if (row.is_standaard_adres && row.verstrekt_door_partij_uuid !== null) {
      await clearOtherStandaardAdressen(db, caller.tenant.id, row.verstrekt_door_partij_uuid, row.soort_digitaal_adres, row.uuid);
    }
  },

  present: presentDigitaleAdressen,

  async logProcessing(deps, caller, operation, rows, query) {
    const viaBetrokkenen = await partijenOfBetrokkenen(deps.db, caller.tenant.id, rows.flatMap((row) => row.verstrekt_door_betrokkene_uuid ?? []));
    const partijen = [...rows.map((row) => row.verstrekt_door_partij_uuid), ...viaBetrokkenen];
    await logPartijProcessing(deps, caller, 'digitale-adressen', operation, partijen, [
      searchedBsn(query, 'verstrektDoorPartij__partijIdentificator__codeSoortObjectId', 'verstrektDoorPartij__partijIdentificator__objectId'),
    ]);
  },
};
