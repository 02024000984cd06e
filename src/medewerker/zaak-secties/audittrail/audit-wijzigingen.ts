import type { AuditTrailJson } from '../../../platform/audit/present.ts';

/*
 * The changes an audit record holds, in a form people read: for an update the fields whose value changed (old and
 * new), for a create the fields that got a value, for a destroy nothing but the fact. Values are shortened; nested
 * objects are shown as compact JSON.
 */

/** One changed field. */
export interface VeldWijziging {
  veld: string;
  oud: string | undefined;
  nieuw: string | undefined;
}

/** Fields that say nothing to a reader (links to the object itself, computed lists). */
const STIL = new Set(['url', 'uuid', '_expand']);
const MAX_WAARDE = 120;

function leeg(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0) || (typeof value === 'object' && value !== null && Object.keys(value).length === 0);
}

/** A value in a few words: text as is, booleans as ja/nee, the rest as compact JSON; long values cut off. */
export function waardeWeergave(value: unknown): string {
  let text: string;
  if (value === null || value === undefined) text = '(leeg)';
  else if (typeof value === 'string') text = value === '' ? '(leeg)' : value;
  else if (typeof value === 'boolean') text = value ? 'ja' : 'nee';
  else if (typeof value === 'number') text = String(value);
  else text = JSON.stringify(value);
  return text.length > MAX_WAARDE ? `${text.slice(0, MAX_WAARDE - 1)}…` : text;
}

/** The fields this record changed. */
export function veldWijzigingen(record: Pick<AuditTrailJson, 'wijzigingen'>): VeldWijziging[] {
  const oud = record.wijzigingen.oud ?? {};
  const nieuw = record.wijzigingen.nieuw ?? {};
  const velden = [...new Set([...Object.keys(oud), ...Object.keys(nieuw)])].filter((veld) => !STIL.has(veld));
  const heeftOud = record.wijzigingen.oud !== undefined;
  const heeftNieuw = record.wijzigingen.nieuw !== undefined;
  if (heeftOud && heeftNieuw) {
    return velden
      .filter((veld) => JSON.stringify(oud[veld] ?? null) !== JSON.stringify(nieuw[veld] ?? null))
      .map((veld) => ({ veld, oud: waardeWeergave(oud[veld]), nieuw: waardeWeergave(nieuw[veld]) }));
  }
  if (heeftNieuw) return velden.filter((veld) => !leeg(nieuw[veld])).map((veld) => ({ veld, oud: undefined, nieuw: waardeWeergave(nieuw[veld]) }));
  return [];
}

const ACTIES: Readonly<Record<string, string>> = {
  create: 'Aangemaakt',
  update: 'Bijgewerkt',
  partial_update: 'Deels bijgewerkt',
  destroy: 'Verwijderd',
  list: 'Lijst opgevraagd',
  retrieve: 'Opgevraagd',
};

/** The action in a word. */
export function actieWeergave(record: Pick<AuditTrailJson, 'actie' | 'actieWeergave'>): string {
  return ACTIES[record.actie] ?? (record.actieWeergave !== '' ? record.actieWeergave : record.actie);
}

const RESOURCES: Readonly<Record<string, string>> = {
  zaak: 'Zaak',
  status: 'Status',
  resultaat: 'Resultaat',
  rol: 'Rol',
  zaakeigenschap: 'Eigenschap',
  zaakobject: 'Zaakobject',
  zaakinformatieobject: 'Document bij zaak',
  zaakbesluit: 'Besluit bij zaak',
  zaakcontactmoment: 'Contactmoment bij zaak',
  zaakverzoek: 'Verzoek bij zaak',
  zaaknotitie: 'Notitie',
  klantcontact: 'Klantcontact',
  enkelvoudiginformatieobject: 'Document',
};

/** The resource and how the record names it. */
export function resourceWeergave(record: Pick<AuditTrailJson, 'resource' | 'resourceWeergave'>): string {
  const soort = RESOURCES[record.resource] ?? record.resource;
  return record.resourceWeergave === '' ? soort : `${soort}: ${record.resourceWeergave}`;
}

/** Loket's own channels by their client id, for records that carry no weergave of the application. */
const EIGEN_TOEPASSINGEN: Readonly<Record<string, string>> = {
  'loket-werkplek': 'de werkplek voor medewerkers',
  'loket-medewerker': 'de werkplek voor medewerkers',
  'loket-portaal': 'Mijn omgeving',
};

/** Who made the change: the staff member or user the application names, and the application. */
export function doorWeergave(record: Pick<AuditTrailJson, 'gebruikersWeergave' | 'applicatieWeergave' | 'applicatieId'>): { wie: string; via: string } {
  const via = record.applicatieWeergave !== '' ? record.applicatieWeergave : (EIGEN_TOEPASSINGEN[record.applicatieId] ?? record.applicatieId);
  return { wie: record.gebruikersWeergave !== '' ? record.gebruikersWeergave : via, via: record.gebruikersWeergave !== '' ? via : '' };
}
