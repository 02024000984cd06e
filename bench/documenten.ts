import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { loadConfig } from '../src/platform/config/config.ts';
import { loadKeys } from '../src/platform/crypto/keys.ts';
import { openDatabase } from '../src/platform/database/connection.ts';
import { migrate } from '../src/platform/database/migrator.ts';
import { insertTenant } from '../src/platform/tenants/repository.ts';
import { seedTenantDefaults } from '../src/platform/seed/tenant-defaults.ts';
import { insertApiClient } from '../src/platform/auth/api-client-repository.ts';
import { signZgwToken } from '../test/fixtures.ts';
import { createBenchDatabase } from './bench-database.ts';
import { startLoketServer } from './zaken-loket.ts';

/*
 * `npm run bench:documenten`: a large document through the Documenten API, in a Loket process of its own on
 * PostgreSQL (a fresh database `loket_bench_documenten`, dropped afterwards), beside a plain file copy of the same
 * bytes in the same run.
 *
 *   upload    POST /enkelvoudiginformatieobjecten with bestandsomvang, PUT every bestandsdeel (multipart/form-data,
 *             streamed from the file), POST …/unlock (joins the parts): MB/s from the POST to the unlock's answer
 *   download  GET …/download, streamed and hashed as it arrives (and compared with the file's sha256)
 *   memory    the Loket process's peak resident set during the upload (VmHWM, reset through /proc/<pid>/clear_refs
 *             just before; Linux only), against the target of at most 200 MB
 *
 * BENCH_DATABASE_URL  admin URL that may create databases (default postgres://postgres@127.0.0.1:5432/postgres)
 * BENCH_DOCUMENT_MB   size of the document in MiB (default 100)
 * Benchmarks print figures and never fail on time.
 */

const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const sizeMb = Number(process.env.BENCH_DOCUMENT_MB ?? '100');
if (!Number.isFinite(sizeMb) || sizeMb <= 0) throw new Error(`BENCH_DOCUMENT_MB must be a positive number, got ${JSON.stringify(process.env.BENCH_DOCUMENT_MB)}`);
const size = Math.round(sizeMb * 1024 * 1024);
const HOST = 'bench-documenten.localhost';
const MiB = 1024 * 1024;
const print = (line: string) => process.stdout.write(`${line}\n`);

function mbPerSecond(bytes: number, ms: number): string {
  return `${(bytes / MiB / (ms / 1000)).toFixed(1)} MB/s`;
}

/** The pids of this process's children (Linux). */
async function childPids(): Promise<number[]> {
  try {
    const text = await readFile(`/proc/${process.pid}/task/${process.pid}/children`, 'utf8');
    return text.trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** Peak resident set size (VmHWM) of a process in MiB, or undefined where /proc does not tell. */
async function peakRssMb(pid: number): Promise<number | undefined> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
    return kb === undefined ? undefined : Number(kb) / 1024;
  } catch {
    return undefined;
  }
}

/** Writes `bytes` random bytes to `path` in 1 MiB pieces (never the whole file in memory); returns their sha256. */
async function writeRandomFile(path: string, bytes: number): Promise<string> {
  const hash = createHash('sha256');
  async function* pieces(): AsyncGenerator<Buffer> {
    for (let written = 0; written < bytes; written += MiB) {
      const piece = randomBytes(Math.min(MiB, bytes - written));
      hash.update(piece);
      yield piece;
    }
  }
  await pipeline(pieces(), createWriteStream(path));
  return hash.digest('hex');
}

interface Answer {
  status: number;
  body: string;
}

/** An HTTP request to Loket with a JSON body (or none). */
function callJson(port: number, method: string, path: string, token: string, body?: unknown): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const headers: Record<string, string> = { host: HOST, authorization: `Bearer ${token}` };
    if (payload !== undefined) headers['content-type'] = 'application/json';
    const outgoing = request({ host: '127.0.0.1', port, method, path, headers }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
    });
    outgoing.on('error', reject);
    outgoing.end(payload);
  });
}

/** PUTs one part as multipart/form-data, its bytes streamed from the file (`start` … `start + length - 1`). */
function putPart(port: number, path: string, token: string, lock: string, file: string, start: number, length: number): Promise<Answer> {
  const boundary = `----loket-bench-${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="lock"\r\n\r\n${lock}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="inhoud"; filename="deel.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: '127.0.0.1',
        port,
        method: 'PUT',
        path,
        headers: { host: HOST, authorization: `Bearer ${token}`, 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(head.length + length + tail.length) },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
      },
    );
    outgoing.on('error', reject);
    outgoing.write(head);
    const part = createReadStream(file, { start, end: start + length - 1 });
    part.on('error', reject);
    part.on('end', () => outgoing.end(tail));
    part.pipe(outgoing, { end: false });
  });
}

/** GETs the download, hashing and counting the bytes as they arrive. */
function download(port: number, path: string, token: string): Promise<{ status: number; bytes: number; sha256: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: '127.0.0.1', port, method: 'GET', path, headers: { host: HOST, authorization: `Bearer ${token}` } }, (response) => {
      const hash = createHash('sha256');
      let bytes = 0;
      response.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        hash.update(chunk);
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, bytes, sha256: hash.digest('hex') }));
      response.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

function expectStatus(answer: Answer, status: number, what: string): void {
  if (answer.status !== status) throw new Error(`${what} answered ${answer.status}: ${answer.body.slice(0, 500)}`);
}

const work = await mkdtemp(join(tmpdir(), 'loket-bench-documenten-'));
const bench = await createBenchDatabase(adminUrl, 'loket_bench_documenten');
try {
  const secretKey = randomBytes(32).toString('base64');
  const dataDir = join(work, 'data');
  const config = loadConfig({ DATABASE_URL: bench.url, LOKET_SECRET_KEY: secretKey, LOKET_LOG_LEVEL: 'silent', LOKET_OUTBOX_ENABLED: 'false' });
  const database = await openDatabase(config);
  const secret = randomBytes(24).toString('base64url');
  let typeUrl: string;
  try {
    await migrate(database);
    const tenant = await insertTenant(database.db, { slug: 'bench', name: 'Gemeente Benchmark', rsin: '123456782', hostnames: [HOST] });
    await seedTenantDefaults(database.db, tenant.id);
    await insertApiClient(database.db, loadKeys(config), { tenantId: tenant.id, clientId: 'bench-documenten', secret, heeftAlleAutorisaties: true });
    const catalogus = await database.db
      .insertInto('catalogussen')
      .values({ tenant_id: tenant.id, domein: 'BENCH', rsin: '123456782', contactpersoon_beheer_naam: 'Benchmark' })
      .returning('uuid')
      .executeTakeFirstOrThrow();
    const type = await database.db
      .insertInto('informatieobjecttypen')
      .values({ tenant_id: tenant.id, catalogus_uuid: catalogus.uuid, omschrijving: 'Benchmarkdocument', vertrouwelijkheidaanduiding: 'openbaar', concept: false, begin_geldigheid: '2020-01-01' })
      .returning('uuid')
      .executeTakeFirstOrThrow();
    typeUrl = `http://${HOST}/catalogi/api/v1/informatieobjecttypen/${type.uuid}`;
  } finally {
    await database.close();
  }

  const file = join(work, 'document.bin');
  const sha256 = await writeRandomFile(file, size);
  const copyStarted = performance.now();
  await pipeline(createReadStream(file), createWriteStream(join(work, 'copy.bin')));
  const copyMs = performance.now() - copyStarted;
  await rm(join(work, 'copy.bin'));

  const before = new Set(await childPids());
  const server = await startLoketServer({ DATABASE_URL: bench.url, LOKET_SECRET_KEY: secretKey, LOKET_DATA_DIR: dataDir, LOKET_OUTBOX_ENABLED: 'false', DATABASE_POOL_SIZE: '4' });
  try {
    const pid = (await childPids()).find((candidate) => !before.has(candidate));
    const token = await signZgwToken('bench-documenten', secret);
    const cpu = cpus();
    print(`Documenten benchmark — Node ${process.version}, ${cpu.length} × ${cpu[0]?.model.trim() ?? 'CPU'}, one ${sizeMb} MiB document, Loket in its own process on PostgreSQL`);
    print(`  plain file copy     ${mbPerSecond(size, copyMs).padStart(12)}   (${copyMs.toFixed(0)} ms, stream copy on the same disk)`);

    // Reset the peak resident set of the Loket process, so VmHWM below is the peak during the upload.
    if (pid !== undefined) await writeFile(`/proc/${pid}/clear_refs`, '5').catch(() => undefined);
    const rssBefore = pid === undefined ? undefined : await peakRssMb(pid);
    const uploadStarted = performance.now();
    const created = await callJson(server.port, 'POST', '/documenten/api/v1/enkelvoudiginformatieobjecten', token, {
      bronorganisatie: '123456782',
      creatiedatum: '2026-01-10',
      titel: 'Benchmark',
      auteur: 'Benchmark',
      taal: 'dut',
      informatieobjecttype: typeUrl,
      bestandsnaam: 'document.bin',
      inhoud: null,
      bestandsomvang: size,
    });
    expectStatus(created, 201, 'create');
    const document = JSON.parse(created.body) as { url: string; lock: string; bestandsdelen: { url: string; volgnummer: number; omvang: number }[] };
    let offset = 0;
    for (const deel of document.bestandsdelen) {
      expectStatus(await putPart(server.port, new URL(deel.url).pathname, token, document.lock, file, offset, deel.omvang), 200, `bestandsdeel ${deel.volgnummer}`);
      offset += deel.omvang;
    }
    const path = new URL(document.url).pathname;
    expectStatus(await callJson(server.port, 'POST', `${path}/unlock`, token, { lock: document.lock }), 204, 'unlock');
    const uploadMs = performance.now() - uploadStarted;
    const rssPeak = pid === undefined ? undefined : await peakRssMb(pid);

    const downloadStarted = performance.now();
    const fetched = await download(server.port, `${path}/download`, token);
    const downloadMs = performance.now() - downloadStarted;
    if (fetched.status !== 200 || fetched.bytes !== size || fetched.sha256 !== sha256) {
      throw new Error(`download answered ${fetched.status} with ${fetched.bytes} bytes (sha256 ${fetched.sha256 === sha256 ? 'matches' : 'differs'})`);
    }
    const stored = await stat(dataDir).then(() => true).catch(() => false);
    print(`  upload (${document.bestandsdelen.length} parts)   ${mbPerSecond(size, uploadMs).padStart(12)}   (${uploadMs.toFixed(0)} ms, create → parts → unlock joins them; ${(copyMs / uploadMs).toFixed(2)}× the copy)`);
    print(`  download            ${mbPerSecond(size, downloadMs).padStart(12)}   (${downloadMs.toFixed(0)} ms, checksum verified by Loket and here; ${(copyMs / downloadMs).toFixed(2)}× the copy)`);
    if (rssPeak === undefined) print('  peak RSS during upload: not measurable here (needs Linux /proc)');
    else print(`  peak RSS of Loket during upload ${rssPeak.toFixed(0)} MB (${rssBefore === undefined ? '' : `${rssBefore.toFixed(0)} MB before; `}target ≤ 200 MB: ${rssPeak <= 200 ? 'met' : 'NOT met'})`);
    if (!stored) print('  WARNING: the data directory was not created; the figures are not of the filesystem storage.');
  } finally {
    await server.stop();
  }
} finally {
  await bench.drop();
  await rm(work, { recursive: true, force: true });
}
