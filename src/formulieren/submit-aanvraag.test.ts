import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../../test/database.ts';
import { createTestTenant } from '../../test/fixtures.ts';
import type { Tenant } from '../platform/database/schema.ts';
import { createKeys } from '../platform/crypto/keys.ts';
import { traceFromHeader } from '../platform/http/trace-context.ts';
import { seedDemoCatalogus } from '../components/catalogi/demo/seed.ts';
import { createDocumentStorage, type DocumentStorage } from '../components/documenten/storage/storage.ts';
import { MELDING_OPENBARE_RUIMTE, VERHUIZING } from './demo/demo-formulieren.ts';
import { submitAanvraag, type Aanvraag, type AanvraagDeps } from './submit-aanvraag.ts';
import { createHash } from 'node:crypto';

/** Makes the first INSERT into `table` fail, as a database error in the middle of a submission would. */
class FailInsertInto implements KyselyPlugin {
  constructor(private readonly table: string) {}
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    const node = args.node;
    if (node.kind === 'InsertQueryNode' && node.into?.table.identifier.name === this.table) throw new Error(`injected failure on insert into ${this.table}`);
    return node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(600)]);

describe('submitting an aanvraag', () => {
  let database: TestDatabase;
  let tenant: Tenant;
  let storage: DocumentStorage;
  let dataDir: string;
  const keys = createKeys(randomBytes(32));

  beforeAll(async () => {
    database = await createTestDatabase();
    tenant = await createTestTenant(database.db, 'Gemeente Aanvraag');
    await seedDemoCatalogus(database.db, tenant);
    dataDir = await mkdtemp(join(tmpdir(), 'loket-aanvraag-'));
    storage = createDocumentStorage(dataDir);
  });

  afterAll(async () => {
    await database.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  function melding(overrides: Partial<Aanvraag> = {}): Aanvraag {
    return {
      tenant,
      origin: { protocol: 'https', host: tenant.hostnames[0] ?? 'x.test' },
      trace: traceFromHeader(undefined),
      kanaal: 'portaal',
      sleutel: randomUUID(),
      zaaktypeIdentificatie: 'MELDING-OPENBARE-RUIMTE',
      definitie: MELDING_OPENBARE_RUIMTE,
      antwoorden: {
        categorie: 'Bestrating',
        omschrijving: 'Losse stoeptegel voor nummer 12.',
        gevaarlijk: 'ja',
        'gevaar-uitleg': 'Er zijn al mensen over gestruikeld.',
        afgezet: 'nee',
        adres: { postcode: '1234 AB', huisnummer: '12', toevoeging: '' },
        email: 'suzanne@voorbeeld.nl',
        telefoon: '0612345678',
      },
      bestanden: [{ veld: 'foto', bestandsnaam: 'tegel.jpg', formaat: 'image/jpeg', grootte: JPEG.length, inhoud: JPEG }],
      aanvrager: { soort: 'bsn', identificatie: '999993653', naam: 'Suzanne Moulin' },
      ...overrides,
    };
  }

  const deps = (): AanvraagDeps => ({ db: database.db, keys, storage });

  async function counts() {
    const count = async (table: 'zaken' | 'rollen' | 'zaakeigenschappen' | 'statussen' | 'zaakinformatieobjecten' | 'eformulier_inzendingen') =>
      Number((await database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).where('tenant_id', '=', tenant.id).executeTakeFirstOrThrow()).n);
    return { zaken: await count('zaken'), rollen: await count('rollen'), eigenschappen: await count('zaakeigenschappen'), statussen: await count('statussen'), documenten: await count('zaakinformatieobjecten'), inzendingen: await count('eformulier_inzendingen') };
  }

  it('creates the zaak with initiator, eigenschappen, documents and the first status, and publishes it', async () => {
    const result = await submitAanvraag(deps(), melding());
    expect(result.nieuw).toBe(true);
    expect(result.zaakIdentificatie).toMatch(/^ZAAK-\d{4}-\d+$/);
    const zaak = await database.db.selectFrom('zaken').selectAll().where('tenant_id', '=', tenant.id).where('uuid', '=', result.zaakUuid).executeTakeFirstOrThrow();
    expect(zaak.bronorganisatie).toBe(tenant.rsin);
    const rollen = await database.db.selectFrom('rollen').selectAll().where('zaak_uuid', '=', result.zaakUuid).execute();
    expect(rollen).toHaveLength(1);
    expect(rollen[0]?.omschrijving_generiek).toBe('initiator');
    expect(rollen[0]?.inp_bsn).toBe('999993653');
    expect(JSON.stringify(rollen[0]?.data)).toContain('suzanne@voorbeeld.nl');
    const eigenschappen = await database.db.selectFrom('zaakeigenschappen').select(['naam', 'waarde']).where('zaak_uuid', '=', result.zaakUuid).execute();
    expect(eigenschappen).toEqual([{ naam: 'categorie', waarde: 'Bestrating' }]);
    const statussen = await database.db.selectFrom('statussen').selectAll().where('zaak_uuid', '=', result.zaakUuid).execute();
    expect(statussen).toHaveLength(1);
    const documenten = await database.db.selectFrom('zaakinformatieobjecten').select('titel').where('zaak_uuid', '=', result.zaakUuid).orderBy('titel').execute();
    expect(documenten.map((document) => document.titel)).toEqual(['Foto van de plek: tegel.jpg', 'Melding openbare ruimte']);
    // The photo's bytes are in the document storage.
    expect(await storage.has(tenant.id, createHash('sha256').update(JPEG).digest('hex'))).toBe(true);
    const kanalen = await database.db.selectFrom('outbox').select('payload').where('tenant_id', '=', tenant.id).execute();
    expect(kanalen.some((row) => JSON.stringify(row.payload).includes(result.zaakUrl))).toBe(true);
  });

  it('makes one zaak for a double submit with the same key, also when both arrive at once', async () => {
    const before = await counts();
    const aanvraag = melding();
    const [first, second] = await Promise.all([submitAanvraag(deps(), aanvraag), submitAanvraag(deps(), aanvraag)]);
    const third = await submitAanvraag(deps(), aanvraag);
    expect(first.zaakUuid).toBe(second.zaakUuid);
    expect(third.zaakUuid).toBe(first.zaakUuid);
    expect([first.nieuw, second.nieuw, third.nieuw].filter(Boolean)).toHaveLength(1);
    const after = await counts();
    expect(after.zaken - before.zaken).toBe(1);
    expect(after.inzendingen - before.inzendingen).toBe(1);
  });

  it('leaves nothing when the last step (the first status) fails: no zaak, rol, eigenschap, document, claim or stored bytes', async () => {
    const before = await counts();
    const photo = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe1]), randomBytes(700)]);
    const aanvraag = melding({ bestanden: [{ veld: 'foto', bestandsnaam: 'kapot.jpg', formaat: 'image/jpeg', grootte: photo.length, inhoud: photo }] });
    const failing = { ...deps(), db: database.db.withPlugin(new FailInsertInto('statussen')) };
    await expect(submitAanvraag(failing, aanvraag)).rejects.toThrow('injected failure on insert into statussen');
    expect(await counts()).toEqual(before);
    expect(await storage.has(tenant.id, createHash('sha256').update(photo).digest('hex'))).toBe(false);
    const outbox = await database.db.selectFrom('outbox').select('payload').where('tenant_id', '=', tenant.id).execute();
    expect(outbox.some((row) => JSON.stringify(row.payload).includes(aanvraag.sleutel))).toBe(false);
    // The same key works afterwards: the failed attempt did not keep it.
    const retried = await submitAanvraag(deps(), aanvraag);
    expect(retried.nieuw).toBe(true);
  });

  it('gives an equal zaak for an aanvraag made on someone\'s behalf at the counter, and a business initiator by KvK number', async () => {
    const balie = await submitAanvraag(deps(), melding({ kanaal: 'balie', aanvrager: { soort: 'kvk', identificatie: '69599084', naam: 'Bakkerij De Korst', eMail: 'info@dekorst.nl' } }));
    const rol = await database.db.selectFrom('rollen').selectAll().where('zaak_uuid', '=', balie.zaakUuid).executeTakeFirstOrThrow();
    expect(rol.betrokkene_type).toBe('niet_natuurlijk_persoon');
    expect(rol.ann_identificatie).toBe('69599084');
    const audit = await database.db.selectFrom('audittrail').select(['applicatie_id']).where('tenant_id', '=', tenant.id).where('hoofd_object', '=', balie.zaakUrl).execute();
    expect(new Set(audit.map((row) => row.applicatie_id))).toEqual(new Set(['loket-balie']));
  });

  describe('the legal deadline (melding openbare ruimte: doorlooptijd P2W)', () => {
    /** Submits on `startdatum` (noon in the Netherlands) and reads the zaak's deadlines and the kept Awb count. */
    async function termijnenNaIndienen(startdatum: string) {
      const result = await submitAanvraag(deps(), melding({ now: new Date(`${startdatum}T10:00:00Z`) }));
      const zaak = await database.db.selectFrom('zaken').select(['startdatum', 'uiterlijke_einddatum_afdoening', 'einddatum_gepland']).where('uuid', '=', result.zaakUuid).executeTakeFirstOrThrow();
      const atw = await database.db.selectFrom('zaak_atw_termijnen').select(['uiterlijk_voor_atw', 'uiterlijk']).where('tenant_id', '=', tenant.id).where('zaak_uuid', '=', result.zaakUuid).executeTakeFirst();
      return { startdatum: zaak.startdatum, uiterlijk: zaak.uiterlijke_einddatum_afdoening, gepland: zaak.einddatum_gepland, voorAtw: atw?.uiterlijk_voor_atw };
    }

    it('runs on to the Monday when startdatum + doorlooptijd is a Saturday, and keeps the Awb count', async () => {
      // Saturday 6 June 2026 + 2 weeks is Saturday 20 June; the service norm (P5D) is the municipality's own promise.
      expect(await termijnenNaIndienen('2026-06-06')).toEqual({ startdatum: '2026-06-06', uiterlijk: '2026-06-22', gepland: '2026-06-11', voorAtw: '2026-06-20' });
    });

    it('runs on past Goede Vrijdag, the Easter weekend and Tweede paasdag', async () => {
      // Friday 20 March 2026 + 2 weeks is Goede Vrijdag 3 April; Easter Monday is 6 April.
      expect(await termijnenNaIndienen('2026-03-20')).toMatchObject({ uiterlijk: '2026-04-07', voorAtw: '2026-04-03' });
    });

    it('runs on past 5 May (Bevrijdingsdag)', async () => {
      expect(await termijnenNaIndienen('2026-04-21')).toMatchObject({ uiterlijk: '2026-05-06', voorAtw: '2026-05-05' });
    });

    it('leaves a deadline on a Monday where it is, with no Awb count kept', async () => {
      expect(await termijnenNaIndienen('2026-06-01')).toEqual({ startdatum: '2026-06-01', uiterlijk: '2026-06-15', gepland: '2026-06-06', voorAtw: undefined });
    });
  });

  it('stores dates as the eigenschap formaat asks and makes a rol for each person moving along', async () => {
    const result = await submitAanvraag(
      deps(),
      melding({
        zaaktypeIdentificatie: 'VERHUIZING',
        definitie: VERHUIZING,
        antwoorden: {
          'nieuw-adres': { postcode: '1234 AB', huisnummer: '3', toevoeging: 'A' },
          verhuisdatum: '2026-11-20',
          meeverhuizers: 'ja',
          'meeverhuizende-bsn': '999991772\n999990019',
          'aantal-personen': '3',
          bewoning: 'huurder',
          email: 'suzanne@voorbeeld.nl',
        },
        bestanden: [],
      }),
    );
    const eigenschappen = await database.db.selectFrom('zaakeigenschappen').select(['naam', 'waarde']).where('zaak_uuid', '=', result.zaakUuid).orderBy('naam').execute();
    expect(eigenschappen).toEqual([{ naam: 'aantal personen', waarde: '3' }, { naam: 'verhuisdatum', waarde: '20261120' }]);
    const rollen = await database.db.selectFrom('rollen').select(['omschrijving_generiek', 'inp_bsn']).where('zaak_uuid', '=', result.zaakUuid).orderBy('inp_bsn').execute();
    expect(rollen).toEqual([
      { omschrijving_generiek: 'belanghebbende', inp_bsn: '999990019' },
      { omschrijving_generiek: 'belanghebbende', inp_bsn: '999991772' },
      { omschrijving_generiek: 'initiator', inp_bsn: '999993653' },
    ]);
  });
});
