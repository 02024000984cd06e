import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import type { InvalidParam } from '../../../platform/errors/catalogue.ts';
import type { Geldigheid } from './geldigheid.ts';
import { overlappingPublishedVersions, type VersionedType } from './repository.ts';

const LABELS: Record<VersionedType, string> = { zaaktypen: 'zaaktype', besluittypen: 'besluittype', informatieobjecttypen: 'informatieobjecttype' };

/**
 * ztc-016 and its counterpart for besluittypen and informatieobjecttypen: a version's geldigheid may not overlap
 * that of a published version with the same name in the catalogus (the reference implementation's `overlap`).
 */
export async function overlapProblems(
  db: Kysely<Database>,
  tenantId: string,
  type: VersionedType,
  family: { catalogusUuid: string; name: string },
  period: Geldigheid,
  exceptUuid?: string,
  field: 'beginGeldigheid' | 'eindeGeldigheid' = 'beginGeldigheid',
): Promise<InvalidParam[]> {
  const overlapping = await overlappingPublishedVersions(db, tenantId, type, family, period, exceptUuid);
  if (overlapping.length === 0) return [];
  const periods = overlapping.map((other) => `${other.beginGeldigheid} t/m ${other.eindeGeldigheid ?? '…'}`).join(', ');
  return [
    {
      name: field,
      code: 'overlap',
      reason: `Dit ${LABELS[type]} komt al voor binnen de catalogus en opgegeven geldigheidsperiode (gepubliceerde versie(s) ${periods}).`,
    },
  ];
}
