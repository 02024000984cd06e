import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import { basename } from 'node:path';
import { Busboy } from '@fastify/busboy';
import { invalid } from '../../platform/errors/problem.ts';
import { CSRF_FIELD } from '../../platform/auth/csrf.ts';
import { MAX_UPLOAD_BYTES, type HandedInFile } from './documentverzoeken.ts';

/** The parsed body of a hand-in form: the CSRF token, the file (read whole, at most MAX_UPLOAD_BYTES) or that it was too large. */
export interface UploadBody {
  [CSRF_FIELD]?: string;
  bestand?: HandedInFile;
  tooLarge: boolean;
}

function unreadable(): Error {
  return invalid([{ name: 'bestand', code: 'parse_error', reason: 'Het bestand kwam niet goed aan. Probeer het opnieuw.' }]);
}

/**
 * Reads a multipart/form-data hand-in body before the route runs (so the central CSRF check sees `_csrf`, as in every
 * other form). The file is kept in memory, at most MAX_UPLOAD_BYTES: more is drained and only noted. A body that breaks
 * off or is no valid multipart fails the request with a 400 before anything is stored or written.
 */
export function readUploadBody(raw: IncomingMessage): Promise<UploadBody> {
  return new Promise((resolve, reject) => {
    const body: UploadBody = { tooLarge: false };
    let parser: InstanceType<typeof Busboy>;
    try {
      parser = new Busboy({ headers: raw.headers as { 'content-type': string }, limits: { files: 1, fields: 5, parts: 8, fieldSize: 1024, fileSize: MAX_UPLOAD_BYTES } });
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
      // A part that breaks off fails its stream as well as the parser: one failure, handled once.
      stream.on('error', fail);
      if (field !== 'bestand') {
        stream.resume();
        return;
      }
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => {
        body.tooLarge = true;
      });
      stream.on('end', () => {
        if (body.tooLarge) return;
        // A browser may send a full path (older Edge): keep the file's own name only.
        body.bestand = { bestandsnaam: basename(filename.replace(/\\/g, '/')), formaat: mimeType.toLowerCase(), bytes: Buffer.concat(chunks) };
      });
    });
    parser.on('field', (field: string, value: string) => {
      if (field === CSRF_FIELD) body[CSRF_FIELD] = value;
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
