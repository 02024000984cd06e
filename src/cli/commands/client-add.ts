import { randomBytes } from 'node:crypto';
import { parseOptions, required, type Command } from '../command.ts';
import { CliError } from '../cli-error.ts';
import { selectTenant, withSession } from '../session.ts';
import { findApiClient, insertApiClient, setApiClientSecret } from '../../platform/auth/api-client-repository.ts';
import { insertAutorisatie } from '../../platform/auth/autorisaties.ts';
import { issueApiToken } from '../../platform/auth/api-token.ts';
import { AUTORISATIE_OPTION_HELP, parseAutorisatieOption } from './autorisatie-option.ts';

const MIN_SECRET_LENGTH = 16;

const usage = `Usage: loket client add --client-id ID [--secret SECRET] [--all-authorizations] [--scope SCOPE …] [--autorisatie SPEC …]
                       [--klantinteracties-token] [--label LABEL] [--tenant SLUG]

Registers an application that calls the ZGW APIs with HS256 JWTs signed with its secret.
  --client-id           the client_id the application puts in its tokens
  --secret              the shared secret, at least ${MIN_SECRET_LENGTH} characters; leave out to have one
                        generated and printed once (a secret given here ends up in your shell history)
  --all-authorizations  the client may do everything (heeftAlleAutorisaties)
  --scope               a scope the client holds, e.g. zaken.lezen (repeat for more)
  --autorisatie         scopes per component and type, as the Autorisaties API models them (repeat for more):
                        ${AUTORISATIE_OPTION_HELP}
  --klantinteracties-token
                        also give the client a token for the Klantinteracties API (header
                        "Authorization: Token <token>"), printed once; for an existing client id this is the only
                        option needed, and a new token replaces its earlier one
  --label               a readable name (default: the client id)
  --tenant              the tenant's slug (default: LOKET_DEFAULT_TENANT or the only tenant)`;

// Visible ASCII without spaces: the id travels inside JWT claims and log lines.
const CLIENT_ID = /^[\x21-\x7e]{1,200}$/;
const SCOPE = /^[a-z0-9][a-z0-9._-]*$/i;

/** `loket client add`: an API client with its JWT secret (stored encrypted), authorisations and, if asked, its Klantinteracties token (stored as a hash). */
export const clientAddCommand: Command = {
  words: ['client', 'add'],
  summary: 'add an API client (application) with its JWT secret',
  usage,
  async run(args, io) {
    const options = parseOptions(
      args,
      {
        'client-id': { type: 'string' },
        secret: { type: 'string' },
        'all-authorizations': { type: 'boolean' },
        scope: { type: 'string', multiple: true },
        autorisatie: { type: 'string', multiple: true },
        'klantinteracties-token': { type: 'boolean' },
        label: { type: 'string' },
        tenant: { type: 'string' },
      },
      usage,
    );
    const clientId = required(options['client-id'], 'client-id', usage);
    if (!CLIENT_ID.test(clientId)) throw new CliError(`--client-id "${clientId}" may only contain visible characters without spaces (at most 200).`);
    const given = options.secret;
    if (given !== undefined && given.length < MIN_SECRET_LENGTH) throw new CliError(`--secret must be at least ${MIN_SECRET_LENGTH} characters.`);
    const secret = given ?? randomBytes(24).toString('base64url');
    const scopes = [...new Set(options.scope ?? [])];
    for (const scope of scopes) {
      if (!SCOPE.test(scope)) throw new CliError(`--scope "${scope}" is not a scope name (letters, digits, dots, hyphens, underscores).`);
    }
    const autorisaties = (options.autorisatie ?? []).map(parseAutorisatieOption);
    const all = options['all-authorizations'] === true;
    if (all && autorisaties.length > 0) throw new CliError('--all-authorizations already allows everything; leave out --autorisatie.');
    const withToken = options['klantinteracties-token'] === true;
    return withSession(io, { migrate: true }, async ({ db, keys, config }) => {
      const tenant = await selectTenant(db, options.tenant, config.defaultTenant);
      const existing = await findApiClient(db, tenant.id, clientId);
      // Reactivating a revoked client is a deliberate act in beheer, which also records who did it.
      if (existing?.ingetrokken) throw new CliError(`API client "${clientId}" is revoked (ingetrokken); a beheerder reactivates it under Beheer > API-clients, which gives it a new secret.`);
      if (existing && withToken && given === undefined && autorisaties.length === 0 && !all && scopes.length === 0) {
        // Only a (new) Klantinteracties token for a client that exists: its secret and autorisaties stay as they are.
        const token = await issueApiToken(db, tenant.id, existing.id, 'klantinteracties');
        io.stdout.write(`API client "${clientId}" of ${tenant.name} (${tenant.slug}) has a new Klantinteracties token; an earlier one no longer works.\n`);
        io.stdout.write(`Klantinteracties token (shown only now): ${token}\n`);
        return 0;
      }
      if (existing?.secret_encrypted === null && autorisaties.length === 0 && !all && scopes.length === 0) {
        // Registered through the Autorisaties API, which manages its autorisaties; here it only gets its secret.
        await setApiClientSecret(db, keys, tenant.id, clientId, secret);
        io.stdout.write(`API client "${clientId}" of ${tenant.name} (${tenant.slug}) now has a secret; its applicatie's autorisaties apply.\n`);
        if (given === undefined) io.stdout.write(`Secret (shown only now): ${secret}\n`);
        return 0;
      }
      if (existing?.secret_encrypted === null) throw new CliError(`API client "${clientId}" belongs to an applicatie of the Autorisaties API: give it only a secret here (no --scope, --autorisatie or --all-authorizations).`);
      if (existing) throw new CliError(`Tenant "${tenant.slug}" already has an API client "${clientId}".`);
      const token = await db.transaction().execute(async (trx) => {
        const client = await insertApiClient(trx, keys, { tenantId: tenant.id, clientId, secret, label: options.label?.trim() || clientId, heeftAlleAutorisaties: all, scopes });
        for (const autorisatie of autorisaties) await insertAutorisatie(trx, tenant.id, client.applicatie_uuid, autorisatie);
        return withToken ? issueApiToken(trx, tenant.id, client.id, 'klantinteracties') : undefined;
      });
      const granted = [scopes.length > 0 ? `scopes ${scopes.join(', ')}` : '', autorisaties.length > 0 ? `${autorisaties.length} autorisatie(s)` : ''].filter(Boolean).join(' and ');
      const grants = all ? 'all authorisations' : granted || 'no scopes yet';
      io.stdout.write(`API client "${clientId}" created in ${tenant.name} (${tenant.slug}) with ${grants}.\n`);
      if (given === undefined) io.stdout.write(`Secret (shown only now): ${secret}\n`);
      if (token !== undefined) io.stdout.write(`Klantinteracties token (shown only now): ${token}\n`);
      return 0;
    });
  },
};
