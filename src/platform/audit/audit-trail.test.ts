import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import type { FastifyInstance } from 'fastify';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { createTestClient, createTestTenant, hostOf, testConfig } from '../../../test/fixtures.ts';
import type { Tenant } from '../database/schema.ts';
import { createKeys } from '../crypto/keys.ts';
import { createLogger } from '../logging/logger.ts';
import { buildApp } from '../http/app.ts';
import { insertApiClient } from '../auth/api-client-repository.ts';
import { recordAudit, type AuditEntry } from './record.ts';
import { auditEntryFromRequest, STAFF_APPLICATION } from './request.ts';
import { presentAuditTrail } from './present.ts';
import { findAuditRecord, listAuditTrail } from './repository.ts';

const STANDARDS = join(import.meta.dirname, '../../../../shared/standards/zgw');

type JsonSchema = Record<string, unknown>;

/** Inlines `#/components/schemas/…` references, so only the schemas AuditTrail uses are compiled. */
function resolveRefs(node: unknown, schemas: Record<string, unknown>): unknown {
  if (Array.isArray(node)) return node.map((item) => resolveRefs(item, schemas));
  if (typeof node !== 'object' || node === null) return node;
  const record = node as Record<string, unknown>;
  const ref = record.$ref;
  if (typeof ref === 'string') {
    const name = ref.replace('#/components/schemas/', '');
    if (name === ref || !(name in schemas)) throw new Error(`Unresolvable $ref ${ref}`);
    return resolveRefs(schemas[name], schemas);
  }
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, resolveRefs(value, schemas)]));
}

/** The AuditTrail component of one ZGW API, closed to extra properties so the presenter must match it exactly. */
function auditTrailSchema(file: string): JsonSchema {
  const document = parse(readFileSync(join(STANDARDS, file), 'utf8')) as { components: { schemas: Record<string, unknown> } };
  const schema = resolveRefs(document.components.schemas.AuditTrail, document.components.schemas) as JsonSchema;
  return { ...schema, additionalProperties: false };
}

function validatorFor(schema: JsonSchema) {
  const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
  // The three formats AuditTrail uses, checked here rather than through another dependency.
  ajv.addFormat('uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
  ajv.addFormat('uri', { validate: (value: string) => URL.canParse(value) && /^[a-z][a-z0-9+.-]*:/i.test(value) });
  ajv.addFormat('date-time', { validate: (value: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value) && !Number.isNaN(Date.parse(value)) });
  return ajv.compile(schema);
}

const keys = createKeys(randomBytes(32));
let database: TestDatabase;
let tenant: Tenant;
let otherTenant: Tenant;
let app: FastifyInstance;

function zaakUrl(uuid: string): string {
  return `https://${hostOf(tenant)}/zaken/api/v1/zaken/${uuid}`;
}

function entry(hoofdObject: string, overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    tenantId: tenant.id,
    bron: 'zrc',
    applicatieId: 'zaakapp',
    gebruikersId: 'u123',
    gebruikersWeergave: 'Bas Behandelaar',
    actie: 'create',
    resultaat: 201,
    hoofdObject,
    resource: 'zaak',
    resourceUrl: hoofdObject,
    resourceWeergave: 'ZAAK-2025-0000001',
    toelichting: 'Aanvraag via balie',
    requestId: 'req-12345678',
    nieuw: { url: hoofdObject, identificatie: 'ZAAK-2025-0000001', omschrijving: 'Kapvergunning' },
    ...overrides,
  };
}

beforeAll(async () => {
  database = await createTestDatabase();
  tenant = await createTestTenant(database.db);
  otherTenant = await createTestTenant(database.db);
  await insertApiClient(database.db, keys, { tenantId: tenant.id, clientId: 'zaakapp', secret: 'geheim-geheim-geheim', label: 'Zaakafhandelapp' });
  app = await buildApp({ config: testConfig(), database, keys, logger: createLogger('silent') }, async (instance) => {
    // A stand-in for a component's write route: the change and its audit record in one transaction.
    instance.post('/test/zaken/:uuid', { config: { scopes: [] } }, async (request, reply) => {
      const { uuid } = request.params as { uuid: string };
      const record = await database.db.transaction().execute((trx) =>
        recordAudit(trx, auditEntryFromRequest(request, { bron: 'zrc', actie: 'partial_update', resultaat: 200, hoofdObject: zaakUrl(uuid), resource: 'zaak', resourceUrl: zaakUrl(uuid), resourceWeergave: 'ZAAK-1', oud: { toelichting: '' }, nieuw: { toelichting: 'bijgewerkt' } })),
      );
      return reply.send(presentAuditTrail(record));
    });
  });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('recording the audit trail', () => {
  it('stores who, what and the old and new state, naming the application by its label', async () => {
    const hoofdObject = zaakUrl(randomUUID());
    const record = await database.db.transaction().execute((trx) => recordAudit(trx, entry(hoofdObject)));
    expect(record).toMatchObject({
      tenant_id: tenant.id,
      applicatie_id: 'zaakapp',
      applicatie_weergave: 'Zaakafhandelapp',
      gebruikers_id: 'u123',
      actie: 'create',
      actie_weergave: 'Object aangemaakt',
      resultaat: 201,
      toelichting: 'Aanvraag via balie',
      request_id: 'req-12345678',
      oud: null,
    });
    expect(record.nieuw).toEqual({ url: hoofdObject, identificatie: 'ZAAK-2025-0000001', omschrijving: 'Kapvergunning' });
  });

  it('leaves no audit record when the change\'s transaction rolls back', async () => {
    const hoofdObject = zaakUrl(randomUUID());
    await expect(
      database.db.transaction().execute(async (trx) => {
        await recordAudit(trx, entry(hoofdObject));
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await listAuditTrail(database.db, tenant.id, hoofdObject)).toEqual([]);
  });

  it('shortens names that exceed the standard\'s maximum length instead of storing them whole', async () => {
    const record = await recordAudit(database.db, entry(zaakUrl(randomUUID()), { gebruikersWeergave: 'x'.repeat(300), applicatieId: 'onbekend-client' }));
    expect(record.gebruikers_weergave).toHaveLength(255);
    expect(record.applicatie_weergave).toBe('onbekend-client');
  });
});

describe('reading the audit trail of a main object', () => {
  it('lists the records of one main object in this tenant, oldest first', async () => {
    const uuid = randomUUID();
    const hoofdObject = zaakUrl(uuid);
    const statusUrl = `https://${hostOf(tenant)}/zaken/api/v1/statussen/${randomUUID()}`;
    await database.db.transaction().execute(async (trx) => {
      await recordAudit(trx, entry(hoofdObject));
      await recordAudit(trx, entry(hoofdObject, { resource: 'status', resourceUrl: statusUrl, resourceWeergave: 'Ontvangen', nieuw: { url: statusUrl } }));
    });
    await recordAudit(database.db, entry(hoofdObject, { actie: 'destroy', resultaat: 204, oud: { url: hoofdObject }, nieuw: null }));
    await recordAudit(database.db, entry(zaakUrl(randomUUID())));
    await recordAudit(database.db, entry(hoofdObject, { tenantId: otherTenant.id }));
    const records = await listAuditTrail(database.db, tenant.id, hoofdObject);
    expect(records.map((record) => [record.resource, record.actie])).toEqual([
      ['zaak', 'create'],
      ['status', 'create'],
      ['zaak', 'destroy'],
    ]);
  });

  it('finds one record by uuid only within its tenant and main object', async () => {
    const hoofdObject = zaakUrl(randomUUID());
    const record = await recordAudit(database.db, entry(hoofdObject));
    expect((await findAuditRecord(database.db, tenant.id, record.uuid, hoofdObject))?.uuid).toBe(record.uuid);
    expect((await findAuditRecord(database.db, tenant.id, record.uuid.toUpperCase()))?.uuid).toBe(record.uuid);
    expect(await findAuditRecord(database.db, otherTenant.id, record.uuid)).toBeUndefined();
    expect(await findAuditRecord(database.db, tenant.id, record.uuid, zaakUrl(randomUUID()))).toBeUndefined();
    expect(await findAuditRecord(database.db, tenant.id, 'geen-uuid')).toBeUndefined();
  });
});

describe('presenting an audit record as ZGW AuditTrail', () => {
  const apis = ['zaken-1.7.0.yaml', 'besluiten-1.1.0.yaml', 'documenten-1.7.0.yaml'];

  it.each(apis)('matches the AuditTrail schema of %s for create, update and destroy', async (file) => {
    const validate = validatorFor(auditTrailSchema(file));
    const hoofdObject = zaakUrl(randomUUID());
    const records = [
      await recordAudit(database.db, entry(hoofdObject)),
      await recordAudit(database.db, entry(hoofdObject, { actie: 'update', resultaat: 200, oud: { omschrijving: 'a' }, nieuw: { omschrijving: 'b' }, toelichting: '' })),
      await recordAudit(database.db, entry(hoofdObject, { actie: 'destroy', resultaat: 204, oud: { omschrijving: 'b' }, nieuw: null })),
    ];
    for (const record of records) {
      const json = presentAuditTrail(record);
      const valid = validate(json);
      expect(validate.errors ?? []).toEqual([]);
      expect(valid).toBe(true);
    }
  });

  it('uses a validator that refuses what the schema forbids', () => {
    const validate = validatorFor(auditTrailSchema('zaken-1.7.0.yaml'));
    const good = presentAuditTrail({
      uuid: randomUUID(), tenant_id: tenant.id, bron: 'zrc', applicatie_id: 'a', applicatie_weergave: 'A', gebruikers_id: 'g', gebruikers_weergave: 'G',
      actie: 'create', actie_weergave: 'Object aangemaakt', resultaat: 201, hoofd_object: 'https://x.test/z/1', resource: 'zaak', resource_url: 'https://x.test/z/1',
      resource_weergave: 'Z1', toelichting: '', request_id: 'r', aanmaakdatum: new Date(), oud: null, nieuw: { a: 1 },
    });
    expect(validate(good)).toBe(true);
    expect(validate({ ...good, wijzigingen: { oud: null } })).toBe(false);
    expect(validate({ ...good, bron: 'kennisbank' })).toBe(false);
    expect(validate({ ...good, resultaat: 42 })).toBe(false);
    expect(validate({ ...good, hoofdObject: 'geen url' })).toBe(false);
    expect(validate({ ...good, aanmaakdatum: '2025-01-02' })).toBe(false);
    expect(validate({ ...good, extra: true })).toBe(false);
  });

  it('gives every property the schema names, under the standard\'s names', () => {
    const schema = auditTrailSchema('zaken-1.7.0.yaml');
    const record = {
      uuid: randomUUID(), tenant_id: tenant.id, bron: 'zrc', applicatie_id: 'a', applicatie_weergave: 'A', gebruikers_id: 'g', gebruikers_weergave: 'G',
      actie: 'create', actie_weergave: 'Object aangemaakt', resultaat: 201, hoofd_object: 'https://x.test/z/1', resource: 'zaak', resource_url: 'https://x.test/z/1',
      resource_weergave: 'Z1', toelichting: '', request_id: 'r', aanmaakdatum: new Date('2025-01-02T03:04:05.678Z'), oud: null, nieuw: { a: 1 },
    };
    const json = presentAuditTrail(record);
    expect(Object.keys(json).sort()).toEqual(Object.keys(schema.properties as object).sort());
    expect(json.aanmaakdatum).toBe('2025-01-02T03:04:05.678Z');
    expect(json.wijzigingen).toEqual({ nieuw: { a: 1 } });
  });
});

describe('building the audit entry from a request', () => {
  it('takes the application and user from the JWT and the toelichting from X-Audit-Toelichting', async () => {
    const client = await createTestClient(database.db, keys, tenant, { heeftAlleAutorisaties: true });
    const uuid = randomUUID();
    const response = await app.inject({
      method: 'POST',
      url: `/test/zaken/${uuid}`,
      headers: { host: hostOf(tenant), authorization: `Bearer ${await client.token()}`, 'x-audit-toelichting': 'Op verzoek van de aanvrager', 'x-request-id': 'aanvraag-0001' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      bron: 'zrc',
      applicatieId: client.clientId,
      applicatieWeergave: client.clientId,
      gebruikersId: 'test-gebruiker',
      gebruikersWeergave: 'Test Gebruiker',
      actie: 'partial_update',
      actieWeergave: 'Object deels bijgewerkt',
      toelichting: 'Op verzoek van de aanvrager',
      hoofdObject: zaakUrl(uuid),
      wijzigingen: { oud: { toelichting: '' }, nieuw: { toelichting: 'bijgewerkt' } },
    });
    const [stored] = await listAuditTrail(database.db, tenant.id, zaakUrl(uuid));
    expect(stored?.request_id).toBe('aanvraag-0001');
  });

  it('names a signed-in staff member as the user and Loket\'s staff screens as the application', () => {
    const built = auditEntryFromRequest(
      { id: 'r1', headers: {}, tenant: { id: tenant.id }, apiCaller: undefined, staff: { userId: 'medewerker-uuid', displayName: 'Tara Teamleider' } },
      { bron: 'zrc', actie: 'update', resultaat: 200, hoofdObject: 'https://x.test/z', resource: 'zaak', resourceUrl: 'https://x.test/z', resourceWeergave: 'Z' },
    );
    expect(built).toMatchObject({ applicatieId: STAFF_APPLICATION.id, applicatieWeergave: STAFF_APPLICATION.weergave, gebruikersId: 'medewerker-uuid', gebruikersWeergave: 'Tara Teamleider', toelichting: '', requestId: 'r1' });
  });
});
