import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/database/schema.ts';
import { ProblemError } from '../../platform/errors/problem.ts';
import { CONTACT_FIELDS, contactOptions, contactProblems, type ContactField } from '../../portaal/contact-options.ts';
import { sendPage } from '../send-page.ts';
import { CONTACT_SETTINGS_PATH, contactSettingsPage } from './contact-page.ts';

const BODY = {
  type: 'object',
  additionalProperties: false,
  required: [...CONTACT_FIELDS],
  properties: Object.fromEntries(CONTACT_FIELDS.map((field) => [field, { type: 'string', maxLength: 2000 }])),
} as const;

/** The beheerder edits the municipality's contact options shown on the portal. */
export function registerContactSettings(app: FastifyInstance, db: Kysely<Database>): void {
  const policy = { staffRoles: ['beheerder'] } as const;

  app.get(CONTACT_SETTINGS_PATH, { config: policy }, async (request, reply) => {
    if (!request.staff) throw new ProblemError('not_authenticated');
    return sendPage(reply, 200, contactSettingsPage({ tenantName: request.tenant.name, csrfToken: request.staff.csrfToken, values: contactOptions(request.tenant) }));
  });

  app.post<{ Body: Record<ContactField, string> }>(CONTACT_SETTINGS_PATH, { config: policy, schema: { body: BODY } }, async (request, reply) => {
    const staff = request.staff;
    if (!staff) throw new ProblemError('not_authenticated');
    const values = Object.fromEntries(CONTACT_FIELDS.map((field) => [field, request.body[field].trim()])) as Record<ContactField, string>;
    const errors = contactProblems(values);
    if (Object.keys(errors).length > 0) {
      return sendPage(reply, 400, contactSettingsPage({ tenantName: request.tenant.name, csrfToken: staff.csrfToken, values, errors }));
    }
    await db.updateTable('tenants').set({ contact: JSON.stringify(values) }).where('id', '=', request.tenant.id).execute();
    request.log.info({ event: 'tenant.contact_changed', tenantId: request.tenant.id, userId: staff.userId }, 'contact options changed');
    return sendPage(reply, 200, contactSettingsPage({ tenantName: request.tenant.name, csrfToken: staff.csrfToken, values, saved: true }));
  });
}
