import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { OUTBOX_CHANNEL } from '../src/platform/outbox/write.ts';
import { NOTIFICATIE_KIND } from '../src/platform/zgw/notificatie.ts';

/*
 * The raw-pg side of each Zaken scenario: hand-written SQL that fetches or writes what the API response needs,
 * scoped to the tenant like every Loket query, in as few round trips as the data allows. It is the floor the
 * API is compared with, not a copy of the API's own statements (`BENCH_EXPLAIN=1` shows those).
 */

/** The zaak's columns plus the relations a Zaak resource lists as URLs, kept per zaak in zaak_relatie_lijsten. */
const ZAAK_WITH_RELATIONS = 'z.*, l.status, l.resultaat, l.rollen, l.eigenschappen, l.zaakinformatieobjecten, l.zaakobjecten, l.deelzaken';

/** The join that brings the relations of zaak `z` (a zaak without a row has none). */
const RELATIONS_JOIN = 'LEFT JOIN zaak_relatie_lijsten l ON l.zaak_uuid = z.uuid';

const PAGE_SIZE = 100;
const LIST_ORDER = 'ORDER BY z.created_at DESC, z.uuid DESC';

/** A baseline iteration on one pooled client. */
export type BaselineIteration = (client: pg.PoolClient) => Promise<void>;

/**
 * Page 1 with its relations and the exact total of a list, in two statements: the page is cut first and its
 * relations are read above it (never for rows beyond it); the total comes from `zaak_counts`, the
 * per-(zaaktype, vertrouwelijkheid) counts the schema keeps by trigger, as a list whose only filters are the
 * zaaktype and the autorisaties can use them.
 */
function listPage(page: string, count: string, parameters: () => unknown[]): BaselineIteration {
  const withRelations = `SELECT ${ZAAK_WITH_RELATIONS} FROM (${page}) z ${RELATIONS_JOIN} ${LIST_ORDER}`;
  return async (client) => {
    const values = parameters();
    await client.query(withRelations, values);
    await client.query(count, values);
  };
}

/** GET /zaken?zaaktype=…: page 1 of one zaaktype. */
export function listByZaaktype(tenantId: string, zaaktypeUuid: string): BaselineIteration {
  return listPage(
    `SELECT z.* FROM zaken z WHERE z.tenant_id = $1 AND z.zaaktype_uuid = $2 ${LIST_ORDER} LIMIT ${PAGE_SIZE}`,
    'SELECT coalesce(sum(aantal), 0) FROM zaak_counts WHERE tenant_id = $1 AND zaaktype_uuid = $2',
    () => [tenantId, zaaktypeUuid],
  );
}

/** GET /zaken for a client with heeftAlleAutorisaties: page 1 of all zaken. */
export function listAll(tenantId: string): BaselineIteration {
  return listPage(
    `SELECT z.* FROM zaken z WHERE z.tenant_id = $1 ${LIST_ORDER} LIMIT ${PAGE_SIZE}`,
    'SELECT coalesce(sum(aantal), 0) FROM zaak_counts WHERE tenant_id = $1',
    () => [tenantId],
  );
}

/**
 * GET /zaken for a client authorised for some zaaktypen up to a vertrouwelijkheid rank (zrc-006). Its zaaktypen hold
 * most of the tenant's zaken, so, as Loket does for such a scope, the newest page is one walk of the tenant's list
 * order that skips the other zaaktypen' zaken (a merge of one index range per zaaktype costs more here).
 */
export function listAuthorised(tenantId: string, zaaktypeUuids: readonly string[], maxRank: number): BaselineIteration {
  return listPage(
    `SELECT z.* FROM zaken z WHERE z.tenant_id = $1 AND z.zaaktype_uuid = ANY ($3::uuid[]) AND z.vertrouwelijkheid_rank <= $2 ${LIST_ORDER} LIMIT ${PAGE_SIZE}`,
    `SELECT coalesce(sum(aantal), 0) FROM zaak_counts WHERE tenant_id = $1 AND vertrouwelijkheid_rank <= $2 AND zaaktype_uuid = ANY ($3::uuid[])`,
    () => [tenantId, maxRank, [...zaaktypeUuids]],
  );
}

/** GET /zaken/{uuid}: one zaak with its relations. */
export function retrieve(tenantId: string, sample: readonly string[]): BaselineIteration {
  const text = `SELECT ${ZAAK_WITH_RELATIONS} FROM zaken z ${RELATIONS_JOIN} WHERE z.tenant_id = $1 AND z.uuid = $2`;
  return async (client) => {
    // Prepared once per connection, as Loket prepares its retrieve.
    await client.query({ name: 'bench-zaak-retrieve', text, values: [tenantId, sample[Math.floor(Math.random() * sample.length)]] });
  };
}

/**
 * POST /zaken: in one transaction the zaak's audit record, its notification in the outbox (with the NOTIFY that
 * wakes dispatchers), and last the next number from the tenant's counter together with the zaak itself, so the
 * counter's row lock, which serialises zaak creation per tenant, is held for one statement and the commit. The
 * identificatie gets the prefix RAW: baseline zaken are recognisable and never take a number the API gives out.
 */
export function create(tenantId: string, rsin: string, zaaktypeUuid: string, zaaktypeUrl: string, marker: string): BaselineIteration {
  const today = new Date().toISOString().slice(0, 10);
  const year = Number(today.slice(0, 4));
  return async (client) => {
    const uuid = randomUUID();
    const url = `http://bench/zaken/api/v1/zaken/${uuid}`;
    const zaak = { uuid, bronorganisatie: rsin, verantwoordelijkeOrganisatie: rsin, zaaktype: zaaktypeUrl, startdatum: today, omschrijving: marker };
    await client.query('BEGIN');
    await client.query(
      `INSERT INTO audittrail (tenant_id, bron, applicatie_id, actie, resultaat, hoofd_object, resource, resource_url, nieuw)
       VALUES ($1, 'zrc', 'bench', 'create', 201, $2, 'zaak', $2, $3)`,
      [tenantId, url, JSON.stringify(zaak)],
    );
    await client.query(
      `WITH inserted AS (INSERT INTO outbox (tenant_id, kind, payload) VALUES ($1, $2, $3::jsonb) RETURNING id)
       SELECT inserted.id, pg_notify($4, '') FROM inserted`,
      [tenantId, NOTIFICATIE_KIND, JSON.stringify({ kanaal: 'zaken', hoofdObject: url, resource: 'zaak', resourceUrl: url, actie: 'create', kenmerken: { bronorganisatie: rsin, zaaktype: zaaktypeUrl, vertrouwelijkheidaanduiding: 'zaakvertrouwelijk' } }), OUTBOX_CHANNEL],
    );
    await client.query(
      `WITH number AS (
         INSERT INTO zaak_identificatie_counters (tenant_id, year, last_number) VALUES ($2, $3, 1)
         ON CONFLICT (tenant_id, year) DO UPDATE SET last_number = zaak_identificatie_counters.last_number + 1 RETURNING last_number)
       INSERT INTO zaken (uuid, tenant_id, identificatie, bronorganisatie, zaaktype_uuid, verantwoordelijke_organisatie, omschrijving,
                          registratiedatum, startdatum, uiterlijke_einddatum_afdoening, vertrouwelijkheidaanduiding)
       SELECT $1, $2, 'RAW-' || $3 || '-' || lpad(number.last_number::text, 10, '0'), $4, $5, $4, $6, $7, $7, ($7::date + interval '8 weeks')::date, 'zaakvertrouwelijk'
         FROM number RETURNING *`,
      [uuid, tenantId, year, rsin, zaaktypeUuid, marker, today],
    );
    await client.query('COMMIT');
  };
}
