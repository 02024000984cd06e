import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import { Busboy } from '@fastify/busboy';
import { ProblemError } from '../../platform/errors/problem.ts';
import { MAX_UPLOAD_BYTES } from '../../formulieren/definitie.ts';

/*
 * A step with a file field posts multipart/form-data. The whole body is read before anything is stored: an upload
 * that breaks off (the connection drops, the body ends early) rejects here, so no half file reaches the draft. A
 * file over the largest size any field allows is drained and marked, so the page can say so.
 */

/** One uploaded file, complete. */
export interface Upload {
  veld: string;
  bestandsnaam: string;
  /** What the bytes are (read from their first bytes), else what the browser said. */
  formaat: string;
  inhoud: Buffer;
}

/** Where the parsed uploads sit in the body (field ids never start with an underscore). */
export const UPLOADS = '__uploads';
export const TE_GROOT = '__teGroot';

export type StapBody = Record<string, string | string[]> & { [UPLOADS]?: Upload[]; [TE_GROOT]?: string[] };

/** Recognises the types forms accept from their first bytes: a renamed file does not pass as a photo. */
export function sniffFormaat(bytes: Buffer, declared: string): string {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes.length >= 5 && bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  // Anything else is only what the browser claims, and never one of the types recognised above.
  return ['image/jpeg', 'image/png', 'application/pdf'].includes(declared) ? 'application/octet-stream' : declared || 'application/octet-stream';
}

function add(body: StapBody, name: string, value: string): void {
  const existing = body[name];
  if (existing === undefined) body[name] = value;
  else if (Array.isArray(existing)) existing.push(value);
  else body[name] = [existing, value];
}

/** Reads a step's multipart body: fields like a urlencoded form, files complete or not at all. */
export function readStapUpload(raw: IncomingMessage, maxBytes = MAX_UPLOAD_BYTES): Promise<StapBody> {
  const length = Number(raw.headers['content-length'] ?? 0);
  if (length > maxBytes * 3) return Promise.reject(new ProblemError('request_too_large', 'Het bestand is te groot.'));
  return new Promise((resolve, reject) => {
    const body: StapBody = {};
    const uploads: Upload[] = [];
    const tooLarge: string[] = [];
    // All files together are held in memory until the form is complete: at most twice the largest single file.
    let held = 0;
    let settled = false;
    const fail = () => {
      if (settled) return;
      settled = true;
      reject(new ProblemError('invalid', 'Het formulier is niet helemaal aangekomen. Probeer het opnieuw.'));
    };
    let parser: InstanceType<typeof Busboy>;
    try {
      parser = new Busboy({ headers: raw.headers as { 'content-type': string }, limits: { files: 10, fields: 200, fieldSize: 20_000, fileSize: maxBytes } });
    } catch {
      fail();
      return;
    }
    parser.on('file', (field: string, stream: Readable, filename: string, _encoding: string, mimetype: string) => {
      const chunks: Buffer[] = [];
      let over = false;
      // A part that ends early (the body broke off) fails its stream too: the whole form is refused.
      stream.on('error', fail);
      stream.on('data', (chunk: Buffer) => {
        if (over) return;
        held += chunk.length;
        if (held > maxBytes * 2) {
          settled = true;
          reject(new ProblemError('request_too_large', 'De bestanden zijn samen te groot.'));
          raw.unpipe(parser);
          raw.resume();
          return;
        }
        chunks.push(chunk);
      });
      stream.on('limit', () => {
        over = true;
        chunks.length = 0;
        tooLarge.push(field);
      });
      stream.on('end', () => {
        // No file chosen: browsers send an empty part without a name.
        if (over || filename === '') return;
        const inhoud = Buffer.concat(chunks);
        uploads.push({ veld: field, bestandsnaam: filename.replace(/^.*[\\/]/, '').slice(0, 200), formaat: sniffFormaat(inhoud, mimetype), inhoud });
      });
    });
    parser.on('field', (field: string, value: string) => add(body, field, value));
    parser.on('error', fail);
    parser.on('finish', () => {
      if (settled) return;
      settled = true;
      body[UPLOADS] = uploads;
      body[TE_GROOT] = tooLarge;
      resolve(body);
    });
    raw.on('aborted', fail);
    raw.on('error', fail);
    raw.pipe(parser);
  });
}
