import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import type { JsonRecord } from '../../../platform/database/tables/klantinteracties.ts';
import { presentActor, type ActorJson, type ActorRow } from '../actoren/present.ts';
import { presentBetrokkenen, type BetrokkeneJson } from '../betrokkenen/present.ts';
import { presentBijlage, type BijlageJson } from '../bijlagen/present.ts';
import { presentInterneTaken, type InterneTaakJson } from '../internetaken/present.ts';
import { presentOnderwerpobject, type OnderwerpobjectJson } from '../onderwerpobjecten/present.ts';
import type { KlantCaller } from '../shared/caller.ts';
import { below } from '../shared/expand.ts';
import { groupBy } from '../shared/grouping.ts';
import { rowsReferring, type KlantRow } from '../shared/rows.ts';
import { foreignKey, klantinteractiesBaseUrl, resourceUrl, type ForeignKey } from '../shared/urls.ts';

export type KlantcontactRow = KlantRow<'ki_klantcontacten'>;

/** The `Klantcontact` resource: one contact in one channel. */
export interface KlantcontactJson {
  uuid: string;
  url: string;
  gingOverOnderwerpobjecten: ForeignKey[];
  hadBetrokkenActoren: ActorJson[];
  omvatteBijlagen: ForeignKey[];
  hadBetrokkenen: ForeignKey[];
  leiddeTotInterneTaken: ForeignKey[];
  nummer: string;
  referentienummer: string | null;
  kanaal: string;
  onderwerp: string;
  inhoud: string;
  reactie: string;
  indicatieContactGelukt: boolean | null;
  hoofdOnderwerpType?: string;
  verdereActieOndernomen: boolean;
  taal: string;
  vertrouwelijk: boolean;
  plaatsgevondenOp: string;
  metadata: JsonRecord;
  _expand?: {
    gingOverOnderwerpobjecten?: OnderwerpobjectJson[];
    hadBetrokkenen?: BetrokkeneJson[];
    leiddeTotInterneTaken?: InterneTaakJson[];
    omvatteBijlagen?: BijlageJson[];
  };
}

/** The actoren of these klantcontacten (through actorklantcontacten), per klantcontact. */
async function actorenOf(db: Kysely<Database>, tenantId: string, uuids: readonly string[]): Promise<Map<string, ActorRow[]>> {
  if (uuids.length === 0) return new Map();
  const { rows } = await sql<ActorRow & { klantcontact: string }>`
    SELECT a.*, ak.klantcontact_uuid AS klantcontact FROM ki_actor_klantcontacten ak JOIN ki_actoren a ON a.uuid = ak.actor_uuid
    WHERE ak.tenant_id = ${tenantId} AND ak.klantcontact_uuid = ANY(${[...uuids]}::uuid[]) ORDER BY ak.created_at, ak.uuid`.execute(db);
  return groupBy(rows, (row) => row.klantcontact);
}

/** Klantcontacten as API JSON with their relations, expanded as asked (`hadBetrokkenen.wasPartij`, …). */
export async function presentKlantcontacten(db: Kysely<Database>, caller: KlantCaller, rows: readonly KlantcontactRow[], expand: ReadonlySet<string>): Promise<KlantcontactJson[]> {
  const base = klantinteractiesBaseUrl(caller);
  const tenantId = caller.tenant.id;
  const uuids = rows.map((row) => row.uuid);
  const [onderwerpobjecten, bijlagen, betrokkenen, taken, actoren] = await Promise.all([
    rowsReferring(db, 'ki_onderwerpobjecten', tenantId, 'klantcontact_uuid', uuids),
    rowsReferring(db, 'ki_bijlagen', tenantId, 'klantcontact_uuid', uuids),
    rowsReferring(db, 'ki_betrokkenen', tenantId, 'klantcontact_uuid', uuids),
    rowsReferring(db, 'ki_interne_taken', tenantId, 'klantcontact_uuid', uuids),
    actorenOf(db, tenantId, uuids),
  ]);
  const byKlantcontact = {
    onderwerpobjecten: groupBy(onderwerpobjecten, (row) => row.klantcontact_uuid),
    bijlagen: groupBy(bijlagen, (row) => row.klantcontact_uuid),
    betrokkenen: groupBy(betrokkenen, (row) => row.klantcontact_uuid),
    taken: groupBy(taken, (row) => row.klantcontact_uuid),
  };
  const expandedBetrokkenen = expand.has('hadBetrokkenen') ? new Map((await presentBetrokkenen(db, caller, betrokkenen, below(expand, 'hadBetrokkenen'))).map((json) => [json.uuid, json])) : undefined;
  const expandedTaken = expand.has('leiddeTotInterneTaken') ? new Map((await presentInterneTaken(db, caller, taken)).map((json) => [json.uuid, json])) : undefined;
  return rows.map((row) => {
    const own = {
      onderwerpobjecten: byKlantcontact.onderwerpobjecten.get(row.uuid) ?? [],
      bijlagen: byKlantcontact.bijlagen.get(row.uuid) ?? [],
      betrokkenen: byKlantcontact.betrokkenen.get(row.uuid) ?? [],
      taken: byKlantcontact.taken.get(row.uuid) ?? [],
    };
    const json: KlantcontactJson = {
      uuid: row.uuid,
      url: resourceUrl(base, 'klantcontacten', row.uuid),
      gingOverOnderwerpobjecten: own.onderwerpobjecten.map((item) => foreignKey(base, 'onderwerpobjecten', item.uuid)),
      hadBetrokkenActoren: (actoren.get(row.uuid) ?? []).map((actor) => presentActor(actor, base)),
      omvatteBijlagen: own.bijlagen.map((item) => foreignKey(base, 'bijlagen', item.uuid)),
      hadBetrokkenen: own.betrokkenen.map((item) => foreignKey(base, 'betrokkenen', item.uuid)),
      leiddeTotInterneTaken: own.taken.map((item) => foreignKey(base, 'internetaken', item.uuid)),
      nummer: row.nummer,
      referentienummer: row.referentienummer,
      kanaal: row.kanaal,
      onderwerp: row.onderwerp,
      inhoud: row.inhoud,
      reactie: row.reactie,
      indicatieContactGelukt: row.indicatie_contact_gelukt,
      // Left out when empty: the spec types it as a URI, which '' is not.
      ...(row.hoofd_onderwerp_type === '' ? {} : { hoofdOnderwerpType: row.hoofd_onderwerp_type }),
      verdereActieOndernomen: row.verdere_actie_ondernomen,
      taal: row.taal,
      vertrouwelijk: row.vertrouwelijk,
      plaatsgevondenOp: new Date(row.plaatsgevonden_op).toISOString(),
      metadata: row.metadata,
    };
    const expanded: NonNullable<KlantcontactJson['_expand']> = {};
    if (expand.has('gingOverOnderwerpobjecten')) expanded.gingOverOnderwerpobjecten = own.onderwerpobjecten.map((item) => presentOnderwerpobject(item, base));
    if (expand.has('omvatteBijlagen')) expanded.omvatteBijlagen = own.bijlagen.map((item) => presentBijlage(item, base));
    if (expandedBetrokkenen) expanded.hadBetrokkenen = own.betrokkenen.flatMap((item) => expandedBetrokkenen.get(item.uuid) ?? []);
    if (expandedTaken) expanded.leiddeTotInterneTaken = own.taken.flatMap((item) => expandedTaken.get(item.uuid) ?? []);
    if (Object.keys(expanded).length > 0) json._expand = expanded;
    return json;
  });
}
