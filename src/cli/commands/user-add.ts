import { parseOptions, required, type Command } from '../command.ts';
import { CliError } from '../cli-error.ts';
import { selectTenant, withSession } from '../session.ts';
import { STAFF_ROLES, type StaffRole } from '../../platform/http/route-policy.ts';
import { createStaffUser, findStaffUserByEmail } from '../../platform/auth/staff-user-repository.ts';

const usage = `Usage: loket user add --email EMAIL --role ROLE [--role ROLE …] [--name NAME] [--password PASSWORD] [--tenant SLUG]

Creates a staff account and prints its TOTP enrolment (an otpauth:// URI for an authenticator app).
  --email     the e-mail address the person signs in with
  --role      one of: ${STAFF_ROLES.join(', ')} (repeat for more)
  --name      display name (default: the e-mail address)
  --password  at least 12 characters; leave out to have a strong one generated and printed once
              (a password given here ends up in your shell history)
  --tenant    the tenant's slug (default: LOKET_DEFAULT_TENANT or the only tenant)`;

const MIN_PASSWORD_LENGTH = 12;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function isStaffRole(role: string): role is StaffRole {
  return (STAFF_ROLES as readonly string[]).includes(role);
}

/** `loket user add`: a staff account with password and TOTP second factor. */
export const userAddCommand: Command = {
  words: ['user', 'add'],
  summary: 'add a staff account (prints its TOTP enrolment)',
  usage,
  async run(args, io) {
    const options = parseOptions(
      args,
      { email: { type: 'string' }, role: { type: 'string', multiple: true }, name: { type: 'string' }, password: { type: 'string' }, tenant: { type: 'string' } },
      usage,
    );
    const email = required(options.email, 'email', usage).toLowerCase();
    if (!EMAIL.test(email)) throw new CliError(`--email "${email}" is not an e-mail address.`);
    const roles: StaffRole[] = [];
    for (const role of options.role ?? []) {
      if (!isStaffRole(role)) throw new CliError(`--role "${role}" is not a staff role; choose from: ${STAFF_ROLES.join(', ')}.`);
      if (!roles.includes(role)) roles.push(role);
    }
    if (roles.length === 0) throw new CliError(`At least one --role is required (${STAFF_ROLES.join(', ')}).\n\n${usage}`);
    const password = options.password;
    if (password !== undefined && password.length < MIN_PASSWORD_LENGTH) throw new CliError(`--password must be at least ${MIN_PASSWORD_LENGTH} characters.`);
    const displayName = options.name?.trim() || email;
    return withSession(io, { migrate: true }, async ({ db, keys, config }) => {
      const tenant = await selectTenant(db, options.tenant, config.defaultTenant);
      if (await findStaffUserByEmail(db, tenant.id, email)) throw new CliError(`Tenant "${tenant.slug}" already has a staff account for ${email}.`);
      const created = await createStaffUser(db, keys, { tenantId: tenant.id, email, displayName, roles, password }, tenant.name);
      io.stdout.write(`Staff account ${created.user.email} (${displayName}) created in ${tenant.name} (${tenant.slug}) with role(s): ${roles.join(', ')}.\n`);
      if (password === undefined) io.stdout.write(`Password (shown only now): ${created.password}\n`);
      io.stdout.write(`TOTP enrolment for an authenticator app (shown only now):\n  ${created.totpUri}\n  (or enter the key by hand: ${created.totpSecret})\n`);
      return 0;
    });
  },
};
