import { describe, expect, it } from "vitest";
import { Batcher, type Outcome, outcomeOf } from "./batcher.ts";

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A batch runner that records its batches and doubles numbers, refusing negative ones alone. */
function doubling(options: { failWhole?: (items: readonly number[]) => boolean; slow?: Promise<void> } = {}) {
  const batches: number[][] = [];
  const run = async (items: readonly number[]): Promise<Outcome<number>[]> => {
    batches.push([...items]);
    await options.slow;
    if (options.failWhole?.(items)) throw new Error("the whole batch failed");
    return items.map((n) =>
      outcomeOf(() => {
        if (n < 0) throw new Error(`refused ${n}`);
        return n * 2;
      }),
    );
  };
  return { batches, run };
}

describe("Batcher", () => {
  it("runs calls made in the same turn as one batch, each answered with its own value", async () => {
    const { batches, run } = doubling();
    const batcher = new Batcher(run, { maxSize: 100, concurrency: 1 });
    expect(await Promise.all([1, 2, 3].map((n) => batcher.submit(n)))).toEqual([2, 4, 6]);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it("answers a refused item with its error and the others with their values", async () => {
    const { run } = doubling();
    const batcher = new Batcher(run, { maxSize: 100, concurrency: 1 });
    const answers = await Promise.allSettled([1, -2, 3].map((n) => batcher.submit(n)));
    expect(answers.map((a) => (a.status === "fulfilled" ? a.value : (a.reason as Error).message))).toEqual([
      2,
      "refused -2",
      6,
    ]);
  });

  it("gathers the calls that arrive while a batch runs into the next one", async () => {
    let release!: () => void;
    const slow = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { batches, run } = doubling({ slow });
    const batcher = new Batcher(run, { maxSize: 100, concurrency: 1 });
    const first = batcher.submit(1);
    await tick();
    const later = [2, 3, 4].map((n) => batcher.submit(n));
    await tick();
    expect(batches).toEqual([[1]]);
    release();
    expect(await Promise.all([first, ...later])).toEqual([2, 4, 6, 8]);
    expect(batches).toEqual([[1], [2, 3, 4]]);
  });

  it("never puts more than maxSize items in a batch", async () => {
    const { batches, run } = doubling();
    const batcher = new Batcher(run, { maxSize: 2, concurrency: 1 });
    await Promise.all([1, 2, 3, 4, 5].map((n) => batcher.submit(n)));
    expect(batches).toEqual([[1, 2], [3, 4], [5]]);
  });

  it("runs at most `concurrency` batches at once", async () => {
    let inside = 0;
    let most = 0;
    const batcher = new Batcher(
      async (items: readonly number[]) => {
        most = Math.max(most, ++inside);
        await new Promise((resolve) => setTimeout(resolve, 5));
        inside--;
        return items.map((n) => ({ ok: true as const, value: n }));
      },
      { maxSize: 1, concurrency: 2 },
    );
    await Promise.all([1, 2, 3, 4, 5, 6].map((n) => batcher.submit(n)));
    expect(most).toBe(2);
  });

  it("when a whole batch throws, runs each item alone: only the culprit fails", async () => {
    const { batches, run } = doubling({ failWhole: (items) => items.includes(7) });
    const batcher = new Batcher(run, { maxSize: 100, concurrency: 1 });
    const answers = await Promise.allSettled([1, 7, 3].map((n) => batcher.submit(n)));
    expect(answers.map((a) => a.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(batches).toEqual([[1, 7, 3], [1], [7], [3]]);
  });
});
