import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import { Busboy } from '@fastify/busboy';
import { CSRF_FIELD } from '../../platform/auth/csrf.ts';
import { ProblemError } from '../../platform/errors/problem.ts';

/** The begroting import form's text fields besides the file. */
export const IMPORT_VELDEN = ['soort', 'jaar', 'naam', 'raadsbesluit', 'vastgesteld', 'kwartaal'] as const;

/** What the import form posted (multipart/form-data). */
export interface BegrotingUpload {
  [CSRF_FIELD]?: string;
  velden: Partial<Record<(typeof IMPORT_VELDEN)[number], string>>;
  bestand?: { naam: string; tekst: string };
  /** The file was larger than the limit; nothing of it is kept. */
  tooLarge?: boolean;
}

/**
 * Reads the import form, holding at most `maxBytes` of the file in memory; a larger file is drained and marked, so the
 * form can say so. A body far over the limit is refused before it is read.
 */
export function readBegrotingUpload(raw: IncomingMessage, maxBytes: number): Promise<BegrotingUpload> {
  if (Number(raw.headers['content-length'] ?? 0) > maxBytes * 2) return Promise.reject(new ProblemError('request_too_large', 'Het bestand is te groot.'));
  return new Promise((resolve, reject) => {
    const body: BegrotingUpload = { velden: {} };
    let parser: InstanceType<typeof Busboy>;
    try {
      parser = new Busboy({ headers: raw.headers as { 'content-type': string }, limits: { files: 1, fields: 10, fieldSize: 1024, fileSize: maxBytes } });
    } catch {
      reject(new ProblemError('invalid', 'Het formulier kon niet gelezen worden.'));
      return;
    }
    parser.on('file', (field: string, stream: Readable, filename: string) => {
      if (field !== 'bestand') {
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
      else if ((IMPORT_VELDEN as readonly string[]).includes(field)) body.velden[field as (typeof IMPORT_VELDEN)[number]] = value;
    });
    parser.on('error', () => reject(new ProblemError('invalid', 'Het formulier kon niet gelezen worden.')));
    parser.on('finish', () => resolve(body));
    raw.pipe(parser);
  });
}
