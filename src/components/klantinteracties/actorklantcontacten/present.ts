import type { KlantRow } from '../shared/rows.ts';
import { foreignKey, resourceUrl, type ForeignKey } from '../shared/urls.ts';

export type ActorKlantcontactRow = KlantRow<'ki_actor_klantcontacten'>;

/** The `ActorKlantcontact` resource: an actor who took part in a klantcontact. */
export interface ActorKlantcontactJson {
  uuid: string;
  url: string;
  actor: ForeignKey;
  klantcontact: ForeignKey;
}

/** An actorklantcontact as API JSON. */
export function presentActorKlantcontact(row: ActorKlantcontactRow, base: string): ActorKlantcontactJson {
  return {
    uuid: row.uuid,
    url: resourceUrl(base, 'actorklantcontacten', row.uuid),
    actor: foreignKey(base, 'actoren', row.actor_uuid),
    klantcontact: foreignKey(base, 'klantcontacten', row.klantcontact_uuid),
  };
}
