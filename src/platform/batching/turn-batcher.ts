interface Waiting<Item, Result> {
  item: Item;
  resolve: (result: Result) => void;
  reject: (error: unknown) => void;
}

/**
 * Collects the calls made in one turn of the event loop and answers them with one run over all of them: for work
 * that starts together (the outbox dispatcher starts the events of a claim in one go) and costs a database round trip
 * per call when done one by one. The run gets the items in call order and returns one result per item, in the same
 * order; when it throws, every call of that batch rejects with its error.
 */
export class TurnBatcher<Item, Result> {
  private waiting: Waiting<Item, Result>[] = [];
  private scheduled = false;

  constructor(
    private readonly run: (items: Item[]) => Promise<Result[]>,
    /** Larger batches are split, so one statement never grows without bound. */
    private readonly maxBatch = 500,
  ) {}

  /** Adds an item to this turn's batch; resolves with its result once the batch has run. */
  add(item: Item): Promise<Result> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        // setImmediate, not a microtask: calls that each await something first still join the same batch.
        setImmediate(() => this.runAll());
      }
    });
  }

  private runAll(): void {
    const all = this.waiting;
    this.waiting = [];
    this.scheduled = false;
    for (let start = 0; start < all.length; start += this.maxBatch) void this.runBatch(all.slice(start, start + this.maxBatch));
  }

  private async runBatch(batch: Waiting<Item, Result>[]): Promise<void> {
    try {
      const results = await this.run(batch.map((waiting) => waiting.item));
      if (results.length !== batch.length) throw new Error(`a batch of ${batch.length} gave ${results.length} results`);
      batch.forEach((waiting, index) => waiting.resolve(results[index] as Result));
    } catch (error) {
      for (const waiting of batch) waiting.reject(error);
    }
  }
}
