import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import type { AppContext } from '../context.ts';
import { ProblemError } from '../errors/problem.ts';
import { TenantResolver } from '../tenants/resolver.ts';
import { authenticateApiCaller, requireScopes, requireAnyScope } from '../auth/api-jwt.ts';
import { ApiClientCredentialStore } from '../auth/api-client-credentials.ts';
import { authenticateApiToken } from '../auth/api-token.ts';
import { authenticateStaff } from '../auth/staff-authentication.ts';
import { enforceResidentCsrf, enforceStaffCsrf } from '../auth/csrf.ts';
import { authenticateResident } from '../auth/resident-authentication.ts';
import { handleError, sendProblem } from './error-handler.ts';
import { MethodRegistry } from './method-registry.ts';
import { assertRoutePolicy } from './route-policy.ts';
import { setSecurityHeaders } from './security-headers.ts';
import { traceFromHeader } from './trace-context.ts';
import { registerHealthRoutes } from './health-routes.ts';
import { registerStaticRoutes } from './static-routes.ts';
import { registerPlatformRoutes } from './platform-routes.ts';
import { API_VERSION_HEADER, apiVersionForPath } from '../zgw/api-version.ts';

/** A caller-supplied request id is kept when it is short and harmless, so traces join up across systems. */
function requestId(header: string | string[] | undefined): string {
  return typeof header === 'string' && /^[A-Za-z0-9._-]{8,64}$/.test(header) ? header : randomUUID();
}

/** Empty querystring schema given to routes that declare none: any parameter is then unknown (a 400). */
const NO_QUERY_PARAMETERS = { type: 'object', additionalProperties: false, properties: {} } as const;

/**
 * Builds the HTTP application with the platform's cross-cutting behaviour: request ids, security
 * headers, tenant resolution, route policies (API scopes or staff roles), strict query parameters,
 * problem+json errors and 405s. Feature modules are registered by `register`.
 */
export async function buildApp(context: AppContext, register: (app: FastifyInstance) => Promise<void> = async () => undefined): Promise<FastifyInstance> {
  const { config, database, keys } = context;
  const app = Fastify({
    loggerInstance: context.logger as FastifyBaseLogger,
    genReqId: (request) => requestId(request.headers['x-request-id']),
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    return503OnClosing: true,
    ajv: { customOptions: { allErrors: true, removeAdditional: false, coerceTypes: 'array', useDefaults: true } },
  });
  const tenants = new TenantResolver(database.db, config.defaultTenant);
  const methods = new MethodRegistry();
  const apiClients = new ApiClientCredentialStore(database.db, keys);
  const jwtPolicy = { maxAgeSeconds: config.jwtMaxAgeSeconds, clockSkewSeconds: config.jwtClockSkewSeconds };
  const residentAuthentication = { db: database.db, policy: { idleMinutes: config.residentIdleMinutes, absoluteHours: config.residentAbsoluteHours } };
  const staffAuthentication = { db: database.db, policy: { idleMinutes: config.sessionIdleMinutes, absoluteHours: config.sessionAbsoluteHours } };

  app.decorateRequest('tenant', null as never);
  app.decorateRequest('apiCaller', undefined);
  app.decorateRequest('staff', undefined);
  app.decorateRequest('resident', undefined);
  app.decorateRequest('trace', null as never);
  // Before the onRequest hook below: cookies must be parsed by the time the staff session is checked.
  await app.register(cookie);

  app.addHook('onRoute', (route) => {
    assertRoutePolicy(route.method, route.url, route.config);
    methods.add(route.method, route.url);
    route.schema = { ...route.schema };
    if (!route.schema.querystring) route.schema.querystring = NO_QUERY_PARAMETERS;
  });

  app.addHook('onRequest', async (request, reply) => {
    reply.header('X-Request-ID', request.id);
    setSecurityHeaders(request, reply);
    request.trace = traceFromHeader(request.headers.traceparent as string | undefined);
    const routeConfig = request.routeOptions.config;
    if (routeConfig.tenantless) return;
    const tenant = await tenants.resolve(request.headers.host);
    if (!tenant) throw new ProblemError('unknown_tenant');
    request.tenant = tenant;
    if (routeConfig.scopes !== undefined) {
      const caller = await authenticateApiCaller(apiClients, tenant.id, request.headers.authorization, jwtPolicy);
      requireScopes(caller, routeConfig.scopes);
      if (routeConfig.anyOfScopes !== undefined) requireAnyScope(caller, routeConfig.anyOfScopes);
      request.apiCaller = caller;
    }
    if (routeConfig.apiToken !== undefined) {
      request.apiCaller = await authenticateApiToken(database.db, tenant.id, routeConfig.apiToken, request.headers.authorization);
    }
    if (routeConfig.staffRoles !== undefined) {
      // False means it answered itself (a browser sent to sign in): stop here.
      if (!(await authenticateStaff(request, reply, routeConfig.staffRoles, staffAuthentication))) return reply;
    }
    if (routeConfig.resident !== undefined) {
      if (!(await authenticateResident(request, reply, residentAuthentication))) return reply;
    }
  });

  // The body is parsed by now: every state-changing staff or resident request must carry its session's CSRF token.
  app.addHook('preValidation', async (request) => {
    if (request.routeOptions.config.staffRoles !== undefined) enforceStaffCsrf(request);
    if (request.routeOptions.config.resident !== undefined) enforceResidentCsrf(request);
  });

  app.setErrorHandler(handleError);
  app.setNotFoundHandler((request, reply) => {
    setSecurityHeaders(request, reply);
    reply.header('X-Request-ID', request.id);
    const path = request.url.split('?')[0] ?? '/';
    const apiVersion = apiVersionForPath(path);
    if (apiVersion !== undefined) reply.header(API_VERSION_HEADER, apiVersion);
    const allowed = methods.allowed(path);
    if (allowed.length > 0) {
      return sendProblem(request, reply, new ProblemError('method_not_allowed', `Methode ${request.method} is niet toegestaan; wel: ${allowed.join(', ')}.`, [], { Allow: allowed.join(', ') }));
    }
    return sendProblem(request, reply, new ProblemError('not_found'));
  });

  await app.register(formbody, { bodyLimit: Math.min(config.bodyLimitBytes, 1024 * 1024) });
  registerHealthRoutes(app, database);
  registerStaticRoutes(app);
  registerPlatformRoutes(app, database.db);
  await register(app);
  return app;
}
