import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../platform/context.ts';
import { ProblemError } from '../../../platform/errors/problem.ts';
import { STAFF_ROLES, type StaffRole } from '../../../platform/http/route-policy.ts';
import { createStaffUser, findStaffUserByEmail } from '../../../platform/auth/staff-user-repository.ts';
import { isUniqueViolation } from '../../../platform/zgw/request-body.ts';
import { sendPage } from '../../send-page.ts';
import { beheerderOf } from '../beheerder-callers.ts';
import { eenmaligPage } from '../eenmalig-page.ts';
import { listOf, textOf, type FieldErrors } from '../velden.ts';
import { findStaffAccount, listStaffAccounts, resetStaffPassword, resetStaffTotp, setStaffDisabled, setStaffRoles, type StaffAccount } from './accounts.ts';
import { MEDEWERKERS_PATH, medewerkerPage, medewerkersPage } from './medewerker-pages.ts';

/*
 * The beheerder's pages for staff accounts. Every route: beheerder only, CSRF checked centrally, accounts of the
 * tenant only (another tenant's id is a 404). A beheerder cannot take their own beheerder role away nor block
 * themselves, so a municipality always keeps a beheerder. Every change is written to the security log (the
 * structured log the sign-in events go to), naming who did what to which account, never a password or seed.
 */

const BEHEERDER = { staffRoles: ['beheerder'] } as const;
const ID_PARAMS = { type: 'object', required: ['id'], properties: { id: { type: 'string', pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' } } } as const;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

type Body = Record<string, unknown> | undefined;

function isStaffRole(role: string): role is StaffRole {
  return (STAFF_ROLES as readonly string[]).includes(role);
}

const MELDINGEN: Record<string, string> = { rollen: 'De rollen zijn opgeslagen.', geblokkeerd: 'Het account is geblokkeerd en de sessies zijn beëindigd.', gedeblokkeerd: 'Het account is gedeblokkeerd.' };

export function registerMedewerkerBeheer(app: FastifyInstance, context: AppContext): void {
  const db = context.database.db;

  async function account(request: FastifyRequest, id: string): Promise<StaffAccount> {
    const found = await findStaffAccount(db, request.tenant.id, id);
    if (!found) throw new ProblemError('not_found', 'Dit account bestaat niet.');
    return found;
  }

  function securityLog(request: FastifyRequest, event: string, target: StaffAccount | { id: string }, extra: Record<string, unknown> = {}) {
    request.log.info({ event, tenantId: request.tenant.id, userId: target.id, by: request.staff?.userId, ...extra }, `staff account: ${event}`);
  }

  async function lijst(request: FastifyRequest, reply: FastifyReply, status: number, waarden?: { naam: string; email: string; rollen: string[] }, fouten?: FieldErrors) {
    const staff = beheerderOf(request);
    const accounts = await listStaffAccounts(db, request.tenant.id);
    return sendPage(reply, status, medewerkersPage({ tenantName: request.tenant.name, staff, accounts, ...(waarden ? { waarden } : {}), ...(fouten ? { fouten } : {}) }));
  }

  app.get(MEDEWERKERS_PATH, { config: BEHEERDER }, async (request, reply) => lijst(request, reply, 200));

  app.post<{ Body: Body }>(MEDEWERKERS_PATH, { config: BEHEERDER }, async (request, reply) => {
    const staff = beheerderOf(request);
    const waarden = { naam: textOf(request.body, 'naam'), email: textOf(request.body, 'email').toLowerCase(), rollen: listOf(request.body, 'rollen') };
    const fouten: FieldErrors = {};
    if (waarden.naam === '') fouten.naam = 'Vul de naam in.';
    else if (waarden.naam.length > 200) fouten.naam = 'Gebruik hoogstens 200 tekens.';
    if (!EMAIL.test(waarden.email)) fouten.email = 'Vul een e-mailadres in, bijvoorbeeld naam@gemeente.nl.';
    const roles = waarden.rollen.filter(isStaffRole);
    if (roles.length === 0 || roles.length !== waarden.rollen.length) fouten.rollen = 'Kies ten minste één rol.';
    if (!fouten.email && (await findStaffUserByEmail(db, request.tenant.id, waarden.email))) fouten.email = 'Er is al een account met dit e-mailadres.';
    if (Object.keys(fouten).length > 0) return lijst(request, reply, 400, waarden, fouten);
    let created;
    try {
      created = await createStaffUser(db, context.keys, { tenantId: request.tenant.id, email: waarden.email, displayName: waarden.naam, roles: [...new Set(roles)] }, request.tenant.name);
    } catch (error) {
      // A double submit that passed the check above at the same time.
      if (isUniqueViolation(error)) return lijst(request, reply, 400, waarden, { email: 'Er is al een account met dit e-mailadres.' });
      throw error;
    }
    securityLog(request, 'staff.account_created', { id: created.user.id }, { roles });
    return sendPage(
      reply,
      200,
      eenmaligPage({
        tenantName: request.tenant.name,
        staff,
        title: `Account voor ${waarden.naam} gemaakt`,
        intro: 'Het account is gemaakt. De medewerker logt in met dit e-mailadres en wachtwoord, en met de code uit een authenticator-app die met deze gegevens is ingesteld.',
        geheimen: [
          { label: 'E-mailadres', waarde: created.user.email },
          { label: 'Wachtwoord', waarde: created.password },
          { label: 'Authenticator-app (otpauth-adres)', waarde: created.totpUri },
          { label: 'Of de sleutel met de hand', waarde: created.totpSecret },
        ],
        terug: { href: MEDEWERKERS_PATH, label: 'Terug naar de medewerkers' },
        path: MEDEWERKERS_PATH,
      }),
    );
  });

  app.get<{ Params: { id: string }; Querystring: { gedaan?: string } }>(
    `${MEDEWERKERS_PATH}/:id`,
    { config: BEHEERDER, schema: { params: ID_PARAMS, querystring: { type: 'object', additionalProperties: false, properties: { gedaan: { type: 'string', maxLength: 20 } } } } },
    async (request, reply) => {
      const staff = beheerderOf(request);
      return sendPage(reply, 200, medewerkerPage({ tenantName: request.tenant.name, staff, account: await account(request, request.params.id), melding: MELDINGEN[request.query.gedaan ?? ''] }));
    },
  );

  app.post<{ Params: { id: string }; Body: Body }>(`${MEDEWERKERS_PATH}/:id/rollen`, { config: BEHEERDER, schema: { params: ID_PARAMS } }, async (request, reply) => {
    const staff = beheerderOf(request);
    const target = await account(request, request.params.id);
    const gekozen = listOf(request.body, 'rollen');
    const roles = [...new Set(gekozen.filter(isStaffRole))];
    let fout: string | undefined;
    if (roles.length === 0 || roles.length !== new Set(gekozen).size) fout = 'Kies ten minste één rol.';
    else if (target.id === staff.userId && !roles.includes('beheerder')) fout = 'U kunt uw eigen rol functioneel beheerder niet weghalen; vraag een andere beheerder dat te doen.';
    if (fout) return sendPage(reply, 400, medewerkerPage({ tenantName: request.tenant.name, staff, account: target, rollen: gekozen, fouten: { rollen: fout } }));
    await setStaffRoles(db, request.tenant.id, target.id, roles);
    securityLog(request, 'staff.roles_changed', target, { from: target.roles, to: roles });
    return reply.redirect(`${MEDEWERKERS_PATH}/${target.id}?gedaan=rollen`, 303);
  });

  for (const [pad, disabled] of [['blokkeren', true], ['deblokkeren', false]] as const) {
    app.post<{ Params: { id: string } }>(`${MEDEWERKERS_PATH}/:id/${pad}`, { config: BEHEERDER, schema: { params: ID_PARAMS } }, async (request, reply) => {
      const staff = beheerderOf(request);
      const target = await account(request, request.params.id);
      if (disabled && target.id === staff.userId) {
        return sendPage(reply, 400, medewerkerPage({ tenantName: request.tenant.name, staff, account: target, fouten: { 'toegang-kop': 'U kunt uw eigen account niet blokkeren.' } }));
      }
      await setStaffDisabled(db, request.tenant.id, target.id, disabled);
      securityLog(request, disabled ? 'staff.account_disabled' : 'staff.account_enabled', target);
      return reply.redirect(`${MEDEWERKERS_PATH}/${target.id}?gedaan=${disabled ? 'geblokkeerd' : 'gedeblokkeerd'}`, 303);
    });
  }

  app.post<{ Params: { id: string } }>(`${MEDEWERKERS_PATH}/:id/wachtwoord`, { config: BEHEERDER, schema: { params: ID_PARAMS } }, async (request, reply) => {
    const staff = beheerderOf(request);
    const target = await account(request, request.params.id);
    const password = await resetStaffPassword(db, request.tenant.id, target.id);
    securityLog(request, 'staff.password_reset', target);
    return sendPage(
      reply,
      200,
      eenmaligPage({
        tenantName: request.tenant.name,
        staff,
        title: `Nieuw wachtwoord voor ${target.displayName}`,
        intro: 'Het oude wachtwoord werkt niet meer en de sessies van dit account zijn beëindigd.',
        geheimen: [{ label: 'Nieuw wachtwoord', waarde: password }],
        terug: { href: `${MEDEWERKERS_PATH}/${target.id}`, label: `Terug naar ${target.displayName}` },
        path: MEDEWERKERS_PATH,
      }),
    );
  });

  app.post<{ Params: { id: string } }>(`${MEDEWERKERS_PATH}/:id/code`, { config: BEHEERDER, schema: { params: ID_PARAMS } }, async (request, reply) => {
    const staff = beheerderOf(request);
    const target = await account(request, request.params.id);
    const enrolment = await resetStaffTotp(db, context.keys, request.tenant.id, target.id, target.email, request.tenant.name);
    securityLog(request, 'staff.totp_reset', target);
    return sendPage(
      reply,
      200,
      eenmaligPage({
        tenantName: request.tenant.name,
        staff,
        title: `Nieuwe authenticator-code voor ${target.displayName}`,
        intro: 'De oude authenticator-code werkt niet meer en de sessies van dit account zijn beëindigd.',
        geheimen: [
          { label: 'Authenticator-app (otpauth-adres)', waarde: enrolment.totpUri },
          { label: 'Of de sleutel met de hand', waarde: enrolment.totpSecret },
        ],
        terug: { href: `${MEDEWERKERS_PATH}/${target.id}`, label: `Terug naar ${target.displayName}` },
        path: MEDEWERKERS_PATH,
      }),
    );
  });
}
