import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { Busboy } from '@fastify/busboy';
import type { InvalidParam } from '../../../platform/errors/catalogue.ts';
import { invalid } from '../../../platform/errors/problem.ts';
import { BlobTooLargeError, type DocumentStorage, type StoredBlob } from '../storage/storage.ts';

/*
 * The body of `bestandsdeel_update` (BestandsDeelRequest): `inhoud` (the part's bytes) and `lock`, as
 * multipart/form-data (streamed straight into the document storage, never held whole) or, for small parts,
 * application/x-www-form-urlencoded (parsed by the platform, its body limit applies).
 */

/** What a part upload brought: the stored bytes (if any) and the lock. */
export interface PartUpload {
  blob?: StoredBlob;
  lock?: string;
  /** The bytes were more than `maxSize`: refused, nothing stored. */
  tooLarge?: boolean;
}

/** Reads a multipart body: the file field `inhoud` into the storage (at most `maxSize` bytes), the field `lock`. */
export function readMultipartPart(raw: IncomingMessage, storage: DocumentStorage, tenantId: string, maxSize: number): Promise<PartUpload> {
  return new Promise((resolve, reject) => {
    const result: PartUpload = {};
    const pending: Promise<void>[] = [];
    let parser: InstanceType<typeof Busboy>;
    try {
      parser = new Busboy({ headers: raw.headers as { 'content-type': string }, limits: { files: 1, fields: 10, fieldSize: 1024 }, isPartAFile: (name) => name === 'inhoud' });
    } catch {
      reject(invalid([{ name: 'inhoud', code: 'parse_error', reason: 'De multipart/form-data-inhoud kon niet gelezen worden.' }]));
      return;
    }
    const files: Readable[] = [];
    let failure: Error | undefined;
    // A client that breaks off mid-part: end the part's stream with an error, so the storage removes its temporary
    // file and nothing of the part is kept (the request ends here; the part stays not voltooid).
    raw.once('close', () => {
      if (raw.complete) return;
      const aborted = new Error('Upload afgebroken.');
      for (const file of files) file.destroy(aborted);
      reject(aborted);
    });
    parser.on('file', (field: string, stream: Readable) => {
      if (field !== 'inhoud') {
        stream.resume();
        return;
      }
      files.push(stream);
      pending.push(
        storage.put(tenantId, stream, { maxSize }).then(
          (blob) => {
            result.blob = blob;
          },
          (error: unknown) => {
            stream.resume();
            if (error instanceof BlobTooLargeError) result.tooLarge = true;
            else failure = error instanceof Error ? error : new Error(String(error));
          },
        ),
      );
    });
    parser.on('field', (field: string, value: string) => {
      if (field === 'lock') result.lock = value;
    });
    // A body that is no valid multipart/form-data is the client's error: a 400, and any part begun is discarded.
    parser.on('error', (error: unknown) => {
      for (const file of files) file.destroy(error instanceof Error ? error : new Error(String(error)));
      reject(invalid([{ name: 'inhoud', code: 'parse_error', reason: 'De multipart/form-data-inhoud kon niet gelezen worden.' }]));
    });
    parser.on('finish', () => {
      void Promise.all(pending).then(() => (failure ? reject(failure) : resolve(result)));
    });
    raw.pipe(parser);
  });
}

/** Reads an urlencoded body (already parsed): `inhoud` as the part's bytes, `lock`. */
export async function readUrlencodedPart(body: unknown, storage: DocumentStorage, tenantId: string, maxSize: number): Promise<PartUpload> {
  const fields = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const result: PartUpload = { lock: typeof fields.lock === 'string' ? fields.lock : undefined };
  if (typeof fields.inhoud === 'string') {
    const bytes = Buffer.from(fields.inhoud, 'latin1');
    if (bytes.length > maxSize) result.tooLarge = true;
    else result.blob = await storage.put(tenantId, Readable.from([bytes]));
  }
  return result;
}

/** The problems of a part upload that do not need the database: a missing lock or missing bytes. */
export function partProblems(upload: PartUpload): InvalidParam[] {
  const problems: InvalidParam[] = [];
  if (upload.lock === undefined || upload.lock === '') problems.push({ name: 'lock', code: 'required', reason: 'Dit veld is vereist.' });
  if (!upload.blob && !upload.tooLarge) problems.push({ name: 'inhoud', code: 'required', reason: 'Het bestandsdeel ontbreekt.' });
  return problems;
}
