import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, FastifyRequest, LightMyRequestResponse } from 'fastify';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { createTestApp, createTestTenant, type TestApp } from '../../../test/fixtures.ts';
import { signInStaff, type SignedInStaff } from '../../../test/staff-session.ts';
import { insertTestZaak } from '../../../test/zgw-fixtures.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Tenant } from '../../platform/database/schema.ts';
import type { StaffRole } from '../../platform/http/route-policy.ts';
import { ProblemError } from '../../platform/errors/problem.ts';
import { html } from '../../platform/http/html.ts';
import { seedDemoCatalogus } from '../../components/catalogi/demo/seed.ts';
import { createTeam, setTeamLeden, setTeamZaaktypen } from '../toegang/teams.ts';
import { staffZaken } from '../toegang/staff-zaken-caller.ts';
import { sectieContextVan } from './sectie-zaak.ts';
import { sendPage } from '../send-page.ts';
import { werkplekPage } from '../werkplek-page.ts';
import type { ZaakSectieContext } from '../zaken/zaak-sectie.ts';
import { ZAAK_SECTIES } from '../zaken/zaak-secties.ts';

/*
 * Test kit for the zaak page's sections. The zaak page itself is built elsewhere, so a test-only page renders the
 * sections with a ZaakSectieContext built here from the test's own zaak (GET /medewerker/test/zaken/:zaak, all
 * sections or `?sectie=<id>`), the way the zaak page will. Two tenants: a Burgerzaken team that handles VERHUIZING,
 * two behandelaars in it, a KCC agent who may only read, and a behandelaar of another municipality.
 */

/** The test-only page rendering the zaak sections for a zaak of the test. */
export const TEST_PAGINA = '/medewerker/test/zaken';

export interface TestZaak {
  uuid: string;
  /** The zaak's URL in the Zaken API, as the sections see it. */
  url: string;
  identificatie: string;
  zaaktypeUuid: string;
  vertrouwelijkheidaanduiding: string;
  afgesloten: boolean;
}

/** The context the sections get for a zaak of the request's tenant, built from the test's own zaak (404 when none). */
export async function testSectieContext(request: FastifyRequest, context: AppContext, zaakUuid: string): Promise<ZaakSectieContext> {
  if (!request.staff) throw new ProblemError('not_authenticated');
  const row = await context.database.db
    .selectFrom('zaken')
    .select(['uuid', 'identificatie', 'zaaktype_uuid', 'vertrouwelijkheidaanduiding', 'einddatum'])
    .where('tenant_id', '=', request.tenant.id)
    .where('uuid', '=', zaakUuid)
    .executeTakeFirst();
  if (!row) throw new ProblemError('not_found');
  return sectieContextVan(request, context, await staffZaken(context.database.db, request), row);
}

/** Registers the test-only page (pass to createTestApp's or serveForBrowser's extra routes). */
export function registerSectieTestPagina(app: FastifyInstance, context: AppContext): void {
  app.get<{ Params: { zaak: string }; Querystring: { sectie?: string } }>(`${TEST_PAGINA}/:zaak`, { config: { staffRoles: ['kcc', 'behandelaar', 'teamleider'] }, schema: { querystring: { type: 'object', additionalProperties: false, properties: { sectie: { type: 'string', maxLength: 40 } } } } }, async (request, reply) => {
    const staff = request.staff;
    if (!staff) throw new ProblemError('not_authenticated');
    const ctx = await testSectieContext(request, context, request.params.zaak);
    const zaak = ctx.zaak;
    const secties = ZAAK_SECTIES.filter((sectie) => request.query.sectie === undefined || sectie.id === request.query.sectie);
    const rendered = [];
    for (const sectie of secties) rendered.push(await sectie.render(ctx));
    const body = html`<h1 class="utrecht-heading-1">Zaak ${zaak.identificatie}</h1>
<nav aria-label="Onderdelen van de zaak"><ul>${ZAAK_SECTIES.map((sectie) => html`<li><a href="#${sectie.id}">${sectie.titel}</a></li>`)}</ul></nav>
${rendered}`;
    return sendPage(reply, 200, werkplekPage({ title: `Zaak ${zaak.identificatie}`, tenantName: request.tenant.name, staff, body, path: request.url }));
  });
}

async function zaaktypeUuid(database: TestDatabase, tenant: Tenant, identificatie: string): Promise<string> {
  const row = await database.db.selectFrom('zaaktypen').select('uuid').where('tenant_id', '=', tenant.id).where('identificatie', '=', identificatie).executeTakeFirstOrThrow();
  return row.uuid;
}

/** A world for the section tests: app, tenants, staff and zaken. */
export class ZaakSectiesTest {
  database!: TestDatabase;
  test!: TestApp;
  dataDir!: string;
  tenant!: Tenant;
  other!: Tenant;
  behandelaar!: SignedInStaff;
  collega!: SignedInStaff;
  kcc!: SignedInStaff;
  elders!: SignedInStaff;
  zaak!: TestZaak;
  geslotenZaak!: TestZaak;

  get app(): FastifyInstance {
    return this.test.app;
  }

  get context(): AppContext {
    return this.test.context;
  }

  async start(config: Record<string, string> = {}, extraRoutes: (app: FastifyInstance, context: AppContext) => void = () => undefined): Promise<void> {
    this.dataDir = await mkdtemp(join(tmpdir(), 'loket-zaak-secties-'));
    this.database = await createTestDatabase();
    this.test = await createTestApp(this.database, { LOKET_DATA_DIR: this.dataDir, ...config }, (app, context) => {
      registerSectieTestPagina(app, context);
      extraRoutes(app, context);
    });
    this.tenant = await createTestTenant(this.database.db, 'Gemeente Voorbeeld');
    this.other = await createTestTenant(this.database.db, 'Gemeente Elders');
    for (const tenant of [this.tenant, this.other]) await seedDemoCatalogus(this.database.db, tenant);
    this.behandelaar = await this.staff(this.tenant, ['behandelaar'], 'Bea Behandelaar');
    this.collega = await this.staff(this.tenant, ['behandelaar'], 'Cas Collega');
    this.kcc = await this.staff(this.tenant, ['kcc'], 'Kim Klantcontact');
    this.elders = await this.staff(this.other, ['behandelaar'], 'Eli Elders');
    const team = await createTeam(this.database.db, this.tenant.id, 'Burgerzaken');
    await setTeamZaaktypen(this.database.db, this.tenant.id, team, ['VERHUIZING']);
    await setTeamLeden(this.database.db, this.tenant.id, team, [this.behandelaar.user.id, this.collega.user.id]);
    const teamElders = await createTeam(this.database.db, this.other.id, 'Burgerzaken');
    await setTeamZaaktypen(this.database.db, this.other.id, teamElders, ['VERHUIZING']);
    await setTeamLeden(this.database.db, this.other.id, teamElders, [this.elders.user.id]);
    this.zaak = await this.newZaak();
    this.geslotenZaak = await this.newZaak({ einddatum: '2026-02-01' });
  }

  async stop(): Promise<void> {
    await this.test?.app.close();
    await this.database?.close();
    if (this.dataDir) await rm(this.dataDir, { recursive: true, force: true });
  }

  async staff(tenant: Tenant, roles: StaffRole[], displayName: string): Promise<SignedInStaff> {
    return signInStaff(this.test, tenant, { roles, displayName });
  }

  /** A VERHUIZING zaak of the tenant (zaakvertrouwelijk), open unless an einddatum is given. */
  async newZaak(options: { einddatum?: string } = {}): Promise<TestZaak> {
    const uuid = await zaaktypeUuid(this.database, this.tenant, 'VERHUIZING');
    const created = await insertTestZaak(this.database.db, this.tenant, { uuid }, { vertrouwelijkheidaanduiding: 'zaakvertrouwelijk', einddatum: options.einddatum ?? null });
    const row = await this.database.db.selectFrom('zaken').select('identificatie').where('uuid', '=', created.uuid).executeTakeFirstOrThrow();
    return { uuid: created.uuid, url: created.url, identificatie: row.identificatie, zaaktypeUuid: uuid, vertrouwelijkheidaanduiding: 'zaakvertrouwelijk', afgesloten: options.einddatum !== undefined };
  }

  /** The uuid of one of the zaaktype's informatieobjecttypen, by omschrijving. */
  async informatieobjecttype(omschrijving: string): Promise<string> {
    const row = await this.database.db.selectFrom('informatieobjecttypen').select('uuid').where('tenant_id', '=', this.tenant.id).where('omschrijving', '=', omschrijving).executeTakeFirstOrThrow();
    return row.uuid;
  }

  /** The test page with one section (or all) for this member. */
  sectiePagina(staff: SignedInStaff, zaakUuid: string, sectie?: string): Promise<LightMyRequestResponse> {
    return this.app.inject({ method: 'GET', url: `${TEST_PAGINA}/${zaakUuid}${sectie === undefined ? '' : `?sectie=${sectie}`}`, headers: { ...staff.headers, accept: 'text/html' } });
  }

  get(staff: SignedInStaff, url: string): Promise<LightMyRequestResponse> {
    return this.app.inject({ method: 'GET', url, headers: { ...staff.headers, accept: 'text/html' } });
  }

  /** A form POST (urlencoded) with the member's CSRF token. */
  post(staff: SignedInStaff, url: string, fields: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    return this.app.inject({ method: 'POST', url, headers: { ...staff.headers, accept: 'text/html' }, payload: { _csrf: staff.csrfToken, ...fields } });
  }

  /** A multipart POST with text fields and perhaps one file in `bestand`, with the member's CSRF token. */
  upload(staff: SignedInStaff, url: string, fields: Record<string, string>, file?: { name: string; type: string; bytes: Buffer }): Promise<LightMyRequestResponse> {
    const body = multipartBody({ _csrf: staff.csrfToken, ...fields }, file);
    return this.app.inject({ method: 'POST', url, headers: { ...staff.headers, accept: 'text/html', 'content-type': `multipart/form-data; boundary=${BOUNDARY}` }, payload: body });
  }
}

export const BOUNDARY = '----loket-test-grens';

/** A multipart/form-data body. */
export function multipartBody(fields: Record<string, string>, file?: { name: string; type: string; bytes: Buffer }): Buffer {
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  if (file) {
    parts.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="bestand"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`), file.bytes, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return Buffer.concat(parts);
}
