import { sql } from 'kysely';
import type { InvalidParam } from '../../../platform/errors/catalogue.ts';
import { invalid } from '../../../platform/errors/problem.ts';
import { given } from '../shared/groups.ts';
import { nextNummer, reserveNummer } from '../shared/nummer.ts';
import { logPartijProcessing, searchedBsn } from '../shared/person-processing.ts';
import type { ResourceDefinition } from '../shared/resource.ts';
import { presentKlantcontacten, type KlantcontactJson } from './present.ts';
import { KLANTCONTACT_FILTERS, partijenOfKlantcontacten } from './repository.ts';

/**
 * The klantcontacten resource: one contact in one channel, numbered per tenant unless the client gives a nummer,
 * taking place now unless said otherwise. Reading contacts of a person is a processing of their data.
 */
export const klantcontacten: ResourceDefinition<'ki_klantcontacten', KlantcontactJson> = {
  table: 'ki_klantcontacten',
  resource: 'klantcontacten',
  label: 'Klantcontact',
  filters: KLANTCONTACT_FILTERS,
  order: sql`r.plaatsgevonden_op DESC, r.uuid`,
  expandable: ['gingOverOnderwerpobjecten', 'hadBetrokkenen', 'hadBetrokkenen.digitaleAdressen', 'hadBetrokkenen.wasPartij', 'leiddeTotInterneTaken', 'omvatteBijlagen'],

  async values(db, caller, body, current) {
    const tenantId = caller.tenant.id;
    const problems: InvalidParam[] = [];
    const chosen = typeof body.nummer === 'string' && body.nummer !== '' ? body.nummer : undefined;
    if (chosen !== undefined) {
      const { rows } = await sql`SELECT 1 FROM ki_klantcontacten WHERE tenant_id = ${tenantId} AND nummer = ${chosen} AND uuid IS DISTINCT FROM ${current?.uuid ?? null}::uuid`.execute(db);
      if (rows.length > 0) problems.push({ name: 'nummer', code: 'unique', reason: 'Er is al een klantcontact met dit nummer.' });
    }
    if (problems.length > 0) throw invalid(problems);
    if (chosen !== undefined) await reserveNummer(db, tenantId, 'klantcontact', chosen);
    const nummer = chosen ?? current?.nummer ?? (await nextNummer(db, tenantId, 'klantcontact'));
    return {
      nummer,
      referentienummer: given(body, 'referentienummer', current?.referentienummer ?? null),
      kanaal: given(body, 'kanaal', current?.kanaal ?? ''),
      onderwerp: given(body, 'onderwerp', current?.onderwerp ?? ''),
      inhoud: given(body, 'inhoud', current?.inhoud ?? ''),
      reactie: given(body, 'reactie', current?.reactie ?? ''),
      indicatie_contact_gelukt: given(body, 'indicatieContactGelukt', current?.indicatie_contact_gelukt ?? null),
      hoofd_onderwerp_type: given(body, 'hoofdOnderwerpType', current?.hoofd_onderwerp_type ?? ''),
      verdere_actie_ondernomen: given(body, 'verdereActieOndernomen', current?.verdere_actie_ondernomen ?? false),
      taal: given(body, 'taal', current?.taal ?? ''),
      vertrouwelijk: given(body, 'vertrouwelijk', current?.vertrouwelijk ?? false),
      plaatsgevonden_op: given(body, 'plaatsgevondenOp', current ? new Date(current.plaatsgevonden_op).toISOString() : new Date().toISOString()),
      metadata: JSON.stringify(given(body, 'metadata', current?.metadata ?? {})),
    };
  },

  present: presentKlantcontacten,

  async logProcessing(deps, caller, operation, rows, query) {
    const partijen = await partijenOfKlantcontacten(deps.db, caller.tenant.id, rows.map((row) => row.uuid));
    await logPartijProcessing(deps, caller, 'klantcontacten', operation, partijen, [
      searchedBsn(query, 'hadBetrokkene__wasPartij__partijIdentificator__codeSoortObjectId', 'hadBetrokkene__wasPartij__partijIdentificator__objectId'),
    ]);
  },
};
