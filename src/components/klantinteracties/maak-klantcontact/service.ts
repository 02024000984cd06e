import { inTransaction } from '../../../platform/database/transaction.ts';
import { invalid, ProblemError } from '../../../platform/errors/problem.ts';
import { betrokkenen } from '../betrokkenen/service.ts';
import type { BetrokkeneJson } from '../betrokkenen/present.ts';
import { klantcontacten } from '../klantcontacten/service.ts';
import type { KlantcontactJson } from '../klantcontacten/present.ts';
import { onderwerpobjecten } from '../onderwerpobjecten/service.ts';
import type { OnderwerpobjectJson } from '../onderwerpobjecten/present.ts';
import type { KlantCaller, KlantDeps } from '../shared/caller.ts';
import { createResource, retrieveResource } from '../shared/resource-service.ts';
import type { MaakKlantcontactInput } from './schemas.ts';

/** What `maak-klantcontact` answers: what it made. */
export interface MaakKlantcontactJson {
  klantcontact: KlantcontactJson;
  betrokkene?: BetrokkeneJson;
  onderwerpobject?: OnderwerpobjectJson;
}

/** Runs one part's creation, naming its problems under the part (`betrokkene.wasPartij`). */
async function part<T>(name: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ProblemError && error.code === 'invalid') throw invalid(error.invalidParams.map((param) => ({ ...param, name: `${name}.${param.name}` })));
    throw error;
  }
}

/**
 * `maakKlantcontactCreate`: registers a contact in one go, as the KCC does at the end of a call: the klantcontact,
 * who it was with and what it was about, all or nothing. The klantcontact is read back at the end so its lists
 * show the betrokkene and onderwerpobject made with it.
 */
export async function maakKlantcontact(deps: KlantDeps, caller: KlantCaller, input: MaakKlantcontactInput): Promise<MaakKlantcontactJson> {
  return inTransaction(deps.db, async (trx) => {
    const within = { ...deps, db: trx };
    const created = await part('klantcontact', () => createResource(within, klantcontacten, caller, input.klantcontact));
    const link = { uuid: created.uuid };
    const result: MaakKlantcontactJson = { klantcontact: created };
    if (input.betrokkene) result.betrokkene = await part('betrokkene', () => createResource(within, betrokkenen, caller, { ...input.betrokkene, hadKlantcontact: link }));
    if (input.onderwerpobject) result.onderwerpobject = await part('onderwerpobject', () => createResource(within, onderwerpobjecten, caller, { ...input.onderwerpobject, klantcontact: link }));
    result.klantcontact = await retrieveResource(within, klantcontacten, caller, created.uuid);
    return result;
  });
}
