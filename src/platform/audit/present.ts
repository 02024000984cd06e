import type { AuditRecord } from './record.ts';

/** The ZGW `AuditTrail` resource (Zaken 1.7.0, Besluiten 1.1.0, Documenten 1.7.0). */
export interface AuditTrailJson {
  uuid: string;
  bron: string;
  applicatieId: string;
  applicatieWeergave: string;
  gebruikersId: string;
  gebruikersWeergave: string;
  actie: string;
  actieWeergave: string;
  resultaat: number;
  hoofdObject: string;
  resource: string;
  resourceUrl: string;
  toelichting: string;
  resourceWeergave: string;
  aanmaakdatum: string;
  wijzigingen: { oud?: Record<string, unknown>; nieuw?: Record<string, unknown> };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Turns a stored audit record into the standard's AuditTrail JSON. `wijzigingen.oud` and `.nieuw`
 * are typed `object` and not nullable in the schema, so a side that does not exist (no `oud` on
 * create, no `nieuw` on destroy) is left out rather than given as null.
 */
export function presentAuditTrail(record: AuditRecord): AuditTrailJson {
  const wijzigingen: AuditTrailJson['wijzigingen'] = {};
  if (isObject(record.oud)) wijzigingen.oud = record.oud;
  if (isObject(record.nieuw)) wijzigingen.nieuw = record.nieuw;
  return {
    uuid: record.uuid,
    bron: record.bron,
    applicatieId: record.applicatie_id,
    applicatieWeergave: record.applicatie_weergave,
    gebruikersId: record.gebruikers_id,
    gebruikersWeergave: record.gebruikers_weergave,
    actie: record.actie,
    actieWeergave: record.actie_weergave,
    resultaat: record.resultaat,
    hoofdObject: record.hoofd_object,
    resource: record.resource,
    resourceUrl: record.resource_url,
    toelichting: record.toelichting,
    resourceWeergave: record.resource_weergave,
    aanmaakdatum: new Date(record.aanmaakdatum).toISOString(),
    wijzigingen,
  };
}
