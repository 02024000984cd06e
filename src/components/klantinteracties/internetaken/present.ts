import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import type { KlantCaller } from '../shared/caller.ts';
import { groupBy } from '../shared/grouping.ts';
import type { KlantRow } from '../shared/rows.ts';
import { foreignKey, klantinteractiesBaseUrl, resourceUrl, type ForeignKey } from '../shared/urls.ts';

export type InterneTaakRow = KlantRow<'ki_interne_taken'>;

/** The `InterneTaak` resource: a contactverzoek handed to the back office. */
export interface InterneTaakJson {
  uuid: string;
  url: string;
  nummer: string;
  referentienummer: string | null;
  gevraagdeHandeling: string;
  aanleidinggevendKlantcontact: ForeignKey;
  toegewezenAanActor?: ForeignKey;
  toegewezenAanActoren: ForeignKey[];
  toelichting: string;
  status: string;
  toegewezenOp: string;
  afgehandeldOp: string | null;
}

/** The actoren of these interne taken, in their order. */
export async function actorenOfTaken(db: Kysely<Database>, tenantId: string, uuids: readonly string[]): Promise<Map<string, string[]>> {
  if (uuids.length === 0) return new Map();
  const { rows } = await sql<{ taak: string; actor: string }>`
    SELECT interne_taak_uuid AS taak, actor_uuid AS actor FROM ki_interne_taak_actoren
    WHERE tenant_id = ${tenantId} AND interne_taak_uuid = ANY(${[...uuids]}::uuid[]) ORDER BY positie`.execute(db);
  const grouped = groupBy(rows, (row) => row.taak);
  return new Map([...grouped].map(([taak, list]) => [taak, list.map((row) => row.actor)]));
}

/** Interne taken as API JSON; `toegewezenAanActor` is the first actor (the spec keeps that older field beside the list). */
export async function presentInterneTaken(db: Kysely<Database>, caller: KlantCaller, rows: readonly InterneTaakRow[]): Promise<InterneTaakJson[]> {
  const base = klantinteractiesBaseUrl(caller);
  const actoren = await actorenOfTaken(db, caller.tenant.id, rows.map((row) => row.uuid));
  return rows.map((row) => {
    const assigned = (actoren.get(row.uuid) ?? []).map((uuid) => foreignKey(base, 'actoren', uuid));
    const json: InterneTaakJson = {
      uuid: row.uuid,
      url: resourceUrl(base, 'internetaken', row.uuid),
      nummer: row.nummer,
      referentienummer: row.referentienummer,
      gevraagdeHandeling: row.gevraagde_handeling,
      aanleidinggevendKlantcontact: foreignKey(base, 'klantcontacten', row.klantcontact_uuid),
      toegewezenAanActoren: assigned,
      toelichting: row.toelichting,
      status: row.status,
      toegewezenOp: new Date(row.toegewezen_op).toISOString(),
      afgehandeldOp: row.afgehandeld_op === null ? null : new Date(row.afgehandeld_op).toISOString(),
    };
    if (assigned[0]) json.toegewezenAanActor = assigned[0];
    return json;
  });
}
