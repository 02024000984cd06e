import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/*
 * Where the bytes of documents live. The Documenten API stores only a blob's sha256 and size in the database; the
 * storage keeps the bytes under that name, per tenant. Writes stream into a temporary file that is renamed to its
 * hash only when complete, so an interrupted upload leaves nothing a reader could find; reads stream too and check
 * the hash as the bytes pass, so a changed or damaged file is noticed instead of served as the document.
 */

/** A stored blob: its content address and size in bytes. */
export interface StoredBlob {
  sha256: string;
  size: number;
}

/** The document storage behind the Documenten API (the local filesystem by default). */
export interface DocumentStorage {
  /**
   * Stores the bytes of `source` (streamed, never held whole) and returns their address. With `maxSize`, more bytes
   * than that fail the write with a `BlobTooLargeError` and nothing is stored.
   */
  put(tenantId: string, source: Readable | AsyncIterable<Uint8Array>, options?: { maxSize?: number }): Promise<StoredBlob>;
  /** The blob's bytes as a stream that fails with a `BlobIntegrityError` when they do not hash to `sha256`. */
  open(tenantId: string, sha256: string): Promise<Readable>;
  /** Whether the blob exists. */
  has(tenantId: string, sha256: string): Promise<boolean>;
  /** Removes the blob (no error when it is already gone). */
  remove(tenantId: string, sha256: string): Promise<void>;
}

/** The stored bytes do not hash to the name they were stored under. */
export class BlobIntegrityError extends Error {
  constructor(readonly sha256: string) {
    super(`Document blob ${sha256} failed its checksum: the stored bytes changed.`);
    this.name = 'BlobIntegrityError';
  }
}

/** A write brought more bytes than allowed. */
export class BlobTooLargeError extends Error {
  constructor(readonly maxSize: number) {
    super(`More than ${maxSize} bytes.`);
    this.name = 'BlobTooLargeError';
  }
}

const SHA256 = /^[0-9a-f]{64}$/;
/** Read in 1 MiB pieces: fewer, larger chunks through hashing and the socket than the 64 KiB default. */
const READ_CHUNK = 1024 * 1024;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Hashes and counts the bytes passing through; refuses more than `maxSize`. */
class HashingCounter extends Transform {
  readonly hash = createHash('sha256');
  size = 0;

  constructor(private readonly maxSize: number | undefined) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.size += chunk.length;
    if (this.maxSize !== undefined && this.size > this.maxSize) {
      callback(new BlobTooLargeError(this.maxSize));
      return;
    }
    this.hash.update(chunk);
    callback(null, chunk);
  }
}

/** Passes bytes on and fails at the end when they did not hash to the expected value. */
class VerifyingStream extends Transform {
  private readonly hash = createHash('sha256');

  constructor(private readonly expected: string) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.hash.update(chunk);
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    callback(this.hash.digest('hex') === this.expected ? null : new BlobIntegrityError(this.expected));
  }
}

/**
 * The local filesystem storage: `<root>/<tenant uuid>/<first two hex digits>/<sha256>`, temporary files in
 * `<root>/.incoming` on the same filesystem (so the rename that publishes a blob is atomic).
 */
export class LocalFileStorage implements DocumentStorage {
  constructor(private readonly root: string) {}

  private path(tenantId: string, sha256: string): string {
    // Both parts come from the database, but a path is no place to trust that: refuse anything else outright.
    if (!UUID.test(tenantId) || !SHA256.test(sha256)) throw new Error('Invalid blob address.');
    return join(this.root, tenantId, sha256.slice(0, 2), sha256);
  }

  async put(tenantId: string, source: Readable | AsyncIterable<Uint8Array>, options: { maxSize?: number } = {}): Promise<StoredBlob> {
    if (!UUID.test(tenantId)) throw new Error('Invalid tenant id.');
    const incoming = join(this.root, '.incoming');
    await mkdir(incoming, { recursive: true });
    const temporary = join(incoming, `${randomBytes(16).toString('hex')}.part`);
    const counter = new HashingCounter(options.maxSize);
    try {
      await pipeline(source, counter, createWriteStream(temporary, { flags: 'wx' }));
      const sha256 = counter.hash.digest('hex');
      const target = this.path(tenantId, sha256);
      await mkdir(dirname(target), { recursive: true });
      // Same bytes under the same name: replacing an existing blob changes nothing a reader could see.
      await rename(temporary, target);
      return { sha256, size: counter.size };
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }

  async open(tenantId: string, sha256: string): Promise<Readable> {
    const path = this.path(tenantId, sha256);
    // Opened before returning, so a missing blob fails here and not halfway through a response.
    await stat(path);
    const verifying = new VerifyingStream(sha256);
    const file = createReadStream(path, { highWaterMark: READ_CHUNK });
    file.on('error', (error) => verifying.destroy(error));
    return file.pipe(verifying);
  }

  async has(tenantId: string, sha256: string): Promise<boolean> {
    try {
      await stat(this.path(tenantId, sha256));
      return true;
    } catch {
      return false;
    }
  }

  async remove(tenantId: string, sha256: string): Promise<void> {
    await rm(this.path(tenantId, sha256), { force: true });
  }
}

/** The storage a Loket process uses: the local filesystem under `<data directory>/documenten`. */
export function createDocumentStorage(dataDir: string): DocumentStorage {
  return new LocalFileStorage(join(dataDir, 'documenten'));
}
