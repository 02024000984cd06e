import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import { Busboy } from '@fastify/busboy';
import { CSRF_FIELD } from '../../platform/auth/csrf.ts';
import { ProblemError } from '../../platform/errors/problem.ts';

/*
 * The import form's body (multipart/form-data): the CSRF token and one file, `bestand`. The file is read into memory
 * up to the size limit (an exchange file of 10,000 products is some tens of megabytes); a larger file is drained and
 * marked `tooLarge`, so the form can say so instead of the connection being cut.
 */

/** The file field of the import form. */
export const FILE_FIELD = 'bestand';

/** What the import form posted. */
export interface ImportFormBody {
  [CSRF_FIELD]?: string;
  bestand?: { naam: string; tekst: string };
  /** The file was larger than the limit; nothing of it is kept. */
  tooLarge?: boolean;
}

/** A body this much over the limit is refused before it is read at all (no one waits for it to be drained). */
const DRAIN_AT_MOST = 2;

/** Reads the import form from a multipart/form-data request, holding at most `maxBytes` of the file. */
export function readImportForm(raw: IncomingMessage, maxBytes: number): Promise<ImportFormBody> {
  const length = Number(raw.headers['content-length'] ?? 0);
  if (length > maxBytes * DRAIN_AT_MOST) return Promise.reject(new ProblemError('request_too_large', tooLargeMessage(maxBytes)));
  return new Promise((resolve, reject) => {
    const body: ImportFormBody = {};
    let parser: InstanceType<typeof Busboy>;
    try {
      parser = new Busboy({ headers: raw.headers as { 'content-type': string }, limits: { files: 1, fields: 5, fieldSize: 1024, fileSize: maxBytes } });
    } catch {
      reject(new ProblemError('invalid', 'Het formulier kon niet gelezen worden.'));
      return;
    }
    parser.on('file', (field: string, stream: Readable, filename: string) => {
      if (field !== FILE_FIELD) {
        stream.resume();
        return;
      }
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => {
        body.tooLarge = true;
        chunks.length = 0;
      });
      stream.on('end', () => {
        if (body.tooLarge || filename === '') return;
        const tekst = Buffer.concat(chunks).toString('utf8');
        body.bestand = { naam: filename, tekst: tekst.startsWith('\uFEFF') ? tekst.slice(1) : tekst };
      });
    });
    parser.on('field', (field: string, value: string) => {
      if (field === CSRF_FIELD) body[CSRF_FIELD] = value;
    });
    parser.on('error', () => reject(new ProblemError('invalid', 'Het formulier kon niet gelezen worden.')));
    parser.on('finish', () => resolve(body));
    raw.pipe(parser);
  });
}

/** The size limit in words. */
export function tooLargeMessage(maxBytes: number): string {
  return `Het bestand is te groot: het mag hoogstens ${formatFileSize(maxBytes)} zijn. Splits het bestand en importeer de delen na elkaar.`;
}

/** A size for people: "20 MB", "512 kB". */
export function formatFileSize(bytes: number): string {
  const number = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 });
  return bytes < 1024 * 1024 ? `${number.format(bytes / 1024)} kB` : `${number.format(bytes / (1024 * 1024))} MB`;
}
