import type { JsonRecord } from '../../../platform/database/tables/klantinteracties.ts';
import { objectIdentificator } from '../shared/groups.ts';
import type { KlantRow } from '../shared/rows.ts';
import { resourceUrl } from '../shared/urls.ts';

export type ActorRow = KlantRow<'ki_actoren'>;

/** The `Actor` resource (medewerker, geautomatiseerde actor or organisatorische eenheid, by `soortActor`). */
export interface ActorJson {
  uuid: string;
  url: string;
  naam: string;
  soortActor: string;
  indicatieActief: boolean;
  actoridentificator: JsonRecord | null;
  actorIdentificatie?: JsonRecord;
}

/** The fields of `actorIdentificatie` per soort actor, as the spec lists them. */
export const ACTOR_IDENTIFICATIE_FIELDS: Record<string, readonly string[]> = {
  medewerker: ['functie', 'emailadres', 'telefoonnummer'],
  geautomatiseerde_actor: ['functie', 'omschrijving'],
  organisatorische_eenheid: ['omschrijving', 'emailadres', 'faxnummer', 'telefoonnummer'],
};

/** An actor as API JSON. */
export function presentActor(row: ActorRow, base: string): ActorJson {
  const fields = ACTOR_IDENTIFICATIE_FIELDS[row.soort_actor] ?? [];
  const stored = row.actor_identificatie;
  // Empty fields are left out: the spec's formats (email, the phone pattern) do not admit ''. An actor without any
  // identificatie has none at all, as the spec's required fields (a medewerker's functie) cannot be filled.
  const identificatie = Object.fromEntries(fields.flatMap((field) => (typeof stored[field] === 'string' && stored[field] !== '' ? [[field, stored[field]]] : [])));
  return {
    uuid: row.uuid,
    url: resourceUrl(base, 'actoren', row.uuid),
    naam: row.naam,
    soortActor: row.soort_actor,
    indicatieActief: row.indicatie_actief,
    actoridentificator: objectIdentificator(row),
    ...(Object.keys(identificatie).length > 0 ? { actorIdentificatie: identificatie } : {}),
  };
}
