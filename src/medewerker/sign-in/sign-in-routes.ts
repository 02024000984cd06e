import type { FastifyInstance } from 'fastify';
import type { Keys } from '../../platform/crypto/keys.ts';
import { assertSameOrigin, verifyCsrf } from '../../platform/auth/csrf.ts';
import { issueFormToken, verifyFormToken } from '../../platform/auth/csrf-form-token.ts';
import { retryInMinutes, safeReturnPath, signInStepLocation, STAFF_PATHS, withReturnPath } from '../../platform/auth/staff-paths.ts';
import { clearSessionCookie, loadStaffSession, setSessionCookie } from '../../platform/auth/staff-session.ts';
import { confirmTotpCode, signInWithPassword, signOut, type StaffSignInDeps } from '../../platform/auth/staff-sign-in.ts';
import { isTotpCodeShape, normaliseTotpCode } from '../../platform/auth/staff-totp.ts';
import { sendPage } from '../send-page.ts';
import { codePage, CREDENTIALS_ERROR, signInPage } from './sign-in-pages.ts';
import { signInContext } from './sign-in-context.ts';

export interface SignInRouteDeps {
  signIn: StaffSignInDeps;
  keys: Keys;
  oidcEnabled: boolean;
}

const text = (maxLength: number) => ({ type: 'string', maxLength }) as const;

const SIGN_IN_QUERY = {
  type: 'object',
  additionalProperties: false,
  properties: { terug: text(2000), uitgelogd: text(1), verlopen: text(1) },
} as const;
const RETURN_QUERY = { type: 'object', additionalProperties: false, properties: { terug: text(2000) } } as const;
const PASSWORD_BODY = {
  type: 'object',
  additionalProperties: false,
  properties: { _csrf: text(200), terug: text(2000), email: text(320), wachtwoord: text(1024) },
} as const;
const CODE_BODY = { type: 'object', additionalProperties: false, properties: { _csrf: text(200), terug: text(2000), code: text(50) } } as const;
const SIGN_OUT_BODY = { type: 'object', additionalProperties: false, properties: { _csrf: text(200) } } as const;

interface SignInQuery {
  terug?: string;
  uitgelogd?: string;
  verlopen?: string;
}
interface PasswordBody {
  terug?: string;
  email?: string;
  wachtwoord?: string;
}
interface CodeBody {
  terug?: string;
  code?: string;
}

/**
 * Staff sign-in: password step, code step and sign-out. These routes are public (there is no
 * session yet, or only a half one); each checks CSRF itself: the password form against its sealed
 * form cookie, the code and sign-out forms against the session's token.
 */
export function registerSignInRoutes(app: FastifyInstance, deps: SignInRouteDeps): void {
  const { db } = deps.signIn;
  const sessionPolicy = deps.signIn.sessions;

  app.get<{ Querystring: SignInQuery }>(STAFF_PATHS.signIn, { config: { public: true }, schema: { querystring: SIGN_IN_QUERY } }, async (request, reply) => {
    const returnPath = safeReturnPath(request.query.terug);
    const lookup = await loadStaffSession(db, sessionPolicy, request);
    if (lookup.state === 'active' && lookup.session.mfaPassed) return reply.redirect(returnPath, 303);
    const notice = request.query.uitgelogd ? 'uitgelogd' : request.query.verlopen ? 'verlopen' : undefined;
    return sendPage(
      reply,
      200,
      signInPage({ tenantName: request.tenant.name, formToken: issueFormToken(request, reply, deps.keys), returnPath, email: '', notice, oidcEnabled: deps.oidcEnabled }),
    );
  });

  app.post<{ Body: PasswordBody }>(STAFF_PATHS.signIn, { config: { public: true }, schema: { body: PASSWORD_BODY } }, async (request, reply) => {
    const signInFormToken = verifyFormToken(request, deps.keys);
    const body = request.body ?? {};
    const email = (body.email ?? '').trim();
    const password = body.wachtwoord ?? '';
    const returnPath = safeReturnPath(body.terug);
    const view = { tenantName: request.tenant.name, formToken: signInFormToken, returnPath, email, oidcEnabled: deps.oidcEnabled };
    if (email === '' || password === '') {
      return sendPage(
        reply,
        400,
        signInPage({ ...view, emailError: email === '' ? 'Vul uw e-mailadres in.' : undefined, passwordError: password === '' ? 'Vul uw wachtwoord in.' : undefined }),
      );
    }
    const result = await signInWithPassword(deps.signIn, signInContext(request), { email, password, signInFormToken });
    switch (result.outcome) {
      case 'invalid':
        return sendPage(reply, 400, signInPage({ ...view, credentialsError: CREDENTIALS_ERROR }));
      case 'locked':
        reply.header('Retry-After', String(result.lock.minutesLeft * 60));
        return sendPage(reply, 429, signInPage({ ...view, credentialsError: `${CREDENTIALS_ERROR} ${retryInMinutes(result.lock.minutesLeft)}` }));
      case 'no-second-factor':
        return sendPage(reply, 400, signInPage({ ...view, credentialsError: 'Voor dit account is geen inlogcode-app ingesteld. Neem contact op met de functioneel beheerder.' }));
      case 'signed-in':
        setSessionCookie(request, reply, result.cookieValue);
        return reply.redirect(result.mfaPending ? withReturnPath(STAFF_PATHS.code, returnPath) : returnPath, 303);
    }
  });

  app.get<{ Querystring: { terug?: string } }>(STAFF_PATHS.code, { config: { public: true }, schema: { querystring: RETURN_QUERY } }, async (request, reply) => {
    const returnPath = safeReturnPath(request.query.terug);
    const lookup = await loadStaffSession(db, sessionPolicy, request);
    if (lookup.state !== 'active') return reply.redirect(signInStepLocation(STAFF_PATHS.signIn, returnPath, lookup.state === 'expired'), 303);
    if (lookup.session.mfaPassed) return reply.redirect(returnPath, 303);
    return sendPage(reply, 200, codePage({ tenantName: request.tenant.name, csrfToken: lookup.session.identity.csrfToken, returnPath }));
  });

  app.post<{ Body: CodeBody }>(STAFF_PATHS.code, { config: { public: true }, schema: { body: CODE_BODY } }, async (request, reply) => {
    const body = request.body ?? {};
    const returnPath = safeReturnPath(body.terug);
    const lookup = await loadStaffSession(db, sessionPolicy, request);
    if (lookup.state !== 'active') {
      assertSameOrigin(request);
      return reply.redirect(signInStepLocation(STAFF_PATHS.signIn, returnPath, lookup.state === 'expired'), 303);
    }
    const { session } = lookup;
    verifyCsrf(request, session.identity.csrfToken);
    // A second submission of the same form after the first one passed: nothing left to do.
    if (session.mfaPassed) return reply.redirect(returnPath, 303);
    const code = normaliseTotpCode(body.code ?? '');
    const view = { tenantName: request.tenant.name, csrfToken: session.identity.csrfToken, returnPath };
    if (code === '') return sendPage(reply, 400, codePage({ ...view, error: 'Vul de inlogcode in.' }));
    if (!isTotpCodeShape(code)) return sendPage(reply, 400, codePage({ ...view, error: 'De inlogcode bestaat uit 6 cijfers.' }));
    const result = await confirmTotpCode(deps.signIn, signInContext(request), session, code);
    switch (result.outcome) {
      case 'accepted':
        return reply.redirect(returnPath, 303);
      case 'session-gone':
        return reply.redirect(`${STAFF_PATHS.signIn}?verlopen=1`, 303);
      case 'wrong':
        return sendPage(reply, 400, codePage({ ...view, error: 'De inlogcode is onjuist. Vul de code in die nu in uw app staat.' }));
      case 'reused':
        return sendPage(reply, 400, codePage({ ...view, error: 'Deze inlogcode is al gebruikt. Wacht op de volgende code in uw app.' }));
      case 'locked':
        reply.header('Retry-After', String(result.lock.minutesLeft * 60));
        return sendPage(
          reply,
          429,
          codePage({ ...view, error: `Te veel mislukte pogingen. ${retryInMinutes(result.lock.minutesLeft)}` }),
        );
    }
  });

  app.post(STAFF_PATHS.signOut, { config: { public: true }, schema: { body: SIGN_OUT_BODY } }, async (request, reply) => {
    const lookup = await loadStaffSession(db, sessionPolicy, request);
    if (lookup.state === 'active') {
      verifyCsrf(request, lookup.session.identity.csrfToken);
      await signOut(deps.signIn, signInContext(request), lookup.session);
    } else {
      assertSameOrigin(request);
    }
    clearSessionCookie(request, reply);
    return reply.redirect(`${STAFF_PATHS.signIn}?uitgelogd=1`, 303);
  });
}
