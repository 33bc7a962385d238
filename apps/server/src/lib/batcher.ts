/** What one item of a batch came to: its value, or the error that item alone answers with. */
export type Outcome<O> = { ok: true; value: O } | { ok: false; error: unknown };

export interface BatcherOptions {
  /** The most items in one batch; the rest wait for the next. */
  maxSize: number;
  /** How many batches may run at once (1 on PGlite, whose one connection does one thing at a time). */
  concurrency: number;
}

interface Waiting<I, O> {
  item: I;
  resolve: (value: O) => void;
  reject: (error: unknown) => void;
}

/**
 * Runs calls that arrive together as one batch ("group commit"): a call starts a batch on the next
 * turn of the event loop, with every call that arrived meanwhile; calls arriving while batches run
 * wait for the next one. A call alone runs at once, alone; a burst of 200 runs as a few batches,
 * one transaction each instead of one per call.
 *
 * `run` answers every item in order, each with its own outcome, so one refused item never fails the
 * others. Should a whole batch throw (a lost connection, a constraint only one row breaks), each of
 * its items runs again alone and answers for itself; so `run` throws only before it committed, and
 * turns a failure after into its items' outcomes.
 */
export class Batcher<I, O> {
  private readonly queue: Waiting<I, O>[] = [];
  private running = 0;
  private scheduled = false;

  constructor(
    private readonly run: (items: readonly I[]) => Promise<Outcome<O>[]>,
    private readonly options: BatcherOptions,
  ) {}

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.queue.length === 0 || this.running >= this.options.concurrency) return;
    this.scheduled = true;
    // The next turn, not now: the requests read from the sockets in this turn join the batch.
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    if (this.running >= this.options.concurrency) return;
    const batch = this.queue.splice(0, this.options.maxSize);
    if (batch.length === 0) return;
    this.running++;
    this.schedule();
    try {
      await this.answer(batch);
    } finally {
      this.running--;
      this.schedule();
    }
  }

  private async answer(batch: Waiting<I, O>[]): Promise<void> {
    let outcomes: Outcome<O>[];
    try {
      outcomes = await this.run(batch.map((w) => w.item));
    } catch (error) {
      if (batch.length === 1) {
        batch[0]!.reject(error);
        return;
      }
      for (const waiting of batch) await this.answer([waiting]);
      return;
    }
    batch.forEach((waiting, i) => {
      const outcome = outcomes[i];
      if (!outcome) waiting.reject(new Error(`batch answered ${outcomes.length} of ${batch.length} items`));
      else if (outcome.ok) waiting.resolve(outcome.value);
      else waiting.reject(outcome.error);
    });
  }
}

/** Runs `decide` for one item, catching what it throws into the item's outcome. */
export function outcomeOf<O>(decide: () => O): Outcome<O> {
  try {
    return { ok: true, value: decide() };
  } catch (error) {
    return { ok: false, error };
  }
}

/** One batcher per owner (the app's dependencies), made on first use. */
export function batcherPer<K extends object, I, O>(make: (owner: K) => Batcher<I, O>): (owner: K) => Batcher<I, O> {
  const made = new WeakMap<K, Batcher<I, O>>();
  return (owner) => {
    let batcher = made.get(owner);
    if (!batcher) {
      batcher = make(owner);
      made.set(owner, batcher);
    }
    return batcher;
  };
}

/**
 * Batches of up to 200 items; PGlite's one connection runs one batch at a time, a PostgreSQL pool
 * runs two, so the database works on one while this process prepares the next.
 */
export const batchOptions = (deps: { database: { kind: "pglite" | "postgres" } }): BatcherOptions => ({
  maxSize: 200,
  concurrency: deps.database.kind === "pglite" ? 1 : 2,
});
