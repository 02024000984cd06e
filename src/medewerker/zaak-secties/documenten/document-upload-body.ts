import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import { basename } from 'node:path';
import { Busboy } from '@fastify/busboy';
import { ProblemError } from '../../../platform/errors/problem.ts';
import { CSRF_FIELD } from '../../../platform/auth/csrf.ts';

/*
 * The body of the staff document forms (new document, new version): multipart/form-data, read before the route runs
 * so the central CSRF check sees `_csrf` as in every other form. The file is held in memory up to the limit; more is
 * drained and only noted, so the page can say so beside the field. A body that breaks off (the client went away
 * mid-upload) or is no valid multipart fails the request with a 400 before anything is stored or written.
 */

/** The largest document a member may upload through the zaak page. */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

/** The uploaded file, read whole (it is at most the limit). */
export interface UploadedFile {
  bestandsnaam: string;
  formaat: string;
  bytes: Buffer;
}

/** The parsed form: its text fields, the file (unless it was too large) and whether it was. */
export interface DocumentUploadBody {
  /** Top level, where the central CSRF check looks for it (and removes it). */
  [CSRF_FIELD]?: string;
  velden: Record<string, string>;
  bestand?: UploadedFile;
  tooLarge: boolean;
}

const FILE_FIELD = 'bestand';

function unreadable(): ProblemError {
  return new ProblemError('invalid', 'Het formulier kwam niet goed aan. Probeer het opnieuw.', [{ name: FILE_FIELD, code: 'parse_error', reason: 'Het bestand kwam niet goed aan. Probeer het opnieuw.' }]);
}

/** Whether a parsed body is one of ours (a route may be reached with another content type). */
export function isDocumentUploadBody(body: unknown): body is DocumentUploadBody {
  return typeof body === 'object' && body !== null && 'tooLarge' in body && 'velden' in body;
}

/** Reads a document form body; `maxBytes` is the file size limit. */
export function readDocumentUploadBody(raw: IncomingMessage, maxBytes: number): Promise<DocumentUploadBody> {
  return new Promise((resolve, reject) => {
    const body: DocumentUploadBody = { velden: {}, tooLarge: false };
    let parser: InstanceType<typeof Busboy>;
    try {
      parser = new Busboy({ headers: raw.headers as { 'content-type': string }, limits: { files: 1, fields: 10, parts: 12, fieldSize: 4096, fileSize: maxBytes } });
    } catch {
      reject(unreadable());
      return;
    }
    let settled = false;
    const fail = () => {
      if (settled) return;
      settled = true;
      raw.unpipe(parser);
      reject(unreadable());
    };
    raw.once('close', () => {
      if (!raw.complete) fail();
    });
    raw.once('error', fail);
    parser.on('file', (field: string, stream: Readable, filename: string, _encoding: string, mimeType: string) => {
      stream.on('error', fail);
      if (field !== FILE_FIELD) {
        stream.resume();
        return;
      }
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => {
        if (!body.tooLarge) chunks.push(chunk);
      });
      stream.on('limit', () => {
        body.tooLarge = true;
        chunks.length = 0;
      });
      stream.on('end', () => {
        if (body.tooLarge || filename === '') return;
        // Some browsers send a full path: keep the file's own name only.
        body.bestand = { bestandsnaam: basename(filename.replace(/\\/g, '/')), formaat: mimeType.toLowerCase(), bytes: Buffer.concat(chunks) };
      });
    });
    parser.on('field', (field: string, value: string) => {
      if (field === CSRF_FIELD) body[CSRF_FIELD] = value;
      else body.velden[field] = value;
    });
    parser.on('error', fail);
    parser.on('finish', () => {
      if (settled) return;
      settled = true;
      resolve(body);
    });
    raw.pipe(parser);
  });
}
