/*
 * The zaak JSON of recently listed zaken, kept as UTF-8 bytes so a page of zaken is built by copying bytes instead
 * of reading, parsing, presenting, serialising and encoding every row again. An entry is valid for one version of the zaak: the
 * transaction ids (`xmin`) of its row in `zaken` and of its row in `zaak_relatie_lijsten`. PostgreSQL gives every
 * change of either row a new xmin, so a page that reads the current versions gets exactly the JSON of those versions,
 * on every instance, without any invalidation. A zaak's JSON also holds the API's base URL, which is part of the key.
 * The cache is bounded by size. When full it forgets the oldest zaken not read since they were kept or last spared
 * (second chance): a read only marks its entry, so the many reads cost no reordering of the map, and a zaak read
 * since it was kept is spared once more.
 */

/** A zaak's JSON at one version, and its ETag once a retrieve has needed it. */
export interface KeptZaak {
  /** The zaak's JSON, UTF-8 encoded (as it goes out). */
  json: Buffer;
  etag?: string;
}

interface Entry extends KeptZaak {
  version: string;
  bytes: number;
  /** Read since it was kept or last spared. */
  used: boolean;
}

/** A map from a zaak (tenant, base URL, uuid) to its JSON at one version, bounded in bytes. */
export class ZaakJsonCache {
  readonly #entries = new Map<string, Entry>();
  #bytes = 0;

  constructor(readonly maxBytes: number) {}

  /** The JSON of this zaak at exactly this version, or undefined. */
  get(key: string, version: string): KeptZaak | undefined {
    const entry = this.#entries.get(key);
    if (entry === undefined || entry.version !== version) return undefined;
    entry.used = true;
    return entry;
  }

  /** Whether any version of this zaak is kept. */
  has(key: string): boolean {
    return this.#entries.has(key);
  }

  /** Keeps the JSON (and ETag) of this zaak at this version, replacing any other version of it. */
  set(key: string, version: string, json: Buffer, etag?: string): void {
    this.#remove(key);
    // JavaScript strings take about two bytes per character; the key, version, ETag and bookkeeping are counted too.
    const bytes = json.length + 2 * (key.length + version.length) + 128;
    if (bytes > this.maxBytes) return;
    this.#entries.set(key, { version, json, etag, bytes, used: false });
    this.#bytes += bytes;
    // Map keeps insertion order, so the first entries are the oldest. One read since then spares an entry: it
    // moves to the end unmarked. Every entry is spared at most once per pass, so this ends.
    for (const [oldest, entry] of this.#entries) {
      if (this.#bytes <= this.maxBytes) break;
      this.#entries.delete(oldest);
      if (entry.used) {
        entry.used = false;
        this.#entries.set(oldest, entry);
      } else {
        this.#bytes -= entry.bytes;
      }
    }
  }

  /** The number of zaken kept, and the bytes they take. */
  get size(): { entries: number; bytes: number } {
    return { entries: this.#entries.size, bytes: this.#bytes };
  }

  #remove(key: string): void {
    const entry = this.#entries.get(key);
    if (entry === undefined) return;
    this.#entries.delete(key);
    this.#bytes -= entry.bytes;
  }
}

/** The key of a zaak's JSON: its tenant, the API base URL its links use, and its uuid. */
export function zaakJsonKey(tenantId: string, base: string, uuid: string): string {
  return `${tenantId} ${base} ${uuid}`;
}

/** How much zaak JSON one process keeps per database: about 40,000 typical zaken (400 pages). */
const DEFAULT_MAX_BYTES = 128 * 1024 * 1024;

const caches = new WeakMap<object, ZaakJsonCache>();

/**
 * The cache of the zaken of one database (its connection pool). Transaction ids are unique within one PostgreSQL
 * cluster, not across databases that count them separately (two embedded ones), so each database gets its own.
 */
export function zaakJsonCacheFor(database: object): ZaakJsonCache {
  let cache = caches.get(database);
  if (cache === undefined) {
    cache = new ZaakJsonCache(DEFAULT_MAX_BYTES);
    caches.set(database, cache);
  }
  return cache;
}
