import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/database/schema.ts';
import type { VeldFout } from '../formulier/velden.ts';
import { readKengetalCsv } from '../kengetallen/csv-invoer.ts';
import { importKengetalInvoer } from '../kengetallen/service.ts';
import { readBegrotingUpload, type BegrotingUpload } from './import-upload.ts';
import { kengetalImportPage } from './kengetal-import-page.ts';
import { FINANCIEN_PATHS } from './paden.ts';
import { BEHEER, send, staffOf } from './route-hulp.ts';

/** A kengetallen file holds some fourteen inputs for five years: one megabyte is far more than any needs. */
const KENGETAL_IMPORT_MAX_BYTES = 1024 * 1024;
const QUERY = { type: 'object', additionalProperties: false, properties: { geimporteerd: { type: 'integer', minimum: 0, maximum: 1_000_000 } } } as const;

/**
 * The controller's import of the kengetallen's inputs from a CSV file. Small enough to check and store within the
 * request: the answer is either the stored count or every problem with its row, with nothing stored.
 */
export async function registerKengetalImport(app: FastifyInstance, db: Kysely<Database>): Promise<void> {
  await app.register(async (scope) => {
    // The same multipart reading as the begroting import: the parsed form carries `_csrf` for the central check.
    scope.addContentTypeParser('multipart/form-data', (request, _payload, done) => {
      readBegrotingUpload(request.raw, KENGETAL_IMPORT_MAX_BYTES).then(
        (body) => done(null, body),
        (error: Error) => done(error),
      );
    });

    scope.get<{ Querystring: { geimporteerd?: number } }>(FINANCIEN_PATHS.kengetalImport, { config: BEHEER, schema: { querystring: QUERY } }, async (request, reply) => {
      const staff = staffOf(request);
      return send(reply, 200, kengetalImportPage({ tenantName: request.tenant.name, csrfToken: staff.csrfToken, maxBytes: KENGETAL_IMPORT_MAX_BYTES, errors: [], geimporteerd: request.query.geimporteerd }));
    });

    scope.post<{ Body: BegrotingUpload | undefined }>(FINANCIEN_PATHS.kengetalImport, { config: BEHEER }, async (request, reply) => {
      const staff = staffOf(request);
      const body = request.body ?? { velden: {} };
      const view = { tenantName: request.tenant.name, csrfToken: staff.csrfToken, maxBytes: KENGETAL_IMPORT_MAX_BYTES };
      const errors: VeldFout[] = [];
      if (body.tooLarge) errors.push({ fieldId: 'bestand', message: `Het bestand is te groot: het mag hoogstens ${KENGETAL_IMPORT_MAX_BYTES / 1024} kB zijn.` });
      else if (!body.bestand) errors.push({ fieldId: 'bestand', message: 'Kies een CSV-bestand om te importeren.' });
      else if (body.bestand.tekst.trim() === '') errors.push({ fieldId: 'bestand', message: 'Het bestand is leeg.' });
      if (errors.length > 0 || !body.bestand) return send(reply, body.tooLarge ? 413 : 400, kengetalImportPage({ ...view, errors }));
      const read = readKengetalCsv(body.bestand.tekst);
      if (read.problemen.length > 0) return send(reply, 400, kengetalImportPage({ ...view, errors: [], geweigerd: { bestandsnaam: body.bestand.naam, problemen: read.problemen } }));
      await importKengetalInvoer(db, request.tenant.id, read.rijen);
      return reply.redirect(`${FINANCIEN_PATHS.kengetalImport}?geimporteerd=${read.rijen.length}`, 303);
    });
  });
}
