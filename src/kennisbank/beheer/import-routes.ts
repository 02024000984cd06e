import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { StaffIdentity } from '../../platform/auth/staff-session.ts';
import type { Database } from '../../platform/database/schema.ts';
import { ProblemError } from '../../platform/errors/problem.ts';
import type { SafeHtml } from '../../platform/http/html.ts';
import { ImportAlreadyRunningError, importStatus, startImportJob } from '../importen/service.ts';
import { recentImportJobs } from '../importen/repository.ts';
import { importFormPage, importJobPath, importStatusPage, IMPORT_PATH, importStatusPath, voortgangTekst } from './import-pages.ts';
import { readImportForm, tooLargeMessage, type ImportFormBody } from './import-upload.ts';

// Importing the catalogue is the functioneel beheerder's work, like the rest of the kennisbank beheer.
const BEHEERDER = { staffRoles: ['beheerder'] } as const;
const JOB_PARAMS = {
  type: 'object',
  required: ['uuid'],
  properties: { uuid: { type: 'string', pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' } },
} as const;

function staffOf(request: FastifyRequest): StaffIdentity {
  // The staffRoles policy sets request.staff before any handler runs.
  if (!request.staff) throw new ProblemError('not_authenticated');
  return request.staff;
}

function send(reply: FastifyReply, status: number, document: SafeHtml): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').header('Cache-Control', 'no-store').send(document.value);
}

export interface KennisbankImportOptions {
  /** Largest import file in bytes. */
  maxBytes: number;
  /** Told about an import that failed for another reason than its content (a database error). */
  onUnexpectedError: (error: unknown) => void;
}

/**
 * Importing the whole catalogue from the beheer pages: an upload form (multipart, CSRF-checked, size-limited), the
 * import as a background job (one at a time per tenant), and its status page with a progress bar that works without
 * JavaScript (a Vernieuwen link) and with it (polling the JSON status). Register inside its own plugin scope: it
 * reads multipart/form-data bodies itself.
 */
export function registerKennisbankImport(app: FastifyInstance, db: Kysely<Database>, options: KennisbankImportOptions): void {
  const running = new Set<Promise<void>>();
  // A stopping Loket lets its imports finish (or roll back) before the database closes.
  app.addHook('onClose', async () => {
    await Promise.allSettled([...running]);
  });
  // The parsed form carries `_csrf`, so the central CSRF check (preValidation) applies to the upload like to any form.
  app.addContentTypeParser('multipart/form-data', (request, _payload, done) => {
    readImportForm(request.raw, options.maxBytes).then(
      (body) => done(null, body),
      (error: Error) => done(error),
    );
  });

  const formView = async (request: FastifyRequest, staff: StaffIdentity) => ({
    tenantName: request.tenant.name,
    csrfToken: staff.csrfToken,
    maxBytes: options.maxBytes,
    recent: await recentImportJobs(db, request.tenant.id),
  });

  app.get(IMPORT_PATH, { config: BEHEERDER }, async (request, reply) => {
    const staff = staffOf(request);
    return send(reply, 200, importFormPage(await formView(request, staff)));
  });

  app.post<{ Body: ImportFormBody | undefined }>(IMPORT_PATH, { config: BEHEERDER }, async (request, reply) => {
    const staff = staffOf(request);
    const body = request.body ?? {};
    if (body.tooLarge) return send(reply, 413, importFormPage({ ...(await formView(request, staff)), error: tooLargeMessage(options.maxBytes) }));
    const bestand = body.bestand;
    if (!bestand || bestand.tekst.trim() === '') {
      return send(reply, 400, importFormPage({ ...(await formView(request, staff)), error: bestand ? 'Het bestand is leeg.' : 'Kies een bestand om te importeren.' }));
    }
    try {
      const started = await startImportJob(
        db,
        request.tenant.id,
        `${staff.displayName} (${staff.email})`,
        { bestandsnaam: bestand.naam, soort: bestand.naam.toLowerCase().endsWith('.csv') ? 'csv' : 'json', tekst: bestand.tekst },
        { onUnexpectedError: options.onUnexpectedError },
      );
      const done = started.done.finally(() => running.delete(done));
      running.add(done);
      return reply.redirect(importJobPath(started.job.uuid), 303);
    } catch (error) {
      if (!(error instanceof ImportAlreadyRunningError)) throw error;
      return send(
        reply,
        409,
        importFormPage({ ...(await formView(request, staff)), error: 'Er loopt al een import voor deze gemeente. Wacht tot die klaar is en start dan een nieuwe.', running: error.running }),
      );
    }
  });

  app.get<{ Params: { uuid: string } }>(importJobPath(':uuid'), { config: BEHEERDER, schema: { params: JOB_PARAMS } }, async (request, reply) => {
    staffOf(request);
    return send(reply, 200, importStatusPage({ tenantName: request.tenant.name, job: await importStatus(db, request.tenant.id, request.params.uuid) }));
  });

  app.get<{ Params: { uuid: string } }>(importStatusPath(':uuid'), { config: BEHEERDER, schema: { params: JOB_PARAMS } }, async (request, reply) => {
    staffOf(request);
    const job = await importStatus(db, request.tenant.id, request.params.uuid);
    return reply.header('Cache-Control', 'no-store').send({
      status: job.status,
      fase: job.fase,
      totaal: job.totaal,
      verwerkt: job.verwerkt,
      tekst: voortgangTekst(job),
      aantalFouten: job.fouten.length,
    });
  });
}
