import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/database/schema.ts';
import { ProblemError } from '../../platform/errors/problem.ts';
import type { ZakenCaller } from '../../components/zaken/shared/caller.ts';
import { catalogiBaseUrl } from '../../components/catalogi/shared/urls.ts';
import { loadStaffZaakToegang, staffApiCaller, type StaffZaakToegang } from './zaak-toegang.ts';

export interface StaffZaken {
  toegang: StaffZaakToegang;
  /** The signed-in staff member as a caller of the Zaken, Documenten and Besluiten services. */
  caller: ZakenCaller;
}

/**
 * For a staff page that reads or changes zaken: the member's view and a services caller with that view. The audit
 * trail of every change names the member (`staff`), the processing log their user id.
 */
export async function staffZaken(db: Kysely<Database>, request: FastifyRequest): Promise<StaffZaken> {
  const staff = request.staff;
  if (!staff) throw new ProblemError('not_authenticated');
  const toegang = await loadStaffZaakToegang(db, request.tenant.id, { userId: staff.userId, roles: staff.roles });
  const apiCaller = await staffApiCaller(db, request.tenant.id, staff, toegang, catalogiBaseUrl(request));
  return {
    toegang,
    caller: {
      id: request.id,
      headers: request.headers,
      tenant: request.tenant,
      trace: request.trace,
      staff,
      apiCaller,
      protocol: request.protocol,
      host: request.host,
      url: request.url,
    },
  };
}
