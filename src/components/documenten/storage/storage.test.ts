import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BlobIntegrityError, BlobTooLargeError, LocalFileStorage } from './storage.ts';

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** `count` chunks of 1 MiB, made as they are read: the source never holds the whole. */
async function* generated(count: number, failAfter?: number): AsyncGenerator<Uint8Array> {
  for (let index = 0; index < count; index += 1) {
    if (failAfter !== undefined && index === failAfter) throw new Error('verbinding verbroken');
    yield Buffer.alloc(1024 * 1024, index % 251);
  }
}

async function filesUnder(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => entry.name);
}

describe('document storage on the local filesystem', () => {
  let root: string;
  let storage: LocalFileStorage;
  const tenant = randomUUID();

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'loket-storage-'));
    storage = new LocalFileStorage(root);
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('stores bytes under their sha256 and reads them back', async () => {
    const bytes = Buffer.from('Besluit op bezwaar, met bijlagen.');
    const blob = await storage.put(tenant, Readable.from([bytes]));
    expect(blob).toEqual({ sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length });
    expect(await readAll(await storage.open(tenant, blob.sha256))).toEqual(bytes);
    expect(await storage.has(tenant, blob.sha256)).toBe(true);
  });

  it('streams a 64 MiB document in and out, with the right hash and size', async () => {
    const expected = createHash('sha256');
    for await (const chunk of generated(64)) expected.update(chunk);
    const blob = await storage.put(tenant, generated(64));
    expect(blob).toEqual({ sha256: expected.digest('hex'), size: 64 * 1024 * 1024 });
    let size = 0;
    for await (const chunk of await storage.open(tenant, blob.sha256)) size += (chunk as Buffer).length;
    expect(size).toBe(64 * 1024 * 1024);
  });

  it('leaves nothing visible when an upload breaks off, not even the temporary file', async () => {
    const other = randomUUID();
    await expect(storage.put(other, generated(8, 3))).rejects.toThrow('verbinding verbroken');
    expect(await filesUnder(join(root, other))).toEqual([]);
    expect(await filesUnder(join(root, '.incoming'))).toEqual([]);
  });

  it('refuses more bytes than allowed and stores nothing', async () => {
    const other = randomUUID();
    await expect(storage.put(other, generated(3), { maxSize: 2 * 1024 * 1024 })).rejects.toBeInstanceOf(BlobTooLargeError);
    expect(await filesUnder(join(root, other))).toEqual([]);
  });

  it('notices bytes that changed on disk when they are read', async () => {
    const blob = await storage.put(tenant, Readable.from([Buffer.from('origineel')]));
    await writeFile(join(root, tenant, blob.sha256.slice(0, 2), blob.sha256), 'gewijzigd');
    await expect(readAll(await storage.open(tenant, blob.sha256))).rejects.toBeInstanceOf(BlobIntegrityError);
  });

  it('removes a blob, and refuses an address that is not a tenant uuid and sha256', async () => {
    const blob = await storage.put(tenant, Readable.from([Buffer.from('weg ermee')]));
    await storage.remove(tenant, blob.sha256);
    expect(await storage.has(tenant, blob.sha256)).toBe(false);
    await expect(storage.open('../etc', blob.sha256)).rejects.toThrow('Invalid blob address');
    await expect(storage.open(tenant, '../../passwd')).rejects.toThrow('Invalid blob address');
  });
});
