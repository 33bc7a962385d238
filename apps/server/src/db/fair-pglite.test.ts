import { PGlite } from "@electric-sql/pglite";
import { describe, expect, it } from "vitest";
import { FairPGlite } from "./fair-pglite.ts";

/** How many turns the event loop took while a transaction of 20 queries ran. */
async function turnsDuringTransaction(client: PGlite): Promise<number> {
  await client.waitReady;
  let turns = 0;
  let running = true;
  const tick = () => {
    if (!running) return;
    turns++;
    setImmediate(tick);
  };
  setImmediate(tick);
  await client.transaction(async (tx) => {
    for (let i = 0; i < 20; i++) await tx.query("select $1::int as n", [i]);
  });
  running = false;
  await client.close();
  return turns;
}

describe("FairPGlite", () => {
  it("lets the event loop turn between the queries of a transaction, where PGlite holds it", async () => {
    expect(await turnsDuringTransaction(new FairPGlite())).toBeGreaterThanOrEqual(20);
    expect(await turnsDuringTransaction(new PGlite())).toBeLessThan(5);
  });

  it("answers as PGlite does", async () => {
    const client = new FairPGlite();
    const { rows } = await client.query<{ n: number }>("select $1::int + 1 as n", [41]);
    expect(rows).toEqual([{ n: 42 }]);
    await expect(client.query("select * from missing_table")).rejects.toThrow(/missing_table/);
    await client.close();
  });
});
