import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { SignJWT } from 'jose';
import type { Database, Tenant } from '../src/platform/database/schema.ts';
import type { Keys } from '../src/platform/crypto/keys.ts';
import { insertApiClient } from '../src/platform/auth/api-client-repository.ts';
import { insertAutorisatie } from '../src/platform/auth/autorisaties.ts';
import { findTenantBySlug, listTenants } from '../src/platform/tenants/repository.ts';

/*
 * What the Zaken benchmark needs from a database seeded with `loket bench seed-zaken`: the tenant, its host, the
 * zaaktypen ranked by how many zaken they hold, a sample of zaak uuids, and two API clients made for this run.
 */

export interface ZaakDataset {
  tenant: Tenant;
  host: string;
  zaken: number;
  /** Zaaktypen with zaken, most zaken first. */
  zaaktypen: { uuid: string; identificatie: string; zaken: number }[];
  /** Random zaak uuids for the retrieve scenario. */
  sample: string[];
}

/** The tenant to measure: BENCH_TENANT, or the one tenant with the most zaken. */
export async function loadZaakDataset(db: Kysely<Database>, slug: string | undefined, sampleSize: number): Promise<ZaakDataset> {
  let tenant: Tenant | undefined;
  if (slug !== undefined) {
    tenant = await findTenantBySlug(db, slug);
    if (!tenant) throw new Error(`There is no tenant "${slug}" (BENCH_TENANT).`);
  } else {
    const busiest = await db.selectFrom('zaken').select(['tenant_id', (eb) => eb.fn.countAll<string>().as('n')]).groupBy('tenant_id').orderBy('n', 'desc').limit(1).executeTakeFirst();
    tenant = busiest ? (await listTenants(db)).find((candidate) => candidate.id === busiest.tenant_id) : undefined;
  }
  if (!tenant) throw new Error('The database holds no zaken: seed it first with "loket bench seed-zaken" (see README, Benchmarks).');
  const host = tenant.hostnames[0];
  if (host === undefined) throw new Error(`Tenant ${tenant.slug} has no host name; the API finds its tenant by host (loket tenant add --host …).`);
  const zaaktypen = await db
    .selectFrom('zaken')
    .innerJoin('zaaktypen', 'zaaktypen.uuid', 'zaken.zaaktype_uuid')
    .select(['zaaktypen.uuid', 'zaaktypen.identificatie', (eb) => eb.fn.countAll<string>().as('n')])
    .where('zaken.tenant_id', '=', tenant.id)
    .groupBy(['zaaktypen.uuid', 'zaaktypen.identificatie'])
    .orderBy('n', 'desc')
    .execute();
  const sample = await db.selectFrom('zaken').select('uuid').where('tenant_id', '=', tenant.id).orderBy((eb) => eb.fn('random')).limit(sampleSize).execute();
  return {
    tenant,
    host,
    zaken: zaaktypen.reduce((sum, zaaktype) => sum + Number(zaaktype.n), 0),
    zaaktypen: zaaktypen.map((zaaktype) => ({ uuid: zaaktype.uuid, identificatie: zaaktype.identificatie, zaken: Number(zaaktype.n) })),
    sample: sample.map((row) => row.uuid),
  };
}

/** An API client made for this run, with a token signed for it. */
export interface BenchClient {
  clientId: string;
  token: string;
}

function signToken(clientId: string, secret: string): Promise<string> {
  return new SignJWT({ client_id: clientId, user_id: 'bench', user_representation: 'Benchmark' })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(clientId)
    .setIssuedAt()
    .sign(new TextEncoder().encode(secret));
}

/**
 * Two clients for the run: one with heeftAlleAutorisaties, and one authorised (component zrc, scope zaken.lezen,
 * up to zeer_geheim) for the given zaaktypen only, as the Autorisaties API would record it (zaaktype URLs).
 */
export async function createBenchClients(
  db: Kysely<Database>,
  keys: Keys,
  dataset: ZaakDataset,
  restrictedTo: readonly string[],
): Promise<{ superuser: BenchClient; restricted: BenchClient; remove: () => Promise<void> }> {
  const run = randomBytes(4).toString('hex');
  const make = async (name: string, heeftAlleAutorisaties: boolean) => {
    const clientId = `bench-zaken-${name}-${run}`;
    const secret = randomBytes(24).toString('base64url');
    const client = await insertApiClient(db, keys, { tenantId: dataset.tenant.id, clientId, secret, label: `Benchmark (${name})`, heeftAlleAutorisaties });
    return { id: client.id, applicatieUuid: client.applicatie_uuid, clientId, token: await signToken(clientId, secret) };
  };
  const superuser = await make('alles', true);
  const restricted = await make('beperkt', false);
  for (const uuid of restrictedTo) {
    await insertAutorisatie(db, dataset.tenant.id, restricted.applicatieUuid, {
      component: 'zrc',
      scopes: ['zaken.lezen'],
      zaaktype: `http://${dataset.host}/catalogi/api/v1/zaaktypen/${uuid}`,
      informatieobjecttype: null,
      besluittype: null,
      maxVertrouwelijkheidaanduiding: 'zeer_geheim',
    });
  }
  return {
    superuser,
    restricted,
    async remove() {
      // Their applicaties, and with them the clients and autorisaties.
      await db.deleteFrom('applicaties').where('tenant_id', '=', dataset.tenant.id).where('uuid', 'in', [superuser.applicatieUuid, restricted.applicatieUuid]).execute();
    },
  };
}
