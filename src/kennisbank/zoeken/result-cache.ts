/*
 * Search answers that were just computed, kept per process. What people search for repeats heavily (the search log
 * shows the same few hundred queries day after day), and a broad query costs the database several milliseconds at
 * 10,000 articles. A kept answer is keyed on the tenant's `kennisbank_zoekstand` number, which every change of the
 * index or the synonyms replaces, and on the date (publication dates count per day), so it is never served once the
 * catalogue changed. The search log is written for every search, kept answer or not.
 */

/** Answers kept when the configuration does not say (LOKET_KENNISBANK_SEARCH_CACHE); about 10 kB each. */
export const DEFAULT_CACHE_ENTRIES = 1000;

export class SearchResultCache<T> {
  private readonly entries = new Map<string, T>();

  constructor(private capacity: number) {}

  /** Changes the number of answers kept (0 keeps none); the oldest go first. */
  resize(capacity: number): void {
    this.capacity = Math.max(0, Math.floor(capacity));
    this.trim();
  }

  get(key: string): T | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    // Used again: it moves to the back of the queue.
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  set(key: string, value: T): void {
    if (this.capacity === 0) return;
    this.entries.delete(key);
    this.entries.set(key, value);
    this.trim();
  }

  get size(): number {
    return this.entries.size;
  }

  private trim(): void {
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (oldest.done === true) return;
      this.entries.delete(oldest.value);
    }
  }
}
