import { sql, type ExpressionBuilder, type Expression, type SqlBool, type Kysely } from 'kysely';
import type { Database } from '../../platform/database/schema.ts';
import { prepared } from '../../platform/database/prepared.ts';
import type { ApiCaller } from '../../platform/auth/api-jwt.ts';
import { VERTROUWELIJKHEIDAANDUIDINGEN, vertrouwelijkheidRank, type Autorisatie, type Vertrouwelijkheidaanduiding } from '../../platform/auth/autorisaties.ts';
import { rolVertrouwelijkheidInForce } from './rol-vertrouwelijkheid.ts';

/*
 * Which zaken a staff member may see and handle in the workspace. The KCC reads zaken of every zaaktype; behandelaars
 * and teamleiders read and handle the zaken of their teams' zaaktypen; each role up to its maximum
 * vertrouwelijkheidaanduiding (./rol-vertrouwelijkheid.ts). Pages filter their queries with `zaakToegangFilter`
 * (in SQL, never after fetching) and call the ZGW services with `staffApiCaller`, so the services' own zrc-006 checks
 * apply the same view.
 */

export interface ZaakToegangDeel {
  /** The zaaktype versions (uuids) in reach; null: every zaaktype of the municipality. */
  zaaktypeUuids: readonly string[] | null;
  /** Highest vertrouwelijkheid rank (1 openbaar … 8 zeer_geheim) readable in this part. */
  maxRank: number;
  /** Whether zaken in this part may also be changed (status, besluit, resultaat, documents). */
  behandelen: boolean;
}

export interface StaffZaakToegang {
  delen: readonly ZaakToegangDeel[];
  /** The identificatie of each zaaktype version the member handles, as read with the toegang (a filter needs no look-up). */
  identificaties?: Readonly<Record<string, string>>;
}

export interface StaffMember {
  userId: string;
  roles: readonly string[];
}

const READS_ALL_ZAAKTYPEN = new Set(['kcc']);
const HANDLES_TEAM_ZAAKTYPEN = new Set(['behandelaar', 'teamleider']);

/** The municipality's role settings and, for a member who handles zaken, the team zaaktypen; read together. */
interface ToegangBronnen {
  /** Per role the aanduiding the municipality set (roles it left alone are absent). */
  rolInstellingen: Record<string, string> | null;
  /** Every version (uuid) of the zaaktypen the member's teams handle (named there by identificatie), with its identificatie. */
  teamZaaktypen: Record<string, string> | null;
}

/** One statement: every staff page that touches zaken starts here, so a second round trip would count on each. */
async function loadToegangBronnen(db: Kysely<Database>, tenantId: string, userId: string, metTeams: boolean): Promise<ToegangBronnen> {
  // Prepared: read on every werkvoorraad, zaak and KCC page, always the same text.
  const result = await prepared(sql<{ rol_instellingen: Record<string, string> | null; team_zaaktypen: Record<string, string> | null }>`
    SELECT (SELECT json_object_agg(rol, max_vertrouwelijkheidaanduiding) FROM rol_vertrouwelijkheid WHERE tenant_id = ${tenantId}) AS rol_instellingen,
           CASE WHEN ${metTeams} THEN (
             SELECT json_object_agg(zaaktypen.uuid, zaaktypen.identificatie) FROM zaaktypen
             WHERE zaaktypen.tenant_id = ${tenantId}
               AND zaaktypen.identificatie IN (
                 SELECT team_zaaktypen.zaaktype_identificatie FROM team_zaaktypen
                 JOIN team_leden ON team_leden.team_id = team_zaaktypen.team_id
                 WHERE team_zaaktypen.tenant_id = ${tenantId} AND team_leden.staff_user_id = ${userId})
           ) END AS team_zaaktypen`).execute(db);
  const row = result.rows[0];
  return { rolInstellingen: row?.rol_instellingen ?? null, teamZaaktypen: row?.team_zaaktypen ?? null };
}

/** What this staff member may see and handle, from their roles, their teams and the municipality's role settings. */
export async function loadStaffZaakToegang(db: Kysely<Database>, tenantId: string, member: StaffMember): Promise<StaffZaakToegang> {
  const handling = member.roles.filter((role) => HANDLES_TEAM_ZAAKTYPEN.has(role));
  const bronnen = await loadToegangBronnen(db, tenantId, member.userId, handling.length > 0);
  const ranks = rolVertrouwelijkheidInForce(Object.entries(bronnen.rolInstellingen ?? {}).map(([rol, aanduiding]) => ({ rol, max_vertrouwelijkheidaanduiding: aanduiding })));
  const rankOf = (role: string) => vertrouwelijkheidRank(ranks.get(role) ?? 'openbaar');
  const delen: ZaakToegangDeel[] = [];
  for (const role of member.roles.filter((role) => READS_ALL_ZAAKTYPEN.has(role))) {
    delen.push({ zaaktypeUuids: null, maxRank: rankOf(role), behandelen: false });
  }
  const identificaties = bronnen.teamZaaktypen ?? {};
  const uuids = Object.keys(identificaties).sort();
  if (handling.length > 0 && uuids.length > 0) delen.push({ zaaktypeUuids: uuids, maxRank: Math.max(...handling.map(rankOf)), behandelen: true });
  return { delen, identificaties };
}

function inDeel(deel: ZaakToegangDeel, zaak: { zaaktypeUuid: string; vertrouwelijkheidaanduiding: string }): boolean {
  return (deel.zaaktypeUuids === null || deel.zaaktypeUuids.includes(zaak.zaaktypeUuid)) && vertrouwelijkheidRank(zaak.vertrouwelijkheidaanduiding) <= deel.maxRank;
}

export function mayReadZaak(toegang: StaffZaakToegang, zaak: { zaaktypeUuid: string; vertrouwelijkheidaanduiding: string }): boolean {
  return toegang.delen.some((deel) => inDeel(deel, zaak));
}

export function mayHandleZaak(toegang: StaffZaakToegang, zaak: { zaaktypeUuid: string; vertrouwelijkheidaanduiding: string }): boolean {
  return toegang.delen.some((deel) => deel.behandelen && inDeel(deel, zaak));
}

/** The staff member's view as a WHERE condition on `zaken` (tenant scoping stays the caller's job). */
export function zaakToegangFilter(eb: ExpressionBuilder<Database, 'zaken'>, toegang: StaffZaakToegang, handlingOnly = false): Expression<SqlBool> {
  const delen = toegang.delen.filter((deel) => !handlingOnly || deel.behandelen);
  if (delen.length === 0) return eb.val(false);
  return eb.or(
    delen.map((deel) => {
      const rank = eb('zaken.vertrouwelijkheid_rank', '<=', deel.maxRank);
      if (deel.zaaktypeUuids === null) return rank;
      if (deel.zaaktypeUuids.length === 0) return eb.val(false);
      return eb.and([eb('zaken.zaaktype_uuid', 'in', deel.zaaktypeUuids), rank]);
    }),
  );
}

const LEZEN = ['zaken.lezen', 'documenten.lezen', 'besluiten.lezen', 'audittrails.lezen'];
const BEHANDELEN = [
  'zaken.bijwerken',
  'zaken.statussen.toevoegen',
  'zaken.heropenen',
  'documenten.aanmaken',
  'documenten.bijwerken',
  'documenten.lock',
  'besluiten.aanmaken',
  'besluiten.bijwerken',
];
const AANDUIDING_BY_RANK = VERTROUWELIJKHEIDAANDUIDINGEN;

/**
 * The staff member as a caller of the ZGW services: autorisaties per zaaktype version in reach (zrc), per
 * informatieobjecttype and besluittype of those zaaktypen (drc, brc), with the read scopes, and the handling scopes
 * where the part allows handling. `catalogiBase` is the Catalogi API root the type URLs are built on.
 */
export async function staffApiCaller(
  db: Kysely<Database>,
  tenantId: string,
  staff: { userId: string; displayName: string },
  toegang: StaffZaakToegang,
  catalogiBase: string,
): Promise<ApiCaller> {
  const autorisaties: Autorisatie[] = [];
  const scopes = new Set<string>();
  for (const deel of toegang.delen) {
    if (deel.maxRank < 1) continue;
    const deelScopes = deel.behandelen ? [...LEZEN, ...BEHANDELEN] : LEZEN;
    deelScopes.forEach((scope) => scopes.add(scope));
    const max: Vertrouwelijkheidaanduiding = AANDUIDING_BY_RANK[Math.min(deel.maxRank, 8) - 1] ?? 'openbaar';
    let query = db.selectFrom('zaaktypen').select(['uuid', 'besluittype_uuids']).where('tenant_id', '=', tenantId);
    if (deel.zaaktypeUuids !== null) {
      if (deel.zaaktypeUuids.length === 0) continue;
      query = query.where('uuid', 'in', deel.zaaktypeUuids);
    }
    const zaaktypen = await query.execute();
    if (zaaktypen.length === 0) continue;
    // A zaaktype names its informatieobjecttypen by omschrijving within its catalogus: every version of each counts.
    const informatieobjecttypen = await db
      .selectFrom('zaaktype_informatieobjecttypen as ziot')
      .innerJoin('zaaktypen as zt', 'zt.uuid', 'ziot.zaaktype_uuid')
      .innerJoin('informatieobjecttypen as iot', (join) => join.onRef('iot.catalogus_uuid', '=', 'zt.catalogus_uuid').onRef('iot.omschrijving', '=', 'ziot.informatieobjecttype_omschrijving'))
      .select('iot.uuid')
      .distinct()
      .where('ziot.tenant_id', '=', tenantId)
      .where('ziot.zaaktype_uuid', 'in', zaaktypen.map((zaaktype) => zaaktype.uuid))
      .execute();
    const base = { zaaktype: null, informatieobjecttype: null, besluittype: null, maxVertrouwelijkheidaanduiding: max };
    for (const zaaktype of zaaktypen) autorisaties.push({ ...base, component: 'zrc', scopes: deelScopes, zaaktype: `${catalogiBase}/zaaktypen/${zaaktype.uuid}` });
    for (const row of informatieobjecttypen) autorisaties.push({ ...base, component: 'drc', scopes: deelScopes, informatieobjecttype: `${catalogiBase}/informatieobjecttypen/${row.uuid}` });
    for (const besluittype of new Set(zaaktypen.flatMap((zaaktype) => zaaktype.besluittype_uuids))) {
      autorisaties.push({ ...base, component: 'brc', scopes: deelScopes, besluittype: `${catalogiBase}/besluittypen/${besluittype}` });
    }
  }
  return {
    clientId: 'loket-werkplek',
    userId: staff.userId,
    userRepresentation: staff.displayName,
    heeftAlleAutorisaties: false,
    scopes: [...scopes],
    autorisaties,
    alleenIsGereedVoorPublicatie: false,
  };
}
